import Foundation

/// Reads the records of a web archive (WARC 1.0/1.1), whole-file or per-record gzip, one at a
/// time with bounded memory. libarchive decompresses; the record format is parsed here, because
/// libarchive's own WARC reader keeps only the target URI's path, not its scheme and host.
struct WARCReader {
  /// One record's headers and, when it was within the limit, its content.
  struct Record {
    var type: String
    var targetURI: String
    /// Nil when the content was longer than the limit (it was skipped, not read).
    var content: [UInt8]?
    var contentLength: Int
  }

  enum ReadError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)

    var description: String {
      switch self {
      case .unreadable(let reason), .malformed(let reason): reason
      }
    }
  }

  private let archive: LibArchive
  private var buffer: [UInt8] = []
  private var position = 0
  private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
  private var atEnd = false
  /// Content bytes seen so far, read or skipped: what the archive has expanded to.
  private(set) var expandedBytes = 0

  /// Reads from a descriptor the caller opened and checked, and closes after `close()`.
  init(descriptor: Int32) throws(ReadError) {
    let opened: LibArchive
    do {
      opened = try LibArchive(descriptor: descriptor, mode: .stream)
    } catch {
      throw .unreadable(error.reason)
    }
    let first: LibArchive.Entry?
    do {
      first = try opened.next()
    } catch {
      first = nil
    }
    guard first != nil else {
      let reason = opened.lastError
      opened.close()
      throw .unreadable(reason.isEmpty ? "empty file" : reason)
    }
    archive = opened
  }

  func close() { archive.close() }

  /// Makes at least `count` unread bytes available, unless the stream ends first.
  private mutating func fill(_ count: Int) throws(ReadError) {
    while buffer.count - position < count, !atEnd {
      if position > 0 {
        buffer.removeFirst(position)
        position = 0
      }
      let read: Int
      do {
        read = try archive.read(into: &chunk)
      } catch {
        throw .unreadable(error.reason)
      }
      if read == 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[0..<Int(read)])
      }
    }
  }

  /// The next line without its CR LF (or LF), or nil at the end of the stream.
  private mutating func line() throws(ReadError) -> String? {
    while true {
      if let newline = buffer[position...].firstIndex(of: 0x0A) {
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
      guard buffer.count - position < 64 * 1024 else {
        throw .malformed("a header line longer than 64 KB")
      }
      try fill(buffer.count - position + 1)
    }
  }

  /// The next record, or nil at the end. Content longer than `limit` is skipped, not held.
  mutating func next(limit: Int) throws(ReadError) -> Record? {
    // Skip blank lines between records.
    var version: String?
    while let text = try line() {
      if !text.isEmpty {
        version = text
        break
      }
    }
    guard let version else { return nil }
    guard version.hasPrefix("WARC/") else {
      throw .malformed("expected a WARC/1.x record, found '\(version.prefix(40))'")
    }
    var type = ""
    var uri = ""
    var length: Int?
    while let text = try line(), !text.isEmpty {
      guard let colon = text.firstIndex(of: ":") else { continue }
      let key = text[..<colon].lowercased()
      let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      switch key {
      case "warc-type": type = value.lowercased()
      case "warc-target-uri": uri = value.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
      case "content-length": length = Int(value)
      default: break
      }
    }
    guard let length, length >= 0 else { throw .malformed("a record without a Content-Length") }
    expandedBytes = expandedBytes.saturatingAdd(length)
    if length > limit {
      var left = length
      while left > 0 {
        try fill(1)
        let available = min(left, buffer.count - position)
        if available == 0 { throw .malformed("the archive ends inside a record") }
        position += available
        left -= available
      }
      return Record(type: type, targetURI: uri, content: nil, contentLength: length)
    }
    try fill(length)
    guard buffer.count - position >= length else {
      throw .malformed("the archive ends inside a record")
    }
    let content = Array(buffer[position..<(position + length)])
    position += length
    return Record(type: type, targetURI: uri, content: content, contentLength: length)
  }
}
