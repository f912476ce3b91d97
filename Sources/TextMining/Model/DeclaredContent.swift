/// What a document's container says it is, apart from its bytes: the media type and charset of
/// an HTTP response's `Content-Type` (or a WARC resource record's). Empty for a file in a folder
/// or a zip member, which say nothing of the kind.
public struct DeclaredContent: Sendable, Hashable {
  /// The media type, lowercased (`text/html`), or nil.
  public var mediaType: String?
  /// The charset label as written (`KOI8-R`), or nil.
  public var charset: String?

  /// Creates a declaration.
  public init(mediaType: String? = nil, charset: String? = nil) {
    self.mediaType = mediaType
    self.charset = charset
  }

  /// Nothing declared.
  public static let none = DeclaredContent()

  /// The document format the media type names, or nil when it names none lspminer reads.
  public var format: DocumentFormat? {
    switch mediaType {
    case "text/html", "application/xhtml+xml": .html
    case "text/plain": .plainText
    default: nil
    }
  }
}
