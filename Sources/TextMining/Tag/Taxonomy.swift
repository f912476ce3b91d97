/// The machine-readable codebook: categories, codes and the phrases that signal them.
///
/// Loaded once from a YAML file (see `Taxonomy+Loading.swift` and `pipelines/lsp-codebook.yml`)
/// and shared read-only by every document.
public struct Taxonomy: Sendable {
  /// The taxonomy's name, such as "lsp-codebook".
  public let name: String
  /// The taxonomy's version string.
  public let version: String
  /// SHA-256 of the taxonomy file's bytes, lowercase hex; identifies exactly which rules ran.
  public let sha256: String
  /// The categories in file order.
  public let categories: [Category]
  /// The compiled phrases.
  let matcher: PhraseMatcher

  /// Creates a taxonomy and compiles its phrases.
  ///
  /// - Throws: `ConfigurationError` in `file` for a phrase without words or two phrases that
  ///   match the same words.
  init(name: String, version: String, sha256: String, categories: [Category], file: String) throws(ConfigurationError) {
    self.name = name
    self.version = version
    self.sha256 = sha256
    self.categories = categories
    self.matcher = try PhraseMatcher(codes: categories.flatMap(\.codes), file: file)
  }

  /// A category of codes, such as `success_factor`.
  public struct Category: Sendable {
    /// The category's name, the part of a code before the dot.
    public let name: String
    /// What the category is about.
    public var description: String
    /// The category's codes in file order.
    public var codes: [CodeDefinition]
  }

  /// One code and its cue phrases.
  public struct CodeDefinition: Sendable {
    /// The code.
    public var code: Code
    /// What counts as this code.
    public var label: String
    /// The phrases that signal it.
    public var phrases: [Phrase]
  }

  /// A cue phrase, matched on normalised tokens.
  public struct Phrase: Sendable {
    /// The phrase as written in the taxonomy file.
    public var text: String
    /// Polarity the phrase carries by itself ("mistrust" is negative), if any.
    public var polarity: Polarity?
    /// Where the phrase is written, for error messages.
    public var line: Int
    public var column: Int
  }

  /// Every code in file order.
  public var codes: [CodeDefinition] { categories.flatMap(\.codes) }
}
