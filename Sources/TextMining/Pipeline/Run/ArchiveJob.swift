import Crypto
import Foundation

/// An archive's part of a run. Archives are read twice at most, and never spooled to disk:
///
/// 1. `identify` lists and hashes the members (one in memory at a time), as files in a folder
///    are read and hashed, so the run knows every document and duplicate before it writes. An
///    archive whose size, modification time and SHA-256 equal those the last run recorded
///    (`state.json`) is not expanded at all: the members that run listed stand.
/// 2. `process` walks the archive again only when some member needs processing (new, changed,
///    or its earlier files damaged), processing those members as they come out of it, at most
///    `jobs` at a time, and hands back every member's outcome in source order.
enum ArchiveJob {
  /// A file's modification time as `ArchiveRecord.modified` writes it.
  private static func modified(_ info: stat) -> String {
    "\(info.st_mtim.tv_sec).\(String(info.st_mtim.tv_nsec).leftPadded(to: 9))"
  }

  /// The size, modification time and SHA-256 of an archive file, read through a descriptor
  /// checked against what discovery found.
  static func fingerprint(of file: SourceFile) throws(SourceReader.ReadError) -> (
    byteCount: Int, modified: String, sha256: String
  ) {
    let (descriptor, _, _) = try SourceReader.openChecked(file)
    defer { close(descriptor) }
    var info = stat()
    fstat(descriptor, &info)
    var hasher = SHA256()
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      total += count
      buffer.withUnsafeBytes {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count]))
      }
    }
    return (total, modified(info), Array(hasher.finalize()).hexString)
  }

  /// Lists an archive's documents, each read and hashed (or as the last run listed them, when
  /// the archive is unchanged), with the failures of its expansion. `record` is what to keep
  /// in `state.json`: nil when the archive could not be read through (then it is also
  /// `unreadable`, and what an earlier run found in it keeps its evidence), or when it changed
  /// while it was being read.
  static func identify(
    _ archive: SourceFile, limits: ArchiveLimits, filter: MemberFilter, earlier: ArchiveRecord?
  ) -> (sources: [DocumentJob.Source], record: ArchiveRecord?, walked: Bool, unreadable: Bool) {
    let fingerprint: (byteCount: Int, modified: String, sha256: String)
    do {
      fingerprint = try Self.fingerprint(of: archive)
    } catch {
      var failure = DocumentFailure(source: archive.source, stage: .read, reason: error.description)
      failure.isUnreadable = true
      return ([DocumentJob.Source(file: archive, failure: failure)], nil, false, true)
    }
    if let earlier, earlier.byteCount == fingerprint.byteCount,
      earlier.modified == fingerprint.modified, earlier.sha256 == fingerprint.sha256
    {
      return (sources(of: earlier, in: archive), earlier, false, false)
    }
    var record = ArchiveRecord(
      source: archive.source, byteCount: fingerprint.byteCount, modified: fingerprint.modified,
      sha256: fingerprint.sha256, expandedBytes: 0, members: [], failures: [])
    let walker = ArchiveWalker(archive: archive, limits: limits, filter: filter)
    for item in walker {
      switch item {
      case .member(let member):
        record.members.append(
          ArchiveRecord.Member(
            source: member.source, docID: ContentHash.hex(of: member.bytes),
            byteCount: member.bytes.count))
      case .failure(let failure):
        record.failures.append(failure)
      }
    }
    record.expandedBytes = walker.expandedBytes
    // An archive that could not be read through this time is not remembered as it is; nor is
    // one whose size or time changed while it was read (the list may mix two versions).
    let unreadable = record.failures.contains { $0.source == archive.source && $0.isUnreadable }
    var after = stat()
    let unchangedSinceHashed =
      stat(archive.path, &after) == 0 && Int(after.st_size) == fingerprint.byteCount
      && modified(after) == fingerprint.modified
    return (
      sources(of: record, in: archive), unreadable || !unchangedSinceHashed ? nil : record, true,
      unreadable
    )
  }

  /// The run's sources for an archive's record: its members, then its failures.
  private static func sources(of record: ArchiveRecord, in archive: SourceFile) -> [DocumentJob
    .Source]
  {
    record.members.map { member in
      DocumentJob.Source(
        file: SourceFile(source: member.source, path: archive.path, identity: archive.identity),
        docID: member.docID, byteCount: member.byteCount, archive: archive)
    }
      + merged(record.failures, archive: archive.source).map { failure in
        DocumentJob.Source(
          file: SourceFile(source: failure.source, path: archive.path), failure: failure,
          archive: archive)
      }
  }

  /// The failures, with the archive's own (damage skipped at two offsets, say) joined into one,
  /// so that the archive has one line in `documents.jsonl` and `errors.jsonl`.
  private static func merged(_ failures: [DocumentFailure], archive: String) -> [DocumentFailure] {
    let own = failures.filter { $0.source == archive }
    guard own.count > 1, var first = own.first else { return failures }
    first.reason = own.map(\.reason).joined(separator: "; ")
    first.isUnreadable = own.contains { $0.isUnreadable }
    return [first] + failures.filter { $0.source != archive }
  }

  /// The outcome of each of one archive's sources, in the order given: members that need their
  /// bytes are processed as the archive is walked again (at most `jobs` at a time); the rest
  /// are decided as files are (reused, duplicates, kept).
  static func outcomes(
    for items: [DocumentJob.Source], archive: SourceFile, limits: ArchiveLimits,
    filter: MemberFilter, jobs: Int, context: DocumentJob.Context
  ) async -> (outcomes: [DocumentJob.Outcome], walked: Bool) {
    // Outcomes by position: an archive's own failures share its source.
    var decided = [DocumentJob.Outcome?](repeating: nil, count: items.count)
    var needed: [String: Int] = [:]
    for (index, item) in items.enumerated() {
      if let outcome = DocumentJob.outcomeWithoutBytes(for: item, context: context) {
        decided[index] = outcome
      } else {
        needed[item.file.source] = index
      }
    }
    let walkedAgain = !needed.isEmpty
    if !needed.isEmpty {
      let walker = ArchiveWalker(archive: archive, limits: limits, filter: filter)
      await withTaskGroup(of: (Int, DocumentJob.Outcome).self) { group in
        var running = 0
        // Walked only as far as the last member that needs its bytes.
        while !needed.isEmpty, let item = walker.next() {
          guard case .member(let member) = item,
            let index = needed.removeValue(forKey: member.source)
          else { continue }
          if running >= max(1, jobs), let (done, outcome) = await group.next() {
            decided[done] = outcome
            running -= 1
          }
          let source = items[index]
          group.addTask {
            (
              index,
              DocumentJob.process(
                source, bytes: member.bytes, declared: member.declared, context: context)
            )
          }
          running += 1
        }
        for await (done, outcome) in group { decided[done] = outcome }
      }
      for index in needed.values {
        decided[index] = DocumentJob.failed(
          items[index], stage: .read, reason: "the archive changed while the run was reading it",
          context: context)
      }
    }
    // Every position was decided above: without bytes, by the walk, or as changed.
    return (decided.compactMap { $0 }, walkedAgain)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
