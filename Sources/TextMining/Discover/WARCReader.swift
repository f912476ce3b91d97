import Foundation

/// Reads the records of a web archive (WARC 1.0/1.1) from a byte stream (a file, memory, or
/// gzip members: `GzipMemberStream`), one at a time with bounded memory. The record format is
/// parsed here, because libarchive's own WARC reader keeps only the target URI's path, not its
/// scheme and host.
///
/// Damage between records does not end the archive: bytes where a record should start are
/// skipped to the next line that starts one (`WARC/1.`), and the skip is noted.
struct WARCReader {
  /// One record's headers and, when it was within the limit, its content.
  struct Record {
    var type: String
    var targetURI: String
    /// The record's `WARC-Date` as written ("" when absent).
    var date: String
    /// The record's own `Content-Type` (for a resource record, the resource's type).
    var contentType: String
    /// Nil when the content was longer than the limit (it was skipped, not read).
    var content: [UInt8]?
    var contentLength: Int
  }

  enum ReadError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)
    /// More bytes were read than `allowance` let this record have.
    case overBudget

    var description: String {
      switch self {
      case .unreadable(let reason), .malformed(let reason): reason
      case .overBudget: "the archive expands beyond its limit"
      }
    }
  }

  /// The most bytes the next record may read, skipped junk and header lines included; the
  /// caller sets it from what its budget has left.
  var allowance = Int.max
  private var allowanceEnd = Int.max

  private let stream: any ByteStream
  private var buffer: [UInt8] = []
  private var position = 0
  /// The stream offset of `buffer[0]`.
  private var bufferOffset = 0
  private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
  private var atEnd = false
  /// Damage skipped since the last call to `takeNotices()`.
  private var notices: [String] = []
  /// Ranges of stream offsets that damage touched (`ByteStream.takeDamage`).
  private var damage: [(start: Int, end: Int)] = []

  /// Reads records from a stream.
  init(stream: any ByteStream) {
    self.stream = stream
  }

  /// What was skipped as damaged since the last call (the stream's notices and the reader's).
  mutating func takeNotices() -> [String] {
    defer { notices.removeAll() }
    return stream.takeNotices() + notices
  }

  /// Makes at least `count` unread bytes available, unless the stream ends first.
  private mutating func fill(_ count: Int) throws(ReadError) {
    while buffer.count - position < count, !atEnd {
      if position > 0 {
        buffer.removeFirst(position)
        bufferOffset += position
        position = 0
      }
      let read: Int
      do {
        read = try stream.read(into: &chunk)
      } catch {
        throw .unreadable(error.reason)
      }
      damage += stream.takeDamage()
      if read == 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[0..<read])
      }
    }
  }

  /// The next line without its CR LF (or LF), or nil at the end of the stream.
  private mutating func line() throws(ReadError) -> String? {
    // Bytes from `position` up to `searched` hold no line end: each byte is looked at once,
    // however small the reads that bring the line in.
    var searched = position
    while true {
      if let newline = buffer[searched...].firstIndex(of: 0x0A) {
        var end = newline
        if end > position, buffer[end - 1] == 0x0D { end -= 1 }
        let text = String(decoding: buffer[position..<end], as: UTF8.self)
        position = newline + 1
        return text
      }
      if atEnd {
        guard position < buffer.count else { return nil }
        let text = String(decoding: buffer[position...], as: UTF8.self)
        position = buffer.count
        return text
      }
      if buffer.count - position >= 64 * 1024 {
        // No line end in 64 KB: not a header line. Hand back what is held as one line.
        let text = String(decoding: buffer[position..<(position + 64)], as: UTF8.self)
        position = buffer.count
        return text
      }
      let unsearched = buffer.count - position
      try fill(unsearched + 1)
      // `fill` may have moved the unread bytes to the front of the buffer.
      searched = position + unsearched
      if consumedBytes > allowanceEnd { throw .overBudget }
    }
  }

  /// Bytes read from the stream so far: what the archive has expanded to, records, headers
  /// and anything skipped between them.
  var consumedBytes: Int { bufferOffset + buffer.count }

  private var offset: Int { bufferOffset + position }

  /// The next record, or nil at the end. Content longer than `limit` is skipped, not held.
  mutating func next(limit: Int) throws(ReadError) -> Record? {
    allowanceEnd = consumedBytes.saturatingAdd(allowance)
    // After a large record, give back its memory.
    if buffer.capacity > 4 << 20, buffer.count - position < 1 << 16 {
      buffer = Array(buffer[position...])
      bufferOffset += position
      position = 0
    }
    while true {
      switch try readRecord(limit: limit) {
      case .record(let record): return record
      case .end: return nil
      case .skipped: continue
      }
    }
  }

  private enum Step {
    case record(Record)
    case end
    /// A record was skipped (reported in the notices); read on.
    case skipped
  }

  private mutating func readRecord(limit: Int) throws(ReadError) -> Step {
    // Skip blank lines between records, and anything else up to the next record, noted.
    var skippedFrom: Int?
    var version: String?
    var versionStart = 0
    while true {
      let lineStart = offset
      guard let text = try line() else { break }
      if text.hasPrefix("WARC/1.") || (skippedFrom == nil && text.hasPrefix("WARC/")) {
        version = text
        versionStart = lineStart
        break
      }
      if !text.isEmpty, skippedFrom == nil { skippedFrom = lineStart }
    }
    if let skippedFrom {
      notices.append(
        version == nil
          ? "trailing data not read: \(offset - skippedFrom) bytes from byte \(skippedFrom) of the uncompressed archive are not a WARC record"
          : "\(versionStart - skippedFrom) bytes from byte \(skippedFrom) of the uncompressed archive are not a WARC record; reading resumed at the next record (byte \(versionStart))"
      )
    }
    guard version != nil else { return .end }
    var type = ""
    var uri = ""
    var date = ""
    var contentType = ""
    var length: Int?
    while let text = try line(), !text.isEmpty {
      guard let colon = text.firstIndex(of: ":") else { continue }
      let key = text[..<colon].lowercased()
      let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "warc-type": type = value.lowercased()
      case "warc-target-uri": uri = value.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
      case "warc-date": date = value
      case "content-type": contentType = value
      case "content-length": length = Int(value)
      default: break
      }
    }
    guard let length, length >= 0 else {
      notices.append(
        "the record at byte \(versionStart) of the uncompressed archive has no valid Content-Length; skipped to the next record"
      )
      return .skipped
    }
    var record = Record(
      type: type, targetURI: uri, date: date, contentType: contentType, content: nil,
      contentLength: length)
    if length > limit {
      var left = length
      while left > 0 {
        try fill(1)
        let available = min(left, buffer.count - position)
        if available == 0 { throw .malformed("the archive ends inside a record") }
        position += available
        left -= available
      }
      return .record(record)
    }
    try fill(length)
    let contentStart = offset
    damage.removeAll { $0.end <= contentStart }
    if let cut = damage.first(where: { $0.start < contentStart + length }) {
      // The compressed file was damaged inside this record: what follows the damage belongs
      // to the next record. Drop this one and read on from there.
      notices.append(
        "the record at byte \(versionStart) of the uncompressed archive was damaged in the compressed file; skipped"
      )
      position = max(position, min(buffer.count, cut.end - bufferOffset))
      damage.removeAll { $0.end <= cut.end }
      return .skipped
    }
    guard buffer.count - position >= length else {
      throw .malformed("the archive ends inside a record")
    }
    record.content = Array(buffer[position..<(position + length)])
    position += length
    return .record(record)
  }
}
