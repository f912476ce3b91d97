import Foundation

/// Streams `documents.jsonl` and `errors.jsonl` as documents finish, so memory does not grow with
/// the number of documents.
///
/// Lines go to hidden temporary files beside the targets; `commit()` renames both into place.
/// Until then, readers see the previous run's index files.
final class IndexWriter {
  private let documents: StreamingFile
  private let errors: StreamingFile

  /// Opens the temporary files in the store's folder.
  init(store: OutputStore) throws(OutputError) {
    documents = try StreamingFile(target: store.documentsPath)
    do {
      errors = try StreamingFile(target: store.errorsPath)
    } catch {
      documents.abandon()
      throw error
    }
  }

  /// Appends a document's line.
  func append(_ document: DocumentRecord) throws(OutputError) { try documents.append(document.jsonLine) }

  /// Appends a document line kept from an earlier run, byte for byte.
  func append(documentLine line: [UInt8]) throws(OutputError) { try documents.append(line) }

  /// Appends a failure's line.
  func append(_ failure: DocumentFailure) throws(OutputError) { try errors.append(failure.jsonLine) }

  /// Flushes, syncs and renames both files into place.
  func commit() throws(OutputError) {
    try documents.commit()
    try errors.commit()
  }

  /// Removes the temporary files (after a failure).
  func abandon() {
    documents.abandon()
    errors.abandon()
  }
}

/// A file written in appends to a temporary name and renamed over its target at the end.
private final class StreamingFile {
  let target: String
  let temporary: String
  private var descriptor: Int32
  private var buffer: [UInt8] = []

  init(target: String) throws(OutputError) {
    self.target = target
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-stream"
    descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
    buffer.reserveCapacity(1 << 16)
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  func append(_ bytes: [UInt8]) throws(OutputError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws(OutputError) {
    var failure: String?
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = String(cString: strerror(errno))
          return
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
    if let failure { throw OutputError(path: target, reason: failure) }
  }

  func commit() throws(OutputError) {
    try flush()
    guard fsync(descriptor) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
    close(descriptor)
    descriptor = -1
    guard rename(temporary, target) == 0 else { throw OutputError(path: target, reason: String(cString: strerror(errno))) }
  }

  func abandon() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(temporary)
  }
}
