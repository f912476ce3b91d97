import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer merge`: the outputs of a sharded run joined into one.
  struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Join the outputs of the parts of a sharded run into one output folder.",
      discussion: """
        Each OUTPUT is an output folder of `lspminer run --shard K/N` with the same pipeline. \
        Writes the output one run over all the sources writes: documents.jsonl and errors.jsonl \
        in source order, the evidence and text of every document, and state.json, so the next \
        run over the joined folder reuses what is unchanged (run it with --output set to the \
        joined folder). Bytes that two parts both had become a duplicate of the source that \
        sorts first, as one run makes them. Parts that share a source, or were tagged with \
        another taxonomy, are refused (exit 2) before anything is written; a run or merge holding the \
        folder's lock makes it exit 75.
        """)

    @Argument(help: "The parts' output folders.")
    var parts: [String]

    @Option(help: "The folder to write (default: the pipeline's output).")
    var output: String?

    @OptionGroup var options: PipelineOptions

    func validate() throws {
      guard !parts.isEmpty else { throw ValidationError("name the parts' output folders") }
    }

    func run() async throws {
      var (definition, taxonomy) = try options.load()
      if let output { definition.outputPath = output }
      let resolved = parts.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
      if resolved.contains(URL(fileURLWithPath: definition.outputPath).standardizedFileURL.path) {
        printError(
          "lspminer: \(definition.outputPath): the joined output cannot be one of the parts")
        throw ExitCode(LSPMinerCommand.configurationErrorCode)
      }
      // One writer per output folder, as for run: the lock is taken once the parts are read.
      var lock: RunLock?
      defer { withExtendedLifetime(lock) {} }
      let outputPath = definition.outputPath
      let runner = PipelineRunner(
        definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
        jobs: 1)
      let summary: OutputMerge.Summary
      do {
        summary = try OutputMerge(runner: runner).merge(parts) {
          lock = try RunLock(outputFolder: outputPath)
        }
      } catch let error as RunLock.Failure {
        printError("lspminer: \(error)")
        if case .held = error { throw ExitCode(LSPMinerCommand.lockHeldCode) }
        throw ExitCode(LSPMinerCommand.outputErrorCode)
      } catch let error as OutputMerge.MergeError {
        printError("lspminer: \(error.description)")
        throw ExitCode(LSPMinerCommand.configurationErrorCode)
      } catch let error as OutputError {
        printError("lspminer: \(error.description)")
        throw ExitCode(74)
      }
      print(
        "\(summary.parts) parts, \(summary.documents) documents (\(summary.duplicates) duplicates) -> \(definition.outputPath)"
      )
    }
  }
}
