/// The machine-readable codebook: categories, codes, the phrases that signal them, and the
/// context rules (negation, hedging, qualifiers, partnership names) that refine a mention.
///
/// Loaded once from a YAML file (see `Taxonomy+Loading.swift` and `pipelines/lsp-codebook.yml`)
/// and shared read-only by every document.
public final class Taxonomy: Sendable {
  /// The taxonomy's name, such as "lsp-codebook".
  public let name: String
  /// The taxonomy's version string.
  public let version: String
  /// SHA-256 of the taxonomy file's bytes, lowercase hex; identifies exactly which rules ran.
  public let sha256: String
  /// The categories in file order.
  public let categories: [Category]
  /// Negation, hedging and qualifier cues.
  public let context: ContextRules
  /// How partnership names are recognised, if the taxonomy has a code for them.
  public let partnershipNames: PartnershipNameRules?
  /// The compiled code phrases (and exclusions).
  let matcher: PhraseMatcher
  /// The compiled context cues.
  let contextMatcher: PhraseMatcher
  /// The compiled partnership-name heads and appositives.
  let nameMatcher: PhraseMatcher?

  /// Every token any of the three matchers uses, looked up once per document token; its ids
  /// index `lexiconIDs`.
  let lexicon: TokenVocabulary
  /// For each `lexicon` token, its id in the phrase, context and name matchers (-1 where unused).
  let lexiconIDs: [MatcherIDs]

  /// Which lengths of lexicon word start with each pair of letters (see
  /// `LexiconLookup.surelyAbsent`).
  let prefilter: LexiconPrefilter

  /// Whether every lexicon word is ASCII, as in an English taxonomy: then a document word that
  /// cannot fold to ASCII needs no lookup.
  let lexiconIsASCII: Bool

  /// The longest normalised token any matcher uses, in bytes: longer document words need no lookup.
  let longestTokenByteCount: Int

  /// The kind of cue of each entry of `contextMatcher`.
  let contextKinds: [ContextRules.Kind?]

  /// The taxonomy's matchers, for `SentenceTokens.matches(of:at:constrained:)`.
  enum MatcherSlot {
    static let phrases = 0
    static let context = 1
    static let names = 2
  }

  /// Creates a taxonomy and compiles its phrases.
  ///
  /// - Throws: `ConfigurationError` in `file` for a phrase without words or two phrases that
  ///   match the same words.
  init(
    name: String, version: String, sha256: String, categories: [Category], context: ContextRules,
    partnershipNames: PartnershipNameRules?, file: String
  ) throws(ConfigurationError) {
    self.name = name
    self.version = version
    self.sha256 = sha256
    self.categories = categories
    self.context = context
    self.partnershipNames = partnershipNames
    self.matcher = try PhraseMatcher(codes: categories.flatMap(\.codes), file: file)
    let contextMatcher = try PhraseMatcher(codes: context.cueDefinitions, file: file)
    self.contextMatcher = contextMatcher
    let kinds = Dictionary(uniqueKeysWithValues: ContextRules.Kind.allCases.map { ($0.code, $0) })
    self.contextKinds = contextMatcher.entries.map { kinds[$0.code] }
    let nameMatcher = try partnershipNames.map { rules throws(ConfigurationError) in
      try PhraseMatcher(codes: rules.cueDefinitions, file: file)
    }
    self.nameMatcher = nameMatcher
    var lexicon = TokenVocabulary()
    var lexiconIDs: [MatcherIDs] = []
    for (slot, matcher) in [matcher, contextMatcher, nameMatcher].enumerated() {
      for (id, token) in (matcher?.vocabularyTokens ?? []).enumerated() {
        let entry = Int(lexicon.insert(String(decoding: token, as: UTF8.self)))
        if entry == lexiconIDs.count { lexiconIDs.append(MatcherIDs()) }
        switch slot {
        case 0: lexiconIDs[entry].phrase = Int32(id)
        case 1: lexiconIDs[entry].context = Int32(id)
        default: lexiconIDs[entry].name = Int32(id)
        }
      }
    }
    self.lexicon = lexicon
    self.lexiconIDs = lexiconIDs
    let words = [matcher, contextMatcher, nameMatcher].flatMap { $0?.vocabularyTokens ?? [] }
    self.lexiconIsASCII = words.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
    self.prefilter = LexiconPrefilter(words: words)
    self.longestTokenByteCount = max(
      matcher.longestTokenByteCount, contextMatcher.longestTokenByteCount, nameMatcher?.longestTokenByteCount ?? 0)
  }

  /// A category of codes, such as `success_factor`.
  public struct Category: Sendable {
    /// The category's name, the part of a code before the dot.
    public let name: String
    /// What the category is about.
    public var description: String
    /// Whether its mentions carry a polarity; `partnership`, `policy` and `sector` are neutral.
    public var isJudged: Bool
    /// Whether a factor merely said to be there ("there is mutual trust", "partners have a long
    /// tradition of co-operation") counts as positive: the critical success factors.
    public var presenceIsPositive = false
    /// For an unjudged category: whether a mention that is plainly judged by what follows it in
    /// its clause takes that judgement ("the Rothwick LSP struggled" is negative); see
    /// `ContextAnalyzer.plainReading`. The partnerships.
    public var isJudgedByPredicate = false
    /// Whether the category's phrases that carry their own polarity judge the subject they
    /// follow ("the KMGP broke into the virtuous circle" is positive for the KMGP): the circles.
    public var isVerdict = false
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
    /// Longer phrases of another meaning that contain a cue and do not count ("NHS trust").
    public var exclusions: [Phrase]
  }

  /// A cue phrase, matched on normalised tokens.
  public struct Phrase: Sendable {
    /// The phrase as written in the taxonomy file.
    public var text: String
    /// Polarity the phrase carries by itself ("mistrust" is negative), if any.
    public var polarity: Polarity?
    /// Match only singular forms ("trust", not "trusts", which are NHS bodies).
    public var isSingularOnly = false
    /// Skip matches written with a capital inside a sentence: part of a name ("Housing Trust").
    public var skipsNames = false
    /// Where the phrase is written, for error messages.
    public var line: Int
    public var column: Int

    /// Creates a phrase.
    public init(text: String, polarity: Polarity? = nil, isSingularOnly: Bool = false, skipsNames: Bool = false, line: Int = 0, column: Int = 0) {
      self.text = text
      self.polarity = polarity
      self.isSingularOnly = isSingularOnly
      self.skipsNames = skipsNames
      self.line = line
      self.column = column
    }
  }

  /// Every code in file order.
  public var codes: [CodeDefinition] { categories.flatMap(\.codes) }

  /// Whether mentions of a code carry a polarity.
  func isJudged(_ code: Code) -> Bool {
    categories.first { $0.name == code.category }?.isJudged ?? true
  }

  /// Whether an unjudged code takes a plain judgement that follows it (`judged_by_predicate`).
  func isJudgedByPredicate(_ code: Code) -> Bool {
    categories.first { $0.name == code.category }?.isJudgedByPredicate ?? false
  }

  /// Whether the code's own-polarity phrases judge the subject before them (`verdict`).
  func isVerdict(_ code: Code) -> Bool {
    categories.first { $0.name == code.category }?.isVerdict ?? false
  }

  /// Whether presence alone makes a mention of the code positive.
  func presenceIsPositive(_ code: Code) -> Bool {
    categories.first { $0.name == code.category }?.presenceIsPositive ?? false
  }
}

/// The cue words of the ConText-style pass, all editable in the taxonomy file.
public struct ContextRules: Sendable {
  /// How many tokens a negation or hedging cue reaches.
  public var window = 8
  /// How many tokens from a mention a qualifier ("strong", "weak") may stand.
  public var qualifierWindow = 3
  /// How many tokens after an unjudged mention (`partnership.*`, `policy.*`) a qualifier or a
  /// circle may stand and still be the sentence plainly judging it ("the LSP struggled").
  public var predicateWindow = 4
  /// The cue phrases of each kind.
  public var cues: [Kind: [Taxonomy.Phrase]] = [:]

  /// The kinds of cue. Each is written in the taxonomy file as `context.<group>.<key>`
  /// (`context.terminators` for terminators).
  public enum Kind: String, CaseIterable, Sendable {
    /// Words that end a cue's scope ("but", "however"); ";" and ":" always do.
    case terminator
    /// Negation cues that reach forward ("no", "lack of").
    case negationBefore = "negation_before"
    /// Negation cues that reach back ("is lacking", "do not match").
    case negationAfter = "negation_after"
    /// Negation cues that reach both ways in their clause ("is not", "never").
    case negationAround = "negation_around"
    /// Look-alikes that are not negation ("not only", "no doubt").
    case negationPseudo = "negation_pseudo"
    /// Negation cues that reach forward like `before` ("without"), but that a second negation
    /// later in the clause turns into an assertion: "without the good working relationships
    /// nothing would have worked" asserts the relationships.
    case negationCounterfactual = "negation_counterfactual"
    /// Hedging cues that cover their clause ("may", "appear to").
    case hedgingClause = "hedging_clause"
    /// Hedging cues that cover the whole sentence ("if", "unless").
    case hedgingSentence = "hedging_sentence"
    /// Hedging cues that cover their clause but still report a finding ("appears to have
    /// improved"): a positive qualifier keeps its polarity, where a hypothetical hedge ("would
    /// help") leaves the mention neutral.
    case hedgingEvidential = "hedging_evidential"
    /// Look-alikes that are not hedging ("may nominate", "would welcome").
    case hedgingPseudo = "hedging_pseudo"
    /// Qualifiers that make a mention positive ("strong", "good").
    case positive = "qualifiers_positive"
    /// Qualifiers that make a mention negative ("weak", "poor").
    case negative = "qualifiers_negative"
    /// Words that say a thing is there ("there is", "have"): positive for categories whose
    /// presence counts (the success factors).
    case presence = "qualifiers_presence"
    /// Aims, recommendations and proposals ("should", "recommend"): what follows them in the
    /// clause is neutral.
    case neutral = "qualifiers_neutral"

    /// The key's group in the taxonomy file (`negation`, `hedging`, `qualifiers`), or nil for
    /// `terminators`.
    var group: String? { self == .terminator ? nil : String(rawValue.prefix { $0 != "_" }) }
    /// The key within its group (`before`, `clause`, `positive`, ...).
    var key: String { self == .terminator ? "terminators" : String(rawValue.drop { $0 != "_" }.dropFirst()) }

    var code: Code { Code(category: "context", name: rawValue) }

    /// Whether the kind negates what it covers.
    var isNegation: Bool { [.negationBefore, .negationAfter, .negationAround, .negationCounterfactual].contains(self) }
  }

  var cueDefinitions: [Taxonomy.CodeDefinition] {
    Kind.allCases.map { Taxonomy.CodeDefinition(code: $0.code, label: $0.rawValue, phrases: cues[$0] ?? [], exclusions: []) }
  }
}

/// How partnership names are found: "Oakridge Local Strategic Partnership", "Pendleby
/// Partnership Board (PPB)", "Marlow Fen First, the district's LSP".
public struct PartnershipNameRules: Sendable {
  /// The code a named mention carries, such as `partnership.named`.
  public var code: Code
  /// Words that end a partnership's name ("Local Strategic Partnership", "LSP", "Partnership").
  public var heads: [Taxonomy.Phrase] = []
  /// Name words that make a "... Partnership" a thematic or generic body, not a named LSP
  /// ("Community Safety Partnership", "Health and Wellbeing Partnership").
  public var themeWords: Set<String> = []
  /// Capitalised words that are never a name's first word ("The", "This", "Our").
  public var stopWords: Set<String> = []

  /// The pseudo-code head matches carry.
  static let headCode = Code(category: "names", name: "head")

  var cueDefinitions: [Taxonomy.CodeDefinition] {
    [Taxonomy.CodeDefinition(code: Self.headCode, label: "head", phrases: heads, exclusions: [])]
  }
}
