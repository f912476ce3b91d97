extension StringProtocol {
  /// Whether the text holds `pattern`, compared byte by byte in UTF-8. `contains(_:)` with a
  /// string argument and `range(of:)` go through Foundation's NSString, which made them the
  /// costliest calls of plain-text extraction.
  func containsBytes(_ pattern: String) -> Bool {
    rangeOfBytes(pattern) != nil
  }

  /// The first (or, `backwards`, the last) range that holds `pattern`, compared byte by byte
  /// in UTF-8; the bounds are UTF-8 indices, on character boundaries when `pattern` starts and
  /// ends with whole characters.
  func rangeOfBytes(_ pattern: String, backwards: Bool = false) -> Range<Index>? {
    var pattern = pattern
    let found: Int?? = pattern.withUTF8 { needle in
      utf8.withContiguousStorageIfAvailable { haystack in
        Self.offset(of: needle, in: haystack, backwards: backwards)
      }
    }
    let offset: Int?
    if let found {
      offset = found
    } else {
      offset = pattern.withUTF8 { needle in
        Array(utf8).withUnsafeBufferPointer {
          Self.offset(of: needle, in: $0, backwards: backwards)
        }
      }
    }
    guard let offset else { return nil }
    let lower = utf8.index(startIndex, offsetBy: offset)
    return lower..<utf8.index(lower, offsetBy: pattern.utf8.count)
  }

  private static func offset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, backwards: Bool
  ) -> Int? {
    guard let first = needle.first, haystack.count >= needle.count else { return nil }
    let last = haystack.count - needle.count
    var offset = backwards ? last : 0
    while backwards ? offset >= 0 : offset <= last {
      if haystack[offset] == first {
        var k = 1
        while k < needle.count, haystack[offset + k] == needle[k] { k += 1 }
        if k == needle.count { return offset }
      }
      offset += backwards ? -1 : 1
    }
    return nil
  }
}
