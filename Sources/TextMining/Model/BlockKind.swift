/// The structural role of a block of extracted text.
public enum BlockKind: String, Sendable, Codable {
  case title, heading, paragraph
  case listItem = "list_item"
  case tableCell = "table_cell"
  case line
  /// A reader's comment under a web page's story or post (the page's comment thread).
  case comment
}
