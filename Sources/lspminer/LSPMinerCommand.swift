import ArgumentParser
import Foundation
import TextMining

/// The `lspminer` command line: turns report archives into JSON Lines evidence.
@main
struct LSPMinerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lspminer",
    abstract: "Mine evidence about Local Strategic Partnerships from report archives.",
    discussion: """
      Exit codes: 0 all well; 1 some documents failed (see errors.jsonl); 2 usage or \
      configuration error; 66 more sources gone than limits.max_removed_share allows (nothing \
      changed); 74 the output folder cannot be written; 75 another run holds the output \
      folder's lock.
      """,
    version: String(PipelineRunner.toolVersion.dropFirst("lspminer ".count)),
    subcommands: [
      Run.self, Tag.self, Validate.self, Extract.self, Eval.self, Explain.self,
      FindingsCommand.self, Kwic.self, ReportCommand.self, Diff.self, Export.self, Lint.self,
      Stream.self, Merge.self, TrainPolarity.self,
      Init.self,
      BenchmarkExtract.self,
      BenchmarkTag.self,
    ],
    defaultSubcommand: nil)

  /// Exit status for a usage or configuration error.
  static let configurationErrorCode: Int32 = 2

  /// Exit status when another run holds the output folder's lock (EX_TEMPFAIL: try again later).
  static let lockHeldCode: Int32 = 75

  /// Exit status when the output folder or an index file cannot be written (EX_IOERR).
  static let outputErrorCode: Int32 = 74

  /// Exit status when more sources have gone than a run may remove (EX_NOINPUT: is a source
  /// folder empty or not mounted?).
  static let sourcesGoneCode: Int32 = 66

  /// Parses arguments and runs the command, mapping usage errors to exit code 2.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as ConfigurationError {
      printError("lspminer: \(error)")
      Foundation.exit(configurationErrorCode)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)
      }
      if code == .validationFailure {
        // Usage errors: ArgumentParser's message and help, but our documented exit status.
        printError(lines: fullMessage(for: error))
        Foundation.exit(configurationErrorCode)
      }
      exit(withError: error)
    }
  }
}

/// Writes a line to standard error, its control characters escaped (see `escapingControls`).
func printError(_ message: String) {
  FileHandle.standardError.write(Data((message.escapingControls + "\n").utf8))
}

/// Writes a message of several lines (usage and help) to standard error, each line's control
/// characters escaped.
func printError(lines message: String) {
  for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
    printError(String(line))
  }
}
