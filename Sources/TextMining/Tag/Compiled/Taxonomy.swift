/// The codebook compiled for matching: one lexicon of every word any phrase uses, the phrase,
/// cue and name matchers built over it, and each category's flags.
///
/// Loaded once from a taxonomy file (`Codebook+Loading.swift`, `pipelines/lsp-codebook.yml`) and
/// shared read-only by every document.
public final class Taxonomy: Sendable {
  /// The codebook as the file states it.
  public let codebook: Codebook
  /// The taxonomy's name, such as "lsp-codebook".
  public var name: String { codebook.name }
  /// The taxonomy's version string.
  public var version: String { codebook.version }
  /// SHA-256 of the taxonomy file's bytes; identifies exactly which rules ran.
  public var sha256: String { codebook.sha256 }
  // The parts of the codebook the tagger reads for every sentence, kept as stored values so
  // that reading one costs no copy of the codebook.
  /// The categories in file order.
  public let categories: [Codebook.Category]
  /// Negation, hedging and qualifier cues.
  public let context: ContextRules
  /// How partnership names are recognised, if the taxonomy has a code for them.
  public let partnershipNames: PartnershipNameRules?
  /// Participation words coded by who takes part.
  public let participation: ParticipationRules?
  /// The learned second reading of polarity, if any.
  public var polarityModel: PolarityModel? { compiledPolarityModel?.model }
  /// The same, compiled for tagging.
  let compiledPolarityModel: CompiledPolarityModel?
  /// Every code in file order.
  public var codes: [Codebook.CodeDefinition] { codebook.codes }
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

  /// Whether every lexicon word is ASCII, as in an English taxonomy, apart from the right single
  /// quote of a contraction ("don’t"): then a document word that cannot fold to ASCII (it holds
  /// some other non-ASCII character, as a Cyrillic word does) needs no lookup.
  let lexiconIsASCII: Bool

  /// The longest normalised token any matcher uses, in bytes: longer document words need no lookup.
  let longestTokenByteCount: Int

  /// The grammar's auxiliaries, list conjunctions and clause openers as lower-case UTF-8, for
  /// `SentenceTokens.isWord(_:oneOf:)`.
  let auxiliaryBytes: PackedWords
  let conjunctionBytes: PackedWords
  let predicateConjunctionBytes: PackedWords
  let continuingNegationBytes: PackedWords
  let complementizerBytes: PackedWords
  /// `context.grammar.factive_predicates`, packed.
  let factiveBytes: PackedWords
  /// `context.grammar.continuing_qualifiers`, packed.
  let continuingQualifierBytes: PackedWords
  /// `context.grammar.counterfactual_past`, packed.
  let counterfactualPastBytes: PackedWords
  /// `context.grammar.predicate_leads`, packed.
  let predicateLeadBytes: PackedWords
  /// `context.grammar.attention_verbs`, packed.
  let attentionVerbBytes: PackedWords
  /// `context.grammar.negative_subjects`, packed.
  let negativeSubjectBytes: PackedWords
  /// `context.grammar.opening_subordinators`, packed.
  let openingSubordinatorBytes: PackedWords
  /// `context.grammar.remedy_verbs`, packed.
  let remedyVerbBytes: PackedWords
  let comparisonLinkBytes: PackedWords
  let negationScopeEndBytes: PackedWords
  /// `context.grammar.excess_words`, packed.
  let excessWordBytes: PackedWords
  /// `context.grammar.excess_leads`, packed.
  let excessLeadBytes: PackedWords
  /// `context.grammar.negative_determiners`, packed.
  let negativeDeterminerBytes: PackedWords
  /// `context.grammar.prepositions`, packed (the list is normalised; its words are plain).
  let prepositionBytes: PackedWords
  /// `context.grammar.determiners`, packed.
  let determinerBytes: PackedWords
  let reportingVerbBytes: PackedWords
  let reportedFutureBytes: PackedWords
  let questionOpenerBytes: PackedWords
  /// The last word of each news label (`TaxonomyTagger.isHeadline`).
  let newsLabelLastWords: [[UInt8]]
  /// `context.ratings`' words as lower-case UTF-8, for a test that allocates nothing.
  let ratingWords: PackedWords
  /// `context.proportions`, compiled; nil reads no share.
  let proportions: ProportionReading.Rules?
  let clauseOpenerBytes: PackedWords

  /// The kind of cue of each entry of `contextMatcher`.
  let contextKinds: [ContextRules.Kind?]
  /// The one-word negation cues ("not", "never") and their kinds, as normalised: a hedging
  /// look-alike ("could not") keeps the negation inside it.
  let oneWordNegations: [String: ContextRules.Kind]

  /// Each category's flags by its name.
  private let categoryFlags: [(category: String, flags: CodeFlags)]

  /// For codes of posts, the codes of the other bodies that may hold them
  /// (`CodeDefinition.otherHolders`); empty in most taxonomies. A list, searched with `==`: it
  /// is read for every mention and holds one or two codes.
  let otherHolders: [(post: Code, holders: Set<Code>)]
  /// For codes of money, what makes a mention partners' own money (`CodeDefinition.partnerMoney`).
  let partnerMoney: [(money: Code, rule: Codebook.PartnerMoney)]
  /// The lower-case words that may stand in another body's name after a post's "of" or comma:
  /// the grammar's determiners and the connectors of names.
  let holderNameWords: Set<String>
  /// `partnership_names.person_titles`, held apart: reaching it through `partnershipNames` for
  /// every sentence copied the whole rules struct (and retained each of its word lists).
  let personTitles: Set<String>
  /// The words of a list of participants: its conjunctions (the grammar's list conjunctions)
  /// and the determiners inside it (the grammar's determiners that open no clause): "the
  /// voluntary sector and the residents".
  let participantLists: (conjunctions: Set<String>, determiners: Set<String>)
  /// The last words of `family_heads` that no partnership head ends with ("network"): a family
  /// body whose name ends with one is no partnership, so never a title's subject. Normalised.
  let familyOtherBodyWords: Set<String>
  /// Words that end a body's name: the last word of each head and family head, the
  /// organisation words and the brand words after a place ("Partnership", "LSP", "Council",
  /// "Together"). Normalised; empty without name rules. Built once here, not per document.
  let nameEnders: Set<String>

  /// Compiles a codebook.
  ///
  /// - Throws: `ConfigurationError` in `file` for a phrase without words or two phrases that
  ///   match the same words.
  init(codebook: Codebook, file: String) throws(ConfigurationError) {
    self.codebook = codebook
    let categories = codebook.categories
    let context = codebook.context
    let partnershipNames = codebook.partnershipNames
    self.categories = categories
    self.context = context
    self.partnershipNames = partnershipNames
    self.participation = codebook.participation
    self.compiledPolarityModel = codebook.polarityModel.map {
      CompiledPolarityModel($0, codes: categories.flatMap(\.codes).map(\.code))
    }
    self.auxiliaryBytes = PackedWords(context.grammar.auxiliaries)
    self.conjunctionBytes = PackedWords(context.grammar.listConjunctions)
    self.predicateConjunctionBytes = PackedWords(context.grammar.predicateConjunctions)
    self.continuingNegationBytes = PackedWords(context.grammar.continuingNegations)
    self.complementizerBytes = PackedWords(context.grammar.complementizers)
    self.factiveBytes = PackedWords(context.grammar.factivePredicates)
    self.continuingQualifierBytes = PackedWords(context.grammar.continuingQualifiers)
    self.counterfactualPastBytes = PackedWords(context.grammar.counterfactualPast)
    self.predicateLeadBytes = PackedWords(context.grammar.predicateLeads)
    self.attentionVerbBytes = PackedWords(context.grammar.attentionVerbs)
    self.negativeSubjectBytes = PackedWords(context.grammar.negativeSubjects)
    self.openingSubordinatorBytes = PackedWords(context.grammar.openingSubordinators)
    self.remedyVerbBytes = PackedWords(context.grammar.remedyVerbs)
    self.comparisonLinkBytes = PackedWords(context.grammar.comparisonLinks)
    self.negationScopeEndBytes = PackedWords(context.grammar.negationScopeEnds)
    self.excessWordBytes = PackedWords(context.grammar.excessWords)
    self.excessLeadBytes = PackedWords(context.grammar.excessLeads)
    self.negativeDeterminerBytes = PackedWords(context.grammar.negativeDeterminers)
    self.prepositionBytes = PackedWords(context.grammar.prepositions)
    self.determinerBytes = PackedWords(context.grammar.determiners)
    self.reportingVerbBytes = PackedWords(context.grammar.reportingVerbs)
    self.reportedFutureBytes = PackedWords(context.grammar.reportedFutures)
    self.questionOpenerBytes = PackedWords(context.grammar.questionOpeners)
    self.proportions = context.proportions.map {
      ProportionReading.Rules(
        $0, clauseOpeners: context.grammar.clauseOpeners,
        prepositions: context.grammar.prepositions)
    }
    self.ratingWords = PackedWords(context.ratings.keys)
    self.newsLabelLastWords = TaxonomyTagger.lastWords(of: context.grammar.newsLabels)
    self.clauseOpenerBytes = PackedWords(context.grammar.clauseOpeners)
    self.otherHolders = categories.flatMap(\.codes).filter { !$0.otherHolders.isEmpty }.map {
      ($0.code, Set($0.otherHolders))
    }
    self.partnerMoney = categories.flatMap(\.codes).compactMap { definition in
      definition.partnerMoney.map { (definition.code, $0) }
    }
    self.personTitles = partnershipNames?.personTitles ?? []
    self.holderNameWords = context.grammar.determiners.union(
      partnershipNames?.nameConnectors ?? [])
    self.participantLists = (
      Set(context.grammar.listConjunctions.map { TokenNormalizer.normalize($0) }),
      context.grammar.determiners.subtracting(context.grammar.clauseOpeners)
    )
    self.familyOtherBodyWords =
      partnershipNames.map { rules in
        Set(rules.familyHeads.compactMap { TokenNormalizer.lastWord(of: $0.text) }).subtracting(
          rules.heads.compactMap { TokenNormalizer.lastWord(of: $0.text) })
      } ?? []
    self.nameEnders =
      partnershipNames.map { rules in
        Set(
          (rules.heads + rules.familyHeads).compactMap { TokenNormalizer.lastWord(of: $0.text) }
        ).union(rules.organisationWords).union(rules.brandWordsAfter).union(rules.bodyEnders)
      } ?? []
    // A few categories: a search by name is as quick as hashing the name.
    categoryFlags = categories.map {
      (
        $0.name,
        CodeFlags(
          isJudged: $0.isJudged, isJudgedByPredicate: $0.isJudgedByPredicate,
          isVerdict: $0.isVerdict, presenceIsPositive: $0.presenceIsPositive)
      )
    }
    self.matcher = try PhraseMatcher(
      codes: categories.flatMap(\.codes) + (codebook.participation?.cueDefinitions ?? []),
      file: file)
    let contextMatcher = try PhraseMatcher(codes: context.cueDefinitions, file: file)
    self.contextMatcher = contextMatcher
    let kinds = Dictionary(uniqueKeysWithValues: ContextRules.Kind.allCases.map { ($0.code, $0) })
    self.contextKinds = contextMatcher.entries.map { kinds[$0.code] }
    var oneWordNegations: [String: ContextRules.Kind] = [:]
    for kind in [ContextRules.Kind.negationBefore, .negationAround, .negationAfter] {
      for phrase in context.cues[kind] ?? [] where !phrase.text.contains(" ") {
        oneWordNegations[TokenNormalizer.normalize(phrase.text)] = kind
      }
    }
    self.oneWordNegations = oneWordNegations
    let nameMatcher = try partnershipNames.map { rules throws(ConfigurationError) in
      try PhraseMatcher(codes: rules.cueDefinitions, file: file)
    }
    self.nameMatcher = nameMatcher
    var lexicon = TokenVocabulary()
    var lexiconIDs: [MatcherIDs] = []
    let slots: [(MatcherSlot, PhraseMatcher?)] = [
      (.phrases, matcher), (.context, contextMatcher), (.names, nameMatcher),
    ]
    for (slot, matcher) in slots {
      for (id, token) in (matcher?.vocabularyTokens ?? []).enumerated() {
        let entry = Int(lexicon.insert(String(decoding: token, as: UTF8.self)))
        if entry == lexiconIDs.count { lexiconIDs.append(MatcherIDs()) }
        lexiconIDs[entry][slot] = Int32(id)
      }
    }
    // Numbers of two or more written as words take the ids of "#" wherever they have none of
    // their own.
    var numberWords: [[UInt8]] = []
    let hash = SentenceTokens.numberToken.withUnsafeBufferPointer { lexicon.id(utf8: $0) }
    if hash >= 0, let numbers = context.proportions?.numbers {
      for word in numbers.keys.sorted() where numbers[word, default: 0] >= 2 {
        let entry = Int(lexicon.insert(word))
        if entry == lexiconIDs.count { lexiconIDs.append(MatcherIDs()) }
        for slot in MatcherSlot.allCases where lexiconIDs[entry][slot] < 0 {
          lexiconIDs[entry][slot] = lexiconIDs[Int(hash)][slot]
        }
        numberWords.append(Array(word.utf8))
      }
    }
    self.lexicon = lexicon
    self.lexiconIDs = lexiconIDs
    let words =
      [matcher, contextMatcher, nameMatcher].flatMap { $0?.vocabularyTokens ?? [] } + numberWords
    self.lexiconIsASCII = words.allSatisfy(Self.isASCIIApartFromRightQuotes)
    self.prefilter = LexiconPrefilter(words: words)
    self.longestTokenByteCount = max(
      matcher.longestTokenByteCount, contextMatcher.longestTokenByteCount,
      nameMatcher?.longestTokenByteCount ?? 0, numberWords.map(\.count).max() ?? 0)
  }

  /// Whether a normalised word holds no non-ASCII character but the right single quote (U+2019,
  /// E2 80 99), the one `TokenNormalizer.cannotFoldToASCII` lets through.
  static func isASCIIApartFromRightQuotes(_ word: [UInt8]) -> Bool {
    var index = 0
    while index < word.count {
      if word[index] < 0x80 {
        index += 1
      } else if word[index] == 0xE2, index + 2 < word.count, word[index + 1] == 0x80,
        word[index + 2] == 0x99
      {
        index += 3
      } else {
        return false
      }
    }
    return true
  }

  /// How mentions of a code are read: its category's flags (a code of no category is judged).
  func flags(_ code: Code) -> CodeFlags {
    categoryFlags.first { $0.category == code.category }?.flags ?? CodeFlags()
  }

  /// Loads a taxonomy file and compiles it (see `Codebook.load(from:)`).
  public static func load(from path: String) throws(ConfigurationError) -> Taxonomy {
    try Taxonomy(codebook: Codebook.load(from: path), file: path)
  }

  /// Parses taxonomy YAML text and compiles it (see `Codebook.parse(_:file:sha256:)`).
  public static func parse(_ text: String, file: String, sha256: String) throws(ConfigurationError)
    -> Taxonomy
  {
    try Taxonomy(codebook: Codebook.parse(text, file: file, sha256: sha256), file: file)
  }
}

/// How mentions of a category's codes are read, from the category's settings in the file.
struct CodeFlags: Sendable {
  /// Mentions carry a polarity (`judged`).
  var isJudged = true
  /// An unjudged mention takes a plain judgement that follows it (`judged_by_predicate`).
  var isJudgedByPredicate = false
  /// Own-polarity phrases judge the subject before them (`verdict`).
  var isVerdict = false
  /// Presence alone makes a mention positive (`presence_is_positive`).
  var presenceIsPositive = false
}

/// The taxonomy's three matchers, for `SentenceTokens.matches(of:at:constrained:)`.
enum MatcherSlot: Int, CaseIterable {
  case phrases = 0
  case context = 1
  case names = 2

  /// The slot's bit in a sentence's mask of the matchers its words feed.
  var bit: UInt8 { 1 << UInt8(rawValue) }
}
