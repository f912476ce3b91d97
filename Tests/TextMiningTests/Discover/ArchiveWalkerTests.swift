import Foundation
import Testing

@testable import TextMining

/// Archives as sources: every format, nesting, names as people make them, WARC records and HTTP
/// as servers write it, bombs, traversal names and damage. The fixtures are written by
/// `Scripts/make-archive-fixtures.py`.
@Suite struct ArchiveWalkerTests {
  struct Walk {
    var members: [ArchiveMember] = []
    var failures: [DocumentFailure] = []
    var sources: [String] { members.map(\.source) }
    func text(_ source: String) -> String? {
      members.first { $0.source == source }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
    func member(_ source: String) -> ArchiveMember? { members.first { $0.source == source } }
  }

  private func walk(
    _ name: String, maxMemberBytes: Int = 1_000_000, maxArchiveBytes: Int = 100_000_000,
    maxMembers: Int = 1000, maxDepth: Int = 3, path: String? = nil,
    include: [String] = ["**/*.html", "**/*.txt"], exclude: [String] = []
  ) throws -> Walk {
    let includes = try include.map { try GlobPattern($0) }
    let excludes = try exclude.map { try GlobPattern($0) }
    let filter = MemberFilter(
      includes: { name in includes.contains { $0.matches(name) } },
      excludes: { name, source in excludes.contains { $0.matches(name) || $0.matches(source) } })
    let archive = SourceFile(
      source: "archives/" + name, path: path ?? Fixtures.path("archives/" + name))
    let walker = ArchiveWalker(
      archive: archive,
      limits: ArchiveLimits(
        maxMemberBytes: maxMemberBytes, maxArchiveBytes: maxArchiveBytes, maxMembers: maxMembers,
        maxDepth: maxDepth),
      filter: filter)
    var result = Walk()
    for item in walker {
      switch item {
      case .member(let member): result.members.append(member)
      case .failure(let failure): result.failures.append(failure)
      }
    }
    return result
  }

  @Test(arguments: ["reports.zip", "reports.tar", "reports.tgz", "reports.tar.gz"])
  func membersOfEachArchiveFormatAreDocumentsNamedArchiveBangMember(name: String) throws {
    let result = try walk(name)
    #expect(result.failures.isEmpty)
    #expect(
      result.sources == [
        "archives/\(name)!/reports/board-note.txt", "archives/\(name)!/reports/news.html",
      ])
    #expect(
      result.text("archives/\(name)!/reports/board-note.txt")?.hasPrefix(
        "Thornbury LSP board note") == true)
    #expect(
      result.text("archives/\(name)!/reports/news.html")?.contains("mutual trust") == true)
  }

  @Test func aCompressedFileIsOneDocumentNamedWithoutItsSuffix() throws {
    let result = try walk("board-note.txt.gz")
    #expect(result.failures.isEmpty)
    #expect(result.sources == ["archives/board-note.txt.gz!/board-note.txt"])
    #expect(result.text(result.sources[0])?.hasSuffix("lacks transparency.\n") == true)
  }

  @Test(arguments: ["crawl.warc", "crawl.warc.gz"])
  func webArchiveResponsesOfHTMLAndResourcesAreDocumentsNamedByTheirURI(name: String) throws {
    let result = try walk(name)
    #expect(result.failures.isEmpty)
    // The request, the image and the redirect are not documents.
    let page = "archives/\(name)!/http://www.thornbury-lsp.example/news/leadership"
    let resource = "archives/\(name)!/file:///archive/minutes/2007-03.txt"
    #expect(result.sources == [page, resource])
    #expect(
      result.member(page)?.declared == DeclaredContent(mediaType: "text/html", charset: "utf-8"))
    let html = try #require(result.text(page))
    #expect(html.hasPrefix("<html><head><title>Thornbury news</title>"))
    #expect(html.hasSuffix("</html>"))
    #expect(result.text(resource)?.hasPrefix("Thornbury LSP board note") == true)
  }

  @Test func aWebArchiveRecordOverTheLimitIsReportedAndSkipped() throws {
    let result = try walk("crawl.warc", maxMemberBytes: 100)
    #expect(
      result.failures.map(\.source).contains(
        "archives/crawl.warc!/http://www.thornbury-lsp.example/news/leadership"))
    #expect(result.failures.allSatisfy { $0.reason.contains("over the size limit of 100 bytes") })
    #expect(result.sources == ["archives/crawl.warc!/file:///archive/minutes/2007-03.txt"])
  }

  @Test func aMemberThatExpandsPastTheLimitIsReportedAndTheRestIsRead() throws {
    let result = try walk("bomb.zip", maxMemberBytes: 1_000_000)
    #expect(result.failures.map(\.source) == ["archives/bomb.zip!/huge.txt"])
    #expect(
      result.failures.first?.reason.contains("beyond the size limit of 1000000 bytes") == true)
    #expect(result.sources == ["archives/bomb.zip!/small.txt"])
  }

  @Test func anArchiveThatExpandsPastItsTotalLimitStops() throws {
    let result = try walk("bomb.zip", maxMemberBytes: 50_000_000, maxArchiveBytes: 2_000_000)
    #expect(result.members.isEmpty)
    #expect(result.failures.map(\.source) == ["archives/bomb.zip"])
    #expect(result.failures.first?.reason.contains("limits.max_archive_bytes") == true)
  }

  @Test func memberNamesThatLeaveTheArchiveAreReportedAndSkipped() throws {
    let result = try walk("traversal.tar")
    #expect(result.sources == ["archives/traversal.tar!/safe/note.txt"])
    #expect(
      result.failures.map(\.source).sorted() == [
        "archives/traversal.tar!/../escaped.txt", "archives/traversal.tar!//etc/absolute.txt",
      ])
  }

  @Test func aDamagedArchiveIsReportedByName() throws {
    let result = try walk("damaged.zip")
    #expect(result.members.isEmpty)
    // The truncated member is reported, then the archive itself; each names its source.
    #expect(!result.failures.isEmpty)
    #expect(
      result.failures.allSatisfy {
        $0.source.hasPrefix("archives/damaged.zip") && !$0.reason.isEmpty
      })
    #expect(result.failures.map(\.reason).joined().contains("runcated"))
  }

  @Test func aTruncatedWebArchiveKeepsWhatWasReadAndReportsTheRest() throws {
    let folder = try TemporaryFolder()
    let whole = try Fixtures.bytes("archives/crawl.warc")
    let cut = try folder.write("cut.warc", bytes: Array(whole.prefix(whole.count - 60)))
    let result = try walk("cut.warc", path: cut)
    #expect(
      result.sources == ["archives/cut.warc!/http://www.thornbury-lsp.example/news/leadership"])
    #expect(result.failures.map(\.source) == ["archives/cut.warc"])
    #expect(result.failures.first?.reason.contains("ends inside a record") == true)
  }

  @Test func archiveNamesAreRecognisedByTheirEnding() {
    for name in ["a.zip", "b.TAR", "c.tar.gz", "d.tgz", "e.txt.gz", "f.warc", "g.warc.gz"] {
      #expect(ArchiveWalker.isArchive(name), "\(name)")
    }
    for name in ["a.html", "zip.txt", "archive.zipx"] {
      #expect(!ArchiveWalker.isArchive(name), "\(name)")
    }
  }

  // MARK: Archives as people make them

  @Test func unicodeNamesAreReadAsUTF8AndCodePage437NamesAsTheZipFormatSays() throws {
    let result = try walk("mac.zip")
    #expect(result.failures.isEmpty)
    #expect(
      result.sources == [
        "archives/mac.zip!/minutes/café.html", "archives/mac.zip!/minutes/report – 2005.html",
        "archives/mac.zip!/minutes/café-cp437.txt", "archives/mac.zip!/minutes/agenda.txt",
        "archives/mac.zip!/minutes/agenda.txt~2",
      ])
    #expect(result.text("archives/mac.zip!/minutes/café.html")?.contains("met at the café") == true)
  }

  @Test func macResourceForksAndHiddenMembersAreSkippedAsHiddenFilesAre() throws {
    let result = try walk("mac.zip")
    #expect(!result.sources.contains { $0.contains("__MACOSX") || $0.contains("/.") })
    #expect(ArchiveWalker.isHidden("__MACOSX/minutes/._café.html"))
    #expect(ArchiveWalker.isHidden("minutes/.DS_Store"))
    #expect(ArchiveWalker.isHidden(".hidden/secret.html"))
    #expect(!ArchiveWalker.isHidden("minutes/agenda.txt"))
  }

  @Test func aNameGivenTwiceInOneArchiveKeepsBothMembersUnderUniqueNames() throws {
    let result = try walk("duplicate.tar")
    #expect(
      result.sources == [
        "archives/duplicate.tar!/minutes.txt", "archives/duplicate.tar!/minutes.txt~2",
      ])
    #expect(result.text("archives/duplicate.tar!/minutes.txt~2")?.contains("now has") == true)
  }

  @Test func aNameThatIsNotUTF8IsReportedOutsideZips() {
    #expect(LibArchiveLevel.decodeName([0x63, 0x61, 0x66, 0x82], isZip: true) == "café")
    #expect(LibArchiveLevel.decodeName([0x63, 0x61, 0x66, 0x82], isZip: false) == nil)
    #expect(LibArchiveLevel.escaped([0x63, 0x82]) == "c\\x82")
  }

  @Test func archivesInsideArchivesAreExpandedInPlaceToTheDepthLimit() throws {
    let result = try walk("nested.zip")
    #expect(
      result.sources == [
        "archives/nested.zip!/inner.zip!/board/minutes.html",
        "archives/nested.zip!/bundle.tgz!/notes/note.txt",
        "archives/nested.zip!/top.txt",
      ])
    #expect(
      result.text("archives/nested.zip!/bundle.tgz!/notes/note.txt")?.contains("lacks capacity")
        == true)
    // deep.zip (2) holds deeper.zip (3), which holds deepest.zip (4): one too deep.
    #expect(
      result.failures.map(\.source) == ["archives/nested.zip!/deep.zip!/deeper.zip!/deepest.zip"])
    #expect(result.failures.first?.reason.contains("limits.max_archive_depth") == true)
    let shallow = try walk("nested.zip", maxDepth: 1)
    #expect(shallow.sources == ["archives/nested.zip!/top.txt"])
    #expect(shallow.failures.count == 3)
  }

  @Test func nestedArchivesCountAgainstTheOutermostArchivesBudgets() throws {
    let result = try walk("nested.zip", maxMembers: 3)
    #expect(result.failures.last?.source == "archives/nested.zip")
    #expect(result.failures.last?.reason.contains("limits.max_archive_members") == true)
    #expect(result.members.count < 3)
  }

  @Test func anArchiveWithMoreEntriesThanTheLimitStopsThere() throws {
    let result = try walk("reports.zip", maxMembers: 2)
    #expect(
      result.sources == [
        "archives/reports.zip!/reports/board-note.txt", "archives/reports.zip!/reports/news.html",
      ])
    #expect(result.failures.map(\.source) == ["archives/reports.zip"])
    #expect(result.failures.first?.reason.contains("more than 2 entries") == true)
  }

  // MARK: HTTP as servers write it

  private static let site = "archives/http.warc!/http://www.oakridge-lsp.example"

  @Test func chunkedBodiesAreDechunkedWhateverTheHeaderCaseAndSpacing() throws {
    let result = try walk("http.warc")
    for uri in ["/news/chunked", "/news/chunked-upper"] {
      let html = try #require(result.text(Self.site + uri))
      #expect(html.hasPrefix("<html><head><title>Chunked</title>"), "\(uri)")
      #expect(html.hasSuffix("</html>"), "\(uri)")
    }
  }

  @Test func theHTTPCharsetAndMediaTypeAreDeclaredForTheDecoder() throws {
    let result = try walk("http.warc")
    #expect(
      result.member(Self.site + "/ru/partnership")?.declared
        == DeclaredContent(mediaType: "text/html", charset: "KOI8-R"))
    #expect(result.member(Self.site + "/ja/report")?.declared.charset == "Shift_JIS")
    let utf16 = try #require(result.member(Self.site + "/accounts"))
    #expect(utf16.declared.charset == "utf-16")
    let decoder = CharsetDecoder()
    let russian = try decoder.decode(
      try #require(result.member(Self.site + "/ru/partnership")).bytes, format: .html,
      declaredCharset: "KOI8-R")
    #expect(russian.text.contains("Местное стратегическое партнёрство"))
    #expect(russian.declaredEncoding == "KOI8-R (HTTP)")
    let japanese = try decoder.decode(
      try #require(result.member(Self.site + "/ja/report")).bytes, format: .html,
      declaredCharset: "Shift_JIS")
    #expect(japanese.text.contains("地域戦略パートナーシップ"))
    let accounts = try decoder.decode(utf16.bytes, format: .html, declaredCharset: "utf-16")
    #expect(accounts.text.contains("publishes its accounts in UTF-16"))
    // An extensionless URI: the HTTP media type decides the format, even for UTF-16.
    let file = SourceFile(source: Self.site + "/accounts", path: "")
    #expect(DocumentFormat.guess(for: file, bytes: utf16.bytes, declared: utf16.declared) == .html)
    // Without a declaration, UTF-16 markup is still seen for what it is.
    let page = Array("<html><p>Board minutes</p></html>".utf16).flatMap {
      [UInt8($0 & 0xFF), UInt8($0 >> 8)]
    }
    #expect(DocumentFormat.guess(for: file, bytes: page) == .html)
    #expect(DocumentFormat.guess(for: file, bytes: [0xFF, 0xFE] + page) == .html)
  }

  @Test func aGzipContentCodingIsUndone() throws {
    let result = try walk("http.warc")
    #expect(result.text(Self.site + "/news/compressed")?.contains("a clear vision") == true)
  }

  @Test func aURICrawledTwiceKeepsBothCapturesTheLaterNamedByItsDate() throws {
    let result = try walk("http.warc")
    #expect(result.text(Self.site + "/news")?.contains("lacks transparency") == true)
    #expect(
      result.text(Self.site + "/news@2008-05-01T10:00:00Z")?.contains("now transparent") == true)
  }

  @Test func excludePatternsApplyToWebArchivePagesByURIAndBySource() throws {
    #expect(try walk("http.warc").text(Self.site + "/private/notes") != nil)
    for pattern in [
      "**/private/**", "archives/http.warc!/http://www.oakridge-lsp.example/private/*",
    ] {
      let result = try walk("http.warc", exclude: [pattern])
      #expect(result.text(Self.site + "/private/notes") == nil, "\(pattern)")
      #expect(result.members.count == 8, "\(pattern)")
    }
  }

  @Test func junkBetweenGzipMembersIsReportedWithItsOffsetAndReadingResumes() throws {
    let clean = try walk("crawl.warc.gz")
    let result = try walk("junk.warc.gz")
    // Every record after the junk is still read.
    #expect(
      result.sources == clean.sources.map { $0.replacingOccurrences(of: "crawl", with: "junk") })
    #expect(result.failures.map(\.source) == ["archives/junk.warc.gz"])
    let reason = try #require(result.failures.first?.reason)
    #expect(reason.contains("100 bytes from byte"))
    #expect(reason.contains("reading resumed at the next gzip member"))
  }

  @Test func trailingJunkAfterTheLastGzipMemberIsReportedAsNotRead() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "tail.warc.gz", bytes: try Fixtures.bytes("archives/crawl.warc.gz") + Array("garbage".utf8))
    let result = try walk("tail.warc.gz", path: path)
    #expect(result.members.count == 2)
    #expect(result.failures.first?.reason.contains("trailing data not read") == true)
    // Zero padding at the end is not damage.
    let padded = try folder.write(
      "padded.warc.gz",
      bytes: try Fixtures.bytes("archives/crawl.warc.gz") + [UInt8](repeating: 0, count: 512))
    #expect(try walk("padded.warc.gz", path: padded).failures.isEmpty)
  }

  @Test func damagedBytesBetweenUncompressedRecordsAreSkippedToTheNextRecord() throws {
    let folder = try TemporaryFolder()
    let whole = try Fixtures.bytes("archives/crawl.warc")
    // Garble the start of the second record ("WARC/1.0" becomes "XXXX/1.0").
    let second = try #require(
      (1..<whole.count).first { whole[$0...].starts(with: Array("WARC/1.0".utf8)) })
    var damaged = whole
    damaged.replaceSubrange(second..<(second + 4), with: Array("XXXX".utf8))
    let path = try folder.write("damaged.warc", bytes: damaged)
    let result = try walk("damaged.warc", path: path)
    #expect(result.failures.first?.reason.contains("not a WARC record") == true)
    #expect(result.sources.contains("archives/damaged.warc!/file:///archive/minutes/2007-03.txt"))
  }

  // MARK: Found in review

  @Test func twoJunkRegionsAreTwoReportsEachWithItsOwnOffset() throws {
    let result = try walk("junk2.warc.gz")
    #expect(result.members.count == 2)
    #expect(result.failures.count == 2)
    #expect(Set(result.failures.map(\.reason)).count == 2)
  }

  @Test func aWebArchiveOfOneByteGzipMembersReadsLikeTheWholeFile() throws {
    let whole = try walk("crawl.warc")
    let result = try walk("bytewise.warc.gz")
    #expect(result.failures.isEmpty)
    #expect(
      result.sources
        == whole.sources.map { $0.replacingOccurrences(of: "crawl.warc", with: "bytewise.warc.gz") }
    )
    #expect(result.members.map(\.bytes) == whole.members.map(\.bytes))
  }

  @Test func entriesSkippedInsideACompressedTarCountAgainstTheArchiveBudget() throws {
    // big.bin (3 MB of zeros) is not wanted, but the tar.gz must still be decompressed past it.
    let result = try walk("skipped.tgz", maxArchiveBytes: 1_000_000)
    #expect(result.failures.map(\.source) == ["archives/skipped.tgz"])
    #expect(result.failures.first?.reason.contains("limits.max_archive_bytes") == true)
    #expect(try walk("skipped.tgz").sources == ["archives/skipped.tgz!/note.txt"])
  }

  @Test func aMemberNamedLikeANestedArchivesMemberGetsAUniqueSource() throws {
    let result = try walk("collide.zip")
    #expect(
      result.sources == [
        "archives/collide.zip!/b.zip!/x.html", "archives/collide.zip!/b.zip!/x.html~2",
      ])
    #expect(result.text("archives/collide.zip!/b.zip!/x.html~2")?.contains("weak") == true)
  }

  @Test func aSecondCopyOfANestedWebArchiveIsStillReadAsOne() throws {
    let result = try walk("twowarc.zip")
    #expect(result.failures.isEmpty)
    #expect(result.members.count == 4)
    #expect(
      result.sources.contains(
        "archives/twowarc.zip!/crawl.warc.gz~2!/http://www.thornbury-lsp.example/news/leadership"))
  }

  @Test func aFileNamedLikeAnArchiveThatIsNoneIsReportedAsSuch() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("notes.zip", "These are notes, not an archive.\n")
    let result = try walk("notes.zip", path: path)
    #expect(result.members.isEmpty)
    #expect(result.failures.map(\.source) == ["archives/notes.zip"])
    #expect(result.failures.first?.reason.contains("not an archive") == true)
  }

  @Test func aGzipMemberCorruptInsideARecordLosesThatRecordAndNoOther() throws {
    let result = try walk("corrupt.warc.gz")
    // The page's member is corrupt; the resource after it is read whole.
    #expect(result.sources == ["archives/corrupt.warc.gz!/file:///archive/minutes/2007-03.txt"])
    #expect(result.text(result.sources[0])?.hasPrefix("Thornbury LSP board note") == true)
    #expect(result.failures.map(\.source) == ["archives/corrupt.warc.gz"])
    #expect(result.failures.first?.reason.contains("is damaged") == true)
  }

  @Test func aRecordWithoutContentLengthIsSkippedAndTheRestRead() throws {
    let result = try walk("nolength.warc")
    #expect(result.members.count == 2)
    #expect(result.failures.first?.reason.contains("no valid Content-Length") == true)
  }
}
