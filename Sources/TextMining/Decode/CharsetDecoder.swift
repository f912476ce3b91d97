/// Decodes bytes with ICU converters: BOM first, then the charset the transport declared (an
/// HTTP `Content-Type`, which the HTML standard puts above the page's own), then an HTML page's
/// declared charset, then
/// UTF-8, then ICU's charset detector (for charsets outside the Latin-1 family), then
/// windows-1252. Bytes that are mostly UTF-8 with a few stray windows-1252 bytes decode as both
/// ("UTF-8+windows-1252").
///
/// Labels follow the HTML standard's rules: "iso-8859-1" and "us-ascii" mean windows-1252, and
/// a page that declares UTF-16 without a byte order mark is read as UTF-8. A declared charset
/// that ICU does not know, or that the bytes are invalid in, falls back to UTF-8 and then
/// windows-1252, and the record keeps what was declared. Binary formats (PDF, ZIP, images, Office
/// files, NUL bytes) are refused rather than decoded into noise.
public struct CharsetDecoder: TextDecoder {
  /// The confidence (0-100) ICU's detector needs before its guess is used; the guess must also
  /// be half again as confident as the next one.
  static let detectionConfidence = 30

  /// How far into a page the `<meta charset>` prescan looks, in bytes.
  public var prescanByteCount: Int

  /// Creates a decoder.
  public init(prescanByteCount: Int = 4096) {
    self.prescanByteCount = prescanByteCount
  }

  public func decode(_ bytes: [UInt8], format: DocumentFormat, declaredCharset: String?)
    throws(DecodingError) -> DecodedDocument
  {
    guard !bytes.isEmpty else { throw .empty }
    if let (bom, charset) = Self.byteOrderMark(of: bytes) {
      let body = bytes.dropFirst(bom)
      let text: String
      if charset == "UTF-8" {
        text = String(decoding: body, as: UTF8.self)
      } else {
        guard let decoded = try? Self.convert(body, charset: charset) else {
          throw .undecodable(byteOffset: bom)
        }
        text = decoded
      }
      return try finish(
        text, format: format, encoding: charset, declared: "\(charset) byte order mark")
    }
    if let kind = BinarySniffer.binaryKind(of: bytes) { throw .binary(kind: kind) }
    // The transport's charset: used when the bytes are valid in it; else the page is read as
    // if nothing were declared (servers often send a default that is wrong for the page).
    if let label = declaredCharset, !label.isEmpty {
      let charset = Self.transportConverterName(forLabel: label)
      let noted = "\(label) (HTTP)"
      if charset == "UTF-8" {
        if let text = String(validating: bytes, as: UTF8.self) {
          return try finish(text, format: format, encoding: "UTF-8", declared: noted)
        }
      } else if let text = try? Self.convert(bytes[...], charset: charset),
        !text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) })
      {
        return try finish(text, format: format, encoding: charset, declared: noted)
      }
    }
    var bytes = bytes
    if bytes.prefix(8192).contains(0) {
      if let charset = BinarySniffer.unmarkedUTF16(bytes),
        let text = try? Self.convert(bytes[...], charset: charset)
      {
        return try finish(text, format: format, encoding: charset, declared: nil)
      }
      // A few stray NUL bytes in a text file are dropped; many mean a binary file.
      let nulCount = bytes.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
      guard nulCount * 100 <= bytes.count else { throw .binary(kind: "contains NUL bytes") }
      bytes.removeAll { $0 == 0 }
    }
    // Random or binary bytes: about one in ten is a control byte, which no text of a kilobyte or
    // more in any of the single-byte or UTF-8 encodings read below has.
    let sampleCount = min(bytes.count, 65536)
    if sampleCount >= 1024,
      bytes.withUnsafeBufferPointer({ Self.controlByteCount(in: $0.prefix(sampleCount)) }) * 20
        > sampleCount
    {
      throw .binary(kind: "control characters in over 5% of the bytes")
    }
    var declared: String?
    if format == .html,
      let label = CharsetPrescanner.declaredCharset(in: bytes.prefix(prescanByteCount))
    {
      declared = label
      let charset = Self.converterName(forLabel: label)
      if charset == "UTF-8" {
        if let text = String(validating: bytes, as: UTF8.self) {
          return try finish(text, format: format, encoding: "UTF-8", declared: label)
        }
      } else if let text = try? Self.convert(bytes[...], charset: charset) {
        return try finish(text, format: format, encoding: charset, declared: label)
      }
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      return try finish(text, format: format, encoding: "UTF-8", declared: declared)
    }
    // Not UTF-8: a page in another family of charsets (ISO-8859-2, Shift_JIS, KOI8-R ...) is
    // recognised by ICU's detector; Latin-1 guesses read as windows-1252, the web's meaning.
    if let detected = ICU.detectCharset(of: bytes), detected.confidence >= Self.detectionConfidence,
      detected.confidence * 2 >= detected.runnerUp * 3
    {
      let charset = Self.converterName(forLabel: detected.name)
      if charset != "UTF-8", charset != "windows-1252",
        let text = try? Self.convert(bytes[...], charset: charset)
      {
        return try finish(text, format: format, encoding: charset, declared: declared)
      }
    }
    // Mostly UTF-8 with a few stray bytes (a page pasted together from UTF-8 and windows-1252
    // sources): each valid sequence as UTF-8, each stray byte as windows-1252.
    if let mixed = Self.decodeMixed(bytes) {
      return try finish(mixed, format: format, encoding: "UTF-8+windows-1252", declared: declared)
    }
    let text: String
    do {
      text = try Self.convert(bytes[...], charset: "windows-1252")
    } catch ICU.ConversionFailure.invalidBytes(let offset) {
      throw .undecodable(byteOffset: offset)
    } catch {
      throw .undecodable(byteOffset: 0)
    }
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in windows-1252; ICU passes them through as
    // C1 controls, which no real page holds. One byte is one scalar here, so the index is the offset.
    if let undefined = text.unicodeScalars.firstIndex(where: { (0x80...0x9F).contains($0.value) }) {
      throw .undecodable(
        byteOffset: text.unicodeScalars.distance(
          from: text.unicodeScalars.startIndex, to: undefined))
    }
    return try finish(text, format: format, encoding: "windows-1252", declared: declared)
  }

  /// Drops control characters; refuses text that is mostly control characters.
  private func finish(_ text: String, format: DocumentFormat, encoding: String, declared: String?)
    throws(DecodingError)
    -> DecodedDocument
  {
    var text = text
    // One tight pass over the bytes (a native string's UTF-8 is contiguous): nearly every
    // document has no control character, and this is then all that `finish` costs.
    let hasControls =
      text.utf8.withContiguousStorageIfAvailable { Self.controlByteCount(in: $0[...]) > 0 }
      ?? text.utf8.contains(where: Self.isControlByte)
    if hasControls || text.unicodeScalars.first == "\u{FEFF}" {
      var controls = 0
      var kept = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        if scalar.value < 0x80, Self.isControlByte(UInt8(scalar.value)) {
          controls += 1
        } else if scalar != "\u{FEFF}" || !kept.isEmpty {
          kept.append(scalar)
        }
      }
      if controls * 10 > text.unicodeScalars.count {
        throw .binary(kind: "mostly control characters")
      }
      text = String(kept)
    }
    return DecodedDocument(
      text: text, format: format, encoding: encoding, declaredEncoding: declared)
  }

  /// windows-1252's characters for bytes 0x80-0x9F; U+FFFD for its five undefined bytes.
  private static let windows1252High: [Unicode.Scalar] = [
    "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
    "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
  ]

  /// Bytes read as UTF-8 where they form valid sequences and as windows-1252 where they do not,
  /// or nil unless they are mostly UTF-8: at least one valid multi-byte sequence, and no more
  /// stray bytes than such sequences. The bytes are counted first, so a plain windows-1252 page
  /// (no valid sequences) costs no text built twice.
  static func decodeMixed(_ bytes: [UInt8]) -> String? {
    var multibyte = 0
    var stray = 0
    forEachUTF8Piece(of: bytes) { piece in
      switch piece {
      case .scalar(let scalar): if scalar.value >= 0x80 { multibyte += 1 }
      case .stray: stray += 1
      }
    }
    guard multibyte > 0, multibyte >= stray else { return nil }
    var scalars = String.UnicodeScalarView()
    forEachUTF8Piece(of: bytes) { piece in
      switch piece {
      case .scalar(let scalar): scalars.append(scalar)
      case .stray(let byte):
        scalars.append(
          byte >= 0xA0
            ? Unicode.Scalar(byte)
            : byte >= 0x80 ? windows1252High[Int(byte - 0x80)] : Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private enum UTF8Piece {
    case scalar(Unicode.Scalar)
    case stray(UInt8)
  }

  /// Walks bytes as UTF-8: each valid sequence as its scalar, each byte of an invalid one alone.
  private static func forEachUTF8Piece(of bytes: [UInt8], _ body: (UTF8Piece) -> Void) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var position = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        position += encoded.count
        body(.scalar(Unicode.UTF8.decode(encoded)))
      case .error(let length):
        for byte in bytes[position..<(position + length)] { body(.stray(byte)) }
        position += length
      case .emptyInput:
        return
      }
    }
  }

  /// The control bytes in `bytes` (as `isControlByte`), counted in a loop the compiler keeps
  /// tight: most bytes fail the first comparison.
  static func controlByteCount(in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var count = 0
    var index = bytes.startIndex
    // Eight bytes at a time: a word that holds no byte below 0x09, none from 0x0E to 0x1F and
    // no 0x0B or 0x7F holds no control byte (tabs and line ends, common in pages, do not count);
    // only the rare other words are looked at byte by byte. The tests are the classic bit
    // tricks for "some byte is less than", "between" and "equal to", exact as to whether any is.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let seven: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
    if let base = bytes.base.baseAddress {
      let raw = UnsafeRawPointer(base)
      while index + 8 <= bytes.endIndex {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let belowTab = (word &- ones &* 0x09) & ~word & high
        let low7 = word & seven
        // Bytes b with 0x0D < b < 0x20.
        let between = (ones &* (127 + 0x20) &- low7) & ~word & (low7 &+ ones &* (127 - 0x0D)) & high
        if belowTab | between != 0 || hasZero(word ^ (ones &* 0x0B))
          || hasZero(word ^ (ones &* 0x7F))
        {
          for byte in bytes[index..<index + 8] where isControlByte(byte) { count += 1 }
        }
        index += 8
      }
    }
    for byte in bytes[index...] where isControlByte(byte) { count += 1 }
    return count
  }

  private static func isControlByte(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
  }

  private static func byteOrderMark(of bytes: [UInt8]) -> (length: Int, charset: String)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (3, "UTF-8") }
    if bytes.starts(with: [0xFF, 0xFE]) { return (2, "UTF-16LE") }
    if bytes.starts(with: [0xFE, 0xFF]) { return (2, "UTF-16BE") }
    return nil
  }

  /// The ICU converter for a label the transport declared: as for a page's label, except that
  /// UTF-16 means UTF-16 (little-endian unless said otherwise), as the HTML standard reads it.
  static func transportConverterName(forLabel label: String) -> String {
    switch label.lowercased() {
    case "utf-16", "utf-16le", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2": "UTF-16LE"
    case "utf-16be", "unicodefffe": "UTF-16BE"
    default: converterName(forLabel: label)
    }
  }

  /// The ICU converter for a declared label, after the HTML standard's label rules.
  static func converterName(forLabel label: String) -> String {
    let key = label.lowercased()
    switch key {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
      return "UTF-8"
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
      "ansi_x3.4-1968", "cp1252", "windows-1252", "x-cp1252", "cp819", "ibm819":
      return "windows-1252"
    default:
      return key
    }
  }

  static func convert(_ bytes: ArraySlice<UInt8>, charset: String) throws(ICU
    .ConversionFailure) -> String
  {
    let result = bytes.withUnsafeBytes { ICU.string(from: $0, charset: charset) }
    return try result.get()
  }
}
