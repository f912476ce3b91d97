/// The extract stage: decoded text in, blocks of main text out.
public protocol TextExtractor: Sendable {
  /// Extracts a document's main text as blocks.
  ///
  /// - Parameter document: the decoded document.
  /// - Returns: its title and blocks.
  /// - Throws: `ExtractionError` when no text can be had from it.
  func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText
}

/// Why a document yielded no text.
public enum ExtractionError: Error, Equatable, CustomStringConvertible {
  /// libxml2 could not parse the page at all.
  case unparsableHTML
  /// Nothing but white space or markup was left.
  case noText

  public var description: String {
    switch self {
    case .unparsableHTML: "HTML could not be parsed"
    case .noText: "no text found (the file holds only white space, markup or page furniture)"
    }
  }
}

/// Picks the extractor by the document's format.
public struct FormatDispatchingExtractor: TextExtractor {
  /// Extractor for HTML documents.
  public var html: HTMLTextExtractor
  /// Extractor for plain-text documents.
  public var plainText: PlainTextExtractor

  /// Creates the dispatcher.
  public init(html: HTMLTextExtractor = HTMLTextExtractor(), plainText: PlainTextExtractor = PlainTextExtractor()) {
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
