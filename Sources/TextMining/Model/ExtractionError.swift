/// Why a document yielded no text.
public enum ExtractionError: Error, Equatable, CustomStringConvertible {
  /// libxml2 could not parse the page at all.
  case unparsableHTML
  /// Nothing but white space or markup was left.
  case noText
  /// Markup nested deeper than `limits.max_tree_depth`; parsing stopped there.
  case tooDeep(depth: Int, limit: Int)
  /// An element with more attributes than `limits.max_attributes`; the page was not parsed.
  case tooManyAttributes(count: Int, limit: Int)
  /// HTML with more start tags than `limits.max_elements`; the page was not parsed.
  case tooManyElements(limit: Int)
  /// Plain text with more lines than `limits.max_lines`; it was not cut into blocks.
  case tooManyLines(count: Int, limit: Int)
  /// Extraction ran past `limits.max_document_seconds`.
  case outOfTime(limit: Double)

  public var description: String {
    switch self {
    case .unparsableHTML: "HTML could not be parsed"
    case .noText: "no text found (the file holds only white space, markup or page furniture)"
    case .tooDeep(let depth, let limit):
      "markup is nested \(depth) elements deep, over the limit of \(limit) (limits.max_tree_depth in the pipeline); not parsed further"
    case .tooManyAttributes(let count, let limit):
      "an element has \(count) attributes, over the limit of \(limit) (limits.max_attributes in the pipeline); not parsed"
    case .tooManyElements(let limit):
      "the page has more than \(limit) elements (limits.max_elements in the pipeline); not parsed"
    case .tooManyLines(let count, let limit):
      "the text has \(count) lines, over the limit of \(limit) (limits.max_lines in the pipeline); not read"
    case .outOfTime(let limit):
      "extraction took over \(ProcessingLimits.format(seconds: limit)) s (limits.max_document_seconds in the pipeline); document abandoned"
    }
  }
}
