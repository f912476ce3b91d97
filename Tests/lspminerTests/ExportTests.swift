import Foundation
import Testing

/// `lspminer export --sqlite`, checked with the sqlite3 command-line tool (skipped, with a
/// message, where it is not installed).
private let installedSQLite: String? = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(
  .enabled(if: installedSQLite != nil, "sqlite3 is not installed; the export tests are skipped"))
struct ExportTests {
  let cli = CommandLineTests()

  /// Runs sqlite3 over a database and gives its output (one line per row, `|` between columns).
  private func sqlite(_ database: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: installedSQLite ?? "/usr/bin/sqlite3")
    process.arguments = ["-readonly", database, sql]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(String(decoding: stderr, as: UTF8.self))")
    return String(decoding: stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
  }

  /// A project over the findings corpus, run and aggregated.
  private func findingsProject() throws -> String {
    let folder = try cli.makeProject()
    let corpus = CommandLineTests.repositoryRoot + "/corpus/findings"
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus) {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + name, toPath: folder + "/docs/" + name)
    }
    #expect(try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    #expect(try cli.lspminer(["findings", "--pipeline", "p.yml"], in: folder).status == 0)
    return folder
  }

  @Test func readersCommentsAreMarkedInTheDatabase() throws {
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let story = (1...4).map {
      "<p>Story paragraph \($0): the Brayford Local Strategic Partnership agreed its community strategy.</p>"
    }
    .joined()
    try """
    <html><head><title>Strategy agreed</title></head><body><article><h1>Strategy agreed</h1>\(story)</article>
    <section class="comments"><h2>Comments (1)</h2><div class="comment"><p class="author">Brayford Bob</p>
    <p>Nobody from the partnership has ever consulted the residents of our estate.</p></div></section>
    </body></html>
    """.write(toFile: folder + "/docs/news.html", atomically: true, encoding: .utf8)
    #expect(try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    let outcome = try cli.lspminer(
      ["export", "--pipeline", "p.yml", "--sqlite", "lsp.sqlite"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let database = folder + "/lsp.sqlite"
    let comments = try sqlite(
      database,
      "SELECT count(*) FROM evidence WHERE reader_comment = 1 AND sentence LIKE 'Nobody from%'")
    #expect(Int(comments) ?? 0 > 0)
    #expect(
      try sqlite(database, "SELECT count(*) FROM evidence WHERE reader_comment = 1")
        == comments)
  }

  @Test func theDatabaseHoldsEveryRecordAndTheVerdictsFindingsGives() throws {
    let folder = try findingsProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try cli.lspminer(
      ["export", "--pipeline", "p.yml", "--sqlite", "lsp.sqlite"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let database = folder + "/lsp.sqlite"
    let output = folder + "/out/test-run"

    // Every evidence line is a row; every processed document too.
    let evidenceFiles = try FileManager.default.contentsOfDirectory(atPath: output + "/evidence")
      .filter { $0.hasSuffix(".jsonl") }
    let lines = try evidenceFiles.reduce(0) { total, name in
      total
        + (try String(contentsOfFile: output + "/evidence/" + name, encoding: .utf8))
        .split(separator: "\n").count
    }
    #expect(try sqlite(database, "SELECT count(*) FROM evidence") == String(lines))
    #expect(try sqlite(database, "SELECT count(*) FROM documents") == String(evidenceFiles.count))
    #expect(outcome.stdout.hasPrefix("\(evidenceFiles.count) documents, \(lines) records, "))
    #expect(try sqlite(database, "PRAGMA user_version") == "2")

    // The verdicts are those of partnerships.jsonl, overall and per year.
    let partnerships = try String(
      contentsOfFile: output + "/findings/partnerships.jsonl", encoding: .utf8
    ).split(separator: "\n")
    for line in partnerships {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let name = try #require(object["partnership"] as? String)
      let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
      #expect(
        try sqlite(database, "SELECT verdict FROM partnerships WHERE partnership = \(quoted)")
          == object["verdict"] as? String)
      let years = try #require(object["years"] as? [[String: Any]])
      for year in years {
        let number = try #require(year["year"] as? Int)
        #expect(
          try sqlite(
            database,
            "SELECT verdict FROM verdicts WHERE partnership = \(quoted) AND year = \(number)")
            == year["verdict"] as? String)
      }
      let cited = try #require(object["cited"] as? [[String: Any]])
      #expect(
        try sqlite(
          database,
          "SELECT count(*) FROM citations WHERE partnership = \(quoted) AND year IS NULL")
          == String(cited.count))
    }
    let castlethorne = try #require(
      partnerships.compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }.first { ($0["partnership"] as? String)?.hasPrefix("Castlethorne") == true })
    #expect(
      try sqlite(
        database,
        "SELECT verdict, trajectory FROM partnerships WHERE partnership LIKE 'Castlethorne%'"
      )
        == "\(castlethorne["verdict"] as? String ?? "")|\(castlethorne["trajectory"] as? String ?? "")"
    )

    // The indexes the questions need, and the full-text index over sentences.
    let indexes = try sqlite(
      database, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
    for name in ["evidence_code", "evidence_partnership", "evidence_year", "documents_year"] {
      #expect(indexes.contains(name))
    }
    let plan = try sqlite(
      database,
      "EXPLAIN QUERY PLAN SELECT count(*) FROM evidence WHERE code = 'success_factor.trust'")
    #expect(plan.contains("evidence_code"))
    let trust = try sqlite(
      database,
      "SELECT count(*) FROM evidence WHERE id IN (SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH 'trust')"
    )
    let byLike = try sqlite(
      database, "SELECT count(*) FROM evidence WHERE sentence LIKE '%trust%'")
    #expect(Int(trust) ?? 0 > 0)
    #expect(Int(trust) ?? 0 <= Int(byLike) ?? 0)

    // The same output exported again gives the same bytes.
    #expect(
      try cli.lspminer(["export", "--pipeline", "p.yml", "--sqlite", "again.sqlite"], in: folder)
        .status == 0)
    #expect(
      FileManager.default.contentsEqual(atPath: database, andPath: folder + "/again.sqlite"))
  }

  @Test func badInputIsNamedAndAFailedWriteLeavesNoFile() throws {
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    // A truncated evidence line: named, skipped, exit 1, and the database is still whole.
    let evidence = folder + "/out/test-run/evidence/"
    let file =
      evidence
      + (try FileManager.default.contentsOfDirectory(atPath: evidence).first {
        $0.hasSuffix(".jsonl")
      } ?? "")
    let handle = try #require(FileHandle(forWritingAtPath: file))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"schema":"lspminer.evidence/1","code":"#.utf8))
    try handle.close()
    let damaged = try cli.lspminer(
      ["export", "--pipeline", "p.yml", "--sqlite", "lsp.sqlite"], in: folder)
    #expect(damaged.status == 1)
    #expect(damaged.stderr.contains(".jsonl:2: not a JSON object; skipped"), "\(damaged.stderr)")
    #expect(try sqlite(folder + "/lsp.sqlite", "SELECT count(*) FROM evidence") == "1")

    // A folder that is no output: exit 66. A target that cannot be written: exit 74, no file.
    let missing = try cli.lspminer(["export", "--sqlite", "x.sqlite", "nowhere"], in: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("nowhere: no such output folder"))
    let unwritable = try cli.lspminer(
      ["export", "--pipeline", "p.yml", "--sqlite", "no/such/folder/x.sqlite"], in: folder)
    #expect(unwritable.status == 74)
    #expect(unwritable.stderr.contains("no/such/folder/x.sqlite: cannot write"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.contains("sqlite") && $0 != "lsp.sqlite"
    }
    #expect(leftovers.isEmpty)
  }
}
