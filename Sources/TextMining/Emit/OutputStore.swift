import Crypto
import Foundation

/// The emit stage's files: the output folder of one pipeline.
///
/// Layout: `evidence/<doc_id>.jsonl` and `text/<doc_id>.txt` per document, `documents.jsonl` and
/// `errors.jsonl` for the run (streamed by `IndexWriter`). Every file is written to a temporary
/// name and renamed into place.
public struct OutputStore: Sendable {
  /// The output folder.
  public var folder: String

  /// Creates a store for a folder (created by `prepare()`).
  public init(folder: String) {
    self.folder = folder
  }

  public var evidenceFolder: String { folder + "/evidence" }
  public var textFolder: String { folder + "/text" }
  public var documentsPath: String { folder + "/documents.jsonl" }
  public var errorsPath: String { folder + "/errors.jsonl" }
  /// The versions that made the outputs in place, for incremental re-runs.
  public var statePath: String { folder + "/state.json" }

  /// The evidence file of a document.
  public func evidencePath(docID: String) -> String { "\(evidenceFolder)/\(docID).jsonl" }
  /// The extracted-text file of a document.
  public func textPath(docID: String) -> String { "\(textFolder)/\(docID).txt" }

  /// Where lspminer 0.7 and earlier expanded archive members during a run; removed if a run
  /// of theirs was killed and left it (archives are now read in memory).
  var oldSpoolFolder: String { folder + "/.spool" }
  /// Where run summaries go.
  public var runsFolder: String { folder + "/runs" }

  /// Creates the folders and removes temporary files a killed run left behind.
  ///
  /// Each folder must be a real folder: a symbolic link planted in its place (or a file) is
  /// refused, so a run never writes into, or removes files from, a folder elsewhere.
  ///
  /// - Throws: `OutputError` with the system's reason when a folder cannot be made or is not a
  ///   folder.
  public func prepare() throws(OutputError) {
    try? FileManager.default.removeItem(atPath: oldSpoolFolder)
    for path in [folder, evidenceFolder, textFolder, runsFolder] {
      try Self.makeFolder(path, followingLink: path == folder)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      where AtomicFile.isTemporaryName(name) {
        try? FileManager.default.removeItem(atPath: path + "/" + name)
      }
    }
  }

  /// Makes a folder (and, for the output folder itself, its parents) unless it exists, and
  /// checks that it is one. Only the output folder, which the user names, may be a link.
  static func makeFolder(_ path: String, followingLink: Bool) throws(OutputError) {
    var info = stat()
    if lstat(path, &info) != 0 {
      guard errno == ENOENT else {
        throw OutputError(path: path, reason: String(cString: strerror(errno)))
      }
      do {
        try FileManager.default.createDirectory(
          atPath: path, withIntermediateDirectories: followingLink)
      } catch {
        // Foundation's message is vague; ask the system what went wrong.
        let reason =
          mkdir(path, 0o755) == 0 || errno == EEXIST
          ? "cannot create the folder" : String(cString: strerror(errno))
        throw OutputError(path: path, reason: reason)
      }
      guard lstat(path, &info) == 0 else {
        throw OutputError(path: path, reason: String(cString: strerror(errno)))
      }
    }
    if (info.st_mode & S_IFMT) == S_IFLNK {
      guard followingLink else {
        throw OutputError(
          path: path, reason: "it is a symbolic link, not a folder; remove it and run again")
      }
      guard stat(path, &info) == 0 else {
        throw OutputError(path: path, reason: String(cString: strerror(errno)))
      }
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw OutputError(path: path, reason: "it is a file, not a folder")
    }
  }

  /// What a document's files hold: their sizes and hashes, recorded in `documents.jsonl` so
  /// that a later run reuses them only while they are unchanged.
  public struct WrittenDocument: Sendable, Equatable {
    public var evidence: AtomicFile.Written
    public var text: AtomicFile.Written
  }

  /// How many evidence records are encoded before a chunk is written.
  static let recordsPerChunk = 4096

  /// Writes a document's extracted text and its evidence records.
  @discardableResult
  public func writeDocument(docID: String, text: String, records: [EvidenceRecord])
    throws(OutputError) -> WrittenDocument
  {
    let textWritten = try AtomicFile.write(Array(text.utf8), to: textPath(docID: docID))
    // Encoded and written a few thousand records at a time: a document with hundreds of
    // thousands of records never holds its whole evidence file in memory.
    let evidenceWritten = try AtomicFile.write(to: evidencePath(docID: docID)) { emit in
      var lines: [UInt8] = []
      lines.reserveCapacity(min(records.count, Self.recordsPerChunk) * 512)
      var start = 0
      while start < records.count {
        let end = min(start + Self.recordsPerChunk, records.count)
        lines.removeAll(keepingCapacity: true)
        EvidenceRecord.appendJSONLines(Array(records[start..<end]), to: &lines)
        guard emit(lines) else { return }
        start = end
      }
    }
    return WrittenDocument(evidence: evidenceWritten, text: textWritten)
  }

  /// Whether a file still holds what was written: the same size, then the same SHA-256.
  public static func holds(_ path: String, _ written: AtomicFile.Written) -> Bool {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      Int(info.st_size) == written.byteCount
    else {
      return false
    }
    var hasher = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var total = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      if count == 0 { break }
      total += count
      hasher.update(data: buffer[0..<count])
    }
    return total == written.byteCount && hasher.finalize().hexString == written.sha256
  }

  /// Removes evidence and text files of documents that are no longer among the sources.
  ///
  /// Only files named like `<64 hex digits>.jsonl` / `.txt` are touched.
  /// - Returns: how many files were removed.
  @discardableResult
  public func removeStale(keeping docIDs: Set<String>) -> Int {
    var removed = 0
    for (path, suffix) in [(evidenceFolder, ".jsonl"), (textFolder, ".txt")] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      where name.hasSuffix(suffix) {
        let stem = String(name.dropLast(suffix.count))
        guard stem.utf8.count == 64,
          stem.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
          !docIDs.contains(stem)
        else { continue }
        if (try? FileManager.default.removeItem(atPath: path + "/" + name)) != nil { removed += 1 }
      }
    }
    return removed
  }
}
