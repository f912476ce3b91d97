/// One evidence record: a mention with everything needed to find and judge it again.
///
/// Written as one JSON line with keys in this order: `schema`, `doc_id`, `source`, `title`,
/// `code`, `category`, `match`, `polarity`, `hedged`, `partnership`, `sentence`, `block`,
/// `char_start`, `char_end`, `line`, `taxonomy` {`name`, `version`, `sha256`}, `pipeline`.
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
  /// The taxonomy that made the record.
  public var taxonomyName: String
  public var taxonomyVersion: String
  public var taxonomySHA256: String
  /// The pipeline that made the record.
  public var pipeline: String

  /// The record as one JSON line (with its newline), keys in schema order.
  public var jsonLine: [UInt8] {
    var taxonomy = JSONObjectWriter()
    taxonomy.write("name", taxonomyName)
    taxonomy.write("version", taxonomyVersion)
    taxonomy.write("sha256", taxonomySHA256)
    var object = JSONObjectWriter()
    object.write("schema", Self.schema)
    object.write("doc_id", docID)
    object.write("source", source)
    object.write("title", title)
    object.write("code", code.rawValue)
    object.write("category", code.category)
    object.write("match", match)
    object.write("polarity", polarity.rawValue)
    object.write("hedged", isHedged)
    object.write("partnership", partnership)
    object.write("sentence", sentence)
    object.write("block", block)
    object.write("char_start", charStart)
    object.write("char_end", charEnd)
    object.write("line", line)
    object.write("taxonomy", object: taxonomy)
    object.write("pipeline", pipeline)
    return object.lineBytes
  }
}
