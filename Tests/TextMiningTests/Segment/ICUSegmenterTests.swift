import Testing

@testable import TextMining

@Suite struct ICUSegmenterTests {
  private func sentences(_ blocks: [String]) throws -> [String] {
    let extracted = ExtractedText(
      title: nil, blocks: blocks.map { Block(kind: .paragraph, text: $0, line: 1) })
    let segmented = try ICUSegmenter().segment(extracted)
    return segmented.sentences.map { segmented.string(utf8Range: $0.utf8Range) }
  }

  @Test func keepsAbbreviationsInsideSentences() throws {
    #expect(
      try sentences([
        "Dr. Smith chairs the LSP. Mr. Holt, e.g. the vice-chair, does not. Trust is high."
      ])
        == [
          "Dr. Smith chairs the LSP.", "Mr. Holt, e.g. the vice-chair, does not.", "Trust is high.",
        ])
  }

  @Test func aQuotationsSourceInBracketsStaysWithIt() throws {
    #expect(
      try sentences([
        "\"We had worked together for years. It was the same conversation.\" (Interviewee 3, local authority)"
      ])
        == [
          "\"We had worked together for years.",
          "It was the same conversation.\" (Interviewee 3, local authority)",
        ])
    // A bracket that opens a sentence of its own, with more after it, is left as ICU has it.
    #expect(
      try sentences(["Trust is high. (See section 4.) The board agreed."])
        == ["Trust is high.", "(See section 4.)", "The board agreed."])
  }

  @Test func aFootnoteMarkInSuperscriptStaysWithTheSentenceItAnnotates() throws {
    #expect(
      try sentences([
        "The support team is hosted by the district council.¹ The board meets monthly.²³ It has 22 members.⁴"
      ])
        == [
          "The support team is hosted by the district council.¹", "The board meets monthly.²³",
          "It has 22 members.⁴",
        ])
    // The footnote itself opens with its mark, and keeps it.
    #expect(
      try sentences(["³ A revised template was introduced in May 2005."])
        == ["³ A revised template was introduced in May 2005."])
  }

  @Test func keepsBritishTitlesAndLowerCaseAbbreviationsInside() throws {
    #expect(
      try sentences([
        "Cllr. Evans met Prof. Lee at approx. ten. It was item No. 5 of the agenda. Done."
      ])
        == [
          "Cllr. Evans met Prof. Lee at approx. ten.", "It was item No. 5 of the agenda.", "Done.",
        ])
  }

  @Test func neverCrossesABlockBoundary() throws {
    let extracted = ExtractedText(
      title: nil,
      blocks: [
        Block(kind: .heading, text: "3.2 Governance", line: 1),
        Block(kind: .paragraph, text: "the board met", line: 2),
      ])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(segmented.sentences.map(\.block) == [0, 1])
    #expect(
      segmented.sentences.map { segmented.string(utf8Range: $0.utf8Range) } == [
        "3.2 Governance", "the board met",
      ])
  }

  @Test func findsWordTokensWithoutPunctuation() throws {
    let extracted = ExtractedText(
      title: nil,
      blocks: [Block(kind: .paragraph, text: "Co-operation, partners’ trust (LSPs)!", line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(
      segmented.tokens.map { segmented.string(utf8Range: $0) } == [
        "Co", "operation", "partners", "trust", "LSPs",
      ])
  }

  /// The word filter decides most segments from their first byte and asks ICU about the rest;
  /// these are the segments where the two could disagree.
  @Test func classifiesWordSegmentsAsICUDoes() throws {
    let text =
      "The _init and x_y values, 'tis don't 2,400 $5 #tag café naïve e.g. 3.5% ©2009 ½ co-operation — fin_ ‘quoted’ 😀 ok."
    let extracted = ExtractedText(
      title: nil, blocks: [Block(kind: .paragraph, text: text, line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(
      segmented.tokens.map { segmented.string(utf8Range: $0) } == [
        "The", "_init", "and", "x_y", "values", "tis", "don't", "2,400", "5", "tag", "café",
        "naïve", "e.g", "3.5", "2009", "co",
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

  // Sentences as real reports write them.

  @Test func anUpperCaseAbbreviationEndsItsSentence() throws {
    #expect(
      try sentences([
        "It proposes a new generation of LAAs. The paper therefore seeks views. Councils have a key role to play in the LAA. "
          + "Pat Kinsella said so. Funding comes from the NRF. The VCS and the PCT agree."
      ]) == [
        "It proposes a new generation of LAAs.", "The paper therefore seeks views.",
        "Councils have a key role to play in the LAA.", "Pat Kinsella said so.",
        "Funding comes from the NRF.",
        "The VCS and the PCT agree.",
      ])
  }

  @Test func aFullStopThatLostItsSpaceStillEndsASentenceButAddressesAndNumbersStayWhole() throws {
    #expect(
      try sentences([
        "The board lacks strategic capacity.The report highlights the shortage of staff!Nobody disagreed."
      ])
        == [
          "The board lacks strategic capacity.", "The report highlights the shortage of staff!",
          "Nobody disagreed.",
        ])
    let whole =
      "See gov.uk, No.5, 3.2 per cent, the U.K. today, e.g. in Leeds, www.example.gov.uk/Plan.html and info@lsp.Org.uk now."
    #expect(try sentences([whole]) == [whole])
  }

  @Test func aLostSpaceAfterAnAbbreviationOrABracketOrBeforeInitialsStillEndsASentence() throws {
    #expect(
      try sentences([
        "The agreement was signed (LAA).Of six indicators one was red.KM explained the LAA.JW said no."
      ])
        == [
          "The agreement was signed (LAA).", "Of six indicators one was red.",
          "KM explained the LAA.", "JW said no.",
        ])
    // A file type in capitals after a file name is no sentence.
    #expect(
      try sentences(["The full report.PDF is attached."]) == ["The full report.PDF is attached."])
  }

  @Test func aSentenceThatOpensWithAFigureIsASentence() throws {
    #expect(
      try sentences([
        "Marrendale received £3.2 million over 2006-08. 2007/08 was the last full year. 12 partners came."
      ])
        == [
          "Marrendale received £3.2 million over 2006-08.", "2007/08 was the last full year.",
          "12 partners came.",
        ])
    let whole = "See para. 4 of No. 5 and pp. 41-59 of the plan (max. 30 indicators) today."
    #expect(try sentences([whole]) == [whole])
    #expect(try sentences(["4. 2007 was a hard year."]) == ["4. 2007 was a hard year."])
  }

  @Test func aNumberedRecommendationIsNoRunInHeading() throws {
    let item = "R1 That the board be reduced to no more than 15 members."
    #expect(try sentences([item]) == [item])
  }

  @Test func theWordsOfASentenceThatLostItsSpaceAreTwoTokens() throws {
    let extracted = ExtractedText(
      title: nil, blocks: [Block(kind: .paragraph, text: "strategic capacity.The report", line: 1)])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(
      segmented.tokens.map { segmented.string(utf8Range: $0) } == [
        "strategic", "capacity", "The", "report",
      ])
    #expect(segmented.sentences.map(\.tokenIndices) == [0..<2, 2..<4])
  }

  @Test func initialsInACitationOrANameEndNothing() throws {
    let citation =
      "Geddes, M., Davies, J.S. and Fuller, C. (2007) Evaluating local strategic partnerships: theory and practice of change."
    // In a reference, a question in the cited title ends nothing; its full stops do.
    let question =
      "Audit Commission (2009) Working better together? Managing local strategic partnerships."
    #expect(
      try sentences([
        citation + " Local Government Studies, 33(1), pp. 97-116.",
        question + " London: Audit Commission.",
      ])
        == [
          citation, "Local Government Studies, 33(1), pp. 97-116.", question,
          "London: Audit Commission.",
        ])
    // Prose that starts with a citation is cut as prose.
    #expect(
      try sentences(["Smith (2006) argues that LSPs lack power. The board agreed."])
        == ["Smith (2006) argues that LSPs lack power.", "The board agreed."])
    #expect(
      try sentences([
        "Cllr J. Smith chaired. As Smith et al. (2006) agree, it works. The U.K. The end came."
      ])
        == [
          "Cllr J. Smith chaired.", "As Smith et al. (2006) agree, it works.", "The U.K.",
          "The end came.",
        ])
    #expect(
      try sentences(["The bid went to Plan B. Members agreed."]) == [
        "The bid went to Plan B.", "Members agreed.",
      ])
  }

  @Test func numberingBelongsToItsHeadingOrItem() throws {
    let extracted = ExtractedText(
      title: nil,
      blocks: [
        Block(kind: .heading, text: "3. Local Area Agreement", line: 1),
        Block(kind: .heading, text: "3.2 Governance", line: 2),
        Block(kind: .paragraph, text: "4. The board agreed. It met twice.", line: 3),
        Block(kind: .listItem, text: "iv. Partners attend. Most do.", line: 4),
      ])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(
      segmented.sentences.map { segmented.string(utf8Range: $0.utf8Range) } == [
        "3. Local Area Agreement", "3.2 Governance", "4. The board agreed.", "It met twice.",
        "iv. Partners attend.", "Most do.",
      ])
  }

  @Test func aTitleOrHeadingIsOneUnitWhateverItsPunctuation() throws {
    let extracted = ExtractedText(
      title: nil,
      blocks: [
        Block(kind: .title, text: "A Seat at the Table? The Third Sector in LAAs", line: 1),
        Block(kind: .heading, text: "Local Area Agreement: how are we doing? (2007/08)", line: 2),
      ])
    let segmented = try ICUSegmenter().segment(extracted)
    #expect(segmented.sentences.count == 2)
  }

  @Test func aHeadingRunIntoItsParagraphIsAUnitOfItsOwn() throws {
    #expect(
      try sentences(["How decisions are made The board meets four times a year."])
        == ["How decisions are made", "The board meets four times a year."])
    #expect(
      try sentences(["ABSTRACT This paper compares two partnerships."]) == [
        "ABSTRACT", "This paper compares two partnerships.",
      ])
    #expect(
      try sentences(["The Local Area Agreement In March 2007 the partners signed it."])
        == ["The Local Area Agreement", "In March 2007 the partners signed it."])
    // A capitalised word inside a name is no heading's end.
    #expect(
      try sentences(["Friends of The Earth joined the board."]) == [
        "Friends of The Earth joined the board."
      ])
    // Nor is a noun after a capitalised word: it ends a name or a title-case subject.
    for whole in [
      "Hexford Partners is the local strategic partnership for the city.",
      "Hexford Partners has twenty members.",
    ] {
      #expect(try sentences([whole]) == [whole])
    }
    #expect(
      try sentences(["Who sits on the board Members are appointed each year."]) == [
        "Who sits on the board", "Members are appointed each year.",
      ])
    // Only a singular verb after the noun makes it a name's end: a one-word heading before a
    // plural subject stays a heading.
    #expect(
      try sentences(["Membership Members are drawn from the council and the police."]) == [
        "Membership", "Members are drawn from the council and the police.",
      ])
  }

  @Test func anOpeningQuoteThatLostItsSpaceStartsTheNextSentence() throws {
    #expect(
      try sentences([
        #""We moved too slowly," she said."Where we had the police with us, it worked.""#
      ])
        == [
          #""We moved too slowly," she said."#, #""Where we had the police with us, it worked.""#,
        ])
  }

  @Test func parliamentaryTitlesEndNothing() throws {
    #expect(
      try sentences(["As the hon. Member will know, my right hon. Friend agrees. The LSP met."])
        == ["As the hon. Member will know, my right hon. Friend agrees.", "The LSP met."])
  }
}
