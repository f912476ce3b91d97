/// How partnership names are found: "Oakridge Local Strategic Partnership", "Pendleby
/// Partnership Board (PPB)", "Marlow Fen First, the district's LSP".
public struct PartnershipNameRules: Sendable {
  /// The code a named mention carries, such as `partnership.named`.
  public var code: Code
  /// Words that end a partnership's name ("Local Strategic Partnership", "LSP", "Partnership").
  public var heads: [Codebook.Phrase] = []
  /// Name words that make a "... Partnership" a thematic or generic body, not a named LSP
  /// ("Community Safety Partnership", "Health and Wellbeing Partnership").
  public var themeWords: Set<String> = []
  /// Capitalised words that are never a name's first word ("The", "This", "Our").
  public var stopWords: Set<String> = []

  /// The pseudo-code head matches carry.
  static let headCode = Code(category: "names", name: "head")

  var cueDefinitions: [Codebook.CodeDefinition] {
    [Codebook.CodeDefinition(code: Self.headCode, label: "head", phrases: heads, exclusions: [])]
  }
}
