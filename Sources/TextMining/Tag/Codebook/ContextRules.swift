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
  public var cues: [Kind: [Codebook.Phrase]] = [:]
  /// Negations before that deny a whole claim (`negation.denials`, matched among the
  /// `negation.before` cues), each as its normalised words ("wrong to say", "a myth that"): the
  /// mention is read as the claim reads it, then turned over, so "it is wrong to say that trust
  /// is low" is positive where a plain "not" reads "not ... trust" as a lack.
  public var denials: [[String]] = []
  /// Denials that also put the claim forward as uncertain (`negation.doubts`, each one of
  /// `denials`): "the panel doubts whether the partnership could continue" is hedged as well as
  /// turned over, unless the doubt is itself denied ("nobody doubts that").
  public var doubts: [[String]] = []
  /// Word classes of English grammar the rules read (`context.grammar`).
  public var grammar = Grammar()
  /// Shares of a whole that reached a mark (`context.proportions`); nil reads none.
  public var proportions: Proportions?
  /// Rating words and their verdicts (`context.ratings`: "green" positive, "red" negative,
  /// "amber" neutral), read where a rating is set off as a label ("Strategic leadership
  /// (Green)"). Normalised.
  public var ratings: [String: Polarity] = [:]

  /// A part of a whole said to have reached a mark judges by its size: "we met two of our five
  /// targets" and "of its 24 members, eleven turned up" are shortfalls, "we hit 11 of our 12
  /// stretch targets" a success, "7 of 12 on track" neither. Read as a qualifier over the
  /// count, the whole and the mark (see `ProportionReading`).
  public struct Proportions: Sendable {
    /// What the part reached, each as its normalised words ("met", "on track", "turned up").
    public var reached: [[String]] = []
    /// Marks that are also verbs of meeting ("met", "hit", "reached"): after the whole they
    /// count only in the passive ("five targets were met", not "two members met the minister").
    /// Normalised.
    public var passive: Set<String> = []
    /// The forms of "be" that make such a mark passive; a part right after one of them, or
    /// after "as", is one item of a whole ("was one of the ten"). Lower case, as written.
    public var passiveAuxiliaries: Set<String> = []
    /// Goals a part may reach when a verb of meeting comes before it ("we met two of our five
    /// targets"): one must stand within three tokens after the whole. Normalised.
    public var goals: Set<String> = []
    /// Words in -ly that may stand right before the mark ("fully met"); any other ("thinly
    /// attended", "poorly attended") says how the mark was reached, and the proportion is not
    /// read. Normalised.
    public var adverbs: Set<String> = []
    /// Words that say the mark was not quite reached ("nearly met", "partly achieved"): a
    /// proportion that holds one is not read. Normalised.
    public var partial: Set<String> = []
    /// Number words and their values ("eleven": 11); counts written in digits need none. Those
    /// of two or more also match a phrase's "#" as digits do ("a board of twenty-six members" is
    /// "# member"), except where a phrase or cue uses the word itself. Not "one", which is as
    /// often a pronoun ("one member said").
    public var numbers: [String: Int] = [:]
    /// Words before the count that say it fell short whatever its size ("only three of the
    /// nine").
    public var shortfall: Set<String> = []
    /// The share at or above which the part is a success, in per cent.
    public var positiveShare = 75
    /// The share below which it is a shortfall, in per cent.
    public var negativeShare = 50

    public init() {}
  }

  /// Word classes of English grammar, normalised, each editable in the taxonomy file under
  /// `context.grammar`; the defaults are those of English.
  public struct Grammar: Sendable {
    /// After a comma, these start a new conjunct (", and relations were poisonous"): presence
    /// does not reach across it.
    public var coordinators: Set<String> = ["and", "or", "so", "yet", "nor", "while", "whilst"]
    /// Words that may stand between a preposition and its noun.
    public var determiners: Set<String> = [
      "the", "a", "an", "its", "their", "this", "that", "each", "every",
    ]
    /// A mention after one of these is not the subject of its clause, so what follows does
    /// not judge it ("accountability in the LSP is diffuse").
    public var prepositions: Set<String> = [
      "of", "in", "at", "by", "on", "for", "with", "from", "to", "into", "across", "within",
      "about", "than", "like",
    ]
    /// Words that open a new clause inside a sentence ("shows that ...", "which ...").
    public var clauseOpeners: Set<String> = [
      "that", "which", "who", "whom", "where", "when", "whether",
    ]
    /// Words that join a list whose last item lends its head to the others ("the public,
    /// private and voluntary sectors").
    public var listConjunctions: Set<String> = ["and", "or"]
    /// Conjunctions that, right before a verb, start another predicate of the same subject ("it
    /// is not a council and has no powers"), which a negation does not cross. Not "or": "no
    /// evidence that it has a strategy or has strong leadership" denies both.
    public var predicateConjunctions: Set<String> = ["and"]
    /// Words of a negation that goes on with an earlier one in its clause ("nor"): the two count
    /// once, so "neither committed nor engaged" and "not consulted, nor engaged" deny both.
    public var continuingNegations: Set<String> = []
    /// Words that, right after a negated noun ("no evidence that", "no sign that"), open the
    /// proposition it denies: the negation then reaches every mention to the clause's end, past
    /// its usual window ("no evidence that it has a strategy or has strong leadership").
    public var complementizers: Set<String> = []
    /// Predicates that take what follows their complementizer as true ("it is not fair that
    /// the sector has no seat" complains of the missing seat): a negation of one is its own and
    /// reaches no mention after "that". Epistemic words ("clear", "true", "persuaded") are not
    /// among them: "it is not clear that trust has grown" doubts the trust.
    public var factivePredicates: Set<String> = []
    /// Negative qualifiers that say a state goes on ("still", "increasingly"): with a negation
    /// between one and the mention, the negation is the mention's own and the two make no
    /// double negation ("partners still lack trust" is negative). A qualifier that itself
    /// negates ("rarely", "seldom") is not among them: "partners rarely lack trust" is positive.
    public var continuingQualifiers: Set<String> = []
    /// Pronouns that, after a comma and a coordinator, open a clause of their own with their
    /// own subject: in "trust is high, and we doubt that the board will meet" the doubt's
    /// denial and hedge stay in the second clause.
    public var subjectPronouns: Set<String> = []
    /// Words that make a counterfactual a modal's perfect ("have": "nothing would have worked
    /// without trust"), which asserts what it supposes away. Without one between its negation
    /// and "without", or within three words of them, the two state a need ("partners cannot
    /// work together without trust"): what they govern is neutral. Empty: every counterfactual
    /// asserts.
    public var counterfactualPast: Set<String> = []
    /// Verbs of remedy, compared as written in lower case ("resolved", "address", "tackle"): a
    /// negation that meets one before a mention denies the remedy, and what needed it stands
    /// ("has not resolved the lack of trust" is negative for the trust).
    public var remedyVerbs: Set<String> = []
    /// Verbs that report what someone said, decided or expected ("said", "told", "agreed").
    public var reportingVerbs: Set<String> = []
    /// Hedge words that, after a reporting verb earlier in their clause (not one right after a
    /// determiner: "the said agreement"), report a future rather than suppose one ("the manager
    /// reported that the allocation would be cut"): no hedge there. A condition ("if") still
    /// hedges.
    public var reportedFutures: Set<String> = []
    /// Words that open an indirect question ("whether"): a hedge word after one in its clause,
    /// within the window and before any comma or list conjunction, asks rather than supposes
    /// ("asked whether partners would attend").
    public var questionOpeners: Set<String> = []
    /// Finite auxiliaries: "and" between two stretches that each have one joins two clauses
    /// ("bureaucracy will be reduced and accountability will be increased"), and a qualifier
    /// in one says nothing about a mention in the other.
    public var auxiliaries: Set<String> = []
    /// Possessive determiners: a mention they open after a partnership belongs to it, and what
    /// happens to it judges the partnership ("had its funding withheld").
    public var possessives: Set<String> = []
    /// Capitalised words that make the capitalised cue before them a job title ("Community
    /// Engagement Officer", "LSP Administrator"): a post, not a finding.
    public var roleWords: Set<String> = []
    /// Nouns for people and bodies that act in a headline ("Leader", "Chief", "Residents"): in
    /// a headline in title case or capitals, the capitalised word right after one is the
    /// headline's verb ("Council Leader Quits LSP"), as after a body's last word or a post's.
    public var headlineSubjects: Set<String> = []
    /// Words of excess, compared as written in lower case ("too"): one right before a word of
    /// measure, with nothing between them, judges it as a negative qualifier does ("too
    /// centralised", "too council-led"), unless the next word is an auxiliary, a determiner, a
    /// preposition or a list conjunction ("too" meaning "also": "residents too were asked"),
    /// or a listed cue already holds either word ("too early to judge"). Empty: no such rule.
    public var excessWords: Set<String> = []
    /// Words after which a word of excess measures, besides the auxiliaries, compared as written
    /// in lower case: linking verbs and intensifiers ("has become too", "far too", "all too").
    public var excessLeads: Set<String> = []
    /// Linking verbs, compared as written in lower case ("is", "been", "remains", "seems"): a
    /// negation right after one
    /// (adverbs in -ly and `continuingQualifiers` between) that ends its clause or stands before
    /// a preposition is said of the clause's subject, and reaches back: "trust has increasingly
    /// been lacking", "strong leadership has been absent", "funding was sadly lacking for the
    /// scheme". Empty: such a negation reaches forward only.
    public var predicateLeads: Set<String> = []
    /// Subordinators, compared as written in lower case ("although", "while", "whereas"): a
    /// sentence that opens with one ends that clause at its first comma, so "although trust is
    /// high, leadership is weak" judges each by its own qualifier. Empty: the clause runs on
    /// past the comma.
    public var openingSubordinators: Set<String> = []
    /// Verbs of attention, compared as written in lower case ("discussed", "mentioned",
    /// "assessed"): a negation of one says nothing about what was not attended to. In the
    /// passive ("trust was not discussed") the negation denies nothing; in the active it judges
    /// only the subject, reaching back ("the scrutiny committee has never examined its work").
    /// Empty: such negations read as any other.
    public var attentionVerbs: Set<String> = []
    /// Negations that stand as a clause's subject, compared as written in lower case ("none",
    /// "nobody", "neither"): one that opens its clause denies the clause's whole predicate,
    /// beyond the window ("none of the four case-study partnerships had yet broken out of the
    /// vicious circle"). Empty: such a negation reaches as far as the window.
    public var negativeSubjects: Set<String> = []
    /// Words that link a comparison to its standard, compared as written in lower case
    /// ("than"): a qualifier before one is the comparison's, and judges no mention after it
    /// ("far less attention than performance management" does not fault the performance
    /// management). Empty: a qualifier reaches across.
    public var comparisonLinks: Set<String> = []
    /// Words that open a time or cause phrase, compared as written in lower case ("after",
    /// "since"): a negation before one does not reach a mention after it ("without a permanent
    /// chair after the change of political control" denies the chair, not the change). Empty:
    /// a negation reaches across.
    public var negationScopeEnds: Set<String> = []
    /// Phrases that deny the qualifier right after them, each as its normalised words ("far
    /// from", "anything but"): "far from transparent" is negative, "far from weak" positive.
    /// Only a qualifier right after the phrase is turned over, so "far from the town centre"
    /// denies nothing. Empty: no such rule.
    public var denyingLeads: [[String]] = []
    /// Phrases that put the qualifier right after them in an earlier state, each as its
    /// normalised words, at most one word between ("once hostile", "had been low", "previously
    /// very weak"). Such a qualifier gives way to a later one about the same thing: in its
    /// clause after it, no clause opener between ("relations, once hostile, are now
    /// productive"; "relationships that were once strong have deteriorated"), or first in the
    /// clause after a terminator or a clause break, with only a pronoun of `laterSubjects`,
    /// auxiliaries, adverbs in -ly and `laterStates` before it ("were poor at first but are now
    /// good", "used to be weak; it is now widely respected"). Alone, it still judges ("trust
    /// had been low for years"). Empty: no such rule.
    public var earlierLeads: [[String]] = []
    /// Phrases that put the qualifier right before them in an earlier state, as
    /// `earlierLeads` do ("poor at first", "weak initially"). Not "once", which after a
    /// qualifier opens a clause ("lasting benefit once the money stopped").
    public var earlierTrails: [[String]] = []
    /// Words of the present that may stand between a terminator or a clause break and the
    /// later state's qualifier, besides auxiliaries and adverbs in -ly ("but are now good",
    /// "but has since become strong").
    public var laterStates: Set<String> = []
    /// Pronouns that may open the later clause, standing for the earlier state's subject
    /// ("leadership used to be weak; it is now widely respected"). Empty: none.
    public var laterSubjects: Set<String> = []
    /// Negations that are determiners, compared as written in lower case ("no", "little",
    /// "few"): one denies its own noun phrase, so a later item of a list with a positive
    /// qualifier of its own right before it stands by itself ("there is little trust and strong
    /// leadership": the leadership is positive). A negation that is a verb ("lacks leadership,
    /// good resources and high trust") still reaches every item. Empty: no such rule.
    public var negativeDeterminers: Set<String> = []
    /// Capitalised words that, with one of `roleLinks` after them, make the capitalised cue
    /// that follows a job title ("Head of Community Engagement", "Cabinet Member for
    /// Performance").
    public var roleOpeners: Set<String> = []
    /// The words between a role opener and the cue after it ("Head of", "Member for").
    public var roleLinks: Set<String> = ["of", "for"]
    /// Words that label a resolution or a recommendation before its "that" ("RESOLVED: that the
    /// board be reduced"); a unit that opens so proposes and does not judge.
    public var resolutionLabels: Set<String> = []
    /// The labels of a page's metadata lines, each as its normalised words ("tags", "filed
    /// under"): a unit that opens with one and a colon ("Tags: LSP, community strategy") lists
    /// the page's topics and is not coded.
    public var metadataLabels: [[String]] = []
    /// Words that mark a page title as a news story's ("news" in "Partnership loses grant |
    /// News | Marsholt Courier"): such a title is a headline, which reports and judges like a
    /// sentence, where any other title names a document and is neutral.
    public var newsLabels: Set<String> = []
    /// Words that number a recommendation, joined to its number ("R1") or before it
    /// ("Recommendation 3"): a unit that opens so recommends, and judges nothing.
    public var recommendationLabels: Set<String> = []
    public init() {}
  }

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
    /// Claims of importance ("matters", "key to", "a critical success factor"): a mention in
    /// their clause, before or after them, is neutral. Saying that leadership matters judges no
    /// leadership.
    case importance = "qualifiers_importance"

    /// The kind's place in `allCases`.
    var position: Int {
      // swift-format-ignore: NeverForceUnwrap
      Self.allCases.firstIndex(of: self)!
    }

    /// The key's group in the taxonomy file (`negation`, `hedging`, `qualifiers`), or nil for
    /// `terminators`.
    var group: String? { self == .terminator ? nil : String(rawValue.prefix { $0 != "_" }) }
    /// The key within its group (`before`, `clause`, `positive`, ...).
    var key: String {
      self == .terminator ? "terminators" : String(rawValue.drop { $0 != "_" }.dropFirst())
    }

    var code: Code { Code(category: "context", name: rawValue) }

    /// Whether the kind negates what it covers.
    var isNegation: Bool {
      switch self {
      case .negationBefore, .negationAfter, .negationAround, .negationCounterfactual: true
      default: false
      }
    }
    /// Whether the kind supposes its clause or sentence (pseudo-cues do not).
    var isHedge: Bool {
      switch self {
      case .hedgingClause, .hedgingSentence, .hedgingEvidential: true
      default: false
      }
    }
  }

  var cueDefinitions: [Codebook.CodeDefinition] {
    Kind.allCases.map {
      Codebook.CodeDefinition(
        code: $0.code, label: $0.rawValue, phrases: cues[$0] ?? [], exclusions: [])
    }
  }
}
