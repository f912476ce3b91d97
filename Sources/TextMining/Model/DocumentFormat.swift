/// What kind of markup a document is in.
public enum DocumentFormat: String, Sendable, Codable {
  case html
  case plainText = "text"

  /// The format a file name's extension names, else what its first bytes look like: HTML when
  /// they hold `<!doctype html`, `<html`, `<head`, `<body`, `<meta` or `<title`.
  public static func guess(for file: SourceFile, bytes: [UInt8]) -> DocumentFormat {
    if let format = file.formatByExtension { return format }
    let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
    let markers = ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"]
    return markers.contains(where: head.contains) ? .html : .plainText
  }
}
