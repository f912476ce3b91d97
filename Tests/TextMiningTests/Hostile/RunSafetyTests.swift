import Foundation
import Testing

@testable import TextMining

/// Runs that must neither crash, hang, write outside the output folder nor lose evidence
/// silently. Each test builds its hostile input as it runs.
@Suite struct RunSafetyTests {
  private static let goodSentence = "The board has built mutual trust between partners."

  private func runner(
    sources: [String], output: String, taxonomy path: String? = nil, jobs: Int = 2
  ) throws -> PipelineRunner {
    var definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    definition.sources = sources
    definition.outputPath = output
    let taxonomy = try Taxonomy.load(from: path ?? definition.taxonomyPath)
    return PipelineRunner(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
      jobs: jobs)
  }

  private func jsonLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// Every file under a folder with its bytes, for before-and-after comparisons.
  private func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let relative = enumerator?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: folder + "/" + relative) {
        files[relative] = data
      }
    }
    return files
  }

  private func writeDocuments(_ folder: TemporaryFolder, count: Int, under prefix: String = "src")
    throws
  {
    for index in 0..<count {
      try folder.write(
        "\(prefix)/doc-\(index).txt",
        "Note \(index)\n\n\(Self.goodSentence) Item \(index) was agreed.\n")
    }
  }

  // MARK: Crashes and hangs

  @Test func aWARCRecordWhoseLengthIsNear2To63IsReportedAndTheRecordBeforeItKept() async throws {
    let folder = try TemporaryFolder()
    let page = Array("<html><body><p>\(Self.goodSentence)</p></body></html>".utf8)
    let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + page
    var warc = Array(
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://lsp.example/good\r\nContent-Length: \(http.count)\r\n\r\n"
        .utf8)
    warc += http + Array("\r\n\r\n".utf8)
    for length in ["9223372036854775800", "9223372036854775807"] {
      warc += Array(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://lsp.example/huge\r\nContent-Length: \(length)\r\n\r\nabc"
          .utf8)
    }
    try folder.write("src/crawl.warc", bytes: warc)
    let report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out")
      .run()
    #expect(report.okCount == 1)
    #expect(report.failures.map(\.source) == ["crawl.warc"])
    #expect(report.failures.first?.reason.contains("the rest of it is skipped") == true)
  }

  @Test func limitsSoLargeThatTheirArithmeticWouldOverflowAreRefusedWhenThePipelineLoads() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: folder.path + "/docs", withIntermediateDirectories: true)
    for (key, value) in [
      ("max_file_bytes", "9223372036854775807"), ("max_archive_bytes", "9_000_000_000_000_000_000"),
      ("max_sentence_tokens", "4611686018427387904"), ("max_document_seconds", "1e300"),
      ("max_removed_share", "2"),
    ] {
      let yaml =
        "name: t\nsources: [docs]\ntaxonomy: \(Fixtures.repositoryRoot)/pipelines/lsp-codebook.yml\nlimits: {\(key): \(value)}\n"
      #expect(throws: ConfigurationError.self, "\(key): \(value)") {
        try PipelineDefinition.parse(yaml, file: folder.path + "/p.yml")
      }
      do {
        _ = try PipelineDefinition.parse(yaml, file: folder.path + "/p.yml")
      } catch {
        #expect(error.message.contains("above its largest allowed value"), "\(error)")
        #expect(error.line == 4)
      }
    }
  }

  @Test func aSourceReplacedByANamedPipeAfterDiscoveryIsRefusedWithoutBlocking() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/report.txt", "Note\n\n\(Self.goodSentence)\n")
    try folder.write("src/reports.zip", bytes: try Fixtures.bytes("archives/reports.zip"))
    let discoverer = SourceDiscoverer(
      roots: [.init(path: folder.path + "/src")], include: [try GlobPattern("**/*.txt")])
    let files = discoverer.discover().files
    #expect(files.map(\.source) == ["report.txt", "reports.zip"])
    for file in files {
      unlink(file.path)
      #expect(mkfifo(file.path, 0o644) == 0)
    }
    let started = ContinuousClock.now
    #expect(
      throws: SourceReader.ReadError.unreadable(
        reason: "not a regular file (a device, socket or pipe)")
    ) {
      try SourceReader(maxFileBytes: 1000).read(files[0])
    }
    let walker = ArchiveWalker(
      archive: files[1],
      limits: ArchiveLimits(
        maxMemberBytes: 1000, maxArchiveBytes: 10_000, maxMembers: 100, maxDepth: 3),
      filter: .everything)
    var failures: [DocumentFailure] = []
    for item in walker {
      if case .failure(let failure) = item { failures.append(failure) }
      if case .member = item { Issue.record("a member was read from a pipe") }
    }
    #expect(failures.first?.reason.contains("not a regular file") == true)
    #expect(ContinuousClock.now - started < .seconds(5))
  }

  // MARK: Reads and writes where they must not go

  @Test func aLinkRetargetedOutsideTheSourcesAfterDiscoveryIsNotFollowed() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/real/report.txt", "Note\n\nINSIDE\n")
    try folder.write("src/plain.txt", "Note\n\nPLAIN\n")
    try folder.write("outside/report.txt", "Note\n\nSECRET\n")
    try folder.write("outside/plain.txt", "Note\n\nSECRET\n")
    let src = folder.path + "/src"
    try FileManager.default.createSymbolicLink(
      atPath: src + "/alias.txt", withDestinationPath: "real/report.txt")
    try FileManager.default.createSymbolicLink(atPath: src + "/folder", withDestinationPath: "real")
    let discoverer = SourceDiscoverer(
      roots: [.init(path: src)], include: [try GlobPattern("**/*.txt")])
    let files = Dictionary(
      uniqueKeysWithValues: discoverer.discover().files.map { ($0.source, $0) })
    // "real" is walked once, as "folder" (reached first).
    #expect(files.keys.sorted() == ["alias.txt", "folder/report.txt", "plain.txt"])
    // Retarget both links outside, and swap a plain file for another with the same name.
    for link in ["alias.txt", "folder"] { unlink(src + "/" + link) }
    try FileManager.default.createSymbolicLink(
      atPath: src + "/alias.txt", withDestinationPath: folder.path + "/outside/report.txt")
    try FileManager.default.createSymbolicLink(
      atPath: src + "/folder", withDestinationPath: folder.path + "/outside")
    try FileManager.default.copyItem(
      atPath: folder.path + "/outside/plain.txt", toPath: src + "/plain.new")
    #expect(rename(src + "/plain.new", src + "/plain.txt") == 0)
    let reader = SourceReader(maxFileBytes: 1000)
    for source in ["alias.txt", "folder/report.txt"] {
      let text = String(decoding: try reader.read(try #require(files[source])), as: UTF8.self)
      #expect(
        text.contains("INSIDE"), "\(source) read what the link pointed to when it was checked")
    }
    #expect(
      throws: SourceReader.ReadError.unreadable(
        reason: "another file has taken its place since it was found; not read")
    ) {
      try reader.read(try #require(files["plain.txt"]))
    }
  }

  @Test func aLockFilePlantedAsALinkIsRefusedAndItsTargetUntouched() throws {
    let folder = try TemporaryFolder()
    try folder.write("victim.txt", "precious\n")
    try FileManager.default.createDirectory(
      atPath: folder.path + "/out", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/out/.lock", withDestinationPath: folder.path + "/victim.txt")
    #expect(throws: RunLock.Failure.self) { _ = try RunLock(outputFolder: folder.path + "/out") }
    #expect(try folder.read("victim.txt") == "precious\n")
  }

  @Test func anOutputFolderPlantedAsALinkIsRefusedAndTheFolderItPointsToUntouched() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 2)
    let elsewhere = String(repeating: "e", count: 64)
    try folder.write("elsewhere/\(elsewhere).jsonl", "someone else's file\n")
    try folder.write("elsewhere/\(elsewhere).txt", "someone else's file\n")
    let before = snapshot(folder.path + "/elsewhere")
    for planted in ["evidence", "text", "runs"] {
      try? FileManager.default.removeItem(atPath: folder.path + "/out")
      try FileManager.default.createDirectory(
        atPath: folder.path + "/out", withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(
        atPath: folder.path + "/out/" + planted, withDestinationPath: folder.path + "/elsewhere")
      await #expect(throws: PipelineRunner.RunError.self) {
        _ = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
      }
      #expect(snapshot(folder.path + "/elsewhere") == before, "\(planted)")
    }
  }

  @Test func controlCharactersInMessagesAreEscaped() {
    #expect(
      "a.zip!/x\n2 documents (2 ok)\u{1B}[2K".escapingControls
        == "a.zip!/x\\n2 documents (2 ok)\\x1B[2K")
    #expect("tab\there\r\u{7F}\u{9B}".escapingControls == "tab\\there\\r\\x7F\\x9B")
    #expect("evil\u{202E}lmth.exe".escapingControls == "evil\\u{202E}lmth.exe")
    #expect("back\\slash".escapingControls == "back\\\\slash")
    #expect("plain café – ok".escapingControls == "plain café – ok")
  }

  // MARK: Silent loss and silent corruption

  @Test func aTaxonomyChangeKilledMidRunThenUndoneLeavesNoRecordOfTheOtherVersion() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 6)
    let original = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml", encoding: .utf8)
    let changed = folder.path + "/changed.yml"
    try original.replacingOccurrences(of: "version: \"1.0.0\"", with: "version: \"9.9.9\"")
      .write(toFile: changed, atomically: true, encoding: .utf8)
    let out = folder.path + "/out"
    let src = folder.path + "/src"
    _ = try await runner(sources: [src], output: out).run()
    // The changed taxonomy's run rewrites every evidence file, and is killed before its index
    // and state are written: what is left is its evidence beside the first run's index.
    let index = try folder.read("out/documents.jsonl")
    let state = try folder.read("out/state.json")
    _ = try await runner(sources: [src], output: out, taxonomy: changed).run()
    #expect(
      snapshot(out + "/evidence").values.contains {
        String(decoding: $0, as: UTF8.self).contains("9.9.9")
      })
    try index.write(toFile: out + "/documents.jsonl", atomically: true, encoding: .utf8)
    try state.write(toFile: out + "/state.json", atomically: true, encoding: .utf8)
    // Back to the first taxonomy: nothing of the other version may survive.
    let report = try await runner(sources: [src], output: out).run()
    #expect(report.unchangedCount == 0)
    for (name, data) in snapshot(out + "/evidence") {
      #expect(!String(decoding: data, as: UTF8.self).contains("9.9.9"), "\(name)")
    }
  }

  @Test func aTruncatedEvidenceFileOrAHandEditedIndexLineIsMadeAgain() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 3)
    let out = folder.path + "/out"
    let src = folder.path + "/src"
    _ = try await runner(sources: [src], output: out).run()
    let clean = snapshot(out + "/evidence")
    let victim = try #require(clean.keys.sorted().first)
    // Truncate one evidence file: the re-run makes it again.
    try Data(try #require(clean[victim]).prefix(20)).write(
      to: URL(fileURLWithPath: out + "/evidence/" + victim))
    var report = try await runner(sources: [src], output: out).run()
    #expect(report.unchangedCount == 2)
    #expect(snapshot(out + "/evidence") == clean)
    // Edit a byte of a text file that keeps its size: still made again.
    let text = out + "/text/" + victim.replacingOccurrences(of: ".jsonl", with: ".txt")
    var bytes = Array(try #require(FileManager.default.contents(atPath: text)))
    bytes[0] = bytes[0] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
    try Data(bytes).write(to: URL(fileURLWithPath: text))
    report = try await runner(sources: [src], output: out).run()
    #expect(report.unchangedCount == 2)
    // Hand-edit a line of the index: every document is processed again, and the index is right.
    let index = try folder.read("out/documents.jsonl")
    try index.replacingOccurrences(
      of: "\"records\":1,", with: "\"records\":7,", options: [],
      range: index.range(of: "\"records\":1,")
    )
    .write(toFile: out + "/documents.jsonl", atomically: true, encoding: .utf8)
    report = try await runner(sources: [src], output: out).run()
    #expect(report.unchangedCount == 0)
    #expect(try folder.read("out/documents.jsonl") == index)
  }

  @Test func pathsLongerThanTheSystemOpensAreReportedNotSkippedSilently() throws {
    let folder = try TemporaryFolder()
    let src = folder.path + "/src"
    var deep = src
    let segment = String(repeating: "d", count: 200)
    while deep.utf8.count + 201 < 4060 { deep += "/" + segment }
    deep += "/" + String(repeating: "e", count: 4060 - deep.utf8.count - 1)
    try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
    try folder.write(
      String(deep.dropFirst(folder.path.count + 1)) + "/report.txt",
      "Note\n\n\(Self.goodSentence)\n")
    #expect(
      SourceDiscoverer(roots: [.init(path: src)], include: [try GlobPattern("**/*.txt")]).discover()
        .files.count == 1)
    // A folder renamed on the way down takes the path past 4,096 bytes.
    try FileManager.default.moveItem(
      atPath: src + "/" + segment, toPath: src + "/" + segment + String(repeating: "L", count: 50))
    let found = SourceDiscoverer(roots: [.init(path: src)], include: [try GlobPattern("**/*.txt")])
      .discover()
    #expect(found.files.isEmpty)
    #expect(found.failures.count == 1)
    #expect(found.failures.first?.reason.contains("over the system's limit of 4095") == true)
    #expect(found.unlistedFolders.count == 1)
  }

  @Test func namesThatAreNotUTF8AreReportedNotSkippedSilently() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/good.txt", "Note\n\n\(Self.goodSentence)\n")
    let name: [UInt8] = Array((folder.path + "/src/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
    let descriptor = name.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    }
    #expect(descriptor >= 0)
    close(descriptor)
    let found = SourceDiscoverer(
      roots: [.init(path: folder.path + "/src")], include: [try GlobPattern("**/*.txt")]
    ).discover()
    #expect(found.files.map(\.source) == ["good.txt"])
    #expect(found.failures.map(\.source) == ["caf\\xE9.txt"])
    #expect(found.failures.first?.reason.contains("not valid UTF-8") == true)
  }

  @Test func anEmptiedSourceFolderRemovesNothingUnlessAllowed() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 4)
    let src = folder.path + "/src"
    let out = folder.path + "/out"
    _ = try await runner(sources: [src], output: out).run()
    let before = snapshot(out)
    // The folder is emptied (an unmounted mount point looks the same).
    for index in 0..<4 { try FileManager.default.removeItem(atPath: src + "/doc-\(index).txt") }
    await #expect {
      _ = try await runner(sources: [src], output: out).run()
    } throws: { error in
      guard let error = error as? PipelineRunner.RunError,
        case .tooManyRemovals(let removed, let known, _, _) = error
      else {
        return false
      }
      return removed == 4 && known == 4 && error.description.contains("--allow-removals")
    }
    #expect(
      snapshot(out).filter { !$0.key.hasPrefix("runs/") }
        == before.filter { !$0.key.hasPrefix("runs/") })
    // One of four gone is within the default share; all gone is, when allowed.
    try writeDocuments(folder, count: 3)
    let some = try await runner(sources: [src], output: out).run()
    #expect(some.removedCount == 1)
    for index in 0..<3 { try FileManager.default.removeItem(atPath: src + "/doc-\(index).txt") }
    var allowing = try runner(sources: [src], output: out)
    allowing.allowsRemovals = true
    let all = try await allowing.run()
    #expect(all.removedCount == 3)
    #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/evidence").isEmpty)
  }

  // MARK: Wrong places

  @Test func anOutputFolderThatIsOrLiesInASourceIsRefused() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 1)
    for output in [
      folder.path + "/src", folder.path + "/src/", folder.path + "/src/out",
      folder.path + "/src/./a/../out",
    ] {
      await #expect(throws: PipelineRunner.RunError.self, "\(output)") {
        _ = try await runner(sources: [folder.path + "/src"], output: output).run()
      }
    }
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/src/out"))
  }

  @Test func aFolderHoldingAnEarlierOutputIsNotReadAsSources() async throws {
    let folder = try TemporaryFolder()
    try writeDocuments(folder, count: 2)
    _ = try await runner(sources: [folder.path + "/src"], output: folder.path + "/old").run()
    // The old output is moved among the sources: its text files are not documents.
    try FileManager.default.moveItem(atPath: folder.path + "/old", toPath: folder.path + "/src/old")
    let report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out")
      .run()
    #expect(report.documentCount == 2)
  }

  // MARK: Bounded memory and output

  @Test func aMegabyteSentenceWithAThousandMatchesIsLeftUntaggedNotRepeatedAThousandTimes() throws {
    let processor = try Fixtures.projectProcessor()
    let long = (0..<1000).map { _ in "trust " + String(repeating: "x", count: 1000) }.joined(
      separator: " ")
    let bytes = Array("Notes\n\n\(Self.goodSentence)\n\n\(long)\n".utf8)
    let result = try processor.processed(bytes, source: "long.txt", format: .plainText)
    #expect(result.records.count == 1)
    #expect(result.skippedSentences.map(\.byteCount) == [long.utf8.count])
    let note = try #require(result.partialNote(limits: processor.limits))
    #expect(note.contains("limits.max_sentence_bytes"))
  }

  @Test func evidenceOverItsByteLimitKeepsItsFirstRecordsAndSaysHowManyWereLeftOut() throws {
    let processor = try Fixtures.projectProcessor { $0.limits.maxEvidenceBytes = 20_000 }
    let text = "Notes\n\n" + String(repeating: Self.goodSentence + " ", count: 200) + "\n"
    let result = try processor.processed(Array(text.utf8), source: "many.txt", format: .plainText)
    #expect(result.droppedRecordCount > 0)
    #expect(result.records.count + result.droppedRecordCount == 200)
    var lines: [UInt8] = []
    EvidenceRecord.appendJSONLines(result.records, to: &lines)
    #expect(lines.count <= 20_000)
    #expect(
      result.partialNote(limits: processor.limits)?.contains("limits.max_evidence_bytes") == true)
  }

  @Test func pagesAndTextsOfTooManyElementsOrLinesAreRefusedBeforeTheyAreParsed() throws {
    var limits = ProcessingLimits()
    limits.maxElements = 1000
    limits.maxLines = 1000
    let page = "<html><body><p>" + String(repeating: "a<br>", count: 1001) + "</p></body></html>"
    #expect(throws: ExtractionError.tooManyElements(limit: 1000)) {
      try HTMLTextExtractor(limits: limits).extractText(
        from: DecodedDocument(text: page, format: .html, encoding: "UTF-8"))
    }
    let text = "Notes\n\n" + String(repeating: "a\n", count: 1000)
    #expect(throws: ExtractionError.tooManyLines(count: 1003, limit: 1000)) {
      try PlainTextExtractor(limits: limits).extractText(
        from: DecodedDocument(text: text, format: .plainText, encoding: "UTF-8"))
    }
  }

  // MARK: Smaller, same class

  @Test func invisibleCharactersInsideOrAroundAPhraseDoNotStopItMatching() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    for written in [
      "tr\u{AD}ust", "tr\u{200B}ust", "\u{202E}trust\u{202C}", "tr\u{2060}ust", "tr\u{FEFF}ust",
      "t\u{200D}rust",
    ] {
      let sentence = "There is mutual \(written) between partners."
      let found = try tag(sentence, with: taxonomy)
      let trust = found.first { $0.code == "success_factor.trust" }
      #expect(
        trust?.match == "mutual \(written)",
        "\(written.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }

  @Test func aDoctypeInternalSubsetIsNotText() throws {
    let page = """
      <!DOCTYPE html [
      <!ENTITY x "mutual trust between partners">
      ]>
      <html><head><title>Board report</title></head><body><p>The board met in May.</p></body></html>
      """
    let extracted = try HTMLTextExtractor().extractText(
      from: DecodedDocument(text: page, format: .html, encoding: "UTF-8"))
    #expect(extracted.texts == ["Board report", "The board met in May."])
    #expect(extracted.blocks.last?.line == 4)
  }
}
