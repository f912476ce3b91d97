import Foundation
import Testing

@testable import TextMining

/// The development gold set in corpus/gold/dev and the tagger's score on it.
@Suite struct ProjectGoldTests {
  private func load() throws -> (GoldStandard, PipelineDefinition, Taxonomy) {
    let gold = try GoldStandard.load(from: Fixtures.repositoryRoot + "/corpus/gold/dev")
    let definition = try PipelineDefinition.load(
      from: Fixtures.repositoryRoot + "/pipelines/lsp-evaluation.yml")
    return (gold, definition, try Taxonomy.load(from: definition.taxonomyPath))
  }

  @Test func coversEveryCodeAtLeastFiveTimesInFourHundredSentences() throws {
    let (gold, _, taxonomy) = try load()
    #expect(gold.sentences.count >= 400)
    var counts: [Code: Int] = [:]
    for sentence in gold.sentences {
      for value in sentence.codes { counts[value.code, default: 0] += 1 }
    }
    for definition in taxonomy.codes {
      #expect(
        counts[definition.code, default: 0] >= 5,
        "\(definition.code) occurs \(counts[definition.code, default: 0]) times")
    }
    #expect(Set(counts.keys).isSubset(of: Set(taxonomy.codes.map(\.code))))
  }

  @Test func theTaggerScoresAtLeastMicroF1PointNineOnTheGoldSet() throws {
    let (gold, definition, taxonomy) = try load()
    let evaluation = GoldEvaluator(
      definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy)
    )
    .evaluate(gold)
    #expect(evaluation.missingDocuments.isEmpty)
    #expect(evaluation.micro.f1 >= 0.90, "micro F1 \(evaluation.micro.f1)")
    #expect(evaluation.macroF1 >= 0.85, "macro F1 \(evaluation.macroF1)")
  }

  /// The blind test set and the development set in archive styles: big enough to mean something,
  /// and every document they name is among the corpus's sources.
  @Test(arguments: [("test", 60, 3000), ("styles", 30, 600)])
  func theOtherGoldSetsHoldEnoughDocumentsAndNameOnlyCorpusFiles(
    set: String, documents: Int, sentences: Int
  ) throws {
    let gold = try GoldStandard.load(from: Fixtures.repositoryRoot + "/corpus/gold/" + set)
    #expect(gold.documents.count >= documents)
    #expect(gold.sentences.count >= sentences)
    for document in gold.documents {
      #expect(
        FileManager.default.fileExists(atPath: Fixtures.repositoryRoot + "/corpus/" + document),
        "\(document)")
    }
  }
}
