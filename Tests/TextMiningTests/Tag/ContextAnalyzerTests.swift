import Testing

@testable import TextMining

/// Negation, hedging and qualifiers, through the project taxonomy's cue lists (the rules alone,
/// without its polarity model).
@Suite struct ContextAnalyzerTests {
  private func reading(_ sentence: String, code: String) throws -> (
    polarity: Polarity, hedged: Bool
  )? {
    let taxonomy = try Fixtures.projectRules()
    let extracted = ExtractedText(
      title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    let mention = TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).first {
      $0.code.rawValue == code
    }
    return mention.map { ($0.polarity, $0.isHedged) }
  }

  @Test(arguments: [
    ("There is little trust between partners.", "success_factor.trust", Polarity.negative),
    ("Partners described a lack of trust.", "success_factor.trust", .negative),
    ("There is strong leadership from the chair.", "success_factor.leadership", .positive),
    ("Leadership has been weak since 2004.", "success_factor.leadership", .negative),
    ("There is no stable political environment.", "success_factor.political_stability", .negative),
    (
      "Boundaries do not match those of the police.", "success_factor.boundary_alignment", .negative
    ),
    ("There is mistrust between the sectors.", "success_factor.trust", .negative),
    ("There is no mistrust between the sectors.", "success_factor.trust", .positive),
    ("It is not true that the board lacks leadership.", "success_factor.leadership", .positive),
    ("There is no doubt that mutual trust is strong.", "success_factor.trust", .positive),
    (
      "Partners have a long tradition of co-operation.", "success_factor.tradition_of_cooperation",
      .positive
    ),
    ("Leadership was discussed at the meeting.", "success_factor.leadership", .neutral),
    ("The review recommends stronger leadership.", "success_factor.leadership", .neutral),
    ("We did not meet the police.", "sector.public", .neutral),
    ("The LSP is caught in a vicious circle.", "circle.vicious", .negative),
    ("The LSP is not caught in a vicious circle.", "circle.vicious", .positive),
  ])
  func polarity(sentence: String, code: String, expected: Polarity) throws {
    #expect(try reading(sentence, code: code)?.polarity == expected)
  }

  @Test(arguments: [
    ("The LSP may in time break out of the vicious circle.", "circle.break_out", true),
    (
      "If the partnership is to succeed, leadership must improve.", "success_factor.leadership",
      true
    ),
    ("Trust appears to be growing.", "success_factor.trust", true),
    ("Members may nominate a deputy to the executive group.", "governance.structures", false),
    ("We would welcome views on the community strategy.", "policy.community_strategy", false),
    // A view put politely hedges nothing; a supposition still does.
    (
      "We would urge the partnership to publish its performance reports.",
      "delivery.performance_management", false
    ),
    (
      "The network would be happy to share its community strategy work.",
      "policy.community_strategy", false
    ),
    ("A smaller board would save money.", "delivery.resources", true),
    // "Could" of what someone was able to do is no supposition.
    (
      "Few partners could point to a decision of the board on performance targets.",
      "delivery.performance_management", false
    ),
    (
      "A hung council could find it hard to commit funding to the pooled budget.",
      "delivery.resources", true
    ),
    ("Residents could see improvements in outcomes next year.", "delivery.outcomes", true),
    ("The LSP broke out of the vicious circle in 2004.", "circle.break_out", false),
    // A comparison pressed home is no supposition; what a body risks becoming is one.
    (
      "The working cultures of the two councils could hardly be more different.",
      "success_factor.culture", false
    ),
    ("Without new members, the board risks sliding into a vicious circle.", "circle.vicious", true),
    // "It seems" with "that" left out hedges as "it seems that" does.
    ("It seems the executive group has stopped meeting.", "governance.structures", true),
    // A hedge in a clause opened after the mention supposes that clause, not the mention: the
    // groups' fear is no supposition; what they fear is.
    (
      "Some voluntary groups fear that residents may not be consulted at all.",
      "sector.voluntary_community", false
    ),
    (
      "Some voluntary groups fear that residents may not be consulted at all.",
      "governance.community_engagement", true
    ),
    ("The PCT said that it might leave the partnership.", "sector.public", false),
    // A procedural aside is no condition of the claim.
    (
      "The terms of reference will be reviewed annually, or sooner if the Board asks, and the partnership will report on its performance.",
      "delivery.performance_management", false
    ),
    // A risk however large supposes; a polite "might wish to" does not.
    (
      "There is a real danger that the partnership will lose the voluntary sector's trust.",
      "success_factor.trust", true
    ),
    (
      "The Board might therefore wish to ring-fence a small sum for community groups.",
      "sector.voluntary_community", false
    ),
    // What a body was able to show is a finding, not a supposition; a condition still hedges.
    (
      "The inspectors found that the partnership could show few tangible improvements in outcomes.",
      "delivery.outcomes", false
    ),
    (
      "The board would win support if it could show improvements in outcomes.",
      "delivery.outcomes", true
    ),
  ])
  func hedging(sentence: String, code: String, expected: Bool) throws {
    #expect(try reading(sentence, code: code)?.hedged == expected)
  }

  @Test func clauseTerminatorsEndAScope() throws {
    let sentence = "There is no funding, but leadership is strong."
    #expect(try reading(sentence, code: "delivery.resources")?.polarity == .negative)
    #expect(try reading(sentence, code: "success_factor.leadership")?.polarity == .positive)
  }

  @Test(arguments: [
    "The LAA targets were agreed before the elections in May 2007.",
    "The LAA targets have been monitored since May.",
    "The LAA targets were signed off on 3 May.",
  ])
  func theMonthMayHedgesNothing(sentence: String) throws {
    #expect(try reading(sentence, code: "delivery.performance_management")?.hedged == false)
  }

  // A day of the month is written in digits: a number in words before "may" is its subject.
  @Test(arguments: [
    "The other two may miss their LAA targets.",
    "Partners agreed that the remaining three may miss their LAA targets.",
  ])
  func aNumberInWordsBeforeMayIsNoDate(sentence: String) throws {
    #expect(try reading(sentence, code: "delivery.performance_management")?.hedged == true)
  }

  /// A unit cut off after a comma and a coordinator (a heading, a line that wraps) reads
  /// without trapping: the coordinator's conjunct has no words after it.
  @Test(arguments: ["Partners said there was no trust, and", "There was no trust, and the"])
  func aUnitEndingWithACoordinatorReads(sentence: String) throws {
    #expect(try reading(sentence, code: "success_factor.trust")?.polarity == .negative)
  }

  /// "would" after a reporting verb reports a future; a condition still hedges, and so does
  /// "would" with no reporting verb before it.
  @Test func aReportedFutureIsNoHedge() throws {
    #expect(
      try reading(
        "The manager reported that the NRF allocation would be cut by a tenth.",
        code: "policy.neighbourhood_renewal")?.hedged == false)
    #expect(
      try reading(
        "Partners agreed that the LAA targets would be reviewed in June.",
        code: "delivery.performance_management")?.hedged == false)
    #expect(
      try reading(
        "Partners said they would support the LAA targets if the council gave a clear lead.",
        code: "delivery.performance_management")?.hedged == true)
    #expect(
      try reading(
        "The LAA targets would be easier to meet with more staff.",
        code: "delivery.performance_management")?.hedged == true)
    // The reporting verb must stand in the would's clause, and "the said" reports nothing.
    #expect(
      try reading(
        "The chair said the grant was late; stronger leadership would help.",
        code: "success_factor.leadership")?.hedged == true)
    #expect(
      try reading(
        "Under the said agreement, pooled budgets would improve matters.",
        code: "delivery.resources")?.hedged == true)
    // The report may follow as the sentence's tag, but not as a conjunct of its own.
    #expect(
      try reading(
        "The LAA targets would be reviewed in June, the chair said.",
        code: "delivery.performance_management")?.hedged == false)
    #expect(
      try reading(
        "The LAA targets would be reviewed in June, said Cllr Jane Hart, the board's chair.",
        code: "delivery.performance_management")?.hedged == false)
    #expect(
      try reading(
        "The LAA targets would be easier to meet, and the chair told us partners had argued about them for years.",
        code: "delivery.performance_management")?.hedged == true)
    // A capitalised "Would" after a word it is glued to is read as a name's word, not a cue; it
    // once left an index past the cues, and the tagger stopped on it (a fuzz find).
    #expect(
      try reading(
        "Which issues should the LAA target first?]o Would your group say the LAA targets would be met?",
        code: "delivery.performance_management") != nil)
    #expect(
      try reading(
        "The chair said]o Would partners not meet the LAA targets",
        code: "delivery.performance_management")?.polarity == .negative)
    // A cue added after the matcher ("too centralised") must not shift the reported future's
    // index onto another cue: the "no" stays, and the reported "would" hedges nothing.
    let trust = try reading(
      "The chair said the board was too centralised, that partners had no trust in each other and that the LSP would be reviewed.",
      code: "success_factor.trust")
    #expect(trust?.polarity == .negative)
    #expect(trust?.hedged == false)
  }

  /// A question asks and an indirect question ("whether") asks: neither supposes, so only a
  /// condition hedges them. What could not be done and what would have happened are facts, and
  /// the negation inside them still negates.
  @Test func questionsAndFactsAreNoSuppositions() throws {
    #expect(
      try reading("Would pooled budgets help the theme groups?", code: "delivery.resources")?
        .hedged == false)
    #expect(
      try reading(
        "Would pooled budgets help if the council agreed?", code: "delivery.resources")?.hedged
        == true)
    #expect(
      try reading(
        "Mr Walsh asked whether the LAA targets would be reviewed.",
        code: "delivery.performance_management")?.hedged == false)
    let committed = try reading(
      "The PCT could not commit pooled budgets this year.", code: "delivery.resources")
    #expect(committed?.hedged == false)
    #expect(committed?.polarity == .negative)
    let relationships = try reading(
      "The agreement would not have been possible without the good working relationships.",
      code: "success_factor.working_relationships")
    #expect(relationships?.hedged == false)
    #expect(relationships?.polarity == .positive)
    // An indirect question ends at its conjunction; its "or not" denies nothing.
    #expect(
      try reading(
        "Partners debated whether to pool budgets and stronger leadership would help.",
        code: "success_factor.leadership")?.hedged == true)
    #expect(
      try reading(
        "The board discussed whether or not pooled budgets could help.", code: "delivery.resources")?
        .polarity != .negative)
    // Conditions other than "if" hedge.
    #expect(
      try reading(
        "Pooled budgets will help provided that the council agrees.", code: "delivery.resources")?
        .hedged == true)
  }

  /// One word in brackets is an abbreviation inside its clause: the judgement before it
  /// reaches the mention after it.
  @Test func oneWordInBracketsEndsNoClause() throws {
    #expect(
      try reading(
        "The Government Office has held back the Neighbourhood Renewal Fund (NRF) allocation.",
        code: "delivery.resources")?.polarity == .negative)
  }

  @Test func theVerbMayStillHedges() throws {
    #expect(
      try reading("The LAA targets may be missed.", code: "delivery.performance_management")?
        .hedged == true)
    // First in its sentence, after the numbering, "Possibly" and "If" are still the cue words.
    #expect(
      try reading(
        "Possibly the LAA targets will be missed.", code: "delivery.performance_management")?
        .hedged == true)
    #expect(
      try reading(
        "7.2 If the partnership is to meet its floor targets, partners must bend their budgets.",
        code: "delivery.performance_management")?.hedged == true)
  }

  /// A cue word written with a capital inside a prose sentence is a name's word: the month
  /// after "or", a fund or a programme named with an evaluative word.
  @Test func aCapitalisedCueInsideProseIsAName() throws {
    #expect(
      try reading(
        "The board will agree the LAA targets in April or May.",
        code: "delivery.performance_management")?.hedged == false)
    #expect(
      try reading(
        "The council's Weak Bridges Fund is held by the partnership.", code: "delivery.resources")?
        .polarity == .neutral)
    // After "The" or a title, a capitalised cue word is a name's too; a heading in title case
    // keeps its cues.
    #expect(
      try reading(
        "Mr Little said the Wendle board had strong leadership.", code: "success_factor.leadership")?
        .polarity == .positive)
    #expect(
      try reading(
        "The Little Hulton forum engaged residents.", code: "governance.community_engagement")?
        .polarity != .negative)
    #expect(
      try reading("Partnership Board Lacks Strong Leadership", code: "success_factor.leadership")?
        .polarity == .negative)
    // In lower case the same words are cues.
    #expect(
      try reading(
        "The board may agree the LAA targets in April or later.",
        code: "delivery.performance_management")?.hedged == true)
    #expect(
      try reading("The weak fund is held by the partnership.", code: "delivery.resources")?
        .polarity == .negative)
  }

  /// "nor" goes on with the negation before it ("neither", "not"): one negation of what both
  /// parts reach, not two that cancel; and "neither" reaches back as "not" does.
  @Test(arguments: [
    ("Local employers were neither committed nor engaged.", "governance.representation"),
    (
      "1.2 Neither the police nor the college had attended since March.",
      "governance.representation"
    ),
    ("Local employers were not consulted, nor were they engaged.", "governance.representation"),
    (
      "The Wendle board has not had strong leadership, nor adequate resources.",
      "delivery.resources"
    ),
    ("Leadership on the Wendle board was neither strong nor visible.", "success_factor.leadership"),
  ])
  func norGoesOnWithTheNegationBeforeIt(sentence: String, code: String) throws {
    #expect(try reading(sentence, code: code)?.polarity == .negative)
  }

  /// Each of two negations joined by "and" or "or" denies its own noun; the first does not
  /// reach the second's and cancel it. Two negations in one chain still do.
  @Test func coordinatedNegationsDenyTheirOwnNouns() throws {
    #expect(
      try reading(
        "The Wendle board had no strategy and no leadership.", code: "success_factor.leadership")?
        .polarity == .negative)
    #expect(
      try reading("The Wendle board has little funding or no staff.", code: "delivery.resources")?
        .polarity == .negative)
    #expect(
      try reading(
        "It is not true that the board has no leadership.", code: "success_factor.leadership")?
        .polarity == .positive)
  }

  /// A negated noun that names a proposition ("no evidence that") denies all of it, past the
  /// usual window; without "that" the window holds.
  @Test func aNegatedPropositionReachesItsClausesEnd() throws {
    #expect(
      try reading(
        "We found no evidence that the Wendle board has a plan or has strong leadership.",
        code: "success_factor.leadership")?.polarity == .negative)
    #expect(
      try reading(
        "There was little sign that the NRF had been used to bend mainstream budgets.",
        code: "delivery.mainstreaming")?.polarity == .negative)
    #expect(
      try reading(
        "We found no delays in the first year of the plan and the Wendle board now has strong leadership.",
        code: "success_factor.leadership")?.polarity == .positive)
  }
}
