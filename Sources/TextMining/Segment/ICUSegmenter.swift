/// Segments text with ICU's sentence and word break iterators, run once over the whole
/// document's UTF-8.
///
/// The default locale `en_GB@ss=standard` turns on ICU's abbreviation suppressions, so
/// "Dr. Okafor chaired the board." is one sentence. Block starts and ends are always sentence
/// boundaries.
public struct ICUSegmenter: Segmenter {
  /// The ICU locale ID of the break iterators.
  public var locale: String

  /// Creates a segmenter.
  public init(locale: String = "en_GB@ss=standard") {
    self.locale = locale
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
    let boundaries = segments.sentenceBoundaries
    let tokens = segments.wordRanges
    var contiguous = text
    contiguous.withUTF8 { utf8 in
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
