import Testing

@testable import TextMining

@Suite struct PlainTextExtractorTests {
  private func extract(_ text: String) throws -> ExtractedText {
    try PlainTextExtractor().extractText(from: DecodedDocument(text: text, format: .plainText, encoding: "UTF-8"))
  }

  @Test func joinsHardWrappedLinesAndHyphenatedWords() throws {
    let decoded = try CharsetDecoder().decode(try Fixtures.bytes("text/hard-wrapped.txt"), format: .plainText)
    let extracted = try PlainTextExtractor().extractText(from: decoded)
    #expect(
      extracted.texts == [
        "Harbury Partnership Review 2004",
        "1 Introduction",
        "This review looks at the Harbury Local Strategic Partnership and the way its members work together. "
          + "There is a long tradition of co-operation between the council and the police, and the partner-ships "
          + "that grew from it are valued by residents and officers alike.",
        "Present:", "Cllr. A. Jones", "Dr. B. Patel",
        "The board agreed its terms of reference and asked the executive group to report on the Local Area Agreement.",
        "Resources remain tight.",
      ])
    #expect(extracted.title == "Harbury Partnership Review 2004")
    #expect(extracted.blocks.map(\.line) == [1, 3, 5, 10, 11, 12, 14, 16])
    #expect(extracted.blocks[6].kind == .listItem)
  }

  @Test func readsWindowsLineEndings() throws {
    let decoded = try CharsetDecoder().decode(try Fixtures.bytes("text/crlf.txt"), format: .plainText)
    let extracted = try PlainTextExtractor().extractText(from: decoded)
    #expect(extracted.texts == ["CRLF report", "The tradition of co-operation is long."])
  }

  @Test func treatsLinesOfOnlySpacesAsBlank() throws {
    #expect(try extract("Title\n   \nFirst paragraph.\n \t \nSecond paragraph.").texts.count == 3)
  }

  @Test func writesBlocksSeparatedByBlankLines() throws {
    let extracted = try extract("Title\n\nOne.\n\nTwo.")
    #expect(extracted.text == "Title\n\nOne.\n\nTwo.\n")
    #expect(extracted.blockUTF8Offsets == [0, 7, 13])
  }

  @Test func refusesWhiteSpaceOnlyText() {
    #expect(throws: ExtractionError.noText) { try extract("  \n\t\n") }
  }
}
