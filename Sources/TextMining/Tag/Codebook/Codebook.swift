/// The codebook as plain data, as the taxonomy file states it: categories, codes, the phrases
/// that signal them, and the context rules (negation, hedging, qualifiers, partnership names)
/// that refine a mention. `Taxonomy` compiles it for matching.
public struct Codebook: Sendable {
  /// The taxonomy's name, such as "lsp-codebook".
  public var name: String
  /// The taxonomy's version string.
  public var version: String
  /// SHA-256 of the taxonomy file's bytes, lowercase hex; identifies exactly which rules ran.
  public var sha256: String
  /// The categories in file order.
  public var categories: [Category]
  /// Negation, hedging and qualifier cues.
  public var context: ContextRules
  /// How partnership names are recognised, if the taxonomy has a code for them.
  public var partnershipNames: PartnershipNameRules?
  /// Participation words coded by who takes part, if the taxonomy has a `participation` block.
  public var participation: ParticipationRules?
  /// The learned second reading of polarity, if the taxonomy carries one (`polarity_model`).
  public var polarityModel: PolarityModel?

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
    /// For a post ("chief executive", "leader"): the codes of other bodies that may hold it. A
    /// mention with one of them right before the post ("business leaders", "the PCT's chief
    /// executive") or just after its "of" or comma ("chief executive of the Chamber of
    /// Commerce", "Chief Executive, Sollerton Voluntary Action") is another body's post and
    /// does not count (`other_holders` in the taxonomy file).
    public var otherHolders: [Code] = []
    /// For money ("budgets", "spending"): when a partner owns it and the sentence speaks of the
    /// partnership's aims, it is another code (`partner_money` in the taxonomy file).
    public var partnerMoney: PartnerMoney?
  }

  /// Partners' own money said with the partnership's aims: "partners' budgets are still drawn
  /// up without reference to the strategy" is mainstreaming, not resources.
  public struct PartnerMoney: Sendable {
    /// The code such a mention takes instead.
    public var code: Code
    /// Normalised words of owners ("partner", "agency"): one of them, or a mention of one of
    /// `ownerCodes`, right before the money ("partners' budgets", "the PCT's spending"), or
    /// earlier in the sentence when a possessive stands before the money ("partners ... their
    /// budgets").
    public var owners: Set<String>
    public var ownerCodes: Set<Code>
    /// Normalised words of the partnership's aims ("priority", "strategy"), one of which must
    /// stand in the sentence.
    public var aims: Set<String>
    /// Normalised words that may stand between the owner and the money ("partners' own
    /// budgets", "their mainstream spending").
    public var modifiers: Set<String> = []
    /// Normalised words of money a body holds ("budget", "spending"), the last word of the
    /// mention: money a body receives ("VCS funding", "a grant") is not its own.
    public var moneyWords: Set<String> = []
    /// Normalised words of moving or committing money ("commit", "bend", "move"): with one of
    /// them and an aim in the sentence, an owner anywhere in it makes the money its own ("what
    /// resources each partner will commit to the priorities").
    public var moves: Set<String> = []
  }

  /// A cue phrase, matched on normalised tokens.
  public struct Phrase: Sendable {
    /// The phrase as written in the taxonomy file.
    public var text: String
    /// Polarity the phrase carries by itself ("mistrust" is negative), if any.
    public var polarity: Polarity?
    /// Match only singular forms ("trust", not "trusts", which are NHS bodies).
    public var isSingularOnly = false
    /// Match only plural forms ("results", not "result", which is mostly "as a result").
    public var isPluralOnly = false
    /// Skip matches written with a capital inside a sentence: part of a name ("Housing Trust").
    public var skipsNames = false
    /// Let the phrase's "#" match only a number written in digits, not one written in words
    /// (`digits: true`): "# may" is the date "3 May", and "the other two may" is no date.
    public var numbersInDigits = false
    /// Code only beside a mention of one of these codes in the same clause (`with`): "covers"
    /// is boundary alignment when a public body covers an area ("the PCT covers three
    /// districts"), not when a report covers its subject. Empty: no companion needed.
    public var companions: [Code] = []
    /// Code only when none of these words (normalised, one token each) stands in the same
    /// clause outside the phrase itself (`without`): a campaign's "targets" are its audience,
    /// not performance targets. Empty: nothing blocks.
    public var blockers: Set<String> = []
    /// Code only when one of these words (normalised, one token each) stands in the same clause
    /// outside the phrase itself, or a companion code's mention does (`with_words`): "residents"
    /// are community engagement when the clause says how they take part ("residents gave their
    /// views"), not when they are the people a programme served ("residents on incapacity
    /// benefit"). Empty: no word needed.
    public var companionWords: Set<String> = []
    /// Drop the mention when a mention of one of these codes stands near it in its clause,
    /// within the context window (`yields_to`): "spend" in "how partners spend mainstream
    /// budgets" is the mainstreaming phrase's own verb, not also resources. Empty: it gives way
    /// to nothing.
    public var yieldsTo: [Code] = []
    /// Where the phrase is written, for error messages.
    public var line: Int
    public var column: Int

    /// Creates a phrase.
    public init(
      text: String, polarity: Polarity? = nil, isSingularOnly: Bool = false,
      isPluralOnly: Bool = false, skipsNames: Bool = false, line: Int = 0, column: Int = 0
    ) {
      self.text = text
      self.polarity = polarity
      self.isSingularOnly = isSingularOnly
      self.isPluralOnly = isPluralOnly
      self.skipsNames = skipsNames
      self.line = line
      self.column = column
    }
  }

  /// Every code in file order.
  public var codes: [CodeDefinition] { categories.flatMap(\.codes) }
}
