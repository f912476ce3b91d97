/// What a run records of an archive, so that the next run can skip expanding it.
struct ArchiveRecord: Sendable, Equatable {
  var source: String
  var byteCount: Int
  /// The modification time as seconds and nanoseconds ("1136073600.000000000").
  var modified: String
  var sha256: String
  /// What the members expanded to (counted against `limits.max_run_archive_bytes`).
  var expandedBytes: Int
  var members: [Member]
  /// The archive's own and its members' failures, as they would be reported again.
  var failures: [DocumentFailure]

  /// One member as listed.
  struct Member: Sendable, Equatable {
    var source: String
    var docID: String
    var byteCount: Int
  }
}
