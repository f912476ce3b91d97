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

  @Test func laterShortFormsResolveToTheFullNameFirstGiven() throws {
    let found = try mentions(
      "Notes\n\nThe Kelbrook Local Strategic Partnership met. Later the Kelbrook LSP agreed its budget."
    )
    #expect(
      found.filter { $0.code == "partnership.named" }.map(\.partnership) == [
        "Kelbrook Local Strategic Partnership", "Kelbrook Local Strategic Partnership",
      ])
  }

  @Test(arguments: [
    "The Community Safety Partnership met.", "The Kelbrook Community Safety Partnership met.",
    "The Local Strategic Partnership met.",
    "Community Planning Partnerships have a statutory duty.",
  ])
  func genericAndThematicBodiesAreNotNamed(sentence: String) throws {
    #expect(!(try mentions("Notes\n\n" + sentence)).contains { $0.code == "partnership.named" })
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

  @Test func aDocumentWithoutNamesAttributesNothing() throws {
    let found = try mentions("Notes\n\nTrust between partners is high.")
    #expect(found.first?.partnership == nil)
  }
}
