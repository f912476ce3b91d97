import Foundation

/// One source's part of a run: reading and hashing it, then reusing what an earlier run made of
/// it, keeping that when the source cannot be read this time, or processing it and writing its
/// evidence and text.
enum DocumentJob {
  /// A source after it was read and hashed (or failed to be).
  struct Source: Sendable {
    var file: SourceFile
    var docID: String?
    var byteCount: Int?
    var failure: DocumentFailure?
    /// A source an earlier run had, in a folder that could not be listed this time.
    var isUnlisted = false
    /// For a member of an archive: the archive file it is read from (its outermost archive).
    var archive: SourceFile?
    /// For a file: its stamp when it was read and hashed. A later read with the same stamp
    /// reads the same bytes, which then need no second hash.
    var stamp: ContentStamp?
  }

  /// What every source's outcome is decided against: the plan and the stages.
  struct Context: Sendable {
    var previous: [String: RunState.Previous]
    var firstSource: [String: String]
    var reader: SourceReader
    var processor: DocumentProcessor
    var store: OutputStore
  }

  /// The outcome for one source in a folder: the earlier run's, when its bytes and files are
  /// unchanged or it cannot be read this time and the earlier evidence is sound; else processed
  /// afresh from the file.
  static func outcome(for item: Source, context: Context) -> Outcome {
    if let decided = outcomeWithoutBytes(for: item, context: context) { return decided }
    let bytes: [UInt8]
    let stamp: ContentStamp?
    do {
      (bytes, stamp) = try context.reader.readStamped(item.file)
    } catch {
      return failed(item, stage: .read, reason: error.description, context: context)
    }
    return process(
      item, bytes: bytes, declared: .none, context: context,
      isUnchanged: item.stamp != nil && item.stamp == stamp && bytes.count == item.byteCount)
  }

  /// The outcome when the source's bytes are not needed to decide it: reused, kept, failed
  /// before reading, or a duplicate. Nil when the source is to be processed.
  static func outcomeWithoutBytes(for item: Source, context: Context) -> Outcome? {
    let previous = context.previous[item.file.source]
    if let reused = reusable(
      item, previous: previous, firstSource: context.firstSource, store: context.store)
    {
      return reused
    }
    if let keptOutcome = keptFromEarlier(item, previous: previous, store: context.store) {
      return keptOutcome
    }
    var record = emptyRecord(item, context: context)
    if let failure = item.failure { return Outcome(record: record, failure: failure) }
    if item.isUnlisted {
      // In a folder that cannot be listed, and the earlier evidence is gone or damaged.
      let failure = DocumentFailure(
        source: item.file.source, stage: .discover,
        reason:
          "its folder cannot be listed, and the evidence an earlier run made of it is missing or damaged"
      )
      return Outcome(record: record, failure: failure)
    }
    guard let docID = item.docID else { return Outcome(record: record) }
    if let first = context.firstSource[docID], first != item.file.source {
      record.status = .duplicate
      record.duplicateOf = first
      return Outcome(record: record)
    }
    return nil
  }

  /// A failed document's outcome.
  static func failed(
    _ item: Source, stage: DocumentFailure.Stage, reason: String, context: Context
  ) -> Outcome {
    Outcome(
      record: emptyRecord(item, context: context),
      failure: DocumentFailure(
        source: item.file.source, docID: item.docID, stage: stage, reason: reason))
  }

  private static func emptyRecord(_ item: Source, context: Context) -> DocumentRecord {
    let categories = context.processor.taxonomy.categories.map(\.name)
    return DocumentRecord(
      source: item.file.source, docID: item.docID, byteCount: item.byteCount, format: nil,
      status: .failed,
      blockCount: 0, sentenceCount: 0, recordCount: 0, categoryCounts: categories.map { ($0, 0) })
  }

  /// Reads and hashes a source.
  static func identify(_ file: SourceFile, reader: SourceReader) -> Source {
    do {
      let (bytes, stamp) = try reader.readStamped(file)
      return Source(
        file: file, docID: ContentHash.hex(of: bytes), byteCount: bytes.count, stamp: stamp)
    } catch {
      var byteCount: Int?
      var failure = DocumentFailure(source: file.source, stage: .read, reason: error.description)
      switch error {
      case .tooLarge(let count, _): byteCount = count
      case .unreadable: failure.isUnreadable = true
      }
      return Source(file: file, byteCount: byteCount, failure: failure)
    }
  }

  /// What became of one source: its documents.jsonl record, and its errors.jsonl line if any.
  struct Outcome: Sendable {
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
    _ item: Source, previous: RunState.Previous?, firstSource: [String: String], store: OutputStore
  ) -> Outcome? {
    guard let previous, let docID = item.docID, previous.docID == docID, previous.isOK,
      firstSource[docID] == item.file.source,
      RunState.filesAreIntact(previous, docID: docID, in: store)
    else { return nil }
    let record = DocumentRecord(
      source: item.file.source, docID: docID, byteCount: item.byteCount, status: .ok, blockCount: 0,
      sentenceCount: 0, recordCount: 0, categoryCounts: [])
    return Outcome(
      record: record, reusedLine: previous.line, reusedRecordCount: previous.recordCount)
  }

  /// The earlier run's outcome for a source that could not be read (or listed) this time,
  /// when that run processed it and its files are intact: its evidence stays, and the failure
  /// says so. Nil when the source was read, or there is nothing sound to keep.
  private static func keptFromEarlier(
    _ item: Source, previous: RunState.Previous?, store: OutputStore
  ) -> Outcome? {
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
      record: record, failure: failure, reusedLine: previous.line,
      reusedRecordCount: previous.recordCount, isKept: true)
  }

  /// Processes a document from its bytes (checked against the hash it was listed with) and
  /// writes its files.
  ///
  /// `isUnchanged` says the bytes were read from a file whose stamp had not changed since it
  /// was hashed: they are not hashed again (a second SHA-256 of every page cost about a
  /// twentieth of a run).
  static func process(
    _ item: Source, bytes: [UInt8], declared: DeclaredContent, context: Context,
    isUnchanged: Bool = false
  ) -> Outcome {
    let processor = context.processor
    let store = context.store
    let categories = processor.taxonomy.categories.map(\.name)
    var record = emptyRecord(item, context: context)
    guard let docID = item.docID else { return Outcome(record: record) }
    func failed(_ stage: DocumentFailure.Stage, _ reason: String) -> Outcome {
      Outcome(
        record: record,
        failure: DocumentFailure(
          source: item.file.source, docID: docID, stage: stage, reason: reason))
    }
    guard isUnchanged || ContentHash.hex(of: bytes) == docID else {
      return failed(
        .read,
        item.archive == nil
          ? "file changed while the run was reading it"
          : "the archive changed while the run was reading it")
    }
    let format = DocumentFormat.guess(for: item.file, bytes: bytes, declared: declared)
    record.format = format
    switch processor.process(
      bytes, source: item.file.source, docID: docID, format: format, declared: declared)
    {
    case .failure(let failure):
      return Outcome(record: record, failure: failure)
    case .success(let result):
      let writeStart = ContinuousClock.now
      do {
        record.written = try store.writeDocument(
          docID: docID, text: result.text, records: result.records)
      } catch {
        return failed(.emit, error.description)
      }
      var timings = result.timings
      timings.write = ContinuousClock.now - writeStart
      describe(&record, result: result, categories: categories)
      let partial = result.partialNote(limits: processor.limits).map {
        DocumentFailure(
          source: item.file.source, docID: docID, stage: .tag, reason: $0, outcome: .partial)
      }
      return Outcome(record: record, failure: partial, timings: timings)
    }
  }

  /// Fills a processed document's record from what the stages made of it (all but the files
  /// written, which the caller sets).
  static func describe(
    _ record: inout DocumentRecord, result: DocumentProcessor.Result, categories: [String]
  ) {
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
  }
}

extension IndexWriter {
  /// Appends a source's line to `documents.jsonl` (the earlier run's line when it is reused), and
  /// its failure, if any, to `errors.jsonl`.
  func append(_ outcome: DocumentJob.Outcome) throws(OutputError) {
    if let line = outcome.reusedLine {
      try append(documentLine: line)
    } else {
      try append(outcome.record)
    }
    if let failure = outcome.failure { try append(failure) }
  }
}
