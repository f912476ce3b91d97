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

  /// Creates the folders and removes temporary files a killed run left behind.
  public func prepare() throws(OutputError) {
    for path in [folder, evidenceFolder, textFolder] {
      do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        throw OutputError(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
      }
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where AtomicFile.isTemporaryName(name) {
        try? FileManager.default.removeItem(atPath: path + "/" + name)
      }
    }
  }

  /// Writes a document's extracted text and its evidence records.
  /// How many evidence records are encoded before a chunk is written.
  static let recordsPerChunk = 4096

  public func writeDocument(docID: String, text: String, records: [EvidenceRecord]) throws(OutputError) {
    try AtomicFile.write(Array(text.utf8), to: textPath(docID: docID))
    // Encoded and written a few thousand records at a time: a document with hundreds of
    // thousands of records never holds its whole evidence file in memory.
    try AtomicFile.write(to: evidencePath(docID: docID)) { emit in
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
  }

  /// Removes evidence and text files of documents that are no longer among the sources.
  ///
  /// Only files named like `<64 hex digits>.jsonl` / `.txt` are touched.
  /// - Returns: how many files were removed.
  @discardableResult
  public func removeStale(keeping docIDs: Set<String>) -> Int {
    var removed = 0
    for (path, suffix) in [(evidenceFolder, ".jsonl"), (textFolder, ".txt")] {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(suffix) {
        let stem = String(name.dropLast(suffix.count))
        guard stem.utf8.count == 64, stem.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
          !docIDs.contains(stem)
        else { continue }
        if (try? FileManager.default.removeItem(atPath: path + "/" + name)) != nil { removed += 1 }
      }
    }
    return removed
  }
}
