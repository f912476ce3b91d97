import Foundation
import Logging
import TextMining

/// The command line's log handler: one plain line per message on standard error,
/// `lspminer: <message>`, with `[debug]`/`[warning]` marks where the level is not obvious.
///
/// Cron mails whatever a job prints, so the default level (`notice`) shows the run's summary
/// and errors only; `--quiet` raises it to `error`; `--verbose` lowers it to `debug`.
struct StandardErrorLogHandler: LogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    // On a terminal, first erase whatever the progress bar left on the line.
    var line = Self.isTerminal ? "\r\u{1B}[K" : ""
    line += "lspminer: "
    switch event.level {
    case .trace, .debug: line += "[debug] "
    case .warning: line += "[warning] "
    case .info, .notice, .error, .critical: break
    }
    var message = event.message.description
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    if !merged.isEmpty {
      message +=
        " ("
        + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        + ")"
    }
    // Names from archives and folders can hold newlines and terminal escapes: one message is
    // one line, and nothing in it can move the cursor or forge a line of a cron log.
    line += message.escapingControls
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  private static let isTerminal = isatty(STDERR_FILENO) == 1

  /// Routes every logger in the process to standard error at `level`. Call once, first thing.
  static func bootstrap(level: Logger.Level) {
    LoggingSystem.bootstrap { _ in StandardErrorLogHandler(logLevel: level) }
  }
}
