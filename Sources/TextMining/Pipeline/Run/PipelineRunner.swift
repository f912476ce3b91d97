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
  /// Only the sources in this part (`--shard K/N`); nil for all.
  public var shard: Shard?
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
    let versions = self.versions
    let earlier = RunState.earlier(in: store, versions: versions)
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
    let discoverer = definition.makeDiscoverer()
    var discovery = discoverer.discover()
    if let shard {
      discovery.files.removeAll { !shard.contains($0.source) }
      discovery.failures.removeAll { !shard.contains($0.source) }
    }
    let filter = definition.memberFilter(discoverer)
    let plain = discovery.files.filter { !ArchiveWalker.isArchive($0.source) }
    let jobs = self.jobs
    // Files in folders are read and hashed concurrently, while archives are listed one after
    // another, in source order, so that the run's archive budget falls the same way every time.
    async let plainSources = concurrentMap(plain, jobs: jobs) {
      DocumentJob.identify($0, reader: reader)
    }
    let archives = listArchives(
      discovery.files.filter { ArchiveWalker.isArchive($0.source) }, filter: filter,
      earlier: earlier.archives)
    discovery.unlistedFolders += archives.unlisted
    let failures = discovery.failures.map { failure in
      DocumentJob.Source(
        file: SourceFile(source: failure.source, path: failure.source), failure: failure)
    }
    let identified = await plainSources + archives.sources + failures
    let plan = try RunPlan(
      identified: identified, discovery: discovery,
      earlier: earlier,
      isFull: isFull, allowsRemovals: allowsRemovals,
      maxRemovedShare: definition.limits.maxRemovedShare)
    let hashed = clock.now
    logger.debug(
      "read and hashed \(plan.sources.count) sources (\(plan.byteCount) bytes, \(plan.firstSource.count) distinct) in \(hashed - started)"
    )
    var (report, written) = try await processDocuments(
      plan, reader: reader, store: store, filter: filter)
    report.archiveCount = discovery.files.count { ArchiveWalker.isArchive($0.source) }
    report.unchangedArchiveCount = archives.unchanged
    report.archiveWalkCount += archives.walks
    do {
      try RunState.save(
        versions: versions, documents: written.documents, archives: archives.records, in: store)
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

  /// Lists each archive's members (`ArchiveJob.identify`), in source order, until the run's
  /// archives have expanded past `limits.max_run_archive_bytes`; later archives are reported and
  /// not read this time. An archive that cannot be read, or is not read, is `unlisted`: what an
  /// earlier run found in it keeps its evidence.
  private func listArchives(
    _ archives: [SourceFile], filter: MemberFilter, earlier: [String: ArchiveRecord]
  ) -> (
    sources: [DocumentJob.Source], records: [ArchiveRecord], unlisted: [String],
    unchanged: Int, walks: Int
  ) {
    let limits = definition.limits
    var sources: [DocumentJob.Source] = []
    var records: [ArchiveRecord] = []
    var unlisted: [String] = []
    var expanded = 0
    var unchanged = 0
    var walks = 0
    for archive in archives {
      guard expanded <= limits.maxRunArchiveBytes else {
        var failure = DocumentFailure(
          source: archive.source, stage: .discover,
          reason:
            "the run's archives have expanded beyond \(limits.maxRunArchiveBytes) bytes (limits.max_run_archive_bytes in the pipeline); not read this time"
        )
        failure.isUnreadable = true
        sources.append(DocumentJob.Source(file: archive, failure: failure))
        unlisted.append(archive.source)
        continue
      }
      let (members, record, walked, unreadable) = ArchiveJob.identify(
        archive, limits: limits.archiveLimits, filter: filter, earlier: earlier[archive.source])
      sources += members
      if walked { walks += 1 } else if record != nil { unchanged += 1 }
      if let record {
        records.append(record)
        // Only what was expanded this run counts; an unchanged archive was not.
        if walked { expanded = expanded.saturatingAdd(record.expandedBytes) }
      }
      if unreadable { unlisted.append(archive.source) }
    }
    if !archives.isEmpty {
      logger.debug("listed \(sources.count) members of \(archives.count) archives")
    }
    return (sources, records, unlisted, unchanged, walks)
  }

  /// Processes each distinct document (or reuses what an earlier run made of it), writes its
  /// files, and streams its index lines in source order; then commits the index files.
  private func processDocuments(
    _ plan: RunPlan, reader: SourceReader, store: OutputStore, filter: MemberFilter
  ) async throws(RunError) -> (Report, (documents: AtomicFile.Written, docIDs: Set<String>)) {
    let context = DocumentJob.Context(
      previous: plan.previous, firstSource: plan.firstSource, reader: reader,
      processor: processor, store: store)
    let index: IndexWriter
    do { index = try IndexWriter(store: store) } catch { throw .output(error) }
    var report = Report()
    var written: Set<String> = []
    var writeFailure: OutputError?
    func consume(_ outcome: DocumentJob.Outcome) {
      guard writeFailure == nil else { return }
      do throws(OutputError) { try index.append(outcome) } catch { writeFailure = error }
      report.count(outcome, earlier: plan.previous[outcome.record.source])
      if outcome.record.status == .ok, let docID = outcome.record.docID { written.insert(docID) }
      progress?(
        Progress(
          documentsDone: report.documentCount, documentCount: plan.sources.count,
          bytesDone: report.byteCount,
          byteCount: plan.byteCount))
    }
    // Runs of files in folders, and each archive's members, in source order: an archive is
    // walked once for all its members that need processing.
    var start = 0
    while start < plan.sources.count {
      let archive = plan.sources[start].archive
      var end = start + 1
      while end < plan.sources.count, plan.sources[end].archive?.source == archive?.source {
        end += 1
      }
      let segment = Array(plan.sources[start..<end])
      if let archive {
        let (outcomes, walked) = await ArchiveJob.outcomes(
          for: segment, archive: archive, limits: definition.limits.archiveLimits, filter: filter,
          jobs: jobs, context: context)
        if walked { report.archiveWalkCount += 1 }
        outcomes.forEach(consume)
      } else {
        await orderedForEach(
          segment, jobs: jobs,
          transform: { DocumentJob.outcome(for: $0, context: context) },
          consume: consume)
      }
      start = end
    }
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
