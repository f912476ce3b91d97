import Foundation

/// What an earlier run left that a re-run may reuse: its `documents.jsonl` lines, trusted only
/// when `state.json` shows they were made by the same versions (taxonomy, pipeline definition,
/// tool).
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
  }

  /// The earlier run's documents by source, or empty when its versions differ from `versions`.
  static func previousDocuments(in store: OutputStore, versions: String) -> [String: Previous] {
    guard let data = FileManager.default.contents(atPath: store.statePath),
      let state = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      state["versions"] as? String == versions,
      let lines = FileManager.default.contents(atPath: store.documentsPath)
    else { return [:] }
    var previous: [String: Previous] = [:]
    for line in lines.split(separator: UInt8(ascii: "\n")) {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let source = object["source"] as? String
      else { continue }
      // A source that could not be read has no doc_id; it is still not new next time.
      previous[source] = Previous(
        docID: object["doc_id"] as? String, isOK: object["status"] as? String == "ok" && (object["untagged_sentences"] as? Int ?? 0) == 0, recordCount: object["records"] as? Int ?? 0,
        line: Array(line) + [UInt8(ascii: "\n")])
    }
    return previous
  }

  /// Records the versions that made the outputs now in place.
  static func save(versions: String, in store: OutputStore) throws(OutputError) {
    var object = JSONObjectWriter()
    object.write("versions", versions)
    try AtomicFile.write(object.lineBytes, to: store.statePath, durable: true)
  }
}
