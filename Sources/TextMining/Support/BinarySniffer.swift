/// Recognises binary files by their first bytes, and UTF-16 text that has no byte order mark.
enum BinarySniffer {
  private static let signatures: [(bytes: [UInt8], kind: String)] = [
    (Array("%PDF".utf8), "PDF document"),
    ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"),
    ([0x50, 0x4B, 0x05, 0x06], "ZIP archive"),
    ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
    (Array("GIF8".utf8), "GIF image"),
    ([0xFF, 0xD8, 0xFF], "JPEG image"),
    ([0xD0, 0xCF, 0x11, 0xE0], "Microsoft Office document"),
    ([0x1F, 0x8B], "gzip data"),
    ([0x7F, 0x45, 0x4C, 0x46], "executable"),
    (Array("{\\rtf".utf8), "RTF document"),
  ]

  /// The kind of binary file the bytes start like, or nil.
  static func binaryKind(of bytes: [UInt8]) -> String? {
    signatures.first(where: { bytes.starts(with: $0.bytes) })?.kind
  }

  /// "UTF-16LE" or "UTF-16BE" when the bytes look like UTF-16 text without a BOM: most of the
  /// high bytes are zero and almost none of the low ones are.
  static func unmarkedUTF16(_ bytes: [UInt8]) -> String? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 4, sample.count % 2 == 0 || bytes.count > sample.count else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = sample.count / 2
    if oddZeros * 10 >= pairs * 4, evenZeros * 20 < pairs { return "UTF-16LE" }
    if evenZeros * 10 >= pairs * 4, oddZeros * 20 < pairs { return "UTF-16BE" }
    return nil
  }
}
