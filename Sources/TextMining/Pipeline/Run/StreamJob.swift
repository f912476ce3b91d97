import Foundation

/// `lspminer stream`: documents in, JSON lines out, with no state, no lock and no output folder,
/// so that a cluster (Spark's `RDD.pipe`, a Slurm array) can run the pipeline over any slice of
/// an archive and get what `run` would write for the same sources.
///
/// Each input line is a path (a file, or an archive or web archive, expanded as `run` expands
/// it) or a JSON object `{"source": ..., "text": ...}` or `{"source": ..., "html": ...}`. Its
/// output lines are, per document: its document record when asked for (`documents.jsonl`'s
/// line, with `"schema":"lspminer.document/1"` first), its evidence records, and an
/// `lspminer.error/1` line for a failure or a partial tagging (`errors.jsonl`'s line, with the
/// schema first). A bad document never fails the stream: it becomes its error line.
public struct StreamJob: Sendable {
  public var definition: PipelineDefinition
  public var processor: DocumentProcessor
  /// Paths are named relative to this folder when they lie in it (as `run` names sources
  /// relative to their source folder); nil names them as given.
  public var root: String?
  /// Emit each document's record before its evidence.
  public var includesDocuments = false

  /// The schemas of the lines that are not evidence.
  public static let documentSchema = "lspminer.document/1"
  public static let errorSchema = "lspminer.error/1"

  public init(definition: PipelineDefinition, processor: DocumentProcessor, root: String? = nil) {
    self.definition = definition
    self.processor = processor
    self.root = root.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
  }

  /// What one input line gives: its lines for standard output, and its messages for standard
  /// error (one per failed document, `source: reason`).
  public struct Output: Sendable {
    public var lines: [UInt8] = []
    public var messages: [String] = []
  }

  /// The output for one input line (`number` counts from 1, for messages about the line).
  public func output(forLine line: String, number: Int) -> Output {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    var output = Output()
    guard !trimmed.isEmpty else { return output }
    if trimmed.hasPrefix("{") {
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
        let source = object["source"] as? String, !source.isEmpty
      else {
        fail(
          DocumentFailure(
            source: "<input line \(number)>", stage: .read,
            reason:
              "input line \(number) is not a JSON object with a source and a text or html member"),
          into: &output)
        return output
      }
      let text = object["text"] as? String
      let html = object["html"] as? String
      guard (text == nil) != (html == nil) else {
        fail(
          DocumentFailure(
            source: source, stage: .read,
            reason: "input line \(number) needs exactly one of text and html"),
          into: &output)
        return output
      }
      let bytes = Array((text ?? html ?? "").utf8)
      process(
        DocumentJob.Source(
          file: SourceFile(source: source, path: source), docID: ContentHash.hex(of: bytes),
          byteCount: bytes.count), bytes: bytes, format: text != nil ? .plainText : .html,
        declared: .none, into: &output)
      return output
    }
    let path = trimmed
    let file = SourceFile(source: sourceName(path), path: path)
    if ArchiveWalker.isArchive(path) {
      expand(file, into: &output)
      return output
    }
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
    do {
      let bytes = try reader.read(file)
      process(
        DocumentJob.Source(file: file, docID: ContentHash.hex(of: bytes), byteCount: bytes.count),
        bytes: bytes, format: nil, declared: .none, into: &output)
    } catch {
      var byteCount: Int?
      if case .tooLarge(let count, _) = error { byteCount = count }
      emptyDocument(file.source, docID: nil, byteCount: byteCount, into: &output)
      fail(
        DocumentFailure(source: file.source, stage: .read, reason: error.description),
        into: &output)
    }
    return output
  }

  /// Streams input lines to output lines: up to `jobs` lines are processed at once, and their
  /// outputs are handed to `write` (and their messages to `message`) in input order.
  public func run(
    lines: some Sequence<String>, jobs: Int, write: ([UInt8]) -> Void,
    message: (String) -> Void
  ) async {
    var batch: [(Int, String)] = []
    let batchSize = max(1, jobs) * 16
    var number = 0
    let job = self
    func flush() async {
      await orderedForEach(
        batch, jobs: jobs, transform: { job.output(forLine: $0.1, number: $0.0) },
        consume: { output in
          if !output.lines.isEmpty { write(output.lines) }
          output.messages.forEach(message)
        })
      batch.removeAll(keepingCapacity: true)
    }
    for line in lines {
      number += 1
      batch.append((number, line))
      if batch.count == batchSize { await flush() }
    }
    await flush()
  }

  /// A path's source name: relative to the root when it lies in it.
  func sourceName(_ path: String) -> String {
    guard let root, path.hasPrefix(root + "/") else { return path }
    return String(path.dropFirst(root.count + 1))
  }

  /// An archive's documents, in archive order, each processed: nothing is remembered between
  /// documents, so the same bytes twice are tagged twice. (`run`, `merge` and the Spark job's
  /// assembly keep the copy whose source sorts first, and list the others as its duplicates.)
  private func expand(_ archive: SourceFile, into output: inout Output) {
    let discoverer = definition.makeDiscoverer()
    let walker = ArchiveWalker(
      archive: archive, limits: definition.limits.archiveLimits,
      filter: definition.memberFilter(discoverer))
    var ownFailures: [DocumentFailure] = []
    var memberFailures: [DocumentFailure] = []
    for item in walker {
      switch item {
      case .member(let member):
        let docID = ContentHash.hex(of: member.bytes)
        let source = DocumentJob.Source(
          file: SourceFile(source: member.source, path: archive.path), docID: docID,
          byteCount: member.bytes.count, archive: archive)
        process(source, bytes: member.bytes, format: nil, declared: member.declared, into: &output)
      case .failure(let failure):
        // After the members: the archive's own failures joined into one line, then its
        // members' failures (`run` lists them in source order, which consumers sort by).
        if failure.source == archive.source {
          ownFailures.append(failure)
        } else {
          memberFailures.append(failure)
        }
      }
    }
    if var joined = ownFailures.first {
      joined.reason = ownFailures.map(\.reason).joined(separator: "; ")
      emptyDocument(archive.source, docID: nil, byteCount: nil, into: &output)
      fail(joined, into: &output)
    }
    for failure in memberFailures {
      emptyDocument(failure.source, docID: failure.docID, byteCount: nil, into: &output)
      fail(failure, into: &output)
    }
  }

  private func process(
    _ item: DocumentJob.Source, bytes: [UInt8], format: DocumentFormat?,
    declared: DeclaredContent, into output: inout Output
  ) {
    let categories = processor.taxonomy.categories.map(\.name)
    let docID = item.docID ?? ContentHash.hex(of: bytes)
    var record = emptyRecord(item.file.source, docID: docID, byteCount: bytes.count)
    let format = format ?? DocumentFormat.guess(for: item.file, bytes: bytes, declared: declared)
    record.format = format
    switch processor.process(
      bytes, source: item.file.source, docID: docID, format: format, declared: declared)
    {
    case .failure(let failure):
      append(document: record, to: &output)
      fail(failure, into: &output)
    case .success(let result):
      var evidence: [UInt8] = []
      EvidenceRecord.appendJSONLines(result.records, to: &evidence)
      let text = Array(result.text.utf8)
      record.written = OutputStore.WrittenDocument(
        evidence: AtomicFile.Written(
          byteCount: evidence.count, sha256: ContentHash.hex(of: evidence)),
        text: AtomicFile.Written(byteCount: text.count, sha256: ContentHash.hex(of: text)))
      DocumentJob.describe(&record, result: result, categories: categories)
      append(document: record, to: &output)
      output.lines += evidence
      if let note = result.partialNote(limits: processor.limits) {
        fail(
          DocumentFailure(
            source: item.file.source, docID: docID, stage: .tag, reason: note, outcome: .partial),
          into: &output)
      }
    }
  }

  private func emptyRecord(_ source: String, docID: String?, byteCount: Int?) -> DocumentRecord {
    DocumentRecord(
      source: source, docID: docID, byteCount: byteCount, format: nil, status: .failed,
      blockCount: 0, sentenceCount: 0, recordCount: 0,
      categoryCounts: processor.taxonomy.categories.map { ($0.name, 0) })
  }

  private func emptyDocument(
    _ source: String, docID: String?, byteCount: Int?, into output: inout Output
  ) {
    append(document: emptyRecord(source, docID: docID, byteCount: byteCount), to: &output)
  }

  private func append(document record: DocumentRecord, to output: inout Output) {
    guard includesDocuments else { return }
    output.lines += Self.withSchema(Self.documentSchema, record.jsonLine)
  }

  private func fail(_ failure: DocumentFailure, into output: inout Output) {
    output.lines += Self.withSchema(Self.errorSchema, failure.jsonLine)
    output.messages.append("\(failure.source): \(failure.reason)")
  }

  /// A JSON object line with `"schema":NAME` put first.
  static func withSchema(_ schema: String, _ line: [UInt8]) -> [UInt8] {
    Array("{\"schema\":\"\(schema)\",".utf8) + line.dropFirst()
  }

  /// A stream line of another schema back as `documents.jsonl` or `errors.jsonl` writes it: the
  /// schema member taken off again. Nil when the line does not start with that schema.
  public static func withoutSchema(_ schema: String, _ line: [UInt8]) -> [UInt8]? {
    let prefix = Array("{\"schema\":\"\(schema)\",".utf8)
    guard line.starts(with: prefix) else { return nil }
    return [UInt8(ascii: "{")] + line.dropFirst(prefix.count)
  }
}
