import Testing

@testable import TextMining

@Suite struct TokenNormalizerTests {
  @Test(arguments: [
    ("LSPs", "lsp"), ("Partnerships", "partnership"), ("boundaries", "boundary"), ("partner’s", "partner"),
    ("partner's", "partner"), ("processes", "process"), ("status", "status"), ("business", "business"),
    ("VCS", "vcs"), ("analysis", "analysis"), ("Trust", "trust"), ("Organizations", "organisation"),
    ("organization", "organisation"), ("mobilized", "mobilised"), ("neighborhood", "neighbourhood"),
    ("Neighborhoods", "neighbourhood"), ("centers", "centre"), ("size", "size"),
  ])
  func folds(token: String, expected: String) {
    #expect(TokenNormalizer.normalize(token) == expected)
  }
}
