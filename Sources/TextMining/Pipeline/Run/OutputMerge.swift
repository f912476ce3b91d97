import Foundation

/// Joins the outputs of a pipeline's parts (`run --shard K/N` on several machines) into the
/// output one run over all the sources writes: `documents.jsonl` and `errors.jsonl` in source
/// order, every document's evidence and text, and `state.json`, so that the next `run` over the
/// joined folder reuses what is unchanged. A document whose bytes another part also had, under a
/// source that sorts first, becomes a duplicate of that source, as one run would have made it.
///
/// Parts that share a source, or were tagged with another taxonomy than the pipeline's, are
/// refused before anything is written.
public struct OutputMerge {
  /// Why the parts cannot be joined.
  public struct MergeError: Error, CustomStringConvertible {
    public var description: String
  }

  public let runner: PipelineRunner

  /// `runner` gives the pipeline, its taxonomy and the output folder (its definition's
  /// `outputPath`), as a `run` writing there would have them.
  public init(runner: PipelineRunner) { self.runner = runner }

  /// One line of a part's `documents.jsonl`.
  private struct Entry {
    var part: Int
    var source: String
    var docID: String?
    var status: String
    var byteCount: Int?
    var line: [UInt8]
  }

  /// What was joined.
  public struct Summary: Sendable {
    public var documents = 0
    public var duplicates = 0
    public var parts = 0
  }

  /// Joins `parts` (output folders) into the runner's output folder. `beforeWriting` is called
  /// once the parts are read and found consistent, before anything is written (to take the
  /// output folder's lock, say).
  public func merge(_ parts: [String], beforeWriting: () throws -> Void = {}) throws -> Summary {
    let taxonomy = runner.processor.taxonomy
    var entries: [Entry] = []
    var errors: [String: [[UInt8]]] = [:]
    var archives: [ArchiveRecord] = []
    var owner: [String: Int] = [:]
    for (index, part) in parts.enumerated() {
      let store = OutputStore(folder: part)
      guard let documents = FileManager.default.contents(atPath: store.documentsPath) else {
        throw MergeError(description: "\(part): not an lspminer output (no documents.jsonl)")
      }
      for (number, line) in documents.split(separator: UInt8(ascii: "\n")).enumerated() {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let source = object["source"] as? String, let status = object["status"] as? String
        else {
          throw MergeError(
            description: "\(store.documentsPath):\(number + 1): not a document record")
        }
        if let other = owner[source] {
          throw MergeError(
            description:
              "\(source) is in both \(parts[other]) and \(part): the parts overlap (were they run with the same --shard count?)"
          )
        }
        owner[source] = index
        entries.append(
          Entry(
            part: index, source: source, docID: object["doc_id"] as? String, status: status,
            byteCount: object["bytes"] as? Int, line: Array(line) + [UInt8(ascii: "\n")]))
      }
      if let lines = FileManager.default.contents(atPath: store.errorsPath) {
        for line in lines.split(separator: UInt8(ascii: "\n")) {
          guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let source = object["source"] as? String
          else { continue }
          errors[source, default: []].append(Array(line) + [UInt8(ascii: "\n")])
        }
      }
      if let sha = Self.taxonomySHA(of: store, entries: entries.filter { $0.part == index }),
        sha != taxonomy.sha256
      {
        throw MergeError(
          description:
            "\(part) was tagged with taxonomy \(sha.prefix(12)), not this pipeline's \(taxonomy.name) \(taxonomy.sha256.prefix(12)): run it again with the same taxonomy"
        )
      }
      // The part's archives, as its state recorded them (whatever that run's versions were).
      if let data = FileManager.default.contents(atPath: store.statePath),
        let state = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let versions = state["versions"] as? String
      {
        archives += RunState.earlier(in: store, versions: versions).archives.values
      }
    }
    // Every processed document's files are there before anything is written.
    for entry in entries where entry.status == "ok" {
      guard let docID = entry.docID else { continue }
      let from = OutputStore(folder: parts[entry.part])
      for path in [from.evidencePath(docID: docID), from.textPath(docID: docID)]
      where !FileManager.default.fileExists(atPath: path) {
        throw MergeError(description: "\(path): missing (listed for \(entry.source))")
      }
    }
    entries.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    archives.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    var firstSource: [String: String] = [:]
    for entry in entries {
      if let docID = entry.docID, firstSource[docID] == nil { firstSource[docID] = entry.source }
    }

    try beforeWriting()
    let store = OutputStore(folder: runner.definition.outputPath)
    try store.prepare()
    let index = try IndexWriter(store: store)
    var summary = Summary(parts: parts.count)
    var kept: Set<String> = []
    do {
      for entry in entries {
        summary.documents += 1
        if let docID = entry.docID, let first = firstSource[docID], first != entry.source {
          // A later copy of bytes another source has: one run would not have processed it.
          let record = DocumentRecord(
            source: entry.source, docID: docID, byteCount: entry.byteCount, format: nil,
            status: .duplicate, duplicateOf: first, blockCount: 0, sentenceCount: 0,
            recordCount: 0, categoryCounts: taxonomy.categories.map { ($0.name, 0) })
          try index.append(record)
          summary.duplicates += 1
          continue
        }
        try index.append(documentLine: entry.line)
        for line in errors[entry.source] ?? [] { try index.append(errorLine: line) }
        guard entry.status == "ok", let docID = entry.docID, kept.insert(docID).inserted else {
          continue
        }
        let from = OutputStore(folder: parts[entry.part])
        for (source, target) in [
          (from.evidencePath(docID: docID), store.evidencePath(docID: docID)),
          (from.textPath(docID: docID), store.textPath(docID: docID)),
        ] {
          guard let bytes = FileManager.default.contents(atPath: source) else {
            throw MergeError(description: "\(source): missing (listed for \(entry.source))")
          }
          try AtomicFile.write(Array(bytes), to: target)
        }
      }
    } catch {
      index.abandon()
      throw error
    }
    let written = try index.commit()
    try RunState.save(
      versions: runner.versions, documents: written, archives: archives, in: store)
    store.removeStale(keeping: kept)
    return summary
  }

  /// The taxonomy hash a part's evidence was tagged with: its first processed document's first
  /// record's; nil when the part has no evidence.
  private static func taxonomySHA(of store: OutputStore, entries: [Entry]) -> String? {
    for entry in entries where entry.status == "ok" {
      guard let docID = entry.docID,
        let data = FileManager.default.contents(atPath: store.evidencePath(docID: docID)),
        let line = data.split(separator: UInt8(ascii: "\n")).first,
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let taxonomy = object["taxonomy"] as? [String: Any]
      else { continue }
      return taxonomy["sha256"] as? String
    }
    return nil
  }
}
