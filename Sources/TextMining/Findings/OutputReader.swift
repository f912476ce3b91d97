import Foundation

/// Reads an lspminer output folder back, record by record: `documents.jsonl`, then each
/// processed document's `evidence/<doc_id>.jsonl`, in source order. Nothing is held but the
/// document being read, so any size of output streams through.
///
/// Bad lines are not fatal: a line that is not JSON, a record of another schema, or a document
/// whose evidence file is missing is skipped and named (`file:line: reason`) in `skipped`.
public struct OutputReader {
  /// One processed document, as `documents.jsonl` lists it.
  public struct Document: Sendable {
    public var source: String
    public var docID: String
    public var title: String?
    /// The year of publication, when the document gives one.
    public var year: Int?
    /// The date of publication as the document record gives it (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`), and the rest of its metadata, where known.
    public var published: String?
    public var author: String?
    public var url: String?
    public var language: String?
    public var format: String?
    public var bytes: Int?
  }

  /// One evidence record, with what findings use.
  public struct Record: Sendable {
    public var code: String
    public var category: String
    public var match: String
    public var polarity: String
    public var hedged: Bool
    /// The partnership the record is about, or nil.
    public var partnership: String?
    public var sentence: String
    public var block: Int
    public var charStart: Int
    public var charEnd: Int
    public var line: Int?
    /// A reader's comment under a web page's story (`reader_comment`), not the page's own text.
    public var isReaderComment: Bool = false
  }

  /// Why an output folder cannot be read at all.
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The evidence schema this reader understands.
  public static let schema = "lspminer.evidence/1"

  public let folder: String
  /// Lines skipped, as `file:line: reason`, in the order met.
  public var skipped: [String] { notes.skipped }
  private let notes = Notes()
  private final class Notes {
    var skipped: [String] = []
  }

  /// Opens an output folder; throws when it holds no `documents.jsonl`.
  public init(folder: String) throws(ReadError) {
    self.folder = folder
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue
    else {
      throw ReadError(description: "\(folder): no such output folder")
    }
    guard FileManager.default.fileExists(atPath: folder + "/documents.jsonl") else {
      throw ReadError(
        description:
          "\(folder): not an lspminer output (no documents.jsonl); run `lspminer run` first")
    }
  }

  /// Calls `body` with each processed document and its records, in source order. Duplicates
  /// (which share the first copy's evidence) and failed documents are passed over.
  public mutating func forEachDocument(
    _ body: (Document, [Record]) throws -> Void
  ) throws {
    try forEachListedDocument { document in
      guard let records = try readRecords(of: document) else { return }
      try body(document, records)
    }
  }

  /// The processed documents `documents.jsonl` lists, in its order (duplicates and failed
  /// documents passed over).
  public mutating func documents() throws -> [Document] {
    var documents: [Document] = []
    try forEachListedDocument { documents.append($0) }
    return documents
  }

  /// Calls `body` with each processed document `documents.jsonl` lists, one line at a time.
  private func forEachListedDocument(_ body: (Document) throws -> Void) throws {
    let documentsPath = folder + "/documents.jsonl"
    var object = JSONLine()
    try documentLines.forEach(of: documentsPath) { number, line in
      guard object.scan(line) else {
        notes.skipped.append("\(documentsPath):\(number): not a JSON object; skipped")
        return
      }
      guard object.string("status") == "ok", let docID = object.string("doc_id"),
        let source = object.string("source")
      else { return }
      guard docID.utf8.count == 64, docID.utf8.allSatisfy({ Self.isHexDigit($0) }) else {
        notes.skipped.append("\(documentsPath):\(number): a doc_id that is not a SHA-256; skipped")
        return
      }
      let published = object.string("published")
      try body(
        Document(
          source: source, docID: docID, title: object.string("title"),
          year: published.flatMap { Int($0.prefix(4)) }, published: published,
          author: object.string("author"), url: object.string("url"),
          language: object.string("language"), format: object.string("format"),
          bytes: object.int("bytes")))
    }
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  /// A document's records, or nil (noted in `skipped`) when its evidence file is missing.
  public mutating func records(of document: Document) throws -> [Record]? {
    try readRecords(of: document)
  }

  private func readRecords(of document: Document) throws -> [Record]? {
    let evidencePath = folder + "/evidence/\(document.docID).jsonl"
    var records: [Record] = []
    var record = JSONLine()
    do {
      try lines.forEach(of: evidencePath) { recordNumber, recordLine in
        guard record.scan(recordLine) else {
          notes.skipped.append("\(evidencePath):\(recordNumber): not a JSON object; skipped")
          return
        }
        guard let schema = record.string("schema"), schema == Self.schema else {
          let schema = record.string("schema") ?? "none"
          notes.skipped.append(
            "\(evidencePath):\(recordNumber): schema '\(schema)', not '\(Self.schema)'; skipped")
          return
        }
        // In the order the record writer puts them, which is the order the lookups are fastest.
        let code = record.string("code")
        let category = record.string("category")
        let match = record.string("match")
        let polarity = record.string("polarity")
        let hedged = record.bool("hedged")
        let partnership = record.string("partnership")
        let sentence = record.string("sentence")
        let block = record.int("block")
        let start = record.int("char_start")
        let end = record.int("char_end")
        let line = record.int("line")
        let readerComment = record.bool("reader_comment")
        guard let code, let category, let polarity, let sentence, let block, let start, let end
        else {
          notes.skipped.append(
            "\(evidencePath):\(recordNumber): a record without its fields; skipped")
          return
        }
        records.append(
          Record(
            code: code, category: category, match: match ?? "", polarity: polarity,
            hedged: hedged ?? false, partnership: partnership, sentence: sentence, block: block,
            charStart: start, charEnd: end, line: line, isReaderComment: readerComment ?? false))
      }
    } catch let error as LineReader.Missing {
      notes.skipped.append("\(error.path): missing (listed for \(document.source)); skipped")
      return nil
    }
    return records
  }

  private let lines = LineReader()
  private let documentLines = LineReader()
}

/// Reads a file line by line through one buffer that is reused from file to file.
final class LineReader {
  /// The file does not exist.
  struct Missing: Error { var path: String }

  private var buffer = [UInt8](repeating: 0, count: 1 << 16)

  /// Calls `body` with each non-empty line (1-based numbers, line ends removed); the bytes are
  /// valid only during the call.
  func forEach(
    of path: String, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ENOENT { throw Missing(path: path) }
      throw OutputReader.ReadError(
        description: "\(path): cannot be opened (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    var filled = 0
    var number = 0
    while true {
      if filled == buffer.count {
        buffer.append(contentsOf: repeatElement(0, count: buffer.count))
      }
      // The buffer is never empty, so its base address is never nil.
      let count = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return read(descriptor, base + filled, raw.count - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw OutputReader.ReadError(
          description: "\(path): cannot be read (\(String(cString: strerror(errno))))")
      }
      let atEnd = count == 0
      filled += count
      let consumed = try buffer.withUnsafeBufferPointer { all -> Int in
        guard let base = all.baseAddress else { return 0 }
        var start = 0
        while start < filled,
          let newline = memchr(base + start, 0x0A, filled - start)
        {
          let end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - base
          number += 1
          if end > start { try body(number, UnsafeBufferPointer(rebasing: all[start..<end])) }
          start = end + 1
        }
        if atEnd, start < filled {
          number += 1
          try body(number, UnsafeBufferPointer(rebasing: all[start..<filled]))
          start = filled
        }
        return start
      }
      if consumed > 0 {
        buffer.withUnsafeMutableBytes { raw in
          if let base = raw.baseAddress { memmove(base, base + consumed, filled - consumed) }
        }
        filled -= consumed
      }
      if atEnd { break }
    }
  }
}
