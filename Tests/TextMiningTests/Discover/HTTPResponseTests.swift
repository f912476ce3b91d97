import Testing

@testable import TextMining

@Suite struct HTTPResponseTests {
  /// A council's report page as a crawler stored it, with CR LF line ends.
  private static let reportPage = """
    HTTP/1.1 200 OK\r
    Date: Tue, 14 Mar 2006 09:12:40 GMT\r
    Server: Apache/2.0.54 (Unix)\r
    Content-Type: text/html; charset=ISO-8859-1\r
    Content-Length: 61\r
    \r
    <html><body><h1>Oakridge LSP annual report</h1></body></html>
    """

  @Test func readsTheFieldsInOrderAndFindsTheBody() throws {
    let bytes = Array(Self.reportPage.utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.statusCode == 200)
    #expect(response.fields.map(\.name) == ["Date", "Server", "Content-Type", "Content-Length"])
    #expect(
      response.fields.map(\.value) == [
        "Tue, 14 Mar 2006 09:12:40 GMT", "Apache/2.0.54 (Unix)", "text/html; charset=ISO-8859-1",
        "61",
      ])
    #expect(Array(bytes[response.bodyStart...]).starts(with: Array("<html><body>".utf8)))
  }

  @Test(arguments: [
    ("HTTP/1.1 200 OK", 200),
    ("HTTP/1.0 200", 200),
    ("HTTP/2 200", 200),
    ("HTTP/1.1 404 Not Found", 404),
    ("HTTP/1.0  301\tMoved Permanently", 301),
  ])
  func readsTheStatusCodeOfEachVersion(statusLine: String, code: Int) throws {
    let response = try #require(HTTPResponse.parse(Array("\(statusLine)\r\n\r\n".utf8)))
    #expect(response.statusCode == code)
  }

  @Test(arguments: [
    "HTTP/1.1 OK", "HTTP/1.1", "HTTP/1.1 2000 OK", "HTTP/1.1 20 OK", "HTTP/1.1 200OK",
  ])
  func aStatusLineWithoutAThreeDigitCodeHasNoStatusCode(statusLine: String) throws {
    let response = try #require(HTTPResponse.parse(Array("\(statusLine)\nServer: x\n\n".utf8)))
    #expect(response.statusCode == nil)
    #expect(response.values("Server") == ["x"])
  }

  @Test(arguments: [
    "",
    "<html><body>Oakridge</body></html>",
    "http/1.1 200 OK\r\n\r\n",
    "WARC/1.0\r\nWARC-Type: response\r\n\r\n",
    " HTTP/1.1 200 OK\r\n\r\n",
    "HTTP/1.1 200 OK",
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r",
  ])
  func bytesThatAreNotAWholeHeaderBlockAreRefused(text: String) {
    #expect(HTTPResponse.parse(Array(text.utf8)) == nil)
  }

  @Test func aResponseWithoutBodyEndsAtTheBlankLine() throws {
    let bytes = Array("HTTP/1.1 204 No Content\r\n\r\n".utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.statusCode == 204)
    #expect(response.fields.isEmpty)
    #expect(response.bodyStart == bytes.count)
  }

  @Test(arguments: [
    "HTTP/1.0 200 OK\nServer: oakridge-cms\nContent-Type: text/plain\n\nMinutes of the board",
    "HTTP/1.0 200 OK\r\nServer: oakridge-cms\nContent-Type: text/plain\r\n\nMinutes of the board",
    "HTTP/1.0 200 OK\nServer: oakridge-cms\r\nContent-Type: text/plain\n\r\nMinutes of the board",
  ])
  func bareLineFeedsAndMixedLineEndsAreAccepted(text: String) throws {
    let bytes = Array(text.utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.fields.map(\.name) == ["Server", "Content-Type"])
    #expect(response.values("Server") == ["oakridge-cms"])
    #expect(response.mediaType == "text/plain")
    #expect(String(decoding: bytes[response.bodyStart...], as: UTF8.self) == "Minutes of the board")
  }

  @Test func theBlankLineEndsTheHeaderBlockEvenWhenTheBodyLooksLikeFields() throws {
    let text = "HTTP/1.1 200 OK\r\nServer: a\r\n\r\nContent-Type: text/html\r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.fields.count == 1)
    #expect(response.mediaType == nil)
    #expect(response.bodyStart == 30)
  }

  @Test(arguments: ["content-type", "Content-Type", "CONTENT-TYPE", "cOnTeNt-TyPe"])
  func fieldNamesAreComparedWithoutRegardToCase(name: String) throws {
    let text = "HTTP/1.1 200 OK\r\ncontent-TYPE: text/html\r\nContent-Type: text/plain\r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.values(name) == ["text/html", "text/plain"])
    #expect(response.values("Content-Length").isEmpty)
  }

  @Test(arguments: [
    "Content-Type:text/html",
    "Content-Type: text/html",
    "Content-Type:   text/html   ",
    "Content-Type:\t text/html\t",
    "Content-Type : text/html",
  ])
  func whiteSpaceAroundTheValueIsTrimmed(line: String) throws {
    let response = try #require(
      HTTPResponse.parse(Array("HTTP/1.1 200 OK\r\n\(line)\r\n\r\n".utf8)))
    #expect(response.fields.count == 1)
    #expect(response.values("content-type") == ["text/html"])
  }

  @Test func anEmptyValueIsKept() throws {
    let text = "HTTP/1.1 200 OK\r\nX-Oakridge-Section:\r\nPragma:   \r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.values("X-Oakridge-Section") == [""])
    #expect(response.values("Pragma") == [""])
  }

  @Test func foldedLinesContinueTheValueBeforeThemJoinedByOneSpace() throws {
    let text = """
      HTTP/1.1 200 OK\r
      X-Council-Note: Oakridge Local Strategic\r
         Partnership,\r
      \tannual report\r
      Content-Type:\r
       text/html;\r
       charset=KOI8-R\r
      Server: oakridge-cms\r
      \r

      """
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.fields.map(\.name) == ["X-Council-Note", "Content-Type", "Server"])
    #expect(
      response.values("X-Council-Note") == ["Oakridge Local Strategic Partnership, annual report"])
    #expect(response.values("Content-Type") == ["text/html; charset=KOI8-R"])
    #expect(response.charset == "KOI8-R")
  }

  @Test func aFoldedLineBeforeAnyFieldIsIgnored() throws {
    let text = "HTTP/1.1 200 OK\n  stray continuation\nServer: oakridge-cms\n\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.fields.count == 1)
    #expect(response.values("Server") == ["oakridge-cms"])
  }

  @Test func linesWithoutAColonAreIgnored() throws {
    let text = """
      HTTP/1.1 200 OK\r
      Server: oakridge-cms\r
      this line has no colon\r
      : no name\r
      Content-Type: text/html\r
      \r

      """
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.fields.map(\.name) == ["Server", "Content-Type"])
  }

  @Test func headerBytesAboveASCIIAreKeptOneScalarPerByte() throws {
    // "Comit\xE9 de Oakridge" in Latin-1, then "é" in UTF-8 (two bytes, so two scalars), then an
    // invalid UTF-8 byte on its own.
    let value: [UInt8] =
      Array("Comit".utf8) + [0xE9] + Array(" de Oakridge ".utf8) + [0xC3, 0xA9, 0x20, 0xFF]
    let bytes =
      Array("HTTP/1.1 200 OK\r\nX-Author: ".utf8) + value + Array("\r\nX-\u{00}".utf8) + [0xB5]
      + Array(": mu\r\n\r\n".utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    let author = try #require(response.values("x-author").first)
    #expect(author.unicodeScalars.map(\.value) == value.map(UInt32.init))
    #expect(author == "Comité de Oakridge Ã© ÿ")
    #expect(response.fields[1].name.unicodeScalars.map(\.value) == [0x58, 0x2D, 0x00, 0xB5])
  }

  @Test func listGivesTheElementsOfEveryOccurrenceTrimmedAndLowercased() throws {
    let text = """
      HTTP/1.1 200 OK\r
      Transfer-Encoding: gzip\r
      Vary: Accept-Encoding\r
      transfer-encoding:  Chunked\r
      Content-Language: en-GB, , CY ,,\r
      Cache-Control: private, No-Cache="Set-Cookie, X-Session"\r
      \r

      """
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.list("Transfer-Encoding") == ["gzip", "chunked"])
    #expect(response.list("content-language") == ["en-gb", "cy"])
    #expect(response.list("Cache-Control") == ["private", "no-cache=\"set-cookie, x-session\""])
    #expect(response.list("Content-Encoding").isEmpty)
  }

  @Test(arguments: [
    (["Transfer-Encoding: chunked"], ["chunked"]),
    (["Transfer-Encoding:chunked"], ["chunked"]),
    (["Transfer-Encoding: Chunked"], ["chunked"]),
    (["TRANSFER-ENCODING: CHUNKED"], ["chunked"]),
    (["Transfer-Encoding: gzip, chunked"], ["gzip", "chunked"]),
    (["Transfer-Encoding: gzip", "Transfer-Encoding: chunked"], ["gzip", "chunked"]),
    (["Transfer-Encoding: gzip,", " chunked"], ["gzip", "chunked"]),
    ([], []),
  ])
  func transferCodingsReadEveryWayServersWriteThem(lines: [String], codings: [String]) throws {
    let header = (["HTTP/1.1 200 OK"] + lines + ["", ""]).joined(separator: "\r\n")
    let response = try #require(HTTPResponse.parse(Array(header.utf8)))
    #expect(response.transferCodings == codings)
  }

  @Test(arguments: [
    (["Content-Encoding: gzip"], ["gzip"]),
    (["Content-Encoding: identity"], []),
    (["Content-Encoding: Identity, GZIP"], ["gzip"]),
    (["content-encoding: x-gzip", "Content-Encoding: deflate"], ["x-gzip", "deflate"]),
    ([], []),
  ])
  func contentCodingsLeaveOutIdentity(lines: [String], codings: [String]) throws {
    let header = (["HTTP/1.1 200 OK"] + lines + ["", ""]).joined(separator: "\r\n")
    let response = try #require(HTTPResponse.parse(Array(header.utf8)))
    #expect(response.contentCodings == codings)
  }

  @Test(arguments: [
    ("text/html", "text/html"),
    ("Text/HTML ; Charset=\"KOI8-R\"", "text/html"),
    ("  application/xhtml+xml;charset=utf-8", "application/xhtml+xml"),
    ("TEXT/PLAIN", "text/plain"),
    ("text/html\t;", "text/html"),
    ("", nil),
    ("html", nil),
    ("text/", nil),
    ("; charset=utf-8", nil),
  ])
  func theMediaTypeIsTypeAndSubtypeInLowerCase(contentType: String, mediaType: String?) throws {
    let text = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.mediaType == mediaType)
  }

  @Test func theLastContentTypeFieldCounts() throws {
    let text = """
      HTTP/1.1 200 OK\r
      Content-Type: text/plain; charset=us-ascii\r
      Server: oakridge-cms\r
      Content-Type: text/html; charset=Shift_JIS\r
      \r

      """
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.mediaType == "text/html")
    #expect(response.charset == "Shift_JIS")
  }

  @Test func aResponseWithoutContentTypeHasNoMediaTypeOrCharset() throws {
    let response = try #require(HTTPResponse.parse(Array("HTTP/1.1 200 OK\n\n".utf8)))
    #expect(response.mediaType == nil)
    #expect(response.charset == nil)
  }

  @Test(arguments: [
    ("text/html; charset=KOI8-R", "KOI8-R"),
    ("text/html;charset=koi8-r", "koi8-r"),
    ("Text/HTML ; Charset=\"KOI8-R\"", "KOI8-R"),
    ("text/html; CHARSET=Shift_JIS", "Shift_JIS"),
    ("text/html; charset=\"Shift_JIS\"; format=flowed", "Shift_JIS"),
    ("text/html; charset = windows-1252 ", "windows-1252"),
    ("text/html; charset=\" UTF-8 \"", "UTF-8"),
    ("text/html; charset=\"KOI8\\-R\"", "KOI8-R"),
    ("text/html; charset=\"utf-8", "utf-8"),
    ("text/html; title=\"Oakridge; LSP\"; charset=ISO-8859-1", "ISO-8859-1"),
    ("text/html; title=\"a \\\"quoted; charset=x\\\" name\"; charset=EUC-JP", "EUC-JP"),
    ("text/html; charset=\"Big5\" trailing; level=1", "Big5"),
    ("text/html; level; charset=GB2312", "GB2312"),
    ("text/html; charset=UTF-8; charset=ISO-8859-1", "UTF-8"),
    ("text/html;;; charset=utf-8", "utf-8"),
  ])
  func theCharsetIsReadAsWritten(contentType: String, charset: String) throws {
    let text = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.charset == charset)
  }

  @Test(arguments: [
    "text/html",
    "text/html;",
    "text/html; charset=",
    "text/html; charset=\"\"",
    "text/html; charset=  ",
    "text/html; level=1",
    "text/html; xcharset=utf-8",
    "text/html; title=\"x; charset=utf-8\"",
    "text/html; charset",
  ])
  func aMissingOrEmptyCharsetIsNil(contentType: String) throws {
    let text = "HTTP/1.1 200 OK\r\nContent-Type: \(contentType)\r\n\r\n"
    let response = try #require(HTTPResponse.parse(Array(text.utf8)))
    #expect(response.charset == nil)
  }

  @Test func aCharsetWrittenInLatin1IsKeptByteForByte() throws {
    let bytes =
      Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"x".utf8) + [0xE9]
      + Array("\"\r\n\r\n".utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.charset?.unicodeScalars.map(\.value) == [0x78, 0xE9])
  }

  @Test(arguments: [
    "1A\r\nOakridge partnership board\r\n0\r\n\r\n",
    "1a\r\nOakridge partnership board\r\n0\r\n\r\n",
    "001a\r\nOakridge partnership board\r\n0\r\n\r\n",
    "1a  \r\nOakridge partnership board\r\n0\r\n\r\n",
    "1a\t\nOakridge partnership board\n0\n\n",
    "1a\nOakridge partnership board\n0\n",
    "1a;name=value\r\nOakridge partnership board\r\n0\r\n\r\n",
    "1a ; name=\"quoted value\"; other\r\nOakridge partnership board\r\n0;last\r\n\r\n",
    "8\r\nOakridge\r\n12\r\n partnership board\r\n0\r\n\r\n",
    "8\nOakridge\r\nc\r\n partnership\n6\r\n board\n0\r\n",
    "1a\r\nOakridge partnership board\r\n0\r\nExpires: never\r\nX-Trailer: a\r\n\r\n",
    "1a\r\nOakridge partnership board\r\n0\r\ngarbage after the last chunk",
    "1a\r\nOakridge partnership board\r\n0",
  ])
  func dechunkJoinsTheChunksData(body: String) throws {
    let data = try #require(HTTPResponse.dechunk(Array(body.utf8)[...]))
    #expect(String(decoding: data, as: UTF8.self) == "Oakridge partnership board")
  }

  @Test(arguments: [
    "8\r\nOakridge\r\n12\r\n partnership board\r\n",
    "8\r\nOakridge\r\n12\r\n partnership board",
    "8\r\nOakridge\r\n12\r\n partnership board\r",
  ])
  func aBodyCutShortAfterACompleteChunkGivesWhatWasRead(body: String) throws {
    let data = try #require(HTTPResponse.dechunk(Array(body.utf8)[...]))
    #expect(String(decoding: data, as: UTF8.self) == "Oakridge partnership board")
  }

  @Test func anEmptyBodyDechunksToNothing() throws {
    #expect(try #require(HTTPResponse.dechunk([])).isEmpty)
    #expect(try #require(HTTPResponse.dechunk(Array("0\r\n\r\n".utf8)[...])).isEmpty)
  }

  @Test(arguments: [
    "<html><body>Oakridge</body></html>",
    "1g\r\nOakridge\r\n0\r\n\r\n",
    "0x8\r\nOakridge\r\n0\r\n\r\n",
    " 8\r\nOakridge\r\n0\r\n\r\n",
    "\r\n8\r\nOakridge\r\n0\r\n\r\n",
    "-8\r\nOakridge\r\n0\r\n\r\n",
    "8 x\r\nOakridge\r\n0\r\n\r\n",
    "8\rOakridge\r\n0\r\n\r\n",
    "8\r\nOakridge partnership\r\n0\r\n\r\n",
    "8\r\nOakridgeX\r\n0\r\n\r\n",
    "8\r\nOakridge\r\rn0\r\n\r\n",
    "8\r\nOakridge\r\n12\r\n partnership",
    "8\r\nOakridge\r\n12",
    "8\r\nOakridge\r\n12;ext",
    "20\r\nOakridge\r\n0\r\n\r\n",
  ])
  func aBodyThatIsNotValidlyChunkedGivesNil(body: String) {
    #expect(HTTPResponse.dechunk(Array(body.utf8)[...]) == nil)
  }

  @Test(arguments: [
    "10000000000000000\r\nOakridge\r\n0\r\n\r\n",
    "ffffffffffffffff\r\nOakridge\r\n0\r\n\r\n",
    "7fffffffffffffff\r\nOakridge\r\n0\r\n\r\n",
    "8000000000000000\r\nOakridge\r\n0\r\n\r\n",
    String(repeating: "F", count: 400) + "\r\nOakridge\r\n0\r\n\r\n",
    "8\r\nOakridge\r\nfffffffffffffff8\r\nmore\r\n0\r\n\r\n",
  ])
  func aSizeThatOverflowsOrRunsPastTheEndGivesNil(body: String) {
    #expect(HTTPResponse.dechunk(Array(body.utf8)[...]) == nil)
  }

  @Test func dechunkReadsTheBodyInPlaceAfterTheHeaderBlock() throws {
    let text = """
      HTTP/1.1 200 OK\r
      Server: oakridge-cms\r
      Content-Type: text/html; charset=utf-8\r
      Transfer-Encoding:chunked\r
      \r
      14\r
      <p>Oakridge LSP</p>\n\r
      1F\r
      <p>Partnership board report</p>\r
      0\r
      \r

      """
    let bytes = Array(text.utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.transferCodings == ["chunked"])
    let body = try #require(HTTPResponse.dechunk(bytes[response.bodyStart...]))
    #expect(
      String(decoding: body, as: UTF8.self)
        == "<p>Oakridge LSP</p>\n<p>Partnership board report</p>")
  }

  @Test func dechunkKeepsEveryByteOfTheData() throws {
    let data: [UInt8] = (0...255).map { UInt8($0) } + [0x0D, 0x0A, 0x30, 0x0D, 0x0A]
    let body = Array("105\r\n".utf8) + data + Array("\r\n0\r\n\r\n".utf8)
    #expect(HTTPResponse.dechunk(body[...]) == data)
  }

  /// Sizes that catch a parser or dechunker that goes back over what it read: both finish at
  /// once when each byte is read once, and take minutes when not.
  @Test func manyHeaderLinesAndALargeChunkedBodyAreReadWhole() throws {
    var header = "HTTP/1.1 200 OK\r\n"
    for number in 0..<100_000 {
      header += number.isMultiple(of: 2) ? "X-Line-\(number): \(number)\r\n" : " folded\r\n"
    }
    let bytes = Array((header + "Content-Type: text/html\r\n\r\nbody").utf8)
    let response = try #require(HTTPResponse.parse(bytes))
    #expect(response.fields.count == 50_001)
    #expect(response.values("x-line-99998") == ["99998 folded"])
    #expect(response.mediaType == "text/html")
    #expect(bytes.count - response.bodyStart == 4)

    let chunk = [UInt8](repeating: 0x61, count: 4096)
    var body: [UInt8] = []
    for _ in 0..<2_048 { body += Array("1000\r\n".utf8) + chunk + [0x0D, 0x0A] }
    for _ in 0..<100_000 { body += Array("1\nb\n".utf8) }
    let data = try #require(HTTPResponse.dechunk(body[...]))
    #expect(data.count == 2_048 * 4096 + 100_000)
  }

  @Test func anUnendedHeaderBlockOfManyLinesIsRefused() {
    let bytes = Array(("HTTP/1.1 200 OK\n" + String(repeating: "X-A: b\n", count: 100_000)).utf8)
    #expect(HTTPResponse.parse(bytes) == nil)
  }
}
