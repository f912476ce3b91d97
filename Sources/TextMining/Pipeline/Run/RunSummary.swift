import Foundation

/// A run's summary, written to `runs/<UTC timestamp>.json` in the output folder: what the run
/// found and did, and where its time went.
enum RunSummary {
  static func write(_ report: PipelineRunner.Report, to store: OutputStore, finished: Date)
    throws(OutputError)
  {
    let formatter = ISO8601DateFormatter()
    // Milliseconds, so that two runs within one second each keep their summary.
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    let stamp = formatter.string(from: finished)
    var counts = JSONObjectWriter()
    counts.write("documents", report.documentCount)
    counts.write("new", report.newCount)
    counts.write("changed", report.changedCount)
    counts.write("unchanged", report.unchangedCount)
    counts.write("removed", report.removedCount)
    counts.write("failed", report.failures.count)
    counts.write("partial", report.partials.count)
    counts.write("duplicate", report.duplicateCount)
    counts.write("records", report.recordCount)
    counts.write("bytes", report.byteCount)
    counts.write("archives", report.archiveCount)
    counts.write("archives_unchanged", report.unchangedArchiveCount)
    counts.write("archive_walks", report.archiveWalkCount)
    var stages = JSONObjectWriter()
    stages.write("discover_and_hash", report.discoverAndHash.inSeconds)
    for (stage, value) in report.timings.seconds { stages.write(stage, value) }
    var object = JSONObjectWriter()
    object.write("finished", stamp)
    object.write("counts", object: counts)
    object.write("seconds", report.total.inSeconds)
    object.write("stage_seconds", object: stages)
    let folder = store.runsFolder
    let name = stamp.replacingOccurrences(of: ":", with: "")
    try AtomicFile.write(object.lineBytes, to: "\(folder)/\(name).json")
  }
}
