import Foundation

/// One document found in an archive, with its bytes.
public struct ArchiveMember: Sendable {
  /// `<archive source>!/<member name>`, nested archives chained (`a.zip!/b.tgz!/minutes.html`).
  public var source: String
  public var bytes: [UInt8]
  /// What an HTTP response (or WARC resource record) declared about it.
  public var declared: DeclaredContent
}

/// Which members of an archive are documents, by name: a pipeline's include and exclude
/// patterns. A web archive's records are chosen by their HTTP content type instead, so only
/// `excludes` applies to them (their name is the target URI).
public struct MemberFilter: Sendable {
  /// Whether a member's name is a document's (include patterns).
  public var includes: @Sendable (_ name: String) -> Bool
  /// Whether a member is excluded, by its name or its full source (exclude patterns).
  public var excludes: @Sendable (_ name: String, _ source: String) -> Bool

  /// Creates a filter.
  public init(
    includes: @escaping @Sendable (String) -> Bool,
    excludes: @escaping @Sendable (String, String) -> Bool
  ) {
    self.includes = includes
    self.excludes = excludes
  }

  /// Every member is a document.
  public static let everything = MemberFilter(includes: { _ in true }, excludes: { _, _ in false })
}

/// Walks the documents of one archive (zip, tar, tar.gz/tgz, gz, WARC), in archive order, with
/// archives inside it expanded in place: each `next()` gives a member and its bytes, or a
/// failure to report. Nothing is written to disk, and memory holds one member at a time (plus
/// the bytes of each nested archive being walked).
///
/// Names: a member's source reads `<archive source>!/<member name>`; a nested archive's members
/// chain (`outer.zip!/inner.tgz!/minutes.html`); a web archive's documents are named by their
/// target URI. Member names are never used as paths; one that is absolute or holds `..` is
/// reported and skipped. Names are read as UTF-8 (a zip name not marked UTF-8 and not valid
/// UTF-8 is code page 437, as the zip format says); a name that cannot be read is reported.
/// A name already given in the same archive gets `~2`, `~3`...; a URI captured again later in
/// the same web archive gets its `WARC-Date` (`http://x.example/news@2008-05-01T09:00:00Z`).
///
/// Skipped without a word, as hidden files in folders are: members with a path segment that
/// starts with "." and everything under `__MACOSX/` (the resource forks a Mac adds to zips).
///
/// Limits (`ArchiveLimits`) hold for the whole walk, nested archives included: a member past
/// `maxMemberBytes` is reported and the rest is read; past `maxArchiveBytes` or `maxMembers`,
/// the walk is reported and stops; an archive nested deeper than `maxDepth` is reported and not
/// opened. Damage stops the archive it is in, reported with the reason, keeping what came before;
/// a web archive skips damaged bytes to the next gzip member or record and reports each skip.
public final class ArchiveWalker: Sequence, IteratorProtocol {
  /// What one step gives.
  public enum Item: Sendable {
    case member(ArchiveMember)
    case failure(DocumentFailure)
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

  static func isWebArchive(_ name: String) -> Bool {
    let lower = name.lowercased()
    return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
  }

  /// Whether a member path is hidden: a segment starting with ".", or a Mac resource fork folder.
  static func isHidden(_ name: String) -> Bool {
    name.split(separator: "/").contains { $0.hasPrefix(".") || $0 == "__MACOSX" }
  }

  private let archive: SourceFile
  private let limits: ArchiveLimits
  private let filter: MemberFilter
  private let budget: ExpansionBudget
  private var frames: [Frame] = []
  private var queue: [Item] = []
  private var started = false
  private var descriptor: Int32 = -1

  /// Bytes expanded so far, over all members and nested archives.
  public var expandedBytes: Int { budget.bytes }

  /// Walks an archive found by discovery. Nothing is opened until the first `next()`.
  public init(archive: SourceFile, limits: ArchiveLimits, filter: MemberFilter) {
    self.archive = archive
    self.limits = limits
    self.filter = filter
    budget = ExpansionBudget(limits: limits)
  }

  deinit { finish() }

  /// The next member or failure, in archive order; nil at the end.
  public func next() -> Item? {
    if !started {
      started = true
      openTop()
    }
    while true {
      if !queue.isEmpty { return queue.removeFirst() }
      guard let frame = frames.last else {
        finish()
        return nil
      }
      let wants: (String) -> Bool =
        frame.level is WebArchiveLevel
        ? { [filter] name in !filter.excludes(name, frame.prefix + name) }
        : { [filter] name in
          let source = frame.prefix + name
          if filter.excludes(name, source) { return false }
          return Self.isArchive(name) || filter.includes(name)
        }
      guard let entry = frame.level.nextEntry(budget: budget, wants: wants) else {
        pop()
        continue
      }
      switch entry {
      case .file(let name, let capture, let declared, let bytes):
        let source = unique(frame.prefix + name, capture: capture)
        if !(frame.level is WebArchiveLevel), Self.isArchive(name) {
          open(nested: bytes, name: name, source: source, depth: frame.depth + 1)
        } else {
          queue.append(.member(ArchiveMember(source: source, bytes: bytes, declared: declared)))
        }
      case .failure(let member, let reason, let unreadable):
        let source = member.map { unique(frame.prefix + $0, capture: nil) } ?? frame.source
        queue.append(fail(source, reason, unreadable: unreadable))
      case .stop(let reason, let unreadable):
        queue.append(fail(frame.source, reason, unreadable: unreadable))
        pop()
      case .exhausted(let reason):
        queue.append(fail(archive.source, reason))
        while !frames.isEmpty { pop() }
      }
    }
  }

  private func fail(_ source: String, _ reason: String, unreadable: Bool = false) -> Item {
    var failure = DocumentFailure(source: source, stage: .discover, reason: reason)
    failure.isUnreadable = unreadable
    return .failure(failure)
  }

  private func openTop() {
    do {
      descriptor = try SourceReader.openChecked(archive).descriptor
    } catch {
      queue.append(fail(archive.source, error.description, unreadable: true))
      return
    }
    if Self.isWebArchive(archive.source) {
      do {
        let raw = DescriptorStream(descriptor: descriptor)
        let stream: any ByteStream =
          archive.source.lowercased().hasSuffix(".gz") ? try GzipMemberStream(source: raw) : raw
        frames.append(
          Frame(level: WebArchiveLevel(stream: stream), source: archive.source, depth: 1))
      } catch {
        queue.append(fail(archive.source, "cannot open the web archive (\(error.reason))"))
      }
      return
    }
    do {
      let reader = try LibArchive(descriptor: descriptor)
      frames.append(
        Frame(
          level: LibArchiveLevel(reader: reader, archiveName: archive.source),
          source: archive.source,
          depth: 1))
    } catch {
      queue.append(fail(archive.source, "cannot open the archive (\(error.reason))"))
    }
  }

  /// Sources given so far in this walk, nested archives' included.
  private var given: [String: Int] = [:]

  /// The source, or, when the walk already gave it (a name repeated in an archive, or a member
  /// named like a nested archive's), the source with the capture date (a web archive's) or a
  /// count.
  private func unique(_ source: String, capture: String?) -> String {
    guard let count = given[source] else {
      given[source] = 1
      return source
    }
    given[source] = count + 1
    if let capture, !capture.isEmpty, given[source + "@" + capture] == nil {
      given[source + "@" + capture] = 1
      return source + "@" + capture
    }
    var number = count + 1
    while given[source + "~\(number)"] != nil { number += 1 }
    given[source + "~\(number)"] = 1
    return source + "~\(number)"
  }

  /// Opens an archive found inside another; its type is judged by its name in that archive,
  /// not by the source it was given (`crawl.warc.gz~2` is still a web archive).
  private func open(nested bytes: [UInt8], name: String, source: String, depth: Int) {
    guard depth <= limits.maxDepth else {
      queue.append(
        fail(
          source,
          "an archive nested \(depth) deep, beyond the limit of \(limits.maxDepth) (limits.max_archive_depth in the pipeline); not expanded"
        ))
      return
    }
    if Self.isWebArchive(name) {
      do {
        let raw = MemoryStream(bytes)
        let stream: any ByteStream =
          name.lowercased().hasSuffix(".gz") ? try GzipMemberStream(source: raw) : raw
        frames.append(Frame(level: WebArchiveLevel(stream: stream), source: source, depth: depth))
      } catch {
        queue.append(fail(source, "cannot open the web archive (\(error.reason))"))
      }
      return
    }
    do {
      let reader = try LibArchive(bytes: bytes)
      frames.append(
        Frame(
          level: LibArchiveLevel(reader: reader, archiveName: name), source: source, depth: depth))
    } catch {
      queue.append(fail(source, "cannot open the archive (\(error.reason))"))
    }
  }

  private func pop() {
    frames.removeLast().level.close()
  }

  private func finish() {
    while !frames.isEmpty { pop() }
    if descriptor >= 0 {
      close(descriptor)
      descriptor = -1
    }
  }

  /// An archive being walked.
  private final class Frame {
    let level: any ArchiveLevel
    /// The archive's own source.
    let source: String
    let prefix: String
    let depth: Int

    init(level: any ArchiveLevel, source: String, depth: Int) {
      self.level = level
      self.source = source
      prefix = source + "!/"
      self.depth = depth
    }
  }
}

/// What one walk has spent, against its limits.
final class ExpansionBudget {
  let limits: ArchiveLimits
  var bytes = 0
  var entries = 0

  init(limits: ArchiveLimits) { self.limits = limits }

  var bytesExceeded: Bool { bytes > limits.maxArchiveBytes }

  var bytesFailure: String {
    "the archive expands beyond \(limits.maxArchiveBytes) bytes (limits.max_archive_bytes in the pipeline); the rest of it is skipped"
  }

  /// Counts one entry; false when that is one more than the limit.
  func countEntry() -> Bool {
    entries += 1
    return entries <= limits.maxMembers
  }

  var entriesFailure: String {
    "the archive holds more than \(limits.maxMembers) entries (limits.max_archive_members in the pipeline); the rest of it is skipped"
  }

  var memberFailure: String {
    "member expands beyond the size limit of \(limits.maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)"
  }
}

/// What an archive gives at one step, before the walker names it.
enum ArchiveEntry {
  /// A member wanted, with its bytes. `capture` distinguishes repeated names (a WARC date).
  case file(name: String, capture: String?, declared: DeclaredContent, bytes: [UInt8])
  /// A member (nil: the archive itself) that cannot be read or is refused; the rest is read.
  case failure(member: String?, reason: String, unreadable: Bool)
  /// The archive cannot be read on: reported on the archive, the rest of it skipped.
  /// `unreadable` when the file could not be read (an I/O error), not found damaged.
  case stop(reason: String, unreadable: Bool = false)
  /// The walk's limits are spent: reported on the outermost archive, the walk ends.
  case exhausted(reason: String)
}

/// One archive's entries, as the walker takes them.
protocol ArchiveLevel: AnyObject {
  /// The next entry; `wants` says from a member's name whether to read it. Nil at the end.
  func nextEntry(budget: ExpansionBudget, wants: (String) -> Bool) -> ArchiveEntry?
  func close()
}

/// A zip, tar or compressed file, read with libarchive.
final class LibArchiveLevel: ArchiveLevel {
  private let reader: LibArchive
  private let archiveName: String
  private var index = 0
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
  /// `reader.decompressedBytes` when the budget was last charged.
  private var decompressed = 0

  init(reader: LibArchive, archiveName: String) {
    self.reader = reader
    self.archiveName = archiveName
  }

  func close() { reader.close() }

  /// Charges the budget with what libarchive decompressed since the last charge, or `read`
  /// bytes when that is more (a zip inflates members itself, outside libarchive's filters).
  private func charge(_ budget: ExpansionBudget, read: Int) {
    let now = reader.decompressedBytes
    budget.bytes = budget.bytes.saturatingAdd(max(read, now - decompressed))
    decompressed = now
  }

  func nextEntry(budget: ExpansionBudget, wants: (String) -> Bool) -> ArchiveEntry? {
    while true {
      let entry: LibArchive.Entry
      do {
        let next = try reader.next()
        // Entries skipped on the way (not wanted, hidden, the rest of an oversized member)
        // were decompressed too.
        charge(budget, read: 0)
        if budget.bytesExceeded { return .exhausted(reason: budget.bytesFailure) }
        guard let next else { return nil }
        entry = next
      } catch {
        return error.isInputOutput
          ? .stop(
            reason: "the archive cannot be read (\(error.reason)); the rest of it is skipped",
            unreadable: true)
          : .stop(reason: "the archive is damaged (\(error.reason)); the rest of it is skipped")
      }
      index += 1
      guard budget.countEntry() else { return .exhausted(reason: budget.entriesFailure) }
      guard entry.isFile else { continue }
      var name: String
      if reader.isCompressedFile {
        // A compressed single file: named after the archive without its ".gz".
        let base = String(archiveName.split(separator: "/").last ?? "")
        name = base.lowercased().hasSuffix(".gz") ? String(base.dropLast(3)) : base
      } else {
        guard let raw = entry.name else {
          return .failure(
            member: nil,
            reason: "the name of entry \(index) cannot be read; that entry is skipped",
            unreadable: false)
        }
        guard let decoded = Self.decodeName(raw, isZip: reader.isZip) else {
          return .failure(
            member: nil,
            reason:
              "the name of entry \(index) ('\(Self.escaped(raw))') is not valid UTF-8; that entry is skipped",
            unreadable: false)
        }
        name = decoded
      }
      while name.hasPrefix("./") { name.removeFirst(2) }
      guard !name.isEmpty, !name.hasSuffix("/") else { continue }
      let segments = name.split(separator: "/", omittingEmptySubsequences: false)
      if name.hasPrefix("/") || segments.contains("..") {
        return .failure(
          member: name, reason: "member name leaves the archive (absolute or '..'); skipped",
          unreadable: false)
      }
      guard !ArchiveWalker.isHidden(name) else { continue }
      guard wants(name) else { continue }
      // Read the member, never past the limits.
      var bytes: [UInt8] = []
      while true {
        let count: Int
        do {
          count = try reader.read(into: &buffer)
        } catch {
          return .failure(
            member: name, reason: "cannot read the member (\(error.reason))", unreadable: true)
        }
        if count == 0 { break }
        charge(budget, read: count)
        if budget.bytesExceeded { return .exhausted(reason: budget.bytesFailure) }
        if count > budget.limits.maxMemberBytes - bytes.count {
          return .failure(member: name, reason: budget.memberFailure, unreadable: false)
        }
        bytes.append(contentsOf: buffer[0..<count])
      }
      return .file(name: name, capture: nil, declared: .none, bytes: bytes)
    }
  }

  /// A member name as text: UTF-8 when it is valid UTF-8; a zip name otherwise in code page
  /// 437 (the format's charset for names not marked UTF-8); nil otherwise.
  static func decodeName(_ bytes: [UInt8], isZip: Bool) -> String? {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    guard isZip else { return nil }
    return try? bytes.withUnsafeBytes { ICU.string(from: $0, charset: "ibm-437") }.get()
  }

  /// A name's bytes for messages, those that are not UTF-8 as `\xNN` (as discovery shows them).
  static func escaped(_ bytes: [UInt8]) -> String { SourceDiscoverer.escaped(bytes) }
}

/// A web archive: its HTML and plain-text responses with HTTP status 200, and its resource
/// records, named by target URI.
final class WebArchiveLevel: ArchiveLevel {
  private var reader: WARCReader
  private var notices: [String] = []

  init(stream: any ByteStream) {
    reader = WARCReader(stream: stream)
  }

  func close() {}

  func nextEntry(budget: ExpansionBudget, wants: (String) -> Bool) -> ArchiveEntry? {
    while true {
      notices += reader.takeNotices()
      if !notices.isEmpty {
        return .failure(member: nil, reason: notices.removeFirst(), unreadable: false)
      }
      let before = reader.consumedBytes
      reader.allowance = max(0, budget.limits.maxArchiveBytes - budget.bytes)
      let record: WARCReader.Record
      do {
        guard
          let next = try reader.next(limit: budget.limits.maxMemberBytes.saturatingAdd(16 * 1024))
        else {
          notices += reader.takeNotices()
          if notices.isEmpty { return nil }
          continue
        }
        record = next
      } catch .overBudget {
        return .exhausted(reason: budget.bytesFailure)
      } catch {
        notices += reader.takeNotices()
        var unreadable = false
        if case .unreadable = error {
          unreadable = true
          notices.append("the web archive cannot be read (\(error)); the rest of it is skipped")
        } else {
          notices.append("the web archive is damaged (\(error)); the rest of it is skipped")
        }
        let reason = notices.joined(separator: "; ")
        notices = []
        return .stop(reason: reason, unreadable: unreadable)
      }
      guard budget.countEntry() else { return .exhausted(reason: budget.entriesFailure) }
      budget.bytes = budget.bytes.saturatingAdd(reader.consumedBytes - before)
      if budget.bytesExceeded { return .exhausted(reason: budget.bytesFailure) }
      guard record.type == "response" || record.type == "resource", !record.targetURI.isEmpty,
        wants(record.targetURI)
      else { continue }
      let uri = record.targetURI
      guard let content = record.content else {
        return .failure(
          member: uri,
          reason:
            "record is \(record.contentLength) bytes, over the size limit of \(budget.limits.maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)",
          unreadable: false)
      }
      let document: (body: [UInt8], declared: DeclaredContent)
      if record.type == "response" {
        switch Self.document(inResponse: content, maxBytes: budget.limits.maxMemberBytes) {
        case .none: continue
        case .some(.failure(let refusal)):
          return .failure(member: uri, reason: refusal.reason, unreadable: false)
        case .some(.success(let found)): document = found
        }
      } else {
        document = (content, Self.declared(byContentType: record.contentType))
      }
      // What undoing HTTP codings expanded the body to counts too.
      budget.bytes = budget.bytes.saturatingAdd(max(0, document.body.count - content.count))
      if budget.bytesExceeded { return .exhausted(reason: budget.bytesFailure) }
      guard !document.body.isEmpty else { continue }
      guard document.body.count <= budget.limits.maxMemberBytes else {
        return .failure(
          member: uri,
          reason:
            "document is \(document.body.count) bytes, over the size limit of \(budget.limits.maxMemberBytes) bytes (limits.max_file_bytes in the pipeline)",
          unreadable: false)
      }
      return .file(
        name: uri, capture: record.date, declared: document.declared, bytes: document.body)
    }
  }

  /// What a `Content-Type` value (a WARC resource record's) declares, read as HTTP reads it.
  static func declared(byContentType value: String) -> DeclaredContent {
    guard !value.isEmpty,
      let response = HTTPResponse.parse(
        Array("HTTP/1.1 200 OK\r\nContent-Type: \(value)\r\n\r\n".utf8))
    else { return .none }
    return DeclaredContent(mediaType: response.mediaType, charset: response.charset)
  }

  /// Why a response's document could not be had.
  struct Refusal: Error {
    var reason: String
  }

  /// The document in an HTTP response: its body, with transfer and content codings undone, and
  /// what the `Content-Type` declares. Nil for anything that is not a page (status other than
  /// 200, a media type other than HTML, XHTML or plain text, a record that is not HTTP); a
  /// failure for a page that cannot be decoded (an unknown coding, a broken chunked body).
  static func document(inResponse bytes: [UInt8], maxBytes: Int) -> Result<
    (body: [UInt8], declared: DeclaredContent), Refusal
  >? {
    guard let response = HTTPResponse.parse(bytes) else { return nil }
    guard response.statusCode == 200 else { return nil }
    let declared = DeclaredContent(mediaType: response.mediaType, charset: response.charset)
    guard declared.format != nil else { return nil }
    var body = Array(bytes[response.bodyStart...])
    // Transfer codings, last applied first: chunked is always last when present.
    for coding in response.transferCodings.reversed() {
      switch coding {
      case "chunked":
        guard let dechunked = HTTPResponse.dechunk(body[...]) else {
          return .failure(Refusal(reason: "the HTTP body is not validly chunked; skipped"))
        }
        body = dechunked
      default:
        switch decompress(body, coding: coding, maxBytes: maxBytes) {
        case .success(let decoded): body = decoded
        case .failure(let refusal): return .failure(refusal)
        }
      }
    }
    for coding in response.contentCodings.reversed() {
      switch decompress(body, coding: coding, maxBytes: maxBytes) {
      case .success(let decoded): body = decoded
      case .failure(let refusal): return .failure(refusal)
      }
    }
    return .success((body, declared))
  }

  /// Undoes one HTTP coding (gzip, x-gzip, deflate), never past `maxBytes`.
  static func decompress(_ bytes: [UInt8], coding: String, maxBytes: Int) -> Result<
    [UInt8], Refusal
  > {
    let wrappers: [Inflater.Wrapper]
    switch coding {
    case "gzip", "x-gzip": wrappers = [.gzip]
    // "deflate" is meant to be zlib-wrapped; some servers send raw deflate.
    case "deflate": wrappers = [.zlib, .raw]
    default:
      return .failure(
        Refusal(
          reason: "the HTTP body is encoded as '\(coding)', which lspminer cannot decode; skipped"))
    }
    for wrapper in wrappers {
      guard let inflater = Inflater(wrapper) else { break }
      var output: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      var position = 0
      var valid = true
      while true {
        guard let step = inflater.step(bytes[position...], into: &chunk) else {
          valid = false
          break
        }
        position += step.consumed
        output.append(contentsOf: chunk[0..<step.produced])
        if output.count > maxBytes {
          return .failure(
            Refusal(
              reason:
                "the page decompresses beyond the size limit of \(maxBytes) bytes (limits.max_file_bytes in the pipeline)"
            ))
        }
        if step.ended || (step.consumed == 0 && step.produced == 0) { break }
      }
      if valid { return .success(output) }
    }
    return .failure(Refusal(reason: "the HTTP body's \(coding) data is damaged; skipped"))
  }
}
