import Testing

@testable import TextMining

@Suite struct CharsetDecoderTests {
  private let decoder = CharsetDecoder()

  @Test func countsControlBytesEightAtATimeAsOneByOne() {
    // Every byte value at every offset of a word, among bytes of text and next to the bytes
    // the word test must not confuse with controls (0x20, 0x7E, 0x80, 0xFF); then random runs.
    func naive(_ bytes: [UInt8]) -> Int {
      bytes.filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0)) || $0 == 0x7F }.count
    }
    func counted(_ bytes: [UInt8]) -> Int {
      bytes.withUnsafeBufferPointer { CharsetDecoder.controlByteCount(in: $0[...]) }
    }
    for value in UInt8.min...UInt8.max {
      for offset in 0..<19 {
        var bytes = Array("Partners met twice.".utf8)
        bytes[offset] = value
        #expect(counted(bytes) == naive(bytes), "byte \(value) at \(offset)")
        #expect(counted(Array(bytes[1...])) == naive(Array(bytes[1...])))
      }
    }
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [
      0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80,
      0x8E,
      0xC3, 0xFF,
    ]
    for length in 0..<2000 {
      let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
      #expect(counted(bytes) == naive(bytes))
    }
  }

  @Test func decodesPlainUTF8() throws {
    let result = try decoder.decode(Array("Trust – “quoted” £5".utf8), format: .plainText)
    #expect(result.text == "Trust – “quoted” £5")
    #expect(result.encoding == "UTF-8")
    #expect(result.declaredEncoding == nil)
  }

  @Test func stripsAUTF8ByteOrderMark() throws {
    let result = try decoder.decode(try Fixtures.bytes("text/utf8-bom.txt"), format: .plainText)
    #expect(result.text.hasPrefix("BOM report"))
    #expect(result.encoding == "UTF-8")
    #expect(result.declaredEncoding == "UTF-8 byte order mark")
  }

  @Test(arguments: [("html/utf16le-bom.html", "UTF-16LE"), ("html/utf16be-bom.html", "UTF-16BE")])
  func decodesUTF16WithByteOrderMark(file: String, encoding: String) throws {
    let result = try decoder.decode(try Fixtures.bytes(file), format: .html)
    #expect(result.encoding == encoding)
    #expect(result.text.contains("Mutual trust – £5."))
    #expect(!result.text.hasPrefix("\u{FEFF}"))
  }

  @Test func detectsUTF16WithoutByteOrderMark() throws {
    let result = try decoder.decode(try Fixtures.bytes("html/utf16le-no-bom.html"), format: .html)
    #expect(result.encoding == "UTF-16LE")
    #expect(result.text.contains("Mutual trust"))
  }

  @Test func followsAnHTTPEquivWindows1252Declaration() throws {
    let result = try decoder.decode(
      try Fixtures.bytes("html/declared-windows-1252.html"), format: .html)
    #expect(result.encoding == "windows-1252")
    #expect(result.declaredEncoding == "windows-1252")
    #expect(result.text.contains("“Mutual trust” cost £300 – agreed."))
  }

  @Test func fallsBackToWindows1252WhenUndeclaredBytesAreNotUTF8() throws {
    let result = try decoder.decode(
      try Fixtures.bytes("html/undeclared-windows-1252.html"), format: .html)
    #expect(result.encoding == "windows-1252")
    #expect(result.declaredEncoding == nil)
    #expect(result.text.contains("Partners’ “trust” £."))
  }

  @Test func treatsDeclaredLatin1AsWindows1252() throws {
    let bytes = Array("<meta charset=\"ISO-8859-1\"><p>".utf8) + [0x93, 0x41, 0x94, 0xA3]
    let result = try decoder.decode(bytes, format: .html)
    #expect(result.encoding == "windows-1252")
    #expect(result.declaredEncoding == "iso-8859-1")
    #expect(result.text.hasSuffix("“A”£"))
  }

  @Test func fallsBackWhenTheDeclaredCharsetIsWrong() throws {
    let result = try decoder.decode(try Fixtures.bytes("html/misdeclared-utf8.html"), format: .html)
    #expect(result.encoding == "windows-1252")
    #expect(result.declaredEncoding == "utf-8")
    #expect(result.text.contains("“Leadership” matters."))
  }

  @Test func fallsBackWhenTheDeclaredCharsetIsUnknown() throws {
    let result = try decoder.decode(try Fixtures.bytes("html/unknown-charset.html"), format: .html)
    #expect(result.encoding == "UTF-8")
    #expect(result.declaredEncoding == "x-no-such-charset")
  }

  @Test func ignoresCharsetDeclarationsInPlainText() throws {
    let result = try decoder.decode(
      Array("<meta charset=\"shift_jis\"> café".utf8), format: .plainText)
    #expect(result.encoding == "UTF-8")
    #expect(result.text.hasSuffix("café"))
  }

  @Test func refusesEmptyFiles() {
    #expect(throws: DecodingError.empty) { try decoder.decode([], format: .html) }
  }

  @Test(arguments: [
    ("hostile/report-pdf-renamed.html", "PDF document"),
    ("hostile/archive-zip-renamed.html", "ZIP archive"),
  ])
  func refusesBinaryFiles(file: String, kind: String) throws {
    let bytes = try Fixtures.bytes(file)
    #expect(throws: DecodingError.binary(kind: kind)) { try decoder.decode(bytes, format: .html) }
  }

  @Test func refusesNULFilledBytes() {
    #expect(throws: DecodingError.binary(kind: "contains NUL bytes")) {
      try decoder.decode([0x41, 0, 0, 0, 0x42, 0, 0, 0, 0, 0, 0, 0], format: .plainText)
    }
  }

  @Test func dropsAFewStrayNULBytes() throws {
    var bytes = Array(String(repeating: "Mutual trust between partners is high. ", count: 10).utf8)
    bytes.insert(0, at: 20)
    let result = try decoder.decode(bytes, format: .plainText)
    #expect(result.text.hasPrefix("Mutual trust between partners is high."))
    #expect(!result.text.utf8.contains(0))
  }

  @Test func refusesBytesValidInNoSupportedEncoding() throws {
    let bytes = try Fixtures.bytes("hostile/undecodable.txt")
    #expect(throws: DecodingError.undecodable(byteOffset: 21)) {
      try decoder.decode(bytes, format: .plainText)
    }
  }

  @Test func removesStrayControlCharacters() throws {
    let result = try decoder.decode(
      Array("Trust\u{01} and\u{7F} leadership".utf8), format: .plainText)
    #expect(result.text == "Trust and leadership")
  }

  @Test(arguments: [
    ("text/undeclared-koi8-r.txt", "koi8-r", "Местное стратегическое"),
    ("text/undeclared-iso-8859-2.txt", "iso-8859-2", "Partnerstwo lokalne w Gdańsku"),
  ])
  func detectsUndeclaredCharsetsOutsideLatin1(file: String, encoding: String, start: String) throws
  {
    let result = try CharsetDecoder().decode(try Fixtures.bytes(file), format: .plainText)
    #expect(result.encoding == encoding)
    #expect(result.text.hasPrefix(start))
  }
}
