import Testing

@testable import TextMining

@Suite struct TaxonomyTaggerTests {
  @Test(arguments: [
    "a tradition of co-operation", "a tradition of cooperation", "a tradition of co operation",
    "a Tradition of\nco-operation", "a TRADITION OF CO‑OPERATION", "a tradition of co-\noperation",
  ])
  func matchesSpellingHyphenCaseAndLineVariants(text: String) throws {
    let found = try tag("Header\n\nThere is " + text + " here.", with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.code) == ["success_factor.tradition_of_cooperation"])
  }

  @Test func matchesPluralsAndPossessives() throws {
    let found = try tag(
      "Header\n\nThe LSPs’ work and local strategic partnerships.",
      with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.match) == ["LSPs", "local strategic partnerships"])
  }

  @Test func longestMatchWinsSoPrimaryCareTrustIsNotTrust() throws {
    let found = try tag(
      "Header\n\nThe Primary Care Trust and the police built trust.",
      with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.code) == ["sector.public", "sector.public", "success_factor.trust"])
    #expect(found.map(\.match) == ["Primary Care Trust", "police", "trust"])
  }

  @Test func aPhraseInsideALongerPhraseIsNotCodedAgain() throws {
    let found = try tag(
      "Header\n\nThey may break out of the vicious circle.", with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.code) == ["circle.break_out"])
    #expect(found.first?.polarity == .positive)
  }

  @Test func carriesThePhrasesOwnPolarity() throws {
    let found = try tag(
      "Header\n\nThere was mistrust but also trust.", with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.polarity) == [.negative, .neutral])
  }

  @Test func doesNotMatchAcrossPunctuation() throws {
    let found = try tag(
      "Header\n\nA local, strategic partnership.", with: Fixtures.fiveCodeTaxonomy())
    #expect(found.isEmpty)
  }

  @Test func matchesAWordHyphenatedAcrossALine() throws {
    let found = try tag(
      "Header\n\nWe value the local strategic partner-\nships here.",
      with: Fixtures.fiveCodeTaxonomy())
    #expect(found.map(\.match) == ["local strategic partnerships"])
  }

  @Test func theProjectTaxonomyCodesTheCodebookExamples() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    let found = try tag(
      "Header\n\nThe LSP board agreed LAA targets, an NRF allocation and a VCS seat; non-coterminous boundaries hurt.",
      with: taxonomy)
    #expect(
      found.map(\.code) == [
        "partnership.lsp", "policy.laa", "delivery.performance_management",
        "policy.neighbourhood_renewal",
        "delivery.resources", "sector.voluntary_community", "governance.representation",
        "success_factor.boundary_alignment",
      ])
    #expect(found.last?.polarity == .negative)
  }

  @Test func aHashInAPhraseStandsForAnyNumber() throws {
    let found = try tag(
      "Header\n\nThe board has 22 members and two seats for the VCS.",
      with: Fixtures.projectTaxonomy())
    #expect(found.first?.code == "governance.representation")
    #expect(found.first?.match == "22 members")
  }
}
