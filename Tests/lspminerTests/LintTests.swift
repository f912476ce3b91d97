import Foundation
import Testing

/// `lspminer lint` on the project's codebook with planted faults, alone and against an output.
@Suite struct LintTests {
  let cli = CommandLineTests()

  /// A project whose taxonomy is the codebook with a cue that a name always takes and an
  /// exclusion that holds no cue.
  private func project() throws -> String {
    let folder = try cli.makeProject()
    let codebook = try String(
      contentsOfFile: CommandLineTests.repositoryRoot + "/pipelines/lsp-codebook.yml",
      encoding: .utf8)
    let planted = codebook.replacingOccurrences(
      of: "        phrases:\n          - culture\n",
      with: "        phrases:\n          - culture\n          - Oakridge Partnership\n"
    ).replacingOccurrences(
      of: "          - as a result\n", with: "          - as a result\n          - zebra crossing\n"
    )
    #expect(planted.contains("Oakridge Partnership") && planted.contains("zebra crossing"))
    try planted.write(toFile: folder + "/codebook.yml", atomically: true, encoding: .utf8)
    let pipeline = try String(contentsOfFile: folder + "/p.yml", encoding: .utf8)
      .replacingOccurrences(
        of: CommandLineTests.repositoryRoot + "/pipelines/lsp-codebook.yml", with: "codebook.yml")
    try pipeline.write(toFile: folder + "/p.yml", atomically: true, encoding: .utf8)
    return folder
  }

  private func warnings(_ stdout: String, _ kind: String) -> [Substring] {
    stdout.split(separator: "\n").filter { $0.hasSuffix("[\(kind)]") }
  }

  /// The line the planted cue stands on, counted in the planted file (it moves as the codebook
  /// grows).
  private func plantedLine(in folder: String) throws -> Int {
    let text = try String(contentsOfFile: folder + "/codebook.yml", encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return try #require(lines.firstIndex { $0 == "          - Oakridge Partnership" }) + 1
  }

  @Test func theTaxonomyAloneShowsCuesThatCannotFireAndExclusionsThatCannotBlock() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let line = try plantedLine(in: folder)
    let outcome = try cli.lspminer(["lint", "p.yml"], in: folder)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    let never = warnings(outcome.stdout, "never-fires")
    #expect(never.count == 1)
    #expect(
      never.first?.hasPrefix(
        "codebook.yml:\(line):13: warning: cue 'Oakridge Partnership' of success_factor.culture never fires on its own words: it is read as part of a partnership name"
      ) == true, "\(never)")
    // "in attendance" and "member noted" block participation cues ("attendance", "member"),
    // so they are no dead exclusions.
    let dead = warnings(outcome.stdout, "dead-exclusion")
    #expect(
      dead.count == 1
        && dead[0].contains("exclusion 'zebra crossing' of delivery.outcomes contains no cue"),
      "\(dead)")
    #expect(!dead.contains { $0.contains("'in attendance'") || $0.contains("'member noted'") })
    #expect(outcome.stderr.contains("lspminer lint: 35 codes: "))
    // The codebook as it ships has no cue that cannot fire.
    let shipped = try cli.lspminer(
      ["lint", CommandLineTests.repositoryRoot + "/pipelines/lsp-evaluation.yml"], in: folder)
    #expect(warnings(shipped.stdout, "never-fires").isEmpty)
    #expect(warnings(shipped.stdout, "dead-exclusion").isEmpty, "\(shipped.stdout)")
  }

  @Test func anOutputShowsSilentCodesDominantCuesAndExclusionsThatNeverMatched() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sentences =
      (1...24).map { "In area \($0) the partners trust each other." }
      + ["There is mutual trust.", "The public trust in the council is low."]
    try ("Review\n\n" + sentences.joined(separator: "\n\n") + "\n").write(
      toFile: folder + "/docs/trust.txt", atomically: true, encoding: .utf8)
    #expect(try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    let outcome = try cli.lspminer(["lint", "p.yml", "--output", "out/test-run"], in: folder)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.stderr.contains("against out/test-run: 2 documents, "))
    let dominant = warnings(outcome.stdout, "dominant-cue")
    #expect(
      dominant.contains {
        $0.contains(
          "cue 'trust' gives 24 of success_factor.trust's 26 records in test-run, the next cue 2")
      }, "\(dominant)")
    #expect(
      warnings(outcome.stdout, "silent-code").contains {
        $0.contains("code circle.vicious has ") && $0.contains("no record in test-run")
      })
    let unused = warnings(outcome.stdout, "unused-exclusion")
    // "public trust" matched, so it did its work; "care trust" never did.
    #expect(!unused.contains { $0.contains("'public trust'") })
    #expect(
      unused.contains {
        $0.contains("exclusion 'care trust' of success_factor.trust never matched")
      },
      "\(unused)")
    // A folder that is no output: exit 66.
    #expect(try cli.lspminer(["lint", "p.yml", "--output", "nowhere"], in: folder).status == 66)
  }
}
