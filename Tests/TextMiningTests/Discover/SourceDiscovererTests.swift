import Foundation
import Testing

@testable import TextMining

@Suite struct SourceDiscovererTests {
  private func discoverer(_ root: String, skipping: [String] = []) throws -> SourceDiscoverer {
    SourceDiscoverer(
      roots: [.init(path: root)], include: try ["**/*.html", "**/*.txt"].map { try GlobPattern($0) },
      exclude: [try GlobPattern("drafts/**")], skippedFolders: skipping)
  }

  @Test func listsIncludedFilesInByteOrderSkippingHiddenExcludedAndOutput() throws {
    let folder = try TemporaryFolder()
    for name in ["b.html", "a.txt", "Z.html", "sub/c.html", "sub/d.pdf", ".hidden.html", ".git/e.html",
      "drafts/f.html", "out/run/g.html", "a.txt.bak"]
    {
      try folder.write("src/" + name, "x")
    }
    let found = try discoverer(folder.path + "/src", skipping: [folder.path + "/src/out"]).discover()
    let (files, failures) = (found.files, found.failures)
    #expect(files.map(\.source) == ["Z.html", "a.txt", "b.html", "sub/c.html"])
    #expect(files.first?.path == folder.path + "/src/Z.html")
    #expect(failures.isEmpty)
  }

  @Test func survivesSymlinkLoopsAndRefusesLinksOutOfTheRoot() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/a/page.html", "x")
    try folder.write("outside/secret.txt", "x")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/a/loop", withDestinationPath: "..")
    try FileManager.default.createSymbolicLink(
      atPath: folder.path + "/src/escape.txt", withDestinationPath: folder.path + "/outside/secret.txt")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/broken.html", withDestinationPath: "nowhere.html")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/alias.html", withDestinationPath: "a/page.html")
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
      atPath: folder.path + "/src/escape.txt", withDestinationPath: folder.path + "/outside/secret.txt")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/shared", withDestinationPath: folder.path + "/outside/more")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/loop-a.txt", withDestinationPath: "loop-b.txt")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/src/loop-b.txt", withDestinationPath: "loop-a.txt")
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
