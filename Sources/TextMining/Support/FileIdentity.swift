import Foundation

/// A file's device and inode: which file a path led to when it was checked.
public struct FileIdentity: Sendable, Hashable {
  public var device: UInt64
  public var inode: UInt64

  /// The identity in a `stat` result.
  public init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}
