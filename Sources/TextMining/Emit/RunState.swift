import Foundation

/// What an earlier run left that a re-run may reuse: its `documents.jsonl` lines, trusted only
/// when `state.json` shows they were made by the same versions (taxonomy, pipeline definition,
/// tool) and `documents.jsonl` is, byte for byte, the file that run wrote (its SHA-256 is in
/// the state). Each reused document's evidence and text files are checked against the size and
/// hash its line records (`OutputStore.holds`), so a truncated, hand-edited or overwritten
/// output file is made again, never carried forward.
///
/// The state is never the only copy of anything: `documents.jsonl` and the evidence files are
/// outputs in their own right, and a missing or stale `state.json` only means the next run
/// processes everything again.
struct RunState {
  /// An earlier run's record of one source.
  struct Previous {
    var docID: String?
    /// Processed whole, with nothing to report: reusable as it is. (A partial document is
    /// processed again, so that its line in errors.jsonl is written again.)
    var isOK: Bool
    var recordCount: Int
    var line: [UInt8]
    /// What the document's files held when they were written.
    var written: OutputStore.WrittenDocument?
  }

  /// What the last run left: its documents by source, reusable only when `isTrusted`.
  struct Earlier {
    /// The earlier run's documents by source; empty unless its versions equal this run's and
    /// its `documents.jsonl` is the one it wrote.
    var documents: [String: Previous] = [:]
    /// Every source `documents.jsonl` lists, whatever made it: what a run that finds fewer
    /// sources would remove.
    var sources: [String] = []
    /// What the earlier run recorded of each archive, by source; empty unless trusted.
    var archives: [String: ArchiveRecord] = [:]
  }

  /// Reads the last run's `state.json` and `documents.jsonl`.
  static func earlier(in store: OutputStore, versions: String) -> Earlier {
    guard let lines = FileManager.default.contents(atPath: store.documentsPath) else {
      return Earlier()
    }
    var trusted = false
    var earlier = Earlier()
    if let data = FileManager.default.contents(atPath: store.statePath),
      let state = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      state["versions"] as? String == versions,
      state["documents_sha256"] as? String == ContentHash.hex(of: lines)
    {
      trusted = true
      for object in state["archives"] as? [[String: Any]] ?? [] {
        if let record = archiveRecord(object) { earlier.archives[record.source] = record }
      }
    }
    for line in lines.split(separator: UInt8(ascii: "\n")) {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let source = object["source"] as? String
      else { continue }
      earlier.sources.append(source)
      guard trusted else { continue }
      var written: OutputStore.WrittenDocument?
      if let evidenceBytes = object["evidence_bytes"] as? Int,
        let evidenceHash = object["evidence_sha256"] as? String,
        let textBytes = object["text_bytes"] as? Int,
        let textHash = object["text_sha256"] as? String
      {
        written = OutputStore.WrittenDocument(
          evidence: AtomicFile.Written(byteCount: evidenceBytes, sha256: evidenceHash),
          text: AtomicFile.Written(byteCount: textBytes, sha256: textHash))
      }
      // A source that could not be read has no doc_id; it is still not new next time.
      earlier.documents[source] = Previous(
        docID: object["doc_id"] as? String,
        isOK: object["status"] as? String == "ok"
          && (object["untagged_sentences"] as? Int ?? 0) == 0 && written != nil,
        recordCount: max(0, object["records"] as? Int ?? 0),
        line: Array(line) + [UInt8(ascii: "\n")], written: written)
    }
    return earlier
  }

  /// Whether an earlier run's document still has exactly the files it wrote.
  static func filesAreIntact(_ previous: Previous, docID: String, in store: OutputStore) -> Bool {
    guard let written = previous.written else { return false }
    return OutputStore.holds(store.evidencePath(docID: docID), written.evidence)
      && OutputStore.holds(store.textPath(docID: docID), written.text)
  }

  /// Records the versions that made the outputs now in place, the `documents.jsonl` they are
  /// listed in, and what each archive held (in source order).
  static func save(
    versions: String, documents: AtomicFile.Written, archives: [ArchiveRecord],
    in store: OutputStore
  ) throws(OutputError) {
    var object = JSONObjectWriter()
    object.write("versions", versions)
    object.write("documents_sha256", documents.sha256)
    if !archives.isEmpty {
      let array = archives.map(archiveObject)
      let json =
        (try? JSONSerialization.data(
          withJSONObject: array, options: [.sortedKeys, .withoutEscapingSlashes]))
        ?? Data("[]".utf8)
      object.write("archives", json: Array(json))
    }
    try AtomicFile.write(object.lineBytes, to: store.statePath, durable: true)
  }

  private static func archiveObject(_ record: ArchiveRecord) -> [String: Any] {
    [
      "source": record.source, "bytes": record.byteCount, "modified": record.modified,
      "sha256": record.sha256, "expanded_bytes": record.expandedBytes,
      "members": record.members.map { [$0.source, $0.docID, $0.byteCount] as [Any] },
      "failures": record.failures.map { failure in
        [
          "source": failure.source, "stage": failure.stage.rawValue, "error": failure.reason,
          "unreadable": failure.isUnreadable,
        ] as [String: Any]
      },
    ]
  }

  private static func archiveRecord(_ object: [String: Any]) -> ArchiveRecord? {
    guard let source = object["source"] as? String, let byteCount = object["bytes"] as? Int,
      let modified = object["modified"] as? String, let sha256 = object["sha256"] as? String,
      let expanded = object["expanded_bytes"] as? Int,
      let members = object["members"] as? [[Any]],
      let failures = object["failures"] as? [[String: Any]]
    else { return nil }
    var record = ArchiveRecord(
      source: source, byteCount: byteCount, modified: modified, sha256: sha256,
      expandedBytes: expanded, members: [], failures: [])
    for member in members {
      guard member.count == 3, let memberSource = member[0] as? String,
        let docID = member[1] as? String, let bytes = member[2] as? Int
      else { return nil }
      record.members.append(.init(source: memberSource, docID: docID, byteCount: bytes))
    }
    for object in failures {
      guard let failureSource = object["source"] as? String,
        let stage = (object["stage"] as? String).flatMap(DocumentFailure.Stage.init(rawValue:)),
        let reason = object["error"] as? String
      else { return nil }
      var failure = DocumentFailure(source: failureSource, stage: stage, reason: reason)
      failure.isUnreadable = object["unreadable"] as? Bool ?? false
      record.failures.append(failure)
    }
    return record
  }
}
