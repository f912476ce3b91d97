import Foundation
import Testing

/// Runs `lspminer run` over the gauntlet of hostile files that `Scripts/make-gauntlet.py` writes,
/// and checks each file's outcome against the script's `expected.tsv`, along with what must
/// hold for the whole run: no crash or hang, memory within its bound, every output line valid
/// JSON, output files named by hash, nothing read from outside the sources and nothing written
/// outside the output folder.
@Suite struct GauntletTests {
  /// The run's peak resident memory must stay under this (a debug build; the release build
  /// peaks at about half of it). Most of it is the one document with 300,000 records.
  static let memoryBoundKiB = 1_536 * 1024
  /// No document may take longer than this (the pipeline's `max_document_seconds`): generous,
  /// because the every-phrase document (303,000 records) takes 20 s in a debug build and several times
  /// that under AddressSanitizer.
  static let documentSeconds = 300
  /// The run must finish within this many seconds, whatever the files do.
  static let wallBoundSeconds = 600.0

  struct Expectation {
    var source: String
    var outcome: String
    var detail: String
  }

  static func expectations(in folder: String) throws -> [Expectation] {
    let text = try String(contentsOfFile: folder + "/expected.tsv", encoding: .utf8)
    return text.split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let source = fields[0].replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(
        of: "\\t", with: "\t"
      )
      .replacingOccurrences(of: "\\\\", with: "\\")
      return Expectation(
        source: source, outcome: fields[1], detail: fields.count > 2 ? fields[2] : "")
    }
  }

  /// Every JSON Lines file's objects, keyed by the file's path below `folder`.
  static func jsonLines(_ path: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try data.split(separator: UInt8(ascii: "\n")).map { line in
      try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        "\(path): a line is not an object")
    }
  }

  /// Paths (relative) of everything under a folder, except `skipping`.
  static func tree(_ folder: String, skipping: String) -> Set<String> {
    var found: Set<String> = []
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      if path == skipping || path.hasPrefix(skipping + "/") { continue }
      found.insert(path)
    }
    return found
  }

  @Test func everyHostileFileGetsItsExpectedOutcomeAndTheRestOfTheRunIsUnharmed() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lspminer-gauntlet-" + UUID().uuidString
    ).path
    defer {
      chmod(folder + "/sources/no-read-permission.html", 0o644)
      try? FileManager.default.removeItem(atPath: folder)
    }
    let root = CommandLineTests.repositoryRoot
    let maker = Process()
    maker.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    maker.arguments = [
      "python3", root + "/Scripts/make-gauntlet.py", folder, root + "/pipelines/lsp-codebook.yml",
    ]
    maker.standardOutput = FileHandle.nullDevice
    try maker.run()
    maker.waitUntilExit()
    try #require(
      maker.terminationStatus == 0, "Scripts/make-gauntlet.py failed (python3 is needed)")
    let expectations = try Self.expectations(in: folder)
    #expect(expectations.count >= 30)
    try """
    name: gauntlet
    sources: [sources]
    taxonomy: \(root)/pipelines/lsp-codebook.yml
    output: out
    limits:
      max_file_bytes: 50_000_000
      max_document_seconds: \(Self.documentSeconds)
    """.write(toFile: folder + "/p.yml", atomically: true, encoding: .utf8)
    let before = Self.tree(folder, skipping: "out")

    // A writer appends to one file for as long as the run lasts.
    let changing = folder + "/sources/changing-while-read.txt"
    let running = Atomic(true)
    let writer = Thread {
      guard let handle = FileHandle(forWritingAtPath: changing) else { return }
      var count = 0
      while running.value {
        handle.seekToEndOfFile()
        handle.write(Data("The board met again (\(count)).\n".utf8))
        count += 1
        usleep(500)
      }
      try? handle.close()
    }
    writer.start()

    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
    process.arguments = ["run", "--pipeline", "p.yml", "--quiet", "--jobs", "2"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardError = FileHandle.nullDevice
    let started = Date()
    try process.run()
    while process.isRunning, Date().timeIntervalSince(started) < Self.wallBoundSeconds {
      usleep(50_000)
    }
    let hung = process.isRunning
    if hung { process.terminate() }
    process.waitUntilExit()
    running.value = false
    #expect(!hung, "the run did not finish within \(Self.wallBoundSeconds) s")
    #expect(process.terminationReason == .exit, "the run crashed")
    #expect(process.terminationStatus == 1, "some documents failed, so the run exits 1")

    // Memory: the peak of the largest child this test process has waited for.
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    #expect(usage.ru_maxrss < Self.memoryBoundKiB, "peak resident memory \(usage.ru_maxrss) KiB")

    let out = folder + "/out"
    let documents = try Self.jsonLines(out + "/documents.jsonl")
    let errors = try Self.jsonLines(out + "/errors.jsonl")
    let documentBySource = Dictionary(
      documents.map { ($0["source"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    let errorBySource = Dictionary(
      errors.map { ($0["source"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(
      Set(documentBySource.keys) == Set(expectations.map(\.source)),
      "every source has exactly one document line")

    for expected in expectations {
      let document = documentBySource[expected.source]
      let error = errorBySource[expected.source]
      let reason = error?["error"] as? String ?? ""
      let status = document?["status"] as? String
      let records = document?["records"] as? Int ?? -1
      let label = "\(expected.source) (\(expected.outcome))"
      var outcome = expected.outcome
      if outcome == "unreadable" { outcome = geteuid() == 0 ? "evidence" : "failed" }
      switch outcome {
      case "evidence":
        #expect(status == "ok", "\(label): \(reason)")
        #expect(error == nil, "\(label): unexpected error \(reason)")
        #expect(records > 0, "\(label): no records")
        if expected.detail == "many" {
          #expect(records >= 100_000, "\(label): only \(records) records")
        } else if expected.outcome != "unreadable", let docID = document?["doc_id"] as? String {
          let evidence = try String(
            contentsOfFile: out + "/evidence/\(docID).jsonl", encoding: .utf8)
          #expect(
            evidence.contains("\"code\":\"\(expected.detail)\""),
            "\(label): no \(expected.detail) record")
        }
      case "no-evidence":
        #expect(status == "ok", "\(label): \(reason)")
        #expect(records == 0, "\(label)")
        #expect(error == nil, "\(label): \(reason)")
      case "partial":
        #expect(status == "ok", "\(label)")
        #expect(error?["outcome"] as? String == "partial", "\(label)")
        #expect(reason.contains(expected.detail), "\(label): \(reason)")
        #expect((document?["untagged_sentences"] as? Int ?? 0) > 0, "\(label)")
      case "failed":
        #expect(status == "failed", "\(label)")
        #expect(error?["outcome"] as? String == "failed", "\(label)")
        let detail = expected.outcome == "unreadable" ? "Permission denied" : expected.detail
        #expect(reason.lowercased().contains(detail.lowercased()), "\(label): \(reason)")
      default:
        Issue.record("\(label): unknown expected outcome")
      }
    }

    // The good reports in among the hostile ones came through whole.
    #expect(documentBySource["good/review.html"]?["records"] as? Int ?? 0 >= 3)
    // Nothing was read from outside the sources: the marker in the outside files is nowhere.
    let secret = try String(contentsOfFile: folder + "/secret.marker", encoding: .utf8)
    let outputs = Self.tree(out, skipping: "")
    for path in outputs {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: out + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue,
        let handle = FileHandle(forReadingAtPath: out + "/" + path)
      else { continue }
      defer { try? handle.close() }
      while let chunk = try handle.read(upToCount: 8 << 20), !chunk.isEmpty {
        #expect(
          chunk.range(of: Data(secret.utf8)) == nil, "\(path) holds text from outside the sources")
      }
    }
    // Output files are named by hashes, never by anything a document says.
    let named = outputs.filter { $0.hasPrefix("evidence/") || $0.hasPrefix("text/") }
    #expect(!named.isEmpty)
    for path in named where path != "evidence" && path != "text" {
      let name = (path as NSString).lastPathComponent
      #expect(
        name.range(of: "^[0-9a-f]{64}\\.(jsonl|txt)$", options: .regularExpression) != nil,
        "\(path)")
    }
    // Every output line is JSON, and nothing outside the output folder was written.
    for path in outputs where path.hasSuffix(".jsonl") {
      _ = try Self.jsonLines(out + "/" + path)
    }
    #expect(Self.tree(folder, skipping: "out") == before)
  }
}

/// A flag shared between the test and its writer thread.
final class Atomic<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value
  init(_ value: Value) { stored = value }
  var value: Value {
    get { lock.withLock { stored } }
    set { lock.withLock { stored = newValue } }
  }
}
