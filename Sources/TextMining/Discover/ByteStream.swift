import Foundation

/// Bytes read in order from a file, from memory, or from gzip members over either: what the web
/// archive reader parses. A stream that skips damaged bytes says so in `notices`.
protocol ByteStream: AnyObject {
  /// Reads up to `buffer.count` bytes into the front of `buffer`: the count, 0 at the end.
  func read(into buffer: inout [UInt8]) throws(ByteStreamError) -> Int
  /// What was skipped as damaged since the last call, one sentence each (with the byte offset).
  func takeNotices() -> [String]
  /// Ranges of the stream's output that damage touched, since the last call: output of a
  /// corrupt gzip member (`start..<end`), or the point where bytes resume after skipped junk
  /// (`start == end`). Whatever was read across one of them is not what the file held.
  func takeDamage() -> [(start: Int, end: Int)]
}

extension ByteStream {
  func takeDamage() -> [(start: Int, end: Int)] { [] }
}

/// Why a stream cannot be read on.
struct ByteStreamError: Error, CustomStringConvertible {
  var reason: String
  var description: String { reason }
}

/// A file's bytes, from a descriptor the caller opened and checked (and closes).
final class DescriptorStream: ByteStream {
  private let descriptor: Int32

  init(descriptor: Int32) { self.descriptor = descriptor }

  func read(into buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
    while true {
      let count = buffer.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if count >= 0 { return count }
      if errno == EINTR { continue }
      throw ByteStreamError(reason: String(cString: strerror(errno)))
    }
  }

  func takeNotices() -> [String] { [] }
}

/// Bytes held in memory (a member of another archive).
final class MemoryStream: ByteStream {
  private let bytes: [UInt8]
  private var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  func read(into buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
    let count = min(buffer.count, bytes.count - position)
    buffer.replaceSubrange(0..<count, with: bytes[position..<(position + count)])
    position += count
    return count
  }

  func takeNotices() -> [String] { [] }
}

/// The data of a gzip file of one or many members (a `.warc.gz` holds one per record),
/// decompressed member after member with zlib.
///
/// Damage does not end the stream: bytes between members that are not a gzip member (junk a
/// tool appended or a transfer garbled), and a member whose deflate data is corrupt, are skipped
/// to the next gzip header, and each skip is a notice naming the compressed offset and length.
/// Trailing zero bytes (block padding) are not damage.
final class GzipMemberStream: ByteStream {
  private let source: any ByteStream
  private let inflater: Inflater
  private var pending: [UInt8] = []
  private var start = 0
  /// The compressed offset of `pending[start]`.
  private var offset = 0
  private var sourceEnded = false
  private var inMember = false
  private var memberOffset = 0
  private var notices: [String] = []
  private var chunk = [UInt8](repeating: 0, count: 64 * 1024)
  /// Bytes of output so far, and the output offsets at which reading resumed after a skip.
  private var produced = 0
  private var memberProduced = 0
  private var damage: [(start: Int, end: Int)] = []

  init(source: any ByteStream) throws(ByteStreamError) {
    guard let inflater = Inflater(.gzip) else {
      throw ByteStreamError(reason: "zlib cannot make an inflater (out of memory)")
    }
    self.source = source
    self.inflater = inflater
  }

  func takeNotices() -> [String] {
    defer { notices.removeAll() }
    return notices
  }

  func takeDamage() -> [(start: Int, end: Int)] {
    defer { damage.removeAll() }
    return damage
  }

  private var available: Int { pending.count - start }

  /// Reads more compressed bytes; false at the end of the source.
  private func refill() throws(ByteStreamError) -> Bool {
    guard !sourceEnded else { return false }
    if start > 0, start >= pending.count / 2 {
      pending.removeFirst(start)
      start = 0
    }
    let count = try source.read(into: &chunk)
    if count == 0 {
      sourceEnded = true
      return false
    }
    pending.append(contentsOf: chunk[0..<count])
    return true
  }

  private func advance(_ count: Int) {
    start += count
    offset += count
  }

  private static let magic: [UInt8] = [0x1F, 0x8B, 0x08]

  /// Whether the unread bytes start with a gzip header, reading more as needed.
  private func atHeader() throws(ByteStreamError) -> Bool {
    while available < 3, try refill() {}
    guard available >= 3 else { return false }
    return pending[start] == 0x1F && pending[start + 1] == 0x8B && pending[start + 2] == 0x08
  }

  /// Skips to the next gzip header (or the end), and notes what was skipped.
  /// `damagedMember` is the offset of a corrupt member being skipped, nil for junk between
  /// members.
  private func skipToHeader(damagedMember: Int? = nil) throws(ByteStreamError) {
    let skippedFrom = offset
    var allZero = true
    while true {
      if try atHeader() { break }
      guard available > 0 else { break }
      if pending[start] != 0 { allZero = false }
      // Skip to the next 0x1F, or to the end of what is held.
      var next = start + 1
      while next < pending.count, pending[next] != 0x1F {
        if pending[next] != 0 { allZero = false }
        next += 1
      }
      advance(next - start)
    }
    let skipped = offset - skippedFrom
    if let damagedMember {
      notices.append(
        available >= 3
          ? "the gzip member at bytes \(damagedMember)-\(offset - 1) is damaged; what it held is not read, and reading resumed at the next gzip member (byte \(offset))"
          : "the gzip member that starts at byte \(damagedMember), the last in the file, is damaged; what it held is not read"
      )
      return
    }
    guard skipped > 0 else { return }
    damage.append((produced, produced))
    let reason = "data that is not gzip between members"
    if available >= 3 {
      notices.append(
        "\(reason): \(skipped) bytes from byte \(skippedFrom) were skipped, and reading resumed at the next gzip member (byte \(offset))"
      )
    } else if !allZero {
      notices.append(
        "\(reason): trailing data not read (\(skipped) bytes from byte \(skippedFrom) are not a gzip member)"
      )
    }
  }

  func read(into buffer: inout [UInt8]) throws(ByteStreamError) -> Int {
    while true {
      if !inMember {
        if try !atHeader() {
          guard available > 0 else { return 0 }
          try skipToHeader()
          continue
        }
        inMember = true
        memberOffset = offset
        memberProduced = produced
        inflater.reset()
      }
      if available == 0, try !refill() {
        inMember = false
        notices.append(
          "the file ends inside the gzip member that starts at byte \(memberOffset); the rest of that member is lost"
        )
        return 0
      }
      guard let step = inflater.step(pending[start...], into: &buffer) else {
        inMember = false
        damage.append((memberProduced, produced))
        advance(1)  // past this member's header, so the search finds the next one
        try skipToHeader(damagedMember: memberOffset)
        continue
      }
      advance(step.consumed)
      if step.ended { inMember = false }
      produced += step.produced
      if step.produced > 0 { return step.produced }
      if step.consumed == 0, !step.ended, try !refill() {
        inMember = false
        notices.append(
          "the file ends inside the gzip member that starts at byte \(memberOffset); the rest of that member is lost"
        )
        return 0
      }
    }
  }
}
