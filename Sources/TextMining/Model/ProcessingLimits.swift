/// The limits that keep one hostile or broken file from stopping, hanging or exhausting a run.
///
/// Every limit is set in the pipeline file under `limits:` (the YAML key is given with each),
/// and a document that reaches one gets a line in `errors.jsonl` naming the limit, while the run
/// goes on. Defaults are far above what real reports need. Each limit also has a ceiling
/// (`keys`): a pipeline asking for more is refused when it loads, so no limit can be so large
/// that the arithmetic it guards overflows or the memory it bounds cannot exist.
public struct ProcessingLimits: Sendable, Equatable {
  /// `max_file_bytes`: larger files (and archive members, as they expand) are refused unread.
  public var maxFileBytes = 50_000_000
  /// `max_archive_bytes`: an archive that expands to more is read no further (a bomb guard).
  public var maxArchiveBytes = 2_000_000_000
  /// `max_archive_members`: an archive with more entries (nested archives' and WARC records
  /// included) is read no further: each entry costs time however small it is.
  public var maxArchiveMembers = 100_000
  /// `max_archive_depth`: how deep archives may nest (1: an archive inside an archive is not
  /// opened; the default 3 reads a tgz inside a zip inside a zip).
  public var maxArchiveDepth = 3
  /// `max_run_archive_bytes`: the most all of a run's archives may expand to together; archives
  /// after that are reported and not read this time (their earlier evidence is kept).
  public var maxRunArchiveBytes = 50_000_000_000
  /// `max_text_bytes`: a document whose extracted text is larger (UTF-8 bytes) is refused.
  /// With the shape limits below it bounds a document's memory (see the README's "What one
  /// document can cost").
  public var maxTextBytes = 10_000_000
  /// `max_tree_depth`: HTML nested deeper than this is refused; parsing stops as soon as the
  /// depth is reached, so a hostile page costs no more than this many levels of tree.
  public var maxTreeDepth = 2_000
  /// `max_attributes`: HTML with an element carrying more attributes is refused before it is
  /// parsed (libxml2 checks attributes for duplicates in quadratic time).
  public var maxAttributes = 2_000
  /// `max_elements`: HTML with more start tags is refused before it is parsed: a tree costs a
  /// few hundred bytes per element, however few bytes the page has (`<br>` is four).
  public var maxElements = 250_000
  /// `max_lines`: plain text with more lines is refused before it is cut into blocks: each
  /// line may become a block and a sentence, however short it is.
  public var maxLines = 500_000
  /// `max_document_seconds`: a document still being processed after this long is abandoned.
  /// Checked between stages, every few thousand nodes of HTML extraction and every sentence of
  /// tagging; libxml2's parse itself is bounded by the size, depth and attribute limits.
  public var maxDocumentSeconds: Double = 60
  /// `max_sentence_tokens`: longer sentences (a table or list flattened without full stops) are
  /// not tagged; the rest of the document is, and `errors.jsonl` says which were skipped.
  public var maxSentenceTokens = 2_000
  /// `max_sentence_bytes`: sentences longer than this (UTF-8 bytes) are not tagged either. Every
  /// record repeats its sentence, so this bounds what one record costs; no sentence of prose
  /// comes near it.
  public var maxSentenceBytes = 4_000
  /// `max_evidence_bytes`: a document whose evidence would be larger keeps its records in text
  /// order up to this size and is reported as partial.
  public var maxEvidenceBytes = 200_000_000
  /// `max_removed_share`: a run that would remove the evidence of more than this share of the
  /// sources an earlier run knew stops before it writes anything (an empty or unmounted source
  /// folder), unless `--allow-removals` or `--full` is given.
  public var maxRemovedShare: Double = 0.5

  /// The defaults.
  public init() {}

  /// The limits of one archive's expansion.
  public var archiveLimits: ArchiveLimits {
    ArchiveLimits(
      maxMemberBytes: maxFileBytes, maxArchiveBytes: maxArchiveBytes,
      maxMembers: maxArchiveMembers, maxDepth: maxArchiveDepth)
  }

  /// One integer key of `limits:`: its name, where it goes, its ceiling and why.
  struct IntegerKey: @unchecked Sendable {  // key paths into a value type are immutable
    var name: String
    var keyPath: WritableKeyPath<ProcessingLimits, Int>
    var ceiling: Int
    var reason: String
  }

  /// The integer keys, in the order the README lists them.
  static let integerKeys: [IntegerKey] = [
    IntegerKey(
      name: "max_file_bytes", keyPath: \.maxFileBytes, ceiling: 1 << 32,
      reason: "a file is read into memory whole"),
    IntegerKey(
      name: "max_archive_bytes", keyPath: \.maxArchiveBytes, ceiling: 1 << 40,
      reason: "an archive's members are read one by one from it, each up to max_file_bytes"),
    IntegerKey(
      name: "max_archive_members", keyPath: \.maxArchiveMembers, ceiling: 100_000_000,
      reason: "a run lists every member of every archive"),
    IntegerKey(
      name: "max_archive_depth", keyPath: \.maxArchiveDepth, ceiling: 16,
      reason: "each level of nesting holds its archive's bytes in memory"),
    IntegerKey(
      name: "max_run_archive_bytes", keyPath: \.maxRunArchiveBytes, ceiling: 1 << 50,
      reason: "every archive is decompressed on each run that changes it"),
    IntegerKey(
      name: "max_text_bytes", keyPath: \.maxTextBytes, ceiling: 1 << 30,
      reason: "a document's text costs tens of bytes of memory per byte"),
    IntegerKey(
      name: "max_tree_depth", keyPath: \.maxTreeDepth, ceiling: 100_000,
      reason: "no real page nests that deep"),
    IntegerKey(
      name: "max_attributes", keyPath: \.maxAttributes, ceiling: 100_000,
      reason: "libxml2 checks attributes in quadratic time"),
    IntegerKey(
      name: "max_elements", keyPath: \.maxElements, ceiling: 50_000_000,
      reason: "a tree costs a few hundred bytes per element"),
    IntegerKey(
      name: "max_lines", keyPath: \.maxLines, ceiling: 50_000_000,
      reason: "each line may become a block"),
    IntegerKey(
      name: "max_sentence_tokens", keyPath: \.maxSentenceTokens, ceiling: 1_000_000,
      reason: "the tagger's work grows with a sentence's length"),
    IntegerKey(
      name: "max_sentence_bytes", keyPath: \.maxSentenceBytes, ceiling: 1 << 24,
      reason: "every record repeats its sentence"),
    IntegerKey(
      name: "max_evidence_bytes", keyPath: \.maxEvidenceBytes, ceiling: 1 << 40,
      reason: "a document's evidence is one file"),
  ]

  /// The ceiling of `max_document_seconds`: a day.
  static let maxDocumentSecondsCeiling: Double = 86_400

  /// Every key `limits:` accepts.
  static var keys: [String] {
    integerKeys.map(\.name) + ["max_document_seconds", "max_removed_share"]
  }

  /// Seconds as a pipeline file writes them: "60", "0.5".
  static func format(seconds: Double) -> String {
    seconds == seconds.rounded() && seconds < 1e15 ? String(Int(seconds)) : String(seconds)
  }
}
