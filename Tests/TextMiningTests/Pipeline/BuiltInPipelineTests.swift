import Foundation
import Testing

@testable import TextMining

@Suite struct BuiltInPipelineTests {
  @Test func theEmbeddedCopiesAreThePipelineFiles() throws {
    // Scripts/embed-defaults.sh makes them; this fails while they differ.
    let pipeline = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml", encoding: .utf8)
    let taxonomy = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml", encoding: .utf8)
    #expect(BuiltInPipeline.pipeline == pipeline, "run Scripts/embed-defaults.sh")
    #expect(BuiltInPipeline.taxonomy == taxonomy, "run Scripts/embed-defaults.sh")
  }

  @Test func theBuiltInPipelineIsPlacedInTheGivenFolderAndTagsAsTheFileDoes() throws {
    let (definition, taxonomy) = try BuiltInPipeline.load(placedIn: "/nowhere")
    #expect(definition.isBuiltIn)
    #expect(definition.sources == ["/nowhere/pipelines/../corpus"])
    #expect(definition.outputPath == "out/lsp-evaluation")
    let file = try Taxonomy.load(from: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml")
    #expect(taxonomy.sha256 == file.sha256)
    #expect(taxonomy.codes.map(\.code) == file.codes.map(\.code))
  }
}
