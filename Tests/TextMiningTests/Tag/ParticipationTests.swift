import Testing

@testable import TextMining

/// Participation words take their code from who takes part, as the codebook separates
/// representation from community engagement (issue: "decide by what is engaged").
@Suite struct ParticipationTests {
  private func codes(_ sentence: String) throws -> Set<String> {
    try projectCodes(inSentence: sentence)
  }

  /// The sentence is coded community engagement and not representation.
  private func expectCommunityEngagementOnly(
    _ sentence: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try expectCode(
      "governance.community_engagement", not: "governance.representation", in: sentence,
      sourceLocation: sourceLocation)
  }

  /// The sentence is coded representation and not community engagement.
  private func expectRepresentationOnly(
    _ sentence: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try expectCode(
      "governance.representation", not: "governance.community_engagement", in: sentence,
      sourceLocation: sourceLocation)
  }

  /// Each text (a unit under a heading) holds a mention of the code with the polarity.
  private func expectReadings(
    _ cases: [(text: String, code: String, polarity: Polarity)],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for (text, code, polarity) in cases {
      let found = try tag("Notes\n\n" + text, with: Fixtures.projectTaxonomy())
      #expect(
        found.contains { $0.code == code && $0.polarity == polarity },
        "\(text): \(found.map { ($0.code, $0.polarity) })", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [
    "More engagement with the private sector is needed.",
    "Getting businesses involved has been a problem.",
    "The plan depends on the full participation of public sector bodies.",
    "Faith groups should be involved from the start.",
    "Employers have a voice on the executive.",
    "Health partners were consulted only after the decision.",
    "The executive has no voluntary sector member.",
    // Who the board is made of: "its board includes", "seats are held by".
    "Its board includes the borough council, the primary care trust and the police.",
    "Five of the seats are held by public bodies.",
    "Other public bodies on the board are the fire service and Jobcentre Plus.",
    "Its members include the county council and two local colleges.",
  ])
  func partnersTakingPartAreRepresentation(sentence: String) throws {
    try expectRepresentationOnly(sentence)
  }

  /// Taking a part, coming to the table, turning up and leaving are participation too, coded by
  /// who does it; with nobody named they code nothing.
  @Test func joiningAndLeavingTakeTheirCodeFromWhoDoesIt() throws {
    for sentence in [
      "The county's health bodies have been slow to play a full part in the board's work.",
      "Employers drifted away after the second year.",
      "The aim is to bring the big employers back to the table.",
      "The fire service withdrew from the executive group last spring.",
    ] {
      try expectRepresentationOnly(sentence)
    }
    try expectCommunityEngagementOnly("Hardly any residents turned up to the open evening.")
    let nobody = try codes("The projects were withdrawn from the programme in May.")
    #expect(!nobody.contains("governance.representation"), "\(nobody)")
  }

  /// A part of a participant is on its side: members of the public are the public, and
  /// their numbers no seats; bringing facts together brings no partners together; walking out
  /// is leaving, and negative.
  @Test func membersOfThePublicAreThePublic() throws {
    try expectCommunityEngagementOnly(
      "Only a few of our meetings were attended by members of the public.")
    #expect(
      !(try codes("The conference drew fewer than 40 members of the public.")).contains(
        "governance.representation"))
    try expectRepresentationOnly(
      "The representatives of the voluntary sector have not been consulted on the plan.")
    #expect(
      !(try codes("The report brings together facts and figures about the borough.")).contains(
        "governance.representation"))
    try expectRepresentationOnly("The board brings together key partners to share information.")
    #expect(
      try codes("Members of the public sector sit on the partnership board.").isSuperset(
        of: ["sector.public", "governance.representation"]))
    let found = try tag(
      "Notes\n\nThe voluntary sector members walked out of the board meeting.",
      with: Fixtures.projectTaxonomy())
    #expect(
      found.contains { $0.code == "governance.representation" && $0.polarity == .negative },
      "\(found.map { ($0.code, $0.polarity) })")
  }

  /// A lack of say is the participant's, and negative: the sector's is representation,
  /// residents' community engagement; a denial of it turns it over.
  @Test func noSayIsTheParticipantsAndNegative() throws {
    try expectReadings([
      (
        "The voluntary sector has no say in the partnership.", "governance.representation",
        Polarity.negative
      ),
      (
        "Residents had little say in the partnership's plans.",
        "governance.community_engagement", .negative
      ),
      (
        "It is a myth that the voluntary sector has no say in the partnership.",
        "governance.representation", .positive
      ),
    ])
  }

  /// The "no" of "no say" (or of "no powers") is the phrase's own: what there is no say in
  /// is not denied, and a negation outside a phrase still reaches its mention.
  @Test func aNegationInsideAPhraseIsThePhrasesOwn() throws {
    for (text, code) in [
      ("Tenants told us they had no say in how the grant was spent.", "delivery.resources"),
      ("The sector had little say in how the targets were set.", "delivery.performance_management"),
      ("The partnership has no powers over partners' budgets.", "delivery.resources"),
    ] {
      let found = try tag("Notes\n\n" + text, with: Fixtures.projectTaxonomy())
      let mention = found.first { $0.code == code }
      #expect(
        mention != nil && mention?.polarity != .negative,
        "\(text): \(found.map { ($0.code, $0.polarity) })")
    }
    try expectReadings([
      (
        "Tenants told us they had no say in how the grant was spent.",
        "governance.community_engagement", .negative
      ),
      ("There is no funding for the forum.", "delivery.resources", .negative),
      // ... and a list that goes on from the phrase shares its negation.
      ("The partnership has no powers or budget of its own.", "delivery.resources", .negative),
      ("The partnership has no powers or budget of its own.", "governance.status", .negative),
    ])
  }

  /// Being left out and being asked for views are participation: who does it decides the
  /// code.
  @Test func leftOutAndAskedForViewsAreTheParticipants() throws {
    try expectReadings([
      (
        "Residents in the villages feel completely left out.", "governance.community_engagement",
        Polarity.negative
      ),
      (
        "The sector had been left out of the decisions that mattered.",
        "governance.representation", .negative
      ),
      (
        "Tenants on the estate said they had never been asked for their views.",
        "governance.community_engagement", .negative
      ),
    ])
    // Without a participant, being asked for views is nothing ("asked for their views" is a
    // weak cue), and so is staff walking out of their jobs.
    for text in [
      "The auditors asked for their views on the accounts.",
      "Council staff were walking out in a pay dispute.",
    ] {
      let found = try tag("Notes\n\n" + text, with: Fixtures.projectTaxonomy())
      #expect(
        !found.contains {
          $0.code == "governance.community_engagement" || $0.code == "governance.representation"
        }, "\(text): \(found.map { ($0.code, $0.polarity) })")
    }
  }

  /// The national indicator of residents' say and budgets residents decide are community
  /// engagement.
  @Test func residentsSayInDecisionsIsCommunityEngagement() throws {
    for sentence in [
      "Fewer than a quarter of people feel they can influence local decisions.",
      "The participatory budgeting pilot in two wards was small.",
    ] {
      try expectCommunityEngagementOnly(sentence)
      #expect(!(try codes(sentence)).contains("governance.structures"), "\(sentence)")
    }
  }

  /// Who a body sends and whether it stays committed are representation, and read as
  /// judgements: a different officer each time is negative, a body that remains fully
  /// committed positive.
  @Test func whomABodySendsAndItsCommitmentAreRepresentation() throws {
    for (sentence, polarity) in [
      ("The probation service sends a different manager to every meeting.", Polarity.negative),
      ("The college has not sent anyone since the spring.", .negative),
      ("The fire service has sent a senior officer to every board.", nil),
      (
        "A spokeswoman said the health trust remained fully committed to the partnership.",
        .positive
      ),
      ("The police are one of the most committed partners on the board.", .positive),
    ] {
      try expectRepresentationOnly(sentence)
      if let polarity {
        let found = try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy())
        #expect(
          found.contains { $0.code == "governance.representation" && $0.polarity == polarity },
          "\(sentence): \(found.map { ($0.code, $0.polarity) })")
      }
    }
    // A sector's places on the board.
    for sentence in [
      "If the board shrinks to six chief officers, there will be no place for the VCS.",
      "The VCS wants to keep its share of places when the board shrinks.",
    ] {
      try expectRepresentationOnly(sentence)
    }
    // The board's size and who is on it.
    for sentence in [
      "The review recommended a smaller board of twelve members.",
      "The board is too large for the business it does.",
      "Who is involved?",
    ] {
      #expect((try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
    // Commitment to an aim is no membership, nor are places a body pays for.
    for sentence in [
      "The council is fully committed to tackling worklessness.",
      "The PCT funded 40 more places at the day centre.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
    // Sending things is not sending people.
    for sentence in [
      "Please send your comments on the draft to the partnership office.",
      "The council sent a questionnaire to every voluntary group.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
  }

  /// A body that withdraws, or that dominates the meetings, is a judgement of who takes part:
  /// representation for partners, community engagement for residents, and nothing without a
  /// participant ("dominated by public sector reports" judges the papers, not the members) or
  /// without a meeting ("the police dominate crime statistics"). Withdrawing a thing is not
  /// withdrawing from the partnership, and not withdrawing is staying.
  @Test func withdrawingAndDominatingAreNegativeParticipation() throws {
    for sentence in [
      "The Chamber of Commerce withdrew from the board last year.",
      "The PCT's withdrawal from the partnership was regretted.",
      "The meetings are dominated by the council and the police.",
      "The council dominates the agenda.",
    ] {
      try expectRepresentationOnly(sentence)
      let found = try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy())
      #expect(
        found.contains { $0.code == "governance.representation" && $0.polarity == .negative },
        "\(sentence): \(found.map { ($0.code, $0.polarity) })")
    }
    try expectCommunityEngagementOnly("The forums are dominated by a few long-standing residents.")
    for sentence in [
      "The agenda was dominated by reports on the budget.",
      "The police dominate the county's crime statistics.",
      "The council withdrew its funding from the scheme.",
      "The PCT withdrew its objection to the plan.",
    ] {
      #expect(!(try codes(sentence)).contains("governance.representation"), "\(sentence)")
    }
    let stayed = try tag(
      "Notes\n\nThe PCT did not withdraw from the board.", with: Fixtures.projectTaxonomy())
    #expect(
      stayed.contains { $0.code == "governance.representation" && $0.polarity == .positive },
      "\(stayed.map { ($0.code, $0.polarity) })")
  }

  /// Residents are community engagement when the clause says how they take part, not when they
  /// are the people a programme served (`with_words`).
  @Test func residentsTakingPartAreEngagementResidentsServedAreNot() throws {
    for sentence in [
      "Residents had little say in the refreshed strategy.",
      "Few residents knew that the partnership existed.",
      "More than 400 residents gave their views at the roadshows.",
      "Two residents sit on each neighbourhood panel.",
    ] {
      #expect((try codes(sentence)).contains("governance.community_engagement"), "\(sentence)")
    }
    for sentence in [
      "The number of residents on incapacity benefit has barely moved.",
      "Residents in the priority neighbourhoods have higher unemployment.",
      "Residents of the ward come from more than 40 countries.",
      "The scheme helped 300 residents into work last year.",
      "Residents",
    ] {
      #expect(
        !(try codes(sentence)).contains("governance.community_engagement"), "\(sentence)")
    }
  }

  /// The participant is the head of a phrase, not a word that modifies it: "public agencies"
  /// are agencies, and a neighbourhood policing team is the police. A forum or a panel is where
  /// residents take part.
  @Test func theHeadOfAParticipantPhraseDecides() throws {
    for sentence in [
      "Attendance by public agencies has been good all year.",
      "The neighbourhood policing team turned up to every meeting.",
    ] {
      try expectRepresentationOnly(sentence)
    }
    try expectCommunityEngagementOnly("The Northgate area forum is well attended.")
  }

  /// Joining, losing interest, coming along and feeling at home, and whom a body sends: the
  /// same decision by who does it. "Joined-up" is not joining.
  @Test func joiningSendingAndLosingInterestTakeTheirCodeFromWhoDoesIt() throws {
    for sentence in [
      "The probation service joined the board in 2006.",
      "Local firms lost interest once the grant had gone.",
      "Partners disengaged when the decisions moved elsewhere.",
      "The health trust sends someone junior to every meeting.",
      "Agencies were coming along out of duty, not conviction.",
      "Few employers ever felt at home on the board.",
      "We would expect the PCT to send senior officers.",
      "The college has been absent from the theme group since March.",
    ] {
      try expectRepresentationOnly(sentence)
    }
    let turnout = try codes("Turnout at the residents' meetings has been low.")
    #expect(turnout.contains("governance.community_engagement"), "\(turnout)")
    let unheard = try codes("Most residents have never heard of the partnership.")
    #expect(unheard.contains("governance.community_engagement"), "\(unheard)")
    let residents = try codes("More residents came along to the second forum.")
    #expect(residents.contains("governance.community_engagement"), "\(residents)")
    let joinedUp = try codes("The council has joined up its advice services with the police.")
    #expect(!joinedUp.contains("governance.representation"), "\(joinedUp)")
  }

  @Test(arguments: [
    "Engagement with residents on the estates has improved.",
    "Tenants were consulted on the plan.",
    "Citizens take part in the neighbourhood panels.",
  ])
  func residentsTakingPartAreCommunityEngagement(sentence: String) throws {
    try expectCommunityEngagementOnly(sentence)
  }

  @Test func aCueWithNoParticipantTakesTheDefaultAndAWeakCueNothing() throws {
    #expect(try codes("Engagement has been uneven.").contains("governance.community_engagement"))
    // Not having heard of the partnership, and turnout, are the public's unless someone else is
    // named.
    try expectCommunityEngagementOnly("Most of them have never heard of it.")
    try expectCommunityEngagementOnly("Elsewhere turnout has been low.")
    try expectRepresentationOnly("Most employers had never heard of the partnership.")
    // An invitation to the reader is the public's, unless someone else is named.
    try expectCommunityEngagementOnly("Get involved")
    try expectCommunityEngagementOnly("How can I get involved?")
    try expectCommunityEngagementOnly("Have your say on the draft community strategy.")
    try expectCommunityEngagementOnly("We want to hear what you think.")
    // The reader's say is the reader's, whatever it is about.
    try expectCommunityEngagementOnly("Tell us what you think about the police.")
    try expectRepresentationOnly("More employers might get involved.")
    let weak = try codes("The work involved two days of preparation.")
    #expect(!weak.contains("governance.representation"))
    #expect(!weak.contains("governance.community_engagement"))
  }

  /// A clause that names nobody takes its participant from an earlier clause of the sentence:
  /// "neither" and "they" point back. A side's own cue ("member") still needs its side in its
  /// own clause.
  @Test func aClauseWithNobodyNamedLooksBackForItsParticipant() throws {
    try expectRepresentationOnly(
      "Three of the larger firms were approached, but none has yet agreed to take part.")
    try expectRepresentationOnly("Voluntary and community sector (VCS) involvement uneven")
    try expectCommunityEngagementOnly(
      "Tenants on the estate were sceptical at first, but they are now closely involved.")
    // So does a participant earlier in the cue's own clause, beyond the window.
    try expectRepresentationOnly(
      "Once the agencies saw that the joint work on burglary was paying off, more of them wanted to be involved."
    )
    // The nearest earlier participant is the one meant.
    try expectCommunityEngagementOnly(
      "The police were asked first and tenants later, but neither took part.")
    try expectRepresentationOnly(
      "Tenants were asked first and the police later, but neither took part.")
    // A weak cue looks back only when its clause points back ("neither", "they"): the work
    // and the projects are no participants.
    for sentence in [
      "Partners met in March; the work involved two days of preparation.",
      "The council published the plan; the projects were later withdrawn from the programme.",
    ] {
      let found = try codes(sentence)
      #expect(!found.contains("governance.representation"), "\(sentence): \(found)")
      #expect(!found.contains("governance.community_engagement"), "\(sentence): \(found)")
    }
    // A later clause does not lend its participant back.
    let forward = try codes("Nobody took part in the end, although the police were invited.")
    #expect(!forward.contains("governance.representation"), "\(forward)")
    // "Member" is a side's own cue: the council in an earlier clause does not make it one.
    let member = try codes("The council has written to us; members will be told next week.")
    #expect(!member.contains("governance.representation"), "\(member)")
  }

  /// Participants in one list take part together: "the sector and residents".
  @Test func coordinatedParticipantsBothTakePart() throws {
    for sentence in [
      "The fund helps the voluntary sector and residents to take part.",
      "Engagement of partners and communities has been uneven.",
    ] {
      let found = try codes(sentence)
      #expect(found.contains("governance.representation"), "\(sentence): \(found)")
      #expect(found.contains("governance.community_engagement"), "\(sentence): \(found)")
    }
    // A participant word that modifies the next is not in the list: the forum takes part.
    try expectCommunityEngagementOnly("The new Interfaith Forum will be consulted on the plan.")
    // A list needs its conjunction, and a clause opener ends it: neither sentence lists the
    // businesses or the residents with the cue's participant.
    try expectCommunityEngagementOnly("Unlike businesses, residents were consulted.")
    let involved = try tag(
      "Notes\n\nWe involved partners that residents trust.", with: Fixtures.projectTaxonomy())
    #expect(
      involved.filter { $0.match == "involved" }.map(\.code) == ["governance.representation"],
      "\(involved)")
  }

  /// Attenders, and taking little or no part, are participation too.
  @Test func attendersAndTakingLittlePartTakeTheirCodeFromWhoDoesIt() throws {
    try expectRepresentationOnly("Health partners have been the most regular attenders.")
    try expectRepresentationOnly("The acute hospital trust has taken no part in the work.")
    try expectRepresentationOnly("Local employers have taken little part in the partnership.")
    // Taking no part says so itself.
    let none = try tag(
      "Notes\n\nThe acute hospital trust has taken no part in the work.",
      with: Fixtures.projectTaxonomy())
    #expect(
      none.first { $0.code == "governance.representation" }?.polarity == .negative, "\(none)")
    try expectCommunityEngagementOnly("Tenants could play a bigger part in the estate plans.")
  }

  @Test func theNearestParticipantDecides() throws {
    // "community" sits inside the sector's mention: the sector takes part.
    #expect(
      try codes("The voluntary and community sector is closely involved.").contains(
        "governance.representation"))
    // The council is further from the cue than the community.
    let found = try codes("The council endorsed the plan after community consultation.")
    #expect(found.contains("governance.community_engagement"))
    #expect(!found.contains("governance.representation"))
  }

  /// Attendance leans to representation: it is representation unless the clause says that
  /// residents or the public attend.
  @Test func attendanceIsRepresentationUnlessResidentsAttend() throws {
    #expect(
      try codes("Attendance at board meetings has fallen.").contains("governance.representation"))
    #expect(
      try codes("The chamber of commerce has attended every meeting.").contains(
        "governance.representation"))
    try expectCommunityEngagementOnly("Residents are welcome to attend the board's meetings.")
  }
}
