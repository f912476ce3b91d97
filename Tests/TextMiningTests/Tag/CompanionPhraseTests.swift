import Testing

@testable import TextMining

/// A phrase written `with` companion codes codes only beside a mention of one of them in its
/// clause: a public body that covers or serves an area is boundary alignment, a report that
/// covers its subject is not. Each sentence is our own.
@Suite struct CompanionPhraseTests {
  private let boundary = "success_factor.boundary_alignment"

  @Test(arguments: [
    "The police division covers Marlow Vale and two neighbouring districts.",
    "Since the merger the primary care trust has covered the whole county.",
    "The borough is covered by two Jobcentre Plus districts.",
    "The hospital trust serves three other boroughs as well.",
    "A police division that straddled four districts found it hard to send anyone senior.",
  ])
  func aPublicBodysAreaIsBoundaryAlignment(sentence: String) throws {
    let found = try projectCodes(inSentence: sentence)
    #expect(found.contains(boundary), "\(found)")
  }

  @Test(arguments: [
    "The annual report covers all thirty indicators.",
    "Three sub-groups cover the economy, housing and health.",
    "The hall will serve tea after the meeting.",
    // The public body is in another clause: "but" ends the first.
    "The review covered the whole programme, but the police were not interviewed.",
  ])
  func withoutAPublicBodyInTheClauseItIsNot(sentence: String) throws {
    let found = try projectCodes(inSentence: sentence)
    #expect(!found.contains(boundary), "\(found)")
  }

  /// What `explain` says of one plain-text sentence under a taxonomy.
  private func explain(_ text: String, with taxonomy: Taxonomy) throws -> String {
    let document = DecodedDocument(text: text, format: .plainText, encoding: "UTF-8")
    let segmented = try ICUSegmenter().segment(PlainTextExtractor().extractText(from: document))
    return TaxonomyTagger(taxonomy: taxonomy).explanation(of: segmented)
  }

  /// A two-code taxonomy of our own: `places.area` and `bodies.police` with these phrase lists
  /// (as YAML flow sequences).
  private func twoCodes(area: String, police: String) throws -> Taxonomy {
    try Taxonomy.parse(
      """
      name: x
      version: '1'
      categories:
        places:
          codes:
            area:
              phrases: \(area)
        bodies:
          codes:
            police:
              phrases: \(police)
      """, file: "t.yml", sha256: "0")
  }

  /// The same rule in a small taxonomy of our own, and what `explain` says of a dropped phrase.
  /// "Effective" said of the partnership itself (a word no code phrase takes) is efficiency;
  /// said of something else in a clause without the partnership it is not.
  @Test func effectiveSaidOfThePartnershipItselfIsEfficiency() throws {
    #expect(
      try projectCodes(
        inSentence:
          "The partnership is effective at setting priorities but less so at delivering them."
      ).contains("delivery.efficiency"))
    #expect(
      !(try projectCodes(inSentence: "The new bus timetable has been effective.")).contains(
        "delivery.efficiency"))
  }

  @Test func explainNamesTheMissingCompanion() throws {
    let taxonomy = try twoCodes(
      area: "[{text: covers, with: [bodies.police]}]",
      police: "[police]")
    #expect(
      try tag("Notes\n\nThe police covers two towns.", with: taxonomy).map(\.code).contains(
        "places.area"))
    #expect(
      !(try tag("Notes\n\nThe report covers two towns.", with: taxonomy).map(\.code).contains(
        "places.area")))
    let explanation = try explain("The report covers two towns.", with: taxonomy)
    #expect(
      explanation.contains(
        "no companion: 'covers' (places.area) needs bodies.police in its clause (with)"),
      "\(explanation)")
  }

  /// Companions are taken only from phrases that need none: two phrases that each need the
  /// other both drop, even side by side, while a plain cue of the same code is a companion.
  @Test func phrasesThatNeedEachOtherAreNoCompanions() throws {
    let taxonomy = try twoCodes(
      area: "[{text: covers, with: [bodies.police]}]",
      police: "[{text: division, with: [places.area]}, constabulary]")
    let circular = try tag("Notes\n\nThe division covers two towns.", with: taxonomy).map(\.code)
    #expect(circular.isEmpty, "\(circular)")
    let plain = try tag("Notes\n\nThe constabulary covers two towns.", with: taxonomy).map(
      \.code)
    #expect(Set(plain) == ["places.area", "bodies.police"], "\(plain)")
    // A phrase that only gives way to another code (`yields_to`) needs nothing in its clause,
    // so it is a companion too.
    let yielding = try twoCodes(
      area: "[{text: covers, with: [bodies.police]}]",
      police: "[{text: constabulary, yields_to: [bodies.police]}]")
    let covered = try tag("Notes\n\nThe constabulary covers two towns.", with: yielding).map(
      \.code)
    #expect(Set(covered) == ["places.area", "bodies.police"], "\(covered)")
  }

  /// `lint` tries a `with` cue after a companion's cue that needs nothing itself, and says why
  /// a cue cannot fire when a blocking word of its own stands in the way.
  @Test func lintTriesAPlainCompanionAndNamesABlockingWord() throws {
    func warnings(area: String, police: String) throws -> [String] {
      let taxonomy = try twoCodes(area: area, police: police)
      return TaxonomyLint(
        taxonomy: taxonomy, tagger: TaxonomyTagger(taxonomy: taxonomy), segmenter: ICUSegmenter()
      ).taxonomyWarnings().map(\.message)
    }
    // "division" needs an area and "covers" a police body: lint tries "constabulary covers",
    // which fires, and leaves "division" untried (no plain cue of places.area).
    let circular = try warnings(
      area: "[{text: covers, with: [bodies.police]}]",
      police: "[{text: division, with: [places.area]}, constabulary]")
    #expect(circular.isEmpty, "\(circular)")
    // A cue blocked by its own companion's word can never fire.
    let blocked = try warnings(
      area: "[{text: covers, with: [bodies.police], without: [police]}]",
      police: "[police]")
    #expect(
      blocked == [
        "cue 'covers' of places.area never fires on its own words: a blocking word (without) stands in its clause"
      ], "\(blocked)")
  }

  /// A phrase written `without` blocking words codes only when none stands in its clause: a
  /// campaign's targets are its audience, not performance targets.
  @Test func aBlockingWordInTheClauseDropsThePhrase() throws {
    let performance = "delivery.performance_management"
    let campaign = try projectCodes(inSentence: "The summer campaign targets young drivers.")
    #expect(!campaign.contains(performance), "\(campaign)")
    let audience = try projectCodes(
      inSentence: "The targets of the campaign are the ward councillors.")
    #expect(!audience.contains(performance), "\(audience)")
    // In another clause the campaign does not block: "but" ends the first.
    let floor = try projectCodes(
      inSentence: "The campaign was a success, but the floor targets were missed.")
    #expect(floor.contains(performance), "\(floor)")
    let explanation = try explain(
      "The campaign targets young drivers.", with: try Fixtures.projectTaxonomy())
    #expect(
      explanation.contains(
        "blocked: 'targets' (delivery.performance_management): 'campaign' stands in its clause (without)"
      ), "\(explanation)")
  }

  /// A phrase written `with_words` codes only when one of those words stands in its clause
  /// outside the phrase; `explain` lists the words it needed, and `lint` tries the phrase with
  /// one of them.
  @Test func aCompanionWordInTheClauseKeepsThePhrase() throws {
    let taxonomy = try twoCodes(
      area: "[{text: ward, with_words: [boundary, map]}]", police: "[constabulary]")
    #expect(
      try tag("Notes\n\nThe ward boundary moved in 2004.", with: taxonomy).map(\.code) == [
        "places.area"
      ])
    #expect(try tag("Notes\n\nThe ward has a new library.", with: taxonomy).isEmpty)
    // In another clause the word does not help: the semicolon ends the first.
    #expect(
      try tag("Notes\n\nThe ward has a library; the map is old.", with: taxonomy).isEmpty)
    let explanation = try explain("The ward has a new library.", with: taxonomy)
    #expect(
      explanation.contains(
        "no companion: 'ward' (places.area) needs one of 'boundary', 'map' in its clause (with_words)"
      ), "\(explanation)")
    let warnings = TaxonomyLint(
      taxonomy: taxonomy, tagger: TaxonomyTagger(taxonomy: taxonomy), segmenter: ICUSegmenter()
    ).taxonomyWarnings()
    #expect(warnings.isEmpty, "\(warnings.map(\.message))")
    // A companion word is one word, and the list may not be empty.
    #expect(throws: ConfigurationError.self) {
      try twoCodes(area: "[{text: ward, with_words: [ward boundary]}]", police: "[police]")
    }
    #expect(throws: ConfigurationError.self) {
      try twoCodes(area: "[{text: ward, with_words: []}]", police: "[police]")
    }
    // A hyphenated word is several tokens to the tagger.
    #expect(throws: ConfigurationError.self) {
      try twoCodes(area: "[{text: ward, with_words: [part-time]}]", police: "[police]")
    }
    // Companion words are folded as the tagger folds tokens: case and plurals.
    let folded = try twoCodes(
      area: "[{text: ward, with_words: [Boundaries]}]", police: "[constabulary]")
    #expect(
      try tag("Notes\n\nThe ward boundary moved in 2004.", with: folded).map(\.code) == [
        "places.area"
      ])
  }

  /// A phrase written `yields_to` drops when a mention of one of those codes stands near it in
  /// its clause (within the context window): the verbs of money said with mainstream budgets
  /// are the mainstreaming phrase's.
  @Test func aPhraseGivesWayToAStrongerCodeInItsClause() throws {
    let taxonomy = try twoCodes(
      area: "[{text: patrol, yields_to: [bodies.police]}]", police: "[constabulary]")
    #expect(
      try tag("Notes\n\nThe constabulary will patrol the park.", with: taxonomy).map(\.code) == [
        "bodies.police"
      ])
    #expect(
      try tag("Notes\n\nWardens patrol the park.", with: taxonomy).map(\.code) == ["places.area"])
    let explanation = try explain("The constabulary will patrol the park.", with: taxonomy)
    #expect(
      explanation.contains(
        "gives way: 'patrol' (places.area) to bodies.police in its clause (yields_to)"),
      "\(explanation)")
    #expect(throws: ConfigurationError.self) {
      try twoCodes(area: "[{text: patrol, yields_to: [bodies.fire]}]", police: "[police]")
    }
    // In the project's taxonomy: money verbs beside mainstream budgets are mainstreaming only.
    for sentence in [
      "Partners should say which projects they will fund from their mainstream budgets.",
      "There is little change in how partners spend mainstream budgets.",
    ] {
      let found = try projectCodes(inSentence: sentence)
      #expect(
        found.contains("delivery.mainstreaming") && !found.contains("delivery.resources"),
        "\(sentence): \(found)")
    }
    #expect(
      try projectCodes(inSentence: "The council funded two youth workers for a year.").contains(
        "delivery.resources"))
    // Only near it: a money verb far from the mainstreaming in its clause keeps its code.
    #expect(
      try projectCodes(
        inSentence:
          "The NRF funded the two wardens for five long years until the council finally mainstreamed them."
      ).contains("delivery.resources"))
  }
}
