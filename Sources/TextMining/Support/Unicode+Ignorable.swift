extension Unicode {
  /// The byte length of the default-ignorable code point (soft hyphen, zero-width space or
  /// joiner, bidirectional control, variation selector, BOM ...) that starts at `index` of
  /// UTF-8 `bytes`, or nil when another character, or none, starts there.
  ///
  /// Only lead bytes of the blocks that hold such code points are decoded, so a Cyrillic or
  /// Chinese word costs a comparison per byte.
  static func defaultIgnorableWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let lead = bytes[index]
    let width: Int
    switch lead {
    case 0xC2, 0xCD, 0xD8: width = 2
    case 0xE1, 0xE2, 0xE3, 0xEF: width = 3
    case 0xF0, 0xF3: width = 4
    default: return nil
    }
    guard index + width <= bytes.count else { return nil }
    var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for offset in 1..<width {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = (value << 6) | UInt32(byte & 0x3F)
    }
    return isDefaultIgnorable(value) ? width : nil
  }

  /// Whether a code point is Default_Ignorable_Code_Point, by the ranges of Unicode's
  /// DerivedCoreProperties.txt: a range check, where `Unicode.Scalar.Properties` looks the
  /// property up, which cost a lookup for every curly quote and dash in the text.
  static func isDefaultIgnorable(_ value: UInt32) -> Bool {
    switch value {
    case 0x00AD, 0x034F, 0x061C, 0x115F...0x1160, 0x17B4...0x17B5, 0x180B...0x180F, 0x200B...0x200F,
      0x202A...0x202E,
      0x2060...0x206F, 0x3164, 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8, 0x1BCA0...0x1BCA3,
      0x1D173...0x1D17A,
      0xE0000...0xE0FFF:
      return true
    default:
      return false
    }
  }

  /// Whether non-empty UTF-8 bytes are nothing but default-ignorable code points.
  static func isDefaultIgnorable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !bytes.isEmpty, bytes[0] >= 0xC2 else { return false }
    var index = 0
    while index < bytes.count {
      guard let width = defaultIgnorableWidth(bytes, at: index) else { return false }
      index += width
    }
    return true
  }
}
