/// A document's bytes turned into text, with the encoding that was used.
public struct DecodedDocument: Sendable, Equatable {
  /// The document's text, without byte order mark, NUL or other control characters.
  public var text: String
  /// Whether the text is HTML or plain text.
  public var format: DocumentFormat
  /// The encoding the bytes were decoded from, such as "UTF-8" or "windows-1252".
  public var encoding: String
  /// The charset the document declared (BOM or HTML `<meta>`), if any, as written.
  public var declaredEncoding: String?

  /// Creates a decoded document.
  public init(
    text: String, format: DocumentFormat, encoding: String, declaredEncoding: String? = nil
  ) {
    self.text = text
    self.format = format
    self.encoding = encoding
    self.declaredEncoding = declaredEncoding
  }
}

/// Why a document's bytes could not be turned into text.
public enum DecodingError: Error, Equatable, CustomStringConvertible {
  /// The file has no bytes at all.
  case empty
  /// The bytes are a binary format, such as a PDF or ZIP file.
  case binary(kind: String)
  /// The bytes are valid in no supported encoding.
  case undecodable(byteOffset: Int)

  public var description: String {
    switch self {
    case .empty: "empty file (0 bytes)"
    case .binary(let kind): "binary file (\(kind)), not text or HTML"
    case .undecodable(let offset):
      "bytes decode in no supported encoding: not valid UTF-8, and byte \(offset) is undefined in windows-1252"
    }
  }
}
