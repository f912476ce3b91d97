import Foundation
import Testing

/// The PySpark job (`pipelines/spark/lspminer_spark.py`) in Spark's `local[2]` mode: its output
/// folder equals what `lspminer run` writes for the same sources (documents.jsonl byte for byte,
/// every evidence file), and `findings` reads it. Skipped, with a message, where no Python with
/// pyspark or no Java is found. `LSPMINER_SPARK_PYTHON` names the Python to use; otherwise the
/// venv `.ci/run` makes (Benchmarks/work/spark-venv), then `python3`.
private let sparkPython: String? = {
  guard
    ["/usr/bin/java", "/usr/local/bin/java"].contains(where: FileManager.default.isExecutableFile)
      || ProcessInfo.processInfo.environment["JAVA_HOME"] != nil
  else { return nil }
  let candidates =
    [ProcessInfo.processInfo.environment["LSPMINER_SPARK_PYTHON"]].compactMap { $0 } + [
      CommandLineTests.repositoryRoot + "/Benchmarks/work/spark-venv/bin/python",
      "/usr/bin/python3",
    ]
  for python in candidates where FileManager.default.isExecutableFile(atPath: python) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import pyspark"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { continue }
    process.waitUntilExit()
    if process.terminationStatus == 0 { return python }
  }
  return nil
}()

@Suite(
  .enabled(
    if: sparkPython != nil,
    "no Python with pyspark, or no Java: the Spark job's test is skipped (pip install pyspark)"),
  .timeLimit(.minutes(5)))
struct SparkJobTests {
  let cli = CommandLineTests()

  @Test func theSparkJobWritesWhatRunWritesForFilesAndAWebArchive() throws {
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let corpus = CommandLineTests.repositoryRoot + "/corpus/findings"
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
    for name in names {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + name, toPath: folder + "/docs/" + name)
    }
    try FileManager.default.copyItem(
      atPath: corpus + "/" + names[0], toPath: folder + "/docs/zz-copy-" + names[0])
    try FileManager.default.copyItem(
      atPath: CommandLineTests.repositoryRoot
        + "/Tests/TextMiningTests/Fixtures/archives/crawl.warc.gz",
      toPath: folder + "/docs/crawl.warc.gz")
    // A document with no records (its evidence file is empty), and a zip whose two members
    // have the same bytes with the later name first (the copy kept is the one that sorts first).
    try "Minutes\n\nThe weather was fine and the meeting ended early.\n".write(
      toFile: folder + "/docs/weather.txt", atomically: true, encoding: .utf8)
    let zipper = Process()
    zipper.executableURL = URL(fileURLWithPath: sparkPython ?? "python3")
    zipper.arguments = [
      "-c",
      "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w')\nfor n in ('b.txt', 'a.txt'): z.writestr(n, sys.argv[2])\nz.close()",
      folder + "/docs/pair.zip", "Review\n\nThere is mutual trust between partners.\n",
    ]
    try zipper.run()
    zipper.waitUntilExit()
    #expect(try cli.lspminer(["run", "-p", "p.yml", "--quiet"], in: folder).status == 0)
    let paths = try FileManager.default.contentsOfDirectory(atPath: folder + "/docs").sorted()
      .map { folder + "/docs/" + $0 }
    try (paths.joined(separator: "\n") + "\n").write(
      toFile: folder + "/paths.txt", atomically: true, encoding: .utf8)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: sparkPython ?? "python3")
    process.arguments = [
      CommandLineTests.repositoryRoot + "/pipelines/spark/lspminer_spark.py", "--master",
      "local[2]",
      "--binary", CommandLineTests.binary, "--pipeline", folder + "/p.yml", "--root",
      folder + "/docs", "--output", folder + "/spark", folder + "/paths.txt",
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let figures = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: figures) as? [String: Any])
    #expect(summary["paths"] as? Int == paths.count)

    let run = folder + "/out/test-run"
    #expect(
      FileManager.default.contents(atPath: folder + "/spark/documents.jsonl")
        == FileManager.default.contents(atPath: run + "/documents.jsonl"))
    let evidence = try FileManager.default.contentsOfDirectory(atPath: run + "/evidence").sorted()
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/spark/evidence").sorted()
        == evidence)
    for name in evidence {
      #expect(
        FileManager.default.contents(atPath: folder + "/spark/evidence/" + name)
          == FileManager.default.contents(atPath: run + "/evidence/" + name), "\(name)")
    }
    #expect(try cli.lspminer(["findings", folder + "/spark"], in: folder).status == 0)
    // The job writes no texts: the concordance shows each mention in its sentence instead.
    let kwic = try cli.lspminer(
      ["kwic", "success_factor", "--output", folder + "/spark", "--width", "20"], in: folder)
    let withTexts = try cli.lspminer(
      ["kwic", "success_factor", "--output", run, "--width", "20"], in: folder)
    #expect(kwic.status == 0)
    #expect(
      kwic.stdout.split(separator: "\n").count == withTexts.stdout.split(separator: "\n").count)
    #expect(kwic.stdout.contains("trust"))
  }
}
