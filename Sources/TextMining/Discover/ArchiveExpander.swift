import Foundation

/// Expands report archives found among the sources (zip, tar, tar.gz/tgz, gz, WARC) into a
/// private spool folder, so each member is read like any other file.
///
/// A member's source reads `<archive source>!/<member name>`; for a WARC response or resource
/// record, the member name is the record's full target URI (WARC is parsed by `WARCReader`). Member names are never used as paths:
/// spool files are numbered, so a name such as `../../etc/cron.d/x` cannot write anywhere, and
/// such a name is reported and skipped. Each member is bounded by the file size limit as it
/// expands, and each archive by a total expansion limit, so an archive bomb stops early with a
/// failure in `errors.jsonl` instead of filling the disk.
public struct ArchiveExpander: Sendable {
  /// The largest member, in expanded bytes.
  public var maxMemberBytes: Int
  /// The most an archive may expand to, in bytes, over all its members.
  public var maxArchiveBytes: Int
  /// Where expanded members are written (the caller removes it when the run ends).
  public var spoolFolder: String

  /// Creates an expander.
  public init(maxMemberBytes: Int, maxArchiveBytes: Int, spoolFolder: String) {
    self.maxMemberBytes = maxMemberBytes
    self.maxArchiveBytes = maxArchiveBytes
    self.spoolFolder = spoolFolder
  }

  /// File name endings read as archives.
  public static let archiveSuffixes = [
    ".zip", ".tar", ".tar.gz", ".tgz", ".gz", ".warc", ".warc.gz",
  ]

  /// Whether a file name is an archive's.
  public static func isArchive(_ name: String) -> Bool {
    let lower = name.lowercased()
    return archiveSuffixes.contains { lower.hasSuffix($0) }
  }

  /// What expanding one archive gave: members written to the spool, and failures.
  private struct Expansion {
    let spoolFolder: String
    let prefix: String
    var files: [SourceFile] = []
    var failures: [DocumentFailure] = []

    mutating func fail(_ source: String, _ reason: String, unreadable: Bool = false) {
      var failure = DocumentFailure(source: source, stage: .discover, reason: reason)
      failure.isUnreadable = unreadable
      failures.append(failure)
    }

    /// Writes a member's bytes to a numbered spool file and lists it under `source`, with the
    /// identity of the file written (so the reader opens that file and no other).
    mutating func spool(_ bytes: [UInt8], source: String) {
      if files.isEmpty { mkdir(spoolFolder, 0o700) }
      let path = "\(spoolFolder)/\(prefix)-\(files.count + 1)"
      do throws(OutputError) {
        let identity = try AtomicFile.create(path, with: bytes)
        files.append(SourceFile(source: source, path: path, identity: identity))
      } catch {
        fail(source, "cannot write the expanded member to the spool (\(error.reason))")
      }
    }
  }

  private func archiveLimitFailure() -> String {
    "the archive expands beyond \(maxArchiveBytes) bytes (limits.max_archive_bytes in the pipeline); the rest of it is skipped"
  }

  /// Expands one archive. `wanted` decides, from a member's name, whether it is a document
  /// (WARC records are chosen by their HTTP content type instead, and named by their URI).
  /// `prefix` keeps spool names of different archives apart.
  public func expand(_ archive: SourceFile, prefix: String, wanted: (String) -> Bool) -> (
    files: [SourceFile], failures: [DocumentFailure]
  ) {
    var result = Expansion(spoolFolder: spoolFolder, prefix: prefix)
    let lower = archive.source.lowercased()
    if lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz") {
      expandWARC(archive, into: &result)
    } else {
      expandArchive(archive, wanted: wanted, into: &result)
    }
    return (result.files, result.failures)
  }

  private func expandArchive(
    _ archive: SourceFile, wanted: (String) -> Bool, into result: inout Expansion
  ) {
    let descriptor: Int32
    do {
      descriptor = try SourceReader.openChecked(archive).descriptor
    } catch {
      return result.fail(archive.source, error.description)
    }
    defer { close(descriptor) }
    let reader: LibArchive
    do {
      reader = try LibArchive(descriptor: descriptor, mode: .archive)
    } catch {
      return result.fail(archive.source, "cannot open the archive (\(error.reason))")
    }
    defer { reader.close() }
    var expanded = 0
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let entry: LibArchive.Entry
      do {
        guard let next = try reader.next() else { break }
        entry = next
      } catch {
        result.fail(
          archive.source, "the archive is damaged (\(error.reason)); the rest of it is skipped")
        break
      }
      var name = entry.name
      if reader.isCompressedFile {
        // A compressed single file: named after the archive without its ".gz".
        let base = (archive.source as NSString).lastPathComponent
        name = base.lowercased().hasSuffix(".gz") ? String(base.dropLast(3)) : base
      }
      while name.hasPrefix("./") { name.removeFirst(2) }
      guard entry.isFile, !name.isEmpty, !name.hasSuffix("/") else { continue }
      let source = archive.source + "!/" + name
      guard wanted(name) else { continue }
      let segments = name.split(separator: "/", omittingEmptySubsequences: false)
      if name.hasPrefix("/") || segments.contains("..") {
        result.fail(source, "member name leaves the archive (absolute or '..'); skipped")
        continue
      }
      // Read the member, never past the limits.
      var bytes: [UInt8] = []
      var tooLarge = false
      var damaged: String?
      while true {
        let count: Int
        do {
          count = try reader.read(into: &buffer)
        } catch {
          damaged = error.reason
          break
        }
        if count == 0 { break }
        expanded = expanded.saturatingAdd(Int(count))
        if Int(count) > maxMemberBytes - bytes.count {
          tooLarge = true
          break
        }
        bytes.append(contentsOf: buffer[0..<Int(count)])
        if expanded > maxArchiveBytes { break }
      }
      if expanded > maxArchiveBytes {
        result.fail(archive.source, archiveLimitFailure())
        break
      }
      if let damaged {
        result.fail(source, "cannot read the member (\(damaged))", unreadable: true)
      } else if tooLarge {
        result.fail(
          source,
          "member expands beyond the size limit of \(maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)"
        )
      } else {
        result.spool(bytes, source: source)
      }
    }
  }

  /// Expands a web archive's HTML and text responses (and resources) into the spool. A
  /// member's name is the record's full target URI.
  private func expandWARC(_ archive: SourceFile, into result: inout Expansion) {
    let descriptor: Int32
    do {
      descriptor = try SourceReader.openChecked(archive).descriptor
    } catch {
      return result.fail(archive.source, error.description)
    }
    defer { close(descriptor) }
    var reader: WARCReader
    do {
      reader = try WARCReader(descriptor: descriptor)
    } catch {
      return result.fail(archive.source, "cannot open the web archive (\(error))")
    }
    defer { reader.close() }
    while true {
      let record: WARCReader.Record?
      do {
        record = try reader.next(limit: maxMemberBytes.saturatingAdd(16 * 1024))
      } catch {
        result.fail(
          archive.source, "the web archive is damaged (\(error)); the rest of it is skipped")
        break
      }
      guard let record else { break }
      if reader.expandedBytes > maxArchiveBytes {
        result.fail(archive.source, archiveLimitFailure())
        break
      }
      guard record.type == "response" || record.type == "resource", !record.targetURI.isEmpty else {
        continue
      }
      let source = archive.source + "!/" + record.targetURI
      guard let content = record.content else {
        result.fail(
          source,
          "record is \(record.contentLength) bytes, over the size limit of \(maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)"
        )
        continue
      }
      guard
        let body = record.type == "response" ? Self.documentBody(ofWARCRecord: content) : content,
        !body.isEmpty
      else { continue }
      guard body.count <= maxMemberBytes else {
        result.fail(
          source,
          "document is \(body.count) bytes, over the size limit of \(maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)"
        )
        continue
      }
      result.spool(body, source: source)
    }
  }

  /// The document in a WARC record's payload: an HTTP response's body when its content type
  /// is HTML or plain text, or a resource record's bytes as they are. Nil for anything else
  /// (images, scripts, redirects, request records).
  static func documentBody(ofWARCRecord bytes: [UInt8]) -> [UInt8]? {
    guard bytes.starts(with: Array("HTTP/".utf8)) else { return bytes.isEmpty ? nil : bytes }
    // The header block ends at the first blank line (CRLF CRLF, or LF LF from lax servers).
    var end: Int?
    var bodyStart = 0
    for index in 0..<bytes.count where bytes[index] == 0x0A {
      if index >= 2, bytes[index - 1] == 0x0D, bytes[index - 2] == 0x0A {
        end = index - 2
        bodyStart = index + 1
        break
      }
      if index >= 1, bytes[index - 1] == 0x0A {
        end = index - 1
        bodyStart = index + 1
        break
      }
    }
    guard let end else { return nil }
    let header = String(decoding: bytes[0..<end], as: UTF8.self)
    let lines = header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
    guard let statusLine = lines.first else { return nil }
    let statusParts = statusLine.split(separator: " ")
    guard statusParts.count >= 2, statusParts[1] == "200" else { return nil }
    let contentType = lines.dropFirst().first { $0.lowercased().hasPrefix("content-type:") }
      .map { $0.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces).lowercased() }
    guard let contentType,
      contentType.hasPrefix("text/html") || contentType.hasPrefix("application/xhtml")
        || contentType.hasPrefix("text/plain")
    else { return nil }
    let lowerHeader = header.lowercased()
    // Transfer codings are undone by the crawler before writing WARC in practice; a body still
    // chunked or compressed is not a document we can read.
    if lowerHeader.contains("transfer-encoding: chunked")
      || lowerHeader.contains("content-encoding: gzip")
    {
      return nil
    }
    return Array(bytes[bodyStart...])
  }
}
