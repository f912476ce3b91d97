import Testing

@testable import TextMining

@Suite struct DefaultIgnorableTests {
  /// The range table agrees with the Unicode data the standard library carries, code point by
  /// code point, so a table that drifted from Unicode would fail here.
  @Test func theRangeTableAgreesWithTheUnicodeProperty() {
    var disagreements: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if Unicode.isDefaultIgnorable(value) != scalar.properties.isDefaultIgnorableCodePoint {
        disagreements.append(value)
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
  }

  @Test func widthsAreFoundInUTF8() {
    let text = Array("a\u{00AD}b\u{200B}c\u{2019}d\u{FEFF}".utf8)
    text.withUnsafeBufferPointer { bytes in
      #expect(Unicode.defaultIgnorableWidth(bytes, at: 1) == 2)
      #expect(Unicode.defaultIgnorableWidth(bytes, at: 4) == 3)
      #expect(Unicode.defaultIgnorableWidth(bytes, at: 8) == nil)  // a curly apostrophe is visible
      #expect(Unicode.defaultIgnorableWidth(bytes, at: 12) == 3)
    }
  }
}

@Suite struct WordSetTests {
  @Test func findsWordsOfEveryLengthByTheirBytesAndNothingElse() {
    let words = ["a", "The", "Although", "Residents", "Councillors", "e.g", "&"]
    let set = WordSet(words)
    for word in words { #expect(set.contains(word), "\(word)") }
    for word in [
      "", "the", "Th", "Thee", "Resident", "Residentss", "Councillor", "e.g.", "b", "Although ",
    ] {
      #expect(!set.contains(word), "\(word)")
    }
  }
}
