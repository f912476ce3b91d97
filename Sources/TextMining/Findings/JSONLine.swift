/// One JSON object on one line, read without building a tree: the scan checks the whole line is
/// well-formed JSON (RFC 8259's grammar, nested values included; bytes that are not UTF-8 inside
/// a string are read as U+FFFD rather than refused) and notes where each top-level member's
/// value lies, so a reader decodes only the fields it wants. Reused from line to line, so a
/// stream of records costs no allocation beyond the strings taken out of it.
struct JSONLine {
  enum Kind: UInt8 { case string, number, `true`, `false`, null, object, array }

  private struct Member {
    var key: Range<Int>
    var value: Range<Int>
    var kind: Kind
    /// The key or string value holds a backslash escape.
    var keyEscaped: Bool
    var valueEscaped: Bool
  }

  private var members: [Member] = []
  private var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

  init() { members.reserveCapacity(32) }

  /// Scans a line; false when it is not one well-formed JSON object (a truncated or hand-broken
  /// line). The line's bytes must stay alive while its fields are read.
  mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    members.removeAll(keepingCapacity: true)
    bytes = line
    hint = 0
    nameBits = 0
    mayRepeatNames = false
    var scanner = Scanner(bytes: line)
    scanner.skipSpace()
    guard scanner.take(UInt8(ascii: "{")) else { return false }
    scanner.skipSpace()
    if !scanner.take(UInt8(ascii: "}")) {
      while true {
        scanner.skipSpace()
        guard let (key, keyEscaped) = scanner.string() else { return false }
        scanner.skipSpace()
        guard scanner.take(UInt8(ascii: ":")) else { return false }
        scanner.skipSpace()
        let start = scanner.position
        guard let (kind, valueEscaped) = scanner.value(depth: 0) else { return false }
        let name = (key.lowerBound + 1)..<(key.upperBound - 1)
        let bit = Self.nameBit(line, name)
        if keyEscaped || nameBits & bit != 0 { mayRepeatNames = true }
        nameBits |= bit
        members.append(
          Member(
            key: name, value: start..<scanner.position,
            kind: kind, keyEscaped: keyEscaped,
            valueEscaped: valueEscaped))
        scanner.skipSpace()
        if scanner.take(UInt8(ascii: ",")) { continue }
        guard scanner.take(UInt8(ascii: "}")) else { return false }
        break
      }
    }
    scanner.skipSpace()
    return scanner.position == line.count
  }

  /// Where the last lookup found its member: readers ask for fields in the order writers put
  /// them, so the next one is most often just after it.
  private var hint = 0
  /// The names seen, as bits of a small filter; a name whose bit was already set may repeat.
  private var nameBits: UInt64 = 0
  /// The line may name a member twice (or escapes a name): lookups then search from the start.
  private var mayRepeatNames = false

  private static func nameBit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
    guard !range.isEmpty else { return 1 }
    let mix =
      range.count &* 31 &+ Int(bytes[range.lowerBound]) &* 7 &+ Int(bytes[range.upperBound - 1])
    return 1 << UInt64(mix & 63)
  }

  private func isNamed(_ member: Member, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
    if member.keyEscaped { return Array(Self.unescaped(bytes[member.key]).utf8) == Array(wanted) }
    return member.key.count == wanted.count && memcmpEqual(bytes, member.key, wanted)
  }

  /// The first member named `key` (JSON leaves repeated names open; the first wins here).
  private mutating func member(_ key: StaticString) -> Member? {
    let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
    let count = members.count
    if mayRepeatNames {
      return members.first { isNamed($0, wanted) }
    }
    // From the hint to the end, then from the start to the hint.
    let start = min(hint, count)
    for index in start..<count {
      let member = members[index]
      if member.key.count == wanted.count || member.keyEscaped, isNamed(member, wanted) {
        hint = index + 1
        return member
      }
    }
    for index in 0..<start {
      let member = members[index]
      if member.key.count == wanted.count || member.keyEscaped, isNamed(member, wanted) {
        hint = index + 1
        return member
      }
    }
    return nil
  }

  private func memcmpEqual(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ wanted: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    var index = range.lowerBound
    for byte in wanted {
      if bytes[index] != byte { return false }
      index += 1
    }
    return true
  }

  /// Whether the object has a member `key` (of any kind, null included).
  mutating func has(_ key: StaticString) -> Bool { member(key) != nil }

  /// The member's string value, or nil when absent or not a string.
  mutating func string(_ key: StaticString) -> String? {
    guard let member = member(key), member.kind == .string else { return nil }
    let inner = bytes[(member.value.lowerBound + 1)..<(member.value.upperBound - 1)]
    return member.valueEscaped
      ? Self.unescaped(inner)
      : String(decoding: UnsafeBufferPointer(rebasing: inner), as: UTF8.self)
  }

  /// The member's value as an integer, or nil when absent, not a number or not whole.
  mutating func int(_ key: StaticString) -> Int? {
    guard let member = member(key), member.kind == .number else { return nil }
    var value = 0
    var negative = false
    for (offset, byte) in bytes[member.value].enumerated() {
      if offset == 0, byte == UInt8(ascii: "-") {
        negative = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      let (times, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
      if overflow || overflow2 { return nil }
      value = sum
    }
    return negative ? -value : value
  }

  /// The member's value as a Boolean, or nil when absent or not true or false.
  mutating func bool(_ key: StaticString) -> Bool? {
    guard let member = member(key) else { return nil }
    switch member.kind {
    case .true: return true
    case .false: return false
    default: return nil
    }
  }

  /// The text of a string's inside (between its quotes) with its escapes resolved; the scan has
  /// checked them.
  private static func unescaped(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(inner.count)
    var index = inner.startIndex
    func hex4(_ at: Int) -> UInt32 {
      var value: UInt32 = 0
      for byte in inner[at..<(at + 4)] { value = value << 4 | UInt32(Scanner.hexValue(byte)) }
      return value
    }
    func append(_ scalar: UInt32) {
      let scalar = Unicode.Scalar(scalar) ?? "\u{FFFD}"
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
    while index < inner.endIndex {
      let byte = inner[index]
      guard byte == UInt8(ascii: "\\") else {
        out.append(byte)
        index += 1
        continue
      }
      let escape = inner[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "u"):
        let unit = hex4(index)
        index += 4
        if (0xD800..<0xDC00).contains(unit), index + 6 <= inner.endIndex,
          inner[index] == UInt8(ascii: "\\"), inner[index + 1] == UInt8(ascii: "u")
        {
          let low = hex4(index + 2)
          if (0xDC00..<0xE000).contains(low) {
            index += 6
            append(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            continue
          }
        }
        append(unit)
      default: out.append(escape)  // \" \\ \/
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The well-formedness scan, position by position.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    /// Deeper nesting than this is refused rather than recursed into.
    static let maxDepth = 64

    static func hexValue(_ byte: UInt8) -> UInt8 {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
      default: return 0xFF
      }
    }

    mutating func skipSpace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x09, 0x0A, 0x0D: position += 1
        default: return
        }
      }
    }

    mutating func take(_ byte: UInt8) -> Bool {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }

    mutating func literal(_ text: StaticString) -> Bool {
      let count = text.utf8CodeUnitCount
      guard position + count <= bytes.count else { return false }
      for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] {
        return false
      }
      position += count
      return true
    }

    /// Moves past bytes inside a string that need no look (not a quote, a backslash or a
    /// control character), eight at a time: most of a record is sentence text.
    @inline(__always)
    mutating func skipPlainBytes() {
      guard let base = bytes.baseAddress else { return }
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while position + 8 <= bytes.count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // A byte is zero in `quote` or `backslash`, or below 0x20 in `word`.
        let special =
          ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
          | ((word &- ones &* 0x20) & ~word)
        if special & highs != 0 { return }
        position += 8
      }
    }

    /// A string from its opening quote: the range of the whole string, quotes included, and
    /// whether it holds an escape.
    mutating func string() -> (Range<Int>, Bool)? {
      let start = position
      guard take(UInt8(ascii: "\"")) else { return nil }
      var escaped = false
      while position < bytes.count {
        skipPlainBytes()
        guard position < bytes.count else { break }
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          position += 1
          return (start..<position, escaped)
        }
        if byte < 0x20 { return nil }
        if byte == UInt8(ascii: "\\") {
          escaped = true
          guard position + 1 < bytes.count else { return nil }
          switch bytes[position + 1] {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            position += 2
          case UInt8(ascii: "u"):
            guard position + 6 <= bytes.count,
              bytes[(position + 2)..<(position + 6)].allSatisfy({ Self.hexValue($0) != 0xFF })
            else { return nil }
            position += 6
          default: return nil
          }
          continue
        }
        position += 1
      }
      return nil
    }

    mutating func digits() -> Bool {
      let start = position
      while position < bytes.count, bytes[position] >= UInt8(ascii: "0"),
        bytes[position] <= UInt8(ascii: "9")
      {
        position += 1
      }
      return position > start
    }

    /// A number as RFC 8259 has it: no leading zeros, no bare point, optional exponent.
    mutating func number() -> Bool {
      _ = take(UInt8(ascii: "-"))
      if take(UInt8(ascii: "0")) {
        // a lone zero
      } else if !digits() {
        return false
      }
      if take(UInt8(ascii: ".")), !digits() { return false }
      if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
        if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
        if !digits() { return false }
      }
      return true
    }

    /// Any value; its kind and, for a string, whether it holds an escape.
    mutating func value(depth: Int) -> (Kind, Bool)? {
      guard position < bytes.count, depth < Self.maxDepth else { return nil }
      switch bytes[position] {
      case UInt8(ascii: "\""):
        guard let (_, escaped) = string() else { return nil }
        return (.string, escaped)
      case UInt8(ascii: "{"):
        position += 1
        skipSpace()
        if take(UInt8(ascii: "}")) { return (.object, false) }
        while true {
          skipSpace()
          guard string() != nil else { return nil }
          skipSpace()
          guard take(UInt8(ascii: ":")) else { return nil }
          skipSpace()
          guard value(depth: depth + 1) != nil else { return nil }
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "}")) ? (.object, false) : nil
        }
      case UInt8(ascii: "["):
        position += 1
        skipSpace()
        if take(UInt8(ascii: "]")) { return (.array, false) }
        while true {
          skipSpace()
          guard value(depth: depth + 1) != nil else { return nil }
          skipSpace()
          if take(UInt8(ascii: ",")) { continue }
          return take(UInt8(ascii: "]")) ? (.array, false) : nil
        }
      case UInt8(ascii: "t"): return literal("true") ? (.true, false) : nil
      case UInt8(ascii: "f"): return literal("false") ? (.false, false) : nil
      case UInt8(ascii: "n"): return literal("null") ? (.null, false) : nil
      default: return number() ? (.number, false) : nil
      }
    }
  }
}
