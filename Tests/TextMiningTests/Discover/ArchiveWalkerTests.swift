import Foundation
import Testing

@testable import TextMining

/// Archives as sources: every format, WARC records, bombs, traversal names and damage.
/// The fixtures are written by `Scripts/make-archive-fixtures.py`.
@Suite struct ArchiveExpanderTests {
  private func expand(
    _ name: String, maxMemberBytes: Int = 1_000_000, maxArchiveBytes: Int = 100_000_000
  ) throws -> (
    files: [SourceFile], failures: [DocumentFailure], contents: [String: String],
    spool: TemporaryFolder
  ) {
    let spool = try TemporaryFolder()
    let expander = ArchiveExpander(
      maxMemberBytes: maxMemberBytes, maxArchiveBytes: maxArchiveBytes,
      spoolFolder: spool.path + "/spool")
    let include = try ["**/*.html", "**/*.txt"].map { try GlobPattern($0) }
    let archive = SourceFile(source: "archives/" + name, path: Fixtures.path("archives/" + name))
    let (files, failures) = expander.expand(archive, prefix: "0") { member in
      include.contains { $0.matches(member) }
    }
    var contents: [String: String] = [:]
    for file in files {
      contents[file.source] = String(
        decoding: try #require(FileManager.default.contents(atPath: file.path)), as: UTF8.self)
      #expect(file.path.hasPrefix(spool.path + "/spool/"))
    }
    return (files, failures, contents, spool)
  }

  @Test(arguments: ["reports.zip", "reports.tar", "reports.tgz", "reports.tar.gz"])
  func membersOfEachArchiveFormatAreDocumentsNamedArchiveBangMember(name: String) throws {
    let result = try expand(name)
    #expect(result.failures.isEmpty)
    #expect(
      result.files.map(\.source) == [
        "archives/\(name)!/reports/board-note.txt", "archives/\(name)!/reports/news.html",
      ])
    #expect(
      result.contents["archives/\(name)!/reports/board-note.txt"]?.hasPrefix(
        "Thornbury LSP board note") == true)
    #expect(
      result.contents["archives/\(name)!/reports/news.html"]?.contains("mutual trust") == true)
  }

  @Test func aCompressedFileIsOneDocumentNamedWithoutItsSuffix() throws {
    let result = try expand("board-note.txt.gz")
    #expect(result.failures.isEmpty)
    #expect(result.files.map(\.source) == ["archives/board-note.txt.gz!/board-note.txt"])
    #expect(result.contents.values.first?.hasSuffix("lacks transparency.\n") == true)
  }

  @Test(arguments: ["crawl.warc", "crawl.warc.gz"])
  func webArchiveResponsesOfHTMLAndResourcesAreDocumentsNamedByTheirURI(name: String) throws {
    let result = try expand(name)
    #expect(result.failures.isEmpty)
    // The request, the image and the redirect are not documents.
    let page = "archives/\(name)!/http://www.thornbury-lsp.example/news/leadership"
    let resource = "archives/\(name)!/file:///archive/minutes/2007-03.txt"
    #expect(result.files.map(\.source) == [page, resource])
    let html = try #require(result.contents[page])
    #expect(html.hasPrefix("<html><head><title>Thornbury news</title>"))
    #expect(html.hasSuffix("</html>"))
    #expect(result.contents[resource]?.hasPrefix("Thornbury LSP board note") == true)
  }

  @Test func aWebArchiveRecordOverTheLimitIsReportedAndSkipped() throws {
    let result = try expand("crawl.warc", maxMemberBytes: 100)
    #expect(
      result.failures.map(\.source).contains(
        "archives/crawl.warc!/http://www.thornbury-lsp.example/news/leadership"))
    #expect(result.failures.allSatisfy { $0.reason.contains("over the size limit of 100 bytes") })
    #expect(
      result.files.map(\.source) == ["archives/crawl.warc!/file:///archive/minutes/2007-03.txt"])
  }

  @Test func aMemberThatExpandsPastTheLimitIsReportedAndTheRestIsRead() throws {
    let result = try expand("bomb.zip", maxMemberBytes: 1_000_000)
    #expect(result.failures.map(\.source) == ["archives/bomb.zip!/huge.txt"])
    #expect(
      result.failures.first?.reason.contains("beyond the size limit of 1000000 bytes") == true)
    #expect(result.files.map(\.source) == ["archives/bomb.zip!/small.txt"])
    // Nothing of the bomb was written.
    let spooled = try FileManager.default.contentsOfDirectory(atPath: result.spool.path + "/spool")
    #expect(spooled.count == 1)
  }

  @Test func anArchiveThatExpandsPastItsTotalLimitStops() throws {
    let result = try expand("bomb.zip", maxMemberBytes: 50_000_000, maxArchiveBytes: 2_000_000)
    #expect(result.files.isEmpty)
    #expect(result.failures.map(\.source) == ["archives/bomb.zip"])
    #expect(result.failures.first?.reason.contains("limits.max_archive_bytes") == true)
  }

  @Test func memberNamesThatLeaveTheArchiveAreSkippedAndNeverWritten() throws {
    let result = try expand("traversal.tar")
    #expect(result.files.map(\.source) == ["archives/traversal.tar!/safe/note.txt"])
    #expect(
      result.failures.map(\.source).sorted() == [
        "archives/traversal.tar!/../escaped.txt", "archives/traversal.tar!//etc/absolute.txt",
      ])
    #expect(!FileManager.default.fileExists(atPath: result.spool.path + "/escaped.txt"))
    #expect(!FileManager.default.fileExists(atPath: "/etc/absolute.txt"))
  }

  @Test func aDamagedArchiveIsReportedByName() throws {
    let result = try expand("damaged.zip")
    #expect(result.files.isEmpty)
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
    let expander = ArchiveExpander(
      maxMemberBytes: 1_000_000, maxArchiveBytes: 100_000_000, spoolFolder: folder.path + "/spool")
    let (files, failures) = expander.expand(SourceFile(source: "cut.warc", path: cut), prefix: "0")
    { _ in true }
    #expect(files.map(\.source) == ["cut.warc!/http://www.thornbury-lsp.example/news/leadership"])
    #expect(failures.map(\.source) == ["cut.warc"])
    #expect(failures.first?.reason.contains("ends inside a record") == true)
  }

  @Test func archiveNamesAreRecognisedByTheirEnding() {
    for name in ["a.zip", "b.TAR", "c.tar.gz", "d.tgz", "e.txt.gz", "f.warc", "g.warc.gz"] {
      #expect(ArchiveExpander.isArchive(name), "\(name)")
    }
    for name in ["a.html", "zip.txt", "archive.zipx"] {
      #expect(!ArchiveExpander.isArchive(name), "\(name)")
    }
  }
}
