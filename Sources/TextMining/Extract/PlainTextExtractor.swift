import Foundation

/// Extracts blocks from plain text: paragraphs at blank lines, hard-wrapped lines joined.
///
/// How lines become blocks:
///
/// - Lines of one paragraph are joined with a space. A word hyphenated across a line end is
///   joined: without its hyphen when the document writes the whole word elsewhere ("partner-" +
///   "ship" reads "partnership") or the second part is a suffix, with it otherwise ("co-" +
///   "operation" reads "co-operation").
/// - A line ends its block when the next line starts a list item (a bullet, or numbering such as
///   "3.", "4.1", "(a)"), and when it reads as a unit of its own: in text hard-wrapped at a fixed
///   width, a line much shorter than the width that the next line does not continue (a heading, an
///   attendance list); in text that is not hard-wrapped (slides, scraped pages), any line the next
///   does not continue. A line continues onto the next when it ends with a comma or a word that
///   cannot end a sentence ("is", "the", "of"), or when the next starts in lower case and the line
///   is not a heading.
/// - Page furniture of a PDF converted to text (page numbers, running headers and footers, form
///   feeds) is dropped, and a sentence broken by a page break is joined across it.
/// - Bullet glyphs are dropped; written numbering is kept. So are an e-mail reply's quotation
///   marks ("> ") at the start of the lines it quotes.
/// - The first line is the title when it reads as one: standing alone, short, not a sentence of
///   prose, a skip link or a menu word. A web page saved as text (a skip link first) loses its
///   site header (name, menu, breadcrumb, page tools) and takes its headline as its title.
public struct PlainTextExtractor: TextExtractor {
  /// A line shorter than this share of the wrap width is a deliberate line end.
  public var shortLineRatio: Double
  /// Text with more lines than `limits.maxLines` is refused before it is cut up.
  public var limits: ProcessingLimits

  /// Creates a plain-text extractor.
  public init(shortLineRatio: Double = 0.6, limits: ProcessingLimits = ProcessingLimits()) {
    self.shortLineRatio = shortLineRatio
    self.limits = limits
  }

  struct Line {
    var number: Int
    /// The line trimmed of white space at both ends.
    var text: Substring
    /// The line as written (without its line end), for reading columns.
    var raw: Substring
    var length: Int
    /// The raw line held a form feed (a page break in text converted from PDF).
    var hasFormFeed = false
  }

  /// The wrap width, and whether the text is hard-wrapped at it (most long lines come close).
  private struct Layout {
    var wrapWidth: Int
    var isHardWrapped: Bool
  }

  public func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText {
    let lineCount = Self.lineCount(of: document.text)
    guard lineCount <= limits.maxLines else {
      throw .tooManyLines(count: lineCount, limit: limits.maxLines)
    }
    let written = Self.lines(of: document.text)
    let lines = Self.unquoted(written)
    var furniture = PageFurniture.lines(in: lines)
    // A web page saved as text: its site header is furniture, and its headline the title.
    let header = Self.siteHeader(in: lines)
    if let header { furniture.formUnion(header.lines) }
    let layout = Self.layout(of: lines, skipping: furniture)
    let words = HyphenatedWords(text: document.text)
    var blocks: [Block] = []
    var current: [Line] = []
    var paragraphIndex = 0
    var paragraphIndexHasSeveralBlocks = false

    func finishBlock() {
      guard let first = current.first else { return }
      var text = ""
      var kind = BlockKind.paragraph
      let isHeadline = header.map { lines[$0.headline].number == first.number } ?? false
      let isSiteName = header?.siteName.map { lines[$0].number == first.number } ?? false
      for (index, line) in current.enumerated() {
        var piece = line.text
        if index == 0, let stripped = Self.strippingBullet(piece) {
          piece = stripped
          kind = .listItem
        }
        if index > 0 {
          switch words.joining(text, piece) {
          case .withoutHyphen: text.removeLast()
          case .withHyphen: break
          case .notHyphenated: text += " "
          }
        }
        text += piece
      }
      let collapsed = Self.collapsingWhitespace(text)
      if kind == .paragraph, current.count > 1, current.count <= 3, Self.readsAsTitleCase(collapsed)
      {
        // A title wrapped over a few lines: one unit, whatever its punctuation.
        kind = blocks.isEmpty && paragraphIndex == 0 ? .title : .heading
      }
      if isHeadline {
        kind = .title
      } else if isSiteName {
        kind = .heading
      }
      if !collapsed.isEmpty {
        if kind == .paragraph, current.count == 1 {
          if blocks.isEmpty && paragraphIndex == 0 && Self.readsAsTitle(collapsed) {
            kind = .title
          } else if collapsed.count <= 80, let last = collapsed.last, !".!?;,".contains(last),
            !Self.readsAsLeadIn(collapsed), !Self.readsAsSpeech(collapsed[...])
          {
            kind = .heading
          } else if paragraphIndexHasSeveralBlocks {
            kind = .line
          }
        }
        blocks.append(Block(kind: kind, text: collapsed, line: first.number))
      }
      current.removeAll(keepingCapacity: true)
    }

    var sawBlank = false
    var sawFurniture = false
    var tables: [Int: TextTable] = [:]
    var tableLines: Set<Int> = []
    for table in TextTable.tables(in: lines, skipping: furniture, words: words) {
      tables[table.lines[0]] = table
      tableLines.formUnion(table.lines)
    }
    for (index, line) in lines.enumerated() {
      if let table = tables[index] {
        // A table laid out in columns: each cell is a unit of its own. A line set in from the
        // margin just above it ("        £ million"), or just above a rule over it, is the
        // table's header, not a heading; where it is itself laid out in columns ("   Thrimble
        // Together      Sowerhythe LSP"), each column heading is a cell.
        if current.count == 1, let header = current.first,
          header.number == line.number - 1
            || (header.number == line.number - 2 && index > 0
              && Self.isRule(lines[index - 1].text) && lines[index - 1].length > 0),
          header.raw.prefix(while: { $0 == " " }).count >= 4
        {
          for cell in Self.columnCells(header.text) {
            blocks.append(
              Block(
                kind: .tableCell, text: Self.collapsingWhitespace(String(cell)),
                line: header.number))
          }
          current.removeAll(keepingCapacity: true)
        }
        finishBlock()
        if !blocks.isEmpty { paragraphIndex += 1 }
        for (row, cells) in table.rows.enumerated() {
          for cell in cells {
            let text = Self.collapsingWhitespace(cell)
            if !text.isEmpty {
              blocks.append(
                Block(kind: .tableCell, text: text, line: lines[table.rowLines[row]].number))
            }
          }
        }
        paragraphIndexHasSeveralBlocks = true
        sawBlank = true
        sawFurniture = false
        continue
      }
      if tableLines.contains(index) { continue }
      if let header, index == header.headline {
        // The headline stands alone, whatever follows it.
        finishBlock()
        current = [line]
        finishBlock()
        sawBlank = true
        sawFurniture = false
        continue
      }
      if furniture.contains(index) {
        sawFurniture = true
        continue
      }
      if line.length == 0 || Self.isRule(line.text) {
        // A blank line, or a rule of dashes or equals signs, ends a paragraph.
        sawBlank = true
        continue
      }
      if let cells = Self.tableCells(line.text) {
        // A row of a table written as text: each cell is a unit of its own.
        finishBlock()
        if sawBlank, !blocks.isEmpty { paragraphIndex += 1 }
        for cell in cells {
          let text = Self.collapsingWhitespace(String(cell))
          if !text.isEmpty { blocks.append(Block(kind: .tableCell, text: text, line: line.number)) }
        }
        paragraphIndexHasSeveralBlocks = true
        sawBlank = false
        sawFurniture = false
        continue
      }
      if let previous = current.last {
        // A page break inside a sentence is no paragraph break.
        let pageBreakInSentence = sawFurniture && !Self.endsUnit(previous.text)
        if sawBlank && !pageBreakInSentence {
          finishBlock()
          paragraphIndex += 1
          paragraphIndexHasSeveralBlocks = false
        } else if pageBreakInSentence && line.text.first?.isLowercase == true {
          // The sentence goes on on the next page.
        } else if let item = current.first, Self.hangsUnder(line, item: item) {
          // A list item's text wrapped under its own first word goes on the item.
        } else if !Self.continues(
          previous, onto: line, layout: layout, shortLineRatio: shortLineRatio)
        {
          finishBlock()
          paragraphIndexHasSeveralBlocks = true
        }
      } else if sawBlank, !blocks.isEmpty {
        paragraphIndex += 1
        paragraphIndexHasSeveralBlocks = false
      }
      sawBlank = false
      sawFurniture = false
      current.append(line)
    }
    finishBlock()
    guard !blocks.isEmpty else { throw .noText }
    blocks = RunInHeadings.split(blocks)
    blocks = Self.withoutRequotedText(blocks, written: written)
    let mailSubject = Self.readMailLayout(&blocks)
    // (An e-mail's subject is its title; a letter's subject line inside a message is not.)
    if mailSubject == nil { Self.takeLettersSubjectLineAsTitle(&blocks) }
    let title = mailSubject ?? blocks.first(where: { $0.kind == .title })?.text
    let published = MetadataReading.writtenDate(inBlocks: blocks.prefix(12).lazy.map(\.text))
    return ExtractedText(
      title: title, blocks: blocks, metadata: DocumentMetadata(title: title, published: published))
  }

  // MARK: Where a line ends its block

  /// Words that cannot end a sentence, nor a title ("... one year on" can): a line ending in
  /// one goes on in the next.
  static let continuingWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "from", "with", "into", "onto", "upon",
    "between", "among",
    "than", "that", "which", "who", "whose", "whom", "where", "when", "while", "whilst", "if",
    "unless", "because",
    "although", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "no", "its", "their", "our", "his",
    "her", "this", "these",
    "those", "such", "each", "every", "both", "either", "neither", "very", "also", "per", "&",
  ]

  /// Words that no clause ends on: articles, possessives, "of", "and".
  static let boundWords: Set<String> = [
    "a", "an", "the", "and", "or", "nor", "of", "its", "their", "our", "his", "her", "these",
    "those", "such", "each",
    "every", "very", "per", "&", "between", "among", "than", "whose",
  ]

  /// Whether a line goes on in the next one (both in one paragraph, no blank line between).
  private static func continues(
    _ line: Line, onto next: Line, layout: Layout, shortLineRatio: Double
  ) -> Bool {
    let text = line.text
    guard let last = text.last else { return false }
    // A wrapped line that has not ended its sentence goes on, even into "4. Risks ..." (the
    // sentence was "... on a scale of 1 to 4.").
    let isWrapped =
      layout.isHardWrapped && Double(line.length) >= Double(layout.wrapWidth) * shortLineRatio
    if strippingBullet(next.text) != nil { return false }
    // A range of years broken after its hyphen goes on ("2005-" over "06 spending").
    if last == "-", text.dropLast().last?.isNumber == true, next.text.first?.isNumber == true {
      return true
    }
    // A label's value wrapped under itself: "Respondents:      R1 - Chair, Sallowfield Alliance
    // (the Sallowfield Local" over "Strategic Partnership), since 2004" set in the value's
    // column goes on, where the line leaves a bracket open or a word that needs more.
    let indent = leadingSpaces(next.raw)
    if indent > 0, let column = labelValueColumn(line.raw), indent == column,
      !startsWithNumbering(next.text), !startsWithLabel(next.text), !hasColumnGap(next.text),
      text.filter({ $0 == "(" }).count > text.filter({ $0 == ")" }).count
        || continuingWords.contains(Self.lastWord(of: text).lowercased())
    {
      return true
    }
    // A line laid out in columns (a name and a role set apart by a wide gap) is a unit.
    if hasColumnGap(text) || hasColumnGap(next.text) { return false }
    if startsWithNumbering(next.text) {
      // "(e)" and "e)" always start an item; "4." goes on a sentence that stops mid-way
      // ("... on a scale of 1 to" / "4. Risks scoring 9 ...").
      guard isWrapped, next.text.first?.isNumber == true, !next.text.prefix(6).contains(")") else {
        return false
      }
      return last == "," || continuingWords.contains(Self.lastWord(of: text).lowercased())
    }
    if startsWithLabel(next.text) { return false }
    if last == "," || last == "(" || last == "\u{201C}"
      || last == "-" && text.dropLast().last?.isLetter == true
    {
      return true
    }
    let written = String(Self.lastWord(of: text))
    let lastWord = written.lowercased()
    // "May" with its capital is the month ("by end of May").
    if continuingWords.contains(lastWord), written != "May" {
      // In text that is not hard-wrapped (slides, scraped pages) a line that ends on "from" or
      // "not" may be a whole point ("Where LAAs came from"): before a capital, only a word that
      // no clause ends on ("the", "of", "and") carries the line on.
      if layout.isHardWrapped || next.text.first?.isUppercase != true
        || boundWords.contains(lastWord)
      {
        return true
      }
    }
    // A list of people (attendance, witnesses): each line starts with a title, and the list
    // goes on line by line ("Five further witnesses from ...").
    if startsWithHonorific(text), !endsUnit(text), next.text.first?.isUppercase == true {
      return false
    }
    // So does a list of names with their roles, without titles ("Jenny Coldwell, Programme
    // Manager" over "Phil Annand, County Fire and Rescue Service").
    if readsAsNameEntry(text), readsAsNameEntry(next.text) { return false }
    // A wrapped line runs close to the width; a short one ends where its writer ended it.
    if next.text.first?.isLowercase == true { return isWrapped || !readsAsHeading(text) }
    return isWrapped
  }

  /// Whether a line is set in exactly under the text of a bulleted item it follows, as a
  /// wrapped item's next line is ("• We share a police division and Quill" over "  Valley
  /// Primary Care Trust"): it goes on the item whatever its case, where a line at the margin
  /// or under the bullet starts something new.
  static func hangsUnder(_ line: Line, item: Line) -> Bool {
    guard let text = strippingBullet(item.text), strippingBullet(line.text) == nil,
      !startsWithNumbering(line.text)
    else { return false }
    let itemIndent = leadingSpaces(item.raw)
    let column = itemIndent + item.text.count - text.count
    return column > itemIndent && leadingSpaces(line.raw) == column
  }

  /// Whether a line ends with the punctuation that ends a sentence or introduces what follows.
  private static func endsUnit(_ text: Substring) -> Bool {
    guard let last = text.last else { return true }
    return ".!?:;".contains(last)
      || (last == "\u{201D}" || last == "\"" || last == ")") && endsSentence(text.dropLast())
  }

  private static func endsSentence(_ text: Substring) -> Bool {
    guard let last = text.last else { return false }
    return ".!?".contains(last)
  }

  /// A short line of a few words that starts with a capital or a number and ends without
  /// punctuation or a continuing word: a heading or a list line.
  private static func readsAsHeading(_ text: Substring) -> Bool {
    guard let first = text.first, first.isUppercase || first.isNumber, let last = text.last,
      !".!?;:,".contains(last)
    else { return false }
    return text.split(separator: " ").count <= 6
  }

  /// Whether a line is a turn of speech in a transcript: a speaker's tag ("R2:", "IW:", "Q:",
  /// "CLLR HAYWARD:") and a sentence ended inside it, with more after ("R2: Substantially
  /// revised, then. [laughs]", "R1: Did it work? No, trust was low"). Such a line is no
  /// heading, however short; "Chapter One. Neighbouring areas" and "Presentation from Mrs.
  /// Patel" have no tag and stay headings.
  ///
  /// So is a numbered heading run into a sentence on one short line ("4.1 Neighbourhood Renewal
  /// Fund. The final allocation ended in March"): the sentences are read apart.
  static func readsAsSpeech(_ text: Substring) -> Bool {
    if text.first?.isNumber == true, startsWithNumbering(text) {
      let words = text.split(separator: " ")
      if let stop = words.dropFirst().dropLast().firstIndex(where: {
        $0.last == "." && $0.dropLast().count >= 3 && $0.dropLast().allSatisfy(\.isLetter)
      }), words[words.index(after: stop)].first?.isUppercase == true {
        return true
      }
    }
    guard let colon = text.prefix(24).firstIndex(of: ":") else { return false }
    let tag = text[..<colon]
    guard !tag.isEmpty, tag.split(separator: " ").count <= 3,
      tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "." }),
      tag.first?.isUppercase == true
    else { return false }
    return text[text.index(after: colon)...].split(separator: " ").dropLast().contains {
      $0.count > 1 && ".?!".contains($0.last ?? " ")
    }
  }

  /// A letter's subject line is its title. A letter opens with the sender's letterhead, a
  /// reference, a date and an address, then a salutation ("Dear Councillor Hallam"); the line
  /// after the salutation, when it stands alone and is no sentence ("Eskwell and District
  /// Partnership Board: peer challenge, 1 to 3 March 2011"), says what the letter is about. The
  /// letterhead is then a heading, not the title.
  static func takeLettersSubjectLineAsTitle(_ blocks: inout [Block]) {
    guard
      let salutation = blocks.prefix(30).firstIndex(where: { readsAsSalutation($0.text) }),
      salutation + 1 < blocks.count
    else { return }
    let subject = salutation + 1
    let text = blocks[subject].text
    guard [.heading, .line, .paragraph].contains(blocks[subject].kind), text.count <= 150,
      let last = text.last, !".!?;,".contains(last),
      blocks[subject].line > blocks[salutation].line
    else { return }
    for index in blocks.indices where blocks[index].kind == .title {
      blocks[index].kind = .heading
    }
    blocks[subject].kind = .title
  }

  /// The labels of an e-mail's (or a memo's) header fields.
  static let mailFields: Set<String> = [
    "from", "sent", "date", "to", "cc", "bcc", "subject", "re", "ref", "attachments", "importance",
  ]

  /// The field of a header line ("Subject: Reward grant" is "subject"), else nil.
  static func mailField(_ text: String) -> String? {
    guard let colon = text.utf8.prefix(14).firstIndex(of: UInt8(ascii: ":")) else { return nil }
    let label = text[..<colon].lowercased()
    return mailFields.contains(label) ? label : nil
  }

  /// A line that separates the messages of a thread ("-----Original Message-----",
  /// "---------- Forwarded message ----------").
  static func readsAsMessageSeparator(_ text: String) -> Bool {
    guard text.hasPrefix("--") || text.hasPrefix("__") else { return false }
    let lower = text.lowercased()
    return lower.contains("original message") || lower.contains("forwarded message")
  }

  /// An e-mail is laid out in lines, not sections. Its header fields ("From:", "Sent:", "To:",
  /// "Subject:"), the separator before a quoted message, a salutation line ("Daniel, Ruth",
  /// "Hi Helen") and the sign-off and signature before the next message or at the end ("Ruth" /
  /// "Ruth Hallam" / "Partnership Manager, Wetherop and District Partnership") are lines, not
  /// headings, so none of them starts a section: a thread with no headings in its messages is
  /// one section, as the codebook counts sections, and a partnership named in a signature is
  /// the nearest named before what follows. Headings inside a message (a bulletin's "IN THIS
  /// ISSUE", a briefing's "1. Purpose") stay. Returns the first message's subject without its
  /// label, the document's title; its line is read as a sentence, not as a report's title is
  /// (it is no citation: "Subject: Grant reductions" judges what it names).
  ///
  /// A document is read so when a header of at least three fields, "From" and "Subject" (or a
  /// memo's "Re") among them, opens it. A memo's header ("To:", "From:", "Date:",
  /// "Subject:") has its fields read as lines too; the sign-off is read only in a mail (a
  /// "Sent" field, or a separator).
  static func readMailLayout(_ blocks: inout [Block]) -> String? {
    // The headers: runs of field lines (with the separator before them).
    var headers: [Range<Int>] = []
    var index = 0
    while index < blocks.count {
      var end = index
      var fields: Set<String> = []
      if readsAsMessageSeparator(blocks[end].text) { end += 1 }
      while end < blocks.count, let field = mailField(blocks[end].text) {
        fields.insert(field)
        end += 1
      }
      // (A memo's "Re:" is its subject.)
      if fields.count >= 3, fields.contains("from"),
        fields.contains("subject") || fields.contains("re")
      {
        headers.append(index..<end)
        index = end
      } else {
        index += 1
      }
    }
    guard let first = headers.first, first.lowerBound <= 2 else { return nil }
    let isMail = headers.count > 1 || blocks[first].contains { mailField($0.text) == "sent" }
    func isPlainHeading(_ block: Block) -> Bool {
      block.kind == .heading && !startsWithNumbering(Substring(block.text))
    }
    for (number, header) in headers.enumerated() {
      for line in header where blocks[line].kind == .heading || blocks[line].kind == .title {
        blocks[line].kind = .line
      }
      // A salutation of a few words right after the header: names set apart by a comma, or a
      // greeting ("Daniel, Ruth", "Hi Helen"), or in a mail a name or two ("Helen"); not a
      // heading in capitals ("IN THIS ISSUE"), nor, in a memo, any other.
      if header.upperBound < blocks.count, isPlainHeading(blocks[header.upperBound]),
        readsAsGreeting(blocks[header.upperBound].text)
          || (isMail && readsAsFirstNames(blocks[header.upperBound].text))
      {
        blocks[header.upperBound].kind = .line
      }
      guard isMail else { continue }
      // The sign-off and signature: the headings just before the next header, or the end, or
      // before a paragraph there (a confidentiality notice) where there are two or more.
      let end = number + 1 < headers.count ? headers[number + 1].lowerBound : blocks.count
      func signOff(before end: Int) -> Range<Int> {
        var line = end
        while line > header.upperBound,
          isPlainHeading(blocks[line - 1]) || blocks[line - 1].kind == .line
        {
          line -= 1
        }
        return line..<end
      }
      var signature = signOff(before: end)
      if signature.isEmpty, end - 1 > header.upperBound, blocks[end - 1].kind == .paragraph {
        let before = signOff(before: end - 1)
        if before.count >= 2 { signature = before }
      }
      for line in signature where blocks[line].kind == .heading { blocks[line].kind = .line }
    }
    guard
      let subject = blocks[first].first(where: { ["subject", "re"].contains(mailField($0.text)) }),
      let colon = subject.text.firstIndex(of: ":")
    else { return nil }
    for index in blocks.indices where blocks[index].kind == .title { blocks[index].kind = .line }
    // The title is the subject without its label.
    let title = subject.text[subject.text.index(after: colon)...].trimmingCharacters(
      in: .whitespaces)
    return title.isEmpty ? nil : title
  }

  /// One or two capitalised words, not in capitals: a name ("Helen", "Ruth Hallam").
  static func readsAsFirstNames(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    return (1...2).contains(words.count)
      && words.allSatisfy {
        $0.first?.isUppercase == true && $0.dropFirst().allSatisfy { $0.isLowercase }
      }
  }

  /// A salutation line standing alone: a few words, a greeting word first ("Hi Helen", "Dear
  /// all") or names set apart by a comma ("Daniel, Ruth").
  static func readsAsGreeting(_ text: String) -> Bool {
    let words = text.split(separator: " ")
    guard (1...4).contains(words.count), let first = words.first else { return false }
    let greetings: Set<String> = ["hi", "hello", "dear", "morning", "afternoon", "all"]
    return greetings.contains(first.lowercased().trimmingCharacters(in: [",", "!"]))
      || (text.contains(",") && words.allSatisfy { $0.first?.isUppercase == true })
  }

  /// A letter's salutation: "Dear" and a few words ("Dear Councillor Hallam", "Dear members,").
  static func readsAsSalutation(_ text: String) -> Bool {
    // Most blocks are not: no paragraph is split into words to find out.
    guard text.hasPrefix("Dear "), !".!?:;".contains(text.last ?? ".") else { return false }
    let words = text.split(separator: " ", maxSplits: 6)
    return words.count <= 6
  }

  /// A line of prose that introduces what follows it ("Allocations to Harnby have been as
  /// follows:", "The board agreed three actions:"): it ends with a colon, has four words or
  /// more, and is not written in title case. It is a sentence, not a heading ("Key Issues:",
  /// "Recommendations:" are headings), so no section starts at it.
  static func readsAsLeadIn(_ text: String) -> Bool {
    text.last == ":" && text.split(separator: " ").count >= 4
      && !readsAsTitleCase(String(text.dropLast()))
  }

  /// Lower-case words that stand inside names of people, posts and bodies.
  private static let nameWords: Set<String> = [
    "of", "and", "for", "the", "&", "on", "in", "at", "upon", "de", "van", "von",
  ]

  /// Whether a line reads as an entry of a list of people or bodies: parts set apart by commas,
  /// every word capitalised but those that stand inside names ("Yvonne Pryce, Partnership
  /// Manager, Jobcentre Plus"), and no punctuation that ends a sentence.
  /// The last word of a line (after its last space), found from the end without splitting it.
  static func lastWord(of text: Substring) -> Substring {
    guard let space = text.utf8.lastIndex(of: 0x20) else { return text }
    return text[text.utf8.index(after: space)...]
  }

  static func readsAsNameEntry(_ text: Substring) -> Bool {
    guard text.utf8.contains(UInt8(ascii: ",")), !text.utf8.contains(UInt8(ascii: ";")),
      let last = text.last,
      !".!?:;,".contains(last)
    else { return false }
    let words = text.split(separator: " ")
    guard words.count <= 16 else { return false }
    return words.allSatisfy { word in
      guard let first = word.first else { return true }
      return first.isUppercase || first.isNumber || first == "(" || nameWords.contains(String(word))
    }
  }

  /// Titles that start a line naming a person in a list of those present or heard.
  static let honorifics: Set<String> = [
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Cllr", "Councillor", "Prof", "Professor", "Rev", "Revd",
    "Reverend", "Canon",
    "Sir", "Dame", "Lord", "Lady", "Superintendent", "Supt", "Ch", "Chief", "Inspector", "Insp",
    "Sergeant", "Sgt", "Father",
  ]

  static func startsWithHonorific(_ text: Substring) -> Bool {
    guard let word = text.split(separator: " ", maxSplits: 1).first else { return false }
    return honorifics.contains(String(word.hasSuffix(".") ? word.dropLast() : word))
  }

  /// Whether a line has a gap of three spaces or more between words, other than after the
  /// marker that starts it ("2.2     Progress in ...", "•   The strategy ..." are a numbered
  /// paragraph and a bullet, not columns).
  static func hasColumnGap(_ text: Substring) -> Bool {
    guard let gap = text.rangeOfBytes("   ") else { return false }
    let before = text[..<gap.lowerBound]
    if !before.utf8.contains(0x20), before.count <= 8 {
      return text[gap.upperBound...].trimmingCharacters(in: .whitespaces).containsBytes("   ")
    }
    return true
  }

  /// Words that stay in lower case in a title written in title case.
  static let titleCaseLowerWords: Set<String> = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "into", "as",
    "vs", "via", "per", "than", "over", "under", "after", "before", "between", "about", "is", "are",
    "be", "its", "their",
  ]

  /// Text of at most 200 characters, not ended as a sentence is, whose words are capitalised but
  /// for the small words a title leaves in lower case ("Partners in Name Only? Membership,
  /// Trust and the Limits of Delivery in Two English Local Strategic Partnerships").
  static func readsAsTitleCase(_ text: String) -> Bool {
    guard text.count <= 200, let last = text.last, !".;:,".contains(last) else { return false }
    var capitalised = 0
    var others = 0
    for word in text.split(separator: " ") {
      let letters = word.drop { !$0.isLetter }
      guard let first = letters.first else { continue }
      if first.isUppercase {
        capitalised += 1
      } else if !titleCaseLowerWords.contains(
        letters.lowercased().trimmingCharacters(in: .punctuationCharacters))
      {
        others += 1
      }
    }
    return capitalised >= 4 && others == 0
  }

  /// Where a label's value starts when a wide gap sets it apart ("Respondents:      R1 - ..."):
  /// its column in the line as written, or nil.
  static func labelValueColumn(_ raw: Substring) -> Int? {
    let text = raw.drop { $0 == " " }
    guard startsWithLabel(text), let colon = text.firstIndex(of: ":") else { return nil }
    let afterColon = text[text.index(after: colon)...]
    let gap = afterColon.prefix { $0 == " " }.count
    guard gap >= 2, afterColon.count > gap else { return nil }
    return raw.count - afterColon.count + gap
  }

  /// The spaces a line as written opens with.
  static func leadingSpaces(_ raw: Substring) -> Int { raw.prefix { $0 == " " }.count }

  /// A line that starts with a label: one to three capitalised words and a colon ("Lead
  /// officer: ...", "Source: ...", "Date: ...").
  static func startsWithLabel(_ text: Substring) -> Bool {
    guard let first = text.first, first.isUppercase, let colon = text.prefix(40).firstIndex(of: ":")
    else { return false }
    let label = text[..<colon]
    let words = label.split(separator: " ")
    return (1...3).contains(words.count)
      && label.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" }
      && colon < text.index(before: text.endIndex)
  }

  /// Numbering that starts a heading or an item, followed by a space:
  ///
  /// - "(a)", "(3)", "(iv)", "a)", "iv)", "R1", "Q3.": an item, whatever case follows;
  /// - "4.1.1", "1." to "20.": a heading or an item, whatever case follows ("1. refresh the
  ///   community strategy;");
  /// - "3.2", "21.", "3)", "A.", "iv.": only before a capital, a quote or a bracket, since "3.2 per
  ///   cent", "152) is missed" and "e. g." are running text.
  static func startsWithNumbering(_ text: Substring) -> Bool {
    let bytes = Array(text.utf8.prefix(16))
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    func isRoman(_ run: ArraySlice<UInt8>) -> Bool {
      run.count <= 4 && run.allSatisfy { "ivxIVX".utf8.contains($0) }
    }
    var index = 0
    var anyCase = false
    if bytes.first == UInt8(ascii: "(") {
      // "(a)", "(3)", "(iv)"
      index = 1
      while index < bytes.count, isDigit(bytes[index]) || isLetter(bytes[index]), index < 5 {
        index += 1
      }
      let inner = bytes[1..<index]
      guard !inner.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: ")"),
        inner.allSatisfy(isDigit) && inner.count <= 3 || inner.count == 1 || isRoman(inner)
      else { return false }
      index += 1
      anyCase = true
    } else if let first = bytes.first, isDigit(first) {
      // "3.", "3.2", "4.1.1", "3)"
      var parts = 1
      var digits = 0
      var endsWithDot = false
      var value = 0
      while index < bytes.count {
        if isDigit(bytes[index]) {
          digits += 1
          if parts == 1 { value = value * 10 + Int(bytes[index] - 0x30) }
          guard digits <= 3 else { return false }
          endsWithDot = false
        } else if bytes[index] == UInt8(ascii: "."), digits > 0 {
          endsWithDot = true
          parts += 1
          digits = 0
        } else {
          break
        }
        index += 1
      }
      let dots = parts - 1
      if index < bytes.count, bytes[index] == UInt8(ascii: ")"), dots == 0 {
        index += 1
      } else if dots == 0 {
        return false
      }
      anyCase = dots >= 2 && !endsWithDot || dots >= 3 || (dots == 1 && endsWithDot && value <= 20)
    } else if let first = bytes.first, isLetter(first) {
      // "R1", "Q3.", "a)", "iv)", "A.", "iv."
      var end = 1
      while end < bytes.count, isDigit(bytes[end]), end < 4 { end += 1 }
      if end > 1, first >= 0x41, first <= 0x5A {
        index = end
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }
        anyCase = true
      } else {
        end = 0
        while end < bytes.count, isLetter(bytes[end]), end < 4 { end += 1 }
        guard end == 1 || isRoman(bytes[0..<end]), end < bytes.count else { return false }
        index = end
        if bytes[index] == UInt8(ascii: ")") {
          anyCase = true
        } else if bytes[index] != UInt8(ascii: ".") {
          return false
        }
        index += 1
      }
    } else {
      return false
    }
    guard index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 else { return false }
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    guard index < bytes.count else { return false }
    let next = bytes[index]
    if anyCase, !isDigit(next) { return true }
    return (next >= 0x41 && next <= 0x5A) || next == UInt8(ascii: "\"") || next == 0xE2
      || next == UInt8(ascii: "(")
      || next == UInt8(ascii: "'")
  }

  /// A line drawn with rule characters ("-----", "=====", "+-----+", "----  ----") or holding no
  /// letter or digit at all ("#", "* * *"): a rule between paragraphs, not text.
  static func isRule(_ text: Substring) -> Bool {
    !text.contains { $0.isLetter || $0.isNumber }
  }

  /// A line of a box drawn with bars ("|  Strengths   |") without its bars, else the line.
  static func unboxed(_ text: Substring) -> Substring {
    guard text.count >= 3, text.first == "|", text.last == "|" else { return text }
    let inner = text.dropFirst().dropLast()
    guard !inner.contains("|") else { return text }
    return inner.drop { $0 == " " || $0 == "\t" }.dropLast(
      inner.reversed().prefix { $0 == " " || $0 == "\t" }.count)
  }

  /// The cells of a line that is a row of a table written as text: three or more cells set apart
  /// by bars ("2.2 | Write to employers | LF | 31 March"), tabs, or gaps of three spaces or more.
  /// Two cells set apart by a tab are a row too ("Dr Anil Mehta<tab>Wenlow Primary Care Trust",
  /// as a word processor's table is saved), unless the first is a paragraph's numbering
  /// ("4.12<tab>The partnership ..."), a label ("Date:<tab>3 May") or the line runs long, as
  /// prose does. Nil for any other line.
  static func tableCells(_ text: Substring) -> [Substring]? {
    for (separator, byte) in [("|", UInt8(ascii: "|")), ("\t", UInt8(ascii: "\t"))]
    where text.utf8.contains(byte) {
      let cells = text.split(separator: Character(separator), omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces)[...] }.filter { !$0.isEmpty }
      if cells.count >= 3 { return cells }
      if separator == "\t", cells.count == 2, text.count <= 100,
        cells[0].contains(where: \.isLetter), !startsWithNumbering(cells[0]),
        strippingBullet(cells[0]) == nil, cells[0].last != ":"
      {
        return cells
      }
    }
    guard text.containsBytes("   ") else { return nil }
    var cells: [Substring] = []
    var start = text.startIndex
    var index = text.startIndex
    var spaces = 0
    while index < text.endIndex {
      if text[index] == " " {
        spaces += 1
      } else {
        if spaces >= 3 {
          let end = text.index(index, offsetBy: -spaces)
          cells.append(text[start..<end])
          start = index
        }
        spaces = 0
      }
      index = text.index(after: index)
    }
    cells.append(text[start...])
    return cells.count >= 3 ? cells : nil
  }

  /// A line cut at its gaps of three spaces or more (a table's header row): its columns'
  /// texts, or the line itself.
  static func columnCells(_ text: Substring) -> [Substring] {
    var cells: [Substring] = []
    var rest = text.drop { $0 == " " }
    while let gap = rest.rangeOfBytes("   ") {
      cells.append(rest[..<gap.lowerBound])
      rest = rest[gap.upperBound...].drop { $0 == " " }
    }
    if !rest.isEmpty { cells.append(rest) }
    return cells.isEmpty ? [text] : cells
  }

  /// The site header of a web page saved as text, and its headline. Such a page opens with a
  /// skip link ("Skip to content"), then the site's name, its menu, a breadcrumb ("You are here:
  /// Home > ..."), page tools ("Print this page | Text only") and links to the posts before and
  /// after; the headline follows. It is the line just before a "Posted on" (or "Posted by",
  /// "Published on") line near the top, or else the first line after the breadcrumb that is not
  /// a page tool. Without either, nothing is taken for a header. The site's name (the line after
  /// the skip link) is kept as a heading before the headline: on a partnership's own site it
  /// names the partnership the page is about ("Haverleigh and District Partnership Board").
  static func siteHeader(in lines: [Line]) -> (lines: Set<Int>, headline: Int, siteName: Int?)? {
    guard let skip = lines.firstIndex(where: { $0.length > 0 }) else { return nil }
    guard isSkipLink(lines[skip].text.lowercased()) else { return nil }
    let window = lines.indices.prefix(skip + 40).dropFirst(skip + 1)
    func isHeadline(_ index: Int) -> Bool {
      let text = lines[index].text
      return text.count <= 150 && text.split(separator: " ").count <= 20
        && text.filter(\.isLetter).count >= 2
        && !text.hasPrefix("«") && !text.hasSuffix("»")
        && !text.lowercased().hasPrefix("you are here")
    }
    var headline: Int?
    if let posted = window.first(where: { index in
      let lower = lines[index].text.lowercased()
      return lower.hasPrefix("posted on ") || lower.hasPrefix("posted by ")
        || lower.hasPrefix("published on ")
    }), let before = (skip + 1..<posted).last(where: { lines[$0].length > 0 }), isHeadline(before) {
      headline = before
    } else if let crumb = window.first(where: {
      lines[$0].text.lowercased().hasPrefix("you are here")
    }) {
      // Past page tools: short lines of options set apart by bars.
      headline = (crumb + 1..<min(crumb + 6, lines.count)).first { index in
        lines[index].length > 0
          && !(lines[index].text.contains(" | ")
            && lines[index].text.split(separator: " ").count <= 10)
      }
    }
    guard let headline, isHeadline(headline) else { return nil }
    let siteName = (skip + 1..<headline).first { lines[$0].length > 0 }
    var header = Set(skip..<headline)
    if let siteName { header.remove(siteName) }
    return (header, headline, siteName)
  }

  /// Whether a line, in lower case, is a web page's skip link: "skip to content", "jump to
  /// navigation".
  static func isSkipLink(_ lower: some StringProtocol) -> Bool {
    lower.hasPrefix("skip to") || lower.hasPrefix("jump to")
  }

  /// Whether a document's first block reads as its title: a line of at most 150 characters and
  /// 20 words that does not end as a sentence does, and is not a skip link or a menu word.
  static func readsAsTitle(_ text: String) -> Bool {
    guard text.count <= 150, text.split(separator: " ").count <= 20, let first = text.first,
      first.isUppercase || first.isNumber || first == "\u{201C}" || first == "\""
    else { return false }
    if text.hasSuffix(".") && !text.hasSuffix("...") { return false }
    let lower = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]() "))
    if isSkipLink(lower) || menuWords.contains(lower) {
      return false
    }
    // "Slide 1", "Page 3": a marker, not a title.
    let words = lower.split(separator: " ")
    if words.count == 2, ["slide", "page", "p."].contains(words[0]), Int(words[1]) != nil {
      return false
    }
    return true
  }

  /// First lines of scraped pages that are navigation, not titles.
  static let menuWords: Set<String> = [
    "home", "menu", "main menu", "search", "navigation", "contact us", "contact", "sign in",
    "log in", "login",
    "accessibility", "cookies", "cookie settings", "back to top", "print", "share", "a-z", "a to z",
    "sitemap",
  ]

  /// Splits at LF, CRLF or CR, trimming white space at both ends; blank lines have length 0.
  ///
  /// Works on UTF-8 offsets: splitting by `Character` costs more than the rest of extraction.
  /// A line's length counts Unicode scalars, which is all the wrap-width rule needs.
  static func lines(of text: String) -> [Line] {
    let utf8 = text.utf8
    var lines: [Line] = []
    var number = 0
    var lineStart = utf8.startIndex
    func addLine(upTo end: String.Index) {
      number += 1
      var raw = text[lineStart..<end]
      // ASCII white space is trimmed byte by byte; anything else falls back to Character.
      while let last = raw.utf8.last, last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C {
        raw = raw[raw.startIndex..<raw.utf8.index(before: raw.endIndex)]
      }
      while let first = raw.utf8.first,
        first == 0x20 || first == 0x09 || first == 0x0B || first == 0x0C
      {
        raw = raw[raw.utf8.index(after: raw.startIndex)..<raw.endIndex]
      }
      if let last = raw.utf8.last, last >= 0x80 {
        while let character = raw.last, character.isWhitespace { raw = raw.dropLast() }
      }
      if let first = raw.utf8.first, first >= 0x80 {
        while let character = raw.first, character.isWhitespace { raw = raw.dropFirst() }
      }
      let hasFormFeed = text[lineStart..<end].utf8.contains(0x0C)
      // The line as written, for columns; inside a box, between its bars.
      var written = text[lineStart..<end]
      if raw.utf8.first == UInt8(ascii: "|") {
        let inner = unboxed(raw)
        if inner.endIndex != raw.endIndex || inner.startIndex != raw.startIndex,
          let open = written.firstIndex(of: "|"), let close = written.lastIndex(of: "|"),
          open < close
        {
          written = written[written.index(after: open)..<close]
        }
        raw = inner
      }
      lines.append(
        Line(
          number: number, text: raw, raw: written, length: raw.unicodeScalars.count,
          hasFormFeed: hasFormFeed))
    }
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == 0x0A || byte == 0x0D {
        addLine(upTo: index)
        var next = utf8.index(after: index)
        if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
        index = next
        lineStart = next
      } else {
        index = utf8.index(after: index)
      }
    }
    addLine(upTo: utf8.endIndex)
    return lines
  }

  /// The lines with an e-mail's quotation marks taken off: in a reply, "> " (or "> > ", ">>")
  /// opens every line of the message quoted, and a line of ">" alone is its blank line. Only
  /// when two or more lines open so: a single line that starts with ">" ("> 40 per cent") is
  /// left as written.
  static func unquoted(_ lines: [Line]) -> [Line] {
    func isQuoted(_ line: Line) -> Bool { line.text.utf8.first == UInt8(ascii: ">") }
    guard lines.lazy.filter(isQuoted).prefix(2).count == 2 else { return lines }
    return lines.map { line in
      guard isQuoted(line) else { return line }
      var text = line.text
      while let first = text.utf8.first,
        first == UInt8(ascii: ">") || first == 0x20 || first == 0x09
      {
        text = text.dropFirst()
      }
      var unquoted = line
      unquoted.text = text
      unquoted.raw = text
      unquoted.length = text.unicodeScalars.count
      return unquoted
    }
  }

  /// The blocks less those quoted again: an e-mail thread quotes each earlier message under
  /// the reply ("> As you know, ..."), and a block of quoted lines whose text the document has
  /// already given, quoted or not, is the same evidence a second time. The first copy stays,
  /// so a reply saved with only its quotation loses nothing.
  static func withoutRequotedText(_ blocks: [Block], written: [Line]) -> [Block] {
    let quoted = Set(
      written.lazy.filter { $0.text.utf8.first == UInt8(ascii: ">") }.map(\.number))
    guard quoted.count >= 2 else { return blocks }
    var seen: Set<String> = []
    return blocks.filter { block in
      if quoted.contains(block.line), seen.contains(block.text) { return false }
      seen.insert(block.text)
      return true
    }
  }

  /// How many lines `lines(of:)` would make, counted without making them.
  private static func lineCount(of text: String) -> Int {
    var count = 1
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == 0x0A {
        if previous != 0x0D { count += 1 }
      } else if byte == 0x0D {
        count += 1
      }
      previous = byte
    }
    return count
  }

  /// The width text was wrapped at (the 90th percentile of non-blank line lengths) and whether
  /// it was hard-wrapped: a width of 50 or more that at least a third of the lines come within
  /// a quarter of. Slides and scraped pages, whose lines end where their writers ended them, are
  /// not.
  private static func layout(of lines: [Line], skipping furniture: Set<Int>) -> Layout {
    var lengths: [Int] = []
    var following = 0
    var followingLower = 0
    var previousWasText = false
    for (index, line) in lines.enumerated() where !furniture.contains(index) {
      guard line.length > 0 else {
        previousWasText = false
        continue
      }
      lengths.append(line.length)
      if previousWasText {
        following += 1
        if line.text.first?.isLowercase == true { followingLower += 1 }
      }
      previousWasText = true
    }
    lengths.sort()
    guard !lengths.isEmpty else { return Layout(wrapWidth: 0, isHardWrapped: false) }
    let continuesInLowerCase = following > 0 && followingLower * 4 >= following
    // Hard-wrapped at `width`: a third of the lines not longer than it come within a quarter
    // of it.
    func isWrapped(at width: Int, of count: Int) -> Bool {
      let near = lengths.filter { Double($0) >= Double(width) * 0.75 && $0 <= width + 5 }.count
      return width >= 50 && width <= 200 && near * 3 >= count && continuesInLowerCase
    }
    let width = lengths[min(lengths.count - 1, (lengths.count * 9) / 10)]
    if isWrapped(at: width, of: lengths.count) {
      return Layout(wrapWidth: width, isHardWrapped: true)
    }
    // A few long lines left unwrapped (a pasted list of recommendations, a URL) raise the 90th
    // percentile past the width the rest was wrapped at: a lower percentile is then the width,
    // if no more than a quarter of the lines run past it and the rest are wrapped at it.
    for share in [8, 7, 6] {
      let lower = lengths[min(lengths.count - 1, (lengths.count * share) / 10)]
      let longer = lengths.filter { $0 > lower + 5 }.count
      if longer > 0, longer * 4 <= lengths.count,
        isWrapped(at: lower, of: lengths.count - longer)
      {
        return Layout(wrapWidth: lower, isHardWrapped: true)
      }
    }
    return Layout(wrapWidth: width, isHardWrapped: false)
  }

  private static let bullets: Set<Character> = [
    "-", "*", "•", "o", "·", "‣", "▪", "–", "\u{F0B7}", "\u{F0A7}", "●", "◦", "■", "□", "➢", "►",
    "✓", "✔", "❖", "○", "»", "›",
    "→", "♦", "◆",
  ]

  /// The line without its bullet glyph, or nil when it does not start with one.
  static func strippingBullet(_ line: Substring) -> Substring? {
    guard let first = line.first, bullets.contains(first) else { return nil }
    let rest = line.dropFirst()
    guard let next = rest.first else { return nil }
    // "•the council": a glyph that is only ever a bullet needs no space after it.
    guard next == " " || next == "\t" || (!first.isASCII && first != "–" && next.isLetter) else {
      return nil
    }
    return rest.drop(while: { $0 == " " || $0 == "\t" })
  }

  /// Collapses runs of white space (ASCII, no-break and Unicode spaces) to one space, drops
  /// control characters, and trims; works on UTF-8 bytes with a fast path for ASCII.
  static func collapsingWhitespace(_ text: String) -> String {
    var text = text
    return text.withUTF8 { utf8 -> String in
      var result: [UInt8] = []
      result.reserveCapacity(utf8.count)
      var pendingSpace = false
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        var width = 1
        var isSpace = false
        var isControl = false
        if byte < 0x80 {
          isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
          isControl = !isSpace && (byte < 0x20 || byte == 0x7F)
        } else if byte == 0xC2, index + 1 < utf8.count {
          width = 2
          let next = utf8[index + 1]
          isSpace = next == 0xA0 || next == 0x85
          isControl = !isSpace && next < 0xA0
        } else if byte == 0xE2 || byte == 0xE3 || byte == 0xE1, index + 2 < utf8.count {
          width = 3
          let scalar =
            (UInt32(byte & 0x0F) << 12) | (UInt32(utf8[index + 1] & 0x3F) << 6)
            | UInt32(utf8[index + 2] & 0x3F)
          isSpace =
            (0x2000...0x200A).contains(scalar) || scalar == 0x2028 || scalar == 0x2029
            || scalar == 0x202F
            || scalar == 0x205F || scalar == 0x3000 || scalar == 0x1680
        }
        if isSpace {
          pendingSpace = !result.isEmpty
        } else if !isControl {
          if pendingSpace {
            result.append(0x20)
            pendingSpace = false
          }
          let end = min(index + width, utf8.count)
          result.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
          index = end
          continue
        }
        index += width
      }
      return String(decoding: result, as: UTF8.self)
    }
  }
}
