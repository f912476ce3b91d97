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
  }

  /// Why an output folder cannot be read at all.
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// The evidence schema this reader understands.
  public static let schema = "lspminer.evidence/1"

  public let folder: String
  /// Lines skipped, as `file:line: reason`, in the order met.
  public private(set) var skipped: [String] = []

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
    for document in try documents() {
      guard let records = try records(of: document) else { continue }
      try body(document, records)
    }
  }

  /// The processed documents `documents.jsonl` lists, in its order (duplicates and failed
  /// documents passed over).
  public mutating func documents() throws -> [Document] {
    let documentsPath = folder + "/documents.jsonl"
    var documents: [Document] = []
    try Self.forEachLine(of: documentsPath) { number, line in
      guard let object = Self.object(line) else {
        skipped.append("\(documentsPath):\(number): not a JSON object; skipped")
        return
      }
      guard object["status"] as? String == "ok", let docID = object["doc_id"] as? String,
        let source = object["source"] as? String
      else { return }
      guard docID.count == 64, docID.allSatisfy(\.isHexDigit) else {
        skipped.append("\(documentsPath):\(number): a doc_id that is not a SHA-256; skipped")
        return
      }
      documents.append(
        Document(
          source: source, docID: docID, title: object["title"] as? String,
          year: (object["published"] as? String).flatMap { Int($0.prefix(4)) }))
    }
    return documents
  }

  /// A document's records, or nil (noted in `skipped`) when its evidence file is missing.
  public mutating func records(of document: Document) throws -> [Record]? {
    let evidencePath = folder + "/evidence/\(document.docID).jsonl"
    guard FileManager.default.fileExists(atPath: evidencePath) else {
      skipped.append("\(evidencePath): missing (listed for \(document.source)); skipped")
      return nil
    }
    var records: [Record] = []
    try Self.forEachLine(of: evidencePath) { recordNumber, recordLine in
      guard let record = Self.object(recordLine) else {
        skipped.append("\(evidencePath):\(recordNumber): not a JSON object; skipped")
        return
      }
      guard record["schema"] as? String == Self.schema else {
        let schema = record["schema"] as? String ?? "none"
        skipped.append(
          "\(evidencePath):\(recordNumber): schema '\(schema)', not '\(Self.schema)'; skipped")
        return
      }
      guard let code = record["code"] as? String, let category = record["category"] as? String,
        let polarity = record["polarity"] as? String, let sentence = record["sentence"] as? String,
        let block = record["block"] as? Int, let start = record["char_start"] as? Int,
        let end = record["char_end"] as? Int
      else {
        skipped.append("\(evidencePath):\(recordNumber): a record without its fields; skipped")
        return
      }
      records.append(
        Record(
          code: code, category: category, match: record["match"] as? String ?? "",
          polarity: polarity, hedged: record["hedged"] as? Bool ?? false,
          partnership: record["partnership"] as? String, sentence: sentence, block: block,
          charStart: start, charEnd: end, line: record["line"] as? Int))
    }
    return records
  }

  private static func object(_ line: ArraySlice<UInt8>) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
  }

  /// Calls `body` with each non-empty line (1-based numbers), reading the file in chunks.
  static func forEachLine(
    of path: String, _ body: (Int, ArraySlice<UInt8>) throws -> Void
  ) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw ReadError(description: "\(path): cannot be opened")
    }
    defer { try? handle.close() }
    var pending: [UInt8] = []
    var number = 0
    while true {
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { break }
      pending.append(contentsOf: chunk)
      var start = 0
      while let newline = pending[start...].firstIndex(of: 0x0A) {
        number += 1
        if newline > start { try body(number, pending[start..<newline]) }
        start = newline + 1
      }
      pending.removeFirst(start)
    }
    if !pending.isEmpty {
      number += 1
      try body(number, pending[...])
    }
  }
}
