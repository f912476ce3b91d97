/// The extract stage: decoded text in, blocks of main text out.
public protocol TextExtractor: Sendable {
  /// Extracts a document's main text as blocks.
  ///
  /// - Parameter document: the decoded document.
  /// - Returns: its title and blocks.
  /// - Throws: `ExtractionError` when no text can be had from it.
  func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText
}

/// Picks the extractor by the document's format.
public struct FormatDispatchingExtractor: TextExtractor {
  /// Extractor for HTML documents.
  public var html: HTMLTextExtractor
  /// Extractor for plain-text documents.
  public var plainText: PlainTextExtractor

  /// Creates the dispatcher.
  public init(
    html: HTMLTextExtractor = HTMLTextExtractor(),
    plainText: PlainTextExtractor = PlainTextExtractor()
  ) {
    self.html = html
    self.plainText = plainText
  }

  public func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText {
    switch document.format {
    case .html: try html.extractText(from: document)
    case .plainText: try plainText.extractText(from: document)
    }
  }
}
