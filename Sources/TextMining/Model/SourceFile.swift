import Foundation

/// A document file found under a sources root.
public struct SourceFile: Sendable, Hashable, Comparable {
  /// The path analysts see: relative to the sources root (prefixed by the root's folder name
  /// when a pipeline has several roots).
  public var source: String
  /// The path to open: free of symbolic links when discovery found the file (links are
  /// resolved once, when they are checked).
  public var path: String
  /// The device and inode discovery saw, when it did: the reader refuses a file that is no
  /// longer the one found (a link retargeted or a file swapped during the run).
  public var identity: FileIdentity?

  /// Creates a source file.
  public init(source: String, path: String, identity: FileIdentity? = nil) {
    self.source = source
    self.path = path
    self.identity = identity
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
