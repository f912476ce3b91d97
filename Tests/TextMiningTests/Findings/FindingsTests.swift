import Foundation
import Testing

@testable import TextMining

/// The findings of an output folder: the matrix, co-occurrence, verdicts with their cited
/// records, per-year trajectories, and bad lines skipped by name. The outputs are written here,
/// record by record, as `lspminer run` writes them.
@Suite struct FindingsTests {
  /// One evidence record's line, with the fields findings read.
  private static func record(
    _ code: String, _ polarity: String = "neutral", partnership: String? = nil,
    hedged: Bool = false, sentence: String = "A sentence.", block: Int = 0, match: String = "m",
    readerComment: Bool = false
  ) -> String {
    let category = String(code.split(separator: ".")[0])
    var object = JSONObjectWriter()
    object.write("schema", "lspminer.evidence/1")
    object.write("code", code)
    object.write("category", category)
    object.write("match", match)
    object.write("polarity", polarity)
    object.write("hedged", hedged)
    object.write("partnership", partnership)
    object.write("sentence", sentence)
    object.write("block", block)
    object.write("char_start", 0)
    object.write("char_end", 1)
    object.write("line", block + 1)
    if readerComment { object.write("reader_comment", true) }
    return object.line
  }

  /// Writes an output folder of documents, each a source, a year and its record lines.
  private func output(_ documents: [(source: String, year: Int?, records: [String])]) throws
    -> TemporaryFolder
  {
    let folder = try TemporaryFolder()
    var index = ""
    for (number, document) in documents.enumerated() {
      let docID = String(repeating: "0", count: 62) + String(format: "%02x", number)
      var object = JSONObjectWriter()
      object.write("source", document.source)
      object.write("doc_id", docID)
      object.write("published", document.year.map { "\($0)-06-01" })
      object.write("status", "ok")
      index += object.line + "\n"
      try folder.write(
        "out/evidence/\(docID).jsonl", document.records.map { $0 + "\n" }.joined())
    }
    try folder.write("out/documents.jsonl", index)
    return folder
  }

  private func findings(
    _ folder: TemporaryFolder, grouping: Findings.Grouping = .partnership,
    hedged: Bool = true, readerComments: Bool = false, rule: VerdictRule = VerdictRule()
  ) throws -> (Findings, [String]) {
    var reader = try OutputReader(folder: folder.path + "/out")
    var findings = Findings(
      grouping: grouping, includesHedged: hedged, includesReaderComments: readerComments,
      rule: rule)
    try reader.forEachDocument { findings.add($0, $1) }
    try findings.write(to: folder.path + "/out/findings")
    return (findings, reader.skipped)
  }

  private static let good = "Ashdown Vale LSP"
  private static let bad = "Coldharbour Partnership"

  private static func many(_ code: String, _ polarity: String, _ partnership: String, _ count: Int)
    -> [String]
  {
    (0..<count).map { record(code, polarity, partnership: partnership, block: $0) }
  }

  @Test func readersCommentsCountOnlyWhenAsked() throws {
    let folder = try output([
      (
        "news.html", 2006,
        [
          Self.record("success_factor.trust", "positive", partnership: Self.good),
          Self.record(
            "success_factor.trust", "negative", partnership: Self.good, block: 7,
            readerComment: true),
          Self.record(
            "governance.community_engagement", "negative", partnership: Self.good, block: 8,
            readerComment: true),
        ]
      )
    ])
    let (documentOnly, skipped) = try findings(folder)
    #expect(skipped.isEmpty)
    #expect(documentOnly.recordCount == 1)
    let (withComments, _) = try findings(folder, readerComments: true)
    #expect(withComments.recordCount == 3)
    let matrix = try String(
      contentsOfFile: folder.path + "/out/findings/matrix.csv", encoding: .utf8)
    #expect(matrix.contains("governance.community_engagement:negative"))
  }

  @Test func theMatrixCountsUnhedgedAndHedgedMentionsPerPartnershipAndCode() throws {
    let folder = try output([
      (
        "a.txt", 2006,
        [
          Self.record("success_factor.trust", "positive", partnership: Self.good),
          Self.record("success_factor.trust", "positive", partnership: Self.good, hedged: true),
          Self.record("governance.accountability", "negative"),
        ]
      )
    ])
    let (findings, skipped) = try findings(folder)
    #expect(skipped.isEmpty)
    #expect(findings.count(row: Self.good, column: "success_factor.trust:positive") == 1)
    #expect(findings.count(row: Self.good, column: "success_factor.trust:positive:hedged") == 1)
    #expect(findings.count(row: Findings.none, column: "governance.accountability:negative") == 1)
    let matrix = try folder.read("out/findings/matrix.csv").components(separatedBy: "\r\n")
    #expect(matrix[0].hasPrefix("partnership,governance.accountability:positive,"))
    #expect(matrix[1].hasPrefix("Ashdown Vale LSP,0,0,0,1,0,0,"))
    #expect(matrix[2].hasPrefix("(none),0,1,0,"))
    let (withoutHedged, _) = try self.findings(folder, hedged: false)
    #expect(
      withoutHedged.count(row: Self.good, column: "success_factor.trust:positive:hedged") == 0)
    #expect(!(try folder.read("out/findings/matrix.csv")).contains(":hedged"))
  }

  @Test func csvFieldsAreQuotedAsRFC4180Says() {
    #expect(CSV.field("plain") == "plain")
    #expect(CSV.field("Brinkmoor, Ashby & District") == "\"Brinkmoor, Ashby & District\"")
    #expect(CSV.field("the \"Forward\" board") == "\"the \"\"Forward\"\" board\"")
    #expect(CSV.line(["a", "b,c"]) == Array("a,\"b,c\"\r\n".utf8))
  }

  @Test func codesInOneSentenceAreCountedAsPairs() throws {
    let folder = try output([
      (
        "a.txt", nil,
        [
          Self.record("governance.representation", sentence: "S1"),
          Self.record("sector.private", sentence: "S1"),
          Self.record("sector.private", sentence: "S2", block: 1),
        ]
      )
    ])
    _ = try findings(folder)
    #expect(
      try folder.read("out/findings/cooccurrence.csv")
        == "code_a,code_b,sentences\r\ngovernance.representation,sector.private,1\r\n")
  }

  @Test func eachVerdictFollowsTheRuleAndCitesCircleMentionsFirst() throws {
    let mixedName = "Millbrook LSP"
    let folder = try output([
      (
        "good.txt", 2006,
        Self.many("success_factor.trust", "positive", Self.good, 4)
          + [
            Self.record("governance.accountability", "negative", partnership: Self.good, block: 9),
            Self.record(
              "circle.virtuous", "positive", partnership: Self.good,
              sentence: "It is in a virtuous circle.", block: 10),
          ]
      ),
      ("bad.txt", 2006, Self.many("delivery.outcomes", "negative", Self.bad, 5)),
      (
        "mixed.txt", 2006,
        Self.many("success_factor.leadership", "positive", mixedName, 3)
          + Self.many("delivery.capacity", "negative", mixedName, 3)
      ),
      ("thin.txt", 2006, Self.many("success_factor.trust", "positive", "Saxby LSP", 3)),
    ])
    let (findings, _) = try findings(folder)
    #expect(
      findings.verdicts == [
        Self.good: "virtuous", Self.bad: "vicious", mixedName: "mixed",
        "Saxby LSP": "insufficient evidence",
      ])
    let lines = try folder.read("out/findings/partnerships.jsonl").split(separator: "\n")
    let good = try #require(
      lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        .first { $0["partnership"] as? String == Self.good })
    let cited = try #require(good["cited"] as? [[String: Any]])
    // The circle mention first, then the positive findings; never the negative one.
    #expect(cited.first?["sentence"] as? String == "It is in a virtuous circle.")
    #expect(cited.count == 5)
    #expect(cited.allSatisfy { $0["polarity"] as? String == "positive" })
    let rule = try #require(good["rule"] as? [String])
    #expect(rule.last == "virtuous share 0.88 >= virtuous_share 0.7: virtuous")
  }

  @Test func aDeniedViciousCircleCountsForTheVirtuousSide() throws {
    let folder = try output([
      (
        "a.txt", 2007,
        [Self.record("circle.vicious", "positive", partnership: Self.good)]
          + Self.many("success_factor.trust", "positive", Self.good, 3)
      )
    ])
    #expect(try findings(folder).0.verdicts[Self.good] == "virtuous")
  }

  @Test func verdictsPerYearShowAPartnershipBreakingOut() throws {
    let name = "Saxby Moor Strategic Partnership"
    let folder = try output([
      ("2003.txt", 2003, Self.many("governance.accountability", "negative", name, 5)),
      (
        "2005.txt", 2005,
        Self.many("success_factor.leadership", "positive", name, 3)
          + Self.many("delivery.capacity", "negative", name, 3)
      ),
      ("2008.txt", 2008, Self.many("success_factor.trust", "positive", name, 6)),
    ])
    let (findings, _) = try findings(folder)
    #expect(
      findings.yearlyVerdicts[name]?.map(\.verdict) == ["vicious", "mixed", "virtuous"])
    let line = try folder.read("out/findings/partnerships.jsonl")
    #expect(line.contains("\"trajectory\":\"broke out\""))
    #expect(line.contains("\"first_year\":2003,\"last_year\":2008"))
  }

  @Test func theThresholdsComeFromThePipelinesFindingsBlock() throws {
    let folder = try TemporaryFolder()
    try folder.write("corpus/a.txt", "x\n")
    let path = try folder.write(
      "p.yml",
      """
      name: p
      sources: [corpus]
      taxonomy: \(Fixtures.repositoryRoot)/pipelines/lsp-codebook.yml
      findings: {min_evidence: 2, virtuous_share: 0.9, vicious_share: 0.2, circle_weight: 5, cited: 3}
      """)
    let rule = try PipelineDefinition.load(from: path).verdictRule
    #expect(rule.minEvidence == 2)
    #expect(rule.virtuousShare == 0.9)
    #expect(rule.viciousShare == 0.2)
    #expect(rule.circleWeight == 5)
    #expect(rule.cited == 3)
    try folder.write(
      "q.yml",
      """
      name: q
      sources: [corpus]
      taxonomy: \(Fixtures.repositoryRoot)/pipelines/lsp-codebook.yml
      findings: {virtuous_share: 0.4, vicious_share: 0.6}
      """)
    #expect(throws: ConfigurationError.self) {
      try PipelineDefinition.load(from: folder.path + "/q.yml")
    }
  }

  @Test func rowsCanBeDocumentsFoldersOrYears() throws {
    let folder = try output([
      ("minutes/a.txt", 2006, [Self.record("success_factor.trust", "positive")]),
      ("minutes/b.txt", nil, [Self.record("success_factor.trust", "negative")]),
    ])
    #expect(
      try findings(folder, grouping: .year).0.count(
        row: "2006", column: "success_factor.trust:positive") == 1)
    #expect(
      try findings(folder, grouping: .year).0.count(
        row: Findings.unknownYear, column: "success_factor.trust:negative") == 1)
    #expect(
      try findings(folder, grouping: .folder).0.count(
        row: "minutes", column: "success_factor.trust:negative") == 1)
    #expect(
      try findings(folder, grouping: .document).0.count(
        row: "minutes/b.txt", column: "success_factor.trust:negative") == 1)
    let documents = try folder.read("out/findings/documents.csv").components(separatedBy: "\r\n")
    #expect(documents[0].hasPrefix("source,doc_id,year,success_factor.trust:positive"))
    #expect(documents[1].hasPrefix("minutes/a.txt,"))
  }

  @Test func badLinesAreNamedAndSkippedAndTheRestIsRead() throws {
    let folder = try output([
      (
        "a.txt", 2006,
        [
          Self.record("success_factor.trust", "positive", partnership: Self.good),
          #"{"schema":"lspminer.evidence/2","code":"success_factor.trust"}"#,
          #"{"schema":"lspminer.evidence/1","code":"success_f"#,
        ]
      )
    ])
    let (findings, skipped) = try findings(folder)
    #expect(findings.recordCount == 1)
    #expect(skipped.count == 2)
    #expect(
      skipped[0].hasSuffix(":2: schema 'lspminer.evidence/2', not 'lspminer.evidence/1'; skipped"))
    #expect(skipped[1].hasSuffix(":3: not a JSON object; skipped"))
    #expect(throws: OutputReader.ReadError.self) {
      try OutputReader(folder: folder.path + "/nowhere")
    }
    try folder.write("empty/readme.txt", "x")
    #expect(throws: OutputReader.ReadError.self) {
      try OutputReader(folder: folder.path + "/empty")
    }
  }

  @Test func theConcordanceShowsEachMentionInItsContextAlignedOnTheMatch() throws {
    let text =
      "Title\n\nPartners said there is\nmutual trust between them. Trust was low in 2003.\n"
    let scalars = Array(text.unicodeScalars)
    func offsets(of word: String, from: Int = 0) -> (Int, Int) {
      let target = Array(word.unicodeScalars)
      let start = (from..<scalars.count).first {
        Array(scalars[$0...].prefix(target.count)) == target
      }!
      return (start, start + target.count)
    }
    func record(_ word: String, _ polarity: String, from: Int = 0) -> String {
      let (start, end) = offsets(of: word, from: from)
      return Self.record("success_factor.trust", polarity, partnership: Self.good, match: word)
        .replacingOccurrences(
          of: #""char_start":0,"char_end":1"#, with: #""char_start":\#(start),"char_end":\#(end)"#)
    }
    let comment = record("Trust", "negative", from: 40).replacingOccurrences(
      of: #""line":1"#, with: #""line":1,"reader_comment":true"#)
    let folder = try output([("a.txt", 2006, [record("mutual trust", "positive"), comment])])
    let docID = String(repeating: "0", count: 64)
    try folder.write("out/text/\(docID).txt", text)
    var reader = try OutputReader(folder: folder.path + "/out")
    var lines: [Concordance.Line] = []
    try Concordance.lines(
      in: &reader, filter: Concordance.Filter(codes: ["success_factor"]), width: 12
    ) { lines.append($0) }
    #expect(lines.map(\.match) == ["mutual trust", "Trust"])
    // Line breaks in the context are folded to spaces.
    #expect(lines[0].left == "id there is ")
    #expect(lines[0].right == " between the")
    #expect(
      Concordance.format(lines[0], width: 12, highlight: nil)
        == "id there is   mutual trust   between the  a.txt:1")
    #expect(
      Concordance.json(lines[1]).contains(
        #""match":"Trust","right":" was low in ","reader_comment":true}"#))
    #expect(!Concordance.json(lines[0]).contains("reader_comment"))
    #expect(
      Concordance.format(lines[1], width: 12, highlight: nil).hasSuffix(
        "a.txt:1 (reader's comment)"))
    var negative = try OutputReader(folder: folder.path + "/out")
    var count = 0
    try Concordance.lines(
      in: &negative,
      filter: Concordance.Filter(codes: ["success_factor.trust"], polarity: "negative"),
      width: 12
    ) { _ in count += 1 }
    #expect(count == 1)
    var otherYear = try OutputReader(folder: folder.path + "/out")
    try Concordance.lines(
      in: &otherYear, filter: Concordance.Filter(codes: ["success_factor"], year: 2007), width: 12
    ) { _ in Issue.record("a line from another year") }
  }

  /// The corpus documents written for the verdicts: each partnership's verdict and the records
  /// that decided it, from a real run of the pipeline over them.
  @Test func theCorpusPartnershipsGetTheirVerdictsAndOneBreaksOut() async throws {
    let folder = try TemporaryFolder()
    var definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    definition.sources = [Fixtures.repositoryRoot + "/corpus/findings"]
    definition.outputPath = folder.path + "/out"
    let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
    let report = try await PipelineRunner(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy),
      jobs: 2
    ).run()
    #expect(report.documentCount == 9)
    let (findings, skipped) = try findings(folder, rule: definition.verdictRule)
    #expect(skipped.isEmpty)
    let verdicts = findings.verdicts
    #expect(verdicts["Saltmere Local Strategic Partnership"] == "virtuous")
    #expect(verdicts["Farrowby Local Strategic Partnership"] == "vicious")
    #expect(verdicts["Quenby Dale Local Strategic Partnership"] == "mixed")
    #expect(
      findings.yearlyVerdicts["Castlethorne Local Strategic Partnership"]?.map(\.year)
        == [2003, 2005, 2008])
    #expect(
      findings.yearlyVerdicts["Castlethorne Local Strategic Partnership"]?.first?.verdict
        == "vicious")
    // Written to climb out of the vicious circle by 2008. The 2008 evaluation's positive share
    // sits at the virtuous threshold (0.70 with the rules alone, 0.66 with the polarity model,
    // which reads three of its sentences negative): the climb is asserted, not the last verdict.
    #expect(
      findings.yearlyVerdicts["Castlethorne Local Strategic Partnership"]?.last?.verdict
        != "vicious")
    let summaries = try folder.read("out/findings/partnerships.jsonl").split(separator: "\n")
      .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    func summary(_ name: String) throws -> [String: Any] {
      try #require(summaries.first { $0["partnership"] as? String == name })
    }
    let castlethorne = try summary("Castlethorne Local Strategic Partnership")
    #expect(["broke out", "steady"].contains(castlethorne["trajectory"] as? String ?? ""))
    let shares = try #require(castlethorne["years"] as? [[String: Any]]).map { year in
      let positive = Double(year["positive"] as? Int ?? 0)
      return positive / max(positive + Double(year["negative"] as? Int ?? 0), 1)
    }
    #expect((shares.last ?? 0) > 2 * (shares.first ?? 1))
    // Each verdict cites its circle mentions first, from the partnership's own documents.
    let farrowby = try summary("Farrowby Local Strategic Partnership")
    let cited = try #require(farrowby["cited"] as? [[String: Any]])
    #expect((cited.first?["sentence"] as? String)?.contains("vicious circle") == true)
    #expect(cited.allSatisfy { ($0["source"] as? String)?.hasPrefix("farrowby-") == true })
    #expect(cited.allSatisfy { $0["polarity"] as? String == "negative" })
    let years = try #require(castlethorne["years"] as? [[String: Any]])
    let lastCited = try #require(years.last?["cited"] as? [[String: Any]])
    #expect((lastCited.first?["code"] as? String)?.hasPrefix("circle.") == true)
    #expect(
      lastCited.allSatisfy { ($0["source"] as? String) == "castlethorne-lsp-evaluation-2008.txt" })
  }

  @Test func theReportEscapesTextAndColoursCellsByBalance() throws {
    #expect(FindingsReport.escape(#"<b>"A & B"</b>"#) == "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;")
    #expect(FindingsReport.colour(0, 0) == "#ffffff")
    #expect(FindingsReport.colour(5, 0) == "#69ff69")
    #expect(FindingsReport.colour(0, 5) == "#ff6969")
    #expect(FindingsReport.colour(2, 2) == "#ffffff")
    let folder = try output([
      ("a.txt", 2006, Self.many("success_factor.trust", "positive", "<Script> LSP", 5))
    ])
    let (findings, _) = try findings(folder)
    let page = FindingsReport().html(
      findings,
      provenance: .init(
        pipeline: "p", taxonomy: "t", taxonomyVersion: "1", taxonomySHA256: "abc", finished: nil))
    #expect(page.contains("&lt;Script&gt; LSP"))
    #expect(!page.contains("<Script>"))
    #expect(page.contains(#"data-code="success_factor.trust" data-positive="5" data-negative="0""#))
    #expect(page.contains(#"data-verdict="virtuous""#))
  }

  @Test func theDiffOfTwoOutputsListsRecordsThatAppearedVanishedOrChanged() throws {
    let before = try output([
      (
        "a.txt", 2006,
        [
          Self.record("success_factor.trust", "positive", partnership: Self.good, block: 1),
          Self.record("governance.accountability", "negative", block: 2),
        ]
      )
    ])
    let after = try output([
      (
        "a.txt", 2006,
        [
          Self.record("success_factor.trust", "negative", partnership: Self.bad, block: 1),
          Self.record("delivery.outcomes", "positive", block: 3),
        ]
      )
    ])
    let diff = try OutputDiff(old: before.path + "/out", new: after.path + "/out")
    #expect(!diff.isIdentical)
    #expect(diff.changes.map(\.kind) == [.changed, .appeared, .vanished])
    #expect(
      diff.changes[0].detail
        == "polarity positive -> negative, partnership Ashdown Vale LSP -> Coldharbour Partnership")
    #expect(diff.counts["delivery.outcomes"]?.appeared == 1)
    #expect(diff.counts["governance.accountability"]?.vanished == 1)
    #expect(try OutputDiff(old: before.path + "/out", new: before.path + "/out").isIdentical)
  }
}
