/// What happened to one source document: a line of `documents.jsonl`.
public struct DocumentRecord: Sendable, Equatable {
  /// How a document's processing ended.
  public enum Status: String, Sendable {
    /// Processed; its evidence and text files are written.
    case ok
    /// Not processed; `errors.jsonl` says why.
    case failed
    /// Same bytes as an earlier source (`duplicateOf`); its evidence is that source's.
    case duplicate
  }

  /// The source path, relative to its sources root.
  public var source: String
  /// SHA-256 of the bytes, or nil when they could not be read.
  public var docID: String?
  public var title: String?
  /// Publication date, ISO 8601, where the document states one.
  public var published: String?
  /// Author, where stated.
  public var author: String?
  /// Language tag, where stated (HTML `lang`).
  public var language: String?
  /// Canonical URL, where stated.
  public var url: String?
  /// Size of the source file in bytes.
  public var byteCount: Int?
  /// Document format ("html" or "text").
  public var format: DocumentFormat?
  /// The encoding the text was decoded from.
  public var encoding: String?
  /// The charset the document declared, as written.
  public var declaredEncoding: String?
  public var status: Status
  /// The earlier source with the same bytes, for duplicates.
  public var duplicateOf: String?
  public var blockCount: Int
  public var sentenceCount: Int
  /// Sentences left untagged for their length (`limits.max_sentence_tokens`).
  public var untaggedSentenceCount = 0
  public var recordCount: Int
  /// Records per category, in taxonomy order, including zeros.
  public var categoryCounts: [(category: String, count: Int)]
  /// What the document's evidence and text files hold (size and SHA-256), for `ok` documents:
  /// a later run reuses them only while they still hold exactly this.
  public var written: OutputStore.WrittenDocument?

  public static func == (lhs: DocumentRecord, rhs: DocumentRecord) -> Bool {
    lhs.jsonLine == rhs.jsonLine
  }

  /// The record as one JSON line, keys in a fixed order.
  public var jsonLine: [UInt8] {
    var counts = JSONObjectWriter()
    for (category, count) in categoryCounts { counts.write(category, count) }
    var object = JSONObjectWriter()
    object.write("source", source)
    object.write("doc_id", docID)
    object.write("title", title)
    object.write("published", published)
    object.write("author", author)
    object.write("language", language)
    object.write("url", url)
    object.write("bytes", byteCount)
    object.write("format", format?.rawValue)
    object.write("encoding", encoding)
    object.write("declared_encoding", declaredEncoding)
    object.write("status", status.rawValue)
    object.write("duplicate_of", duplicateOf)
    object.write("blocks", blockCount)
    object.write("sentences", sentenceCount)
    object.write("untagged_sentences", untaggedSentenceCount)
    object.write("records", recordCount)
    object.write("counts", object: counts)
    object.write("evidence_bytes", written?.evidence.byteCount)
    object.write("evidence_sha256", written?.evidence.sha256)
    object.write("text_bytes", written?.text.byteCount)
    object.write("text_sha256", written?.text.sha256)
    return object.lineBytes
  }
}

extension DocumentFailure {
  /// The failure as one JSON line.
  public var jsonLine: [UInt8] {
    var object = JSONObjectWriter()
    object.write("source", source)
    object.write("doc_id", docID)
    object.write("stage", stage.rawValue)
    object.write("error", reason)
    object.write("outcome", outcome.rawValue)
    return object.lineBytes
  }
}
