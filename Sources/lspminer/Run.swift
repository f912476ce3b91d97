import ArgumentParser
import Foundation
import Logging
import TextMining

extension LSPMinerCommand {
  /// `lspminer run`: the batch job.
  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a pipeline over its sources and write evidence files.",
      discussion: """
        Writes evidence/<doc_id>.jsonl and text/<doc_id>.txt per document, documents.jsonl, \
        errors.jsonl and runs/<UTC time>.json under the output folder (default \
        out/<pipeline-name>). Archives among the sources (zip, tar, tar.gz, gz, WARC) are read \
        member by member. Only new and changed sources are processed unless --full is given. \
        Exit status: 0 when every document succeeded, 1 when some failed, 2 for a usage or \
        configuration error, 66 when more sources have gone than limits.max_removed_share \
        allows (nothing is changed), 74 when the output folder cannot be written, 75 when \
        another run holds the output folder's lock.
        """)

    @OptionGroup var options: PipelineOptions

    @Argument(help: .hidden, completion: .file(extensions: ["yml", "yaml"]))
    var legacyPipeline: String?

    @Option(
      name: .customLong("source"),
      help: "Read this folder instead of the pipeline's sources (repeatable).")
    var sources: [String] = []

    @Option(help: "Write outputs to this folder instead of the pipeline's.")
    var output: String?

    @Option(help: "Documents processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
      help: ArgumentHelp(
        "Process only part K of N of the sources (K/N, from 1/N to N/N).",
        discussion:
          "A source is in the part its name hashes to, the same on every machine; `lspminer merge` joins the parts' outputs."
      ))
    var shard: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Also print what each phase did and how long it took.")
    var verbose = false

    @Flag(help: "Process every document, even those an earlier run left unchanged.")
    var full = false

    @Flag(
      help:
        "Remove the evidence of sources that have gone, however many (see limits.max_removed_share)."
    )
    var allowRemovals = false

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
      if let shard, Shard(shard) == nil {
        throw ValidationError("--shard must be K/N with 1 <= K <= N, not '\(shard)'")
      }
      for source in sources {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory),
          isDirectory.boolValue
        else {
          throw ValidationError("--source '\(source)' is not a folder")
        }
      }
    }

    func run() async throws {
      StandardErrorLogHandler.bootstrap(level: quiet ? .error : verbose ? .debug : .notice)
      let logger = Logger(label: "lspminer")
      var (definition, taxonomy) = try options.load(legacyPipeline: legacyPipeline)
      if !sources.isEmpty { definition.sources = sources }
      if definition.isBuiltIn,
        let missing = definition.sources.first(where: {
          !FileManager.default.fileExists(atPath: $0)
        })
      {
        logger.error(
          "the built-in pipeline reads '\((missing as NSString).standardizingPath)', which does not exist: pass --source DIR, or write a pipeline with 'lspminer init' and edit its sources"
        )
        throw ExitCode(LSPMinerCommand.configurationErrorCode)
      }
      if let output { definition.outputPath = output }
      var runner = PipelineRunner(
        definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
        jobs: jobs,
        isFull: full)
      runner.allowsRemovals = allowRemovals
      runner.shard = shard.flatMap(Shard.init)
      do {
        try runner.checkOutputIsOutsideSources()
      } catch {
        logger.error("\(error)")
        throw ExitCode(LSPMinerCommand.configurationErrorCode)
      }
      let lock: RunLock
      do {
        lock = try RunLock(outputFolder: definition.outputPath)
      } catch {
        logger.error("\(error)")
        if case .held = error { throw ExitCode(LSPMinerCommand.lockHeldCode) }
        throw ExitCode(LSPMinerCommand.outputErrorCode)
      }
      defer { withExtendedLifetime(lock) {} }
      StopSignals.install()
      let bar = ProgressBar.isWanted(quiet: quiet) ? ProgressBar() : nil
      if let bar { runner.progress = { bar.update($0) } }
      let started = ContinuousClock.now
      let report: PipelineRunner.Report
      do {
        report = try await runner.run()
        bar?.finish()
      } catch {
        bar?.finish()
        logger.error("\(error)")
        switch error {
        case .output: throw ExitCode(LSPMinerCommand.outputErrorCode)
        case .outputInSources: throw ExitCode(LSPMinerCommand.configurationErrorCode)
        case .tooManyRemovals: throw ExitCode(LSPMinerCommand.sourcesGoneCode)
        }
      }
      for failure in report.failures { logger.error("\(failure)") }
      for partial in report.partials { logger.warning("\(partial)") }
      let seconds = (ContinuousClock.now - started) / .seconds(1)
      let summary =
        "\(report.documentCount) documents (\(report.okCount) ok, \(report.duplicateCount) duplicate, "
        + "\(report.failures.count) failed\(report.partials.isEmpty ? "" : ", \(report.partials.count) partial"); \(report.newCount) new, \(report.changedCount) changed, "
        + "\(report.unchangedCount) unchanged, \(report.removedCount) removed"
        + (report.keptCount > 0 ? ", \(report.keptCount) unreadable kept from an earlier run" : "")
        + "), \(report.recordCount) records in "
        + "\(String(format: "%.2f", seconds)) s -> \(definition.outputPath)"
      logger.notice("\(summary)")
      if !report.succeeded { throw ExitCode.failure }
    }
  }
}
