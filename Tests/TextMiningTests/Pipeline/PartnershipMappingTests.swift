import Testing

@testable import TextMining

/// The pipeline's `partnerships:` block: aliases the analyst gives, and sources mapped to the
/// partnership they are about, standing as the document's subject.
@Suite struct PartnershipMappingTests {
  private func records(
    _ text: String, source: String, partnerships: String
  ) throws -> [EvidenceRecord] {
    let folder = try TemporaryFolder()
    try folder.write("docs/a.txt", "x")
    let definition = try PipelineDefinition.parse(
      "name: p\nsources: docs\ntaxonomy: t.yml\npartnerships:\n" + partnerships,
      file: folder.path + "/p.yml", checksPaths: false)
    let processor = DocumentProcessor.standard(
      definition: definition, taxonomy: try Fixtures.projectTaxonomy())
    guard
      case .success(let result) = processor.process(
        Array(text.utf8), source: source, docID: "d", format: .plainText)
    else {
      Issue.record("processing failed")
      return []
    }
    return result.records
  }

  private let mapping = """
      aliases:
        Oakbury Local Strategic Partnership: [OLSP, Oakbury Together]
      sources:
        "oakbury/**": Oakbury Local Strategic Partnership
        "elsewhere/**": Fenbury Partnership

    """

  @Test func aMappedSourceGivesTheSubjectWhereTheTextNamesNone() throws {
    let found = try records(
      "Board minutes\n\nTrust between partners has grown.", source: "oakbury/minutes.txt",
      partnerships: mapping)
    #expect(
      found.first { $0.code.rawValue == "success_factor.trust" }?.partnership
        == "Oakbury Local Strategic Partnership")
    let unmapped = try records(
      "Board minutes\n\nTrust between partners has grown.", source: "other/minutes.txt",
      partnerships: mapping)
    #expect(unmapped.first { $0.code.rawValue == "success_factor.trust" }?.partnership == nil)
  }

  @Test func aNameInTheTextStillWinsOverTheMapping() throws {
    let found = try records(
      "Notes\n\nThe Kelbury Local Strategic Partnership has strong leadership.",
      source: "oakbury/notes.txt", partnerships: mapping)
    #expect(
      found.first { $0.code.rawValue == "success_factor.leadership" }?.partnership
        == "Kelbury Local Strategic Partnership")
  }

  @Test func aliasesAreNamedMentionsOfTheirPartnership() throws {
    let found = try records(
      "Notes\n\nOakbury Together met in May. The OLSP agreed its budget.",
      source: "x/notes.txt", partnerships: mapping)
    let named = found.filter { $0.code.rawValue == "partnership.named" }
    #expect(named.count == 2)
    #expect(named.allSatisfy { $0.partnership == "Oakbury Local Strategic Partnership" })
    #expect(
      found.first { $0.code.rawValue == "delivery.resources" }?.partnership
        == "Oakbury Local Strategic Partnership")
  }

  @Test func aRecognisedNameThatIsAnAliasTakesThePartnershipsName() throws {
    let found = try records(
      "Notes\n\nThe OLSP Partnership met.", source: "x/notes.txt",
      partnerships: "  aliases:\n    Oakbury Local Strategic Partnership: [OLSP Partnership]\n")
    #expect(
      found.first { $0.code.rawValue == "partnership.named" }?.partnership
        == "Oakbury Local Strategic Partnership")
  }

  @Test(arguments: [
    ("  aliases: [a]\n", "p.yml:5:12: partnerships 'aliases' must be a mapping"),
    ("  sources:\n    \"[\": X\n", "p.yml:6:5: bad pattern"),
    ("  owners: {}\n", "p.yml:5:3: unknown key 'owners' in 'partnerships'"),
  ])
  func badBlocksAreReportedWhereTheyStand(block: String, message: String) throws {
    let error = #expect(throws: ConfigurationError.self) {
      try PipelineDefinition.parse(
        "name: p\nsources: docs\ntaxonomy: t.yml\npartnerships:\n" + block, file: "p.yml",
        checksPaths: false)
    }
    #expect(error?.description.hasPrefix(message) == true, "\(error?.description ?? "")")
  }
}
