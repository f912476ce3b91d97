import Foundation
import Testing

@testable import TextMining

@Suite struct EvaluationTests {
  private func value(_ code: String, _ polarity: Polarity = .neutral, hedged: Bool = false) throws
    -> GoldStandard.CodedValue
  {
    GoldStandard.CodedValue(
      code: try #require(Code(rawValue: code)), polarity: polarity, isHedged: hedged)
  }

  @Test func scoresTriplesPerCodeMicroAndMacro() throws {
    let gold = [
      (doc: "a", sentence: "Trust is  HIGH.", value: try value("success_factor.trust", .positive)),
      (doc: "a", sentence: "The LSP met.", value: try value("partnership.lsp")),
      (doc: "a", sentence: "Leadership matters.", value: try value("success_factor.leadership")),
    ]
    let predicted = [
      (doc: "a", sentence: "trust is high.", value: try value("success_factor.trust", .negative)),
      (doc: "a", sentence: "The LSP met.", value: try value("partnership.lsp")),
      (doc: "a", sentence: "The LSP met.", value: try value("policy.laa")),
    ]
    let evaluation = Evaluation(gold: gold, predicted: predicted)
    #expect(
      evaluation.micro == Evaluation.Score(truePositives: 2, falsePositives: 1, falseNegatives: 1))
    #expect(
      evaluation.perCode[try #require(Code(rawValue: "success_factor.leadership"))]?.recall == 0)
    #expect(abs(evaluation.macroF1 - (1 + 1 + 0 + 0) / 4) < 1e-9)
    #expect(evaluation.polarityAccuracy == 0.5)
    #expect(
      evaluation.mistakes.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [
        .falseAlarm, .miss, .polarity,
      ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(evaluation.json.utf8)) as? [String: Any])
    #expect((json["micro"] as? [String: Any])?["tp"] as? Int == 2)
  }

  @Test func comparesSentencesAfterNFKCCaseFoldingAndWhiteSpace() {
    #expect(SentenceKey.of("The  ﬁrst\tLSP ") == SentenceKey.of("the first lsp"))
    // A hyphen between letters is no difference (a word broken over a line end is written
    // either way), one elsewhere is.
    #expect(SentenceKey.of("The indic-ators are new.") == SentenceKey.of("The indicators are new."))
    #expect(SentenceKey.of("2006-07 figures") != SentenceKey.of("200607 figures"))
    #expect(SentenceKey.of("a co- operation") != SentenceKey.of("a cooperation"))
  }

  @Test func oneValuePerSentenceAndCode() throws {
    func record(_ polarity: Polarity, hedged: Bool) -> EvidenceRecord {
      EvidenceRecord(
        docID: "d", source: "s", title: nil, code: Code(category: "success_factor", name: "trust"),
        match: "trust",
        polarity: polarity, isHedged: hedged, partnership: nil, sentence: "S.", block: 0,
        charStart: 0, charEnd: 1,
        line: 1, taxonomyName: "t", taxonomyVersion: "1", taxonomySHA256: "0", pipeline: "p")
    }
    let values = GoldEvaluator.sentenceCodes([
      record(.neutral, hedged: true), record(.negative, hedged: false),
    ])
    #expect(values.count == 1)
    #expect(values.first?.value.polarity == .negative)
    #expect(values.first?.value.isHedged == false)
  }

  @Test func reportsABadGoldLineWithFileAndLine() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "gold.jsonl",
      #"{"doc":"a.txt","sentence":"S.","codes":[{"code":"success_factor.trust"}]}"#
        + "\n{\"doc\":\"a.txt\"}\n")
    #expect {
      try GoldStandard.load(from: path)
    } throws: { error in
      "\(error)".hasPrefix(path + ":2:1: missing 'sentence'")
    }
  }

  @Test func countsAPolarityConfusionMatrixAndTheRecallOfEachPolarity() throws {
    let gold = [
      (doc: "a", sentence: "One.", value: try value("success_factor.trust", .negative)),
      (doc: "a", sentence: "Two.", value: try value("success_factor.trust", .negative)),
      (doc: "a", sentence: "Three.", value: try value("success_factor.trust", .negative)),
      (doc: "a", sentence: "Four.", value: try value("success_factor.leadership", .positive)),
    ]
    let predicted = [
      (doc: "a", sentence: "One.", value: try value("success_factor.trust", .negative)),
      (doc: "a", sentence: "Two.", value: try value("success_factor.trust", .neutral)),
      (doc: "a", sentence: "Four.", value: try value("success_factor.leadership", .positive)),
    ]
    let evaluation = Evaluation(gold: gold, predicted: predicted)
    #expect(evaluation.polarityConfusion == [[1, 0, 0], [0, 1, 1], [0, 0, 0]])
    #expect(evaluation.polarityRecall(.negative) == 0.5)
    #expect(abs(evaluation.polarityRecallOverAll(.negative) - 1.0 / 3) < 1e-9)
    #expect(evaluation.polarityRecall(.positive) == 1)
    #expect(
      evaluation.table.contains(
        "negative mentions read as negative: 1 of 2 matched (0.500); of all 3 in the gold, 0.333"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(evaluation.json.utf8)) as? [String: Any])
    #expect(json["negative_recall"] as? Double == 0.5)
    #expect((json["polarity_confusion"] as? [String: [String: Int]])?["negative"]?["neutral"] == 1)
  }

  @Test func countsGoldSentencesThatNoPredictedSentenceMatches() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "src/a.txt", "Review\n\nThe LSP met. There is mutual trust between partners.\n")
    let gold = try folder.write(
      "gold.jsonl",
      #"{"doc":"a.txt","sentence":"The LSP met.","codes":[{"code":"partnership.lsp"}]}"# + "\n"
        + #"{"doc":"a.txt","sentence":"The LSP met. There is mutual trust","codes":[{"code":"success_factor.trust","polarity":"positive"}]}"#
        + "\n")
    var definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    definition.sources = [folder.path + "/src"]
    let evaluation = GoldEvaluator(
      definition: definition,
      processor: .standard(definition: definition, taxonomy: try Fixtures.projectTaxonomy())
    ).evaluate(try GoldStandard.load(from: gold))
    #expect(evaluation.goldSentenceCount == 2)
    #expect(
      evaluation.unsegmentedSentences.map(\.sentence) == ["The LSP met. There is mutual trust"])
    #expect(evaluation.unsegmentedTripleCount == 1)
    #expect(evaluation.unsegmentedShare == 0.5)
    #expect(
      evaluation.mistakeList.contains(
        "unsegmented\t-\ta.txt\t-\tThe LSP met. There is mutual trust"))
  }

  @Test func readsTheMembersOfArchivesAmongTheSourcesAsARunDoes() throws {
    let folder = try TemporaryFolder()
    try folder.write("src/reports.zip", bytes: try Fixtures.bytes("archives/reports.zip"))
    let gold = try folder.write(
      "gold.jsonl",
      #"{"doc":"reports.zip!/reports/board-note.txt","sentence":"Thornbury LSP board note","codes":[{"code":"partnership.named"}]}"#
        + "\n")
    var definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    definition.sources = [folder.path + "/src"]
    let evaluation = GoldEvaluator(
      definition: definition,
      processor: .standard(definition: definition, taxonomy: try Fixtures.projectTaxonomy())
    ).evaluate(try GoldStandard.load(from: gold))
    #expect(evaluation.missingDocuments.isEmpty)
    #expect(evaluation.unsegmentedSentences.isEmpty)
    #expect(evaluation.goldSentenceCount == 1)
  }

  @Test func scoresAttributionOverMatchedTriplesWhoseGoldGivesOne() throws {
    func attributed(_ code: String, _ partnership: String??) throws -> GoldStandard.CodedValue {
      var coded = try value(code)
      coded.partnership = partnership
      return coded
    }
    let gold = [
      (doc: "a", sentence: "One.", value: try attributed("partnership.lsp", "Oakridge LSP")),
      (doc: "a", sentence: "Two.", value: try attributed("partnership.lsp", .some(nil))),
      (doc: "a", sentence: "Three.", value: try attributed("partnership.lsp", "Oakridge LSP")),
      // No attribution in the gold: not scored for it.
      (doc: "a", sentence: "Four.", value: try value("partnership.lsp")),
      (doc: "a", sentence: "Five.", value: try attributed("partnership.lsp", "Oakridge LSP")),
      (doc: "a", sentence: "Six.", value: try attributed("partnership.lsp", .some(nil))),
    ]
    let predicted = [
      // Compared without case, a leading "the" or a trailing possessive.
      (doc: "a", sentence: "One.", value: try attributed("partnership.lsp", "the oakridge LSP's")),
      (doc: "a", sentence: "Two.", value: try attributed("partnership.lsp", .some(nil))),
      (doc: "a", sentence: "Three.", value: try attributed("partnership.lsp", "Elmstead LSP")),
      (doc: "a", sentence: "Four.", value: try attributed("partnership.lsp", "Elmstead LSP")),
      (doc: "a", sentence: "Five.", value: try attributed("partnership.lsp", .some(nil))),
      (doc: "a", sentence: "Six.", value: try attributed("partnership.lsp", "Elmstead LSP")),
    ]
    let evaluation = Evaluation(gold: gold, predicted: predicted)
    #expect(evaluation.attributionMatched == 5)
    #expect(evaluation.attributionAgreements == 2)
    // The disagreements by kind: another partnership, none, one where the gold has none.
    #expect(evaluation.misattributed == 1)
    #expect(evaluation.unattributed == 1)
    #expect(evaluation.overattributed == 1)
    #expect(
      Set(evaluation.mistakes.map(\.detail)) == [
        "gold Oakridge LSP, predicted Elmstead LSP", "gold Oakridge LSP, predicted none",
        "gold none, predicted Elmstead LSP",
      ])
    #expect(evaluation.table.contains("partnership attribution 0.400: 2 of 5"))
    #expect(evaluation.table.contains("tagger none 1; another 1; gold none, tagger one 1"))
  }

  @Test func attributionByIdentityCountsTheGoldsNameForTheTaggersOwnNamedMention() throws {
    func attributed(_ code: String, _ partnership: String??) throws -> GoldStandard.CodedValue {
      var coded = try value(code)
      coded.partnership = partnership
      return coded
    }
    let formal = "Harbury Local Strategic Partnership"
    let gold = [
      // The sentence that says "One Harbury": the gold gives it the formal name.
      (doc: "a", sentence: "One.", value: try attributed("partnership.named", formal)),
      (doc: "a", sentence: "Two.", value: try attributed("delivery.resources", formal)),
      (doc: "a", sentence: "Three.", value: try attributed("policy.laa", "Safer Harbury")),
      // In another document the pairing does not hold.
      (doc: "b", sentence: "Four.", value: try attributed("policy.laa", formal)),
    ]
    let predicted = [
      (doc: "a", sentence: "One.", value: try attributed("partnership.named", "One Harbury")),
      (doc: "a", sentence: "Two.", value: try attributed("delivery.resources", "One Harbury")),
      (doc: "a", sentence: "Three.", value: try attributed("policy.laa", "One Harbury")),
      (doc: "b", sentence: "Four.", value: try attributed("policy.laa", "One Harbury")),
    ]
    let evaluation = Evaluation(gold: gold, predicted: predicted)
    #expect(evaluation.attributionMatched == 4)
    #expect(evaluation.attributionAgreements == 0)
    // "One." and "Two." are the same partnership; "Three." is another; "b" has no pairing.
    #expect(evaluation.attributionIdentityAgreements == 2)
    #expect(evaluation.table.contains("by identity 0.500: 2 of 4"))
  }

  @Test func readsAGoldPartnershipAsANameOrNull() throws {
    let named = try GoldStandard.parse(
      line:
        #"{"doc": "a", "sentence": "S.", "codes": [{"code": "partnership.lsp", "partnership": "Oakridge LSP"}, {"code": "policy.laa", "partnership": null}, {"code": "sector.public"}]}"#,
      file: "g.jsonl", number: 1)
    #expect(named.codes.map(\.partnership) == [.some("Oakridge LSP"), .some(nil), nil])
    #expect(throws: ConfigurationError.self) {
      try GoldStandard.parse(
        line:
          #"{"doc": "a", "sentence": "S.", "codes": [{"code": "policy.laa", "partnership": 3}]}"#,
        file: "g.jsonl", number: 1)
    }
  }
}
