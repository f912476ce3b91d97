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

  /// The same rule in a small taxonomy of our own, and what `explain` says of a dropped phrase.
  @Test func explainNamesTheMissingCompanion() throws {
    let taxonomy = try Taxonomy.parse(
      """
      name: x
      version: '1'
      categories:
        places:
          codes:
            area:
              phrases: [{text: covers, with: [bodies.police]}]
        bodies:
          codes:
            police:
              phrases: [police]
      """, file: "t.yml", sha256: "0")
    #expect(
      try tag("Notes\n\nThe police covers two towns.", with: taxonomy).map(\.code).contains(
        "places.area"))
    #expect(
      !(try tag("Notes\n\nThe report covers two towns.", with: taxonomy).map(\.code).contains(
        "places.area")))
    let document = DecodedDocument(
      text: "The report covers two towns.", format: .plainText, encoding: "UTF-8")
    let segmented = try ICUSegmenter().segment(PlainTextExtractor().extractText(from: document))
    let explanation = TaxonomyTagger(taxonomy: taxonomy).explanation(of: segmented)
    #expect(
      explanation.contains(
        "no companion: 'covers' (places.area) needs bodies.police in its clause (with)"),
      "\(explanation)")
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
    let document = DecodedDocument(
      text: "The campaign targets young drivers.", format: .plainText, encoding: "UTF-8")
    let segmented = try ICUSegmenter().segment(PlainTextExtractor().extractText(from: document))
    let explanation = TaxonomyTagger(taxonomy: try Fixtures.projectTaxonomy()).explanation(
      of: segmented)
    #expect(
      explanation.contains(
        "blocked: 'targets' (delivery.performance_management): 'campaign' stands in its clause (without)"
      ), "\(explanation)")
  }
}
