/// Segments text with ICU's sentence and word break iterators, run once over the whole
/// document's UTF-8, and the rules of `SentenceBreaks` for the English of reports.
///
/// The default locale `en_GB` has no abbreviation suppressions of ICU's: they kept "the new
/// generation of LAAs. The paper ..." as one sentence. `SentenceBreaks` decides instead, from
/// `titles` and `abbreviations` and rules for initials, numbering, headings and full stops that
/// lost their space. Block starts and ends are always sentence boundaries.
public struct ICUSegmenter: Segmenter {
  /// ICU's two break iterators (sentences and words) over an extracted text and nothing else:
  /// the floor under segmentation, which `lspminer benchmark-tag` times beside tagging. Returns
  /// how many words ICU found, so that the work cannot be skipped.
  public func breakIteratorsAlone(over extracted: ExtractedText) -> Int {
    ICU.segments(of: extracted.text, locale: locale, asciiFastPath: false)?.wordRanges.count ?? 0
  }

  /// Whether the words found in `text` with the ASCII fast paths are exactly ICU's own (and the
  /// sentences too): the fuzz target for tagging asks this of every input.
  public static func asciiFastPathAgreesWithICU(on text: String, locale: String = "en_GB") -> Bool {
    let fast = ICU.segments(of: text, locale: locale)
    let icu = ICU.segments(of: text, locale: locale, asciiFastPath: false)
    return fast?.wordRanges == icu?.wordRanges
      && fast?.sentenceBoundaries == icu?.sentenceBoundaries
  }

  /// The ICU locale ID of the break iterators.
  public var locale: String
  /// Whether plain ASCII is split into words and sentences without ICU (the same boundaries,
  /// found faster; English locales only); off only to time the difference (`lspminer
  /// benchmark-tag --icu-words`).
  public var asciiFastPath = true
  /// Words that, followed by a full stop, never end a sentence ("Dr. Okafor").
  public var titles: Set<String> {
    didSet { rules = SentenceBreaks(titles: titles, abbreviations: abbreviations) }
  }
  /// Words that, followed by a full stop, end no sentence when lower case or a digit follows.
  public var abbreviations: Set<String> {
    didSet { rules = SentenceBreaks(titles: titles, abbreviations: abbreviations) }
  }
  /// The rules, with the two lists above made ready for lookups by bytes once, not per document.
  private var rules: SentenceBreaks

  /// Titles that precede a name.
  public static let defaultTitles: Set<String> = [
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Cllr", "Cllrs", "Prof", "Rev", "Revd", "Hon", "Rt", "St", "Sr",
    "Jr", "Capt",
    "Col", "Gen", "Lt", "Sgt", "Supt", "Insp", "Det", "Sir", "Dame", "Messrs", "Ch", "Coun", "Lord",
    "Lady", "hon", "Rt",
  ]

  /// Abbreviations that end no sentence when the text goes on in lower case.
  public static let defaultAbbreviations: Set<String> = [
    "e.g", "i.e", "approx", "cf", "vs", "etc", "No", "Nos", "no", "para", "paras", "p", "pp", "Fig",
    "fig", "Vol",
    "vol", "Dept", "dept", "Co", "Ltd", "Inc", "ca", "c", "est", "incl", "min", "max", "Jan", "Feb",
    "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "ed", "eds", "Ed", "Eds", "op", "cit",
    "ibid", "Ibid",
    "a.m", "p.m", "Cttee", "Govt", "govt", "Assoc", "Dist", "Div", "Rd", "Ave", "Ref", "ref", "Tel",
    "tel", "nr",
  ]

  /// Creates a segmenter.
  public init(
    locale: String = "en_GB", titles: Set<String> = defaultTitles,
    abbreviations: Set<String> = defaultAbbreviations
  ) {
    self.locale = locale
    self.titles = titles
    self.abbreviations = abbreviations
    self.rules = SentenceBreaks(titles: titles, abbreviations: abbreviations)
  }

  public func segment(_ extracted: ExtractedText) throws(SegmentationError) -> SegmentedText {
    let text = extracted.text
    let blockOffsets = extracted.blockUTF8Offsets
    guard let segments = ICU.segments(of: text, locale: locale, asciiFastPath: asciiFastPath)
    else {
      throw .icuFailed(locale: locale)
    }
    let rules = self.rules
    var sentences: [Sentence] = []
    var citationBlocks: Set<Int> = []
    var tokens = segments.wordRanges
    var contiguous = text
    contiguous.withUTF8 { utf8 in
      let icu = segments.sentenceBoundaries
      var icuIndex = 0
      var ranges: [(block: Int, range: Range<Int>)] = []
      var lostSpaces: [Int] = []
      // Reused block after block, so a block costs no allocation of its own.
      var candidates: [Int] = []
      var breaks: [Int] = []
      for (blockIndex, block) in extracted.blocks.enumerated() {
        let blockStart = blockOffsets[blockIndex]
        let blockEnd = blockStart + block.text.utf8.count
        while icuIndex < icu.count, icu[icuIndex] <= blockStart { icuIndex += 1 }
        candidates.removeAll(keepingCapacity: true)
        while icuIndex < icu.count, icu[icuIndex] < blockEnd {
          candidates.append(icu[icuIndex])
          icuIndex += 1
        }
        // A title or a heading is one unit, whatever punctuation it holds; in a reference, a
        // question in the cited title ends nothing.
        breaks.removeAll(keepingCapacity: true)
        let isReference = rules.isReferenceEntry(utf8, from: blockStart, to: blockEnd)
        if isReference { citationBlocks.insert(blockIndex) }
        if block.kind != .title && block.kind != .heading {
          var lost = rules.lostSpaceBreaks(in: utf8, from: blockStart, to: blockEnd)
          lostSpaces += lost
          lost = (lost + rules.figureStartBreaks(in: utf8, from: blockStart, to: blockEnd)).sorted()
          if block.kind != .tableCell,
            let runIn = rules.runInHeadingEnd(in: utf8, from: blockStart, to: blockEnd)
          {
            // A heading that lost its line break is a unit of its own.
            lost.insert(runIn, at: lost.firstIndex { $0 > runIn } ?? lost.endIndex)
          }
          var sentenceStart = blockStart
          var lostIndex = 0
          for candidate in candidates {
            while lostIndex < lost.count, lost[lostIndex] < candidate {
              breaks.append(lost[lostIndex])
              sentenceStart = lost[lostIndex]
              lostIndex += 1
            }
            if rules.keeps(
              candidate, blockStart: blockStart, sentenceStart: sentenceStart, in: utf8),
              !isReference || !Self.followsQuestion(candidate, in: utf8),
              !Self.onlyACitationFollows(candidate, blockEnd: blockEnd, in: utf8)
            {
              let end = Self.afterFootnoteMarks(candidate, blockEnd: blockEnd, in: utf8)
              breaks.append(end)
              sentenceStart = end
            }
          }
          breaks += lost[lostIndex...]
        }
        var start = blockStart
        breaks.append(blockEnd)
        for end in breaks where end > start {
          ranges.append((blockIndex, start..<end))
          start = end
        }
      }
      if !lostSpaces.isEmpty { tokens = Self.splitting(tokens, at: lostSpaces) }
      var tokenIndex = 0
      var carried: Int?
      for (position, (blockIndex, range)) in ranges.enumerated() {
        var lower = carried ?? range.lowerBound
        carried = nil
        var upper = range.upperBound
        // A piece with no letter or digit (an opening quote cut off by a break) goes with the
        // sentence after it in the same block.
        if !utf8[lower..<upper].contains(where: { Self.isAlphanumeric($0) }),
          position + 1 < ranges.count,
          ranges[position + 1].block == blockIndex
        {
          carried = lower
          continue
        }
        while lower < upper, utf8[lower] == 0x20 { lower += 1 }
        while upper > lower, utf8[upper - 1] == 0x20 { upper -= 1 }
        guard lower < upper else { continue }
        while tokenIndex < tokens.count, tokens[tokenIndex].lowerBound < lower { tokenIndex += 1 }
        let firstToken = tokenIndex
        while tokenIndex < tokens.count, tokens[tokenIndex].upperBound <= upper { tokenIndex += 1 }
        sentences.append(
          Sentence(
            block: blockIndex, utf8Range: lower..<upper, tokenIndices: firstToken..<tokenIndex))
      }
    }
    return SegmentedText(
      extracted: extracted, text: text, blockOffsets: blockOffsets, sentences: sentences,
      tokens: tokens, citationBlocks: citationBlocks)
  }

  /// The break at `boundary`, moved past footnote marks set in superscript right after the
  /// sentence's last character ("... hosted by the district council.¹ The board ..."): they
  /// belong to the sentence they annotate. Digits ¹ ² ³ and ⁰ ⁴-⁹, followed by a space or the
  /// block's end; otherwise the break stays where it is.
  static func afterFootnoteMarks(
    _ boundary: Int, blockEnd: Int, in utf8: UnsafeBufferPointer<UInt8>
  ) -> Int {
    guard boundary > 0, utf8[boundary - 1] != 0x20 else { return boundary }
    var end = boundary
    while end + 1 < blockEnd {
      if utf8[end] == 0xC2, [0xB9, 0xB2, 0xB3].contains(utf8[end + 1]) {
        end += 2
      } else if end + 2 < blockEnd, utf8[end] == 0xE2, utf8[end + 1] == 0x81,
        utf8[end + 2] == 0xB0 || (0xB4...0xB9).contains(utf8[end + 2])
      {
        end += 3
      } else {
        break
      }
    }
    guard end > boundary, end == blockEnd || utf8[end] == 0x20 else { return boundary }
    return end
  }

  /// Whether all that follows `boundary` in its block is a bracket closing the sentence before
  /// it: a quotation's source ("... with a new logo." (Interviewee 3, local authority)"), which
  /// belongs to the quotation and is no sentence of its own. At most 80 bytes, with no other
  /// bracket, "!" or "?" inside.
  static func onlyACitationFollows(
    _ boundary: Int, blockEnd: Int, in utf8: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard boundary < blockEnd, utf8[boundary] == UInt8(ascii: "("), blockEnd - boundary <= 80
    else { return false }
    var end = blockEnd
    while end > boundary, utf8[end - 1] == 0x20 || utf8[end - 1] == UInt8(ascii: ".") { end -= 1 }
    guard end > boundary + 1, utf8[end - 1] == UInt8(ascii: ")") else { return false }
    for index in (boundary + 1)..<(end - 1) {
      let byte = utf8[index]
      if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "!")
        || byte == UInt8(ascii: "?")
      {
        return false
      }
    }
    return true
  }

  /// Whether the break at `boundary` follows a "?" or "!" (and its spaces).
  private static func followsQuestion(_ boundary: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool
  {
    var end = boundary
    while end > 0, utf8[end - 1] == 0x20 { end -= 1 }
    return end > 0 && (utf8[end - 1] == UInt8(ascii: "?") || utf8[end - 1] == UInt8(ascii: "!"))
  }

  /// ASCII letters and digits, and any byte of a non-ASCII character (letters of other scripts).
  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0xC3
  }

  /// Word tokens with those that span a break cut in two at it, the terminator before the
  /// break left out ("capacity.The", one word to ICU, is "capacity" and "The").
  static func splitting(_ tokens: [Range<Int>], at breaks: [Int]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    result.reserveCapacity(tokens.count + breaks.count)
    var breakIndex = 0
    for token in tokens {
      while breakIndex < breaks.count, breaks[breakIndex] <= token.lowerBound { breakIndex += 1 }
      var lower = token.lowerBound
      while breakIndex < breaks.count, breaks[breakIndex] < token.upperBound {
        let cut = breaks[breakIndex]
        if cut - 1 > lower { result.append(lower..<(cut - 1)) }
        lower = cut
        breakIndex += 1
      }
      if lower < token.upperBound { result.append(lower..<token.upperBound) }
    }
    return result
  }
}
