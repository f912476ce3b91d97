/// What kind of markup a document is in.
public enum DocumentFormat: String, Sendable, Codable {
  case html
  case plainText = "text"

  /// The format the transport declared (an HTTP media type), else the one a file name's
  /// extension names, else what its first bytes look like: HTML when they hold `<!doctype html`,
  /// `<html`, `<head`, `<body`, `<meta` or `<title`. UTF-16 (with a byte order mark or without,
  /// as `BinarySniffer` recognises it) is looked at as the characters it encodes.
  public static func guess(
    for file: SourceFile, bytes: [UInt8], declared: DeclaredContent = .none
  ) -> DocumentFormat {
    if let format = declared.format { return format }
    if let format = file.formatByExtension { return format }
    var head = Array(bytes.prefix(2048))
    let littleEndian: Bool? =
      head.starts(with: [0xFF, 0xFE])
      ? true
      : head.starts(with: [0xFE, 0xFF])
        ? false
        : BinarySniffer.unmarkedUTF16(head).map { $0 == "UTF-16LE" }
    if let littleEndian {
      // The low byte of each code unit: enough to see ASCII markup.
      head = stride(from: littleEndian ? 0 : 1, to: head.count, by: 2).map { head[$0] }
    }
    let text = String(decoding: head.prefix(1024), as: UTF8.self).lowercased()
    let markers = ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"]
    return markers.contains(where: text.contains) ? .html : .plainText
  }
}
