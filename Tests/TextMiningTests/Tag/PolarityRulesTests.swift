import Testing

@testable import TextMining

/// The polarity rules beyond plain negation and qualifiers: plainly judged partnerships,
/// counterfactual and conditional negation, evidential hedges, list lead-ins, conjuncts and
/// afterthoughts, each through the project taxonomy's rules (without its polarity model).
@Suite struct PolarityRulesTests {
  /// The reading of the first mention of `code` in a document of the given blocks.
  private func reading(_ blocks: [Block], code: String) throws -> (
    polarity: Polarity, hedged: Bool
  )? {
    let taxonomy = try Fixtures.projectRules()
    let segmented = try ICUSegmenter().segment(ExtractedText(title: nil, blocks: blocks))
    let mention = TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).first {
      $0.code.rawValue == code
    }
    return mention.map { ($0.polarity, $0.isHedged) }
  }

  /// The reading of the first mention of `code` in a one-sentence paragraph.
  private func reading(_ sentence: String, code: String) throws -> (
    polarity: Polarity, hedged: Bool
  )? {
    try reading([Block(kind: .paragraph, text: sentence, line: 1)], code: code)
  }

  private func polarity(_ sentence: String, _ code: String) throws -> Polarity? {
    try reading(sentence, code: code)?.polarity
  }

  @Test(arguments: [
    // What follows the partnership in its clause judges it ...
    ("For its first three years the Rothwick LSP struggled.", Polarity.negative),
    ("In 2002 the Wyvern Bridge Partnership was a talking shop.", .negative),
    (
      "Partners believe that the KMGP Partnership broke into the virtuous circle around 2004.",
      .positive
    ),
    (
      "At present the Brackenholt Partnership is caught in a vicious circle of low expectations.",
      .negative
    ),
    // ... but not when the partnership sits in a prepositional phrase, when the qualifier
    // belongs to a mention after it, when the judgement is hedged, or when nothing judges it.
    ("Accountability in the Rothwick LSP is diffuse.", .neutral),
    ("Partners say that the Rothwick LSP has improved working relationships.", .neutral),
    ("The Rothwick LSP could be slow to act.", .neutral),
    ("The Rothwick LSP met four times last year.", .neutral),
  ])
  func partnershipsPlainlyJudged(sentence: String, expected: Polarity) throws {
    #expect(try polarity(sentence, "partnership.named") == expected)
  }

  @Test func unjudgedCategoriesWithoutThePredicateRuleStayNeutral() throws {
    // sector.* is unjudged and not `judged_by_predicate`.
    #expect(try polarity("The private sector struggled to attend.", "sector.private") == .neutral)
  }

  @Test func counterfactualNegationAssertsWhatItNegates() throws {
    let fronted =
      "He remarked that without the good working relationships built up over many years nothing would have worked."
    #expect(try polarity(fronted, "success_factor.working_relationships") == .positive)
    #expect(
      try polarity("Partners have worked without trust.", "success_factor.trust") == .negative)
  }

  /// A negation and a "without" after it in one run of words make a counterfactual, however far
  /// apart: what follows "without" is asserted, and so is what stands between the two.
  @Test(arguments: [
    (
      "None of this would have been possible without the good working relationships between partners.",
      "success_factor.working_relationships", Polarity.positive
    ),
    (
      "The results would have been impossible without trust between the agencies.",
      "success_factor.trust", .positive
    ),
    (
      "We could not have delivered these outcomes without good working relationships.",
      "delivery.outcomes", .positive
    ),
    (
      "Partners would not have attended without the chair's leadership.",
      "governance.representation", .positive
    ),
    // Not across a comma ("neither" does not reach the culture, nor pair with "without"), a
    // condition, or a denial right before the mention.
    (
      "Neither reform ever materialised, and witnesses described a culture of meetings without decisions.",
      "success_factor.culture", .neutral
    ),
    (
      "Loss of trust if budgets are set without talking to partners.", "delivery.resources",
      .neutral
    ),
    ("The council gives no funding without conditions.", "delivery.resources", .negative),
    // "None" denies on its own.
    ("None of the partners trust each other.", "success_factor.trust", .negative),
    // In the present or the future the pair states a need, which judges nothing.
    ("Partners cannot work together without trust.", "success_factor.trust", .neutral),
    (
      "No partnership can succeed without strong leadership.", "success_factor.leadership", .neutral
    ),
    ("None of this will be possible without additional funding.", "delivery.resources", .neutral),
    // The past is read between the two cues, not anywhere in the sentence, and a plain past is
    // no counterfactual.
    (
      "The chair has said the partnership cannot function without trust.", "success_factor.trust",
      .neutral
    ),
    (
      "The theme groups were unable to progress without clear leadership.",
      "success_factor.leadership", .neutral
    ),
    // A denial of a verb's auxiliary pairs with "without": the outcomes were achieved.
    (
      "We could not have achieved these outcomes without the pooled budget.",
      "delivery.outcomes", .positive
    ),
  ])
  func negationBeforeWithoutIsACounterfactual(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A negation before the mention does not reach it past another negation joined by "and",
  /// which denies the mention on its own.
  @Test func aNegationStopsAtTheNextOneAcrossAConjunction() throws {
    #expect(
      try polarity(
        "The board did not meet and the partnership lacks funding.", "delivery.resources")
        == .negative)
    #expect(
      try polarity("It is not true that partners lack trust.", "success_factor.trust")
        == .positive)
    // Nor into a conjunct with a subject and a verb of its own, either way.
    #expect(
      try polarity(
        "The board did not meet and trust between partners is high.", "success_factor.trust")
        == .positive)
    #expect(
      try polarity(
        "There was no leadership and partners were not engaged.", "success_factor.leadership")
        == .negative)
    #expect(
      try polarity(
        "Resources have been secured and the board has not yet met.", "delivery.resources")
        != .negative)
  }

  /// A list's "(a)" or "(ii)" run into a sentence ends no clause: the negation or hedge before
  /// it reaches the item.
  @Test func aListLabelInsideASentenceEndsNoClause() throws {
    #expect(
      try polarity("The board has not (a) reviewed its membership.", "governance.representation")
        == .negative)
    let hedged = try reading(
      [Block(kind: .paragraph, text: "The board may (ii) review its membership.", line: 1)],
      code: "governance.representation")
    #expect(hedged?.hedged == true)
    // A label that is a verdict still sets itself apart.
    #expect(
      try polarity("Chamber of Commerce representative (vacant)", "governance.representation")
        == .negative)
  }

  @Test func evidentialHedgesKeepAPositiveFinding() throws {
    let appears = try reading(
      [
        Block(
          kind: .paragraph, text: "Pooled budgets appear to have improved value for money.", line: 1
        )
      ], code: "delivery.efficiency")
    #expect(appears?.polarity == .positive)
    #expect(appears?.hedged == true)
    let would = try reading(
      [Block(kind: .paragraph, text: "Stronger leadership would help.", line: 1)],
      code: "success_factor.leadership")
    #expect(would?.polarity == .neutral)
    #expect(would?.hedged == true)
  }

  @Test func aListLeadInFramesItsItems() throws {
    let item = Block(
      kind: .listItem, text: "agree a strategy with clear targets for each ward", line: 2)
    let recommend = Block(kind: .paragraph, text: "We recommend that the board:", line: 1)
    let priorities = Block(
      kind: .paragraph, text: "Our priorities for the coming year are to:", line: 1)
    #expect(
      try reading([recommend, item], code: "delivery.performance_management")?.polarity == .neutral)
    #expect(
      try reading([priorities, item], code: "delivery.performance_management")?.polarity == .neutral
    )
    #expect(try reading([item], code: "delivery.performance_management")?.polarity == .positive)

    let problems = Block(
      kind: .paragraph, text: "Members have told us about a number of continuing problems:", line: 1
    )
    let decisions = Block(
      kind: .listItem, text: "the big decisions are taken in the executive group", line: 2)
    #expect(
      try reading([problems, decisions], code: "governance.structures")?.polarity == .negative)
    #expect(try reading([decisions], code: "governance.structures")?.polarity == .neutral)
    // A lead-in without a colon frames nothing.
    let plain = Block(
      kind: .paragraph, text: "Members have told us about a number of continuing problems.", line: 1
    )
    #expect(try reading([plain, decisions], code: "governance.structures")?.polarity == .neutral)
  }

  @Test func presenceStaysWithinItsConjunct() throws {
    let sentence =
      "The last of the mills had just closed, and relations between the council and the voluntary sector were poisonous."
    #expect(try polarity(sentence, "success_factor.working_relationships") == .neutral)
    #expect(
      try polarity(
        "Partners have had good working relationships.", "success_factor.working_relationships")
        == .positive)
  }

  @Test func aLoneQualifierAfterButHasTheLastWord() throws {
    #expect(
      try polarity(
        "Relations between partners were described as polite but shallow.",
        "success_factor.working_relationships") == .negative)
    // A qualifier with its own noun after "but" is about that noun.
    #expect(
      try polarity("Leadership was discussed, but weak trust remains.", "success_factor.leadership")
        == .neutral)
  }

  @Test func negationInsideAConditionDoesNotNegate() throws {
    #expect(
      try polarity(
        "In the meantime, members may nominate a substitute if they cannot attend.",
        "governance.representation") == .neutral)
    #expect(
      try polarity(
        "If voluntary groups are not at the table, their priorities will be overlooked.",
        "governance.representation") == .neutral)
    #expect(
      try polarity("Voluntary groups are not at the table.", "governance.representation")
        == .negative)
    // A fronted condition ends at its comma; the negation after it is real.
    let fronted =
      "Unless the county council agrees, the SLSP will not be able to monitor progress on its LAA targets."
    #expect(try polarity(fronted, "delivery.performance_management") == .negative)
  }

  @Test(arguments: [
    (
      "The board has 41 members, which is too large.", "governance.representation",
      Polarity.negative
    ),
    (
      "Only 3 of the 14 community representatives report back to their groups.",
      "governance.representation", .negative
    ),
    (
      "More than 2,400 residents took part in the consultation.", "governance.community_engagement",
      .positive
    ),
    (
      "The new leader of the council has not yet said whether he will chair the board.",
      "success_factor.local_authority_leadership", .neutral
    ),
    ("The board has never assessed its own effectiveness.", "delivery.efficiency", .neutral),
    (
      "Partners cannot bend their main budgets while their national targets remain unchanged.",
      "delivery.performance_management", .neutral
    ),
  ])
  func cueLists(sentence: String, code: String, expected: Polarity) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  @Test func theProjectTaxonomySetsTheNewCategoryKeys() throws {
    let taxonomy = try Fixtures.projectRules()
    #expect(taxonomy.flags(Code(category: "partnership", name: "named")).isJudgedByPredicate)
    #expect(!taxonomy.flags(Code(category: "sector", name: "public")).isJudgedByPredicate)
    #expect(taxonomy.flags(Code(category: "circle", name: "virtuous")).isVerdict)
    #expect(!taxonomy.flags(Code(category: "success_factor", name: "trust")).isVerdict)
  }

  /// A negation before a closed list of short items denies each of them, across the list's
  /// commas; an item with a qualifier of its own stands by itself, and a comma that no "and" or
  /// "or" closes ends the negation as before.
  @Test(arguments: [
    (
      "There is a lack of leadership, trust and resources.", "success_factor.trust",
      Polarity.negative
    ),
    ("There is a lack of leadership, trust and resources.", "delivery.resources", .negative),
    (
      "The board lacked clear priorities, leadership, trust and resources.", "success_factor.trust",
      .negative
    ),
    (
      "There was no shared vision, leadership or trust between partners.", "success_factor.trust",
      .negative
    ),
    (
      "There was no pooled budget, partners rarely attend and trust is high.",
      "success_factor.trust", .positive
    ),
    (
      "There was no pooled funding, poor relations and weak leadership.",
      "success_factor.leadership", .negative
    ),
    (
      "There was no pooled budget, trust between partners is high.", "success_factor.trust",
      .positive
    ),
    // A comma before the "and", and a list as the subject of a verb.
    (
      "There is a lack of leadership, trust, resources, and staff.", "success_factor.trust",
      .negative
    ),
    (
      "A lack of leadership, trust and resources has held the partnership back.",
      "delivery.resources", .negative
    ),
    // The last item ends with the mention, or at a preposition or a clause opener.
    (
      "There is a lack of leadership, accountability and performance management in the borough.",
      "governance.accountability", .negative
    ),
    (
      "A lack of leadership, trust and resources meant that little was delivered.",
      "success_factor.trust", .negative
    ),
    // A qualifier after its noun, a preposition, or a judgement of the list's own: the items
    // stand by themselves.
    (
      "There is a lack of leadership, with trust and resources strong.", "success_factor.trust",
      .positive
    ),
    ("There was no budget, trust and leadership were strong.", "success_factor.trust", .positive),
    // A positive qualifier before its noun is under the negation.
    (
      "The board lacks leadership, good resources and high trust.", "success_factor.trust",
      .negative
    ),
  ])
  func aNegationDeniesEachItemOfAClosedList(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A limit denies nothing: "no more than", "no later than".
  @Test(arguments: [
    ("The partnership has a board of no more than 15 members.", "governance.representation"),
    (
      "The voluntary sector will have not less than three seats on the board.",
      "governance.representation"
    ),
    (
      "The chair will provide leadership for no longer than three years.",
      "success_factor.leadership"
    ),
    (
      "Each theme group will report on no more than eight targets.",
      "delivery.performance_management"
    ),
  ])
  func aLimitDeniesNothing(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .neutral)
  }

  /// A phrase that denies the qualifier right after it turns it over ("far from transparent",
  /// "anything but weak", "none too good", "by no means strong"); before anything else it
  /// denies nothing ("far from the town centre").
  @Test(arguments: [
    ("Its decision-making is far from transparent.", "governance.structures", Polarity.negative),
    (
      "Relations with the council are far from good.", "success_factor.working_relationships",
      .negative
    ),
    (
      "Leadership of the board has been anything but weak.", "success_factor.leadership",
      .positive
    ),
    (
      "Relations between partners are none too good.", "success_factor.working_relationships",
      .negative
    ),
    ("Trust between the partners was by no means strong.", "success_factor.trust", .negative),
    (
      "The board meets far from the town centre, and trust between partners is high.",
      "success_factor.trust", .positive
    ),
    (
      "The partnership is still a long way from effective engagement with residents.",
      "governance.community_engagement", .negative
    ),
  ])
  func aDenyingLeadTurnsOverItsQualifier(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A time or cause phrase after a negation's object is not denied with it: the chair is
  /// missing, the change of control is not.
  @Test func aNegationStopsAtATimeOrCausePhrase() throws {
    #expect(
      try polarity(
        "The partnership has been without a permanent chair since the change of political control.",
        "success_factor.political_stability") == .negative)
    #expect(
      try polarity(
        "There has been no joint working after the breakdown of trust.", "success_factor.trust")
        == .negative)
    #expect(
      try polarity(
        "There is no pooled budget and no trust between partners.", "success_factor.trust")
        == .negative)
  }

  /// Distance from a state denies the mention right after it ("far from representative"), but
  /// distance from a place denies nothing; what is far from clear is doubted, so a change
  /// claimed after it is turned over.
  @Test(arguments: [
    (
      "The board is far from representative of the borough's communities.",
      "governance.representation", Polarity.negative
    ),
    (
      "The partnership remains some way from effective engagement with residents.",
      "governance.community_engagement", .negative
    ),
    (
      "Estates far from the town centre have strong community engagement.",
      "governance.community_engagement", .positive
    ),
    (
      "It is far from clear that the partnership has improved outcomes for the estates.",
      "delivery.outcomes", .negative
    ),
    (
      "It is by no means certain that the board has become more representative.",
      "governance.representation", .negative
    ),
  ])
  func distanceFromAStateDeniesIt(sentence: String, code: String, expected: Polarity) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// Denying a claim ("it is wrong to say that", "it is not true that", "deny that") turns over
  /// the claim's own reading, qualifier and all; "would" in "it would be wrong to say" supposes
  /// nothing; "wrong to" after a body judges what the body did, as before.
  @Test(arguments: [
    (
      "It is wrong to say that trust between partners is high.", "success_factor.trust",
      Polarity.negative
    ),
    ("It is wrong to say that trust between partners is low.", "success_factor.trust", .positive),
    (
      "It is not true that leadership of the board has been weak.", "success_factor.leadership",
      .positive
    ),
    ("Partners deny that there is any mistrust between them.", "success_factor.trust", .positive),
    (
      "It is wrong to say that the partnership lacks leadership.", "success_factor.leadership",
      .positive
    ),
    (
      "It would be a mistake to think the partnership has strong leadership.",
      "success_factor.leadership", .negative
    ),
    (
      "The board was wrong to cut the voluntary sector's seats.", "governance.representation",
      .negative
    ),
    // A denial denied affirms the claim: neither the denial nor its negation counts.
    (
      "It is not wrong to say that trust between partners is low.", "success_factor.trust",
      .negative
    ),
    (
      "It is not a myth that trust between partners is high.", "success_factor.trust",
      .positive
    ),
    // ... as "no one" and "nobody" do before "deny", auxiliaries between or not.
    ("No one denies that trust between partners is low.", "success_factor.trust", .negative),
    (
      "Nobody would deny that the board lacks leadership.", "success_factor.leadership",
      .negative
    ),
    ("Nobody would dispute that trust between partners is low.", "success_factor.trust", .negative),
    // Doubting a claim denies it, and a doubt denied affirms it.
    ("I doubt that trust between partners is high.", "success_factor.trust", .negative),
    ("It is doubtful that trust between partners is high.", "success_factor.trust", .negative),
    ("I doubt whether trust between partners is high.", "success_factor.trust", .negative),
    (
      "No one can doubt that the partnership has weak leadership.", "success_factor.leadership",
      .negative
    ),
    ("There is no doubt that trust between partners is high.", "success_factor.trust", .positive),
    // Doubts raised about something judge it.
    (
      "The chair's dual role raised doubts about the partnership's legitimacy.",
      "governance.legitimacy", .negative
    ),
    // A qualifier before the denial is not the claim's.
    ("We still doubt that trust between partners is high.", "success_factor.trust", .negative),
    // "Not right to say" and "not fair to say" are "wrong to say".
    (
      "It would not be right to say that trust between partners is low.",
      "success_factor.trust", .positive
    ),
    (
      "It is not fair to say that the board lacks leadership.", "success_factor.leadership",
      .positive
    ),
  ])
  func aDeniedClaimIsNegated(sentence: String, code: String, expected: Polarity) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  // A negated factive predicate keeps its negation: what follows "that" stands as it reads (a
  // complaint, a report), while a negated word of knowing still doubts it.
  @Test(arguments: [
    (
      "It is not fair that the voluntary sector has no say in decisions.",
      "governance.representation", Polarity.negative
    ),
    ("It is no surprise that trust between partners is low.", "success_factor.trust", .negative),
    ("I am not happy that the board has weak leadership.", "success_factor.leadership", .negative),
    ("It is not acceptable that partners still lack trust.", "success_factor.trust", .negative),
    ("It was no accident that trust between partners grew.", "success_factor.trust", .positive),
    // "That" may be left out before the clause's determiner.
    (
      "It is not fair the voluntary sector has no say in decisions.", "governance.representation",
      .negative
    ),
    ("It is not clear that trust between partners has grown.", "success_factor.trust", .negative),
    ("It is not true that partners lack trust.", "success_factor.trust", .positive),
    // A determiner after the predicate opens its clause only before a verb: a time phrase
    // takes nothing as true.
    (
      "Members were not happy this year with the leadership of the board.",
      "success_factor.leadership", .negative
    ),
  ])
  func aNegatedFactivePredicateLeavesItsClauseAlone(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  // A negative qualifier with a negation between it and the mention is no double negation: the
  // negation is the mention's own ("still" says only that it goes on).
  @Test(arguments: [
    ("Partners still lack trust.", "success_factor.trust", Polarity.negative),
    ("The board still lacks leadership.", "success_factor.leadership", .negative),
    ("The board does not have weak leadership.", "success_factor.leadership", .positive),
    // A qualifier that itself negates makes a double negation with the negation after it.
    ("Partners rarely lack trust.", "success_factor.trust", .positive),
    ("Partners seldom lack trust.", "success_factor.trust", .positive),
    // With no negation, the state that goes on judges: right before a positive qualifier,
    // "still" gives way to it.
    ("Trust between partners is still high.", "success_factor.trust", .positive),
    ("Trust between partners is still not high.", "success_factor.trust", .negative),
    ("Trust between partners is still low.", "success_factor.trust", .negative),
  ])
  func aQualifierBeforeANegationIsNotTurnedOver(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  @Test func aClaimDeniedPolitelyIsNotHedged() throws {
    let found = try reading(
      [
        Block(
          kind: .paragraph, text: "It would be wrong to say that trust between partners is high.",
          line: 1)
      ], code: "success_factor.trust")
    #expect(found?.polarity == .negative)
    #expect(found?.hedged == false)
    // Nor does "would" between a denial and its negation suppose anything of the claim.
    let denied = try reading(
      [
        Block(
          kind: .paragraph, text: "Nobody would deny that trust between partners is low.",
          line: 1)
      ], code: "success_factor.trust")
    #expect(denied?.polarity == .negative)
    #expect(denied?.hedged == false)
  }

  /// A doubt denied supposes nothing: the claim stands as it reads, unhedged.
  @Test(arguments: [
    "Nobody doubts that trust between partners is high.",
    "I do not doubt that trust between partners is high.",
  ])
  func aDoubtDeniedIsNotHedged(sentence: String) throws {
    let found = try reading(sentence, code: "success_factor.trust")
    #expect(found?.polarity == .positive)
    #expect(found?.hedged == false)
  }

  /// `explain` says why a negation did not turn a claim over: a factive predicate holds it, or a
  /// continuing qualifier before it says the state goes on.
  @Test(arguments: [
    (
      "It is not fair that the voluntary sector has no say in decisions.",
      "held: 'is not' belongs to the factive predicate 'fair'"
    ),
    (
      "Partners still lack trust.",
      "goes on: 'still' says the state continues and does not turn over the negation after it"
    ),
  ])
  func explainSaysWhyANegationStoodAside(sentence: String, expected: String) throws {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    let text = TaxonomyTagger(taxonomy: try Fixtures.projectRules()).explanation(of: segmented)
    #expect(text.contains(expected))
  }

  /// "Still," set off by a comma means "nevertheless": no state goes on, nothing is judged, and
  /// the negation after it reads as ever.
  @Test func stillSetOffByACommaJudgesNothing() throws {
    #expect(try polarity("Still, partners lack trust.", "success_factor.trust") == .negative)
    #expect(
      try polarity("Still, trust between partners is high.", "success_factor.trust") == .positive)
    let segmented = try ICUSegmenter().segment(
      ExtractedText(
        title: nil, blocks: [Block(kind: .paragraph, text: "Still, partners lack trust.", line: 1)])
    )
    let text = TaxonomyTagger(taxonomy: try Fixtures.projectRules()).explanation(of: segmented)
    #expect(!text.contains("goes on:"))
  }

  /// A comma, a coordinator and a pronoun open a clause with its own subject
  /// (`grammar.subject_pronouns`): a doubt there neither hedges nor turns over a mention before.
  @Test(arguments: [
    "Trust between partners is high, and we doubt that the board will meet.",
    "Trust between partners is high, and it may fall when the chair leaves.",
  ])
  func aDoubtInALaterClauseLeavesAnEarlierMentionAlone(sentence: String) throws {
    let found = try reading(sentence, code: "success_factor.trust")
    #expect(found?.polarity == .positive)
    #expect(found?.hedged == false)
  }

  /// A probability put as a clause hedges it, as "unlikely" does; its double negatives deny
  /// nothing.
  @Test(arguments: [
    ("It is not likely that trust between partners will grow.", nil),
    ("It is not unlikely that trust between partners will grow.", Polarity.neutral),
    ("It is more likely than not that trust between partners will grow.", .neutral),
  ])
  func likelyThatHedges(sentence: String, expected: Polarity?) throws {
    let found = try reading(sentence, code: "success_factor.trust")
    #expect(found?.hedged == true)
    if let expected { #expect(found?.polarity == expected) }
  }

  /// "We doubt" hedges its clause and its "doubt that" denies the claim: the matcher keeps the
  /// hedge, and the denial inside it is found all the same.
  @Test(arguments: [
    ("We doubt that trust between partners is high.", Polarity.negative),
    ("We doubt whether trust between partners is high.", .negative),
    ("We doubt that partners lack trust.", .positive),
    // Anyone's doubt supposes as well as denies (`negation.doubts`).
    ("The panel doubts that trust between partners is high.", .negative),
    ("Officers doubted whether trust between partners was high.", .negative),
    ("It is doubtful that trust between partners is high.", .negative),
    // With words between the doubt and its "that", or with "that" left out.
    ("We doubt very much that trust between partners is high.", .negative),
    ("We doubt trust between partners is high.", .negative),
    ("I doubt trust between partners is high.", .negative),
    ("We doubt partners lack trust.", .positive),
  ])
  func aDoubtBothHedgesAndDenies(sentence: String, expected: Polarity) throws {
    let found = try reading(sentence, code: "success_factor.trust")
    #expect(found?.polarity == expected)
    #expect(found?.hedged == true)
  }

  /// A qualifier put in an earlier state ("once hostile", "had been low", "poor at first")
  /// gives way to a later one about the same thing, in its clause or right after a terminator;
  /// alone it still judges, and a later qualifier about something else leaves it standing.
  @Test(arguments: [
    (
      "Relations between the partners, once hostile, are now productive.",
      "success_factor.working_relationships", Polarity.positive
    ),
    ("Trust on the board, which had been low, is now high.", "success_factor.trust", .positive),
    (
      "Working relationships that were once strong have deteriorated.",
      "success_factor.working_relationships", .negative
    ),
    (
      "Leadership of the partnership, previously weak, has become strong.",
      "success_factor.leadership", .positive
    ),
    (
      "Relations with the council were poor at first but are now good.",
      "success_factor.working_relationships", .positive
    ),
    (
      "Relations with the council were good initially but have since become strained.",
      "success_factor.working_relationships", .negative
    ),
    ("Trust between the partners had been low for years.", "success_factor.trust", .negative),
    (
      "Trust between the partners had been low, but the board is now strong.",
      "success_factor.trust", .negative
    ),
    (
      "The chair said that trust had been low, and that the council is now more supportive.",
      "success_factor.trust", .negative
    ),
    (
      "Relations had been good for years when the NRF allocation was cut.",
      "success_factor.working_relationships", .positive
    ),
    ("Trust between partners, historically low, is now high.", "success_factor.trust", .positive),
    (
      "Leadership of the board used to be weak; it is now strong.", "success_factor.leadership",
      .positive
    ),
    ("Trust had been low at first, but it grew steadily.", "success_factor.trust", .positive),
    (
      "Relations were good at first; the board is now weak.",
      "success_factor.working_relationships", .positive
    ),
    (
      "The grants showed lasting benefit once the money stopped, but the board was weak.",
      "delivery.outcomes", .positive
    ),
  ])
  func anEarlierStateGivesWayToALaterOne(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A word of excess after an auxiliary or a linking verb criticises the measure after it,
  /// listed or not ("is too centralised"); "too" meaning "also" (after a noun or another
  /// verb), a listed verdict deferred and "only too" do not.
  @Test(arguments: [
    (
      "The board is too centralised to hold the trust of partners.", "success_factor.trust",
      Polarity.negative
    ),
    ("Partnership leadership has become too council-led.", "success_factor.leadership", .negative),
    ("The outcomes so far are too modest to convince residents.", "delivery.outcomes", .negative),
    ("The police, too, attend the board.", "sector.public", .neutral),
    (
      "Residents too were consulted on the community strategy.", "policy.community_strategy",
      .neutral
    ),
    ("It is too early to judge the outcomes.", "delivery.outcomes", .neutral),
    (
      "The leadership of the board was only too willing to help.", "success_factor.leadership",
      .neutral
    ),
    ("We too value the leadership of the partnership.", "success_factor.leadership", .neutral),
    ("The police too attend every meeting of the board.", "sector.public", .neutral),
    (
      "It is too soon to know whether performance management works.",
      "delivery.performance_management", .neutral
    ),
  ])
  func aWordOfExcessCriticisesTheMeasureAfterIt(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A negation in a later conjunct with a subject of its own does not reach back to the
  /// mention; one in a conjunct that shares the mention's subject does.
  @Test(arguments: [
    ("Trust is high, and the board did not meet.", "success_factor.trust", Polarity.positive),
    (
      "The council promised joined-up services and more local freedom, and delivered neither.",
      "delivery.services", .negative
    ),
  ])
  func aNegationInALaterConjunctWithItsOwnSubjectStaysThere(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A negation that meets a verb of remedy denies the remedy, and what needed it stands.
  @Test(arguments: [
    ("The chair has not resolved the lack of trust.", "success_factor.trust"),
    ("The board has not addressed the weak leadership.", "success_factor.leadership"),
    (
      "The board failed to address weaknesses in performance management.",
      "delivery.performance_management"
    ),
    (
      "Partners have not tackled the poor relations between them.",
      "success_factor.working_relationships"
    ),
  ])
  func aNegatedRemedyLeavesTheProblemStanding(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .negative)
  }

  /// A remedy denied after the mention leaves the problem standing too; a remedy done just
  /// before it undoes the problem, but not one further off.
  @Test(arguments: [
    ("Weak leadership has not been addressed.", "success_factor.leadership", Polarity.negative),
    ("The lack of trust has not been resolved.", "success_factor.trust", .negative),
    (
      "Weaknesses in accountability have not yet been tackled by the board.",
      "governance.accountability", .negative
    ),
    ("The board has resolved the lack of trust.", "success_factor.trust", .positive),
    ("The board has tackled poor attendance at meetings.", "governance.representation", .positive),
    (
      "A partnership set up to tackle deprivation in the town has missed its targets.",
      "delivery.performance_management", .negative
    ),
  ])
  func aRemedyDoneUndoesTheProblemItMeets(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A problem after a verb of remedy that follows the mention is what the remedy is for, not a
  /// judgement of the mention; a judgement of the mention itself still counts.
  @Test(arguments: [
    (
      "Partners agreed to pool budgets to address poor health in the most deprived wards.",
      "delivery.resources", Polarity.neutral
    ),
    ("The money is meant to tackle weak skills on the estates.", "delivery.resources", .neutral),
    ("The pooled budget was too small to tackle poor health.", "delivery.resources", .negative),
  ])
  func aProblemARemedyIsForDoesNotJudgeTheMention(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A negation after a linking verb that ends its clause, or stands before a preposition, is
  /// said of the subject (`grammar.predicate_leads`), adverbs in -ly or "still" between or not;
  /// before anything else it reaches forward as ever.
  @Test(arguments: [
    (
      "Trust between partners has increasingly been lacking.", "success_factor.trust",
      Polarity.negative
    ),
    ("Strong leadership has been notably absent.", "success_factor.leadership", .negative),
    ("Leadership was sadly lacking in the early years.", "success_factor.leadership", .negative),
    (
      "Funding has remained largely absent, and the board has stalled.", "delivery.resources",
      .negative
    ),
    ("There is no trust between the partners.", "success_factor.trust", .negative),
  ])
  func aNegationSaidOfTheSubjectReachesBack(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A sentence that opens with a subordinator ends that clause at its first comma
  /// (`grammar.opening_subordinators`): each clause's qualifier judges its own mention.
  @Test(arguments: [
    ("Although trust is high, leadership is weak.", "success_factor.leadership", Polarity.negative),
    ("Although trust is high, leadership is weak.", "success_factor.trust", .positive),
    ("Whereas leadership is strong, trust is low.", "success_factor.leadership", .positive),
    // A concession by preposition ends at its comma too.
    (
      "Despite a long history of joint working, trust between the partners was thin.",
      "success_factor.tradition_of_cooperation", .positive
    ),
    (
      "Despite a long history of joint working, trust between the partners was thin.",
      "success_factor.trust", .negative
    ),
  ])
  func anOpeningSubordinateClauseEndsAtItsComma(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A verb of change after "begin", "start" or "continue" judges as it would alone; "to
  /// improve" after an aim does not.
  @Test(arguments: [
    ("Relations between partners began to improve.", Polarity.positive),
    ("Relations between partners are beginning to deteriorate.", .negative),
    ("Relations between partners continue to improve.", .positive),
    ("The board aims to improve relations between partners.", .neutral),
  ])
  func aVerbOfChangeAfterAnAspectVerbJudges(sentence: String, expected: Polarity) throws {
    #expect(try polarity(sentence, "success_factor.working_relationships") == expected)
  }

  /// A hedge stays in its conjunct where a comma, a coordinator and a noun phrase with its own
  /// auxiliary open another: the progress has stalled, whatever the partnership could miss.
  @Test func aHedgeDoesNotReachAConjunctWithASubjectOfItsOwn() throws {
    let sentence =
      "Progress against the stretch target has stalled, and the partnership could miss out on reward grant."
    #expect(try reading(sentence, code: "delivery.performance_management")?.hedged == false)
    #expect(try reading(sentence, code: "delivery.resources")?.hedged == true)
  }

  /// A purpose is an aim: what is done so that residents do not fall through the gaps judges
  /// no engagement.
  @Test func aPurposeJudgesNothing() throws {
    #expect(
      try polarity(
        "Public services work together, so that residents do not fall through the gaps.",
        "governance.community_engagement") == .neutral)
  }

  /// A comparison's qualifier judges what is compared, not the standard after "than".
  @Test(arguments: [
    (
      "Capacity building received far less attention than leadership.",
      "success_factor.leadership", Polarity.neutral
    ),
    (
      "The council's leadership was stronger than the partnership's governance arrangements.",
      "governance.structures", .neutral
    ),
    (
      "The council's leadership was stronger than the partnership's governance arrangements.",
      "success_factor.local_authority_leadership", .positive
    ),
  ])
  func aComparisonJudgesWhatIsComparedNotItsStandard(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A body answerable to nobody is unaccountable; a concession ("cordial, if a little
  /// formal") supposes nothing; what nobody could show is a fact.
  @Test func aNegationAfterAndConcessionsThatDoNotHedge() throws {
    #expect(
      try polarity("The board is answerable to no one.", "governance.accountability") == .negative)
    let cordial = try reading(
      "Relationships at board level were described as cordial, if a little formal.",
      code: "success_factor.working_relationships")
    #expect(cordial?.polarity == .positive)
    #expect(cordial?.hedged == false)
    let shown = try reading(
      "Nor could officers show us that the performance framework is used.",
      code: "delivery.performance_management")
    #expect(shown?.hedged == false)
    // An idiom of rarity is no condition; a condition still hedges.
    for sentence in [
      "Jobcentre Plus attends the board irregularly, if at all.",
      "If anything, the representation of the private sector has weakened.",
      "The forum would still like more seats on the board.",
    ] {
      #expect(
        try reading(sentence, code: "governance.representation")?.hedged == false, "\(sentence)")
    }
    #expect(
      try reading(
        "If the council gave up a seat, representation would be fairer.",
        code: "governance.representation")?.hedged == true)
  }

  /// A judgement inside an indirect question is asked, not made; a phrase's own polarity
  /// stands.
  @Test func aJudgementInAnIndirectQuestionIsNeutral() throws {
    #expect(
      try polarity(
        "Cllr Hewitt asked whether partners were willing to shift their own mainstream budgets.",
        "delivery.mainstreaming") == .neutral)
    #expect(
      try polarity(
        "Partners have been unwilling to shift their own mainstream budgets.",
        "delivery.mainstreaming") == .negative)
    #expect(
      try polarity(
        "Whether it breaks into the virtuous circle depends on the council.", "circle.break_in")
        == .positive)
  }

  /// "It appears that" and "it seems that" hedge a finding, which keeps its polarity.
  @Test func aClauseThatAppearsIsHedged() throws {
    let found = try reading(
      "It appears that the board's terms of reference have not been revisited.",
      code: "governance.structures")
    #expect(found?.hedged == true)
    #expect(found?.polarity == .negative)
  }

  /// What would have happened is told, not supposed, and a bad outcome it would have been with
  /// "without" asserts what prevented it.
  @Test(arguments: [
    (
      "The scheme would have collapsed without strong leadership.", "success_factor.leadership",
      Polarity.positive
    ),
    (
      "Without the backing of the leader of the council, the strategy would almost certainly have stalled.",
      "success_factor.local_authority_leadership", .positive
    ),
    (
      "Nothing would have worked without the good working relationships.",
      "success_factor.working_relationships", .positive
    ),
  ])
  func whatWouldHaveHappenedIsToldAndAssertsWhatPreventedIt(
    sentence: String, code: String, expected: Polarity
  ) throws {
    let found = try reading(sentence, code: code)
    #expect(found?.polarity == expected)
    #expect(found?.hedged == false)
  }

  /// Not discussing a thing says nothing about it (`grammar.attention_verbs`): in the passive
  /// the negation denies nothing, in the active it judges only the one who did not attend.
  @Test(arguments: [
    ("Trust between partners was not discussed.", "success_factor.trust", Polarity.neutral),
    ("Trust has never been mentioned in the board's minutes.", "success_factor.trust", .neutral),
    ("Value for money was not assessed by the evaluation.", "delivery.efficiency", .neutral),
    ("The board did not discuss leadership.", "success_factor.leadership", .neutral),
    (
      "The council's scrutiny committee has never examined the partnership's work.",
      "governance.accountability", .negative
    ),
    // A determiner's noun is no verb: a shortage stays one.
    ("The draft contains almost no mention of money.", "delivery.resources", .negative),
    ("Performance was not monitored.", "delivery.performance_management", .negative),
  ])
  func notAttendingToAThingSaysNothingAboutIt(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }

  /// A negation that stands as its clause's subject denies the whole predicate, however far
  /// (`grammar.negative_subjects`); one that is not the subject reaches as far as ever.
  @Test(arguments: [
    (
      "None of the four case-study partnerships had yet broken out of the vicious circle.",
      "circle.break_out", Polarity.negative
    ),
    (
      "Nobody on the board of the partnership has shown any real leadership since 2004.",
      "success_factor.leadership", .negative
    ),
  ])
  func aNegativeSubjectDeniesItsWholePredicate(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try polarity(sentence, code) == expected)
  }
}
