import Foundation
import Testing

/// `lspminer run` against hostile surroundings, through the built binary: exit codes for
/// output failures, planted names, a folder that cannot be listed, an emptied source folder,
/// and SIGTERM. Each test builds what it needs as it runs.
@Suite struct HostileRunTests {
  struct Outcome {
    var status: Int32
    var stderr: String
    var signalled: Bool
  }

  /// Runs lspminer in `directory`; `shell` wraps the command (`sh -c`), `asNobody` runs it as
  /// an unprivileged user when the tests run as root (root reads and writes anything).
  func lspminer(
    _ arguments: [String], in directory: String, shellPrefix: String? = nil, asNobody: Bool = false
  ) throws
    -> Outcome
  {
    let process = Process()
    var command = [CommandLineTests.binary] + arguments
    if asNobody, geteuid() == 0 {
      command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
    }
    if let shellPrefix {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", shellPrefix + " exec \"$@\"", "sh"] + command
    } else {
      process.executableURL = URL(fileURLWithPath: command[0])
      process.arguments = Array(command.dropFirst())
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stderr: String(decoding: stderr, as: UTF8.self),
      signalled: process.terminationReason == .uncaughtSignal)
  }

  /// A project folder (open to every user, so an unprivileged run can write in it) with a
  /// pipeline `p.yml` over `docs/` and `count` small reports.
  func makeProject(count: Int = 3) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lspminer-hostile-" + UUID().uuidString
    ).path
    try FileManager.default.createDirectory(
      atPath: folder + "/docs", withIntermediateDirectories: true)
    let yaml =
      "name: t\nsources: [docs]\ntaxonomy: \(CommandLineTests.repositoryRoot)/pipelines/lsp-codebook.yml\n"
    try yaml.write(toFile: folder + "/p.yml", atomically: true, encoding: .utf8)
    for index in 0..<count {
      try "Note \(index)\n\nThere is mutual trust between partners on item \(index).\n".write(
        toFile: folder + "/docs/doc-\(index).txt", atomically: true, encoding: .utf8)
    }
    chmod(folder, 0o777)
    chmod(folder + "/docs", 0o777)
    return folder
  }

  func temporaryFiles(under folder: String) -> [String] {
    (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
      ($0 as NSString).lastPathComponent.contains(".tmp-") || $0.hasPrefix(".spool")
        || $0.contains("/.spool")
    }
  }

  @Test func anOutputThatIsAFileExitsSeventyFourNamingTheReason() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "not a folder".write(toFile: folder + "/blocked", atomically: true, encoding: .utf8)
    let outcome = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "blocked", "--quiet"], in: folder)
    #expect(outcome.status == 74, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("it is a file, not a folder"))
  }

  @Test func anOutputThatCannotBeCreatedExitsSeventyFourWithTheSystemsReason() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/locked", withIntermediateDirectories: true)
    chmod(folder + "/locked", 0o555)
    let outcome = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "locked/out", "--quiet"], in: folder,
      asNobody: true)
    #expect(outcome.status == 74, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("Permission denied"))
  }

  @Test func aFullDiskWhileTheIndexIsWrittenExitsSeventyFourAndLeavesNoTemporaryFile() throws {
    let folder = try makeProject(count: 40)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A file size limit of 8 KiB: each document's files fit, documents.jsonl does not. The
    // write fails with EFBIG, as a full disk fails with ENOSPC.
    let outcome = try lspminer(
      ["run", "--pipeline", "p.yml", "--quiet"], in: folder,
      shellPrefix: "trap '' XFSZ; ulimit -f 16;")
    #expect(outcome.status == 74, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("documents.jsonl: cannot write (File too large)"))
    #expect(
      temporaryFiles(under: folder + "/out").isEmpty, "\(temporaryFiles(under: folder + "/out"))")
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/t/documents.jsonl"))
  }

  @Test func anOutputAmongTheSourcesExitsTwo() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for output in ["docs", "docs/out"] {
      let outcome = try lspminer(
        ["run", "--pipeline", "p.yml", "--output", output, "--quiet"], in: folder)
      #expect(outcome.status == 2, "\(output): \(outcome.stderr)")
      #expect(outcome.stderr.contains("choose another --output"))
    }
    #expect(!FileManager.default.fileExists(atPath: folder + "/docs/out"))
  }

  @Test func anEmptiedSourceFolderExitsSixtySixAndChangesNothing() throws {
    let folder = try makeProject(count: 4)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    let evidence = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence")
      .sorted()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/docs") {
      try FileManager.default.removeItem(atPath: folder + "/docs/" + name)
    }
    let refused = try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder)
    #expect(refused.status == 66, "\(refused.stderr)")
    #expect(refused.stderr.contains("4 of the 4 sources an earlier run found are gone"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence").sorted()
        == evidence)
    let allowed = try lspminer(
      ["run", "--pipeline", "p.yml", "--quiet", "--allow-removals"], in: folder)
    #expect(allowed.status == 0, "\(allowed.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence").isEmpty)
  }

  @Test func aFolderThatCannotBeListedIsReportedAndKeepsItsEvidence() throws {
    let folder = try makeProject(count: 1)
    defer {
      chmod(folder + "/docs/board", 0o755)
      try? FileManager.default.removeItem(atPath: folder)
    }
    try FileManager.default.createDirectory(
      atPath: folder + "/docs/board", withIntermediateDirectories: true)
    try "Minutes\n\nThe chair praised the strong leadership of the partnership.\n".write(
      toFile: folder + "/docs/board/minutes.txt", atomically: true, encoding: .utf8)
    chmod(folder + "/docs/board", 0o777)
    #expect(
      try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder, asNobody: true).status
        == 0)
    let evidence = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence")
      .sorted()
    #expect(evidence.count == 2)
    chmod(folder + "/docs/board", 0)
    let outcome = try lspminer(
      ["run", "--pipeline", "p.yml", "--quiet"], in: folder, asNobody: true)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("board: cannot list the folder (Permission denied)"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence").sorted()
        == evidence)
    let documents = try String(contentsOfFile: folder + "/out/t/documents.jsonl", encoding: .utf8)
    #expect(documents.contains("\"source\":\"board/minutes.txt\""))
  }

  @Test func namesWithNewlinesAndTerminalEscapesAreEscapedOnStandardError() throws {
    let folder = try makeProject(count: 1)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let script = """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1], "w") as z:
          z.writestr("x\\nlspminer: 9 documents (9 ok, 0 failed)\\x1b[2K.html", b"%PDF-1.4 binary")
      """
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script, folder + "/docs/members.zip"]
    try python.run()
    python.waitUntilExit()
    #expect(python.terminationStatus == 0)
    let outcome = try lspminer(["run", "--pipeline", "p.yml"], in: folder)
    #expect(outcome.status == 1)
    #expect(!outcome.stderr.contains("\u{1B}"))
    #expect(
      !outcome.stderr.split(separator: "\n").contains { $0.hasPrefix("lspminer: 9 documents") })
    #expect(
      outcome.stderr.contains(
        "members.zip!/x\\nlspminer: 9 documents (9 ok, 0 failed)\\x1B[2K.html"))
  }

  @Test func aRunStoppedWithSigtermRemovesItsTemporaryFiles() throws {
    let folder = try makeProject(count: 0)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Many members, so the run is still going when the signal comes.
    let script = """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1], "w") as z:
          for i in range(4000):
              z.writestr("m/%05d.txt" % i, "Note %d\\n\\nThere is mutual trust between partners; item %d.\\n" % (i, i))
      """
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script, folder + "/docs/many.zip"]
    try python.run()
    python.waitUntilExit()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
    process.arguments = ["run", "--pipeline", "p.yml", "--quiet", "--jobs", "1"]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardError = FileHandle.nullDevice
    try process.run()
    let started = Date()
    while process.isRunning, Date().timeIntervalSince(started) < 60 {
      // Wait until documents are being written.
      let written =
        (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/t/evidence").count)
        ?? 0
      if written > 20 { break }
      usleep(2_000)
    }
    #expect(process.isRunning, "the run finished before it could be stopped")
    process.terminate()  // SIGTERM
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGTERM)
    // Archives are read in memory: nothing was ever spooled to disk.
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/t/.spool"))
    #expect(
      temporaryFiles(under: folder + "/out").isEmpty, "\(temporaryFiles(under: folder + "/out"))")
  }

  @Test func theShippedSystemdUnitTreatsOutputAndSourceFailuresAsFailures() throws {
    let unit = try String(
      contentsOfFile: CommandLineTests.repositoryRoot + "/pipelines/cron/lspminer.service",
      encoding: .utf8)
    let line = try #require(
      unit.split(separator: "\n").first { $0.hasPrefix("SuccessExitStatus=") })
    let codes = Set(
      line.dropFirst("SuccessExitStatus=".count).split(separator: " ").compactMap { Int32($0) })
    #expect(codes == [1, 75])
    for failure: Int32 in [2, 66, 74] { #expect(!codes.contains(failure)) }
  }
}
