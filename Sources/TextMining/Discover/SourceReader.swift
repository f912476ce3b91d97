import Foundation

/// Reads a source file's bytes, refusing files over the size limit before reading them.
///
/// A file is opened without following a link and without blocking (a named pipe put in a
/// file's place would otherwise hang the run for ever), and what was opened is checked on the
/// descriptor: a regular file, and the same device and inode discovery saw.
public struct SourceReader: Sendable {
  /// The largest file read, in bytes.
  public var maxFileBytes: Int
  /// How recent a change makes a file's stamp untrustworthy, in nanoseconds (see
  /// `readStamped`).
  public var racyNanoseconds: Int64

  /// Creates a reader.
  public init(maxFileBytes: Int, racyNanoseconds: Int64 = 2_000_000_000) {
    self.maxFileBytes = maxFileBytes
    self.racyNanoseconds = racyNanoseconds
  }

  /// Why a file could not be read.
  public enum ReadError: Error, Equatable, CustomStringConvertible {
    case unreadable(reason: String)
    case tooLarge(byteCount: Int, limit: Int)

    public var description: String {
      switch self {
      case .unreadable(let reason): "cannot read the file (\(reason))"
      case .tooLarge(let count, let limit):
        "file is \(count) bytes, over the size limit of \(limit) bytes (limits.max_file_bytes in the pipeline)"
      }
    }
  }

  /// Opens a source for reading and checks what was opened; the caller closes the descriptor.
  ///
  /// - Returns: the descriptor and the file's size.
  /// - Throws: `ReadError.unreadable` when the file cannot be opened, is not a regular file, or
  ///   is not the file discovery found.
  public static func openChecked(_ file: SourceFile) throws(ReadError) -> (
    descriptor: Int32, size: Int, stamp: ContentStamp
  ) {
    let descriptor = open(file.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      if errno == ELOOP {
        throw .unreadable(reason: "it has become a symbolic link since it was found; not followed")
      }
      throw .unreadable(reason: String(cString: strerror(errno)))
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw .unreadable(reason: reason)
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw .unreadable(reason: "not a regular file (a device, socket or pipe)")
    }
    if let identity = file.identity, identity != FileIdentity(info) {
      close(descriptor)
      throw .unreadable(reason: "another file has taken its place since it was found; not read")
    }
    return (descriptor, Int(info.st_size), ContentStamp(info))
  }

  /// The file's bytes.
  ///
  /// - Throws: `ReadError` when the file cannot be opened or read, or is over the size limit.
  public func read(_ file: SourceFile) throws(ReadError) -> [UInt8] {
    try readStamped(file).bytes
  }

  /// The file's bytes, and its stamp when the stamp vouches for them: the same before and after
  /// the read, and not "racy" (as git calls it): a file changed within the last two seconds
  /// before the read may be changed again within the same tick of a coarse file system clock
  /// (FAT, network and older file systems, kernels before multigrain times) without its stamp
  /// changing, so such a file gets no stamp, and is hashed again when it is processed.
  ///
  /// - Throws: `ReadError` when the file cannot be opened or read, or is over the size limit.
  public func readStamped(_ file: SourceFile) throws(ReadError) -> (
    bytes: [UInt8], stamp: ContentStamp?
  ) {
    let (descriptor, size, opened) = try Self.openChecked(file)
    defer { close(descriptor) }
    guard size <= maxFileBytes else { throw .tooLarge(byteCount: size, limit: maxFileBytes) }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    var failure: String?
    bytes.withUnsafeMutableBytes { buffer in
      while total < size {
        let count = Foundation.read(descriptor, buffer.baseAddress.map { $0 + total }, size - total)
        if count < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        if count == 0 { break }
        total += count
      }
    }
    if let failure { throw .unreadable(reason: failure) }
    if total < size { bytes.removeLast(size - total) }
    var info = stat()
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    let stamp: ContentStamp? =
      fstat(descriptor, &info) == 0 && ContentStamp(info) == opened
        && nanoseconds - max(opened.modified, opened.changed) > racyNanoseconds
      ? opened : nil
    return (bytes, stamp)
  }
}
