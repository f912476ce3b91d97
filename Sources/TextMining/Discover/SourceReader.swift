import Foundation

/// Reads a source file's bytes, refusing files over the size limit before reading them.
public struct SourceReader: Sendable {
  /// The largest file read, in bytes.
  public var maxFileBytes: Int

  /// Creates a reader.
  public init(maxFileBytes: Int) {
    self.maxFileBytes = maxFileBytes
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

  /// The file's bytes.
  ///
  /// - Throws: `ReadError` when the file cannot be opened or read, or is over the size limit.
  public func read(_ file: SourceFile) throws(ReadError) -> [UInt8] {
    let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(reason: "not a regular file") }
    let size = Int(info.st_size)
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
    return bytes
  }
}
