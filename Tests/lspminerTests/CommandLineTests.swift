import Foundation
import Testing
import TextMining

@testable import lspminer

/// Runs the built `lspminer` binary and checks exit codes, standard output and standard error.
@Suite struct CommandLineTests {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The `lspminer` executable beside the test bundle.
  static var binary: String {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [folder, folder.deletingLastPathComponent()].map {
      $0.appendingPathComponent("lspminer").path
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }

  static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().path

  func lspminer(
    _ arguments: [String], in directory: String, executable: String? = nil, input: String? = nil
  ) throws
    -> Outcome
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable ?? Self.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(Data(input.utf8))
      try inputPipe.fileHandleForWriting.close()
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A folder with a pipeline over `docs/` using the project's taxonomy.
  func makeProject(extraYAML: String = "") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lspminer-cli-" + UUID().uuidString
    ).path
    try FileManager.default.createDirectory(
      atPath: folder + "/docs", withIntermediateDirectories: true)
    let yaml = """
      name: test-run
      sources: [docs]
      taxonomy: \(Self.repositoryRoot)/pipelines/lsp-codebook.yml
      \(extraYAML)
      """
    try yaml.write(toFile: folder + "/p.yml", atomically: true, encoding: .utf8)
    try "Review\n\nThere is mutual trust between partners.\n".write(
      toFile: folder + "/docs/good.txt", atomically: true, encoding: .utf8)
    return folder
  }

  @Test func runExitsZeroAndWritesOutputsWhenEveryDocumentSucceeds() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(["run", "--pipeline", "p.yml"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr.contains(
        "1 documents (1 ok, 0 duplicate, 0 failed; 1 new, 0 changed, 0 unchanged, 0 removed), 1 records"
      ))
    #expect(FileManager.default.fileExists(atPath: folder + "/out/test-run/documents.jsonl"))
    #expect(
      try String(contentsOfFile: folder + "/out/test-run/errors.jsonl", encoding: .utf8).isEmpty)
  }

  @Test func runExitsOneAndNamesEachFailedFile() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data("%PDF-1.4 binary".utf8).write(to: URL(fileURLWithPath: folder + "/docs/report.html"))
    let outcome = try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder)
    #expect(outcome.status == 1)
    #expect(
      outcome.stderr == "lspminer: report.html: binary file (PDF document), not text or HTML\n")
    let errors = try String(contentsOfFile: folder + "/out/test-run/errors.jsonl", encoding: .utf8)
    #expect(errors.contains(#""source":"report.html""#))
  }

  @Test func sourceAndOutputOptionsReplaceThePipelines() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/other", withIntermediateDirectories: true)
    try "Notes\n\nThe LSP met twice.\n".write(
      toFile: folder + "/other/n.txt", atomically: true, encoding: .utf8)
    let outcome = try lspminer(
      ["run", "--pipeline", "p.yml", "--source", "other", "--output", "elsewhere"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let documents = try String(
      contentsOfFile: folder + "/elsewhere/documents.jsonl", encoding: .utf8)
    #expect(documents.hasPrefix(#"{"source":"n.txt""#))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }

  @Test func findingsWritesTheMatrixAndVerdictsOfARunsOutput() throws {
    let folder = try makeProject(extraYAML: "findings: {min_evidence: 3}")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try """
    Oakridge LSP review, 14 March 2006

    The Oakridge Local Strategic Partnership shows strong leadership. There is mutual trust \
    between partners. Partners share a clear vision. The partnership is in a virtuous circle.
    """.write(toFile: folder + "/docs/review.txt", atomically: true, encoding: .utf8)
    #expect(try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    let outcome = try lspminer(["findings", "--pipeline", "p.yml"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.hasPrefix("2 documents, "))
    #expect(outcome.stdout.contains("virtuous: 1 partnerships"))
    let partnerships = try String(
      contentsOfFile: folder + "/out/test-run/findings/partnerships.jsonl", encoding: .utf8)
    #expect(partnerships.contains(#""partnership":"Oakridge Local Strategic Partnership""#))
    #expect(partnerships.contains(#""verdict":"virtuous""#))
    // A folder that is no output: exit 66, named.
    let missing = try lspminer(["findings", "nowhere"], in: folder)
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("nowhere: no such output folder"))
    // A damaged evidence line is named, skipped, and makes the exit status 1.
    let evidence = try FileManager.default.contentsOfDirectory(
      atPath: folder + "/out/test-run/evidence")
    let file = folder + "/out/test-run/evidence/" + (evidence.first { !$0.hasPrefix(".") } ?? "")
    let handle = try #require(FileHandle(forWritingAtPath: file))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"schema":"lspminer.evi"#.utf8))
    try handle.close()
    let damaged = try lspminer(["findings", "--pipeline", "p.yml"], in: folder)
    #expect(damaged.status == 1)
    #expect(damaged.stderr.contains("not a JSON object; skipped"))
  }

  @Test func configurationErrorsExitTwoWithFileLineAndColumn() throws {
    let folder = try makeProject(extraYAML: "ouptut: x")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for command in [["run", "--pipeline", "p.yml"], ["validate", "--pipeline", "p.yml"]] {
      let outcome = try lspminer(command, in: folder)
      #expect(outcome.status == 2)
      #expect(outcome.stderr.hasPrefix("lspminer: p.yml:4:1: unknown key 'ouptut' in the pipeline"))
      #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }
  }

  @Test(arguments: [
    ["run", "--pipeline", "p.yml", "--jobs", "0"], ["frobnicate"], ["run", "--no-such-flag"],
    ["tag"],
  ])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(arguments, in: folder)
    #expect(outcome.status == 2, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("Error:") || outcome.stderr.contains("error"))
  }

  @Test func validateSummarisesAGoodPipeline() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(["validate", "--pipeline", "p.yml"], in: folder)
    #expect(outcome.status == 0)
    #expect(
      outcome.stdout.hasPrefix(
        "p.yml: ok: pipeline 'test-run', 1 source folder(s), taxonomy 'lsp-codebook'"))
  }

  @Test func tagReadsAFolderAsThePipelineListsItsDocuments() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/docs/more", withIntermediateDirectories: true)
    try "<html><body><p>The LSP lacked strong leadership.</p></body></html>".write(
      toFile: folder + "/docs/more/page.html", atomically: true, encoding: .utf8)
    try "not a document".write(
      toFile: folder + "/docs/notes.csv", atomically: true, encoding: .utf8)
    let outcome = try lspminer(["tag", "--pipeline", "p.yml", "docs/"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let sources = outcome.stdout.split(separator: "\n").compactMap { line in
      line.range(of: #""source":"[^"]*""#, options: .regularExpression).map { String(line[$0]) }
    }
    #expect(
      Array(Set(sources)).sorted() == [
        #""source":"docs/good.txt""#, #""source":"docs/more/page.html""#,
      ])
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    // A folder with no documents says so, and is not an error.
    try FileManager.default.createDirectory(
      atPath: folder + "/empty", withIntermediateDirectories: true)
    let empty = try lspminer(["tag", "--pipeline", "p.yml", "empty"], in: folder)
    #expect(empty.status == 0)
    #expect(empty.stderr.contains("empty: no documents in the folder"))
  }

  @Test func tagPrintsRecordsAndWritesNothing() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(["tag", "--pipeline", "p.yml", "docs/good.txt"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(
      lines.first?.contains(
        #""source":"docs/good.txt","title":"Review","published":null,"code":"success_factor.trust""#
      ) == true)
    #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
  }

  /// An empty folder outside the repository.
  func emptyFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lspminer-empty-" + UUID().uuidString
    ).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func runWorksFromAnEmptyFolderOutsideTheRepositoryWithTheBuiltInPipeline() throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let reports = try emptyFolder()
    defer { try? FileManager.default.removeItem(atPath: reports) }
    try "Review\n\nThere is mutual trust between partners.\n".write(
      toFile: reports + "/a.txt", atomically: true, encoding: .utf8)
    try "<html><body><p>The LSP lacked strong leadership.</p></body></html>".write(
      toFile: reports + "/page", atomically: true, encoding: .utf8)
    let outcome = try lspminer(
      ["run", "--source", reports, "--output", "out", "--quiet"], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let documents = try String(contentsOfFile: folder + "/out/documents.jsonl", encoding: .utf8)
    #expect(documents.contains(#""source":"a.txt""#) && documents.contains(#""source":"page""#))
    #expect(documents.contains(#""format":"html""#))
    // Without --source, the built-in pipeline's ./corpus is missing: a clear error, exit 2.
    let missing = try lspminer(["run", "--quiet"], in: folder)
    #expect(missing.status == 2)
    #expect(
      missing.stderr.contains(
        "the built-in pipeline reads '\(folder)/corpus', which does not exist: pass --source DIR"))
    // With a ./corpus and no ./pipelines, the built-in pipeline reads it ("pipelines/../corpus"
    // is resolved without a "pipelines" folder to go up from).
    try FileManager.default.createDirectory(
      atPath: folder + "/corpus", withIntermediateDirectories: true)
    try "Review\n\nThere is mutual trust between partners.\n".write(
      toFile: folder + "/corpus/a.txt", atomically: true, encoding: .utf8)
    let found = try lspminer(["run", "--quiet"], in: folder)
    #expect(found.status == 0, "\(found.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder + "/out/lsp-evaluation/documents.jsonl"))
  }

  @Test func initWritesTheBuiltInFilesWhichRunAsTheyAreAndRefusesToOverwrite() throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let written = try lspminer(["init"], in: folder)
    #expect(written.status == 0, "\(written.stderr)")
    #expect(
      try String(contentsOfFile: folder + "/pipelines/lsp-codebook.yml", encoding: .utf8)
        == String(
          contentsOfFile: Self.repositoryRoot + "/pipelines/lsp-codebook.yml", encoding: .utf8))
    try FileManager.default.createDirectory(
      atPath: folder + "/corpus", withIntermediateDirectories: true)
    try "Review\n\nThere is mutual trust between partners.\n".write(
      toFile: folder + "/corpus/a.txt", atomically: true, encoding: .utf8)
    let run = try lspminer(["run", "--quiet"], in: folder)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder + "/out/lsp-evaluation/documents.jsonl"))
    let again = try lspminer(["init"], in: folder)
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists; not overwritten"))
  }

  @Test func theSamePipelineOptionInEveryCommandAndTheOldArgumentStillWorksWithAWarning() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for command in ["run", "tag", "validate", "eval", "explain", "extract", "benchmark-tag"] {
      let help = try lspminer([command, "--help"], in: folder)
      #expect(help.stdout.contains("-p, --pipeline <pipeline>"), "\(command)")
      #expect(help.stdout.contains("--taxonomy <taxonomy>"), "\(command)")
    }
    let old = try lspminer(["validate", "p.yml"], in: folder)
    #expect(old.status == 0)
    #expect(old.stderr.contains("deprecated; use --pipeline p.yml"))
    let both = try lspminer(["validate", "p.yml", "--pipeline", "p.yml"], in: folder)
    #expect(both.status == 2)
  }

  @Test func taxonomyReplacesThePipelinesTaxonomy() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fixture = Self.repositoryRoot + "/Tests/TextMiningTests/Fixtures/taxonomy/five-codes.yml"
    let outcome = try lspminer(["validate", "-p", "p.yml", "--taxonomy", fixture], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("taxonomy 'five-codes' 0.1"))
  }

  @Test func aMissingPipelineFileNamesTheWorkingDirectoryAndSaysHowToPassOne() throws {
    let folder = try emptyFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(["validate", "-p", "nowhere.yml"], in: folder)
    #expect(outcome.status == 2)
    #expect(
      outcome.stderr.contains(
        "nowhere.yml: pipeline file does not exist (looked in \(folder)); pass an existing file with --pipeline"
      ))
  }

  @Test func tagReadsStandardInputAndRefusesAPipelineGivenAsADocument() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let outcome = try lspminer(
      ["tag", "--pipeline", "p.yml", "-"], in: folder, input: "The LSP board had weak leadership.\n"
    )
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(#""source":"-""#)
        && outcome.stdout.contains(#""code":"success_factor.leadership""#))
    let yaml = try lspminer(["tag", "p.yml", "docs/good.txt"], in: folder)
    #expect(yaml.status == 2)
    #expect(
      yaml.stderr.contains(
        "'p.yml' looks like a pipeline or taxonomy, not a document: pass a pipeline with --pipeline p.yml"
      ))
    #expect(yaml.stdout.isEmpty)
  }

  @Test func explainWithNothingToExplainSaysWhatToGiveAndVersionPrintsTheVersion() throws {
    let outcome = try lspminer(["explain"], in: Self.repositoryRoot)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("give a sentence to explain, or a file with --file"))
    #expect(!outcome.stderr.contains("\\n"))
    let version = try lspminer(["--version"], in: Self.repositoryRoot)
    #expect(version.status == 0)
    #expect(
      "lspminer " + version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        == PipelineRunner.toolVersion)
  }

  @Test func helpExitsZero() throws {
    let outcome = try lspminer(["run", "--help"], in: Self.repositoryRoot)
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("--source"))
  }

  @Test func trainPolarityFitsTheModelAndWritesItIntoATaxonomyCopy() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "Review\n\nTrust between the partners is patchy.\n".write(
      toFile: folder + "/docs/bad.txt", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: folder + "/gold", withIntermediateDirectories: true)
    for (file, doc, sentence, polarity) in [
      ("a.jsonl", "good.txt", "There is mutual trust between partners.", "positive"),
      ("b.jsonl", "bad.txt", "Trust between the partners is patchy.", "negative"),
    ] {
      try """
      {"doc": "\(doc)", "sentence": "\(sentence)", "codes": [{"code": "success_factor.trust", \
      "polarity": "\(polarity)", "hedged": false}]}

      """.write(toFile: folder + "/gold/" + file, atomically: true, encoding: .utf8)
    }
    let copy = folder + "/taxonomy.yml"
    try FileManager.default.copyItem(
      atPath: Self.repositoryRoot + "/pipelines/lsp-codebook.yml", toPath: copy)
    let outcome = try lspminer(
      [
        "train-polarity", "--pipeline", "p.yml", "--taxonomy", "taxonomy.yml", "--gold", "gold",
        "--cross-validate", "--minimum-count", "1", "--output", "taxonomy.yml",
      ], in: folder)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("held out a.jsonl: 1 triples"))
    #expect(outcome.stderr.contains("wrote taxonomy.yml"))
    let written = try Taxonomy.load(from: copy)
    #expect(written.polarityModel?.trainedBy?.contains("--gold gold (2 mentions") == true)
    // Printed, not written, without --output; a missing --gold is a usage error.
    let printed = try lspminer(
      ["train-polarity", "--pipeline", "p.yml", "--gold", "gold", "--minimum-count", "1"],
      in: folder)
    #expect(printed.status == 0)
    #expect(printed.stdout.hasPrefix("polarity_model:\n"))
    #expect(try lspminer(["train-polarity", "--pipeline", "p.yml"], in: folder).status == 2)
  }

  @Test func evalScoresTheGoldSetAndHonoursMinF1() throws {
    let json = try lspminer(
      ["eval", "--gold", "corpus/gold/dev", "--json"], in: Self.repositoryRoot)
    #expect(json.status == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let micro = try #require(object?["micro"] as? [String: Any])
    #expect((micro["f1"] as? Double ?? 0) >= 0.9)
    let strict = try lspminer(
      ["eval", "--gold", "corpus/gold/dev", "--min-f1", "0.999"], in: Self.repositoryRoot)
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("is below --min-f1"))
    #expect(strict.stdout.contains("micro"))
    #expect(strict.stdout.contains("negative mentions read as negative"))
    #expect(strict.stdout.contains("coded gold sentences"))
    let polarity = try lspminer(
      ["eval", "--gold", "corpus/gold/dev", "--min-polarity", "0.999"], in: Self.repositoryRoot)
    #expect(polarity.status == 1)
    #expect(polarity.stderr.contains("is below --min-polarity"))
    let sentences = try lspminer(
      ["eval", "--gold", "corpus/gold/styles/w2.jsonl", "--max-unsegmented", "0"],
      in: Self.repositoryRoot)
    #expect(sentences.status == 1)
    #expect(sentences.stderr.contains("above --max-unsegmented"))
    let loose = try lspminer(
      ["eval", "--gold", "corpus/gold/styles/w2.jsonl", "--max-unsegmented", "0.5"],
      in: Self.repositoryRoot)
    #expect(loose.status == 0, "\(loose.stderr)")
    #expect(loose.stdout.contains("95% intervals (1000 resamples of the"))
    let intervals = try #require(object?["intervals"] as? [String: Any])
    let bounds = try #require(intervals["micro_f1"] as? [Double])
    let f1 = try #require(micro["f1"] as? Double)
    #expect(bounds.count == 2 && bounds[0] <= f1 && f1 <= bounds[1])
    let none = try lspminer(
      ["eval", "--gold", "corpus/gold/styles/w2.jsonl", "--resamples", "0"],
      in: Self.repositoryRoot)
    #expect(none.status == 0 && !none.stdout.contains("intervals"))
    // The same taxonomy compared with itself: every difference is zero and within chance.
    let same = try lspminer(
      [
        "eval", "--gold", "corpus/gold/styles/w2.jsonl", "--compare-taxonomy",
        "pipelines/lsp-codebook.yml",
      ], in: Self.repositoryRoot)
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.contains("difference from pipelines/lsp-codebook.yml"))
    #expect(same.stdout.contains("micro F1"))
    #expect(!same.stdout.contains("better") && !same.stdout.contains("worse"))
    // Too few resamples to place a 2.5th percentile, or a comparison without any, are refused
    // before anything runs.
    let few = try lspminer(
      ["eval", "--gold", "corpus/gold/styles/w2.jsonl", "--resamples", "5"],
      in: Self.repositoryRoot)
    #expect(few.status != 0 && few.stderr.contains("--resamples must be 0 or from 100 to 100000"))
    let unpaired = try lspminer(
      [
        "eval", "--gold", "corpus/gold/styles/w2.jsonl", "--resamples", "0", "--compare-taxonomy",
        "pipelines/lsp-codebook.yml",
      ], in: Self.repositoryRoot)
    #expect(unpaired.status != 0 && unpaired.stderr.contains("needs --resamples of 100 or more"))
  }

  /// `--source` reads the gold's documents from another folder; a gold document that is not
  /// there is named on standard error with the reason, and the run fails, so that a wrong
  /// folder is not taken for a score of zero.
  @Test func evalReadsAnotherFolderAndFailsOnAMissingDocument() throws {
    let folder = try makeProject()
    try FileManager.default.createDirectory(
      atPath: folder + "/mine", withIntermediateDirectories: true)
    try "Review\n\nThere is mutual trust between partners.\n".write(
      toFile: folder + "/mine/review.txt", atomically: true, encoding: .utf8)
    let line = { (doc: String) in
      "{\"doc\": \"\(doc)\", \"sentence\": \"There is mutual trust between partners.\", \"codes\": [{\"code\": \"success_factor.trust\", \"polarity\": \"positive\", \"hedged\": false, \"partnership\": null}]}\n"
    }
    try line("review.txt").write(toFile: folder + "/gold.jsonl", atomically: true, encoding: .utf8)
    let found = try lspminer(
      ["eval", "--gold", "gold.jsonl", "-p", "p.yml", "--source", "mine", "--resamples", "0"],
      in: folder)
    #expect(found.status == 0, "\(found.stderr)")
    #expect(found.stdout.contains("polarity accuracy 1.000"))
    // Without --source the pipeline's docs/ folder does not hold it.
    let missing = try lspminer(
      ["eval", "--gold", "gold.jsonl", "-p", "p.yml", "--resamples", "0"], in: folder)
    #expect(missing.status == 1)
    #expect(
      missing.stderr.contains(
        "gold document 'review.txt' was not scored: not found among the sources"))
    let notAFolder = try lspminer(
      ["eval", "--gold", "gold.jsonl", "-p", "p.yml", "--source", "nowhere"], in: folder)
    #expect(notAFolder.status != 0 && notAFolder.stderr.contains("'nowhere' is not a folder"))
  }

  /// `extract` shows one file; given a folder it says so, not that the folder is a device.
  @Test func extractGivenAFolderSaysItIsAFolder() throws {
    let folder = try makeProject()
    let outcome = try lspminer(["extract", "docs"], in: folder)
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("docs: is a folder"))
    #expect(!outcome.stderr.contains("device"))
    #expect(try lspminer(["extract", "docs/good.txt"], in: folder).stdout.contains("mutual trust"))
  }

  @Test func explainShowsCuesMatchesAndAttribution() throws {
    let outcome = try lspminer(
      ["explain", "The Kelbrook Local Strategic Partnership may lack strong leadership."],
      in: Self.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("cue hedging_clause: 'may'"))
    #expect(outcome.stdout.contains("cue negation_before: 'lack'"))
    #expect(
      outcome.stdout.contains(
        "name: 'Kelbrook Local Strategic Partnership' -> Kelbrook Local Strategic Partnership"))
    #expect(
      outcome.stdout.contains(
        "mention success_factor.leadership: 'leadership' polarity negative, hedged true, partnership Kelbrook Local Strategic Partnership"
      ))
  }

  @Test func explainSaysAFamilyBodyIsAttributedPast() throws {
    let outcome = try lspminer(
      [
        "explain",
        "The Kelbrook LSP works with the Kelbrook Community Safety Partnership on community engagement.",
      ],
      in: Self.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(
        "name: 'Kelbrook Community Safety Partnership' -> Kelbrook Community Safety Partnership (another body of the LSP family"
      ))
    #expect(
      outcome.stdout.contains(
        "mention partnership.named: 'Kelbrook Community Safety Partnership' polarity neutral, hedged false, partnership Kelbrook Community Safety Partnership"
      ))
    // The sentence's other mentions pass it over.
    #expect(
      outcome.stdout.contains(
        "mention governance.community_engagement: 'community engagement' polarity neutral, hedged false, partnership Kelbrook LSP"
      ))
  }

  @Test func explainNamesJobTitlesAndOtherBodiesPosts() throws {
    let outcome = try lspminer(
      [
        "explain",
        "The Cabinet Member for Community Engagement met business leaders and the chief executive of the Tern Valley Chamber of Commerce.",
      ],
      in: Self.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(
        "job title: 'Community Engagement' is a post, not a finding (grammar.role_words, role_openers, role_links)"
      ))
    #expect(outcome.stdout.contains("another body's post: 'leaders' (other_holders)"))
    #expect(outcome.stdout.contains("another body's post: 'chief executive' (other_holders)"))
    #expect(!outcome.stdout.contains("mention success_factor.local_authority_leadership"))
  }

  @Test func explainSaysWhyACapitalisedCandidateIsNotAName() throws {
    let outcome = try lspminer(
      ["explain", "The Kelbrook Nature Partnership met the Borough's Strategic Partnership."],
      in: Self.repositoryRoot)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout.contains(
        "not a name: 'Kelbrook Nature Partnership': theme word 'nature' (partnership_names.theme_words)"
      ))
    #expect(
      outcome.stdout.contains(
        "not a name: 'Borough's Strategic Partnership': possessive 'Borough's' before the head"))
  }

  @Test func aSecondRunExitsSeventyFiveAndNamesTheHolder() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      let lock = try RunLock(outputFolder: folder + "/out/test-run")
      let outcome = try lspminer(["run", "--pipeline", "p.yml"], in: folder)
      #expect(outcome.status == 75)
      #expect(outcome.stderr.contains("another run (pid \(getpid())) holds the lock"))
      #expect(outcome.stderr.split(separator: "\n").count == 1)
      withExtendedLifetime(lock) {}
    }
    // The lock goes with its holder: the next run goes ahead.
    #expect(try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
  }

  @Test func aLockLeftByAKilledRunDoesNotBlockTheNext() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/out/test-run", withIntermediateDirectories: true)
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = [
      "python3", "-c",
      "import fcntl, os, sys, time; f = open(sys.argv[1], 'w'); fcntl.flock(f, fcntl.LOCK_EX); "
        + "f.write(str(os.getpid())); f.flush(); print('locked', flush=True); time.sleep(60)",
      folder + "/out/test-run/.lock",
    ]
    let ready = Pipe()
    holder.standardOutput = ready
    try holder.run()
    _ = ready.fileHandleForReading.availableData  // waits for "locked"
    #expect(try lspminer(["run", "--pipeline", "p.yml"], in: folder).status == 75)
    kill(holder.processIdentifier, SIGKILL)
    holder.waitUntilExit()
    #expect(try lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
  }

  private func files(under folder: String) throws -> [String: Data] {
    var found: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: folder)
    where path != ".lock" && path != "state.json" && !path.hasPrefix("runs") {
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
      if !isDirectory.boolValue {
        found[path] = FileManager.default.contents(atPath: folder + "/" + path)
      }
    }
    return found
  }

  @Test func runsKilledAtAnyPointLeaveValidFilesAndTheNextRunFinishesTheJob() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Three copies of the corpus, each file made unique, so a run takes a little while.
    let corpus = Self.repositoryRoot + "/corpus"
    for copy in 0..<3 {
      for sub in ["html", "text"] {
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus + "/" + sub) {
          var data = try #require(
            FileManager.default.contents(atPath: corpus + "/" + sub + "/" + name))
          if !name.contains("utf16") { data.append(Data("\n<!-- copy \(copy) -->\n".utf8)) }
          let target = folder + "/docs/copy\(copy)/" + sub
          try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
          try data.write(to: URL(fileURLWithPath: target + "/" + name))
        }
      }
    }
    let reference = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "reference", "--quiet"], in: folder)
    #expect(reference.status == 0, "\(reference.stderr)")

    for attempt in 0..<20 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: Self.binary)
      process.arguments = [
        "run", "--pipeline", "p.yml", "--output", "killed", "--quiet", "--jobs",
        attempt % 2 == 0 ? "1" : "2",
      ]
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(5_000 + attempt * 12_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Whatever is in place parses: no half-written evidence line.
      for (path, data) in (try? files(under: folder + "/killed")) ?? [:]
      where path.hasSuffix(".jsonl") {
        for line in data.split(separator: UInt8(ascii: "\n")) {
          #expect(
            (try? JSONSerialization.jsonObject(with: Data(line))) != nil,
            "\(path) after kill \(attempt)")
        }
      }
    }
    let finish = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "killed", "--quiet"], in: folder)
    #expect(finish.status == 0, "\(finish.stderr)")
    let killed = try files(under: folder + "/killed")
    let expected = try files(under: folder + "/reference")
    #expect(killed.keys.sorted() == expected.keys.sorted())
    #expect(killed == expected)
  }

  @Test func progressLineShowsDocumentsMegabytesRateAndTimeLeft() {
    let progress = PipelineRunner.Progress(
      documentsDone: 30, documentCount: 120, bytesDone: 2_500_000, byteCount: 10_000_000)
    let line = ProgressBar.line(for: progress, elapsed: .seconds(5), width: 8)
    #expect(line == "[##......] 30/120 docs  2.5/10.0 MB  0.5 MB/s  ETA 0:15")
  }

  @Test func progressBarIsDrawnOnATerminalOnly() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Through pipes (as under cron): the summary line, and no bar.
    let piped = try lspminer(["run", "--pipeline", "p.yml", "--output", "piped"], in: folder)
    #expect(piped.status == 0)
    #expect(!piped.stderr.contains("\r") && !piped.stderr.contains(" docs "))
    #expect(piped.stderr.contains("1 documents"))
    // On a pseudo-terminal made by util-linux `script`: the bar is drawn, then erased.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let command = "\(Self.binary) run p.yml --output tty"
    let onTerminal = try lspminer(
      ["-qec", command, "/dev/null"], in: folder, executable: "/usr/bin/script")
    #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
    #expect(onTerminal.stdout.contains("1/1 docs"))
    #expect(onTerminal.stdout.contains("\r\u{1B}[K"))
    // --quiet draws nothing, even on a terminal.
    let quiet = try lspminer(
      ["-qec", command + "-quiet --quiet", "/dev/null"], in: folder, executable: "/usr/bin/script")
    #expect(quiet.status == 0)
    #expect(!quiet.stdout.contains("docs"))
  }

  @Test func verboseAddsPhaseLinesThroughTheLogAndQuietLeavesOnlyErrors() throws {
    let folder = try makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let normal = try lspminer(["run", "--pipeline", "p.yml", "--output", "o1"], in: folder)
    #expect(normal.status == 0)
    #expect(normal.stderr.split(separator: "\n").count == 1)
    #expect(!normal.stderr.contains("[debug]"))
    let verbose = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "o2", "--verbose"], in: folder)
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("lspminer: [debug] read and hashed 1 sources"))
    #expect(verbose.stderr.contains("lspminer: [debug] stage seconds summed over"))
    #expect(verbose.stderr.hasSuffix("-> o2\n"))
    try Data(repeating: 0, count: 400).write(to: URL(fileURLWithPath: folder + "/docs/bad.txt"))
    let quiet = try lspminer(
      ["run", "--pipeline", "p.yml", "--output", "o3", "--quiet"], in: folder)
    #expect(quiet.status == 1)
    let lines = quiet.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("lspminer: bad.txt") == true, "\(quiet.stderr)")
  }
}
