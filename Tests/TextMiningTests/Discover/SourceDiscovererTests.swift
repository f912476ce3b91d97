import Foundation
import Testing

@testable import TextMining

@Suite struct SourceDiscovererTests {
  private func discoverer(_ root: String, skipping: [String] = []) throws -> SourceDiscoverer {
    SourceDiscoverer(
      roots: [.init(path: root)],
      include: try ["**/*.html", "**/*.txt"].map { try GlobPattern($0) },
      exclude: [try GlobPattern("drafts/**")], skippedFolders: skipping)
  }

  @Test func listsIncludedFilesInByteOrderSkippingHiddenExcludedAndOutput() throws {
    let folder = try TemporaryFolder()
    for name in [
      "b.html", "a.txt", "Z.html", "sub/c.html", "sub/d.pdf", ".hidden.html", ".git/e.html",
      "drafts/f.html", "out/run/g.html", "a.txt.bak",
    ] {
      try folder.write("src/" + name, "x")
    }
    let found = try discoverer(folder.path + "/src", skipping: [folder.path + "/src/out"])
      .discover()
    let (files, failures) = (found.files, found.failures)
    #expect(files.map(\.source) == ["Z.html", "a.txt", "b.html", "sub/c.html"])
    #expect(files.first?.path == folder.path + "/src/Z.html")
    #expect(failures.isEmpty)
  }

  @Test func theDefaultIncludeReadsWebServerPagesAndSniffsFilesWithoutAnExtension() throws {
    let folder = try TemporaryFolder()
    for name in [
      "a.xhtml", "b.shtml", "c.php", "d.asp", "e.aspx", "f.jsp", "g.htm", "h.pdf", "drafts/index",
    ] {
      try folder.write("site/" + name, "<html><body><p>The LSP met.</p></body></html>")
    }
    try folder.write("site/about", "<!DOCTYPE html><html><title>About</title></html>")
    try folder.write("site/minutes", "Minutes of the board\n\nThe partnership agreed the plan.\n")
    try folder.write(
      "site/utf16",
      bytes: [0xFF, 0xFE] + Array("LSP".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    try folder.write(
      "site/logo", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
    try folder.write("site/blob", bytes: [0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x7F, 0x41, 0x00])
    try folder.write("site/empty", bytes: [])
    var discoverer = SourceDiscoverer(
      roots: [.init(path: folder.path + "/site")],
      include: try PipelineDefinition.defaultInclude.map { try GlobPattern($0) },
      exclude: [try GlobPattern("drafts/**")])
    #expect(
      try discoverer.discover().files.map(\.source) == [
        "a.xhtml", "b.shtml", "c.php", "d.asp", "e.aspx", "f.jsp", "g.htm",
      ])
    discoverer.sniffsExtensionless = true
    let files = discoverer.discover().files
    #expect(
      files.map(\.source) == [
        "a.xhtml", "about", "b.shtml", "c.php", "d.asp", "e.aspx", "f.jsp", "g.htm", "minutes",
        "utf16",
      ])
    // Each is read as what its bytes say it is.
    let formats = try files.map { file in
      DocumentFormat.guess(for: file, bytes: try SourceReader(maxFileBytes: 1000).read(file))
    }
    #expect(
      formats == [.html, .html, .html, .html, .html, .html, .html, .html, .plainText, .plainText])
  }

  @Test func pipelinesSniffExtensionlessFilesUnlessToldNot() throws {
    let folder = try TemporaryFolder()
    try folder.write("s/a.txt", "x")
    try folder.write("t.yml", "x")
    let file = folder.path + "/p.yml"
    let on = try PipelineDefinition.parse("name: p\nsources: [s]\ntaxonomy: t.yml\n", file: file)
    #expect(on.readsExtensionless && on.makeDiscoverer().sniffsExtensionless)
    let off = try PipelineDefinition.parse(
      "name: p\nsources: [s]\ntaxonomy: t.yml\ndiscover: {extensionless: false}\n", file: file)
    #expect(!off.readsExtensionless && !off.makeDiscoverer().sniffsExtensionless)
  }

  @Test func survivesSymlinkLoopsAndRefusesLinksOutOfTheRoot() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a/page.html", "x")
    try folder.write("outside/secret.txt", "x")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/a/loop", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/escape.txt",
      withDestinationPath: folder.path + "/outside/secret.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/broken.html", withDestinationPath: "nowhere.html")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/alias.html", withDestinationPath: "a/page.html")
    let found = try discoverer(folder.path + "/src").discover()
    let (files, failures) = (found.files, found.failures)
    #expect(files.map(\.source) == ["a/page.html", "alias.html"])
    #expect(failures.map(\.source) == ["broken.html", "escape.txt"])
    #expect(failures[0].reason.contains("broken symbolic link"))
    #expect(failures[1].reason.contains("outside the source folder"))
  }

  @Test func followsLinksOutOfTheRootOnlyWhenAllowedAndNamesLoops() throws {
    let folder = try TemporaryFolder()
    try folder.write("outside/secret.txt", "x")
    try folder.write("outside/more/report.html", "x")
    try folder.write("src/notes.md", "x")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/escape.txt",
      withDestinationPath: folder.path + "/outside/secret.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/shared", withDestinationPath: folder.path + "/outside/more")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/loop-a.txt", withDestinationPath: "loop-b.txt")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/loop-b.txt", withDestinationPath: "loop-a.txt")
    var allowing = try discoverer(folder.path + "/src")
    allowing.followsLinksOutside = true
    let found = allowing.discover()
    let (files, failures) = (found.files, found.failures)
    #expect(files.map(\.source) == ["escape.txt", "shared/report.html"])
    #expect(failures.map(\.source) == ["loop-a.txt", "loop-b.txt"])
    #expect(failures.allSatisfy { $0.reason.contains("symbolic link loop") })
    let refused = try discoverer(folder.path + "/src").discover()
    #expect(refused.files.isEmpty)
    #expect(refused.failures.map(\.source) == ["escape.txt", "loop-a.txt", "loop-b.txt"])
  }
}
