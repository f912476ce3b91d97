/// Extracts blocks from plain text: paragraphs at blank lines, hard-wrapped lines joined.
///
/// Lines of one paragraph are joined with a space; a word hyphenated across a line end is joined
/// without one (`"co-\noperation"` reads `"co-operation"`). A line much shorter than the
/// document's wrap width ends its block (headings, attendance lists), and so does a line before a
/// bullet. Bullet glyphs (`-`, `*`, `•`, `o`, `·`) are dropped; written numbering is kept. The
/// first line is the title when it stands alone and is short.
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

  private struct Line {
    var number: Int
    var text: Substring
    var length: Int
  }

  public func extractText(from document: DecodedDocument) throws(ExtractionError) -> ExtractedText {
    let lineCount = Self.lineCount(of: document.text)
    guard lineCount <= limits.maxLines else { throw .tooManyLines(count: lineCount, limit: limits.maxLines) }
    let lines = Self.lines(of: document.text)
    let wrapWidth = Self.wrapWidth(of: lines)
    var blocks: [Block] = []
    var current: [Line] = []
    var paragraphIndex = 0
    var paragraphIndexHasSeveralBlocks = false

    func finishBlock() {
      guard let first = current.first else { return }
      var text = ""
      var kind = BlockKind.paragraph
      for (index, line) in current.enumerated() {
        var piece = line.text
        if index == 0, let stripped = Self.strippingBullet(piece) {
          piece = stripped
          kind = .listItem
        }
        if index > 0 {
          if Self.endsWithLineEndHyphen(text) && piece.first?.isLowercase == true {
            // "co-" + "operation" reads "co-operation".
          } else {
            text += " "
          }
        }
        text += piece
      }
      let collapsed = Self.collapsingWhitespace(text)
      if !collapsed.isEmpty {
        if kind == .paragraph, current.count == 1 {
          if blocks.isEmpty && paragraphIndex == 0 && collapsed.count <= 200 {
            kind = .title
          } else if collapsed.count <= 80, let last = collapsed.last, !".!?;,".contains(last) {
            kind = .heading
          } else if paragraphIndexHasSeveralBlocks {
            kind = .line
          }
        }
        blocks.append(Block(kind: kind, text: collapsed, line: first.number))
      }
      current.removeAll(keepingCapacity: true)
    }

    for line in lines {
      if line.length == 0 {
        finishBlock()
        if !blocks.isEmpty { paragraphIndex += 1 }
        paragraphIndexHasSeveralBlocks = false
        continue
      }
      if let previous = current.last {
        let previousIsShort = Double(previous.length) < Double(wrapWidth) * shortLineRatio
        if previousIsShort || Self.strippingBullet(line.text) != nil {
          finishBlock()
          paragraphIndexHasSeveralBlocks = true
        }
      }
      current.append(line)
    }
    finishBlock()
    guard !blocks.isEmpty else { throw .noText }
    let title = blocks.first(where: { $0.kind == .title })?.text
    let published = blocks.prefix(12).lazy.compactMap { MetadataReading.date(from: $0.text) }.first
    return ExtractedText(title: title, blocks: blocks, metadata: DocumentMetadata(title: title, published: published))
  }

  /// Splits at LF, CRLF or CR, trimming white space at both ends; blank lines have length 0.
  ///
  /// Works on UTF-8 offsets: splitting by `Character` costs more than the rest of extraction.
  /// A line's length counts Unicode scalars, which is all the wrap-width rule needs.
  private static func lines(of text: String) -> [Line] {
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
      while let first = raw.utf8.first, first == 0x20 || first == 0x09 || first == 0x0B || first == 0x0C {
        raw = raw[raw.utf8.index(after: raw.startIndex)..<raw.endIndex]
      }
      if let last = raw.utf8.last, last >= 0x80 {
        while let character = raw.last, character.isWhitespace { raw = raw.dropLast() }
      }
      if let first = raw.utf8.first, first >= 0x80 {
        while let character = raw.first, character.isWhitespace { raw = raw.dropFirst() }
      }
      lines.append(Line(number: number, text: raw, length: raw.unicodeScalars.count))
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

  /// The width text was wrapped at: the 90th percentile of non-blank line lengths.
  private static func wrapWidth(of lines: [Line]) -> Int {
    let lengths = lines.lazy.map(\.length).filter { $0 > 0 }.sorted()
    guard !lengths.isEmpty else { return 0 }
    return lengths[min(lengths.count - 1, (lengths.count * 9) / 10)]
  }

  private static let bullets: Set<Character> = ["-", "*", "•", "o", "·", "‣", "▪", "–"]

  /// The line without its bullet glyph, or nil when it does not start with one.
  private static func strippingBullet(_ line: Substring) -> Substring? {
    guard let first = line.first, bullets.contains(first) else { return nil }
    let rest = line.dropFirst()
    guard let next = rest.first, next == " " || next == "\t" else { return nil }
    return rest.drop(while: { $0 == " " || $0 == "\t" })
  }

  private static func endsWithLineEndHyphen(_ text: String) -> Bool {
    guard text.last == "-" else { return false }
    let beforeHyphen = text.dropLast().last
    return beforeHyphen?.isLetter == true
  }

  /// Collapses runs of white space (ASCII, no-break and Unicode spaces) to one space, drops
  /// control characters, and trims; works on UTF-8 bytes with a fast path for ASCII.
  private static func collapsingWhitespace(_ text: String) -> String {
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
          let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(utf8[index + 1] & 0x3F) << 6) | UInt32(utf8[index + 2] & 0x3F)
          isSpace = (0x2000...0x200A).contains(scalar) || scalar == 0x2028 || scalar == 0x2029 || scalar == 0x202F
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
