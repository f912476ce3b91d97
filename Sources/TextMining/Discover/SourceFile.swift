/// A document file found under a sources root.
public struct SourceFile: Sendable, Hashable, Comparable {
  /// The path analysts see: relative to the sources root (prefixed by the root's folder name
  /// when a pipeline has several roots).
  public var source: String
  /// The path to open, as the root was given joined with the relative path.
  public var path: String

  /// Creates a source file.
  public init(source: String, path: String) {
    self.source = source
    self.path = path
  }

  /// Sources sort by their UTF-8 bytes, the same on every machine and locale.
  public static func < (lhs: SourceFile, rhs: SourceFile) -> Bool {
    lhs.source.utf8.lexicographicallyPrecedes(rhs.source.utf8)
  }

  /// The document format the file name suggests, or nil for an unknown extension.
  public var formatByExtension: DocumentFormat? {
    guard let dot = source.lastIndex(of: "."), !source[dot...].contains("/") else { return nil }
    switch source[source.index(after: dot)...].lowercased() {
    case "html", "htm", "xhtml", "shtml", "xht", "asp", "aspx", "php", "jsp": return .html
    case "txt", "text", "md", "eml": return .plainText
    default: return nil
    }
  }
}
