/// The budgets of one archive's expansion: every member, every nested archive, every byte.
public struct ArchiveLimits: Sendable, Equatable {
  /// The largest member, in expanded bytes (`limits.max_file_bytes`).
  public var maxMemberBytes: Int
  /// The most an archive may expand to over all its members, nested ones included
  /// (`limits.max_archive_bytes`).
  public var maxArchiveBytes: Int
  /// The most entries an archive may hold, nested ones and WARC records included
  /// (`limits.max_archive_members`).
  public var maxMembers: Int
  /// How deep archives may nest: 1 reads no archive inside another (`limits.max_archive_depth`).
  public var maxDepth: Int

  /// Creates limits.
  public init(maxMemberBytes: Int, maxArchiveBytes: Int, maxMembers: Int, maxDepth: Int) {
    self.maxMemberBytes = maxMemberBytes
    self.maxArchiveBytes = maxArchiveBytes
    self.maxMembers = maxMembers
    self.maxDepth = maxDepth
  }
}
