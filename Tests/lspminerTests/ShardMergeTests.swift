import Foundation
import Testing

@testable import TextMining

/// `run --shard K/N` and `merge`: three parts joined are one run, byte for byte, duplicates
/// across parts included; parts that overlap or used another taxonomy are refused.
@Suite struct ShardMergeTests {
  let cli = CommandLineTests()

  private func project() throws -> String {
    let folder = try cli.makeProject()
    let corpus = CommandLineTests.repositoryRoot + "/corpus/findings"
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted()
    for name in names {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + name, toPath: folder + "/docs/" + name)
    }
    // The same bytes under five more names: some fall in other parts than the first copy.
    for copy in 1...5 {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + names[0], toPath: folder + "/docs/copy-\(copy)-" + names[0])
    }
    let archives = CommandLineTests.repositoryRoot + "/Tests/TextMiningTests/Fixtures/archives/"
    for name in ["crawl.warc.gz", "damaged.zip", "reports.zip"] {
      try FileManager.default.copyItem(atPath: archives + name, toPath: folder + "/docs/" + name)
    }
    return folder
  }

  private func contents(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in ["documents.jsonl", "errors.jsonl", "state.json"] {
      files[name] = FileManager.default.contents(atPath: folder + "/" + name)
    }
    for sub in ["evidence", "text"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub) {
        files[sub + "/" + name] = FileManager.default.contents(
          atPath: folder + "/" + sub + "/" + name)
      }
    }
    return files
  }

  @Test func threePartsMergedAreOneRunByteForByte() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(
      try cli.lspminer(["run", "-p", "p.yml", "--output", "out/all", "--quiet"], in: folder).status
        == 1)  // damaged.zip fails in part
    try FileManager.default.moveItem(atPath: folder + "/out/all", toPath: folder + "/out/single")
    var parts: [String] = []
    var sources: [[String]] = []
    for part in 1...3 {
      let output = "out/part\(part)"
      _ = try cli.lspminer(
        ["run", "-p", "p.yml", "--output", output, "--shard", "\(part)/3", "--quiet"], in: folder)
      parts.append(output)
      let lines = try String(
        contentsOfFile: folder + "/" + output + "/documents.jsonl", encoding: .utf8)
      sources.append(lines.split(separator: "\n").map { String($0) })
    }
    // Each part holds the sources whose names hash to it, and the parts hold them all once.
    #expect(sources.allSatisfy { !$0.isEmpty })
    let copies = sources.map { $0.filter { $0.contains(#""source":"copy-"#) }.count }
    #expect(copies.filter { $0 > 0 }.count >= 2, "\(copies)")
    let merged = try cli.lspminer(
      ["merge", "-p", "p.yml", "--output", "out/all"] + parts, in: folder)
    #expect(merged.status == 0, "\(merged.stderr)")
    let single = try contents(folder + "/out/single")
    let joined = try contents(folder + "/out/all")
    #expect(single.keys.sorted() == joined.keys.sorted())
    for (name, bytes) in single { #expect(joined[name] == bytes, "\(name)") }
    // The next run over the joined folder finds nothing to do.
    let again = try cli.lspminer(["run", "-p", "p.yml", "--output", "out/all"], in: folder)
    #expect(again.stderr.contains("0 new, 0 changed, 12 unchanged, 0 removed"), "\(again.stderr)")
  }

  @Test func overlappingPartsAndAnotherTaxonomyAreRefused() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try cli.lspminer(["run", "-p", "p.yml", "--output", "out/a", "--quiet"], in: folder)
    let overlap = try cli.lspminer(
      ["merge", "-p", "p.yml", "--output", "out/joined", "out/a", "out/a"], in: folder)
    #expect(overlap.status == 2)
    #expect(overlap.stderr.contains("is in both out/a and out/a: the parts overlap"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/out/joined"))
    // A part tagged with a changed taxonomy.
    let codebook = try String(
      contentsOfFile: CommandLineTests.repositoryRoot + "/pipelines/lsp-codebook.yml",
      encoding: .utf8)
    try (codebook + "\n# changed\n").write(
      toFile: folder + "/other.yml", atomically: true, encoding: .utf8)
    _ = try cli.lspminer(
      ["run", "-p", "p.yml", "--taxonomy", "other.yml", "--output", "out/b", "--quiet"], in: folder)
    let mixed = try cli.lspminer(
      ["merge", "-p", "p.yml", "--output", "out/joined", "out/b"], in: folder)
    #expect(mixed.status == 2)
    #expect(mixed.stderr.contains("out/b was tagged with taxonomy "), "\(mixed.stderr)")
    #expect(try cli.lspminer(["run", "--shard", "4/3"], in: folder).status == 2)
  }

  @Test func aSourcesPartDependsOnItsNameOnly() {
    #expect(Shard("2/3") == Shard("2/3"))
    #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
    let names = (0..<300).map { "reports/\($0).html" }
    let parts = names.map { Shard.part(of: $0, count: 3) }
    #expect(Set(parts) == [1, 2, 3])
    // Each part gets a fair share.
    for part in 1...3 { #expect(parts.filter { $0 == part }.count > 70) }
    #expect(
      Shard.part(of: "reports/1.html", count: 3) == Shard.part(of: "reports/1.html", count: 3))
  }
}
