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

  /// How far a run has got: documents and source bytes done, out of the totals found.
  public struct Progress: Sendable, Equatable {
    public var documentsDone: Int
    public var documentCount: Int
    public var bytesDone: Int
    public var byteCount: Int

    /// Creates a progress value.
    public init(documentsDone: Int, documentCount: Int, bytesDone: Int, byteCount: Int) {
      self.documentsDone = documentsDone
      self.documentCount = documentCount
      self.bytesDone = bytesDone
      self.byteCount = byteCount
    }
  }

  /// The tool's version, part of what makes outputs reusable.
  public static let toolVersion = "lspminer 0.7.0"

  /// Creates a runner.
  public init(definition: PipelineDefinition, processor: DocumentProcessor, jobs: Int, isFull: Bool = false) {
    self.definition = definition
    self.processor = processor
    self.jobs = max(1, jobs)
    self.isFull = isFull
  }

  /// What makes an earlier run's outputs reusable: the taxonomy's hash, the pipeline file's
  /// hash, the sources and output as run, and the tool's version.
  public var versions: String {
    let pipelineBytes = FileManager.default.contents(atPath: definition.file).map { Array($0) } ?? []
    let key = [
      processor.taxonomy.sha256, ContentHash.hex(of: pipelineBytes), definition.sources.joined(separator: "\u{1}"),
      definition.outputPath, Self.toolVersion,
    ].joined(separator: "\u{0}")
    return ContentHash.hex(of: Array(key.utf8))
  }

  /// What a run did.
  public struct Report: Sendable {
    /// Documents seen, including failed ones.
    public var documentCount = 0
    /// Documents processed or kept.
    public var okCount = 0
    /// Sources not seen by the earlier run.
    public var newCount = 0
    /// Sources whose bytes changed since the earlier run.
    public var changedCount = 0
    /// Sources kept as the earlier run left them.
    public var unchangedCount = 0
    /// Sources the earlier run had that are gone.
    public var removedCount = 0
    /// Time summed over documents for each stage (CPU time across jobs, not wall time).
    public var timings = StageTimings()
    /// Wall time to discover, read and hash the sources.
    public var discoverAndHash = Duration.zero
    /// Wall time of the whole run.
    public var total = Duration.zero
    /// Documents whose bytes equal an earlier source's.
    public var duplicateCount = 0
    /// The documents that failed, in source order.
    public var failures: [DocumentFailure] = []
    /// Documents whose evidence was written with part of them left out (over-long sentences),
    /// in source order.
    public var partials: [DocumentFailure] = []
    /// Evidence records written.
    public var recordCount = 0
    /// Bytes of source read.
    public var byteCount = 0
    /// Stale evidence and text files removed.
    public var removedFileCount = 0
    /// Sources that could not be read (or listed) this time whose earlier evidence was kept.
    public var keptCount = 0

    /// Whether every document succeeded.
    public var succeeded: Bool { failures.isEmpty }
  }

  private struct Identified: Sendable {
    var file: SourceFile
    var docID: String?
    var byteCount: Int?
    var failure: DocumentFailure?
    /// A source an earlier run had, in a folder that could not be listed this time.
    var isUnlisted = false
  }

  /// Why a run stopped before it wrote its outputs.
  public enum RunError: Error, CustomStringConvertible {
    /// The output folder or an index file could not be written.
    case output(OutputError)
    /// The output folder is a source folder or lies inside one.
    case outputInSources(output: String, source: String)
    /// More sources have gone than `limits.max_removed_share` allows.
    case tooManyRemovals(removed: Int, known: Int, share: Double, examples: [String])

    public var description: String {
      switch self {
      case .output(let error): error.description
      case .outputInSources(let output, let source):
        output == source
          ? "the output folder '\(output)' is a source folder; outputs would be read back as documents: choose another --output"
          : "the output folder '\(output)' is inside the source folder '\(source)'; outputs would land among the sources: choose another --output"
      case .tooManyRemovals(let removed, let known, let share, let examples):
        "\(removed) of the \(known) sources an earlier run found are gone (more than limits.max_removed_share, "
          + "\(Int((share * 100).rounded())) %), for example \(examples.map { "'\($0)'" }.joined(separator: ", ")); "
          + "is a source folder empty or not mounted? Nothing was changed. If they were removed on purpose, run again with --allow-removals"
      }
    }
  }

  /// The real path of a folder that may not exist yet: its nearest existing ancestor resolved,
  /// with the rest appended.
  static func resolvedPath(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
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
    var discoverer = SourceDiscoverer(
      roots: definition.discoveryRoots, include: definition.include, exclude: definition.exclude,
      skippedFolders: [definition.outputPath])
    discoverer.followsLinksOutside = definition.followsLinksOutside
    let discovery = discoverer.discover()
    var files = discovery.files
    var discoveryFailures = discovery.failures
    // Archives are expanded into a spool folder of this run's own (we hold the lock).
    let spool = store.spoolFolder
    try? FileManager.default.removeItem(atPath: spool)
    TemporaryFiles.shared.add(spool)
    defer {
      try? FileManager.default.removeItem(atPath: spool)
      TemporaryFiles.shared.remove(spool)
    }
    if files.contains(where: { ArchiveExpander.isArchive($0.source) }) {
      let expander = ArchiveExpander(
        maxMemberBytes: definition.maxFileBytes, maxArchiveBytes: definition.maxArchiveBytes, spoolFolder: spool)
      var expandedFiles: [SourceFile] = []
      for (index, file) in files.enumerated() {
        guard ArchiveExpander.isArchive(file.source) else {
          expandedFiles.append(file)
          continue
        }
        let (members, failures) = expander.expand(file, prefix: String(index)) { discoverer.isIncluded($0) }
        expandedFiles += members
        discoveryFailures += failures
      }
      files = expandedFiles.sorted()
      logger.debug("expanded archives into \(files.count) documents")
    }
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)

    // Phase 1: read and hash every file, so that duplicates are known before anything is written.
    var identified = await concurrentMap(files, jobs: jobs) { Self.identify($0, reader: reader) }
    identified += discoveryFailures.map { failure in
      Identified(file: SourceFile(source: failure.source, path: failure.source), failure: failure)
    }
    let versions = self.versions
    let earlier = RunState.earlier(in: store, versions: versions)
    let previous = isFull ? [:] : earlier.documents
    // What an earlier run found in a folder that cannot be listed now is not known to be gone:
    // it keeps its evidence when that was made by the same versions.
    var present = Set(identified.map(\.file.source))
    for source in earlier.sources where !present.contains(source) && discovery.isUnlisted(source) {
      present.insert(source)
      if previous[source] != nil {
        identified.append(Identified(file: SourceFile(source: source, path: ""), isUnlisted: true))
      }
    }
    identified.sort { $0.file < $1.file }
    let removed = earlier.sources.filter { !present.contains($0) }
    let known = earlier.sources.count
    if !allowsRemovals, !isFull, known > 0, Double(removed.count) > definition.limits.maxRemovedShare * Double(known) {
      throw .tooManyRemovals(
        removed: removed.count, known: known, share: definition.limits.maxRemovedShare, examples: Array(removed.prefix(3)))
    }
    var firstSources: [String: String] = [:]
    for item in identified {
      if let docID = item.docID, firstSources[docID] == nil { firstSources[docID] = item.file.source }
    }
    let firstSource = firstSources
    let hashed = clock.now
    let totalBytes = identified.reduce(0) { $0.saturatingAdd($1.byteCount ?? 0) }
    logger.debug(
      "read and hashed \(identified.count) sources (\(totalBytes) bytes, \(firstSource.count) distinct) in \(hashed - started)")

    // Phase 2: process each distinct document, write its files, and stream the index lines.
    let processor = self.processor
    let index: IndexWriter
    do { index = try IndexWriter(store: store) } catch { throw .output(error) }
    var report = Report()
    var kept: Set<String> = []
    var writeFailure: OutputError?
    await orderedForEach(
      identified, jobs: jobs,
      transform: { item in
        let earlier = previous[item.file.source]
        if let reused = Self.reusable(item, previous: earlier, firstSource: firstSource, store: store) { return reused }
        if let keptOutcome = Self.keptFromEarlier(item, previous: earlier, store: store) { return keptOutcome }
        return Self.process(item, firstSource: firstSource, reader: reader, processor: processor, store: store)
      },
      consume: { outcome in
        guard writeFailure == nil else { return }
        if let earlier = previous[outcome.record.source] {
          if outcome.reusedLine != nil { report.unchangedCount += 1 } else if earlier.docID != outcome.record.docID { report.changedCount += 1 }
        } else {
          report.newCount += 1
        }
        do throws(OutputError) {
          if let line = outcome.reusedLine {
            try index.append(documentLine: line)
          } else {
            try index.append(outcome.record)
          }
          if let failure = outcome.failure {
            try index.append(failure)
            switch failure.outcome {
            case .partial: report.partials.append(failure)
            case .kept: report.failures.append(failure)
            case .failed: report.failures.append(failure)
            }
          }
        } catch {
          writeFailure = error
        }
        if outcome.isKept { report.keptCount += 1 }
        report.documentCount += 1
        report.byteCount = report.byteCount.saturatingAdd(outcome.record.byteCount ?? 0)
        report.recordCount = report.recordCount.saturatingAdd(outcome.reusedRecordCount ?? outcome.record.recordCount)
        report.timings.add(outcome.timings)
        progress?(
          Progress(
            documentsDone: report.documentCount, documentCount: identified.count, bytesDone: report.byteCount,
            byteCount: totalBytes))
        switch outcome.record.status {
        case .ok:
          report.okCount += 1
          if let docID = outcome.record.docID { kept.insert(docID) }
        case .duplicate: report.duplicateCount += 1
        case .failed: break
        }
      })
    if let writeFailure {
      index.abandon()
      throw .output(writeFailure)
    }
    do {
      let documents = try index.commit()
      try RunState.save(versions: versions, documents: documents, in: store)
    } catch {
      throw .output(error)
    }
    report.removedCount = removed.count
    report.discoverAndHash = hashed - started
    report.total = clock.now - started
    do { try RunSummary.write(report, to: store, finished: Date()) } catch { throw .output(error) }
    report.removedFileCount = store.removeStale(keeping: kept)
    logger.debug(
      "kept \(report.unchangedCount) unchanged documents, processed \(report.newCount + report.changedCount), removed \(report.removedFileCount) stale files")
    let stages = report.timings.seconds.map { "\($0.stage) \(String(format: "%.2f", $0.seconds))" }.joined(separator: ", ")
    logger.debug("stage seconds summed over \(jobs) jobs: \(stages)")
    return report
  }
}

extension PipelineRunner {
  private static func identify(_ file: SourceFile, reader: SourceReader) -> Identified {
    do {
      let bytes = try reader.read(file)
      return Identified(file: file, docID: ContentHash.hex(of: bytes), byteCount: bytes.count)
    } catch {
      var byteCount: Int?
      var failure = DocumentFailure(source: file.source, stage: .read, reason: error.description)
      switch error {
      case .tooLarge(let count, _): byteCount = count
      case .unreadable: failure.isUnreadable = true
      }
      return Identified(file: file, byteCount: byteCount, failure: failure)
    }
  }

  private struct Outcome: Sendable {
    var record: DocumentRecord
    var failure: DocumentFailure?
    /// The earlier run's documents.jsonl line, when the document is kept as it was.
    var reusedLine: [UInt8]? = nil
    var reusedRecordCount: Int? = nil
    var timings = StageTimings()
    /// The source could not be read this time and keeps an earlier run's evidence.
    var isKept = false
  }

  /// The earlier run's outcome for a source whose bytes, versions and files are unchanged.
  private static func reusable(
    _ item: Identified, previous: RunState.Previous?, firstSource: [String: String], store: OutputStore
  ) -> Outcome? {
    guard let previous, let docID = item.docID, previous.docID == docID, previous.isOK,
      firstSource[docID] == item.file.source, RunState.filesAreIntact(previous, docID: docID, in: store)
    else { return nil }
    let record = DocumentRecord(
      source: item.file.source, docID: docID, byteCount: item.byteCount, status: .ok, blockCount: 0,
      sentenceCount: 0, recordCount: 0, categoryCounts: [])
    return Outcome(record: record, reusedLine: previous.line, reusedRecordCount: previous.recordCount)
  }

  /// The earlier run's outcome for a source that could not be read (or listed) this time,
  /// when that run processed it and its files are intact: its evidence stays, and the failure
  /// says so. Nil when the source was read, or there is nothing sound to keep.
  private static func keptFromEarlier(_ item: Identified, previous: RunState.Previous?, store: OutputStore) -> Outcome? {
    let unreadable = item.isUnlisted || item.failure?.isUnreadable == true
    guard unreadable, let previous, previous.isOK, let docID = previous.docID,
      RunState.filesAreIntact(previous, docID: docID, in: store)
    else { return nil }
    var failure = item.failure
    failure?.docID = docID
    failure?.outcome = .kept
    failure?.reason += "; the evidence of an earlier run is kept"
    let record = DocumentRecord(
      source: item.file.source, docID: docID, byteCount: nil, status: .ok, blockCount: 0,
      sentenceCount: 0, recordCount: 0, categoryCounts: [])
    return Outcome(
      record: record, failure: failure, reusedLine: previous.line, reusedRecordCount: previous.recordCount, isKept: true)
  }

  private static func process(
    _ item: Identified, firstSource: [String: String], reader: SourceReader, processor: DocumentProcessor,
    store: OutputStore
  ) -> Outcome {
    let categories = processor.taxonomy.categories.map(\.name)
    var record = DocumentRecord(
      source: item.file.source, docID: item.docID, byteCount: item.byteCount, format: nil, status: .failed,
      blockCount: 0, sentenceCount: 0, recordCount: 0, categoryCounts: categories.map { ($0, 0) })
    if let failure = item.failure { return Outcome(record: record, failure: failure) }
    if item.isUnlisted {
      // In a folder that cannot be listed, and the earlier evidence is gone or damaged.
      let failure = DocumentFailure(
        source: item.file.source, stage: .discover,
        reason: "its folder cannot be listed, and the evidence an earlier run made of it is missing or damaged")
      return Outcome(record: record, failure: failure)
    }
    guard let docID = item.docID else { return Outcome(record: record) }
    if let first = firstSource[docID], first != item.file.source {
      record.status = .duplicate
      record.duplicateOf = first
      return Outcome(record: record)
    }
    func failed(_ stage: DocumentFailure.Stage, _ reason: String) -> Outcome {
      Outcome(record: record, failure: DocumentFailure(source: item.file.source, docID: docID, stage: stage, reason: reason))
    }
    let bytes: [UInt8]
    do {
      bytes = try reader.read(item.file)
    } catch {
      return failed(.read, error.description)
    }
    guard ContentHash.hex(of: bytes) == docID else {
      return failed(.read, "file changed while the run was reading it")
    }
    let format = DocumentFormat.guess(for: item.file, bytes: bytes)
    record.format = format
    switch processor.process(bytes, source: item.file.source, docID: docID, format: format) {
    case .failure(let failure):
      return Outcome(record: record, failure: failure)
    case .success(let result):
      let writeStart = ContinuousClock.now
      do {
        record.written = try store.writeDocument(docID: docID, text: result.text, records: result.records)
      } catch {
        return failed(.emit, error.description)
      }
      var timings = result.timings
      timings.write = ContinuousClock.now - writeStart
      record.status = .ok
      record.title = result.extracted.metadata.title ?? result.extracted.title
      record.published = result.extracted.metadata.published
      record.author = result.extracted.metadata.author
      record.language = result.extracted.metadata.language
      record.url = result.extracted.metadata.url
      record.encoding = result.decoded.encoding
      record.declaredEncoding = result.decoded.declaredEncoding
      record.blockCount = result.extracted.blocks.count
      record.sentenceCount = result.sentenceCount
      record.untaggedSentenceCount = result.skippedSentences.count
      record.recordCount = result.records.count
      var counts = Dictionary(uniqueKeysWithValues: categories.map { ($0, 0) })
      for evidence in result.records { counts[evidence.code.category, default: 0] += 1 }
      record.categoryCounts = categories.map { ($0, counts[$0] ?? 0) }
      let partial = result.partialNote(limits: processor.limits).map {
        DocumentFailure(source: item.file.source, docID: docID, stage: .tag, reason: $0, outcome: .partial)
      }
      return Outcome(record: record, failure: partial, timings: timings)
    }
  }
}

/// Runs `transform` over items, at most `jobs` at a time, and hands each output to `consume`
/// in the items' order. Outputs that finish early wait in a window of at most `4 * jobs`, so
/// memory stays bounded however many items there are.
func orderedForEach<Item: Sendable, Output: Sendable>(
  _ items: [Item], jobs: Int, transform: @escaping @Sendable (Item) -> Output, consume: (Output) -> Void
) async {
  let window = max(1, jobs) * 4
  await withTaskGroup(of: (Int, Output).self) { group in
    var waiting: [Int: Output] = [:]
    var next = 0
    var nextToConsume = 0
    var running = 0
    func refill() {
      while next < items.count, running < max(1, jobs), next - nextToConsume < window {
        let index = next
        let item = items[index]
        group.addTask { (index, transform(item)) }
        next += 1
        running += 1
      }
    }
    refill()
    while let (index, output) = await group.next() {
      running -= 1
      waiting[index] = output
      while let ready = waiting.removeValue(forKey: nextToConsume) {
        consume(ready)
        nextToConsume += 1
      }
      refill()
    }
  }
}

/// Maps over items with at most `jobs` transforms running at once; results keep the items' order.
func concurrentMap<Item: Sendable, Output: Sendable>(
  _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Output
) async -> [Output] {
  await withTaskGroup(of: (Int, Output).self) { group in
    var results = [Output?](repeating: nil, count: items.count)
    var next = 0
    while next < items.count && next < jobs {
      let index = next
      group.addTask { (index, transform(items[index])) }
      next += 1
    }
    while let (index, output) = await group.next() {
      results[index] = output
      if next < items.count {
        let index = next
        group.addTask { (index, transform(items[index])) }
        next += 1
      }
    }
    return results.compactMap { $0 }
  }
}
