import Foundation
import Testing

@testable import TextMining

@Suite struct AtomicFileTests {
  @Test func replacesTheFileAndLeavesNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let path = folder.path + "/out.jsonl"
    try AtomicFile.write(Array("old\n".utf8), to: path)
    try AtomicFile.write(Array("new\n".utf8), to: path, durable: true)
    #expect(try folder.read("out.jsonl") == "new\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
  }

  @Test func namesThePathWhenTheFolderIsMissing() throws {
    let folder = try TemporaryFolder()
    #expect(throws: OutputError.self) {
      try AtomicFile.write([1], to: folder.path + "/missing/x.txt")
    }
  }

  @Test func removesStaleFilesButNothingElse() throws {
    let folder = try TemporaryFolder()
    let store = OutputStore(folder: folder.path + "/out")
    try store.prepare()
    let keep = String(repeating: "a", count: 64)
    let stale = String(repeating: "b", count: 64)
    for id in [keep, stale] { try store.writeDocument(docID: id, text: "x\n", records: []) }
    try folder.write("out/evidence/notes.jsonl", "mine")
    try folder.write("out/evidence/.x.jsonl.tmp-1-1", "half")
    #expect(store.removeStale(keeping: [keep]) == 2)
    try store.prepare()
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: store.evidenceFolder).sorted() == [
        keep + ".jsonl", "notes.jsonl",
      ])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: store.textFolder) == [keep + ".txt"])
  }
}
