/// The limits that keep one hostile or broken file from stopping, hanging or exhausting a run.
///
/// Every limit is set in the pipeline file under `limits:` (the YAML key is given with each),
/// and a document that reaches one gets a line in `errors.jsonl` naming the limit, while the run
/// goes on. Defaults are far above what real reports need.
public struct ProcessingLimits: Sendable, Equatable {
  /// `max_file_bytes`: larger files (and archive members, as they expand) are refused unread.
  public var maxFileBytes = 50_000_000
  /// `max_archive_bytes`: an archive that expands to more is read no further (a bomb guard).
  public var maxArchiveBytes = 2_000_000_000
  /// `max_text_bytes`: a document whose extracted text is larger (UTF-8 bytes) is refused.
  /// It also bounds a document's memory: prose costs about 35 bytes per byte of text,
  /// text that is nothing but tiny sentences ("1.A1.A…") about 290.
  public var maxTextBytes = 10_000_000
  /// `max_tree_depth`: HTML nested deeper than this is refused; parsing stops as soon as the
  /// depth is reached, so a hostile page costs no more than this many levels of tree.
  public var maxTreeDepth = 2_000
  /// `max_attributes`: HTML with an element carrying more attributes is refused before it is
  /// parsed (libxml2 checks attributes for duplicates in quadratic time).
  public var maxAttributes = 2_000
  /// `max_document_seconds`: a document still being processed after this long is abandoned.
  /// Checked between stages, every few thousand nodes of HTML extraction and every sentence of
  /// tagging; libxml2's parse itself is bounded by the size, depth and attribute limits.
  public var maxDocumentSeconds: Double = 60
  /// `max_sentence_tokens`: longer sentences (a table or list flattened without full stops) are
  /// not tagged; the rest of the document is, and `errors.jsonl` says which were skipped.
  public var maxSentenceTokens = 2_000

  /// The defaults.
  public init() {}

  /// Seconds as a pipeline file writes them: "60", "0.5".
  static func format(seconds: Double) -> String {
    seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
  }
}
