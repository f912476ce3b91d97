import Testing

@testable import TextMining

@Suite struct TaxonomyLoadingTests {
  private func load(_ yaml: String) throws(ConfigurationError) -> Taxonomy {
    try Taxonomy.parse(yaml, file: "t.yml", sha256: "0")
  }

  @Test func loadsTheFixtureWithItsHash() throws {
    let taxonomy = try Fixtures.fiveCodeTaxonomy()
    #expect(taxonomy.name == "five-codes")
    #expect(taxonomy.version == "0.1")
    #expect(
      taxonomy.codes.map(\.code.rawValue) == [
        "partnership.lsp", "success_factor.trust", "success_factor.tradition_of_cooperation",
        "sector.public",
        "circle.break_out",
      ])
    #expect(taxonomy.sha256.count == 64)
  }

  /// A '#' inside a word is punctuation, not the number token (it once recursed forever).
  @Test func aHashInsideAWordIsPunctuation() throws {
    let taxonomy = try load(
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [oth#er, '# members']\n"
    )
    #expect(taxonomy.codes.first?.phrases.count == 2)
  }

  @Test func theProjectTaxonomyCoversTheRequiredCategories() throws {
    let categories = try Fixtures.projectTaxonomy().categories.map(\.name)
    for required in ["partnership", "success_factor", "circle"] {
      #expect(categories.contains(required))
    }
  }

  @Test(arguments: [
    (
      "name: x\nversion: '1'\ncategoriez: {}\n",
      "t.yml:3:1: unknown key 'categoriez' in the taxonomy"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [trust, {text: x, polarity: bad}]\n",
      "t.yml:7:46: unknown polarity 'bad'"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [trust]\n      c:\n        phrases: [Trusts]\n",
      "t.yml:9:19: phrase 'Trusts' of a.c matches the same words as 'trust' of a.b"
    ),
    (
      "name: x\nversion: '1'\ncategories:\n  Bad-Name:\n    codes: {}\n",
      "t.yml:4:3: category name 'Bad-Name'"
    ),
    ("name: [x\n", "t.yml:2:1: invalid YAML"),
    (
      "name: x\nversion: '1'\ncategories:\n  a:\n    codes:\n      b:\n        phrases: [a-b-c-d-e-f-g-h]\n",
      "t.yml:7:19: phrase 'a-b-c-d-e-f-g-h' has 7 hyphens; at most 6"
    ),
    ("version: '1'\ncategories: {}\n", "t.yml:1:1: the taxonomy has no 'name'"),
  ])
  func reportsProblemsWithFileLineAndColumn(yaml: String, expected: String) {
    #expect {
      try load(yaml)
    } throws: { error in
      "\(error)".hasPrefix(expected)
    }
  }
}
