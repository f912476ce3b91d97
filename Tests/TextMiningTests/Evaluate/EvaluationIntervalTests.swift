import Foundation
import Testing

@testable import TextMining

/// The document bootstrap behind `eval`'s intervals and `--compare-taxonomy`.
@Suite struct EvaluationIntervalTests {
  private typealias Item = (doc: String, sentence: String, value: GoldStandard.CodedValue)

  private func value(_ code: String, _ polarity: Polarity = .neutral) throws
    -> GoldStandard.CodedValue
  {
    GoldStandard.CodedValue(
      code: try #require(Code(rawValue: code)), polarity: polarity, isHedged: false)
  }

  /// `count` documents, each with four gold triples; the tagger finds `found(doc)` of them.
  private func evaluation(documents count: Int, found: (Int) -> Int) throws -> Evaluation {
    var gold: [Item] = []
    var predicted: [Item] = []
    let codes = ["success_factor.trust", "partnership.lsp", "policy.laa", "sector.public"]
    for doc in 0..<count {
      for (index, code) in codes.enumerated() {
        let item = (doc: "d\(doc)", sentence: "Sentence \(index).", value: try value(code))
        gold.append(item)
        if index < found(doc) { predicted.append(item) }
      }
    }
    return Evaluation(gold: gold, predicted: predicted)
  }

  @Test func documentsThatAgreeGiveANarrowIntervalAndMixedOnesAWideOne() throws {
    // Every document alike: every resample scores the same.
    let alike = try evaluation(documents: 10) { _ in 2 }
    let narrow = try #require(alike.intervals(resamples: 200))
    #expect(narrow.documents == 10 && narrow.resamples == 200)
    #expect(narrow.bound(.recall)?.lower == 0.5 && narrow.bound(.recall)?.upper == 0.5)
    // Half the documents perfect, half missing everything: recall 0.5 on the whole set, and
    // resamples with more of one kind move it well away.
    let mixed = try evaluation(documents: 20) { $0 % 2 == 0 ? 4 : 0 }
    #expect(mixed.micro.recall == 0.5)
    let wide = try #require(mixed.intervals(resamples: 500))
    let recall = try #require(wide.bound(.recall))
    #expect(recall.lower < 0.4 && recall.upper > 0.6)
    #expect(recall.lower <= 0.5 && 0.5 <= recall.upper)
    // Every match agrees on polarity, so that interval stays at 1.
    #expect(wide.bound(.polarity)?.lower == 1 && wide.bound(.polarity)?.upper == 1)
    // No gold triple is negative: that figure has nothing to count and no interval (it is
    // not an interval at 0).
    #expect(wide.bound(.negativeRecall) == nil)
    #expect(Evaluation.table(wide).contains("not scored"))
  }

  @Test func intervalsAreTheSameOnEveryRunAndNeedTwoDocuments() throws {
    let mixed = try evaluation(documents: 12) { $0 % 4 }
    #expect(mixed.intervals() == mixed.intervals())
    #expect(try evaluation(documents: 1) { _ in 2 }.intervals() == nil)
    #expect(mixed.intervals(resamples: 0) == nil)
  }

  @Test func documentsAreTheUnitsResampled() throws {
    // One large document and many small ones: resampling documents moves the figure by the
    // large one's weight, which a resample of sentences would hide.
    var gold: [Item] = []
    var predicted: [Item] = []
    for sentence in 0..<200 {
      let item = (doc: "big", sentence: "Big \(sentence).", value: try value("partnership.lsp"))
      gold.append(item)
    }
    for doc in 0..<20 {
      let item = (doc: "small\(doc)", sentence: "Small.", value: try value("partnership.lsp"))
      gold.append(item)
      predicted.append(item)
    }
    let skewed = Evaluation(gold: gold, predicted: predicted)
    #expect(skewed.perDocument["big"]?.falseNegatives == 200)
    #expect(skewed.perDocument["small3"]?.truePositives == 1)
    let skewedIntervals = try #require(skewed.intervals(resamples: 500))
    let bound = try #require(skewedIntervals.bound(.recall))
    // Without the big document recall is 1; with it twice, 20 of 420.
    #expect(bound.upper == 1)
    #expect(bound.lower < 0.1)
  }

  @Test func aComparisonWithItselfIsZeroAndABetterTaggerIsBetter() throws {
    let base = try evaluation(documents: 30) { $0 % 3 }
    let same = try #require(base.comparison(with: base, resamples: 300))
    #expect(same.documents == 30)
    // (The test gold gives no negative triple and no partnership: those figures are unscored.)
    let unscored: [Evaluation.Intervals.Figure] = [
      .negativeRecall, .attribution, .attributionIdentity,
    ]
    for figure in Evaluation.Intervals.Figure.allCases where !unscored.contains(figure) {
      let difference = try #require(same.difference(figure))
      #expect(difference.value == 0 && difference.lower == 0 && difference.upper == 0)
      #expect(same.verdict(figure) == "within chance")
    }
    #expect(same.difference(.negativeRecall) == nil)
    #expect(same.verdict(.negativeRecall) == "not scored")
    // One more triple found in every document: recall rises on every resample.
    let better = try evaluation(documents: 30) { $0 % 3 + 1 }
    let change = try #require(better.comparison(with: base, resamples: 300))
    let gain = try #require(change.difference(.recall))
    #expect(gain.value > 0 && gain.lower > 0)
    let reverse = try #require(base.comparison(with: better, resamples: 300))
    let loss = try #require(reverse.difference(.recall))
    #expect(loss.upper < 0)
    #expect(Evaluation.table(change, baseline: "old.yml").contains("better"))
    #expect(Evaluation.table(reverse, baseline: "old.yml").contains("worse"))
    // One more triple in a single document of thirty: the resamples that draw none of it
    // leave the lower bound at exactly zero, and none goes the other way, so it is better.
    let oneMore = try evaluation(documents: 30) { $0 == 0 ? 1 : $0 % 3 }
    let small = try #require(oneMore.comparison(with: base, resamples: 300))
    let slight = try #require(small.difference(.recall))
    #expect(slight.lower == 0)
    #expect(small.verdict(.recall) == "better")
    #expect(base.comparison(with: oneMore, resamples: 300)?.verdict(.recall) == "worse")
    // One document better and another worse: within chance.
    let mixed = try evaluation(documents: 30) { $0 == 0 ? 1 : $0 == 1 ? 0 : $0 % 3 }
    #expect(mixed.comparison(with: base, resamples: 300)?.verdict(.recall) == "within chance")
  }

  @Test func tableAndJSONCarryTheIntervals() throws {
    let mixed = try evaluation(documents: 8) { $0 % 4 + 1 }
    let intervals = try #require(mixed.intervals(resamples: 100))
    let table = Evaluation.table(intervals)
    #expect(table.contains("95% intervals (100 resamples of the 8 documents"))
    #expect(table.contains("micro F1"))
    let comparison = try #require(mixed.comparison(with: mixed, resamples: 100))
    let object = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          mixed.json(intervals: intervals, comparison: comparison, baseline: "old.yml").utf8))
        as? [String: Any])
    let bounds = try #require(object["intervals"] as? [String: Any])
    #expect(bounds["resamples"] as? Int == 100)
    let f1 = try #require(bounds["micro_f1"] as? [Double])
    #expect(f1.count == 2 && f1[0] <= mixed.micro.f1 && mixed.micro.f1 <= f1[1])
    let difference = try #require(object["difference"] as? [String: Any])
    #expect(difference["recall"] as? [Double] == [0, 0, 0])
    #expect((difference["verdicts"] as? [String: Any])?["recall"] as? String == "within chance")
    #expect(difference["baseline"] as? String == "old.yml")
    // Without intervals the JSON is as before.
    #expect(!mixed.json.contains("intervals"))
  }
}
