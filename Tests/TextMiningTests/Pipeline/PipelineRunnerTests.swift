import Foundation
import Testing

@testable import TextMining

@Suite struct PipelineRunnerTests {
  private func runner(
    sources: [String], output: String, maxFileBytes: Int = 1_000_000, jobs: Int = 2
  ) throws
    -> PipelineRunner
  {
    var definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    definition.sources = sources
    definition.outputPath = output
    definition.maxFileBytes = maxFileBytes
    let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
    return PipelineRunner(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
      jobs: jobs)
  }

  /// Loads a pipeline file as `lspminer run` does and runs it with one job.
  private func runPipeline(at path: String) async throws -> PipelineRunner.Report {
    let definition = try PipelineDefinition.load(from: path)
    let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
    return try await PipelineRunner(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
      jobs: 1
    ).run()
  }

  private func jsonLines(_ path: String) throws -> [[String: Any]] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  private static let recordKeys = [
    "schema", "doc_id", "source", "title", "published", "code", "category", "match", "polarity",
    "hedged", "partnership",
    "sentence", "block", "char_start", "char_end", "line", "taxonomy", "pipeline",
  ]

  @Test func runsTheCorpusIntoValidRecordsWhoseOffsetsPointAtTheirMatch() async throws {
    let folder = try TemporaryFolder()
    let report = try await runner(
      sources: [Fixtures.repositoryRoot + "/corpus"], output: folder.path + "/out"
    ).run()
    #expect(report.succeeded)
    #expect(report.documentCount >= 20)
    #expect(report.okCount == report.documentCount)
    #expect(report.recordCount > 500)
    var codes: Set<String> = []
    for document in try jsonLines(folder.path + "/out/documents.jsonl") {
      let docID = try #require(document["doc_id"] as? String)
      let text = Array(try folder.read("out/text/\(docID).txt").unicodeScalars)
      let raw = try folder.read("out/evidence/\(docID).jsonl")
      for line in raw.split(separator: "\n") {
        // Keys appear in schema order.
        let keyOrder = Self.recordKeys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(keyOrder == keyOrder.sorted() && keyOrder.count == Self.recordKeys.count)
        let record = try #require(
          try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let start = try #require(record["char_start"] as? Int)
        let end = try #require(record["char_end"] as? Int)
        let match = try #require(record["match"] as? String)
        #expect(String(String.UnicodeScalarView(text[start..<end])) == match)
        #expect(record["source"] as? String == document["source"] as? String)
        codes.insert(try #require(record["code"] as? String))
      }
    }
    for required in [
      "partnership.lsp", "success_factor.trust", "success_factor.leadership", "circle.vicious",
    ] {
      #expect(codes.contains(required))
    }
  }

  @Test func pageFurnitureInTheCorpusProducesNoEvidence() async throws {
    let folder = try TemporaryFolder()
    _ = try await runner(
      sources: [Fixtures.repositoryRoot + "/corpus"], output: folder.path + "/out"
    ).run()
    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    let manifest = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/corpus/furniture.tsv", encoding: .utf8)
    var checked = 0
    for row in manifest.split(separator: "\n").dropFirst() {
      let columns = row.split(separator: "\t", maxSplits: 1).map(String.init)
      let document = try #require(
        documents.first { $0["source"] as? String == "html/" + columns[0] })
      let docID = try #require(document["doc_id"] as? String)
      let text = try folder.read("out/text/\(docID).txt")
      let evidence = try folder.read("out/evidence/\(docID).jsonl")
      #expect(
        !text.localizedCaseInsensitiveContains(columns[1]),
        "furniture '\(columns[1])' in \(columns[0])")
      #expect(!evidence.localizedCaseInsensitiveContains(columns[1]))
      checked += 1
    }
    #expect(checked >= 40)
  }

  @Test func outputIsByteIdenticalWhateverTheNumberOfJobs() async throws {
    let folder = try TemporaryFolder()
    let corpus = Fixtures.repositoryRoot + "/corpus"
    _ = try await runner(sources: [corpus], output: folder.path + "/one", jobs: 1).run()
    _ = try await runner(sources: [corpus], output: folder.path + "/two", jobs: 3).run()
    for name in ["documents.jsonl", "errors.jsonl"] {
      #expect(try folder.read("one/" + name) == folder.read("two/" + name))
    }
    let evidence = try FileManager.default.contentsOfDirectory(
      atPath: folder.path + "/one/evidence"
    ).sorted()
    #expect(
      evidence
        == (try FileManager.default.contentsOfDirectory(atPath: folder.path + "/two/evidence")
          .sorted()))
    for name in evidence {
      #expect(try folder.read("one/evidence/" + name) == folder.read("two/evidence/" + name))
    }
  }

  @Test func badInputIsReportedPerFileAndTheBatchGoesOn() async throws {
    let folder = try TemporaryFolder()
    let hostile = Fixtures.path("hostile")
    for name in try FileManager.default.contentsOfDirectory(atPath: hostile) {
      try folder.write(
        "src/" + name,
        bytes: Array(try #require(FileManager.default.contents(atPath: hostile + "/" + name))))
    }
    try folder.write("src/good.txt", "Title\n\nThere is mutual trust between partners.\n")
    try folder.write("src/large.txt", String(repeating: "Trust. ", count: 300))
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/gone.html", withDestinationPath: "missing.html")
    try folder.write("src/locked.txt", "secret")
    chmod(folder.path + "/src/locked.txt", 0)
    // Root reads anything.
    let lockedIsReadable = access(folder.path + "/src/locked.txt", R_OK) == 0

    let report = try await runner(
      sources: [folder.path + "/src"], output: folder.path + "/out", maxFileBytes: 2000
    ).run()
    let errors = try jsonLines(folder.path + "/out/errors.jsonl")
    var reasons: [String: String] = [:]
    for error in errors {
      reasons[try #require(error["source"] as? String)] = error["error"] as? String
    }
    #expect(reasons["empty.html"] == "empty file (0 bytes)")
    #expect(reasons["report-pdf-renamed.html"] == "binary file (PDF document), not text or HTML")
    #expect(reasons["archive-zip-renamed.html"] == "binary file (ZIP archive), not text or HTML")
    #expect(reasons["undecodable.txt"]?.hasPrefix("bytes decode in no supported encoding") == true)
    #expect(reasons["whitespace-only.txt"]?.hasPrefix("no text found") == true)
    #expect(
      reasons["large.txt"]?.hasPrefix("file is 2100 bytes, over the size limit of 2000 bytes")
        == true)
    #expect(reasons["gone.html"]?.hasPrefix("broken symbolic link") == true)
    if !lockedIsReadable {
      #expect(reasons["locked.txt"] == "cannot read the file (Permission denied)")
    }
    #expect(reasons["good.txt"] == nil)
    #expect(!report.succeeded)

    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    let good = try #require(documents.first { $0["source"] as? String == "good.txt" })
    #expect(good["status"] as? String == "ok")
    #expect(good["records"] as? Int == 1)
    #expect(documents.filter { $0["status"] as? String == "failed" }.count == errors.count)
    // No partial or temporary files anywhere in the output.
    let outputs = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/out")
    #expect(!outputs.contains { $0.contains(".tmp-") })
    let evidenceFiles = try FileManager.default.contentsOfDirectory(
      atPath: folder.path + "/out/evidence")
    #expect(evidenceFiles.contains(try #require(good["doc_id"] as? String) + ".jsonl"))
    #expect(evidenceFiles.count == (lockedIsReadable ? 2 : 1))
    let large = try #require(documents.first { $0["source"] as? String == "large.txt" })
    #expect(large["bytes"] as? Int == 2100)
  }

  @Test func duplicatesShareOneEvidenceFileAndStaleFilesAreRemoved() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    try folder.write("src/copy/a.txt", "Title\n\nThe LSP met.\n")
    try folder.write("src/b.txt", "Title\n\nLeadership is strong.\n")
    var report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out")
      .run()
    #expect(report.duplicateCount == 1)
    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    #expect(documents.map { $0["status"] as? String } == ["ok", "ok", "duplicate"])
    #expect(documents[2]["duplicate_of"] as? String == "a.txt")
    #expect(documents[2]["source"] as? String == "copy/a.txt")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/evidence").count == 2)

    try FileManager.default.removeItem(atPath: folder.path + "/src/b.txt")
    report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    #expect(report.removedFileCount == 2)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/evidence").count == 1)
  }

  private func tree(_ folder: String) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue, !path.hasSuffix(".lock"), !path.hasPrefix("runs") {
        files[path] = Array(try #require(FileManager.default.contents(atPath: folder + "/" + path)))
      }
    }
    return files
  }

  @Test func reRunsReuseUnchangedDocumentsAndMatchAFullRunByteForByte() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    try folder.write("src/b.txt", "Title\n\nLeadership is strong.\n")
    try folder.write("src/c.txt", "Title\n\nTrust is low.\n")
    var report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out")
      .run()
    #expect((report.newCount, report.unchangedCount) == (3, 0))
    report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    #expect(
      (report.newCount, report.changedCount, report.unchangedCount, report.removedCount) == (
        0, 0, 3, 0
      ))

    try folder.write("src/b.txt", "Title\n\nLeadership is weak.\n")
    try FileManager.default.removeItem(atPath: folder.path + "/src/c.txt")
    try folder.write("src/d.txt", "Title\n\nThe VCS has two seats.\n")
    report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    #expect(
      (report.newCount, report.changedCount, report.unchangedCount, report.removedCount) == (
        1, 1, 1, 1
      ))

    var fresh = try runner(sources: [folder.path + "/src"], output: folder.path + "/fresh")
    fresh.isFull = true
    _ = try await fresh.run()
    var incremental = try tree(folder.path + "/out")
    var full = try tree(folder.path + "/fresh")
    incremental["state.json"] = nil
    full["state.json"] = nil
    #expect(incremental == full)
  }

  @Test func eachRunWritesASummaryWithCountsAndStageTimes() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    try folder.write("src/b.txt", "Title\n\nLeadership is strong.\n")
    _ = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    let runs = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/runs")
    #expect(runs.count == 1)
    let name = try #require(runs.first)
    #expect(name.hasSuffix("Z.json") && !name.contains(":"))
    let summary = try #require(try jsonLines(folder.path + "/out/runs/" + name).first)
    let counts = try #require(summary["counts"] as? [String: Any])
    #expect(counts["documents"] as? Int == 2)
    #expect(counts["new"] as? Int == 2)
    #expect(counts["records"] as? Int ?? 0 >= 2)
    let stages = try #require(summary["stage_seconds"] as? [String: Any])
    for stage in ["discover_and_hash", "decode", "extract", "segment", "tag", "records", "write"] {
      #expect((stages[stage] as? Double ?? -1) >= 0, "\(stage)")
    }
    #expect((summary["seconds"] as? Double ?? -1) >= 0)
  }

  @Test func runsWithinOneSecondEachKeepTheirSummary() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    for _ in 0..<3 {
      _ = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out/runs").count == 3)
  }

  @Test func progressIsReportedAfterEachDocumentUpToTheTotals() async throws {
    final class Seen: @unchecked Sendable {
      var values: [PipelineRunner.Progress] = []
      let lock = NSLock()
    }
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    try folder.write("src/b.txt", "Title\n\nLeadership is strong here.\n")
    try folder.write("src/c.txt", "Title\n\nTrust is low.\n")
    let seen = Seen()
    var run = try runner(sources: [folder.path + "/src"], output: folder.path + "/out")
    run.progress = { value in seen.lock.withLock { seen.values.append(value) } }
    _ = try await run.run()
    let totalBytes = 20 + 34 + 21
    #expect(seen.values.map(\.documentsDone) == [1, 2, 3])
    #expect(seen.values.allSatisfy { $0.documentCount == 3 && $0.byteCount == totalBytes })
    #expect(seen.values.map(\.bytesDone) == [20, 54, 75])
  }

  @Test func archivesAmongTheSourcesAreReadMemberByMemberAndReRunsKeepThem() async throws {
    let folder = try TemporaryFolder()
    for name in ["reports.zip", "crawl.warc.gz", "bomb.zip", "traversal.tar"] {
      try folder.write("src/" + name, bytes: try Fixtures.bytes("archives/" + name))
    }
    try folder.write("src/loose.txt", "Title\n\nThe LSP met.\n")
    var report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out")
      .run()
    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    #expect(
      documents.map { $0["source"] as? String } == [
        "bomb.zip!/huge.txt", "bomb.zip!/small.txt",
        "crawl.warc.gz!/file:///archive/minutes/2007-03.txt",
        "crawl.warc.gz!/http://www.thornbury-lsp.example/news/leadership", "loose.txt",
        "reports.zip!/reports/board-note.txt", "reports.zip!/reports/news.html",
        "traversal.tar!/../escaped.txt", "traversal.tar!//etc/absolute.txt",
        "traversal.tar!/safe/note.txt",
      ])
    let errors = try jsonLines(folder.path + "/out/errors.jsonl")
    #expect(
      errors.compactMap { $0["source"] as? String }.sorted() == [
        "bomb.zip!/huge.txt", "traversal.tar!/../escaped.txt", "traversal.tar!//etc/absolute.txt",
      ])
    #expect(report.failures.count == 3)
    // The zip's news page has the same bytes as the crawled page, so it is the crawl's duplicate.
    #expect(
      documents[6]["duplicate_of"] as? String
        == "crawl.warc.gz!/http://www.thornbury-lsp.example/news/leadership")
    let news = try jsonLines(
      folder.path + "/out/evidence/" + (try #require(documents[3]["doc_id"] as? String)) + ".jsonl")
    #expect(
      news.contains {
        $0["code"] as? String == "success_factor.trust"
          && $0["source"] as? String
            == "crawl.warc.gz!/http://www.thornbury-lsp.example/news/leadership"
      })
    // The spool is gone and nothing escaped the archive.
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/.spool"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/out/escaped.txt"))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/escaped.txt"))

    report = try await runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    // The three distinct documents are kept; duplicates and failures are looked at again.
    #expect(report.unchangedCount == 3)
    #expect(report.newCount == 0)
    #expect(report.failures.count == 3)
    // No archive changed, so none was expanded: what the last run listed stands.
    #expect(report.archiveCount == 4)
    #expect(report.unchangedArchiveCount == 4)
    #expect(report.archiveWalkCount == 0)
    #expect(try jsonLines(folder.path + "/out/documents.jsonl").count == documents.count)
  }

  @Test func anArchiveIsExpandedAgainOnlyWhenItOrItsMembersOutputsChanged() async throws {
    let folder = try TemporaryFolder()
    let zip = try folder.write("src/reports.zip", bytes: try Fixtures.bytes("archives/reports.zip"))
    let run = {
      try await self.runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    }
    var report = try await run()
    #expect(report.archiveWalkCount == 2)  // listed, then its two documents processed
    let first = try folder.read("out/documents.jsonl")
    // Touched, same bytes: hashed and listed again, nothing processed.
    var times = [
      timespec(tv_sec: 1_300_000_000, tv_nsec: 0), timespec(tv_sec: 1_300_000_000, tv_nsec: 0),
    ]
    #expect(utimensat(AT_FDCWD, zip, &times, 0) == 0)
    report = try await run()
    #expect(report.unchangedArchiveCount == 0)
    #expect(report.archiveWalkCount == 1)
    #expect(report.unchangedCount == 2)
    // Untouched now: not expanded at all.
    report = try await run()
    #expect(report.unchangedArchiveCount == 1)
    #expect(report.archiveWalkCount == 0)
    // A member's evidence damaged: the archive is walked once, to process that member again.
    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    let docID = try #require(documents.first?["doc_id"] as? String)
    try folder.write("out/evidence/\(docID).jsonl", "damaged\n")
    report = try await run()
    #expect(report.unchangedArchiveCount == 1)
    #expect(report.archiveWalkCount == 1)
    #expect(report.unchangedCount == 1)
    #expect(try folder.read("out/documents.jsonl") == first)
  }

  @Test func archivesAsPeopleAndCrawlersMakeThemAreReadWithoutLossOrFalseFailures() async throws {
    let folder = try TemporaryFolder()
    for name in ["mac.zip", "nested.zip", "http.warc", "junk.warc.gz", "junk2.warc.gz"] {
      try folder.write("src/" + name, bytes: try Fixtures.bytes("archives/" + name))
    }
    let run = {
      try await self.runner(sources: [folder.path + "/src"], output: folder.path + "/out").run()
    }
    var report = try await run()
    let documents = try jsonLines(folder.path + "/out/documents.jsonl")
    let sources = documents.compactMap { $0["source"] as? String }
    #expect(sources.contains("mac.zip!/minutes/café.html"))
    #expect(sources.contains("mac.zip!/minutes/report – 2005.html"))
    #expect(sources.contains("mac.zip!/minutes/agenda.txt~2"))
    #expect(sources.contains("nested.zip!/bundle.tgz!/notes/note.txt"))
    #expect(
      sources.contains("http.warc!/http://www.oakridge-lsp.example/news@2008-05-01T10:00:00Z"))
    #expect(!sources.contains { $0.contains("__MACOSX") || $0.contains("/.") })
    #expect(Set(sources).count == sources.count)
    // The only failures: the archive nested too deep, and the junk in the crawl.
    #expect(
      report.failures.map(\.source) == [
        "junk.warc.gz", "junk2.warc.gz", "nested.zip!/deep.zip!/deeper.zip!/deepest.zip",
      ])
    // Two skips in one archive: one line that gives both offsets.
    #expect(report.failures[1].reason.components(separatedBy: "bytes from byte").count == 3)
    // The page declared KOI8-R only in HTTP is read as KOI8-R, the chunked page has no chunk sizes.
    func text(_ source: String) throws -> String {
      let document = try #require(documents.first { $0["source"] as? String == source })
      return try folder.read("out/text/\(try #require(document["doc_id"] as? String)).txt")
    }
    let russian = try #require(
      documents.first { ($0["source"] as? String)?.hasSuffix("/ru/partnership") == true })
    #expect(russian["encoding"] as? String == "koi8-r")
    #expect(russian["declared_encoding"] as? String == "KOI8-R (HTTP)")
    #expect(
      try text("http.warc!/http://www.oakridge-lsp.example/ru/partnership").contains("партнёрство"))
    for page in ["chunked", "chunked-upper"] {
      let chunked = try text("http.warc!/http://www.oakridge-lsp.example/news/\(page)")
      #expect(chunked.contains("The Oakridge LSP board shows strong leadership and mutual trust."))
      #expect(
        !chunked.split(separator: "\n").contains { $0.allSatisfy(\.isHexDigit) }, "\(chunked)")
    }
    #expect(try text("http.warc!/http://www.oakridge-lsp.example/accounts").contains("in UTF-16"))
    // A re-run finds every source unchanged: the names are stable.
    report = try await run()
    #expect(report.changedCount == 0)
    #expect(report.newCount == 0)
  }

  @Test func theRunsArchiveBudgetStopsLaterArchivesAndSaysSo() async throws {
    let folder = try TemporaryFolder()
    for name in ["a.zip", "b.zip"] {
      try folder.write("src/" + name, bytes: try Fixtures.bytes("archives/reports.zip"))
    }
    var runner = try runner(sources: [folder.path + "/src"], output: folder.path + "/out")
    runner.definition.limits.maxRunArchiveBytes = 10
    let report = try await runner.run()
    #expect(report.failures.map(\.source) == ["b.zip"])
    #expect(report.failures.first?.reason.contains("limits.max_run_archive_bytes") == true)
    let sources = try jsonLines(folder.path + "/out/documents.jsonl").compactMap {
      $0["source"] as? String
    }
    #expect(sources.filter { $0.hasPrefix("a.zip!/") }.count == 2)
    #expect(!sources.contains { $0.hasPrefix("b.zip!/") })
  }

  @Test func sourceFoldersThatShareANameOrAreGivenTwiceGiveUniqueSources() async throws {
    let folder = try TemporaryFolder()
    try folder.write("2006/minutes/board.txt", "Board\n\nThe LSP board shows strong leadership.\n")
    try folder.write("2007/minutes/board.txt", "Board\n\nThe LSP board lacks leadership.\n")
    let roots = [folder.path + "/2006/minutes", folder.path + "/2007/minutes"]
    var report = try await runner(sources: roots, output: folder.path + "/out").run()
    #expect(
      try jsonLines(folder.path + "/out/documents.jsonl").compactMap { $0["source"] as? String }
        == ["2006/minutes/board.txt", "2007/minutes/board.txt"])
    #expect(report.documentCount == 2)
    report = try await runner(sources: roots, output: folder.path + "/out").run()
    #expect(report.unchangedCount == 2)
    #expect(report.changedCount == 0)
    // The same folder twice is read once, and its records counted once.
    let once = try await runner(sources: [roots[0]], output: folder.path + "/once").run()
    let twice = try await runner(
      sources: [roots[0], roots[0] + "/", folder.path + "/2006/./minutes"],
      output: folder.path + "/twice"
    ).run()
    #expect(twice.documentCount == 1)
    #expect(twice.recordCount == once.recordCount)
    #expect(try folder.read("twice/documents.jsonl") == (try folder.read("once/documents.jsonl")))
  }

  @Test func aChangedTaxonomyReprocessesEverything() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    let original = try String(
      contentsOfFile: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml", encoding: .utf8)
    try folder.write("taxonomy.yml", original)
    let pipeline = try folder.write(
      "p.yml", "name: p\nsources: [src]\ntaxonomy: taxonomy.yml\noutput: out\n")
    func run() async throws -> PipelineRunner.Report { try await runPipeline(at: pipeline) }
    _ = try await run()
    #expect(try await run().unchangedCount == 1)
    // Any edit to the taxonomy file, even a comment, changes its hash.
    try folder.write("taxonomy.yml", original + "\n# edited\n")
    let report = try await run()
    #expect(report.unchangedCount == 0)
    #expect(report.changedCount == 0)
    #expect(try await run().unchangedCount == 1)
  }

  @Test func aChangedPipelineDefinitionReprocessesEverything() async throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a.txt", "Title\n\nThe LSP met.\n")
    let pipeline = try folder.write(
      "p.yml",
      "name: p\nsources: [src]\ntaxonomy: \(Fixtures.repositoryRoot)/pipelines/lsp-codebook.yml\noutput: out\n"
    )
    func run() async throws -> PipelineRunner.Report { try await runPipeline(at: pipeline) }
    _ = try await run()
    #expect(try await run().unchangedCount == 1)
    try folder.write(
      "p.yml",
      "name: p\ndescription: changed\nsources: [src]\ntaxonomy: \(Fixtures.repositoryRoot)/pipelines/lsp-codebook.yml\noutput: out\n"
    )
    #expect(try await run().unchangedCount == 0)
    try FileManager.default.removeItem(atPath: folder.path + "/out/state.json")
    #expect(try await run().unchangedCount == 0)
  }
}
