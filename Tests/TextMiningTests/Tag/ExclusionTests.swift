import Foundation
import Testing

@testable import TextMining

/// Exclusions and phrase constraints in the project taxonomy: a phrase of another meaning does
/// not count.
@Suite struct ExclusionTests {
  private func codes(_ sentence: String) throws -> [String] {
    try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy()).map(\.code)
  }

  @Test(arguments: [
    "The Primary Care Trust joined the board.", "Two NHS trusts serve the district.",
    "The Kelbrook Housing Trust manages the estate.", "Each trust sent an officer.",
    // An NHS body named again: the subject of a verb, newly formed, or one of two.
    "The trust remained in deficit all year.", "The new trust would cover both districts.",
    "Neither trust has put money into the pooled budget.",
    "A spokesman for the trust said it would stay on the board.",
  ])
  func organisationsCalledTrustAreNotTrust(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("success_factor.trust"))
  }

  // A heading's numbering is not the sentence's first word: after it, "Trust" opens the heading
  // and is no name ("Kelbrook Trust" is).
  @Test(arguments: ["4.4 Trust", "2 Trust and working relationships", "3.3.2 Trust was damaged."])
  func trustAfterAHeadingsNumberingIsTrust(sentence: String) throws {
    #expect(try codes(sentence).contains("success_factor.trust"), "\(sentence)")
  }

  // "Neither" before trust between partners, with no verb of its own: the trust is a factor.
  @Test func neitherTrustNorAFactorIsTrust() throws {
    #expect(
      try codes("Partners lack neither trust nor leadership.").contains("success_factor.trust"))
  }

  @Test(arguments: [
    "The Wraybourne Hospitals NHS Trust has joined the board.", "NHS Harbury sent an officer.",
    "The County Constabulary chairs the safety group.", "The LSC attends the skills group.",
  ])
  func nhsBodiesAndTheConstabularyArePublicBodies(sentence: String) throws {
    let found = try codes(sentence)
    #expect(found.contains("sector.public"), "\(sentence)")
    #expect(!found.contains("success_factor.trust"), "\(sentence)")
  }

  // The exclusion that keeps "chief executive" off the council gives way to "hospital trust",
  // which starts inside it and runs past its end.
  @Test func anExclusionDoesNotSwallowTheStartOfAnotherCodesPhrase() throws {
    let found = try codes("The chief executive of the hospital trust chairs the health group.")
    #expect(found.contains("sector.public"))
    #expect(!found.contains("success_factor.trust"))
    #expect(!found.contains("success_factor.local_authority_leadership"))
  }

  @Test(arguments: [
    "Business leaders met the board in March.",
    "Voluntary sector leaders were critical of the plan.",
    "The primary care trust's chief executive chairs the health group.",
    "Ruth Oyelaran, chief executive of Tern Valley Chamber of Commerce, said employers had left.",
    "Mike Holroyd, Chief Executive, Sollerton Voluntary Action",
    "The chief executive of the Aldbury and District Council for Voluntary Service spoke next.",
    // A chief executive with no council in the clause is some other body's.
    "Jane Oduya, Chief Executive, Ashvale Homes",
    "I suggest we invite its chief executive to the January board.",
    "All statutory partners should be represented at chief executive level.",
    "Every agency in the borough was represented at chief executive level.",
    // A party group's leader is not the council's.
    "The leader of the Conservative group voted against the plan.",
  ])
  func anotherBodysLeadersAreNotTheCouncils(sentence: String) throws {
    #expect(
      !(try codes(sentence)).contains("success_factor.local_authority_leadership"), "\(sentence)")
  }

  /// The body whose chief executive it is still counts as a mention of its sector.
  @Test(arguments: [
    "Its vice-chair is Dr Sunil Bhatt, Chief Executive of the PCT.",
    "The police authority chief executive wrote to the board.",
    "The NHS chief executive was absent.",
  ])
  func anotherBodysChiefExecutiveLeavesTheBodyCoded(sentence: String) throws {
    try expectCode(
      "sector.public", not: "success_factor.local_authority_leadership", in: sentence)
  }

  @Test(arguments: [
    "The leader of the council chairs the board.",
    "Alan Pryor, Chief Executive, Mardlebury District Council",
    "The chief executive of the council and the police commander sit on the board.",
    "The council leader, who chairs the board, met business leaders in May.",
    "Mr. Tom Reed (Chief Executive, Ashvale MBC)",
    "The borough's chief executive, who chairs the executive, was praised.",
    // After a comma, a body's name is the post holder's only where it ends there: here the PCT
    // holds the next item's post.
    "The chair rotates between the council leader, the PCT chair and a VCS member.",
  ])
  func theCouncilsLeaderAndChiefExecutiveAreStillCoded(sentence: String) throws {
    #expect(
      (try codes(sentence)).contains("success_factor.local_authority_leadership"), "\(sentence)")
  }

  /// Trust between partners keeps its article when it has grown or been built.
  @Test func trustThatHasGrownIsStillTrust() throws {
    #expect(
      (try codes("The trust that has grown between partners is an asset.")).contains(
        "success_factor.trust"))
    for sentence in [
      "It took three years to build the trust to share budgets.",
      "The trust and the goodwill built up since 2002 are at risk.",
    ] {
      #expect((try codes(sentence)).contains("success_factor.trust"), "\(sentence)")
    }
  }

  /// In minutes, "members" doing the meeting's business are not who sits on it.
  @Test(arguments: [
    // Each names a partner, so without the exclusions "members" would be representation.
    "Members noted that the police would brief the executive in May.",
    "Members thanked the PCT for hosting the meeting.",
    "The chair reminded members that the police dinner is on 3 May.",
  ])
  func minutesMembersAreNotRepresentation(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
  }

  @Test func culturalServicesAreNotCulture() throws {
    #expect(
      !(try codes("The council's cultural services team runs the libraries.")).contains(
        "success_factor.culture"))
    #expect(try codes("A silo culture persists.").contains("success_factor.culture"))
  }

  @Test func targetAsAVerbIsNotPerformanceManagement() throws {
    #expect(
      !(try codes("The police will target the two wards.")).contains(
        "delivery.performance_management"))
    #expect(try codes("The LAA targets were missed.").contains("delivery.performance_management"))
  }

  @Test(arguments: [
    "Joint patrols are getting results on the estate.",
    "The board can point to real achievements in its first year.",
    "Early successes kept the partners at the table.",
    "Residents have seen improvements in the two parks.",
    "The review found modest gains for the priority wards.",
    "The partnership has made headway on worklessness.",
    "There is little to show for the money spent.",
  ])
  func whatTheWorkProducedIsOutcomes(sentence: String) throws {
    #expect(try codes(sentence).contains("delivery.outcomes"), "\(sentence)")
  }

  /// Progress on a topic, judged, is what the work changed; progress on a target, an
  /// agreement, a plan, money or the strategy is its monitoring or its plan, and is not
  /// outcomes.
  @Test func progressOnATopicIsOutcomes() throws {
    for sentence in [
      "Progress on teenage pregnancy has been disappointing.",
      "The inspectors described progress on burglary as steady.",
    ] {
      #expect(try codes(sentence).contains("delivery.outcomes"), "\(sentence)")
    }
    for sentence in [
      "Progress on the LAA targets will be reported every quarter.",
      "Progress on the action plan is set out in Annex B.",
      "The committee will review progress on these recommendations next year.",
      "Progress on pooled budgets has been slow.",
      "Progress on the Local Area Agreement has been slow.",
      // Not judged: a progress report's subject.
      "This paper reports progress on worklessness.",
    ] {
      #expect(!(try codes(sentence)).contains("delivery.outcomes"), "\(sentence)")
    }
  }

  @Test(arguments: [
    "As a result, the board met twice.", "The result was a smaller board.",
    "The survey results are due in June.", "GCSE results in the borough rose.",
    "This paper sets out the results of the self-assessment.",
    "Results for single wards are not published.",
    "There is room for improvement in the minutes.",
  ])
  func resultsAsFindingsAndTheSingularAreNotOutcomes(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("delivery.outcomes"), "\(sentence)")
  }

  @Test(arguments: [
    "The board took only two decisions of any substance.",
    "Decisions on the pooled budget rest with the executive.",
  ])
  func thePartnershipsDecisionsAreStructures(sentence: String) throws {
    #expect(try codes(sentence).contains("governance.structures"), "\(sentence)")
  }

  @Test(arguments: [
    "Officers struggle to reach the right decision-makers.",
    "Status: for information and decision.",
    "Residents who feel they can influence decisions in their area rose to 31%.",
  ])
  func deciderAgendaMarkersAndResidentsSayAreNotStructures(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("governance.structures"), "\(sentence)")
  }

  @Test(arguments: [
    "The hall has a capacity of 250, so please book early.", "Venue capacity is 40.",
    "Last year's event was full to capacity.",
  ])
  func aRoomsCapacityIsNotTheCapacityToDeliver(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("delivery.capacity"), "\(sentence)")
  }

  @Test func theCapacityToDeliverIsCapacity() throws {
    #expect(
      try codes("The team has little capacity to support the theme groups.").contains(
        "delivery.capacity"))
    #expect(try codes("The CVS runs a capacity building programme.").contains("delivery.capacity"))
  }

  @Test(arguments: [
    ("8. Any other business", "sector.private"),
    ("The executive group prepares business for the board.", "sector.private"),
    ("Each partner's business plan will reflect the priorities.", "sector.private"),
    (
      "The two VCS seats are filled by election through the network.",
      "success_factor.political_stability"
    ),
  ])
  func agendaBusinessAndASectorsOwnVoteAreNotCodes(sentence: String, code: String) throws {
    #expect(!(try codes(sentence)).contains(code), "\(sentence)")
  }

  @Test(arguments: [
    "Two voluntary sector advice services have closed.",
    "The PCT and the council run a joint warden service.",
    "Agencies now plan how their services work together.",
  ])
  func servicesResidentsUseAreServices(sentence: String) throws {
    #expect(try codes(sentence).contains("delivery.services"), "\(sentence)")
  }

  @Test func timeSpentIsNotMoney() throws {
    #expect(
      !(try codes("The board spends too much time on reports.")).contains("delivery.resources"))
  }

  @Test func partnersAligningTheirBudgetsIsMainstreamingOnly() throws {
    #expect(
      try codes("Few partners align their budgets with the strategy.") == ["delivery.mainstreaming"]
    )
  }

  /// Partners' own money said with the partnership's aims is mainstreaming (`partner_money`).
  @Test(arguments: [
    "Most partners' budgets are still drawn up without reference to the strategy.",
    "The PCT's spending now follows the priority neighbourhoods.",
    "Partners signed up to the priorities and then carried on spending their budgets as before.",
    // Money moved or committed towards the aims, wherever its owner stands (`moves`).
    "The draft does not say what resources each partner will commit to its priorities.",
    "Few agencies have moved money to match the priorities in the strategy.",
    // Spending differently, separately, or around the LAA is said of the aims too.
    "Every agency still plans its spending separately.",
    "No partner has yet shown that its budget will be used any differently.",
    "Each partner will reshape one budget around the LAA.",
  ])
  func partnersOwnMoneyWithTheAimsIsMainstreaming(sentence: String) throws {
    let found = try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy())
    #expect(found.contains { $0.code == "delivery.mainstreaming" }, "\(sentence)")
    // Only the verb "spending" in the third is money in general.
    #expect(
      !found.contains { $0.code == "delivery.resources" && $0.match != "spending" }, "\(sentence)")
  }

  @Test(arguments: [
    "The partnership's budget for the priorities is two million pounds.",
    "The strategy sets out how VCS funding will be used.",
    "Partners' budgets were cut by a fifth this year.",
    // Moving money with no owner, or an owner with no aim, is money in general.
    "The board moved money from the housing theme to the priority on jobs.",
    "Partners were asked to put more money into the pooled fund.",
    // Money another body holds stays its own, whoever moves it.
    "The partnership's budget will be moved to the priorities, partners agreed.",
  ])
  func thePartnershipsPotMoneyReceivedAndMoneyWithoutAimsAreResources(sentence: String) throws {
    try expectCode("delivery.resources", not: "delivery.mainstreaming", in: sentence)
  }

  /// A page's tags, labels and categories list its topics: no finding is coded from them.
  @Test(arguments: [
    "Tags: LSP, community strategy, LAA, partnership board, neighbourhood forums",
    "Labels: Ashby Together, LSP, cuts, community engagement",
    "Filed under: Economy and Skills, Minutes, Theme Groups | Tags: voluntary sector",
    "Categories: Partnerships, Policy, Representation",
    "Posted in: Local Area Agreement, regeneration",
    // A blog's sidebar heading is no staff post.
    "Recent posts",
    "You are here: Home > Partnerships > Ashby Together > Theme groups",
    // Links to the post before and after.
    "« Library closures: the consultation that wasn't",
    "Why I have stopped going to the LSP's consultation events »",
    // A contact line and a copyright footer name the page's owner.
    "Contact: Jane Oduya, Partnership Manager, Ashvale Together, Town Hall, Ashvale",
    "Contact officer: Tom Reed, LSP Support Team, Civic Centre",
    "© 2008 Ashvale Local Strategic Partnership · Privacy · Accessibility",
    "  © Ashvale Local Strategic Partnership 2007",
    "\u{00A0}© Ashvale Local Strategic Partnership 2007",
    "Copyright © 2009 Ashvale Local Strategic Partnership",
    "Copyright 2009 Ashvale LSP",
    "(c) 2009 Ashvale LSP",
  ])
  func aPagesMetadataLineIsNotCoded(line: String) throws {
    #expect(try codes(line).isEmpty, "\(line)")
  }

  @Test func theSameWordsInASentenceOrAnArticlesKeywordsAreCoded() throws {
    #expect(
      try codes("The tags on the page list the LSP and the community strategy.").contains(
        "partnership.lsp"))
    #expect(
      try codes("Keywords: local strategic partnerships; trust; local context").contains(
        "success_factor.trust"))
    // A quotation in guillemets is no link, and a label without its colon is no metadata.
    #expect(
      try codes("« We were never asked », said one tenant about the consultation.").contains(
        "governance.community_engagement"))
    #expect(try codes("Tags - a history of the LSP").contains("partnership.lsp"))
    // "(c)" labelling a resolution, and the sign inside a sentence, are no footer.
    #expect(
      try codes("(c) that the LSP board meets four times a year;").contains("partnership.lsp"))
    #expect(
      try codes("The logo, © the council, appears on every LSP page.").contains("partnership.lsp"))
    // A guillemet inside a unit is no link.
    #expect(
      try codes("The consultation, « as they call it », was short.").contains(
        "governance.community_engagement"))
    // Without its colon the word opens an ordinary unit.
    #expect(try codes("Labels matter less than the LAA targets.").contains("policy.laa"))
  }

  /// One decision dated, expected or reported is no judgement of decision-making; decisions
  /// and a decision taken or not taken are.
  @Test func oneDecisionAsNewsIsNotDecisionMaking() throws {
    for sentence in [
      "The council's decision in 2004 to end the grant soured relations.",
      "The review will report, with a decision expected in the spring.",
      "The decision follows the end of the Working Neighbourhoods Fund.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.structures"), "\(sentence)")
    }
    for sentence in [
      "Decisions on membership are for local partners.",
      "No decision was reached and the item was deferred.",
    ] {
      #expect(try codes(sentence).contains("governance.structures"), "\(sentence)")
    }
  }

  @Test func aNetworksMemberGroupsAreNotThePartnershipsMembers() throws {
    #expect(
      !(try codes("The network now has 164 member groups and 12 member organisations.")).contains(
        "governance.representation"))
  }

  @Test func aUnitsNumberingIsNotACount() throws {
    #expect(
      !(try codes("3.4 Members agreed that the targets should be few.")).contains(
        "governance.representation"))
    #expect(try codes("The board has 22 members.").contains("governance.representation"))
  }

  @Test func aSurnameAfterAPersonsTitleIsNoCue() throws {
    for sentence in [
      "Mr Grant said the board would meet in May.", "Cllr Alison Grant chaired the meeting.",
      "Dr. Peter Grant opened the conference.", "Cllr A. Grant chaired the meeting.",
      "Apologies were received from Mrs P. Grant and Mr J. Smith.", "Supt Grant attended.",
    ] {
      #expect(!(try codes(sentence)).contains("delivery.resources"), "\(sentence)")
    }
    // A speaker's words after a colon, and a grant after a name, are read as ever.
    #expect(try codes("Mr. Pell: LSPs are not statutory bodies.").contains("partnership.lsp"))
    #expect(
      try codes("Dr. Peter Grant welcomed the Area Based Grant.").contains("delivery.resources"))
    // A post after a full name is the post: "Cllr Derek Ansty Leader, ..." is the leader.
    #expect(
      try codes("Cllr Derek Ansty Leader, Quillerton District Council (Chair)").contains(
        "success_factor.local_authority_leadership"))
  }

  @Test func aCapitalAfterAColonOpensAClause() throws {
    // "Trust" with a capital inside a sentence names a body, and is passed over; after a
    // speaker's colon it opens what is said.
    #expect(
      try codes("Mr. Pell: Trust between partners has improved.").contains("success_factor.trust"))
    #expect(
      try codes("Overview: Trust between partners is high.").contains("success_factor.trust"))
    #expect(
      !(try codes("The Trust has agreed to fund the post.")).contains("success_factor.trust"))
  }

  @Test func aDisclaimerIsNoSeat() throws {
    for sentence in [
      "Any views expressed are those of the author and do not necessarily represent those of the council.",
      "The views expressed in this report do not necessarily represent the views of the Department.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
    #expect(
      try codes("The voluntary sector is represented on the board.").contains(
        "governance.representation"))
  }

  @Test func aCountWrittenInWordsIsACount() throws {
    for sentence in [
      "The board has twenty-six members.", "The board has twenty six members.",
      "The forum elects two members of the board.", "The board has twenty-three members.",
      "Only eighteen members came to the June meeting.",
      "The forum elects four members of the board.",
    ] {
      #expect(try codes(sentence).contains("governance.representation"), "\(sentence)")
    }
    // "one" is as often a pronoun, and a network's member groups are its own in words too.
    for sentence in [
      "One member asked about the budget.", "Forty-one member groups had voted.",
      "Twelve members of the public came.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
  }

  @Test func aCouncilForVoluntaryServiceIsTheVoluntarySectorOnly() throws {
    #expect(try codes("The Council for Voluntary Service met.") == ["sector.voluntary_community"])
  }

  // Word senses that look like cues (issue: "which sense").
  @Test func inRelationToIsNotARelationship() throws {
    #expect(
      !(try codes("The board discussed targets in relation to the budget.")).contains(
        "success_factor.working_relationships"))
    #expect(
      try codes("Relations between the police and the council are good.").contains(
        "success_factor.working_relationships"))
  }

  @Test func publicTrustInServicesIsNotTrustBetweenPartners() throws {
    #expect(
      !(try codes("Public trust in public services has fallen.")).contains("success_factor.trust"))
    #expect(try codes("Trust between the partners has grown.").contains("success_factor.trust"))
  }

  @Test func anNHSChiefExecutiveIsNotLocalAuthorityLeadership() throws {
    for sentence in [
      "The NHS chief executive chairs the health theme group.",
      "The chief executive of the NHS trust joined the board.",
    ] {
      #expect(
        !(try codes(sentence)).contains("success_factor.local_authority_leadership"), "\(sentence)")
    }
    #expect(
      try codes("The chief executive of the council chairs the board.").contains(
        "success_factor.local_authority_leadership"))
  }

  @Test func voluntaryParticipationIsNotTheVoluntarySector() throws {
    #expect(
      !(try codes("Membership of the forum rests on voluntary participation.")).contains(
        "sector.voluntary_community"))
  }

  @Test func thePerformanceRewardGrantIsOneGrant() throws {
    let found = try codes("The Performance Reward Grant was paid in full.")
    #expect(found.contains("delivery.resources"))
    #expect(!found.contains("delivery.performance_management"))
  }

  @Test(arguments: [
    ("The Head of Community Engagement presented the report.", "governance.community_engagement"),
    ("For details contact Colin Marsh, LSP Administrator.", "partnership.lsp"),
    ("The Performance Officer sent round the figures.", "delivery.performance_management"),
    ("The Cabinet Member for Community Engagement spoke next.", "governance.community_engagement"),
    // The role opener is the cue itself: a portfolio holder, a Member of Parliament.
    (
      "Cllr Ann Piercy, Cabinet Member for Housing, Dunsley District Council",
      "governance.representation"
    ),
    (
      "Apologies were received from the Executive Member for Transport.",
      "governance.representation"
    ),
    (
      "A letter from the Member of Parliament for Dunsley was read out.",
      "governance.representation"
    ),
    // The role word a few capitalised words on.
    (
      "Jane Marsh, Performance and Partnerships Officer, presented the report.",
      "delivery.performance_management"
    ),
    ("Mark Ellison - Employer Engagement Manager, Jobcentre Plus", "sector.private"),
    // A company's name is no consultation.
    (
      "The review was carried out by Hollis Whitcombe Consulting.",
      "governance.community_engagement"
    ),
  ])
  func aJobTitleIsAPostNotAFinding(sentence: String, code: String) throws {
    #expect(!(try codes(sentence)).contains(code))
  }

  /// An abbreviation before a post names the body whose post it is, and a cue that is no post
  /// still counts.
  @Test func anAbbreviationBeforeAPostIsTheBody() throws {
    #expect(
      try codes("Letter to the LSC Area Director about the board seat.").contains("sector.public"))
    #expect(try codes("Performance and Partnerships").contains("delivery.performance_management"))
    #expect(
      try codes("The board is consulting residents on the plan.").contains(
        "governance.community_engagement"))
  }

  /// "Never" before a comparative of blame blames, as one of praise praises; a culture named by
  /// a fault is a bad one; funding that dries up is short.
  @Test(arguments: [
    ("Trust between the partners has never been lower.", "success_factor.trust", Polarity.negative),
    ("Relations have never been better.", "success_factor.working_relationships", .positive),
    ("Trust has never been high.", "success_factor.trust", .negative),
    ("A culture of blame has grown up on the board.", "success_factor.culture", .negative),
    ("The funding dries up next year.", "delivery.resources", .negative),
    // Leaving the table.
    (
      "Two business members resigned from the board last year.", "governance.representation",
      .negative
    ),
    ("The Chamber's representative quits the board.", "governance.representation", .negative),
  ])
  func comparativesAfterNeverAndCulturesOfBlame(
    sentence: String, code: String, expected: Polarity
  ) throws {
    let found = try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy())
    #expect(found.first { $0.code == code }?.polarity == expected, "\(sentence)")
  }

  /// Elections to the board are a sector's, not the council's.
  @Test func electionsToTheBoardAreNoPoliticalChange() throws {
    let board = try tag(
      "Notes\n\nElections to the Kelsby LSP board will be held in March.",
      with: Fixtures.projectTaxonomy())
    #expect(!board.contains { $0.code == "success_factor.political_stability" })
    let council = try tag(
      "Notes\n\nThe council elections in May changed control of the council.",
      with: Fixtures.projectTaxonomy())
    #expect(council.contains { $0.code == "success_factor.political_stability" })
  }

  /// A commitment that never wavered is a judgement denied twice; "decisive in" claims
  /// importance and judges nothing.
  @Test func aCommitmentThatNeverWaveredIsPositive() throws {
    let found = try tag(
      "Notes\n\nThe leader of the council, whose commitment to the partnership has never wavered, chairs the board.",
      with: Fixtures.projectTaxonomy())
    #expect(
      found.first { $0.code == "success_factor.local_authority_leadership" }?.polarity == .positive)
    let decisive = try tag(
      "Notes\n\nInterviewees described the chair's leadership as decisive and fair.",
      with: Fixtures.projectTaxonomy())
    #expect(decisive.first { $0.code == "success_factor.leadership" }?.polarity == .positive)
    let importance = try tag(
      "Notes\n\nThe chief executive's commitment had been decisive in setting up the governance structures.",
      with: Fixtures.projectTaxonomy())
    #expect(importance.first { $0.code == "governance.structures" }?.polarity == .neutral)
  }

  /// The words between a role opener and its cue are the taxonomy's (`grammar.role_links`).
  @Test func theRoleLinksAreTaxonomyData() throws {
    let path = Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let onlyOf = text.replacingOccurrences(of: "role_links: [of, for]", with: "role_links: [of]")
    #expect(onlyOf != text)
    let taxonomy = try Taxonomy.parse(onlyOf, file: "t.yml", sha256: "0")
    let sentence = "Notes\n\nThe Cabinet Member for Community Engagement spoke next."
    #expect(
      try tag(sentence, with: taxonomy).map(\.code).contains("governance.community_engagement"))
  }

  @Test(arguments: [
    "The chair said that a voluntary sector member for the first time chaired a theme group.",
    "Each partner has a member of the board and a deputy.",
    "The police member of the Board sent apologies.",
  ])
  func membersWhoAreNotPortfolioHoldersStillCount(sentence: String) throws {
    #expect(try codes(sentence).contains("governance.representation"))
  }

  @Test func representationsMadeToAMinisterAreSubmissionsNotSeats() throws {
    #expect(
      !(try codes(
        "To ask the Secretary of State whether she has received representations from the Dunsley Partnership about its grant."
      )).contains("governance.representation"))
    #expect(
      !(try codes("The chamber made representations to the council about parking charges."))
        .contains(
          "governance.representation"))
    #expect(
      try codes("Representation from the primary care trust on the board has been patchy.")
        .contains(
          "governance.representation"))
  }

  @Test func theSameWordsInProseStillCount() throws {
    #expect(
      try codes("Community engagement officers visited every estate.").contains(
        "governance.community_engagement"))
    #expect(try codes("The LSP met in March.").contains("partnership.lsp"))
  }
}
