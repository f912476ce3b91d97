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

/// What `fstat` says of a file's content at one moment: which file, its size, and when its
/// content and inode last changed, to the nanosecond. Two reads of a file with equal stamps read
/// the same bytes, unless a same-size write fell within one tick of a coarse file system clock;
/// `SourceReader.readStamped` gives no stamp to a file changed in the two seconds before it was
/// read, which closes that window.
public struct ContentStamp: Sendable, Hashable {
  public var identity: FileIdentity
  public var size: Int64
  public var modified: Int64
  public var changed: Int64

  /// The stamp in a `stat` result.
  public init(_ info: stat) {
    identity = FileIdentity(info)
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
  }
}
