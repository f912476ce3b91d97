/// One evidence record: a mention with everything needed to find and judge it again.
///
/// Written as one JSON line with keys in this order: `schema`, `doc_id`, `source`, `title`,
/// `published`, `code`, `category`, `match`, `polarity`, `hedged`, `partnership`, `sentence`, `block`,
/// `char_start`, `char_end`, `line`, `reader_comment` (only when true), `taxonomy` {`name`,
/// `version`, `sha256`}, `pipeline`.
/// `schemas/evidence-record-v1.schema.json` is the formal schema.
public struct EvidenceRecord: Sendable, Equatable {
  /// The record format's identifier.
  public static let schema = "lspminer.evidence/1"

  /// SHA-256 of the source file's bytes, lowercase hex.
  public var docID: String
  /// The source path, relative to its sources root.
  public var source: String
  /// The document's title, if it has one.
  public var title: String?
  /// The document's publication date (ISO 8601), if it states one.
  public var published: String? = nil
  /// The code, such as `success_factor.trust`.
  public var code: Code
  /// The text matched, exactly as it stands in the extracted text.
  public var match: String
  /// Polarity of the mention.
  public var polarity: Polarity
  /// Whether the claim is speculative or conditional.
  public var isHedged: Bool
  /// The named partnership the evidence is about, if known.
  public var partnership: String?
  /// The whole sentence holding the match.
  public var sentence: String
  /// Index of the block holding the sentence.
  public var block: Int
  /// Offsets of the match in the extracted text, in Unicode scalars, end exclusive.
  public var charStart: Int
  public var charEnd: Int
  /// 1-based line of the source file where the block starts (0 when unknown).
  public var line: Int
  /// Whether the sentence is a reader's comment under a web page's story, not the page's own
  /// text (written as `"reader_comment":true`; absent when false).
  public var isReaderComment: Bool = false
  /// The taxonomy that made the record.
  public var taxonomyName: String
  public var taxonomyVersion: String
  public var taxonomySHA256: String
  /// The pipeline that made the record.
  public var pipeline: String

  /// The record as one JSON line (with its newline), keys in schema order.
  public var jsonLine: [UInt8] {
    var bytes: [UInt8] = []
    Self.appendJSONLines([self], to: &bytes)
    return bytes
  }

  /// The keys of a record's own members, each with the comma before it and the colon after,
  /// as `JSONObjectWriter` writes them.
  private enum Keys {
    static let code = JSONObjectWriter.memberPrefix("code")
    static let category = JSONObjectWriter.memberPrefix("category")
    static let match = JSONObjectWriter.memberPrefix("match")
    static let polarity = JSONObjectWriter.memberPrefix("polarity")
    static let hedgedTrue = JSONObjectWriter.memberPrefix("hedged") + Array("true".utf8)
    static let hedgedFalse = JSONObjectWriter.memberPrefix("hedged") + Array("false".utf8)
    static let partnership = JSONObjectWriter.memberPrefix("partnership")
    static let block = JSONObjectWriter.memberPrefix("block")
    static let charStart = JSONObjectWriter.memberPrefix("char_start")
    static let charEnd = JSONObjectWriter.memberPrefix("char_end")
    static let line = JSONObjectWriter.memberPrefix("line")
    static let readerComment = JSONObjectWriter.memberPrefix("reader_comment") + Array("true".utf8)
  }

  /// Appends records as JSON lines, reusing the members records share.
  ///
  /// A document's records share their document members and, often, their sentence; the run's
  /// records share the taxonomy and pipeline. Each shared part is encoded once.
  public static func appendJSONLines(_ records: [EvidenceRecord], to bytes: inout [UInt8]) {
    var documentKey: (String, String, String?, String?)?
    var documentPart: [UInt8] = []
    var runKey: (String, String, String, String)?
    var runPart: [UInt8] = []
    var sentenceKey: String?
    var sentencePart: [UInt8] = []
    // Each record is read in place, and its keys compared field by field: a copy of a record,
    // or of a key as a tuple, would retain its strings once more for every record.
    func append(_ record: borrowing EvidenceRecord) {
      if documentKey.map({
        $0.0 != record.docID || $0.1 != record.source || $0.2 != record.title
          || $0.3 != record.published
      }) ?? true {
        documentKey = (record.docID, record.source, record.title, record.published)
        var object = JSONObjectWriter()
        object.write("schema", schema)
        object.write("doc_id", record.docID)
        object.write("source", record.source)
        object.write("title", record.title)
        object.write("published", record.published)
        documentPart = object.openBytes
      }
      if runKey.map({
        $0.0 != record.taxonomyName || $0.1 != record.taxonomyVersion
          || $0.2 != record.taxonomySHA256 || $0.3 != record.pipeline
      }) ?? true {
        runKey = (
          record.taxonomyName, record.taxonomyVersion, record.taxonomySHA256, record.pipeline
        )
        var taxonomy = JSONObjectWriter()
        taxonomy.write("name", record.taxonomyName)
        taxonomy.write("version", record.taxonomyVersion)
        taxonomy.write("sha256", record.taxonomySHA256)
        var object = JSONObjectWriter(continuing: true)
        object.write("taxonomy", object: taxonomy)
        object.write("pipeline", record.pipeline)
        runPart = object.closedBytes
      }
      if sentenceKey != record.sentence {
        sentenceKey = record.sentence
        var object = JSONObjectWriter(continuing: true)
        object.write("sentence", record.sentence)
        sentencePart = object.openBytes
      }
      // The members of the record itself go straight into the output: a writer of their own
      // would allocate and copy twice per record, which shows at tens of thousands of
      // records a second.
      bytes.append(contentsOf: documentPart)
      JSONObjectWriter.appendMember(Keys.code, record.code.rawValue, to: &bytes)
      JSONObjectWriter.appendMember(Keys.category, record.code.category, to: &bytes)
      JSONObjectWriter.appendMember(Keys.match, record.match, to: &bytes)
      JSONObjectWriter.appendMember(Keys.polarity, record.polarity.rawValue, to: &bytes)
      bytes.append(contentsOf: record.isHedged ? Keys.hedgedTrue : Keys.hedgedFalse)
      JSONObjectWriter.appendMember(Keys.partnership, record.partnership, to: &bytes)
      bytes.append(contentsOf: sentencePart)
      JSONObjectWriter.appendMember(Keys.block, record.block, to: &bytes)
      JSONObjectWriter.appendMember(Keys.charStart, record.charStart, to: &bytes)
      JSONObjectWriter.appendMember(Keys.charEnd, record.charEnd, to: &bytes)
      JSONObjectWriter.appendMember(Keys.line, record.line, to: &bytes)
      if record.isReaderComment { bytes.append(contentsOf: Keys.readerComment) }
      bytes.append(contentsOf: runPart)
    }
    records.withUnsafeBufferPointer { records in
      for index in records.indices { append(records[index]) }
    }
  }
}
