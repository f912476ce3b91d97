import Crypto
import Foundation

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

  /// Creates a runner.
  public init(definition: PipelineDefinition, processor: DocumentProcessor, jobs: Int) {
    self.definition = definition
    self.processor = processor
    self.jobs = max(1, jobs)
  }

  /// What a run did.
  public struct Report: Sendable {
    /// One record per source document, in source order.
    public var documents: [DocumentRecord]
    /// The documents that failed, in source order.
    public var failures: [DocumentFailure]
    /// Evidence records written.
    public var recordCount: Int
    /// Bytes of source read.
    public var byteCount: Int
    /// Stale evidence and text files removed.
    public var removedFileCount: Int

    /// Whether every document succeeded.
    public var succeeded: Bool { failures.isEmpty }
  }

  private struct Identified: Sendable {
    var file: SourceFile
    var docID: String?
    var byteCount: Int?
    var failure: DocumentFailure?
  }

  /// Runs the pipeline.
  ///
  /// - Throws: `OutputError` when the output folder or an index file cannot be written; a
  ///   document's own write failure is reported as that document's failure instead.
  public func run() async throws(OutputError) -> Report {
    let store = OutputStore(folder: definition.outputPath)
    try store.prepare()
    let discoverer = SourceDiscoverer(
      roots: definition.discoveryRoots, include: definition.include, exclude: definition.exclude,
      skippedFolders: [definition.outputPath])
    let (files, discoveryFailures) = discoverer.discover()
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)

    // Phase 1: read and hash every file, so that duplicates are known before anything is written.
    let identified = await concurrentMap(files, jobs: jobs) { Self.identify($0, reader: reader) }
    var firstSources: [String: String] = [:]
    for item in identified {
      if let docID = item.docID, firstSources[docID] == nil { firstSources[docID] = item.file.source }
    }
    let firstSource = firstSources

    // Phase 2: process each distinct document and write its files.
    let processor = self.processor
    let outcomes = await concurrentMap(identified, jobs: jobs) { item in
      Self.process(item, firstSource: firstSource, reader: reader, processor: processor, store: store)
    }
    let categories = processor.taxonomy.categories.map(\.name)
    let unlisted = discoveryFailures.map { failure in
      DocumentRecord(
        source: failure.source, status: .failed, blockCount: 0, sentenceCount: 0, recordCount: 0,
        categoryCounts: categories.map { ($0, 0) })
    }
    let documents = (outcomes.map(\.record) + unlisted).sorted { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    let failures = (discoveryFailures + outcomes.compactMap(\.failure)).sorted {
      $0.source.utf8.lexicographicallyPrecedes($1.source.utf8)
    }
    try store.writeIndex(documents: documents, failures: failures)
    let kept = Set(documents.filter { $0.status == .ok }.compactMap(\.docID))
    let removed = store.removeStale(keeping: kept)
    return Report(
      documents: documents, failures: failures, recordCount: documents.reduce(0) { $0 + $1.recordCount },
      byteCount: identified.reduce(0) { $0 + ($1.byteCount ?? 0) }, removedFileCount: removed)
  }
}

extension PipelineRunner {
  private static func identify(_ file: SourceFile, reader: SourceReader) -> Identified {
    do {
      let bytes = try reader.read(file)
      return Identified(file: file, docID: SHA256.hash(data: bytes).hexString, byteCount: bytes.count)
    } catch {
      var byteCount: Int?
      if case .tooLarge(let count, _) = error { byteCount = count }
      return Identified(
        file: file, byteCount: byteCount,
        failure: DocumentFailure(source: file.source, stage: .read, reason: error.description))
    }
  }

  private struct Outcome: Sendable {
    var record: DocumentRecord
    var failure: DocumentFailure?
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
    guard SHA256.hash(data: bytes).hexString == docID else {
      return failed(.read, "file changed while the run was reading it")
    }
    let format = item.file.formatByExtension ?? DocumentProcessor.sniffFormat(bytes)
    record.format = format
    switch processor.process(bytes, source: item.file.source, docID: docID, format: format) {
    case .failure(let failure):
      return Outcome(record: record, failure: failure)
    case .success(let result):
      do {
        try store.writeDocument(docID: docID, text: result.text, records: result.records)
      } catch {
        return failed(.emit, error.description)
      }
      record.status = .ok
      record.title = result.extracted.title
      record.encoding = result.decoded.encoding
      record.declaredEncoding = result.decoded.declaredEncoding
      record.blockCount = result.extracted.blocks.count
      record.sentenceCount = result.sentenceCount
      record.recordCount = result.records.count
      var counts = Dictionary(uniqueKeysWithValues: categories.map { ($0, 0) })
      for evidence in result.records { counts[evidence.code.category, default: 0] += 1 }
      record.categoryCounts = categories.map { ($0, counts[$0] ?? 0) }
      return Outcome(record: record)
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
