import Testing

@testable import TextMining

/// Named partnerships and attribution, through the project taxonomy.
@Suite struct PartnershipNameRecognizerTests {
  private func mentions(_ text: String) throws -> [(
    code: String, match: String, partnership: String?
  )] {
    let taxonomy = try Fixtures.projectTaxonomy()
    let extracted = try PlainTextExtractor().extractText(
      from: DecodedDocument(text: text, format: .plainText, encoding: "UTF-8"))
    let segmented = try ICUSegmenter().segment(extracted)
    return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).map {
      ($0.code.rawValue, segmented.string(utf8Range: $0.utf8Range), $0.partnership)
    }
  }

  @Test func namesBeforeHeadsAndTheirAbbreviations() throws {
    let found = try mentions(
      "Minutes\n\nThe Eastmoor Local Strategic Partnership (ELSP) met in May. The ELSP’s board agreed LAA targets."
    )
    let named = found.filter { $0.code == "partnership.named" }
    #expect(named.map(\.match) == ["Eastmoor Local Strategic Partnership", "ELSP’s"])
    #expect(named.allSatisfy { $0.partnership == "Eastmoor Local Strategic Partnership" })
    #expect(!found.contains { $0.code == "partnership.lsp" })
    let targets = try #require(found.first { $0.code == "delivery.performance_management" })
    #expect(targets.partnership == "Eastmoor Local Strategic Partnership")
  }

  @Test func brandNamesGivenAnAppositive() throws {
    let found = try mentions(
      "Notes\n\nThornbury Together, the borough's LSP, was formed in 2001. Thornbury Together has strong leadership."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Thornbury Together", "Thornbury Together",
      ])
    #expect(found.contains { $0.code == "partnership.lsp" && $0.match == "LSP" })
    #expect(
      found.first { $0.code == "success_factor.leadership" }?.partnership == "Thornbury Together")
  }

  /// Two places joined by "and" or "&" before a brand word name one partnership of both, which
  /// is not the partnership of either place alone, and so do a place and its area ("Stoke and
  /// District Together"); a body before "and" is no place.
  @Test func aBrandOfTwoPlacesIsOnePartnership() throws {
    let found = try mentions(
      "News\n\nCressley and Haughton Together replaced the Haughton LSP in 2006. The board of Cressley & Haughton Together now meets in Cressley and in Haughton."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Cressley and Haughton Together", "Haughton LSP", "Cressley and Haughton Together",
      ])
    let area = try mentions(
      "News\n\nStoke and District Together is the local strategic partnership for Stoke. Trust between its partners is high."
    )
    #expect(
      area.first { $0.code == "success_factor.trust" }?.partnership == "Stoke and District Together"
    )
    let council = try mentions(
      "News\n\nKelby Council and Haughton Together agreed the plan. Haughton Together is the LSP for Haughton, and Kelby Council sits on it."
    )
    #expect(
      council.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Haughton Together", "Haughton Together",
      ])
  }

  @Test func laterShortFormsResolveToTheFullNameFirstGiven() throws {
    let found = try mentions(
      "Notes\n\nThe Kelbrook Local Strategic Partnership met. Later the Kelbrook LSP agreed its budget."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Kelbrook Local Strategic Partnership", "Kelbrook Local Strategic Partnership",
      ])
  }

  /// A name's initials stand for it without brackets ("WDP"), a word in capitals counting
  /// whole ("KLSP" for the "Kelbrook LSP"); initials inside a reference ("WDP/PC/11"), of two
  /// letters, that are a code's word ("LSP") or that brackets define for another body are none.
  @Test func aNamesInitialsStandForIt() throws {
    let found = try mentions(
      "Notes\n\nThe Wetherop and District Partnership met in May. The PCT and WDP now work well together. Our ref: WDP/PC/11."
    )
    let named = found.filter { $0.code == "partnership.named" }
    #expect(named.map(\.match) == ["Wetherop and District Partnership", "WDP"])
    #expect(named.allSatisfy { $0.partnership == "Wetherop and District Partnership" })
    let short = try mentions(
      "Notes\n\nThe Kelbrook LSP met in May. The board of the KLSP agreed its budget.")
    #expect(
      short.filter { $0.code == "partnership.named" }.map(\.match) == ["Kelbrook LSP", "KLSP"])
    // Not a word of the codes' phrases, not what brackets define for another body, not two
    // letters, not inside a reference with hyphens.
    let others = try mentions(
      "Notes\n\nThe Lanford Strategic Partnership met. LSP members criticised it.\n\nThe Thornbury and Vale Partnership works with Thames Valley Police (TVP). TVP has been a committed partner.\n\nThe Hexley Partnership bought HP printers.\n\nThe Wetherop and District Partnership met. Papers are filed under WDP-2004-03."
    )
    #expect(
      others.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Lanford Strategic Partnership", "Thornbury and Vale Partnership", "Hexley Partnership",
        "Wetherop and District Partnership",
      ])
    #expect(others.contains { $0.code == "partnership.lsp" && $0.match == "LSP" })
  }

  /// A brand's abbreviation in brackets before its description stands for it later.
  @Test func aBrandsAbbreviationInBracketsStandsForIt() throws {
    let found = try mentions(
      "Notes\n\nTamberley Forward (TF) is the LSP for the borough. TF has no legal status.")
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == ["Tamberley Forward", "TF"])
  }

  @Test(arguments: [
    "The Community Safety Partnership met.", "The Health and Wellbeing Partnership met.",
    "The Local Strategic Partnership met.",
    "Community Planning Partnerships have a statutory duty.",
    // Not the family's theme partnerships: a Local Enterprise Partnership, an SRB one.
    "The Kelbrook Local Enterprise Partnership met.",
    "The Kelbrook Regeneration Partnership closed in 2004.",
  ])
  func genericAndThematicBodiesAreNotNamed(sentence: String) throws {
    #expect(!(try mentions("Notes\n\n" + sentence)).contains { $0.code == "partnership.named" })
  }

  /// A place's theme partnership is named, as another body of the family: its own sentence's
  /// evidence is its, and the evidence after it stays with the area's partnership.
  @Test func aPlacesThemePartnershipIsAFamilyBodyByName() throws {
    let found = try mentions(
      "Kelbrook Together: annual report\n\nThe Kelbrook Health and Wellbeing Partnership has no voluntary sector member. The private sector has one seat."
    )
    #expect(
      found.contains {
        $0.code == "partnership.named" && $0.match == "Kelbrook Health and Wellbeing Partnership"
      })
    #expect(
      found.first { $0.code == "sector.voluntary_community" }?.partnership
        == "Kelbrook Health and Wellbeing Partnership")
    #expect(found.first { $0.code == "sector.private" }?.partnership == "Kelbrook Together")
    // Beside the area's partnership in one sentence, the body is passed over.
    let beside = try mentions(
      "Notes\n\nThe Kelbrook LSP works with the Kelbrook Health and Wellbeing Partnership on community engagement."
    )
    #expect(
      beside.first { $0.code == "governance.community_engagement" }?.partnership == "Kelbrook LSP")
  }

  /// A place's "Community Partnership" is its own partnership, named like any other.
  @Test func aPlacesCommunityPartnershipIsAName() throws {
    let found = try mentions(
      "Notes\n\nThe Millbeck Community Partnership is the local strategic partnership for Millbeck."
    )
    #expect(
      found.contains {
        $0.code == "partnership.named" && $0.partnership == "Millbeck Community Partnership"
      })
  }

  /// A theme's own possessive is part of a theme partnership's name, and a place's Children's
  /// Trust is a family body by name; both leave the evidence with the area's partnership.
  @Test func childrensTrustsAndPossessiveThemesAreFamilyBodies() throws {
    let found = try mentions(
      "Kelbrook Together: annual report\n\nThe Kelbrook Children and Young People's Partnership met. The Kelbrook Children's Trust has no voluntary sector member."
    )
    let named = Set(found.filter { $0.code == "partnership.named" }.map(\.match))
    #expect(
      named == [
        "Kelbrook Together", "Kelbrook Children and Young People's Partnership",
        "Kelbrook Children's Trust",
      ])
    // A trust is no partnership: even in its own sentence, the evidence passes it over.
    #expect(
      found.first { $0.code == "sector.voluntary_community" }?.partnership == "Kelbrook Together")
    #expect(!found.contains { $0.code == "success_factor.trust" })
    // A possessive that is not a theme's still describes: "the Borough's Children's Partnership".
    #expect(
      !(try mentions("Notes\n\nThe Borough's Children's Partnership met.")).contains {
        $0.code == "partnership.named"
      })
  }

  /// Only an abbreviation in brackets right after a name is the name's own: in a glossary the
  /// next abbreviation is another body's.
  @Test func aGlossarysNextAbbreviationIsNotTheNamesOwn() throws {
    let found = try mentions(
      "Kelbrook Together: performance report\n\nCT = Kelbrook Children's Trust; JCP = Jobcentre Plus\n\nJCP"
    )
    #expect(!found.contains { $0.code == "partnership.named" && $0.match == "JCP" })
    let defined = try mentions(
      "Kelbrook Together: notes\n\nThe Kelbrook Community Safety Partnership (KCSP) met.\n\nThe KCSP agreed its plan."
    )
    #expect(defined.contains { $0.code == "partnership.named" && $0.match == "KCSP" })
    // After another name and a comma, the abbreviation is a mention, not a definition.
    let after = try mentions(
      "Notes\n\nThe Kestlebury Local Strategic Partnership (KLSP) covers the district. Unlike the Harrowdale Partnership, KLSP has no voluntary sector seat."
    )
    #expect(after.contains { $0.code == "partnership.named" && $0.match == "KLSP" })
    #expect(
      after.first { $0.code == "sector.voluntary_community" }?.partnership
        == "Kestlebury Local Strategic Partnership")
  }

  // A heading that is a family body's name and nothing else (numbering aside) heads a section
  // about that body, as the codebook's "nearest named before it in the section" reads; a
  // heading that reports on the body in a board's minutes ("SAFER BARROWMERE: UPDATE") does not.
  @Test func aHeadingThatIsOnlyAFamilyBodysNameGivesItsSectionThatBody() throws {
    let found = try mentions(
      """
      Barrowmere Forward: peer challenge

      1. Barrowmere Forward

      The board's leadership is strong.

      2. Safer Barrowmere

      Safer Barrowmere is the borough's community safety partnership. Trust between the police \
      and the council is high.

      3. Safer Barrowmere: update

      Funding for the wardens ends in March.
      """)
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Safer Barrowmere")
    #expect(
      found.first { $0.code == "success_factor.leadership" }?.partnership == "Barrowmere Forward")
    #expect(found.first { $0.code == "delivery.resources" }?.partnership == "Barrowmere Forward")
  }

  @Test(arguments: [
    (
      "The Barrowmere Community Safety Partnership met all its targets.",
      "Barrowmere Community Safety Partnership"
    ),
    (
      "Burglary work is led by the Barrowmere Crime and Disorder Reduction Partnership.",
      "Barrowmere Crime and Disorder Reduction Partnership"
    ),
    (
      "The Barrowmere & District Community Safety Partnership met.",
      "Barrowmere & District Community Safety Partnership"
    ),
    (
      "Six seats go to the Barrowmere Community Empowerment Network.",
      "Barrowmere Community Empowerment Network"
    ),
  ])
  func anotherBodyOfTheFamilyNamedByItsPlaceIsNamedButTheEvidenceStaysWithTheLSP(
    sentence: String, name: String
  ) throws {
    let found = try mentions(
      "Barrowmere Forward\n\nBarrowmere Forward is the borough's local strategic partnership. \(sentence) Its leadership is strong."
    )
    let family = try #require(found.first { $0.match == name })
    #expect(family.code == "partnership.named")
    // Its own mention carries its own name, as any named partnership's does.
    #expect(family.partnership == name)
    #expect(!found.contains { $0.code == "partnership.equivalent" })
    // The sentence after it is about the area's partnership, not the family body.
    #expect(
      found.first { $0.code == "success_factor.leadership" }?.partnership == "Barrowmere Forward")
  }

  @Test(arguments: [
    "Fennerby Local Strategic Partnership and Fennerby Community Safety Partnership have merged their teams.",
    "Fennerby Council and Fennerby Local Strategic Partnership have merged their teams.",
  ])
  func twoBodiesJoinedByAndAreTwoNames(sentence: String) throws {
    let found = try mentions("Notes\n\n" + sentence)
    let names = found.filter { $0.code == "partnership.named" }
    #expect(names.contains { $0.match == "Fennerby Local Strategic Partnership" })
    #expect(!names.contains { $0.match.contains(" and ") })
  }

  // A brand given alone before its headed form keeps the name as first given; given after it,
  // the headed form stands.
  @Test(arguments: [
    (
      "From talk to delivery: the One Tarrowby story\n\nDirector, One Tarrowby Partnership\n\nOne Tarrowby is the local strategic partnership for the borough.",
      "One Tarrowby"
    ),
    (
      "Director, One Tarrowby Partnership\n\nOne Tarrowby is the local strategic partnership for the borough.",
      "One Tarrowby Partnership"
    ),
  ])
  func aBrandIsNamedAsFirstGivenBesideItsHeadedForm(text: String, name: String) throws {
    let named = try mentions(text).filter { $0.code == "partnership.named" }
    #expect(named.count >= 2)
    #expect(named.allSatisfy { $0.partnership == name })
  }

  // A brand of one word, a connector and a place, given an appositive: "Pride in Tarley".
  @Test func aBrandWithAConnectorBeforeItsPlaceIsANameWhenDescribed() throws {
    let found = try mentions(
      "Scrutiny review\n\nThe Committee agreed to review Pride in Tarley, the local strategic partnership for the borough. Pride in Tarley has a clear strategy."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Pride in Tarley", "Pride in Tarley",
      ])
    #expect(
      found.filter { $0.code.hasPrefix("partnership.") }.allSatisfy {
        $0.partnership == "Pride in Tarley"
      })
  }

  // Written in capitals, the brand is cased as a name is: its connector in lower case
  // (`partnership_names.lower_case_words`).
  @Test func aBrandInCapitalsKeepsItsConnectorInLowerCase() throws {
    let found = try mentions(
      "Scrutiny review\n\nThe Committee agreed to review PRIDE IN TARLEY, the local strategic partnership for the borough."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == ["Pride in Tarley"])
  }

  // At a sentence's start, such a brand needs a copula.
  @Test func aBrandWithAConnectorOpeningASentenceIsANameBeforeACopula() throws {
    let found = try mentions(
      "Notes\n\nPride in Tarley is the local strategic partnership for the borough.")
    #expect(found.contains { $0.code == "partnership.named" && $0.match == "Pride in Tarley" })
  }

  @Test(arguments: [
    "Notes\n\nElsewhere in Tarley, the local strategic partnership met monthly.",
    "Notes\n\nWe met the Director of Tarley, the local strategic partnership's manager.",
    "Notes\n\nWe interviewed the Dean of Kelby, the chair of the local strategic partnership.",
    // A part of the partnership is not the partnership.
    "Notes\n\nWe consulted Friends of Tarley, a member of the local strategic partnership.",
  ])
  func aConnectorRunAtASentencesStartOrAfterAPostIsNoBrand(text: String) throws {
    #expect(!(try mentions(text)).contains { $0.code == "partnership.named" })
  }

  @Test func aBrandWordThatOnlyOpensSentencesIsAnAdjective() throws {
    let found = try mentions(
      "Notes\n\nFennerby First is the city's local strategic partnership. Working Fennerby families have seen little benefit. Cleaner Fennerby streets were a priority."
    )
    #expect(found.filter { $0.code == "partnership.named" }.map(\.match) == ["Fennerby First"])
  }

  @Test func aFamilyBodysAbbreviationIsItsNameAndItNeverBecomesTheSubject() throws {
    let found = try mentions(
      "Tillby Community Empowerment Network: annual report\n\nThe Tillby Community Empowerment Network (TCEN) works with the Tillby LSP. The TCEN now has two seats on the board.\n\nPerformance\n\nThree of the six targets were missed."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Tillby Community Empowerment Network", "Tillby Community Empowerment Network",
        "Tillby LSP", "TCEN",
      ])
    // The network's own mentions carry its name, the title's too, but other evidence passes it
    // over: the seats go by the LSP named before them.
    #expect(found.first?.partnership == "Tillby Community Empowerment Network")
    #expect(
      found.last { $0.match == "TCEN" }?.partnership == "Tillby Community Empowerment Network")
    #expect(
      found.first { $0.code == "governance.representation" }?.partnership == "Tillby LSP")
    // A network is no partnership, so the title gives the document no subject: the targets
    // under their own heading go by nobody.
    let targets = try #require(found.first { $0.code == "delivery.performance_management" })
    #expect(targets.partnership == nil)
  }

  // The codebook's subject is "the partnership named in its title": a theme or community safety
  // partnership is one, so evidence that names nobody goes by it.
  @Test func aFamilyPartnershipNamedInTheTitleIsTheSubject() throws {
    let found = try mentions(
      """
      SAFER FENNERBY PARTNERSHIP

      Annual report 2008/09

      We are the crime and disorder partnership of Fennerby First, the city's local strategic \
      partnership.

      Performance

      Three of the six targets were met.
      """)
    let targets = try #require(found.first { $0.code == "delivery.performance_management" })
    #expect(targets.partnership == "Safer Fennerby Partnership")
  }

  @Test func aThemePartnershipsBrandBeforeThePartnershipsPlaceIsAFamilyBody() throws {
    let found = try mentions(
      """
      Notes

      Fennerby First is the city's local strategic partnership. Safer Fennerby, the city's crime \
      and disorder partnership, reported to the board, and the Healthier Fennerby Partnership met \
      twice. The Safer Fennerby group agreed a plan. Safer Neighbourhoods teams patrol the estates.
      """)
    let named = found.filter { $0.code == "partnership.named" }
    #expect(
      named.map(\.match) == ["Fennerby First", "Safer Fennerby", "Healthier Fennerby Partnership"])
    #expect(
      named.map(\.partnership) == [
        "Fennerby First", "Safer Fennerby", "Healthier Fennerby Partnership",
      ])
  }

  // A theme partnership's brand first printed in capitals is cased as a name, and its later
  // forms carry its name as first given.
  @Test func aFamilyBrandInCapitalsIsNamedInOrdinaryCaseAsFirstGiven() throws {
    let found = try mentions(
      """
      SAFER FENNERBY PARTNERSHIP

      Annual report

      The Safer Fennerby Partnership is the crime and disorder partnership of Fennerby First, \
      the city's local strategic partnership. Safer Fennerby met four times.
      """)
    let family = found.filter { $0.code == "partnership.named" && $0.match.hasPrefix("S") }
    #expect(family.count == 3)
    #expect(family.allSatisfy { $0.partnership == "Safer Fennerby Partnership" })
  }

  @Test func attributionFallsBackToTheTitleAndResetsAtHeadings() throws {
    let text = """
      Review of the Oakridge Local Strategic Partnership

      1 Context

      The Pendleby Partnership Board shares a boundary with Oakridge. Its budget is small.

      2 Governance

      Scrutiny is weak.
      """
    let found = try mentions(text)
    #expect(
      found.first { $0.code == "delivery.resources" }?.partnership == "Pendleby Partnership Board")
    #expect(
      found.first { $0.code == "governance.accountability" }?.partnership
        == "Oakridge Local Strategic Partnership")
  }

  @Test func anEmailThreadIsOneSectionSoASignaturesNameCarriesOn() throws {
    // The signature names the partnership; the next message, after its header and salutation,
    // is about it (the codebook's nearest named before, in a document without headings).
    let text = """
      From:    Pryor, Anne
      Sent:    3 June 2009 10:12
      To:      Dale, Tom
      Subject: RE: Board paper

      Tom, the paper is attached.

      Anne Pryor
      Partnership Officer, Tarnwick and District Partnership

      -----Original Message-----
      From:    Dale, Tom
      Sent:    2 June 2009 17:40
      To:      Pryor, Anne
      Subject: Board paper

      Hi Anne

      Scrutiny of the board is weak.
      """
    let found = try mentions(text)
    #expect(
      found.first { $0.code == "governance.accountability" }?.partnership
        == "Tarnwick and District Partnership")
  }

  @Test func aStrategyBoardIsNamedByItsHead() throws {
    let found = try mentions("Notes\n\nThe Stavenholme Strategy Board met in May.")
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == ["Stavenholme Strategy Board"]
    )
  }

  @Test func aVerbAfterAParenthesisDescribesTheSubjectNotTheLastName() throws {
    // "..., set up in place of the old County Partnership Forum, is the county's LSP": the
    // Strategy Board is the LSP; the Forum, inside the parenthesis, is no name at all.
    let found = try mentions(
      """
      The Wendham Strategy Board, set up in 2004 in place of the old County Partnership Forum, \
      is the county's LSP. The Strategy Board meets monthly and its budget is small.
      """)
    let named = found.filter { $0.code == "partnership.named" }.map(\.match)
    #expect(named.first == "Wendham Strategy Board")
    #expect(!named.contains { $0.contains("Forum") })
    #expect(
      found.first { $0.code == "delivery.resources" }?.partnership == "Wendham Strategy Board")
    // Whatever the parenthesis holds, and with a bracket or a dash ("the Kessby Partnership
    // Forum" inside it is another body's name).
    for text in [
      "The Wexley Alliance, chaired by Mrs Jones, is the borough's LSP.",
      "The Wexley Alliance (set up in place of the old County Partnership Forum) is the borough's LSP.",
      "The Wexley Alliance – which replaced the Wexley Partnership Forum in 2003 – is now the borough's LSP.",
    ] {
      let found = try mentions(text)
      #expect(
        found.filter { $0.code == "partnership.named" }.map(\.partnership) == ["Wexley Alliance"],
        "\(text)")
      #expect(found.first { $0.code == "partnership.lsp" }?.partnership == "Wexley Alliance")
    }
    // A place set off by a comma and described as something else is no name.
    let none = try mentions(
      "Lower Wexley, a small market town, is the district's largest settlement and its LSP meets there."
    )
    #expect(!none.contains { $0.code == "partnership.named" })
  }

  @Test func anAuxiliaryOpeningANumberedQuestionIsNoPartOfABrand() throws {
    // "Should" is capitalised after the numbering, but it opens the question: the brand is
    // "Thrimble Together" ("Skelton Wold Together", a place of two words, stays whole).
    let found = try mentions(
      """
      Thrimble Together, the local strategic partnership for the borough, met in May.

      1. Should Thrimble Together offer Sowerhythe support with its budget?

      Skelton Wold Together is the LSP for Skelton Wold, and the council in Skelton Wold chairs it.
      """)
    let named = found.filter { $0.code == "partnership.named" }.map(\.match)
    #expect(named.contains("Thrimble Together"))
    #expect(!named.contains { $0.hasPrefix("Should") })
    #expect(named.contains("Skelton Wold Together"))
  }

  @Test func initialsEitherSideOfAnAmpersandStandForTheName() throws {
    let found = try mentions(
      """
      The Wendlecote & Crowhythe Partnership is the LSP for the two districts. The W&C board \
      has drifted, and the O&TV Partnership is little better. The Orpwell & Tessing Vale \
      Partnership met in May. AT&T sent a letter about its budget.
      """)
    let named = found.filter { $0.code == "partnership.named" }
    #expect(
      named.map(\.partnership) == [
        "Wendlecote & Crowhythe Partnership", "Wendlecote & Crowhythe Partnership",
        "Orpwell & Tessing Vale Partnership", "Orpwell & Tessing Vale Partnership",
      ])
    // A firm's initials round "&" stand for no partnership here.
    #expect(found.first { $0.code == "delivery.resources" }?.partnership != nil)
    #expect(!named.contains { $0.match.contains("AT") })
  }

  @Test func oneLetterEitherSideOfAnAmpersandStandsForTheNameOnlyBeforeABody() throws {
    // "A&E" is the hospital's, however well it fits the Ashby & Eastwell Partnership's
    // initials; "the A&E board" would be the partnership's.
    let found = try mentions(
      """
      The Ashby & Eastwell Partnership met in May.

      Waiting times in A&E at the hospital have fallen. A&E services were reorganised in 2004. \
      The A&E board has drifted.
      """)
    let named = found.filter { $0.code == "partnership.named" }
    #expect(named.map(\.match) == ["Ashby & Eastwell Partnership", "A&E"])
    #expect(named.last?.partnership == "Ashby & Eastwell Partnership")
  }

  @Test func aBrandWithAPossessiveIsTheBrand() throws {
    // Found by its own pattern at a numbered line's start, or as a known brand later: either
    // way the possessive is no part of the name.
    let found = try mentions(
      """
      Cawdle Forward is the LSP for the borough, and the council in Cawdle chairs it.

      3.1 Cawdle Forward's performance clinic examined the budget.

      The report went to Cawdle Forward's executive in July.
      """)
    let named = found.filter { $0.code == "partnership.named" }
    #expect(named.count == 3)
    #expect(named.allSatisfy { $0.partnership == "Cawdle Forward" })
    // In capitals, and initials round "&", too.
    let capitals = try mentions(
      """
      Cawdle Forward is the LSP for the borough, and the council in Cawdle chairs it.

      CAWDLE FORWARD'S BOARD HAS IMPROVED ITS SCRUTINY.

      The Wendlecote & Crowhythe Partnership met. The W&C's board has drifted.
      """)
    #expect(
      capitals.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Cawdle Forward", "Cawdle Forward", "Wendlecote & Crowhythe Partnership",
        "Wendlecote & Crowhythe Partnership",
      ])
  }

  @Test func aDocumentWithoutNamesAttributesNothing() throws {
    let found = try mentions("Notes\n\nTrust between partners is high.")
    #expect(found.first?.partnership == nil)
  }

  // Names as real pages write them (issue: "which partnership").
  private func names(_ text: String) throws -> [String?] {
    try mentions(text).filter { $0.code == "partnership.named" }.map(\.partnership)
  }

  @Test(arguments: [
    (
      "Notes\n\nThe St Albury & District Strategic Partnership met.",
      "St Albury & District Strategic Partnership"
    ),
    (
      "Notes\n\nThe Eskholme and District Partnership Board met.",
      "Eskholme and District Partnership Board"
    ),
  ])
  func namesWithAmpersandOrAndDistrict(text: String, name: String) throws {
    #expect(try names(text) == [name])
  }

  /// A headline in title case or capitals capitalises its verbs as its names: the word right
  /// after a body's last word is its verb unless the text writes it as a name elsewhere.
  @Test(arguments: [
    ("Council Dominates LSP Board\n\nThe council holds most seats on the board.", [String?]()),
    (
      "Council Dominates Pelbury LSP Board\n\nThe council holds most seats on the board.",
      ["Pelbury LSP"]
    ),
    (
      "Council Backs Pelbury Partnership\n\nThe council has backed the plan.",
      ["Pelbury Partnership"]
    ),
    // A place before the body word, and a headline in capitals.
    (
      "Pelbury Council Backs Pelbury Partnership\n\nThe council backs the partnership in Pelbury.",
      ["Pelbury Partnership"]
    ),
    (
      "COUNCIL BACKS PELBURY PARTNERSHIP\n\nThe council backs the partnership in Pelbury.",
      ["Pelbury Partnership"]
    ),
    // A place the text writes as a name is kept: "in Dominey".
    (
      "Council Dominey Partnership\n\nThe partnership works in Dominey.",
      ["Dominey Partnership"]
    ),
    // After a person or actor (`headline_subjects`), as after a body.
    ("Council Leader Quits LSP\n\nThe leader said he had resigned.", []),
    ("COUNCIL LEADER QUITS LSP\n\nThe leader said he had resigned.", []),
    (
      "Police Chief Joins Pelbury LSP Board\n\nThe chief constable will attend.",
      ["Pelbury LSP"]
    ),
  ])
  func titleCaseHeadlinesNameOnlyWhatTheTextNames(text: String, expected: [String?]) throws {
    #expect(try names(text) == expected)
  }

  @Test(arguments: [
    "Notes\n\nBe Harbury is the local strategic partnership for the city. Be Harbury met in May.",
    "Notes\n\nBe Harbury, the city's LSP, met in May. Be Harbury agreed its plan.",
    "Notes\n\nBe Harbury is our Local Strategic Partnership. Be Harbury met in May.",
  ])
  func brandNamesThroughCopulaOrAppositive(text: String) throws {
    #expect(try names(text) == ["Be Harbury", "Be Harbury"])
  }

  // The other ways English ties a brand to the partnership it names: a relative clause, a
  // bracket, a dash or a colon, a place's possessive, a verb and "as", apposition after the
  // description, and naming words.
  @Test(arguments: [
    "Notes\n\nThe grant goes to Be Harbury, which is the local strategic partnership for the city. Be Harbury met in May.",
    "Notes\n\nBe Harbury (the local strategic partnership) met in May. Be Harbury agreed its plan.",
    "Notes\n\nBe Harbury - the LSP for the city - met in May. Be Harbury agreed its plan.",
    "Notes\n\nBe Harbury: the local strategic partnership for the city. Be Harbury met in May.",
    "Notes\n\nBe Harbury is Harbury's local strategic partnership. Be Harbury met in May.",
    "Notes\n\nBe Harbury acts as the local strategic partnership for the city. Be Harbury met in May.",
    "Notes\n\nBe Harbury serves as the city's LSP. Be Harbury met in May.",
    "Notes\n\nThe city's local strategic partnership, Be Harbury, met in May. Be Harbury agreed its plan.",
    "Notes\n\nIn May the LSP (Be Harbury) met. Be Harbury agreed its plan.",
    "Notes\n\nOur local strategic partnership is now known as Be Harbury. Be Harbury met in May.",
    "Notes\n\nBe Harbury (BH) is the local strategic partnership for the city. Be Harbury met in May.",
    "Notes\n\nBe Harbury, which was formed in 2003 as the Harbury LSP, met in May. Be Harbury agreed its plan.",
    "Notes\n\nBe Harbury was set up in 2003 as the city's LSP. Be Harbury met in May.",
  ])
  func brandNamesThroughOtherConstructions(text: String) throws {
    #expect(try names(text).suffix(2) == ["Be Harbury", "Be Harbury"])
  }

  @Test func aBrandAdoptedAsTheNewNameOfTheFormalOne() throws {
    // "is the name adopted by": the brand and the formal name are one partnership, named as
    // the document first gives it; later mentions of the brand alone are found.
    let found = try names(
      "Still Be Harbury?\n\nBe Harbury is the name adopted in 2008 by what had been the Harbury Local Strategic Partnership. The panel found that Be Harbury has never been properly accountable."
    )
    #expect(found.count == 4)
    #expect(found.allSatisfy { $0 == "Be Harbury" })
  }

  @Test(arguments: [
    // A person given a role is not a brand.
    "The chair of the LSP, Jane Marsh, said the board would meet.",
    "Jane Marsh, the LSP manager, said the board would meet.",
    "Mr Neil Foxton: Local strategic partnerships have never been statutory bodies.",
    // Theme words are a theme's name.
    "Community Safety, the partnership for the town centre, met.",
    // Items of a list after "the LSP", and bodies and buildings.
    "The partners are the LSP, Harbury Council, Harbury Police and the PCT.",
    "Members of the board include the LSP, Harbury Borough Council, NHS Harbury and others.",
    "Contact the LSP: Harbury Civic Centre, High Street.",
    "Harbury Council works as the LSP.",
    // A naming word that does not follow the head.
    "The LSP runs a project called Big Local Harbury.",
    "The LSP has a new chair, known as Jane Marsh.",
  ])
  func peopleAndThemesGivenADescriptionAreNotBrands(text: String) throws {
    #expect(try names("Notes\n\n" + text).isEmpty)
  }

  @Test func aListAfterTheLSPDoesNotRenameThePartnership() throws {
    let found = try names(
      "Notes\n\nThe partners are the LSP, Harbury Council, Harbury Police and the PCT. The Harbury Local Strategic Partnership met."
    )
    #expect(found == ["Harbury Local Strategic Partnership"])
  }

  @Test func aNameAfterAHeadingWordAndOf() throws {
    // "Evaluation of Oakbury LSP": the heading word and "of" are not part of the name.
    let found = try mentions(
      "Evaluation of Oakbury LSP\n\nSummary\n\nTrust between partners is strong.")
    #expect(found.first { $0.code == "partnership.named" }?.match == "Oakbury LSP")
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Oakbury LSP")
  }

  @Test func aPlaceStrategyBoardThatTheTextCallsTheLSP() throws {
    #expect(
      try names(
        "Notes\n\nThe Harbury Strategy Board is the local strategic partnership for the city. The Harbury Strategy Board met."
      ).allSatisfy { $0 == "Harbury Strategy Board" })
    #expect(
      try names(
        "Notes\n\nHarbury Strategy Board, the city's LSP, met in May."
      ) == ["Harbury Strategy Board"])
  }

  @Test func aPlaceCommunityPartnershipThatTheTextCallsTheLSP() throws {
    #expect(
      try names(
        "Notes\n\nMarbury Community Partnership, the borough's LSP, met. Marbury Community Partnership agreed."
      ) == ["Marbury Community Partnership", "Marbury Community Partnership"])
  }

  @Test(arguments: [
    "DE-COMMISSION OF LOCAL STRATEGIC PARTNERSHIP",
    "Composition of LSP",
    "Colin Marsh - LSP Administrator",
    // A person's name run into a post's title: the head belongs to the title.
    "Hannah Birtwell Partnership Manager",
    "Joe Kettle Partnership Support Officer (minutes)",
    "Board members visited an English LSP last year.",
    "The Wendmoor Local Nature Partnership met.",
    "The Wendmoor and Vale Local Enterprise Partnership met.",
    "The Borough's Strategic Partnership met.",
    // Headings in title case or capitals, whose grammar no name has.
    "Strengthening The LSP",
    "Getting Involved With The Partnership",
    "Aims Of The Partnership",
    "Refreshing Our LSP",
    "WHO IS ON THE LSP",
    // Other local partnerships beside the LSP.
    "The Ashcombe Town Centre Partnership met.",
    "The Ashcombe SRB Partnership closed in 2004.",
    "The Marston Sure Start Partnership ran four centres.",
    "The Pendleby Schools Partnership met.",
    "The Pendleby Rural Partnership met.",
  ])
  func notNames(text: String) throws {
    #expect(try names("Notes\n\n" + text).isEmpty)
  }

  @Test func aTitleCaseHeadingDoesNotTakeOverAttribution() throws {
    let found = try mentions(
      "Annual Report of Fordham Local Strategic Partnership 2007/08\n\nIntroduction\n\nA good year.\n\nStrengthening The LSP\n\nMutual trust has grown.\n\nGetting Involved With The Partnership\n\nResidents can join a theme group."
    )
    #expect(
      !found.contains {
        $0.code == "partnership.named" && $0.match != "Fordham Local Strategic Partnership"
      })
    let trust = try #require(found.first { $0.code == "success_factor.trust" })
    #expect(trust.partnership == "Fordham Local Strategic Partnership")
    let residents = try #require(found.first { $0.code == "governance.community_engagement" })
    #expect(residents.partnership == "Fordham Local Strategic Partnership")
  }

  @Test(arguments: [
    (
      "The Stowe-on-the-Fenn Local Strategic Partnership met.",
      "Stowe-on-the-Fenn Local Strategic Partnership"
    ),
    ("The Newton-le-Marsh and District LSP met.", "Newton-le-Marsh and District LSP"),
    (
      "Barrow-in-Fenmoor Partnership is the local strategic partnership for the borough.",
      "Barrow-in-Fenmoor Partnership"
    ),
    ("The Stoke-On-Trenton LSP met.", "Stoke-On-Trenton LSP"),
    ("The Kingston upon Marle LSP met.", "Kingston upon Marle LSP"),
    (
      "King's Harford Local Strategic Partnership met.",
      "King's Harford Local Strategic Partnership"
    ),
    ("The St Aldric's Vale LSP met.", "St Aldric's Vale LSP"),
  ])
  func placesWithHyphensUponOrAPossessiveKeepTheirWholeName(text: String, name: String) throws {
    #expect(try names("Notes\n\n" + text) == [name])
  }

  // The second review's cases: a heading around a real name keeps the name; capitals of a
  // place with hyphens keep its particles in lower case.
  @Test(arguments: [
    ("MINUTES OF THE HADLEY PARTNERSHIP BOARD", "Hadley Partnership Board"),
    ("ANNUAL REPORT OF THE HADLEY LSP 2007/08", "Hadley LSP"),
    ("Strengthening The Marle Local Strategic Partnership", "Marle Local Strategic Partnership"),
    ("What Is The Hadley Partnership?", "Hadley Partnership"),
    ("STOWE-ON-THE-FENN LSP", "Stowe-on-the-Fenn LSP"),
    ("Stoke On Trenton Partnership met.", "Stoke On Trenton Partnership"),
    (
      "Blackwell With Darford Local Strategic Partnership met.",
      "Blackwell With Darford Local Strategic Partnership"
    ),
    ("LAA-Hadley LSP joint targets were agreed.", "Hadley LSP"),
  ])
  func aHeadingAroundANameKeepsTheName(text: String, name: String) throws {
    #expect(try names("Notes\n\n" + text) == [name])
  }

  @Test func aTitleInCapitalsAroundANameIsTheDocumentsSubject() throws {
    let found = try mentions(
      "MINUTES OF THE HADLEY PARTNERSHIP BOARD\n\n1. Performance of the LSP\n\nThe chair said trust between partners remained low."
    )
    let trust = try #require(found.first { $0.code == "success_factor.trust" })
    #expect(trust.partnership == "Hadley Partnership Board")
  }

  @Test(arguments: [
    "The County's Marle District LSP was criticised.",
    "Hadley Council's Executive Partnership Board agreed the plan.",
    "The Mayor's Harbury Partnership funds projects.",
    "The North Hadley Sub-Partnership covers the northern wards.",
  ])
  func ownersAndSubPartnershipsAreNoNames(text: String) throws {
    #expect(try names("Notes\n\n" + text).isEmpty)
  }

  @Test func aLargerAreaIsAnotherPartnership() throws {
    #expect(
      try names(
        "Notes\n\nThe Marlton Partnership is the local strategic partnership for the city. It works with the Greater Marlton Strategic Partnership."
      ) == ["Marlton Partnership", "Greater Marlton Strategic Partnership"])
  }

  @Test func aProgrammeBoardIsNoBrandsBoard() throws {
    let found = try mentions(
      "Notes\n\nThe council is a member of the Hadley LSP. The Better Together Board was set up with Better Care leads from the PCT."
    )
    #expect(found.filter { $0.code == "partnership.named" }.map(\.match) == ["Hadley LSP"])
  }

  @Test func anInformalMentionOpensASentenceOnlyAfterADeterminer() throws {
    let found = try mentions(
      "Notes\n\nThe Durham City LSP has a strong chair. The County Durham partnership has its own board."
    )
    #expect(found.filter { $0.code == "partnership.named" }.map(\.match) == ["Durham City LSP"])
  }

  // A sentence's first word that ends like a verb or an adverb is not a name's first word
  // (partnership_names.opening_suffixes), unless the text capitalises it inside a sentence.
  // What is left must be written as a name elsewhere ("in Marle"), or there is none.
  @Test(arguments: [
    ("Drawing upon Marle LSP experience, the board agreed a plan. It met in Marle.", "Marle LSP"),
    ("Supporting Hadley LSP, the council agreed a plan. It met in Hadley.", "Hadley LSP"),
    ("Recently Hadley Partnership agreed a plan. It met in Hadley.", "Hadley Partnership"),
    ("Yesterday Marle LSP agreed a plan.", "Marle LSP"),
    ("Kingston upon Marle LSP agreed a plan.", "Kingston upon Marle LSP"),
    (
      "Barking and Dagenham Partnership agreed a plan. It met in Barking.",
      "Barking and Dagenham Partnership"
    ),
  ])
  func aSentencesFirstVerbOrAdverbIsNoNameWord(text: String, name: String) throws {
    #expect(try names("Notes\n\n" + text) == [name])
  }

  @Test func aNameWithoutItsOpeningWordIsNoName() throws {
    // "Epping Forest LSP" is not "Forest LSP", nor "Drawing upon Marle LSP" "Marle LSP", when
    // the text writes neither place anywhere else; "Reading Borough Partnership" keeps its
    // place before an area word.
    #expect(try names("Notes\n\nEpping Forest LSP agreed a plan.").isEmpty)
    #expect(try names("Notes\n\nDrawing upon Marle LSP experience, the board agreed.").isEmpty)
    #expect(
      try names("Notes\n\nReading Borough Partnership agreed a plan.") == [
        "Reading Borough Partnership"
      ])
  }

  @Test func aHeadsLowerCaseBoardAndAPossessiveAreNotTheNames() throws {
    let found = try mentions(
      "Notes\n\nPartners sit on the Hadley LSP board. The Ashcombe Partnership's first success was a jobs fair."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Hadley LSP", "Ashcombe Partnership",
      ])
  }

  @Test func aBrandTheLSPBecameIsItsNewName() throws {
    #expect(
      Set(
        try names(
          "Notes\n\nThe Brenthorne LSP became One Brenthorne in 2008. One Brenthorne has a new chair."
        ).compactMap { $0 }) == ["One Brenthorne"])
  }

  @Test func aHeadingsGerundBeforeAHeadIsNoName() throws {
    let found = try mentions("Notes\n\n4. Delivering Partnership Outcomes\n\nThe board met.")
    #expect(!found.contains { $0.code == "partnership.named" })
    let tagger = TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy())
    let segmented = try ICUSegmenter().segment(
      ExtractedText(
        title: nil,
        blocks: [Block(kind: .heading, text: "4. Delivering Partnership Outcomes", line: 1)]))
    #expect(
      tagger.explanation(of: segmented).contains(
        "'Delivering' opens the sentence like a verb or an adverb (partnership_names.opening_suffixes)"
      ))
  }

  // Real pages' board minutes: a kind of body after "a" is no name, and its abbreviation no
  // alias; "and" after a body's last word ("Trust", "Group") joins two bodies.
  @Test func aKindOfBodyAfterAnIndefiniteArticleIsNoName() throws {
    let found = try mentions(
      "Notes\n\nThe councils set up a Joint Local Service Board (LSB) for the two counties. The LSB agreed its targets. A Joint Local Service Board was also proposed for the coast."
    )
    #expect(!found.contains { $0.code == "partnership.named" })
    #expect(found.filter { $0.code == "partnership.equivalent" }.count == 2)
    #expect(
      try names("Notes\n\nA Hadley Partnership meeting agreed a plan.") == ["Hadley Partnership"])
    // A name before a noun in capitals, or before its abbreviation and a noun, is a name; a
    // kind of body before a preposition is not; a list's "(a)" is no article.
    for (text, expected) in [
      ("The board approved a Marle LSP Action Plan.", ["Marle LSP"]),
      ("The board held a Marle LSP (MLSP) meeting.", ["Marle LSP"]),
      ("The council set up a Joint Local Service Board in 2002.", []),
      ("(a) Hadley Partnership Board", ["Hadley Partnership Board"]),
    ] {
      #expect(try names("Notes\n\n" + text).compactMap { $0 } == expected, "\(text)")
    }
  }

  @Test(arguments: [
    ("The Marle Housing Trust and Hadley LSP agreed a plan.", ["Hadley LSP"]),
    (
      "The Hadley Partnership Steering Group and Marle Partnership Board agreed a plan.",
      ["Hadley Partnership", "Marle Partnership Board"]
    ),
    ("The Sandrigg and District LSP agreed a plan.", ["Sandrigg and District LSP"]),
    ("THE MARLE HOUSING TRUST AND HADLEY LSP", ["Hadley LSP"]),
  ])
  func andAfterABodysLastWordJoinsTwoBodies(text: String, expected: [String]) throws {
    #expect(try names("Notes\n\n" + text).compactMap { $0 } == expected)
  }

  // From a second sample of real pages: a place ending in "-ing" alone before a full head, a
  // saint's "St." with its full stop, a heading's word and "of" in capitals.
  @Test(arguments: [
    ("Ealing Local Strategic Partnership", "Ealing Local Strategic Partnership"),
    (
      "The Hadley and St. Marle Local Strategic Partnership met.",
      "Hadley and St. Marle Local Strategic Partnership"
    ),
    ("MEMBERSHIP OF HADLEY LSP", "Hadley LSP"),
  ])
  func namesFromASecondSampleOfRealPages(text: String, name: String) throws {
    #expect(try names("Notes\n\n" + text) == [name])
  }

  @Test func kingstonUponMarleAndMarleAreTwoPartnerships() throws {
    #expect(
      try names(
        "Report\n\nThe Kingston upon Marle LSP has strong leadership.\n\nA second section\n\nThe Marle LSP has weak leadership."
      ) == ["Kingston upon Marle LSP", "Marle LSP"])
  }

  @Test func aGenericAbbreviationAfterANameIsNotTheName() throws {
    // "(LSP)" says what LSP stands for; a later "the LSP" is an LSP mention, attributed to
    // the name.
    let found = try mentions(
      "Notes\n\nThe Hadley Local Strategic Partnership (LSP) was formed in 2001. The LSP has strong leadership."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == [
        "Hadley Local Strategic Partnership"
      ])
    let later = try #require(found.last { $0.code == "partnership.lsp" })
    #expect(later.match == "LSP")
    #expect(later.partnership == "Hadley Local Strategic Partnership")
  }

  @Test func aSaferCommunitiesPartnershipIsAFamilyBody() throws {
    let found = try mentions(
      "Notes\n\nThe Hindlecote LSP met. The Hindlecote Safer Communities Partnership reported strong trust."
    )
    #expect(
      found.contains {
        $0.code == "partnership.named" && $0.match == "Hindlecote Safer Communities Partnership"
      })
    // Named in its own sentence with no area partnership, the body is what the sentence is
    // about; the sentences after it pass it over.
    let trust = try #require(found.first { $0.code == "success_factor.trust" })
    #expect(trust.partnership == "Hindlecote Safer Communities Partnership")
    let after = try mentions(
      "Notes\n\nThe Hindlecote LSP met. The Hindlecote Safer Communities Partnership reported. Trust is strong."
    )
    #expect(after.first { $0.code == "success_factor.trust" }?.partnership == "Hindlecote LSP")
    #expect(
      try mentions("Notes\n\nThe safer communities partnership met.").map(\.code) == [
        "partnership.equivalent"
      ])
  }

  @Test func aNameBeforeALowerCaseRoleWordIsStillAName() throws {
    // Only a capitalised role word makes a title: "the Dunsley Partnership manager" is the
    // partnership's manager.
    #expect(
      try names("Notes\n\nThe Dunsley Partnership manager wrote to partners.") == [
        "Dunsley Partnership"
      ])
  }

  @Test func variantsOfOneNameResolveToOnePartnership() throws {
    let found = try names(
      "Notes\n\nThe Oakbury Local Strategic Partnership met. The Oakbury LSP Board agreed. Later the Oakbury partnership reported."
    )
    #expect(found == Array(repeating: "Oakbury Local Strategic Partnership", count: 3))
  }

  @Test func aBrandAndTheFormalNameAreOnePartnershipNamedAsFirstGiven() throws {
    let found = try names(
      "One Ashvale\n\nOne Ashvale is the local strategic partnership for Ashvale. It was formed as the Ashvale Local Strategic Partnership in 2002."
    )
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0 == "One Ashvale" })
  }

  @Test(arguments: [
    // A brand in brackets after the formal name is another name of it; the formal name, given
    // first, stays the value, the same place words or not.
    "Evaluation\n\nThis report evaluates Thornwick Marsh Local Strategic Partnership (\"Thornwick Together\"), set up in 2002. Thornwick Together meets monthly.",
    "Response\n\nThe draft was issued by Wethercombe & District Local Strategic Partnership (Wethercombe Forward) in March. Wethercombe Forward meets in private.",
    // Single quotes too.
    "Evaluation\n\nThis report evaluates Thornwick Marsh Local Strategic Partnership ('Thornwick Together'), set up in 2002. Thornwick Together meets monthly.",
    // An other-name cue says the same (`partnership_names.other_name_cues`).
    "News\n\nScarrowby Wells Local Strategic Partnership, which has operated under the name \"Wells Together\" since 2004, will close. Wells Together meets for the last time in May.",
  ])
  func aBrandInBracketsAfterTheFormalNameIsTheSamePartnershipNamedAsFirstGiven(text: String)
    throws
  {
    let found = try names(text)
    #expect(found.count == 3)
    #expect(Set(found).count == 1)
    #expect(found.first??.hasSuffix("Local Strategic Partnership") == true)
  }

  @Test func aBrandGivenFirstStaysTheValueWhenTheFormalNameLaterGivesItInBrackets() throws {
    let found = try names(
      "Notes\n\nThornwick Together, the local strategic partnership for Thornwick Marsh, met in May.\n\nThe evaluation of Thornwick Marsh Local Strategic Partnership (\"Thornwick Together\") is due."
    )
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0 == "Thornwick Together" })
  }

  @Test(arguments: [
    // A person, a county or a source in brackets is no other name, and no brand.
    ("Notes\n\nThe Kelbrook LSP (Jane Marsh) met. Jane Marsh spoke.", "Jane Marsh"),
    (
      "Notes\n\nEastbourne Local Strategic Partnership (East Sussex) met. Funding from East Sussex has dwindled.",
      "East Sussex"
    ),
    ("Notes\n\nKelbrook LSP (Audit Commission) was rated amber.", "Audit Commission"),
    // A cue far from the name, not in a relative clause, names something else.
    (
      "Notes\n\nThe Kelbrook LSP runs a jobs scheme under the name Route Ahead. Route Ahead helped 40 people.",
      "Route Ahead"
    ),
  ])
  func capitalisedWordsAfterANameThatAreNoOtherNameOfItAreNotNames(text: String, words: String)
    throws
  {
    let found = try mentions(text)
    #expect(!found.contains { $0.code == "partnership.named" && $0.match.contains(words) })
    #expect(!found.contains { $0.partnership == words })
    #expect(Set(found.compactMap(\.partnership)).count <= 1)
  }

  @Test func aRenamedPartnershipTakesItsNewName() throws {
    // "now known as" renames: the brand is the value, as before.
    let found = try names(
      "Report\n\nThe Brenthorne Local Strategic Partnership, now known as One Brenthorne, met in May. One Brenthorne has a new chair."
    )
    #expect(found.count == 3)
    #expect(found.allSatisfy { $0 == "One Brenthorne" })
  }

  @Test func theTitleBlockNamesTheSubject() throws {
    // The title names no partnership; the heading under it does, before the body begins.
    let found = try mentions(
      "Inspection report\n\nCrowbury Local Strategic Partnership\n\nSummary\n\nTrust between partners is strong."
    )
    #expect(
      found.first { $0.code == "success_factor.trust" }?.partnership
        == "Crowbury Local Strategic Partnership")
  }

  @Test func aTitleThatNamesAPartnershipsPlaceAfterAColonNamesTheSubject() throws {
    // "Case study: Crowbury" is about the Crowbury LSP the text names later; so is a title
    // that is the place alone.
    for title in [
      "Case Study Report: Crowbury", "Local Strategic Partnerships - Crowbury", "CROWBURY",
    ] {
      let found = try mentions(
        "\(title)\n\n1. Governance\n\nTrust between partners is strong.\n\n2. Background\n\nThe Crowbury Local Strategic Partnership was set up in 2002."
      )
      #expect(
        found.first { $0.code == "success_factor.trust" }?.partnership
          == "Crowbury Local Strategic Partnership", "\(title)")
    }
    // A place of several words, with its lower-case particles.
    let several = try mentions(
      "Case study: Bath and North East Somerset\n\n1. Governance\n\nTrust between partners is strong.\n\n2. Background\n\nThe Bath and North East Somerset LSP was set up in 2002."
    )
    #expect(
      several.first { $0.code == "success_factor.trust" }?.partnership
        == "Bath and North East Somerset LSP")
    // The longest place the line ends with wins, whatever the order the names came in.
    let longest = try mentions(
      "Case study: North Crowbury\n\n1. Governance\n\nTrust between partners is strong.\n\n2. Background\n\nThe Crowbury LSP covers the borough, and the North Crowbury Partnership its northern wards."
    )
    #expect(
      longest.first { $0.code == "success_factor.trust" }?.partnership
        == "North Crowbury Partnership")
    // A title that names another body before the place is that body's.
    let other = try mentions(
      "Community Safety Partnership - Crowbury\n\n1. Governance\n\nTrust between partners is strong.\n\n2. Background\n\nThe Crowbury Local Strategic Partnership was set up in 2002."
    )
    #expect(other.first { $0.code == "success_factor.trust" }?.partnership == nil)
    // A place after a preposition is where the work is, not whose it is.
    let found = try mentions(
      "Partnership working in Crowbury\n\n1. Governance\n\nTrust between partners is strong.\n\n2. Background\n\nThe Crowbury Local Strategic Partnership was set up in 2002."
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == nil)
  }

  @Test func aTitleThatAsksNamesTheSubject() throws {
    // A question standing as the title block's line is a title line, not the first prose.
    let found = try mentions(
      "Borough Council\n\nWho is Be Harbury for?\n\nA review of the local strategic partnership\n\n1. Findings\n\nTrust between partners is strong.\n\nBe Harbury is the city's LSP."
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Be Harbury")
  }

  @Test func aBrandInCapitalsDescribedOnTheLineBelowNamesTheSubject() throws {
    // A letterhead: the brand in capitals, and under it the line that says what it is.
    let found = try mentions(
      "HARBURY TOGETHER\n\nThe Local Strategic Partnership for Harbury\n\nEXECUTIVE GROUP\n\nPresent:\n\nTrust between partners is strong.\n\nHARBURY TOGETHER agreed its plan."
    )
    #expect(
      found.first { $0.code == "success_factor.trust" }?.partnership == "Harbury Together")
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.match) == [
        "HARBURY TOGETHER", "HARBURY TOGETHER",
      ])
  }

  @Test func aByLineIsNotTheTitleBlock() throws {
    let found = try mentions(
      "Response to the draft strategy\n\nSubmitted to Harbury Partnership on 30 May 2008.\n\n1. General\n\nTrust between partners is strong."
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == nil)
  }

  @Test func aTitleOpeningWithAParticipleBeforeANounIsNoByline() throws {
    // "Written by ..." is a byline; "Written evidence submitted by ..." a title.
    let found = try mentions(
      "Written evidence submitted by Farrowdale First (the Farrowdale Local Strategic Partnership)\n\nSummary\n\nTrust between partners is strong."
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Farrowdale First")
    for line in ["Written by Farrowdale First", "Prepared jointly by Farrowdale First"] {
      let byline = try mentions(line + "\n\nSummary\n\nTrust between partners is strong.")
      #expect(byline.first { $0.code == "success_factor.trust" }?.partnership == nil, "\(line)")
    }
  }

  @Test func aPageLaidOutInATableKeepsItsTitleBlock() throws {
    // The breadcrumb and the headline sit in a layout table's cell; the headline's brand is
    // the subject of the sections below.
    let extracted = ExtractedText(
      title: "Business Matters Online | Issue 47",
      blocks: [
        Block(kind: .title, text: "Business Matters Online | Issue 47", line: 1),
        Block(kind: .tableCell, text: "Home > Business Matters > Lead article", line: 2),
        Block(kind: .heading, text: "Is anyone listening? Business and Vision Hadley", line: 3),
        Block(
          kind: .tableCell,
          text:
            "The Chamber has a seat on the board of Vision Hadley, the Hadley Local Strategic Partnership.",
          line: 4),
        Block(kind: .heading, text: "A seat, but not a voice", line: 5),
        Block(kind: .tableCell, text: "Trust between partners has gone.", line: 6),
      ])
    let segmented = try ICUSegmenter().segment(extracted)
    let found = TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy()).mentions(in: segmented)
    #expect(
      found.first { $0.code.rawValue == "success_factor.trust" }?.partnership == "Vision Hadley")
  }

  @Test func aBrandWrittenInsideASentenceNamesItsPlaceWithoutAnotherMention() throws {
    // The place is written only in the brand, but the brand stands inside a sentence as a name
    // does ("; Tarnleigh Together shows"); a plural is a common noun ("Churches Together").
    let found = try mentions(
      """
      Case studies

      Tarnleigh Together was formed in 2002 from the town's regeneration partnership. Its board \
      is small. Leadership is strong; Tarnleigh Together shows what a small board can do. The \
      vicar spoke for Skelby Churches Together; Churches Together meets monthly.
      """)
    #expect(found.contains { $0.code == "partnership.named" && $0.match == "Tarnleigh Together" })
    #expect(
      found.first { $0.code == "success_factor.leadership" }?.partnership == "Tarnleigh Together")
    #expect(!found.contains { $0.match.contains("Churches") && $0.code == "partnership.named" })
  }

  @Test func aBrandSetOffAsHowThePartnershipIsKnownIsAName() throws {
    let found = try mentions(
      "News\n\nHaddow Works, as the town's partnership is known, has strong leadership.")
    #expect(found.contains { $0.code == "partnership.named" && $0.match == "Haddow Works" })
    #expect(found.first { $0.code == "success_factor.leadership" }?.partnership == "Haddow Works")
  }

  @Test func anAllianceIsAPartnershipHead() throws {
    let found = try mentions("Review\n\nBy contrast, the Marrow Vale Alliance has weak leadership.")
    #expect(
      found.first { $0.code == "success_factor.leadership" }?.partnership == "Marrow Vale Alliance")
  }

  @Test func aWebPagesStandfirstUnderItsHeadlineIsNoTitleLine() throws {
    // A paragraph without final punctuation after the headline is the story's summary, not its
    // title wrapped over two lines: the partnership it names is not the page's subject, and a
    // later section names none.
    var extracted = ExtractedText(
      title: "Partnership in doubt | News",
      blocks: [
        Block(kind: .title, text: "Partnership in doubt | News", line: 1),
        Block(kind: .heading, text: "Partnership in doubt", line: 2),
        Block(
          kind: .paragraph, text: "Board to decide whether the Hadley Partnership should carry on",
          line: 3),
        Block(kind: .heading, text: "Partners drift away", line: 4),
        Block(kind: .paragraph, text: "Trust between partners has gone.", line: 5),
      ])
    extracted.headline = "Partnership in doubt"
    let tagger = TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy())
    let found = tagger.mentions(in: try ICUSegmenter().segment(extracted))
    #expect(found.first { $0.code.rawValue == "success_factor.trust" }?.partnership == nil)
    // Without a headline (a text file), the same line is the title's second line.
    extracted.headline = nil
    let text = tagger.mentions(in: try ICUSegmenter().segment(extracted))
    #expect(
      text.first { $0.code.rawValue == "success_factor.trust" }?.partnership == "Hadley Partnership"
    )
  }

  @Test func ofTwoNamesInOneSentenceTheOneWrittenFirstIsTheValue() throws {
    let found = try mentions(
      "Case study\n\nThe partnership was launched as the Harrowmere Local Strategic Partnership and has since traded as Harrowmere Forward. Harrowmere Forward has strong leadership."
    )
    #expect(
      Set(found.compactMap(\.partnership)) == ["Harrowmere Local Strategic Partnership"])
  }

  @Test func aStopWordInCapitalsOpensNoName() throws {
    #expect(
      try names("SCRUTINY REVIEW\n\n(THE PELLINGHAM LOCAL STRATEGIC PARTNERSHIP)") == [
        "Pellingham Local Strategic Partnership"
      ])
  }

  @Test func aNameInCapitalsIsWrittenInOrdinaryCase() throws {
    let lowerCase = try #require(Fixtures.projectTaxonomy().partnershipNames).lowerCaseWords
    #expect(
      PartnershipNameRecognizer.ordinaryCase("HARBURY AND DISTRICT TOGETHER", lowerCase: lowerCase)
        == "Harbury and District Together")
    #expect(
      PartnershipNameRecognizer.ordinaryCase("Be Harbury", lowerCase: lowerCase) == "Be Harbury")
    // The words kept in lower case are the taxonomy's.
    #expect(
      PartnershipNameRecognizer.ordinaryCase("HARBURY AND DISTRICT TOGETHER", lowerCase: [])
        == "Harbury And District Together")
  }

  // Partnerships that brand themselves with a place and a brand word, described nowhere.
  @Test(arguments: [
    (
      "Notes\n\nThe partnership board met in May. Carrowfield Together agreed its plan with Carrowfield Borough Council.",
      "Carrowfield Together"
    ),
    (
      "Notes\n\nThe partnership board met in May. One Ashmoor agreed its plan with the police in Ashmoor.",
      "One Ashmoor"
    ),
    (
      "Notes\n\nThe partnership board met in May. Dunmere First agreed its plan with Dunmere College.",
      "Dunmere First"
    ),
    // A place of two words.
    (
      "Notes\n\nThe partnership board met in May. Stannick Wold Together agreed its plan with the college in Upper Stannick.",
      "Stannick Wold Together"
    ),
  ])
  func brandsMadeOfAPlaceAndABrandWord(text: String, name: String) throws {
    #expect(try names(text) == [name])
  }

  @Test(arguments: [
    // A heading, not a brand: "Moving" is used as a name nowhere else.
    "Notes\n\nThe partnership board met in May. Moving Forward is the title of its plan.",
    // No partnership in the text.
    "Notes\n\nCarrowfield Together held a fun day with Carrowfield Borough Council.",
    // Plurals are common nouns: a church body and a strategy's title.
    "Notes\n\nThe partnership board met in May. Revd Alan Pryce of Skelby Churches Together spoke for the faith groups of Skelby.",
    "Notes\n\nThe partnership board met in May. Its strategy is Skelby 2026: Towns and Villages Working Together, in the Villages of Skelby.",
  ])
  func aBrandWordWithoutAPlaceOrAPartnershipIsNotABrand(text: String) throws {
    #expect(try names(text).isEmpty)
  }

  @Test func aHeadFollowedByAnotherBodysWordIsThatBodysName() throws {
    #expect(try names("Notes\n\nThe Merrowshire LSP Network met in May.").isEmpty)
  }

  @Test func aNameFirstPrintedInCapitalsKeepsItsFullFormOverAShortOne() throws {
    let found = try mentions(
      "EASTHOLME LOCAL STRATEGIC PARTNERSHIP\n\nProgress report\n\nThe Eastholme LSP met in May.")
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Eastholme Local Strategic Partnership", "Eastholme Local Strategic Partnership",
      ])
  }

  @Test func aNameInCapitalsGivesWayToItsOwnWordsNotToAnotherFormOfTheName() throws {
    // The heading's "THORNLEY LSP" and the footer's "Thornley Partnership" are one partnership,
    // but the value stays the name the document gives first.
    let found = try mentions(
      "Minutes\n\nTHORNLEY LSP\n\nTrust between partners is strong.\n\n© Thornley Partnership 2008"
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Thornley LSP")
    // The same words in ordinary case replace the capitals, and a fuller form does too.
    let same = try mentions(
      "Minutes\n\nTHORNLEY LSP\n\nThe Thornley LSP met in May. Trust between partners is strong.")
    #expect(same.first { $0.code == "success_factor.trust" }?.partnership == "Thornley LSP")
  }

  @Test func aBrandBeforeAndIsANameOfItsOwn() throws {
    let found = try mentions(
      "Notes\n\nFunding was held back in two cases, One Stallbury and Fordham LSP, until plans were agreed. Hexton Together and Fordham LSP were both rated red."
    )
    // The LSP's name does not take in the brand before "and": written inside the sentence, the
    // brand is a name of its own ("Hexton Together", opening its sentence, needs more: see the
    // brand tests above).
    let named = found.filter { $0.code == "partnership.named" }
    #expect(named.map(\.match) == ["One Stallbury", "Fordham LSP", "Fordham LSP"])
    #expect(named.map(\.partnership) == ["One Stallbury", "Fordham LSP", "Fordham LSP"])
    // Places joined by "and" still make one name.
    let joined = try mentions("Notes\n\nThe Castlemoor and Whitsand LSP met in May.")
    #expect(
      joined.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Castlemoor and Whitsand LSP"
      ])
  }

  @Test func aBrandsPartnershipBoardIsNamedByTheBrand() throws {
    let found = try mentions(
      "Notes\n\nReport to the Harbury First Partnership Board, 5 March 2009.\n\nTrust between partners is strong."
    )
    #expect(found.first { $0.code == "success_factor.trust" }?.partnership == "Harbury First")
    // A place's "and District Partnership Board" is a name in its own right.
    let named = try mentions(
      "Notes\n\nThe Eskdale and District Partnership Board met in May. Trust between partners is strong."
    )
    #expect(
      named.first { $0.code == "success_factor.trust" }?.partnership
        == "Eskdale and District Partnership Board")
  }

  @Test func aMenuRowAtTheTopDoesNotEndTheSearchForTheTitlesPartnership() throws {
    let page = """
      NOTES FROM THE FELLS

      Home | About me | Surgeries | Contact | Archive

      Tuesday, 14 September 2010

      Harbury Local Strategic Partnership: ten years on and what is it for

      What I saw

      Trust between partners is weak.
      """
    let found = try mentions(page)
    #expect(
      found.first { $0.code == "success_factor.trust" }?.partnership
        == "Harbury Local Strategic Partnership")
  }

  @Test func aLettersSubjectLineNamesItsSubjectNotTheLetterhead() throws {
    let letter = """
      NORTHERN FELLS IMPROVEMENT PARTNERSHIP
      Unit 2, Mill Yard, Kettleby

      4 May 2010

      Councillor Ann Boyd
      Chair, Wessington Local Strategic Partnership

      Dear Councillor Boyd

      Wessington Local Strategic Partnership: review of governance, April 2010

      Thank you for inviting us to review the partnership.

      Our findings

      Trust between partners is strong.
      """
    let found = try mentions(letter)
    #expect(
      found.first { $0.code == "success_factor.trust" }?.partnership
        == "Wessington Local Strategic Partnership")
    // A subject line that names no partnership leaves the addressee's, named nearest above the
    // salutation, not the sender's letterhead.
    let unnamed = try mentions(
      letter.replacing("Wessington Local Strategic Partnership: review", with: "Review"))
    #expect(
      unnamed.first { $0.code == "success_factor.trust" }?.partnership
        == "Wessington Local Strategic Partnership")
  }

  @Test func anEmailsAddressLinesArePassedOverOnTheWayToItsSubject() throws {
    let found = try mentions(
      "From: Jane Marsh\n\nTo: Board members\n\nSubject: Harbury Local Strategic Partnership budget\n\n1. Summary\n\nTrust between partners is strong."
    )
    #expect(
      found.first { $0.code == "success_factor.trust" }?.partnership
        == "Harbury Local Strategic Partnership")
  }
}
