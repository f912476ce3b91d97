import Crypto
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
  func append(_ document: DocumentRecord) throws(OutputError) {
    try documents.append(document.jsonLine)
  }

  /// Appends a document line kept from an earlier run, byte for byte.
  func append(documentLine line: [UInt8]) throws(OutputError) { try documents.append(line) }

  /// Appends an `errors.jsonl` line written before (by a part of a sharded run), byte for byte.
  func append(errorLine line: [UInt8]) throws(OutputError) { try errors.append(line) }

  /// Appends a failure's line.
  func append(_ failure: DocumentFailure) throws(OutputError) {
    try errors.append(failure.jsonLine)
  }

  /// Flushes, syncs and renames both files into place; on failure neither temporary file is
  /// left behind.
  /// - Returns: what `documents.jsonl` now holds (its size and hash, for the run's state).
  @discardableResult
  func commit() throws(OutputError) -> AtomicFile.Written {
    let written: AtomicFile.Written
    do throws(OutputError) {
      written = try documents.commit()
    } catch {
      errors.abandon()
      throw error
    }
    _ = try errors.commit()
    return written
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
  private var hasher = SHA256()
  private var byteCount = 0

  init(target: String) throws(OutputError) {
    self.target = target
    let directory = (target as NSString).deletingLastPathComponent
    let name = (target as NSString).lastPathComponent
    temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-stream"
    descriptor = try AtomicFile.createTemporary(temporary, reportingAs: target)
    buffer.reserveCapacity(1 << 16)
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  func append(_ bytes: [UInt8]) throws(OutputError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  private func flush() throws(OutputError) {
    hasher.update(data: buffer)
    byteCount += buffer.count
    let failure = AtomicFile.writeAll(buffer, to: descriptor)
    buffer.removeAll(keepingCapacity: true)
    if let failure { throw OutputError(path: target, reason: failure) }
  }

  /// Flushes, syncs and renames the file into place; on failure the temporary file is removed.
  func commit() throws(OutputError) -> AtomicFile.Written {
    do throws(OutputError) {
      try flush()
      guard fsync(descriptor) == 0 else {
        throw OutputError(path: target, reason: String(cString: strerror(errno)))
      }
      let closed = close(descriptor)
      descriptor = -1
      guard closed == 0 else {
        throw OutputError(path: target, reason: String(cString: strerror(errno)))
      }
      guard rename(temporary, target) == 0 else {
        throw OutputError(path: target, reason: String(cString: strerror(errno)))
      }
    } catch {
      abandon()
      throw error
    }
    TemporaryFiles.shared.remove(temporary)
    return AtomicFile.Written(byteCount: byteCount, sha256: hasher.finalize().hexString)
  }

  func abandon() {
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
    unlink(temporary)
    TemporaryFiles.shared.remove(temporary)
  }
}
