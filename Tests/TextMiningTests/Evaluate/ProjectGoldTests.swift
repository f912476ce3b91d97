import Testing

@testable import TextMining

/// The development gold set in corpus/gold/dev and the tagger's score on it.
@Suite struct ProjectGoldTests {
  private func load() throws -> (GoldStandard, PipelineDefinition, Taxonomy) {
    let gold = try GoldStandard.load(from: Fixtures.repositoryRoot + "/corpus/gold/dev")
    let definition = try PipelineDefinition.load(from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    return (gold, definition, try Taxonomy.load(from: definition.taxonomyPath))
  }

  @Test func coversEveryCodeAtLeastFiveTimesInFourHundredSentences() throws {
    let (gold, _, taxonomy) = try load()
    #expect(gold.sentences.count >= 400)
    var counts: [Code: Int] = [:]
    for sentence in gold.sentences { for value in sentence.codes { counts[value.code, default: 0] += 1 } }
    for definition in taxonomy.codes {
      #expect(counts[definition.code, default: 0] >= 5, "\(definition.code) occurs \(counts[definition.code, default: 0]) times")
    }
    #expect(Set(counts.keys).isSubset(of: Set(taxonomy.codes.map(\.code))))
  }

  @Test func theTaggerScoresAtLeastMicroF1PointNineOnTheGoldSet() throws {
    let (gold, definition, taxonomy) = try load()
    let evaluation = GoldEvaluator(definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy))
      .evaluate(gold)
    #expect(evaluation.missingDocuments.isEmpty)
    #expect(evaluation.micro.f1 >= 0.90, "micro F1 \(evaluation.micro.f1)")
    #expect(evaluation.macroF1 >= 0.85, "macro F1 \(evaluation.macroF1)")
  }
}
