import Foundation

/// One run per output folder: an exclusive `flock` on `<output>/.lock`, held until the process
/// ends.
///
/// The kernel drops the lock when its holder exits, however it exits, so a lock left by a
/// killed run never blocks the next one. The file holds the holder's pid, for the message a
/// second run prints.
public final class RunLock: Sendable {
  /// The lock file.
  public let path: String
  private let descriptor: Int32

  /// Why the lock could not be taken.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// Another process holds it.
    case held(path: String, pid: Int32?)
    /// The lock file cannot be opened.
    case unavailable(path: String, reason: String)

    public var description: String {
      switch self {
      case .held(let path, let pid):
        "another run (pid \(pid.map(String.init) ?? "unknown")) holds the lock \(path); try again when it has finished"
      case .unavailable(let path, let reason): "\(path): cannot open the lock file (\(reason))"
      }
    }
  }

  /// Takes the lock of an output folder (created if missing) without waiting.
  ///
  /// - Throws: `Failure.held` when another process holds it.
  ///
  /// The lock file is opened without following a link and must be a regular file, so a link
  /// planted at `<output>/.lock` cannot make a run truncate some other file.
  public init(outputFolder: String) throws(Failure) {
    path = outputFolder + "/.lock"
    do {
      try OutputStore.makeFolder(outputFolder, followingLink: true)
    } catch {
      throw .unavailable(path: path, reason: "the output folder: \(error.reason)")
    }
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let reason =
        errno == ELOOP
        ? "it is a symbolic link; remove it and run again" : String(cString: strerror(errno))
      throw .unavailable(path: path, reason: reason)
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw .unavailable(path: path, reason: "it is not a regular file; remove it and run again")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      var buffer = [UInt8](repeating: 0, count: 32)
      let count = pread(descriptor, &buffer, buffer.count, 0)
      close(descriptor)
      let pid =
        count > 0
        ? Int32(
          String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)) : nil
      throw .held(path: path, pid: pid)
    }
    ftruncate(descriptor, 0)
    let pid = Array("\(getpid())\n".utf8)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }
}
