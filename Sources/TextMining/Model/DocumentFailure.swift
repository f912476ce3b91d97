/// Why one document failed: a line of `errors.jsonl`.
public struct DocumentFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pipeline stage that failed.
  public enum Stage: String, Sendable {
    case discover, read, decode, extract, segment, tag, emit
  }

  /// The source path, relative to its sources root.
  public var source: String
  /// SHA-256 of the bytes, when they could be read.
  public var docID: String?
  public var stage: Stage
  /// What went wrong, in words.
  public var reason: String
  /// What became of the document.
  public var outcome: Outcome = .failed
  /// The source could not be read or reached this time (permission, a broken link, a folder
  /// that cannot be listed), as opposed to read and found wanting: an earlier run's evidence of
  /// it may be kept. Not written to `errors.jsonl`.
  public var isUnreadable = false

  /// What became of a document that has a line in `errors.jsonl`.
  public enum Outcome: String, Sendable {
    /// No evidence: the document could not be read or processed.
    case failed
    /// Evidence was written, but part of the document was left out (the reason says which).
    case partial
    /// The source could not be read this time; the evidence an earlier run made of it is kept.
    case kept
  }

  /// Creates a failure record.
  public init(
    source: String, docID: String? = nil, stage: Stage, reason: String, outcome: Outcome = .failed
  ) {
    self.source = source
    self.docID = docID
    self.stage = stage
    self.reason = reason
    self.outcome = outcome
  }

  /// `source: reason`, the form printed on standard error.
  public var description: String { "\(source): \(reason)" }
}
