import Foundation

/// Writes files so that a reader only ever sees the old content or the whole new content.
///
/// Bytes go to a hidden temporary file beside the target (`.<name>.tmp-<pid>-<n>`), which is then
/// renamed over the target. A process killed at any point leaves the old file or the new one,
/// plus at worst a temporary file that the next run removes. With `durable`, the file is also
/// flushed with `fsync` before the rename, for power-loss safety at a cost in speed.
public enum AtomicFile {
  /// Writes `bytes` to `path` atomically, creating or replacing it.
  ///
  /// - Throws: `OutputError` naming the path and the system's reason.
  public static func write(_ bytes: some Collection<UInt8>, to path: String, durable: Bool = false) throws(OutputError) {
    let contiguous = Array(bytes)
    try write(to: path, durable: durable) { emit in _ = emit(contiguous) }
  }

  /// Writes a file atomically from chunks, so a large file never has to be held whole.
  ///
  /// `produce` is given `emit`, which writes one chunk and returns false once a write has
  /// failed (then `produce` should stop; the temporary file is removed and the error thrown).
  ///
  /// - Throws: `OutputError` naming the path and the system's reason.
  public static func write(
    to path: String, durable: Bool = false, _ produce: (_ emit: ([UInt8]) -> Bool) -> Void
  ) throws(OutputError) {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(counter.next())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
    var failure: String?
    produce { chunk in
      guard failure == nil else { return false }
      chunk.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
          if written < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            return
          }
          offset += written
        }
      }
      return failure == nil
    }
    if failure == nil, durable, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw OutputError(path: path, reason: failure)
    }
  }

  /// Whether a file name is one of this writer's temporary files.
  public static func isTemporaryName(_ name: String) -> Bool {
    name.hasPrefix(".") && name.contains(".tmp-")
  }

  private static let counter = Counter()

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}

/// A file that could not be written.
public struct OutputError: Error, Equatable, CustomStringConvertible {
  /// The file that was being written.
  public var path: String
  /// The system's reason.
  public var reason: String

  public var description: String { "\(path): cannot write (\(reason))" }
}
