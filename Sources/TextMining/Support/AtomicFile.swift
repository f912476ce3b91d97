import Crypto
import Foundation

/// Writes files so that a reader only ever sees the old content or the whole new content.
///
/// Bytes go to a hidden temporary file beside the target (`.<name>.tmp-<pid>-<n>`), which is then
/// renamed over the target. A process killed at any point leaves the old file or the new one,
/// plus at worst a temporary file that the next run removes. With `durable`, the file is also
/// flushed with `fsync` before the rename, for power-loss safety at a cost in speed.
///
/// The temporary file is created new (`O_EXCL`) and never through a link, so a link planted
/// under its name cannot redirect the write; `rename` replaces a link at the target itself, not
/// what it points to.
public enum AtomicFile {
  /// What was written: the size and SHA-256 of the file's content.
  public struct Written: Sendable, Equatable {
    public var byteCount: Int
    public var sha256: String
  }

  /// Writes `bytes` to `path` atomically, creating or replacing it.
  ///
  /// - Throws: `OutputError` naming the path and the system's reason.
  @discardableResult
  public static func write(_ bytes: some Collection<UInt8>, to path: String, durable: Bool = false)
    throws(OutputError)
    -> Written
  {
    let contiguous = Array(bytes)
    return try write(to: path, durable: durable) { emit in _ = emit(contiguous) }
  }

  /// Writes a file atomically from chunks, so a large file never has to be held whole.
  ///
  /// `produce` is given `emit`, which writes one chunk and returns false once a write has
  /// failed (then `produce` should stop; the temporary file is removed and the error thrown).
  /// When `produce` throws, the temporary file is removed and its error thrown.
  ///
  /// - Returns: the size and hash of what was written.
  /// - Throws: `OutputError` naming the path and the system's reason.
  @discardableResult
  public static func write(
    to path: String, durable: Bool = false,
    _ produce: (_ emit: ([UInt8]) -> Bool) throws(OutputError) -> Void
  ) throws(OutputError) -> Written {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(counter.next())"
    let descriptor = try createTemporary(temporary, reportingAs: path)
    defer { TemporaryFiles.shared.remove(temporary) }
    var failure: String?
    var hasher = SHA256()
    var byteCount = 0
    var produced: OutputError?
    do {
      try produce { chunk in
        guard failure == nil else { return false }
        hasher.update(data: chunk)
        byteCount += chunk.count
        if let reason = writeAll(chunk, to: descriptor) { failure = reason }
        return failure == nil
      }
    } catch {
      produced = error
      failure = error.reason
    }
    if failure == nil, durable, fsync(descriptor) != 0 {
      failure = String(cString: strerror(errno))
    }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw produced ?? OutputError(path: path, reason: failure)
    }
    return Written(byteCount: byteCount, sha256: hasher.finalize().hexString)
  }

  /// Creates a temporary file exclusively and registers it for removal, as one step that a
  /// stop cannot fall between (a file made after the stop began would be left behind); refused
  /// once the process is stopping.
  static func createTemporary(_ path: String, reportingAs target: String) throws(OutputError)
    -> Int32
  {
    var failure: OutputError?
    let descriptor = TemporaryFiles.shared.add(path) { () -> Int32? in
      do throws(OutputError) {
        return try createExclusively(path, reportingAs: target)
      } catch {
        failure = error
        return nil
      }
    }
    if let failure { throw failure }
    guard let descriptor else {
      throw OutputError(path: target, reason: "the run is being stopped")
    }
    return descriptor
  }

  /// Opens a new file for writing; a leftover of the same name (a temporary file of a killed
  /// run, or a planted link) is removed first, never followed.
  static func createExclusively(_ path: String, reportingAs target: String) throws(OutputError)
    -> Int32
  {
    var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    if descriptor < 0, errno == EEXIST {
      unlink(path)
      descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    }
    guard descriptor >= 0 else {
      throw OutputError(path: target, reason: String(cString: strerror(errno)))
    }
    return descriptor
  }

  /// Writes every byte, retrying after signals; the system's reason on failure, else nil.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    bytes.withUnsafeBytes { buffer -> String? in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        offset += written
      }
      return nil
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

/// The temporary files being written at this moment, so that a run stopped by SIGTERM or
/// SIGINT can remove them on its way out (`removeAll()`), instead of leaving them for the next
/// run to sweep.
public final class TemporaryFiles: @unchecked Sendable {
  /// The process's registry.
  public static let shared = TemporaryFiles()

  private let lock = NSLock()
  private var paths: Set<String> = []
  private var isStopping = false

  /// Forgets a path (it was renamed into place or removed).
  public func remove(_ path: String) {
    lock.lock()
    paths.remove(path)
    lock.unlock()
  }

  /// Creates a file with `create` (which gives its descriptor, or nil when it failed) and
  /// registers it, under the registry's lock, so that `removeAll` sees either no file or a
  /// registered one. Nil without calling `create` once `removeAll` has run.
  func add(_ path: String, creating create: () -> Int32?) -> Int32? {
    lock.lock()
    defer { lock.unlock() }
    guard !isStopping else { return nil }
    guard let descriptor = create() else { return nil }
    paths.insert(path)
    return descriptor
  }

  /// Removes every registered file and folder, and refuses new ones from then on. Called once,
  /// when the process is stopped.
  public func removeAll() {
    lock.lock()
    isStopping = true
    let current = paths
    paths.removeAll()
    lock.unlock()
    for path in current { try? FileManager.default.removeItem(atPath: path) }
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
