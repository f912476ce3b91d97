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
    #expect(definition.sources == ["/nowhere/corpus"])
    #expect(BuiltInPipeline.lexicallyResolved("a/./b/../../c/..") == "")
    #expect(BuiltInPipeline.lexicallyResolved("../x/../corpus") == "../corpus")
    #expect(definition.outputPath == "out/lsp-evaluation")
    let file = try Taxonomy.load(from: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml")
    #expect(taxonomy.sha256 == file.sha256)
    #expect(taxonomy.codes.map(\.code) == file.codes.map(\.code))
  }

  @Test func recordsFromAReadersCommentSayTheyAreAndTheStorysRecordsDoNot() throws {
    let processor = try Fixtures.projectProcessor()
    let story = (1...4).map {
      "<p>Story paragraph \($0): the Brayford Local Strategic Partnership agreed its community strategy.</p>"
    }
    .joined()
    let html = """
      <html><head><title>Strategy agreed</title></head><body><article><h1>Strategy agreed</h1>\(story)</article>
      <section class="comments"><h2>Comments (1)</h2><div class="comment"><p class="author">Brayford Bob</p>
      <p>Nobody from the partnership has ever consulted the residents of our estate.</p></div></section>
      </body></html>
      """
    let result = try processor.processed(Array(html.utf8), source: "news.html", format: .html)
    let fromComment = result.records.filter { $0.sentence.hasPrefix("Nobody from") }
    #expect(!fromComment.isEmpty)
    #expect(fromComment.allSatisfy { $0.isReaderComment })
    // A thread of comments starts a section: the story's partnership does not carry into it.
    #expect(fromComment.allSatisfy { $0.partnership == nil })
    let fromStory = result.records.filter { $0.sentence.hasPrefix("Story paragraph") }
    #expect(!fromStory.isEmpty)
    #expect(!fromStory.contains { $0.isReaderComment })
  }
}
