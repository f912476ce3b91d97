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
  ])
  func organisationsCalledTrustAreNotTrust(sentence: String) throws {
    #expect(!(try codes(sentence)).contains("success_factor.trust"))
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

  @Test func aCouncilForVoluntaryServiceIsTheVoluntarySectorOnly() throws {
    #expect(try codes("The Council for Voluntary Service met.") == ["sector.voluntary_community"])
  }
}
