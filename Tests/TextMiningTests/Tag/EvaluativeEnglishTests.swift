import Testing

@testable import TextMining

/// Polarity in ordinary evaluative English, as reports write it (issue: "what the report thinks
/// of it"): judgements made outside the cue lists, partnerships judged by what happens to them,
/// and the false judgements of titles, aims and a negation in the wrong clause. Each sentence
/// is our own, with the pattern of the example.
@Suite struct EvaluativeEnglishTests {
  private func mentions(_ sentence: String) throws -> [Mention] {
    let taxonomy = try Fixtures.projectTaxonomy()
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented)
  }

  private func polarity(_ sentence: String, _ code: String) throws -> Polarity? {
    try mentions(sentence).first { $0.code.rawValue == code }?.polarity
  }

  /// The polarity the rules alone give `code` in `sentence` (the model set aside).
  private func rulesPolarity(_ sentence: String, _ code: String) throws -> Polarity? {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    return TaxonomyTagger(taxonomy: try Fixtures.projectRules()).mentions(in: segmented)
      .first { $0.code.rawValue == code }?.polarity
  }

  @Test(arguments: [
    (
      "Grant payments were withheld because the districts failed to show enough improvement.",
      "delivery.resources"
    ),
    ("The inspectors' report highlights the shortage of resources.", "delivery.resources"),
    (
      "Community engagement is inconsistent at best and weak at worst.",
      "governance.community_engagement"
    ),
    (
      "On resources the review paints a dismal picture with few bright spots.", "delivery.resources"
    ),
    ("Consultation with residents has been tokenistic.", "governance.community_engagement"),
    ("Business representation on the board remains patchy.", "governance.representation"),
    ("Trust between the partners is fragile.", "success_factor.trust"),
    ("There has been slow progress on mainstreaming.", "delivery.mainstreaming"),
    ("The promised outcomes were never seen on the estates.", "delivery.outcomes"),
    ("Partners' funding was cut and the budget has dwindled.", "delivery.resources"),
    ("The real decisions were made behind closed doors.", "governance.structures"),
    ("Key decisions are often taken elsewhere.", "governance.structures"),
    (
      "Some partners have been less closely involved since the merger.", "governance.representation"
    ),
    ("Two theme groups have yet to agree their terms of reference.", "governance.structures"),
    ("If the targets slip, part of the reward grant will be lost.", "delivery.resources"),
    ("People are polite to each other but don't really trust each other.", "success_factor.trust"),
    (
      "People are polite to each other but don\u{2019}t really trust each other.",
      "success_factor.trust"
    ),
    ("The sector's own capacity is under strain.", "delivery.capacity"),
    ("The transitional funding has ended and the projects have closed.", "delivery.resources"),
    ("Only 25% of partners say the board holds them to account.", "governance.accountability"),
    ("Elsewhere, mainstream programmes have changed very little.", "delivery.mainstreaming"),
    ("Business representation remains the weakest part of the board.", "governance.representation"),
    ("Many small groups depend on short-term funding.", "delivery.resources"),
    ("The chamber of commerce attends the board only occasionally.", "governance.representation"),
    ("The delay undermines the board's legitimacy with tenants.", "governance.legitimacy"),
    (
      "Agreeing targets with the health partners has become harder.",
      "delivery.performance_management"
    ),
    (
      "The annual review raises questions about the forum's links with residents.",
      "governance.community_engagement"
    ),
    // A vacancy the board has not managed to fill stands (filling is a remedy).
    ("The board has failed to fill the vacant seat for the college.", "governance.representation"),
    // Idioms of judgement.
    (
      "The leader of the county council has been conspicuous by his absence.",
      "success_factor.local_authority_leadership"
    ),
    ("Joined-up services are still more rhetoric than reality.", "delivery.services"),
    ("Pooled budgets are the exception rather than the rule.", "delivery.resources"),
    ("The measurable impact on worklessness has been negligible.", "delivery.outcomes"),
    // A third reader's (2026-12-07): informal English of shortage and criticism.
    ("Relations with the college are now at rock bottom.", "success_factor.working_relationships"),
    ("The neighbourhood renewal money runs out next March.", "delivery.resources"),
    ("The silo mentality in the council's departments persists.", "success_factor.culture"),
  ])
  func negativeJudgementsInOrdinaryEnglish(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .negative, "\(sentence)")
  }

  @Test(arguments: [
    ("Inspectors found the board an effective vehicle for joint working.", "delivery.efficiency"),
    ("Performance management in the borough is robust.", "delivery.performance_management"),
    ("Community involvement in the forums is thriving.", "governance.community_engagement"),
    ("Partners have shown a real commitment to pooled resources.", "delivery.resources"),
    ("Some of the results are encouraging.", "delivery.outcomes"),
    (
      "The primary care trust has been a constructive member of the board.",
      "governance.representation"
    ),
    ("Business members have attended consistently since 2006.", "governance.representation"),
    ("The wardens have made a real difference to the outcomes on the estate.", "delivery.outcomes"),
    (
      "The police and the college have attended every board meeting this year.",
      "governance.representation"
    ),
    // The noun "needs" is no aim: only the verb before what is needed makes one.
    ("Needs analysis showed that outcomes have improved.", "delivery.outcomes"),
    (
      "Relations between the college and the council have thawed.",
      "success_factor.working_relationships"
    ),
    // A phrase that is itself a judgement ("adds value") judges when asserted.
    ("Put simply, the board adds value.", "delivery.outcomes"),
    // A condition that supposes a thing away, with a bad outcome, asserts it.
    (
      "Had it not been for the working relationships, the project would have failed.",
      "success_factor.working_relationships"
    ),
    (
      "But for strong leadership, the board would have collapsed in 2005.",
      "success_factor.leadership"
    ),
  ])
  func positiveJudgementsInOrdinaryEnglish(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .positive, "\(sentence)")
  }

  /// Growth is improvement, a red rating a judgement and struggling a difficulty, to the rules
  /// ("grew", "a red rating" and "struggling" are qualifiers). The polarity model, which has seen
  /// few such sentences in the gold, withdraws these readings to neutral (its known misses; the
  /// struggling theme groups since the model was retrained on 2026-12-06 after the hedging
  /// rules changed); they are tested on the rules alone.
  @Test(arguments: [
    (
      "The network's membership grew from 40 groups to 75.", "governance.representation",
      Polarity.positive
    ),
    (
      "The assessment gave the theme group a red rating on its targets.",
      "delivery.performance_management", .negative
    ),
    (
      "The theme groups are struggling to meet expectations on their targets.",
      "delivery.performance_management", .negative
    ),
  ])
  func judgementsTheModelMissesStandInTheRules(sentence: String, code: String, expected: Polarity)
    throws
  {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    let rules = TaxonomyTagger(taxonomy: try Fixtures.projectRules()).mentions(in: segmented)
    #expect(rules.first { $0.code.rawValue == code }?.polarity == expected)
  }

  @Test func partnershipsAreJudgedByWhatHappensToThem() throws {
    #expect(
      try polarity(
        "The Eastbury Partnership had its reward grant withheld because it failed to meet targets.",
        "partnership.named") == .negative)
  }

  @Test(arguments: [
    ("Effective scrutiny of local strategic partnerships", "governance.accountability"),
    (
      "The partnership needs clear leadership from the council.",
      "success_factor.local_authority_leadership"
    ),
    ("The partnership needs stronger leadership.", "success_factor.leadership"),
    ("Stronger leadership is needed.", "success_factor.leadership"),
    // A need stated by a negation and "without" stays neutral with the model applied.
    ("None of this will be possible without additional funding.", "delivery.resources"),
    (
      "Our aim is stronger community engagement across the borough.",
      "governance.community_engagement"
    ),
    (
      "Under the new arrangements bureaucracy will be reduced and accountability will be increased.",
      "governance.accountability"
    ),
    // A rule that lets a partner send a deputy judges nothing.
    ("Members may send a deputy to meetings of the executive.", "governance.representation"),
    // A qualifier of a later noun, in a phrase after the mention, is that noun's.
    ("The board agreed the funding for the healthy living centres.", "delivery.resources"),
    ("The board agreed the funding for a strong youth service.", "delivery.resources"),
  ])
  func neutralWhereNothingIsJudged(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .neutral, "\(sentence)")
  }

  @Test(arguments: [
    ("In our view strong leadership matters more than any structure.", "success_factor.leadership"),
    (
      "The study found that success depended on mutual trust between the agencies.",
      "success_factor.trust"
    ),
    (
      "Coterminous boundaries are one of the critical success factors for partnerships.",
      "success_factor.boundary_alignment"
    ),
    (
      "Good working relationships will be key to the new agreement.",
      "success_factor.working_relationships"
    ),
  ])
  func aClaimOfImportanceJudgesNothing(sentence: String, code: String) throws {
    #expect(try polarity(sentence, code) == .neutral, "\(sentence)")
  }

  @Test func anExpectationOrAHopeJudgesNothingWhileAnAchievementDoes() throws {
    #expect(
      try polarity(
        "We expect the voluntary sector to be fully involved in the new board.",
        "governance.representation") == .neutral)
    #expect(
      try polarity(
        "We hope the new members will strengthen business representation.",
        "governance.representation") == .neutral)
    #expect(
      try polarity(
        "Business representation has been strengthened by the new members.",
        "governance.representation") == .positive)
  }

  @Test func aNegationInARelativeClauseOfAnotherNounDoesNotReachTheMention() throws {
    #expect(
      try polarity(
        "An effective partnership moves its money away from projects that do not work.",
        "delivery.efficiency") != .negative)
    // A relative clause right after the mention is about the mention.
    #expect(
      try polarity("Trust, which is not strong, has to be rebuilt.", "success_factor.trust")
        == .negative)
  }

  @Test func withoutBeforeANegativeQualifierTurnsItOver() throws {
    #expect(
      try polarity(
        "Partners trust each other and pooled the budget without difficulty.",
        "success_factor.trust") == .positive)
  }

  @Test(arguments: [
    "R1. That the board be reduced to twelve members because attendance is poor.",
    "RESOLVED: that the weak performance report be noted.",
    "(b) that the theme groups bring recovery plans for the failing targets.",
  ])
  func aResolutionProposesAndDoesNotJudge(sentence: String) throws {
    let mentions = try mentions(sentence)
    #expect(!mentions.isEmpty)
    #expect(mentions.allSatisfy { $0.polarity == .neutral }, "\(sentence)")
  }

  @Test func aThatClauseInsideASentenceIsNotAResolution() throws {
    #expect(
      try polarity(
        "The review found that the executive group is too large.", "governance.structures")
        == .negative)
  }

  @Test func takingPartDescribedJudgesNothingAndTakingPartReportedDoes() throws {
    #expect(
      try polarity(
        "Residents take part through the neighbourhood forums.", "governance.community_engagement")
        == .neutral)
    #expect(
      try polarity(
        "More than 2,000 residents took part in the consultation.",
        "governance.community_engagement")
        == .positive)
  }

  @Test func lessThanIsACountNotAJudgement() throws {
    #expect(
      try polarity(
        "Less than half of the seats on the board are held by partners.",
        "governance.representation")
        == .neutral)
  }

  @Test func atLeastIsACountNotAJudgement() throws {
    #expect(
      try polarity(
        "The voluntary sector holds at least one seat on each theme group.",
        "governance.representation") == .neutral)
  }

  @Test func aWeightyDecisionAndAPromiseJudgeNothing() throws {
    #expect(
      try polarity(
        "Trust made it easier to take difficult decisions together.", "governance.structures")
        == .neutral)
    #expect(
      try polarity(
        "The leader has promised that the council will not make major decisions alone.",
        "governance.structures") == .neutral)
  }

  @Test func aNegatedNegativeQualifierAfterTheMentionTurnsOver() throws {
    #expect(
      try polarity(
        "The executive group has not missed a meeting in three years.",
        "governance.structures") == .positive)
  }

  /// A negation before the mention that meets a negative verb first denies the verb, and so
  /// asserts the mention: a double negation, whatever qualifier stands right before it.
  @Test(arguments: [
    (
      "None of the members questioned the firm leadership of the chair.",
      Polarity.positive
    ),
    ("Partners have not criticised the strong leadership of the chair.", .positive),
    ("No partner criticised the leadership of the chair.", .positive),
    // Not when the negative word is the mention's own qualifier: still the thing denied.
    ("There was no weak leadership and no poor leadership.", .positive),
    ("There is no clear leadership of the partnership.", .negative),
    // An auxiliary's "not" denies only the verb right after it, not one further on.
    ("Partners did not want the chair to add to the burden of leadership.", .negative),
    ("Partners have not openly criticised the strong leadership of the chair.", .positive),
  ])
  func aNegationThatMeetsANegativeVerbFirstDeniesTheVerb(sentence: String, expected: Polarity)
    throws
  {
    #expect(try rulesPolarity(sentence, "success_factor.leadership") == expected)
  }

  @Test(arguments: [
    (
      "Performance management at the partnership is underdeveloped.",
      "delivery.performance_management", Polarity.negative
    ),
    (
      "The two stretch targets on skills are the most worrying.", "delivery.performance_management",
      .negative
    ),
    (
      "The worklessness target now looks unachievable.", "delivery.performance_management",
      .negative
    ),
    ("Voluntary groups face a funding squeeze this year.", "delivery.resources", .negative),
    (
      "The crime targets are ahead of target for the second year.",
      "delivery.performance_management", .positive
    ),
    (
      "The network deserves credit for its work on engagement with residents.",
      "governance.community_engagement", .positive
    ),
  ])
  func theFifthSetsWordsOfJudgementReadAsRulesOfTheirPolarity(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// Other forms of a word of judgement judge as the listed form does ("sporadically" beside
  /// "sporadic"), but a plain verb that proposes judges nothing: "tighten the agendas", "the
  /// board will shrink" stay neutral.
  @Test(arguments: [
    (
      "Business representatives attend the board sporadically.", "governance.representation",
      Polarity.negative
    ),
    ("Staff supporting the theme groups are overloaded.", "governance.structures", .negative),
    (
      "Scrutiny of the partnership has been a step backwards.", "governance.accountability",
      .negative
    ),
    (
      "Community engagement petered out after a year.", "governance.community_engagement",
      .negative
    ),
    (
      "Partners have engaged constructively with the community strategy.",
      "governance.representation", .positive
    ),
    ("Option A: tighten the agendas of the theme groups.", "governance.structures", .neutral),
    // Forms with a neutral sense are not listed: a market stall, occasional meetings.
    (
      "The partnership had a stall at the market to consult residents.",
      "governance.community_engagement", .neutral
    ),
    (
      "The forum holds occasional themed meetings with residents.",
      "governance.community_engagement", .neutral
    ),
    (
      "From April the board will shrink to twelve partner members.", "governance.representation",
      .neutral
    ),
  ])
  func otherFormsOfAWordOfJudgementJudgeButAProposalDoesNot(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  @Test func auxiliariesAreComparedAsWritten() throws {
    // "does" would fold to "doe" if normalised; the grammar lists it as written. A test of the
    // rules' reading, so without the polarity model (which weighs "weak" in the sentence).
    let segmented = try ICUSegmenter().segment(
      ExtractedText(
        title: nil,
        blocks: [
          Block(
            kind: .paragraph, text: "Bureaucracy does seem weak and accountability does matter.",
            line: 1)
        ]))
    let mention = TaxonomyTagger(taxonomy: try Fixtures.projectRules()).mentions(in: segmented)
      .first { $0.code.rawValue == "governance.accountability" }
    #expect(mention?.polarity == .neutral)
  }

  @Test(arguments: [
    "Have outcomes on the estates improved?",
    "Members asked: “Have outcomes on the estates improved?”",
  ])
  func aQuestionAsksAndDoesNotJudge(sentence: String) throws {
    #expect(try polarity(sentence, "delivery.outcomes") == .neutral)
    #expect(
      try polarity(
        "Outcomes on the estates have improved.", "delivery.outcomes") == .positive)
  }

  /// A verdict set off as a label of its own (brackets, a dash, a colon) judges the stretch it
  /// labels; a label that only opens with a word of judgement does not.
  @Test(arguments: [
    (
      "Business Improvement District representative (vacant)", "governance.representation",
      Polarity.negative
    ),
    ("Vacant - faith and belief groups seat", "governance.representation", .negative),
    ("Second year of the reward grant: uncertain", "delivery.resources", .negative),
    (
      "Relations between the lead officers: strong", "success_factor.working_relationships",
      .positive
    ),
    (
      "Stronger communities: the theme group's plan for residents", "governance.structures",
      .neutral
    ),
  ])
  func aVerdictSetOffAsALabelJudgesWhatItLabels(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
    // The label is explicit: the polarity model leaves it as the rules read it.
    #expect(try polarity(sentence, code) == expected)
  }

  @Test func aPositiveVerdictLabelStandsAgainstTheModel() throws {
    #expect(
      try polarity("Business representation (good)", "governance.representation") == .positive)
    #expect(try polarity("Leadership (strong)", "success_factor.leadership") == .positive)
  }

  /// A qualifier after "but" has the last word even when a dash or a bracket stands before the
  /// "but" ("relations between partners - but shallow").
  @Test func aLoneQualifierAfterButReachesPastADash() throws {
    #expect(
      try rulesPolarity(
        "Relations between partners - but shallow", "success_factor.working_relationships")
        == .negative)
  }

  /// A page title names a document and judges nothing, unless a news label among its parts
  /// shows it to be a story's headline, which reports like a sentence.
  @Test(arguments: [
    ("Partnership loses reward grant after missing its targets | News | Ashby Courier", true),
    ("News: reward grant held back as targets are missed", true),
    ("Reward grant held back as targets are missed - Local News - Ashby Courier", true),
    ("Reward grant held back as targets are missed :: Press release :: Ashby PCT", true),
    ("Reward grant held back as targets are missed|News|Ashby Courier", true),
    ("Reward grant held back as targets are missed \u{BB} News \u{BB} Ashby Courier", true),
    ("Reward grant held back as targets are missed \u{2013} Local News \u{2013} Ashby", true),
    ("Reward grant held back as targets are missed (News)", false),
    ("News and events | Reward grant held back as targets are missed", false),
    ("Reward grant held back as targets are missed | What's New | Ashby Borough Council", false),
    ("Missed targets and lost reward grant: scrutiny review | Ashby Borough Council", false),
  ])
  func aNewsTitleIsAHeadlineAndOtherTitlesAreNeutral(title: String, judged: Bool) throws {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: title, blocks: [Block(kind: .title, text: title, line: 1)]))
    let mention = TaxonomyTagger(taxonomy: try Fixtures.projectRules()).mentions(in: segmented)
      .first { $0.code.rawValue == "delivery.resources" }
    #expect(mention?.polarity == (judged ? .negative : .neutral))
  }

  /// A headline's site and section names are parts of their own: their words judge nothing in
  /// the headline ("Good News", "Best Local Paper"), nor does the headline judge a mention in
  /// them.
  @Test func aHeadlinesSiteNameIsAPartOfItsOwn() throws {
    func polarityInTitle(_ title: String, _ code: String) throws -> Polarity? {
      let segmented = try ICUSegmenter().segment(
        ExtractedText(title: title, blocks: [Block(kind: .title, text: title, line: 1)]))
      return TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy()).mentions(in: segmented)
        .first { $0.code.rawValue == code }?.polarity
    }
    #expect(
      try polarityInTitle(
        "Trust between partners and leadership | Good News | Ashby Courier",
        "success_factor.trust") == .neutral)
    #expect(
      try polarityInTitle(
        "Partnership criticised by inspectors | News | Business Representation Network",
        "governance.representation") == .neutral)
  }

  /// A unit numbered as a recommendation recommends and judges nothing, whatever words of
  /// judgement its object holds; the same words unnumbered report.
  @Test(arguments: [
    ("R3 work with the chamber of trade to fill the vacant business seat", Polarity.neutral),
    ("Recommendation 2: fill the vacant business seat on the board", .neutral),
    ("Rec 5 fill the vacant business seat on the board", .neutral),
    ("R3.1 fill the vacant business seat on the board", .neutral),
    ("Recommendation 2a: fill the vacant business seat on the board", .neutral),
    ("The vacant business seat on the board", .negative),
    // A report on a recommendation, and a year, are read like any unit.
    ("R2 was implemented, but the business seat on the board is vacant again", .negative),
    ("In 2005 the business seat on the board fell vacant", .negative),
  ])
  func aNumberedRecommendationJudgesNothing(sentence: String, expected: Polarity) throws {
    #expect(try polarity(sentence, "governance.representation") == expected)
  }

  /// A part of a whole that reached a mark judges by its size, with no word of judgement: a
  /// minority is a shortfall, most of the whole a success, the middle band neither; a
  /// shortfall word makes any share a shortfall.
  @Test(arguments: [
    ("We met two of our five targets.", "delivery.performance_management", Polarity.negative),
    (
      "We hit eleven of our twelve stretch targets this year.", "delivery.performance_management",
      .positive
    ),
    (
      "Five out of fifteen targets were on track in March.", "delivery.performance_management",
      .negative
    ),
    ("Of its 24 members, eleven turned up.", "governance.representation", .negative),
    (
      "Of the 14 targets in the agreement, the board heard in May that four were on course.",
      "delivery.performance_management", .negative
    ),
    (
      "By March, of the 12 targets, only 3 had been met.", "delivery.performance_management",
      .negative
    ),
    ("Out of 12 targets, 10 were met.", "delivery.performance_management", .positive),
    (
      "The council leader attended two of the nine meetings.",
      "success_factor.local_authority_leadership", .negative
    ),
    ("one of three private sector seats filled", "governance.representation", .negative),
    (
      "The seats were filled at only three of the six meetings.", "governance.representation",
      .negative
    ),
    (
      "Only nine of the twelve seats on the board were filled.", "governance.representation",
      .negative
    ),
    ("We met 12 of our 12 targets.", "delivery.performance_management", .positive),
    ("We met two of our five targets by 31 March.", "delivery.performance_management", .negative),
    // Counts written with a hyphen or a space, and number words of eight letters or more.
    (
      "Twenty-two of the twenty-four board members attended.", "governance.representation",
      .positive
    ),
    ("Ten of the twenty four board members attended.", "governance.representation", .negative),
    ("Seventeen of the twenty board members attended.", "governance.representation", .positive),
    // The middle band judges nothing.
    ("Seven of the twelve targets were met.", "delivery.performance_management", .neutral),
  ])
  func aShareOfAWholeJudgesByItsSize(sentence: String, code: String, expected: Polarity) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// What is not a share keeps the reading the other rules give it: a breakdown, a mark nearly
  /// reached or judged by another word, one item of a whole, "all but", a numbered label, a
  /// compound, a percentage, a verb of meeting; and the middle band leaves a qualifier on its
  /// mark as it is.
  @Test(arguments: [
    (
      "Of the 12 targets, 3 were met, 5 were partly met and 4 are due next year.",
      "delivery.performance_management", Polarity.neutral
    ),
    (
      "The voluntary sector holds five of the twenty-two seats on the board.",
      "governance.representation", .neutral
    ),
    ("Eleven of the twelve targets were barely met.", "delivery.performance_management", .negative),
    ("Eleven of the twelve targets were nearly met.", "delivery.performance_management", .neutral),
    (
      "Fennerby was one of the ten partnerships that hit every floor target.",
      "delivery.performance_management", .neutral
    ),
    (
      "One of the 12 targets, the housing target, was met.", "delivery.performance_management",
      .neutral
    ),
    ("All but one of the twelve targets were met.", "delivery.performance_management", .neutral),
    ("Target 3 of the 12 targets was met.", "delivery.performance_management", .neutral),
    ("40% of the 50 targets were met.", "delivery.performance_management", .neutral),
    ("Of the 60 targets, 50 per cent were met.", "delivery.performance_management", .neutral),
    (
      "Two of the five board members met the minister about community engagement.",
      "governance.community_engagement", .neutral
    ),
    ("Seven of the ten targets were met in full.", "delivery.performance_management", .positive),
    // The second review's cases: a mark reached badly, a verb of meeting in its other senses,
    // a mark in an earlier clause, a later line of a breakdown, a judging word before the part.
    (
      "Four of the five board meetings were poorly attended.", "governance.representation",
      .negative
    ),
    ("Four of the five theme groups were thinly attended.", "governance.structures", .neutral),
    (
      "The LSP met four of the five council leaders.", "success_factor.local_authority_leadership",
      .neutral
    ),
    (
      "Three of the four community engagement proposals were met with a request for costings.",
      "governance.community_engagement", .neutral
    ),
    (
      "Of the 20 board members, 16 met the chief executive in private.",
      "governance.representation", .neutral
    ),
    (
      "All targets were met, and two of the five new members are from the voluntary sector.",
      "governance.representation", .neutral
    ),
    (
      "Two of the five targets were met and five of the six seats were filled.",
      "delivery.performance_management", .neutral
    ),
    ("A disappointing 9 of the 12 targets were met.", "delivery.performance_management", .negative),
  ])
  func whatIsNotAShareKeepsItsReading(sentence: String, code: String, expected: Polarity) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// A unit that opens with a preposition before the part ("In two of the five areas ...") has
  /// no room for a mark before it, and is read without reaching before its first token (this
  /// crashed the tagger once).
  @Test func aPartAfterAnOpeningPrepositionIsReadSafely() throws {
    #expect(
      try rulesPolarity(
        "In two of the five areas the targets were met.", "delivery.performance_management")
        != nil)
    #expect(
      try rulesPolarity(
        "At three of the nine meetings seats were filled.", "governance.representation")
        != nil)
  }

  /// Plain words of quality (`evaluative_vocabulary`, class `quality`) judge whatever they
  /// qualify, and a negation turns them over as it turns any qualifier ("not bad").
  @Test(arguments: [
    (
      "Relations between the partners are bad.", "success_factor.working_relationships",
      Polarity.negative
    ),
    (
      "Leadership of the board has been terrible since the election.", "success_factor.leadership",
      .negative
    ),
    ("Performance management is haphazard.", "delivery.performance_management", .negative),
    (
      "Relations between partners are acrimonious.", "success_factor.working_relationships",
      .negative
    ),
    (
      "Monitoring of the targets has been haphazard and wasteful.",
      "delivery.performance_management", .negative
    ),
    ("Its accountability arrangements remain opaque.", "governance.accountability", .negative),
    (
      "Relations between the partners are not bad.", "success_factor.working_relationships",
      .positive
    ),
    (
      "Working relationships between partners have been productive.",
      "success_factor.working_relationships",
      .positive
    ),
    (
      "The theme groups gave useful reports on performance management.",
      "delivery.performance_management", .positive
    ),
  ])
  func plainWordsOfQualityJudge(sentence: String, code: String, expected: Polarity) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// A need said with "badly" is still a need: neutral.
  @Test func aBadlyNeededThingIsANeed() throws {
    #expect(
      try rulesPolarity(
        "The grant will provide badly needed funding for the youth service.",
        "delivery.resources") == .neutral)
  }

  /// A negation before a list goes on to each item, whatever qualifier the earlier items have:
  /// neither the relationships nor the leadership were poor.
  @Test(arguments: [
    (
      "Partners did not experience weak relationships or poor leadership.",
      "success_factor.leadership"
    ),
    (
      "The review found no evidence of weak leadership or poor performance management.",
      "delivery.performance_management"
    ),
  ])
  func aNegationReachesEachItemOfAList(sentence: String, code: String) throws {
    #expect(try rulesPolarity(sentence, code) == .positive)
  }

  /// "Without" denies a remedy after it and a judgement in its own noun phrase, not the
  /// judgement of the clause it modifies: scrapping the board without consultation is bad for
  /// accountability, not good.
  @Test func withoutDoesNotDenyTheClausesJudgement() throws {
    #expect(
      try rulesPolarity(
        "The partners came through the reorganisation without any acrimony in their relationships.",
        "success_factor.working_relationships") == .positive)
    #expect(
      try rulesPolarity(
        "Scrapping it without any consultation sends a terrible message about accountability.",
        "governance.accountability") == .negative)
    // A remedy after it is still denied, and the problem stands.
    #expect(
      try rulesPolarity(
        "The board went ahead without tackling the lack of trust.", "success_factor.trust")
        == .negative)
  }

  /// A negated mark is the negation rules' to read: a large share not met is no success.
  @Test func aNegatedMarkIsNoShare() throws {
    #expect(
      try rulesPolarity(
        "Eleven of our twelve targets were not met.", "delivery.performance_management")
        != .positive)
  }

  /// "Never" before a comparative praises: relations that have never been better are good.
  @Test func neverBeforeAComparativePraises() throws {
    #expect(
      try polarity(
        "He said that relations between the statutory partners had never been better.",
        "success_factor.working_relationships") == .positive)
    // Not before a comparative of blame.
    #expect(
      try polarity(
        "Relations between partners have never been more strained.",
        "success_factor.working_relationships") != .positive)
  }

  /// A negation that is a determiner denies its own noun phrase: a later item with a positive
  /// qualifier of its own stands by itself. A verb's negation reaches every item but one with a
  /// negative qualifier of its own after "and".
  @Test(arguments: [
    (
      "There is little trust and strong leadership.", "success_factor.leadership", Polarity.positive
    ),
    ("There is little trust and strong leadership.", "success_factor.trust", .negative),
    ("There was no strategy and strong leadership.", "success_factor.leadership", .positive),
    ("There is little trust and leadership.", "success_factor.leadership", .negative),
    (
      "There is no clear strategy, no trust and no strong leadership.", "success_factor.leadership",
      .negative
    ),
    (
      "The board lacks leadership, good resources and high trust.", "success_factor.trust",
      .negative
    ),
    // A negative qualifier of its own stands too: no double negation.
    ("There is little trust and weak leadership.", "success_factor.leadership", .negative),
    ("There was no trust and poor leadership.", "success_factor.leadership", .negative),
    // And after a verb's negation, a later item with a negative qualifier of its own, in the
    // same predicate or a coordinated one, is not denied twice.
    (
      "The board lacks trust and suffers from weak leadership.", "success_factor.leadership",
      .negative
    ),
    ("The board lacks trust and weak leadership.", "success_factor.leadership", .negative),
    (
      "Partners did not share information and had poor relationships.",
      "success_factor.working_relationships", .negative
    ),
    // Not after "or", nor where the determiner's noun takes the list after "of".
    ("There was no leadership or clear accountability.", "governance.accountability", .negative),
    (
      "There was little sign of trust or strong leadership.", "success_factor.leadership", .negative
    ),
    (
      "There is no evidence of trust and strong leadership.", "success_factor.leadership", .negative
    ),
    (
      "There is little evidence of strong leadership and good resources.", "delivery.resources",
      .negative
    ),
  ])
  func aNegativeDeterminerDeniesItsOwnNounPhrase(
    sentence: String, code: String, expected: Polarity
  ) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// A negation stays in its own predicate: "not" denies the council, "no" the powers.
  @Test func aNegationStaysInItsOwnPredicate() throws {
    #expect(
      try polarity("It is not a council and has no legal powers of its own.", "governance.status")
        == .negative)
    // After the mention, a later predicate may be the mention's own: the terms of reference
    // are what has not been reviewed.
    #expect(
      try rulesPolarity(
        "The terms of reference date from 2001 and have not been reviewed.",
        "governance.structures") == .negative)
  }

  /// `explain` names a proportion, its part and whole, and what it made of them.
  @Test func explainNamesAProportion() throws {
    let tagger = TaxonomyTagger(taxonomy: try Fixtures.projectRules())
    let segmented = try ICUSegmenter().segment(
      ExtractedText(
        title: nil,
        blocks: [Block(kind: .paragraph, text: "We met two of our five targets.", line: 1)]))
    let text = tagger.explanation(of: segmented)
    #expect(
      text.contains(
        "proportion (context.proportions): 'met two of our five', 2 of 5: negative, a qualifier over its tokens"
      ))
  }

  /// An entry of a reference list cites a work, as a title names one: its mentions are
  /// neutral, whatever its cited title says. Prose that cites a work in the same form, with a
  /// verb after the year, judges as usual.
  @Test func aReferenceListEntryCitesAndJudgesNothing() throws {
    func polarities(_ text: String) throws -> [Polarity] {
      let document = DecodedDocument(text: text, format: .plainText, encoding: "UTF-8")
      let segmented = try ICUSegmenter().segment(PlainTextExtractor().extractText(from: document))
      return TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy()).mentions(in: segmented)
        .filter { $0.code.rawValue == "success_factor.leadership" }.map(\.polarity)
    }
    #expect(
      try polarities(
        "Hale, P. and Moss, R. (2006) Weak leadership in local partnerships, Policy Review, 4(2), pp. 1-20.\n"
      ) == [.neutral])
    #expect(try polarities("Weak leadership held the partnership back.\n") == [.negative])
    #expect(
      try polarities("Hale and Moss (2006) found weak leadership in most partnerships.\n")
        == [.negative])
    // A note after the entry in the same block is prose.
    #expect(
      try polarities(
        "Hale, P. (2006) Local partnerships. London: ODPM. It found weak leadership in most of them.\n"
      ) == [.negative])
  }

  /// A rating set off as a label judges what it labels by its colour; a qualifier after it has
  /// the last word; a middle rating, or a colour in a name, judges nothing.
  @Test(arguments: [
    ("4.1 Strategic leadership and vision (Green)", "success_factor.leadership", Polarity.positive),
    ("Strategic leadership - red", "success_factor.leadership", .negative),
    ("Strategic leadership (Amber)", "success_factor.leadership", .neutral),
    ("Strategic leadership (Amber, improving)", "success_factor.leadership", .positive),
    ("Strategic leadership (Green, weakening)", "success_factor.leadership", .negative),
    ("Strategic leadership (Green Party)", "success_factor.leadership", .neutral),
    ("Green leadership of the partnership", "success_factor.leadership", .neutral),
    // A party after a person, or a colour in the middle of a sentence, is no rating.
    (
      "The council leader (Green) has shown leadership of the LSP.",
      "success_factor.local_authority_leadership", .neutral
    ),
    (
      "The LSP is chaired by the council leader, Cllr Jane Smith (Green).",
      "success_factor.local_authority_leadership", .neutral
    ),
  ])
  func aRatingSetOffAsALabelJudgesByItsColour(sentence: String, code: String, expected: Polarity)
    throws
  {
    #expect(try rulesPolarity(sentence, code) == expected)
  }

  /// "Too" with a measure of excess criticises, and so do "unresolved" and "a funding gap"; a
  /// verdict deferred ("too early to judge") judges nothing yet.
  @Test(arguments: [
    (
      "The health targets were too ambitious for a three-year agreement.",
      "delivery.performance_management", Polarity.negative
    ),
    ("Accountability for the fund remains unresolved.", "governance.accountability", .negative),
    ("The voluntary sector warns of a funding gap next year.", "delivery.resources", .negative),
    ("It is too early to judge the outcomes of the programme.", "delivery.outcomes", .neutral),
    (
      "Partners complained about their representation on the board.", "governance.representation",
      .negative
    ),
    (
      "The voluntary sector did not complain about its representation.",
      "governance.representation", .positive
    ),
  ])
  func wordsOfExcessAndShortageJudge(sentence: String, code: String, expected: Polarity) throws {
    #expect(try rulesPolarity(sentence, code) == expected)
  }
}
