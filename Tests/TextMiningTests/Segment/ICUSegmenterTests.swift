import Testing

@testable import TextMining

@Suite struct ICUSegmenterTests {
  private func sentences(_ blocks: [String]) throws -> [String] {
    let extracted = ExtractedText(title: nil, blocks: blocks.map { Block(kind: .paragraph, text: $0, line: 1) })
    let segmented = try ICUSegmenter().segment(extracted)
    return segmented.sentences.map { segmented.string(utf8Range: $0.utf8Range) }
  }

  @Test func keepsAbbreviationsInsideSentences() throws {
    #expect(
      try sentences(["Dr. Smith chairs the LSP. Mr. Holt, e.g. the vice-chair, does not. Trust is high."])
        == ["Dr. Smith chairs the LSP.", "Mr. Holt, e.g. the vice-chair, does not.", "Trust is high."])
  }

  @Test func keepsBritishTitlesAndLowerCaseAbbreviationsInside() throws {
    #expect(
      try sentences(["Cllr. Evans met Prof. Lee at approx. ten. It was item No. 5 of the agenda. Done."])
        == ["Cllr. Evans met Prof. Lee at approx. ten.", "It was item No. 5 of the agenda.", "Done."])
  }

  @Test func neverCrossesABlockBoundary() throws {
    let extracted = ExtractedText(
      title: nil,
      blocks: [Block(kind: .heading, text: "3.2 Governance", line: 1), Block(kind: .paragraph, text: "the board met", line: 2)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(segmented.sentences.map(\.block) == [0, 1])
    #expect(segmented.sentences.map { segmented.string(utf8Range: $0.utf8Range) } == ["3.2 Governance", "the board met"])
  }

  @Test func findsWordTokensWithoutPunctuation() throws {
    let extracted = ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: "Co-operation, partners’ trust (LSPs)!", line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(segmented.tokens.map { segmented.string(utf8Range: $0) } == ["Co", "operation", "partners", "trust", "LSPs"])
  }

  /// The word filter decides most segments from their first byte and asks ICU about the rest;
  /// these are the segments where the two could disagree.
  @Test func classifiesWordSegmentsAsICUDoes() throws {
    let text = "The _init and x_y values, 'tis don't 2,400 $5 #tag café naïve e.g. 3.5% ©2009 ½ co-operation — fin_ ‘quoted’ 😀 ok."
    let extracted = ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: text, line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(
      segmented.tokens.map { segmented.string(utf8Range: $0) } == [
        "The", "_init", "and", "x_y", "values", "tis", "don't", "2,400", "5", "tag", "café", "naïve", "e.g", "3.5", "2009", "co",
        "operation", "fin_", "quoted", "ok",
      ])
  }

  @Test func handlesEmojiCombiningMarksAndRightToLeftText() throws {
    let found = try sentences(["Cafe\u{301} 🤝 partners. الشراكة المحلية. Done."])
    #expect(found == ["Cafe\u{301} 🤝 partners.", "الشراكة المحلية.", "Done."])
  }

  @Test func segmentsEmptyInput() throws {
    #expect(try sentences([]).isEmpty)
  }
}
