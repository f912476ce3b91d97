extension String {
  /// The string made safe to print as one line of a log: control characters (C0, DEL, C1),
  /// line and paragraph separators and bidirectional overrides are written as escapes (`\n`,
  /// `\t`, `\x1B`, `\u{202E}`), and a backslash as `\\`, so that a file or member name can
  /// neither break a message into two lines, forge a summary line in a cron log, nor send a
  /// terminal escape sequence.
  public var escapingControls: String {
    guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
    var result = ""
    result.reserveCapacity(utf8.count + 8)
    for scalar in unicodeScalars {
      guard Self.needsEscape(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default:
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
      }
    }
    return result
  }

  private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x5C, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E,
      0x2066...0x2069:
      true
    default: false
    }
  }
}
