/// The structural role of a block of extracted text.
public enum BlockKind: String, Sendable, Codable {
  case title, heading, paragraph, listItem = "list_item", tableCell = "table_cell", line
}
