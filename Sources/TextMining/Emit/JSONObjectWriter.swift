import Foundation

/// Writes one JSON object with keys in exactly the order they are written.
///
/// Strings are escaped only where JSON requires it (quote, backslash, control characters), so
/// UTF-8 text and slashes stay as they are and an analyst's grep finds them:
///
///     var object = JSONObjectWriter()
///     object.write("source", "web/a.html")
///     object.write("match", "co-operation “works”")
///     object.line  // {"source":"web/a.html","match":"co-operation “works”"}
public struct JSONObjectWriter: Sendable {
  private var bytes: [UInt8]
  private var isEmpty: Bool

  /// Starts an empty object.
  public init() {
    bytes = [UInt8(ascii: "{")]
    isEmpty = true
  }

  /// Starts a fragment that continues an object already holding members: no opening brace,
  /// and the first member is preceded by a comma. Used to assemble a line from cached parts.
  init(continuing: Bool) {
    bytes = continuing ? [] : [UInt8(ascii: "{")]
    isEmpty = !continuing
  }

  /// The bytes written so far, without the closing brace.
  var openBytes: [UInt8] { bytes }

  /// The bytes written so far, with the closing brace and a newline.
  var closedBytes: [UInt8] { lineBytes }

  /// The object, closed, without a newline: for an array of objects.
  var objectBytes: [UInt8] { bytes + [UInt8(ascii: "}")] }

  /// A JSON array of objects.
  static func array(_ objects: [JSONObjectWriter]) -> [UInt8] {
    var result: [UInt8] = [UInt8(ascii: "[")]
    for (index, object) in objects.enumerated() {
      if index > 0 { result.append(UInt8(ascii: ",")) }
      result += object.objectBytes
    }
    result.append(UInt8(ascii: "]"))
    return result
  }

  private mutating func key(_ key: String) {
    if !isEmpty { bytes.append(UInt8(ascii: ",")) }
    isEmpty = false
    Self.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Writes a string member, or null.
  public mutating func write(_ name: String, _ value: String?) {
    key(name)
    if let value {
      Self.appendString(value, to: &bytes)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// Writes an integer member, or null.
  public mutating func write(_ name: String, _ value: Int?) {
    key(name)
    bytes.append(contentsOf: (value.map(String.init) ?? "null").utf8)
  }

  /// Writes a number member with four decimals (a score).
  public mutating func write(_ name: String, _ value: Double) {
    key(name)
    bytes.append(contentsOf: (value.isFinite ? String(format: "%.4f", value) : "null").utf8)
  }

  /// A JSON array of strings, as text.
  static func array(strings: [String]) -> String {
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    for (index, string) in strings.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      appendString(string, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes an array of strings.
  public mutating func write(_ name: String, strings: [String]) {
    key(name)
    bytes.append(UInt8(ascii: "["))
    for (index, string) in strings.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      Self.appendString(string, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// Writes a boolean member.
  public mutating func write(_ name: String, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Writes a member whose value is JSON the caller made (an array, say).
  mutating func write(_ name: String, json: [UInt8]) {
    key(name)
    bytes.append(contentsOf: json)
  }

  /// Writes a nested object member.
  public mutating func write(_ name: String, object: JSONObjectWriter) {
    key(name)
    bytes.append(contentsOf: object.bytes)
    bytes.append(UInt8(ascii: "}"))
  }

  /// The object's bytes, closed, followed by a newline: one JSON Lines record.
  public var lineBytes: [UInt8] {
    var line = bytes
    line.append(UInt8(ascii: "}"))
    line.append(UInt8(ascii: "\n"))
    return line
  }

  /// The object as a string, without the trailing newline.
  public var line: String { String(decoding: lineBytes.dropLast(), as: UTF8.self) }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A member's key as a continuing writer writes it: a comma, the quoted key and a colon.
  static func memberPrefix(_ key: String) -> [UInt8] {
    var bytes = [UInt8(ascii: ",")]
    appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    return bytes
  }

  /// Appends a string member (or null) after its `memberPrefix`, as `write(_:_:)` of a
  /// continuing writer would, straight into `bytes`.
  static func appendMember(_ prefix: [UInt8], _ value: String?, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: prefix)
    if let value {
      appendString(value, to: &bytes)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// Appends an integer member after its `memberPrefix`, digits written in place.
  static func appendMember(_ prefix: [UInt8], _ value: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: prefix)
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    // At most 20 digits; written backwards into a small buffer, then appended in order.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var count = 0
      repeat {
        digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
    }
  }

  /// The bytes a string takes in JSON, quotes included, as this writer escapes it.
  static func encodedLength(of string: String) -> Int {
    var string = string
    return string.withUTF8 { encodedLength(of: $0) }
  }

  /// The bytes UTF-8 text takes as a JSON string, quotes included.
  static func encodedLength(of utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var length = 2 + utf8.count
    for byte in utf8
    where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F {
      length +=
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x0A || byte == 0x0D
          || byte == 0x09 ? 1 : 5
    }
    return length
  }

  private static func appendString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      // Copy runs that need no escaping in one go; most strings are a single run.
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard
          byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
        else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
          bytes.append(contentsOf: [
            UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
          ])
          bytes.append(hexDigits[Int(byte >> 4)])
          bytes.append(hexDigits[Int(byte & 0x0F)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
