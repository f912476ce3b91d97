import Foundation
import Testing
import TextMining

/// The pipeline's outputs on the bundled corpus and on the 181 web pages of the
/// article-extraction benchmark, checked against digests committed in `output-digests.txt`.
///
/// A change that should not alter any output (moving code, a speed-up) must leave these digests
/// alone. A change that alters output on purpose updates the file: `Scripts/output-digest.sh`
/// prints the new digests from a release build, in the same format.
@Suite struct OutputDigestTests {
  static let repositoryRoot = CommandLineTests.repositoryRoot

  /// The committed digests, by name ("corpus", "web").
  static func committedDigests() throws -> [String: String] {
    let text = try String(
      contentsOfFile: repositoryRoot + "/Tests/lspminerTests/output-digests.txt", encoding: .utf8)
    var digests: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ")
      if fields.count == 2 { digests[String(fields[0])] = String(fields[1]) }
    }
    return digests
  }

  /// The benchmark's web pages: `$LSPMINER_WEB_PAGES`, else the data folder beside the repository.
  static var webPages: String {
    ProcessInfo.processInfo.environment["LSPMINER_WEB_PAGES"]
      ?? repositoryRoot + "/../shared/data/article-extraction-benchmark/html"
  }

  /// Runs the project's pipeline over `sources` (its own when nil) into a new folder and returns
  /// the digest of documents.jsonl, evidence/ and text/: the SHA-256 of `sha256sum` lines
  /// ("HASH  PATH\n") sorted by path, as `Scripts/output-digest.sh` computes it.
  func outputDigest(sources: [String]?) async throws -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lspminer-digest-" + UUID().uuidString
    ).path
    defer { try? FileManager.default.removeItem(atPath: output) }
    var definition = try PipelineDefinition.load(
      from: Self.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    if let sources { definition.sources = sources }
    definition.outputPath = output
    let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
    let runner = PipelineRunner(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
      jobs: 2, isFull: true)
    _ = try await runner.run()
    var paths = ["documents.jsonl"]
    for folder in ["evidence", "text"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: output + "/" + folder) {
        paths.append(folder + "/" + name)
      }
    }
    paths.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    var listing = ""
    for path in paths {
      let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
      listing += ContentHash.hex(of: data) + "  " + path + "\n"
    }
    return ContentHash.hex(of: Array(listing.utf8))
  }

  @Test func corpusOutputsAreByteIdenticalToTheCommittedDigest() async throws {
    let digest = try await outputDigest(sources: nil)
    #expect(
      digest == (try Self.committedDigests()["corpus"]),
      "the bundled corpus's outputs changed (new digest \(digest)); if that is intended, update output-digests.txt"
    )
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: OutputDigestTests.webPages)))
  func webPageOutputsAreByteIdenticalToTheCommittedDigest() async throws {
    let digest = try await outputDigest(sources: [Self.webPages])
    #expect(
      digest == (try Self.committedDigests()["web"]),
      "the web pages' outputs changed (new digest \(digest)); if that is intended, update output-digests.txt"
    )
  }
}
