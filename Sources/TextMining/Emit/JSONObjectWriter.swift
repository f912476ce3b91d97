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
  private var bytes: [UInt8] = [UInt8(ascii: "{")]
  private var isEmpty = true

  /// Starts an empty object.
  public init() {}

  private mutating func key(_ key: String) {
    if !isEmpty { bytes.append(UInt8(ascii: ",")) }
    isEmpty = false
    Self.appendString(key, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
  }

  /// Writes a string member, or null.
  public mutating func write(_ name: String, _ value: String?) {
    key(name)
    if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
  }

  /// Writes an integer member, or null.
  public mutating func write(_ name: String, _ value: Int?) {
    key(name)
    bytes.append(contentsOf: (value.map(String.init) ?? "null").utf8)
  }

  /// Writes a boolean member.
  public mutating func write(_ name: String, _ value: Bool) {
    key(name)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
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

  private static func appendString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20, 0x7F:
        bytes.append(contentsOf: Array("\\u00".utf8))
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
