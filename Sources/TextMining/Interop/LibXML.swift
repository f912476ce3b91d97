internal import CTextShim

/// A block of visible HTML text as libxml2's tree walk found it.
struct HTMLBlock: Sendable, Equatable {
  /// The block's structural role.
  var kind: BlockKind
  /// Heading level 1-6 for headings, 0 otherwise.
  var level: Int
  /// 1-based line in the parsed input where the block's text starts (0 when unknown).
  var line: Int
  /// The block's text, white space collapsed and trimmed.
  var text: String
  /// Whether a `<br>` ended the block: its text goes on in the next block.
  var endsAtBreak = false
}

/// A page's visible text and the metadata it states.
struct HTMLPage: Sendable {
  var blocks: [HTMLBlock]
  /// og:title, first h1, author, published, lang, canonical URL, as stated (nil when absent).
  var statedTitle: String?
  var heading: String?
  /// The line the first h1 starts on (0 when unknown).
  var headingLine = 0
  var author: String?
  var published: String?
  var language: String?
  var url: String?
}

/// Calls into libxml2's HTML parser through the CTextShim boundary.
enum LibXML {
  /// Prepares libxml2 for use from several threads; idempotent.
  static let initialize: Void = { tm_initialize() }()

  /// Parses UTF-8 HTML and returns its visible text blocks in document order.
  ///
  /// - Parameters:
  ///   - html: the page, already decoded; its own charset declarations are ignored.
  ///   - keepFurniture: keep nav, header, footer, aside, forms and menu-like elements.
  ///   - mainContentOnly: keep only the best-scoring content container and its siblings.
  ///   - limits: the depth, attribute and time limits the parse and walk keep to.
  /// - Returns: the blocks and metadata.
  /// - Throws: `ExtractionError` when libxml2 could not build a document at all, or a limit
  ///   was reached.
  static func page(
    fromHTML html: String, keepFurniture: Bool, mainContentOnly: Bool = false,
    limits: ProcessingLimits = ProcessingLimits()
  ) throws(ExtractionError) -> HTMLPage {
    _ = initialize
    var html = html
    let outcome = html.withUTF8 { utf8 -> Result<HTMLPage, ExtractionError> in
      guard let base = utf8.baseAddress else { return .success(HTMLPage(blocks: [])) }
      var document = tm_html_document()
      var options: UInt32 = keepFurniture ? UInt32(TM_HTML_KEEP_FURNITURE) : 0
      if mainContentOnly { options |= UInt32(TM_HTML_MAIN_CONTENT) }
      let shimLimits = tm_html_limits(
        max_depth: UInt32(clamping: limits.maxTreeDepth),
        max_attributes: UInt32(clamping: limits.maxAttributes),
        max_elements: UInt32(clamping: limits.maxElements),
        max_seconds: limits.maxDocumentSeconds)
      let status = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
        tm_html_extract($0, utf8.count, options, shimLimits, &document)
      }
      defer { tm_html_document_free(&document) }
      switch status {
      case TM_HTML_OK: break
      case TM_HTML_TOO_DEEP:
        return .failure(.tooDeep(depth: Int(document.limit_value), limit: limits.maxTreeDepth))
      case TM_HTML_TOO_MANY_ATTRIBUTES:
        return .failure(
          .tooManyAttributes(count: Int(document.limit_value), limit: limits.maxAttributes))
      case TM_HTML_TOO_MANY_ELEMENTS: return .failure(.tooManyElements(limit: limits.maxElements))
      case TM_HTML_OUT_OF_TIME: return .failure(.outOfTime(limit: limits.maxDocumentSeconds))
      default: return .failure(.unparsableHTML)
      }
      func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
      }
      let metadata = document.metadata
      var page = HTMLPage(
        blocks: [], statedTitle: string(metadata.title), heading: string(metadata.heading),
        author: string(metadata.author),
        published: string(metadata.published), language: string(metadata.language),
        url: string(metadata.url))
      page.headingLine = Int(metadata.heading_line)
      guard let blocks = document.blocks, let text = document.text else { return .success(page) }
      let bytes = UnsafeRawBufferPointer(start: text, count: document.text_length)
      var result: [HTMLBlock] = []
      result.reserveCapacity(document.block_count)
      for index in 0..<document.block_count {
        let block = blocks[index]
        let slice = UnsafeRawBufferPointer(
          rebasing: bytes[block.text_offset..<(block.text_offset + block.text_length)])
        result.append(
          HTMLBlock(
            kind: BlockKind(shimKind: block.kind),
            level: Int(block.level),
            line: Int(block.line),
            text: String(decoding: slice, as: UTF8.self),
            endsAtBreak: block.ends_at_break != 0))
      }
      page.blocks = result
      return .success(page)
    }
    return try outcome.get()
  }
}

extension BlockKind {
  fileprivate init(shimKind: UInt32) {
    switch shimKind {
    case UInt32(TM_BLOCK_TITLE.rawValue): self = .title
    case UInt32(TM_BLOCK_HEADING.rawValue): self = .heading
    case UInt32(TM_BLOCK_LIST_ITEM.rawValue): self = .listItem
    case UInt32(TM_BLOCK_TABLE_CELL.rawValue): self = .tableCell
    case UInt32(TM_BLOCK_LINE.rawValue): self = .line
    case UInt32(TM_BLOCK_COMMENT.rawValue): self = .comment
    default: self = .paragraph
    }
  }
}
