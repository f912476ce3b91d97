/// Participation words whose code depends on who takes part, as the codebook separates
/// representation from community engagement: "more engagement with the private sector is
/// needed" is `governance.representation`, "engagement with residents" is
/// `governance.community_engagement`. The taxonomy file's `participation` block.
public struct ParticipationRules: Sendable {
  /// One side of the decision: the code it gives and the words and codes that show it.
  public struct Side: Sendable {
    /// The code a cue takes when this side takes part ("governance.representation").
    public var code: Code
    /// Normalised words that name a participant of this side ("partner", "business").
    public var words: Set<String>
    /// Codes whose mentions name a participant of this side (`sector.private`).
    public var codes: Set<Code>
    /// Cues of this side only: they take its code when it takes part, and code nothing
    /// otherwise ("member": a voluntary sector member is representation, a member of the public
    /// nothing).
    public var cues: [Codebook.Phrase] = []
    /// Cues that lean to this side: its code when no participant stands in their clause, the
    /// nearest side's code otherwise ("attendance has fallen" is representation, "residents
    /// are welcome to attend" community engagement).
    public var leaningCues: [Codebook.Phrase] = []
  }

  /// Cues that take the default code when the clause names no participant ("engagement").
  public var cues: [Codebook.Phrase] = []
  /// Cues that code nothing when the clause names no participant ("involved", "a voice").
  public var weakCues: [Codebook.Phrase] = []
  /// The code of a `cues` phrase with no participant in its clause.
  public var defaultCode: Code
  /// The sides, in file order.
  public var sides: [Side] = []
  /// How many tokens either side of the cue, within its clause, a participant may stand.
  public var window = 8
  /// Words that point back to a participant named earlier ("neither", "they"): a weak cue with
  /// none in its window takes the nearest earlier participant only when one of these stands in
  /// its clause ("two employers were approached, but neither agreed to take part"). A strong or
  /// leaning cue looks back without one.
  public var backReferences: Set<String> = []
  /// Words that make a participant a part of the one after them, a determiner between or not:
  /// "members of the public" are the public's, "representatives of the voluntary sector" the
  /// sector's.
  public var partOf: Set<String> = ["of"]

  /// The pseudo-codes the cue phrases carry in the phrase matcher, resolved per clause.
  static let cueCode = Code(category: "participation", name: "cue")
  static let weakCueCode = Code(category: "participation", name: "weak_cue")

  /// The pseudo-code of side `index`'s own cues.
  static func sideCueCode(_ index: Int) -> Code {
    Code(category: "participation", name: "side_\(index)")
  }

  /// The pseudo-code of side `index`'s leaning cues.
  static func leaningCueCode(_ index: Int) -> Code {
    Code(category: "participation", name: "lean_\(index)")
  }

  /// Whether a code is one of the pseudo-codes of participation cues.
  static func isCue(_ code: Code) -> Bool { code.category == "participation" }

  var cueDefinitions: [Codebook.CodeDefinition] {
    sides.indices.map {
      Codebook.CodeDefinition(
        code: Self.sideCueCode($0), label: "side cue", phrases: sides[$0].cues, exclusions: [])
    }
      + sides.indices.map {
        Codebook.CodeDefinition(
          code: Self.leaningCueCode($0), label: "leaning cue", phrases: sides[$0].leaningCues,
          exclusions: [])
      } + [
        Codebook.CodeDefinition(code: Self.cueCode, label: "cue", phrases: cues, exclusions: []),
        Codebook.CodeDefinition(
          code: Self.weakCueCode, label: "weak cue", phrases: weakCues, exclusions: []),
      ]
  }
}
