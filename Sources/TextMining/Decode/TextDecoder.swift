/// The decode stage: a document's bytes in, text out.
public protocol TextDecoder: Sendable {
  /// Decodes a document's bytes to text.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - format: how the document is marked up, which decides where a charset may be declared.
  ///   - declaredCharset: the charset the transport declared (an HTTP `Content-Type`), if any.
  /// - Returns: the text and the encoding used.
  /// - Throws: `DecodingError` for empty, binary or undecodable bytes.
  func decode(_ bytes: [UInt8], format: DocumentFormat, declaredCharset: String?)
    throws(DecodingError) -> DecodedDocument
}

extension TextDecoder {
  /// Decodes a document whose transport declared no charset (a file in a folder).
  public func decode(_ bytes: [UInt8], format: DocumentFormat) throws(DecodingError)
    -> DecodedDocument
  {
    try decode(bytes, format: format, declaredCharset: nil)
  }
}
