import Foundation
import Testing

/// `lspminer stream`: the same documents and evidence `run` writes, line for line, in input
/// order whatever `--jobs` is; bad input becomes error lines and never fails the stream.
@Suite struct StreamTests {
  let cli = CommandLineTests()

  /// The stream's lines split by kind: document lines and error lines with their schema taken
  /// off (as documents.jsonl and errors.jsonl hold them), evidence lines by doc_id.
  private func split(_ stdout: String) throws -> (
    documents: [String], errors: [String], evidence: [String: String]
  ) {
    var documents: [String] = []
    var errors: [String] = []
    var evidence: [String: String] = [:]
    for line in stdout.split(separator: "\n", omittingEmptySubsequences: true) {
      let text = String(line)
      if text.hasPrefix(#"{"schema":"lspminer.document/1","#) {
        documents.append("{" + text.dropFirst(#"{"schema":"lspminer.document/1","#.count) + "\n")
      } else if text.hasPrefix(#"{"schema":"lspminer.error/1","#) {
        errors.append("{" + text.dropFirst(#"{"schema":"lspminer.error/1","#.count) + "\n")
      } else {
        #expect(text.hasPrefix(#"{"schema":"lspminer.evidence/1","#), "\(text)")
        let object = try #require(
          try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let docID = try #require(object["doc_id"] as? String)
        evidence[docID, default: ""] += text + "\n"
      }
    }
    return (documents, errors, evidence)
  }

  private func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { $0 + "\n" }
  }

  @Test func streamGivesWhatRunWritesForFilesAndArchivesWhateverTheJobs() throws {
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let corpus = CommandLineTests.repositoryRoot + "/corpus/findings"
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus) {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + name, toPath: folder + "/docs/" + name)
    }
    let archives = CommandLineTests.repositoryRoot + "/Tests/TextMiningTests/Fixtures/archives/"
    for name in ["crawl.warc.gz", "nested.zip", "damaged.zip"] {
      try FileManager.default.copyItem(atPath: archives + name, toPath: folder + "/docs/" + name)
    }
    _ = try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/docs").sorted()
    let input = names.map { "docs/" + $0 }.joined(separator: "\n") + "\n"
    let one = try cli.lspminer(
      ["stream", "--pipeline", "p.yml", "--root", "docs", "--documents"], in: folder, input: input)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stderr.contains("damaged.zip: the archive is damaged"))
    let three = try cli.lspminer(
      ["stream", "--pipeline", "p.yml", "--root", "docs", "--documents", "--jobs", "3"],
      in: folder, input: input)
    #expect(three.stdout == one.stdout)

    let output = folder + "/out/test-run"
    let (documents, errors, evidence) = try split(one.stdout)
    #expect(documents.sorted() == (try lines(output + "/documents.jsonl")).sorted())
    #expect(errors.sorted() == (try lines(output + "/errors.jsonl")).sorted())
    #expect(!errors.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: output + "/evidence")
    #expect(Set(evidence.keys).isSubset(of: files.map { String($0.dropLast(".jsonl".count)) }))
    for file in files {
      let written = try String(contentsOfFile: output + "/evidence/" + file, encoding: .utf8)
      #expect(evidence[String(file.dropLast(".jsonl".count)), default: ""] == written, "\(file)")
    }
    // Without --documents: evidence and error lines only.
    let plain = try cli.lspminer(
      ["stream", "--pipeline", "p.yml", "--root", "docs"], in: folder, input: input)
    #expect(!plain.stdout.contains("lspminer.document/1"))
    #expect(plain.stdout.contains("lspminer.error/1"))
  }

  @Test func textAndHTMLObjectsAreDocumentsAndBadLinesAreErrorLines() throws {
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = """
      {"source": "note-1", "text": "There is mutual trust between partners."}
      {"source": "page-1", "html": "<html><body><p>Partners distrust each other.</p></body></html>"}
      {"source": "both", "text": "a", "html": "b"}
      {"text": "no source"}
      not/a/file.txt
      {"source": "cut
      """
    let outcome = try cli.lspminer(["stream", "--pipeline", "p.yml"], in: folder, input: input)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 6, "\(lines)")
    #expect(lines[0].contains(#""source":"note-1""#) && lines[0].contains("success_factor.trust"))
    #expect(
      lines[1].contains(#""source":"page-1""#) && lines[1].contains(#""polarity":"negative""#))
    #expect(lines[2].hasPrefix(#"{"schema":"lspminer.error/1","source":"both""#))
    #expect(lines[3].contains(#""source":"<input line 4>""#))
    #expect(lines[4].hasPrefix(#"{"schema":"lspminer.error/1","source":"not/a/file.txt""#))
    #expect(lines[5].contains("input line 6 is not a JSON object"))
    #expect(outcome.stderr.contains("lspminer: not/a/file.txt: "))
    // A configuration error stops it before any input is read: exit 2.
    let bad = try cli.lspminer(["stream", "--pipeline", "missing.yml"], in: folder, input: input)
    #expect(bad.status == 2)
    #expect(bad.stdout.isEmpty)
  }
}
