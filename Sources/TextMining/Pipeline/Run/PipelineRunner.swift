import Foundation
import Logging

/// Runs a pipeline over its sources and writes its outputs: the whole batch, end to end.
///
/// Documents are processed concurrently (up to `jobs` at a time); each document's files are
/// written as soon as it is done, and the run's index files last, in source order, so the
/// output is the same byte for byte whatever `jobs` is. One bad document never stops the
/// batch: it gets a line in `errors.jsonl` and the run goes on.
public struct PipelineRunner: Sendable {
  public var definition: PipelineDefinition
  public var processor: DocumentProcessor
  /// How many documents to process at once.
  public var jobs: Int
  /// Process every document, whatever an earlier run left.
  public var isFull = false
  /// Remove the evidence of however many sources have gone (`--allow-removals`); otherwise a
  /// run that would remove more than `limits.max_removed_share` of them stops first.
  public var allowsRemovals = false
  /// Where the run tells what it is doing (phases and timings, at `debug`).
  public var logger = Logger(label: "lspminer.pipeline")
  /// Called after each document, in source order, with the run's progress so far.
  public var progress: (@Sendable (Progress) -> Void)?

  /// The tool's version, part of what makes outputs reusable.
  public static let toolVersion = "lspminer 0.7.0"

  /// Creates a runner.
  public init(
    definition: PipelineDefinition, processor: DocumentProcessor, jobs: Int, isFull: Bool = false
  ) {
    self.definition = definition
    self.processor = processor
    self.jobs = max(1, jobs)
    self.isFull = isFull
  }

  /// What makes an earlier run's outputs reusable: the taxonomy's hash, the pipeline file's
  /// hash, the sources and output as run, and the tool's version.
  public var versions: String {
    let key = [
      processor.taxonomy.sha256, definition.sha256, definition.sources.joined(separator: "\u{1}"),
      definition.outputPath, Self.toolVersion,
    ].joined(separator: "\u{0}")
    return ContentHash.hex(of: Array(key.utf8))
  }

  /// The real path of a folder that may not exist yet: its nearest existing ancestor resolved,
  /// with the rest appended.
  static func resolvedPath(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts = absolute.split(separator: "/").map(String.init).filter { $0 != "." }
    var missing: [String] = []
    while !parts.isEmpty {
      if let real = SourceDiscoverer.realPath("/" + parts.joined(separator: "/")) {
        return ([real == "/" ? "" : real] + missing.reversed()).joined(separator: "/")
      }
      missing.append(parts.removeLast())
    }
    return "/" + missing.reversed().joined(separator: "/")
  }

  /// Refuses an output folder that is a source folder or lies inside one.
  public func checkOutputIsOutsideSources() throws(RunError) {
    let output = Self.resolvedPath(definition.outputPath)
    for source in definition.sources {
      guard let real = SourceDiscoverer.realPath(source) else { continue }
      if output == real || output.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
        throw .outputInSources(output: definition.outputPath, source: source)
      }
    }
  }

  /// Runs the pipeline.
  ///
  /// Documents are read and hashed first (so duplicates are known before anything is written),
  /// then processed. Index lines are streamed in source order, so memory holds only the
  /// documents in flight, not the whole batch.
  ///
  /// - Throws: `RunError` when the output folder or an index file cannot be written, the output
  ///   folder lies among the sources, or too many sources have gone; a document's own write
  ///   failure is reported as that document's failure instead.
  public func run() async throws(RunError) -> Report {
    let clock = ContinuousClock()
    let started = clock.now
    try checkOutputIsOutsideSources()
    let store = OutputStore(folder: definition.outputPath)
    do { try store.prepare() } catch { throw .output(error) }
    let spool = ArchiveSpool(folder: store.spoolFolder)
    defer { spool.remove() }
    let (discovery, files, failures) = discoverSources(spool: spool)
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
    let identified =
      await concurrentMap(files, jobs: jobs) { DocumentJob.identify($0, reader: reader) } + failures
    let versions = self.versions
    let plan = try RunPlan(
      identified: identified, discovery: discovery,
      earlier: RunState.earlier(in: store, versions: versions),
      isFull: isFull, allowsRemovals: allowsRemovals,
      maxRemovedShare: definition.limits.maxRemovedShare)
    let hashed = clock.now
    logger.debug(
      "read and hashed \(plan.sources.count) sources (\(plan.byteCount) bytes, \(plan.firstSource.count) distinct) in \(hashed - started)"
    )
    var (report, written) = try await processDocuments(plan, reader: reader, store: store)
    do {
      try RunState.save(versions: versions, documents: written.documents, in: store)
    } catch {
      throw .output(error)
    }
    report.removedCount = plan.removed.count
    report.discoverAndHash = hashed - started
    report.total = clock.now - started
    do { try RunSummary.write(report, to: store, finished: Date()) } catch { throw .output(error) }
    report.removedFileCount = store.removeStale(keeping: written.docIDs)
    logger.debug(
      "kept \(report.unchangedCount) unchanged documents, processed \(report.newCount + report.changedCount), removed \(report.removedFileCount) stale files"
    )
    let stages = report.timings.seconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds))" }
      .joined(separator: ", ")
    logger.debug("stage seconds summed over \(jobs) jobs: \(stages)")
    return report
  }

  /// Finds the sources, with the members of archives among them expanded into the spool; the
  /// files to read, then the failures of discovery and expansion, in source order.
  private func discoverSources(
    spool: ArchiveSpool
  ) -> (SourceDiscoverer.Discovery, [SourceFile], failures: [DocumentJob.Source]) {
    let listing = definition.listSources(spool: spool)
    if listing.files != listing.discovery.files {
      logger.debug("expanded archives into \(listing.files.count) documents")
    }
    let failures = listing.failures.map { failure in
      DocumentJob.Source(
        file: SourceFile(source: failure.source, path: failure.source), failure: failure)
    }
    return (listing.discovery, listing.files, failures)
  }

  /// Processes each distinct document (or reuses what an earlier run made of it), writes its
  /// files, and streams its index lines in source order; then commits the index files.
  private func processDocuments(
    _ plan: RunPlan, reader: SourceReader, store: OutputStore
  ) async throws(RunError) -> (Report, (documents: AtomicFile.Written, docIDs: Set<String>)) {
    let processor = self.processor
    let index: IndexWriter
    do { index = try IndexWriter(store: store) } catch { throw .output(error) }
    var report = Report()
    var written: Set<String> = []
    var writeFailure: OutputError?
    await orderedForEach(
      plan.sources, jobs: jobs,
      transform: { item in
        DocumentJob.outcome(
          for: item, previous: plan.previous[item.file.source], firstSource: plan.firstSource,
          reader: reader,
          processor: processor, store: store)
      },
      consume: { outcome in
        guard writeFailure == nil else { return }
        do throws(OutputError) { try index.append(outcome) } catch { writeFailure = error }
        report.count(outcome, earlier: plan.previous[outcome.record.source])
        if outcome.record.status == .ok, let docID = outcome.record.docID { written.insert(docID) }
        progress?(
          Progress(
            documentsDone: report.documentCount, documentCount: plan.sources.count,
            bytesDone: report.byteCount,
            byteCount: plan.byteCount))
      })
    if let writeFailure {
      index.abandon()
      throw .output(writeFailure)
    }
    do {
      return (report, (try index.commit(), written))
    } catch {
      throw .output(error)
    }
  }
}
