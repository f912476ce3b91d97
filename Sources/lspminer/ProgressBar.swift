import Foundation
import TextMining

/// A one-line progress bar on standard error: documents and MB done, rate and time left.
///
/// Drawn only when standard error is a terminal (so cron mail and redirected logs never see
/// it), at most ten times a second, and erased before the run's summary line is printed.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private let started = ContinuousClock.now
  private var lastDrawn: ContinuousClock.Instant?
  private var drawn = false
  private let width = 24

  /// Whether a bar should be drawn: standard error is a terminal and the run is not quiet.
  static func isWanted(quiet: Bool) -> Bool {
    !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Redraws the bar for the progress so far (throttled; the last document always draws).
  func update(_ progress: PipelineRunner.Progress) {
    lock.lock()
    defer { lock.unlock() }
    let now = ContinuousClock.now
    let isLast = progress.documentsDone == progress.documentCount
    if let lastDrawn, now - lastDrawn < .milliseconds(100), !isLast { return }
    lastDrawn = now
    drawn = true
    FileHandle.standardError.write(
      Data(
        ("\r" + Self.line(for: progress, elapsed: now - started, width: width) + "\u{1B}[K").utf8))
  }

  /// Erases the bar, leaving the cursor at the start of an empty line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    drawn = false
  }

  /// The bar's text: `[#######.....]  120/400 docs  3.2/10.5 MB  4.1 MB/s  ETA 0:02`.
  static func line(for progress: PipelineRunner.Progress, elapsed: Duration, width: Int) -> String {
    let fraction =
      progress.byteCount > 0
      ? Double(progress.bytesDone) / Double(progress.byteCount)
      : Double(progress.documentsDone) / Double(max(1, progress.documentCount))
    let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let seconds = elapsed.inSeconds
    let megabytes = Double(progress.bytesDone) / 1e6
    let rate = seconds > 0 ? megabytes / seconds : 0
    var eta = "--:--"
    if fraction > 0, seconds > 0 {
      let left = Int((seconds / fraction - seconds).rounded())
      eta = String(format: "%d:%02d", left / 60, left % 60)
    }
    return String(
      format: "[%@] %d/%d docs  %.1f/%.1f MB  %.1f MB/s  ETA %@", bar, progress.documentsDone,
      progress.documentCount,
      megabytes, Double(progress.byteCount) / 1e6, rate, eta)
  }
}
