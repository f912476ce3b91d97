import Testing

@testable import TextMining

/// Ways reports name two success factors, the partnership's footing and the bodies of the LSP
/// family without the codebook's own words: a long record of working together, a body with no
/// powers of its own, two organisations covering the same area, a theme partnership, the CDRP.
/// Each sentence is our own.
@Suite struct EstablishedPhrasesTests {
  private func codes(_ sentence: String) throws -> Set<String> {
    try projectCodes(inSentence: sentence)
  }

  @Test(arguments: [
    (
      "Marlow Vale has a long tradition of its agencies working together.",
      "success_factor.tradition_of_cooperation"
    ),
    (
      "The town has a long record of joint working on community safety.",
      "success_factor.tradition_of_cooperation"
    ),
    (
      "Their history of working together made the first year easier.",
      "success_factor.tradition_of_cooperation"
    ),
    ("The board has no powers of its own and cannot direct any partner.", "governance.status"),
    ("The partnership is not a legal entity.", "governance.status"),
    ("Its statutory basis was never settled.", "governance.status"),
    (
      "The police division covers the same area as the borough.",
      "success_factor.boundary_alignment"
    ),
    (
      "Partners said the mismatch made joint planning slow.",
      "success_factor.boundary_alignment"
    ),
    (
      "The health trust covers a wider area than the borough.",
      "success_factor.boundary_alignment"
    ),
    ("Structural reform alone will not be enough.", "governance.structures"),
    ("The last plan's promises came to nothing.", "delivery.outcomes"),
    ("Each theme partnership reports to the board twice a year.", "partnership.equivalent"),
    ("The CDRP is chaired by the area commander.", "partnership.equivalent"),
    ("The borough's crime and disorder partnership meets monthly.", "partnership.equivalent"),
  ])
  func aPhraseOfTheCodeFindsIt(sentence: String, code: String) throws {
    let found = try codes(sentence)
    #expect(found.contains(code), "\(found)")
  }
}
