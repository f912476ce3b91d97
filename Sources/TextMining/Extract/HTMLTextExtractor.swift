/// Extracts the visible text of an HTML page with libxml2, leaving page furniture out.
///
/// Script, style, noscript and template never count. Unless `keepsFurniture` is set, so do
/// `nav`, `aside`, `form`, page-level `header` and `footer`, ARIA navigation roles, and elements
/// whose class or id names a menu, navigation, breadcrumb, sidebar, footer or cookie notice.
/// If main-content selection leaves nothing but the title, the page is read again without it,
/// and then with furniture kept, so a page that wraps everything in an odd class still yields
/// its text. Readers' comments under a story (an element whose class or id names comments) are
/// kept, whatever main-content selection made of them, as `.comment` blocks, less the names,
/// dates, counts, buttons and sign-in links around them.
public struct HTMLTextExtractor: TextExtractor {
  /// Keep page furniture (whole visible text).
  public var keepsFurniture: Bool
  /// Keep only the main content chosen by text-density scoring (the pipeline's default; scored
  /// by `Scripts/extraction-benchmark.sh`).
  public var keepsMainContentOnly: Bool
  /// Depth, attribute and time limits (`ProcessingLimits`); a page that reaches one is refused.
  public var limits: ProcessingLimits

  /// Creates an HTML extractor.
  public init(
    keepsFurniture: Bool = false, keepsMainContentOnly: Bool = false,
    limits: ProcessingLimits = ProcessingLimits()
  ) {
    self.keepsFurniture = keepsFurniture
    self.keepsMainContentOnly = keepsMainContentOnly
    self.limits = limits
  }

  public func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText {
    // Main content first (when asked), then the visible text less furniture, then everything:
    // the first that yields more than a title wins.
    var attempts: [(keepFurniture: Bool, mainContentOnly: Bool)] = [
      (keepsFurniture, keepsMainContentOnly)
    ]
    if keepsMainContentOnly { attempts.append((keepsFurniture, false)) }
    if !keepsFurniture { attempts.append((true, false)) }
    var found: [HTMLBlock] = []
    var page: HTMLPage?
    for attempt in attempts {
      let parsed: HTMLPage
      do {
        parsed = try LibXML.page(
          fromHTML: document.text, keepFurniture: attempt.keepFurniture,
          mainContentOnly: attempt.mainContentOnly, limits: limits)
      } catch .unparsableHTML {
        continue
      } catch {
        throw error  // a limit: another reading of the same page would reach it again
      }
      page = parsed
      found = parsed.blocks
      if found.contains(where: { $0.kind != .title }) { break }
    }
    guard let page else { throw .unparsableHTML }
    // Markup that a parser left as text (an <img> tag inside a <noscript> in the head) is no text.
    // A comment thread's short lines are its furniture under names the extractor does not know
    // (a count, "View all", a commenter's name): a reader's comment is three words or more.
    var blocks = HTMLLineBreaks.joiningWrappedLines(found).filter {
      !($0.text.hasPrefix("<") && $0.text.hasSuffix(">"))
        && ($0.kind != .comment || Self.wordCount($0.text, atLeast: 3))
    }.map {
      Block(kind: $0.kind, text: $0.text, line: $0.line)
    }
    // A story's headline often stands outside the element that scores as its main content:
    // the page's first h1 is part of the text all the same, after the title.
    if let heading = page.heading, !heading.isEmpty,
      !blocks.contains(where: { $0.kind == .heading && $0.text == heading })
    {
      let position = blocks.first?.kind == .title ? 1 : 0
      blocks.insert(Block(kind: .heading, text: heading, line: page.headingLine), at: position)
    }
    // A title that the page's first heading repeats word for word is one unit, not two: its
    // evidence would be counted twice. The heading stands, and the title is kept as the
    // document's title.
    if blocks.count > 1, blocks[0].kind == .title, blocks[1].kind == .heading,
      Self.sameWords(blocks[0].text, blocks[1].text)
    {
      blocks.remove(at: 0)
    }
    guard !blocks.isEmpty else { throw .noText }
    let titleText = found.first(where: { $0.kind == .title })?.text
    let hints = [page.statedTitle, page.heading].compactMap { $0 }
    var metadata = DocumentMetadata(
      author: page.author.flatMap(MetadataReading.author(from:)), language: page.language,
      url: page.url)
    metadata.title =
      page.statedTitle ?? page.heading
      ?? titleText.map { MetadataReading.cleanTitle($0, hints: hints) }
    metadata.published =
      page.published.flatMap(MetadataReading.date(from:))
      ?? MetadataReading.writtenDate(inBlocks: blocks.prefix(12).lazy.map(\.text))
    let title = titleText ?? found.first(where: { $0.kind == .heading && $0.level == 1 })?.text
    var extracted = ExtractedText(title: title, blocks: blocks, metadata: metadata)
    extracted.headline = page.heading
    return extracted
  }

  /// Whether two texts have the same words, compared without case.
  static func sameWords(_ first: String, _ second: String) -> Bool {
    first.lowercased().split(whereSeparator: \.isWhitespace)
      == second.lowercased().split(whereSeparator: \.isWhitespace)
  }

  /// Whether a text holds at least `count` words (runs of characters between spaces that hold
  /// a letter).
  static func wordCount(_ text: String, atLeast count: Int) -> Bool {
    var words = 0
    for word in text.split(separator: " ") where word.contains(where: \.isLetter) {
      words += 1
      if words >= count { return true }
    }
    return false
  }
}
