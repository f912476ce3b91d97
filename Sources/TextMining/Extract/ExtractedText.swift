/// One unit of a document's layout: a title, heading, paragraph, list item, table cell or line.
///
/// A block's text holds no newline; sentences never cross from one block into the next.
public struct Block: Sendable, Equatable {
  /// The block's structural role.
  public var kind: BlockKind
  /// The block's text: white space collapsed, trimmed, non-empty.
  public var text: String
  /// 1-based line in the source file where the block starts (0 when unknown).
  public var line: Int

  /// Creates a block.
  public init(kind: BlockKind, text: String, line: Int) {
    self.kind = kind
    self.text = text
    self.line = line
  }
}

/// The text a document's evidence refers to: its blocks, joined by blank lines.
///
/// `text` is what `text/<doc_id>.txt` holds, and every record's `char_start`/`char_end` count
/// Unicode scalars into it: blocks are joined with "\n\n" and the text ends with "\n".
public struct ExtractedText: Sendable, Equatable {
  /// The document's title, if it has one.
  public var title: String?
  /// The blocks in document order.
  public var blocks: [Block]
  /// What the document states about itself.
  public var metadata: DocumentMetadata
  /// A web page's headline, its first h1, where it has one (also among the blocks).
  public var headline: String?

  /// Creates extracted text from blocks.
  public init(title: String?, blocks: [Block], metadata: DocumentMetadata = DocumentMetadata()) {
    self.title = title
    self.blocks = blocks
    self.metadata = metadata
  }

  /// The separator written between two blocks.
  public static let blockSeparator = "\n\n"

  /// The full text: blocks joined by a blank line, ending with a newline (empty without blocks).
  public var text: String {
    guard !blocks.isEmpty else { return "" }
    var text = ""
    text.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + 2 })
    for (index, block) in blocks.enumerated() {
      if index > 0 { text += Self.blockSeparator }
      text += block.text
    }
    text += "\n"
    return text
  }

  /// UTF-8 byte offsets where each block starts in `text`.
  public var blockUTF8Offsets: [Int] {
    var offsets: [Int] = []
    offsets.reserveCapacity(blocks.count)
    var offset = 0
    for block in blocks {
      offsets.append(offset)
      offset += block.text.utf8.count + Self.blockSeparator.utf8.count
    }
    return offsets
  }
}
