import Foundation
import FuzzHarness
import Testing

@testable import TextMining

/// Replays every input the fuzzers (`Scripts/fuzz.sh`) ever crashed on, through the same
/// harness the fuzz targets use: each must now pass without tripping an invariant.
@Suite struct FuzzRegressionTests {
  static func inputs(_ target: String) -> [String] {
    let folder = Fixtures.path("fuzz/" + target)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map {
      folder + "/" + $0
    }
  }

  @Test func extractionInputs() throws {
    for path in Self.inputs("extract") {
      FuzzHarness.extract(Array(try #require(FileManager.default.contents(atPath: path))))
    }
  }

  @Test func taggingInputs() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    for path in Self.inputs("tag") {
      FuzzHarness.segmentAndTag(
        Array(try #require(FileManager.default.contents(atPath: path))), taxonomy: taxonomy)
    }
  }

  @Test func configurationInputs() throws {
    for path in Self.inputs("config") {
      FuzzHarness.loadConfiguration(Array(try #require(FileManager.default.contents(atPath: path))))
    }
  }

  @Test func archiveInputs() throws {
    for path in Self.inputs("archive") {
      FuzzHarness.expandArchive(Array(try #require(FileManager.default.contents(atPath: path))))
    }
  }

  /// The harness itself runs the stages: a known document goes through without complaint.
  @Test func harnessRunsTheStagesOnAGoodDocument() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    let page = Array(
      "<html><body><p>The LSP has strong leadership and mutual trust.</p></body></html>".utf8)
    FuzzHarness.extract([0] + page)
    FuzzHarness.segmentAndTag(
      Array("Notes\n\nThe LSP has strong leadership and mutual trust.\n".utf8), taxonomy: taxonomy)
    FuzzHarness.loadConfiguration(
      Array(
        try String(
          contentsOfFile: Fixtures.repositoryRoot + "/pipelines/lsp-codebook.yml", encoding: .utf8
        ).utf8))
    FuzzHarness.expandArchive([0] + (try Fixtures.bytes("archives/reports.zip")))
  }
}
