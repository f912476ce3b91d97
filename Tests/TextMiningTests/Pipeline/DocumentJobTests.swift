import Foundation
import Testing

@testable import TextMining

/// A source is hashed when it is listed and read again when it is processed: the second read's
/// stamp (file, size, modification and change times) stands in for a second hash, and a file
/// that changed in between is still refused.
@Suite struct DocumentJobTests {
  // A file written a moment ago is "racy" for two seconds; these tests trust stamps at once.
  private let reader = SourceReader(maxFileBytes: 1 << 20, racyNanoseconds: 0)

  private func context(_ folder: TemporaryFolder) throws -> DocumentJob.Context {
    let taxonomy = try Fixtures.fiveCodeTaxonomy()
    let store = OutputStore(folder: folder.path + "/out")
    try store.prepare()
    return DocumentJob.Context(
      previous: [:], firstSource: [:], reader: reader,
      processor: DocumentProcessor(
        decoder: CharsetDecoder(), extractor: FormatDispatchingExtractor(),
        segmenter: ICUSegmenter(), tagger: TaxonomyTagger(taxonomy: taxonomy),
        taxonomy: taxonomy, pipelineName: "t", limits: ProcessingLimits()),
      store: store)
  }

  @Test func anUnchangedFileIsProcessed() throws {
    let folder = try TemporaryFolder()
    try folder.write("a.txt", "Notes\n\nTrust between partners is strong.\n")
    let file = SourceFile(source: "a.txt", path: folder.path + "/a.txt")
    let item = DocumentJob.identify(file, reader: reader)
    #expect(item.stamp != nil)
    let outcome = DocumentJob.outcome(for: item, context: try context(folder))
    #expect(outcome.failure == nil)
    #expect(outcome.record.status == .ok)
    #expect(outcome.record.docID == item.docID)
  }

  @Test func aFileRewrittenAfterItWasHashedIsRefused() throws {
    let folder = try TemporaryFolder()
    try folder.write("a.txt", "Notes\n\nTrust between partners is strong.\n")
    let file = SourceFile(source: "a.txt", path: folder.path + "/a.txt")
    let item = DocumentJob.identify(file, reader: reader)
    // The same size, other bytes, a moment later: the stamp's times differ, so the bytes are
    // hashed again and do not match the listed hash.
    Thread.sleep(forTimeInterval: 0.05)
    let handle = try #require(FileHandle(forWritingAtPath: folder.path + "/a.txt"))
    try handle.write(contentsOf: Array("Notes\n\nTrust between partners is weaker.\n".utf8))
    try handle.close()
    let outcome = DocumentJob.outcome(for: item, context: try context(folder))
    #expect(outcome.failure?.reason == "file changed while the run was reading it")
  }

  @Test func aFileChangedInTheLastTwoSecondsHasNoStamp() throws {
    // Its next change may fall in the same tick of a coarse clock: it is hashed again instead.
    let folder = try TemporaryFolder()
    try folder.write("a.txt", "Notes\n\nTrust between partners is strong.\n")
    let file = SourceFile(source: "a.txt", path: folder.path + "/a.txt")
    let (_, stamp) = try SourceReader(maxFileBytes: 1 << 20).readStamped(file)
    #expect(stamp == nil)
    let (_, trusted) = try reader.readStamped(file)
    #expect(trusted != nil)
  }
}
