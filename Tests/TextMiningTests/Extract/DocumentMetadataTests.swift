import Testing

@testable import TextMining

@Suite struct DocumentMetadataTests {
  @Test(arguments: [
    ("2019-11-20T07:00:28Z", "2019-11-20"), ("Published 20 January 2006", "2006-01-20"),
    ("January 20, 2006", "2006-01-20"), ("Nov 20 2019, 6:21 AM", "2019-11-20"),
    ("20/01/2006", "2006-01-20"),
    ("Minutes, 27 November 2008", "2008-11-27"),
    ("Ref 12006-01-20, issued 2006-02-03", "2006-02-03"),
    ("Meeting held on 3/7/2005 at 10am", "2005-07-03"), ("Updated:2010-04-01", "2010-04-01"),
  ])
  func readsDatesAsDocumentsWriteThem(text: String, expected: String) {
    #expect(MetadataReading.date(from: text) == expected)
  }

  @Test(arguments: [
    "The board may meet in 2006.", "Item 4: 31 members", "99 Foo 2006", "2006-13-45",
    "Item 123/4/2006", "Form 1/2/20061", "1806-01-20",
  ])
  func guessesNoDateWhereNoneIsWritten(text: String) {
    #expect(MetadataReading.date(from: text) == nil)
  }

  @Test func removesTheSiteNameFromATitle() {
    #expect(
      MetadataReading.cleanTitle("LSP review | Kelbrook Borough Council", hints: []) == "LSP review"
    )
    #expect(
      MetadataReading.cleanTitle(
        "News – Kelbrook LSP agrees its plan", hints: ["Kelbrook LSP agrees its plan"])
        == "Kelbrook LSP agrees its plan")
    #expect(MetadataReading.cleanTitle("Plain title", hints: []) == "Plain title")
  }

  @Test func readsTheMetadataAPageStates() throws {
    let html = """
      <html lang="en-GB"><head><title>Board news | Kelbrook Council</title>
      <meta property="og:title" content="Board agrees the new community strategy">
      <meta name="author" content="By Amara Osei">
      <meta property="article:published_time" content="2006-01-20T09:30:00Z">
      <link rel="canonical" href="https://example.org/news/board"></head>
      <body><h1>Board agrees strategy</h1><p>The board met on 3 March 2006 and agreed the community strategy.</p></body></html>
      """
    let extracted = try HTMLTextExtractor().extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(
      extracted.metadata
        == DocumentMetadata(
          title: "Board agrees the new community strategy", published: "2006-01-20",
          author: "Amara Osei",
          language: "en-GB", url: "https://example.org/news/board"))
  }

  @Test func fallsBackToTheHeadingAndToADateInTheText() throws {
    let html =
      "<title>Board news | Kelbrook Council</title><h1>Board news</h1><p>Kelbrook, 20 January 2006. The LSP met.</p>"
    let extracted = try HTMLTextExtractor().extractText(
      from: DecodedDocument(text: html, format: .html, encoding: "UTF-8"))
    #expect(extracted.metadata == DocumentMetadata(title: "Board news", published: "2006-01-20"))
  }
}
