import Testing

@testable import TextMining

@Suite struct PipelineDefinitionTests {
  @Test func loadsTheDefaultPipeline() throws {
    let definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    #expect(definition.name == "lsp-evaluation")
    #expect(definition.sources == [Fixtures.repositoryRoot + "/pipelines/../corpus"])
    #expect(definition.include.map(\.pattern) == PipelineDefinition.defaultInclude)
    #expect(definition.readsExtensionless)
    #expect(definition.outputPath == "out/lsp-evaluation")
    #expect(definition.taxonomyPath.hasSuffix("pipelines/lsp-codebook.yml"))
  }

  @Test func resolvesPathsAgainstThePipelineFolderAndAppliesDefaults() throws {
    let folder = try TemporaryFolder()
    try folder.write("docs/a.txt", "x")
    try folder.write("t.yml", "x")
    let definition = try PipelineDefinition.parse(
      "name: p\nsources: docs\ntaxonomy: t.yml\n", file: folder.path + "/p.yml")
    #expect(definition.sources == [folder.path + "/docs"])
    #expect(definition.maxFileBytes == PipelineDefinition.defaultMaxFileBytes)
    #expect(definition.include.map(\.pattern) == PipelineDefinition.defaultInclude)
    #expect(definition.keepsMainContentOnly)
    let whole = try PipelineDefinition.parse(
      "name: p\nsources: docs\ntaxonomy: t.yml\nextract: {main_content: false, keep_furniture: true}\n",
      file: folder.path + "/p.yml")
    #expect(!whole.keepsMainContentOnly)
    #expect(whole.keepsFurniture)
  }

  @Test(arguments: [
    (
      "name: p\nsources: [docs]\ntaxonomy: t.yml\nouptut: x\n",
      "p.yml:4:1: unknown key 'ouptut' in the pipeline"
    ),
    ("name: p\nsources:\n  - docs\n  - missing\ntaxonomy: t.yml\n", "p.yml:4:5: source folder"),
    ("name: p\nsources: [docs]\ntaxonomy: nope.yml\n", "p.yml:3:11: taxonomy file"),
    (
      "name: p\nsources: [docs]\ntaxonomy: t.yml\ninclude: ['**/*.{htm']\n",
      "p.yml:4:17: bad pattern: unclosed '{'"
    ),
    (
      "name: p\nsources: [docs]\ntaxonomy: t.yml\nlimits: {max_file_bytes: -4}\n",
      "p.yml:4:26: 'max_file_bytes' must be a positive"
    ),
    ("name: a b\nsources: [docs]\ntaxonomy: t.yml\n", "p.yml:1:7: pipeline name 'a b'"),
    ("sources: [docs]\ntaxonomy: t.yml\n", "p.yml:1:1: the pipeline has no 'name'"),
  ])
  func reportsProblemsWithFileLineAndColumn(yaml: String, expected: String) throws {
    let folder = try TemporaryFolder()
    try folder.write("docs/a.txt", "x")
    try folder.write("t.yml", "x")
    #expect {
      try PipelineDefinition.parse(yaml, file: folder.path + "/p.yml")
    } throws: { error in
      "\(error)".hasPrefix(folder.path + "/" + expected)
    }
  }

  @Test func reportsAMissingPipelineFile() {
    #expect(throws: ConfigurationError(file: "nope.yml", message: "pipeline file does not exist")) {
      try PipelineDefinition.load(from: "nope.yml")
    }
  }

  @Test func linksOutOfTheSourcesAreFollowedOnlyWhenThePipelineSaysSo() throws {
    let folder = try TemporaryFolder()
    try folder.write("docs/a.txt", "x")
    try folder.write("t.yml", "x")
    let base = "name: p\nsources: docs\ntaxonomy: t.yml\n"
    #expect(try !PipelineDefinition.parse(base, file: folder.path + "/p.yml").followsLinksOutside)
    let allowing = try PipelineDefinition.parse(
      base + "discover: {follow_links_outside: true}\n", file: folder.path + "/p.yml")
    #expect(allowing.followsLinksOutside)
    #expect(throws: ConfigurationError.self) {
      try PipelineDefinition.parse(
        base + "discover: {follow_links: true}\n", file: folder.path + "/p.yml")
    }
  }
}
