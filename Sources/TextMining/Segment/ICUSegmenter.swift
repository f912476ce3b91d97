/// Segments text with ICU's sentence and word break iterators, run once over the whole
/// document's UTF-8.
///
/// The default locale `en_GB@ss=standard` turns on ICU's abbreviation suppressions. ICU's list
/// misses titles common in British reports ("Dr.", "Cllr."), so the segmenter also drops a break
/// after a title from `titles`, and after a word from `abbreviations` when a lower-case letter or a
/// digit follows ("e.g. the chair", "No. 5"). Block starts and ends are always sentence
/// boundaries.
public struct ICUSegmenter: Segmenter {
  /// The ICU locale ID of the break iterators.
  public var locale: String
  /// Words that, followed by a full stop, never end a sentence ("Dr. Okafor").
  public var titles: Set<String>
  /// Words that, followed by a full stop, end no sentence when lower case or a digit follows.
  public var abbreviations: Set<String>

  /// Titles that precede a name.
  public static let defaultTitles: Set<String> = [
    "Dr", "Mr", "Mrs", "Ms", "Mx", "Cllr", "Cllrs", "Prof", "Rev", "Revd", "Hon", "Rt", "St", "Sr", "Jr", "Capt",
    "Col", "Gen", "Lt", "Sgt", "Supt", "Insp", "Det", "Sir", "Dame", "Messrs",
  ]

  /// Abbreviations that end no sentence when the text goes on in lower case.
  public static let defaultAbbreviations: Set<String> = [
    "e.g", "i.e", "approx", "cf", "vs", "etc", "No", "Nos", "no", "para", "paras", "p", "pp", "Fig", "fig", "Vol",
    "vol", "Dept", "dept", "Co", "Ltd", "Inc", "ca", "c", "est", "incl", "min", "max", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  ]

  /// Creates a segmenter.
  public init(
    locale: String = "en_GB@ss=standard", titles: Set<String> = defaultTitles,
    abbreviations: Set<String> = defaultAbbreviations
  ) {
    self.locale = locale
    self.titles = titles
    self.abbreviations = abbreviations
  }

  /// Longer than any title or abbreviation, with its opening brackets and quotes (bytes).
  static let longestWord = 24

  /// Whether an ICU sentence break at `boundary` follows an abbreviation and should go.
  ///
  /// The scans back from the boundary are bounded (`longestWord` bytes): titles and
  /// abbreviations are short, and an unbounded scan made text such as "1.A1.A1.A..." (a break
  /// after every "1.") quadratic: 300 KB of it took 20 seconds.
  private func isAfterAbbreviation(_ boundary: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = boundary
    while end > 0, boundary - end < Self.longestWord, utf8[end - 1] == 0x20 { end -= 1 }
    guard end > 0, utf8[end - 1] == UInt8(ascii: ".") else { return false }
    var start = end - 1
    while start > 0, end - start <= Self.longestWord, utf8[start - 1] != 0x20, utf8[start - 1] != 0x0A { start -= 1 }
    guard end - start <= Self.longestWord else { return false }
    while start < end - 1, "([\"'".utf8.contains(utf8[start]) { start += 1 }
    let word = String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<(end - 1)]), as: UTF8.self)
    if titles.contains(word) { return true }
    guard abbreviations.contains(word) else { return false }
    var next = boundary
    while next < utf8.count, utf8[next] == 0x20 { next += 1 }
    guard next < utf8.count else { return false }
    let byte = utf8[next]
    return (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
  }

  public func segment(_ extracted: ExtractedText) throws(SegmentationError) -> SegmentedText {
    let text = extracted.text
    let blockOffsets = extracted.blockUTF8Offsets
    guard let segments = ICU.segments(of: text, locale: locale) else {
      throw .icuFailed(locale: locale)
    }
    var sentences: [Sentence] = []
    var boundaryIndex = 0
    var tokenIndex = 0
    let tokens = segments.wordRanges
    var contiguous = text
    contiguous.withUTF8 { utf8 in
      let boundaries = segments.sentenceBoundaries.filter { !isAfterAbbreviation($0, in: utf8) }
      for (blockIndex, block) in extracted.blocks.enumerated() {
        let blockStart = blockOffsets[blockIndex]
        let blockEnd = blockStart + block.text.utf8.count
        var start = blockStart
        while boundaryIndex < boundaries.count, boundaries[boundaryIndex] <= blockStart { boundaryIndex += 1 }
        while start < blockEnd {
          var end = blockEnd
          if boundaryIndex < boundaries.count, boundaries[boundaryIndex] < blockEnd {
            end = boundaries[boundaryIndex]
            boundaryIndex += 1
          }
          var lower = start
          var upper = end
          while lower < upper, utf8[lower] == 0x20 { lower += 1 }
          while upper > lower, utf8[upper - 1] == 0x20 { upper -= 1 }
          if lower < upper {
            while tokenIndex < tokens.count, tokens[tokenIndex].lowerBound < lower { tokenIndex += 1 }
            let firstToken = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].upperBound <= upper { tokenIndex += 1 }
            sentences.append(Sentence(block: blockIndex, utf8Range: lower..<upper, tokenIndices: firstToken..<tokenIndex))
          }
          start = end
        }
      }
    }
    return SegmentedText(
      extracted: extracted, text: text, blockOffsets: blockOffsets, sentences: sentences, tokens: tokens)
  }
}
