/// Scores predicted codes against a gold standard by the codebook's rule.
///
/// Units are (document, sentence, code) triples, sentences compared by `SentenceKey`.
/// Precision, recall and F1 per code, per category (pooled), micro (pooled over all codes) and
/// macro (mean F1 over the codes that occur in the gold standard or the predictions); polarity
/// and hedging accuracy over the triples found in both.
public struct Evaluation: Sendable {
  /// One scored triple: the document, the sentence as the gold or the tagger wrote it, the code.
  public struct Triple: Sendable, Hashable {
    public var doc: String
    public var sentenceKey: String
    public var code: Code
  }

  /// Counts for one code or group of codes.
  public struct Score: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public var precision: Double {
      truePositives + falsePositives == 0
        ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double {
      truePositives + falseNegatives == 0
        ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    public var f1: Double {
      let p = precision
      let r = recall
      return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// Gold triples of the code.
    public var support: Int { truePositives + falseNegatives }

    mutating func add(_ other: Score) {
      truePositives += other.truePositives
      falsePositives += other.falsePositives
      falseNegatives += other.falseNegatives
    }
  }

  /// A miss or false alarm, for `--show-errors`.
  public struct Mistake: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case miss
      case falseAlarm = "false alarm"
      case polarity, hedging, attribution
    }
    public var kind: Kind
    public var doc: String
    public var sentence: String
    public var code: Code
    public var detail: String
  }

  public var perCode: [Code: Score] = [:]
  /// Matched triples by gold polarity (first index) and predicted polarity (second), in
  /// `Polarity.allCases` order: the polarity confusion matrix.
  public var polarityConfusion: [[Int]] = Array(repeating: [0, 0, 0], count: 3)
  /// Gold triples of each polarity, matched or not, in `Polarity.allCases` order.
  public var goldPolarityCounts = [0, 0, 0]
  /// Coded gold sentences, and those whose text no predicted sentence of the same document
  /// has: the segmenter cut them elsewhere, so their triples cannot match (set by
  /// `GoldEvaluator`, which knows every predicted sentence).
  public var goldSentenceCount = 0
  public var unsegmentedSentences: [(doc: String, sentence: String)] = []
  /// Gold triples in the unsegmented sentences.
  public var unsegmentedTripleCount = 0
  /// Matched triples whose gold line gives a partnership (a name or null), and those the tagger
  /// attributed to the same partnership (names compared by `PartnershipKey`).
  public var attributionMatched = 0
  public var attributionAgreements = 0
  /// The attribution disagreements by kind: the gold names a partnership and the tagger none
  /// (`unattributed`), another one (`misattributed`), or the gold names none and the tagger
  /// one (`overattributed`).
  public var unattributed = 0
  public var misattributed = 0
  public var overattributed = 0
  /// Matched triples attributed to the gold's partnership by identity rather than by name form:
  /// a name the tagger gives and a name the gold gives count as one partnership in a document
  /// where the gold gives that name to a sentence's `partnership.named` mention that the tagger
  /// names so ("One Hollinscar" and "Hollinscar and District Local Strategic Partnership", when
  /// the gold writes the latter for the sentence that says "One Hollinscar"). Each tagger name is
  /// paired so only when every such sentence of the document pairs it with the same gold name.
  public var attributionIdentityAgreements = 0
  public var polarityAgreements = 0
  public var hedgingAgreements = 0
  public var matchedCount = 0
  public var mistakes: [Mistake] = []
  /// The counts of each document, for the intervals (`Evaluation+Intervals`): documents are the
  /// units a resample draws, since the sentences of one report are not independent.
  public var perDocument: [String: DocumentCounts] = [:]
  /// Gold documents that the pipeline's sources do not hold, or that failed to process.
  public var missingDocuments: [String] = []
  /// Why each of `missingDocuments` is missing, in the same order.
  public var missingReasons: [String] = []

  /// Codes in order, for reports.
  public var codes: [Code] { perCode.keys.sorted() }

  /// Pooled counts per category.
  public var perCategory: [(category: String, score: Score)] {
    var pooled: [String: Score] = [:]
    for (code, score) in perCode { pooled[code.category, default: Score()].add(score) }
    return pooled.keys.sorted().map { ($0, pooled[$0] ?? Score()) }
  }

  /// Pooled counts over every code.
  public var micro: Score {
    var total = Score()
    for score in perCode.values { total.add(score) }
    return total
  }

  /// Mean F1 over the codes.
  public var macroF1: Double {
    perCode.isEmpty ? 0 : perCode.values.reduce(0) { $0 + $1.f1 } / Double(perCode.count)
  }

  /// Share of matched triples whose polarity agrees.
  public var polarityAccuracy: Double {
    matchedCount == 0 ? 0 : Double(polarityAgreements) / Double(matchedCount)
  }

  /// Of the matched triples that the gold calls `polarity`, the share predicted so.
  public func polarityRecall(_ polarity: Polarity) -> Double {
    let row = polarityConfusion[polarity.index]
    let total = row.reduce(0, +)
    return total == 0 ? 0 : Double(row[polarity.index]) / Double(total)
  }

  /// Of all gold triples of `polarity`, found or not, the share found and predicted so: what an
  /// analyst counting that polarity's records would see.
  public func polarityRecallOverAll(_ polarity: Polarity) -> Double {
    let total = goldPolarityCounts[polarity.index]
    return total == 0
      ? 0 : Double(polarityConfusion[polarity.index][polarity.index]) / Double(total)
  }

  /// Share of coded gold sentences that no predicted sentence matches.
  public var unsegmentedShare: Double {
    goldSentenceCount == 0 ? 0 : Double(unsegmentedSentences.count) / Double(goldSentenceCount)
  }
  /// Of the matched triples whose gold gives a partnership, the share attributed to it.
  public var attributionAccuracy: Double {
    attributionMatched == 0 ? 0 : Double(attributionAgreements) / Double(attributionMatched)
  }

  /// Of the matched triples whose gold gives a partnership, the share attributed to it by
  /// identity (`attributionIdentityAgreements`).
  public var attributionIdentityAccuracy: Double {
    attributionMatched == 0
      ? 0 : Double(attributionIdentityAgreements) / Double(attributionMatched)
  }

  /// Share of matched triples whose hedging agrees.
  public var hedgingAccuracy: Double {
    matchedCount == 0 ? 0 : Double(hedgingAgreements) / Double(matchedCount)
  }

  /// Scores predictions against gold.
  ///
  /// - Parameters:
  ///   - gold: gold triples with their attributes; the sentence text as the gold gives it.
  ///   - predicted: predicted triples with their attributes.
  public init(
    gold: [(doc: String, sentence: String, value: GoldStandard.CodedValue)],
    predicted: [(doc: String, sentence: String, value: GoldStandard.CodedValue)]
  ) {
    var goldIndex: [Triple: (String, GoldStandard.CodedValue)] = [:]
    for item in gold {
      goldIndex[
        Triple(doc: item.doc, sentenceKey: SentenceKey.of(item.sentence), code: item.value.code)] =
        (item.sentence, item.value)
    }
    var predictedIndex: [Triple: (String, GoldStandard.CodedValue)] = [:]
    for item in predicted {
      predictedIndex[
        Triple(doc: item.doc, sentenceKey: SentenceKey.of(item.sentence), code: item.value.code)] =
        (item.sentence, item.value)
    }
    let order: (Triple, Triple) -> Bool = {
      ($0.doc, $0.sentenceKey, $0.code.rawValue) < ($1.doc, $1.sentenceKey, $1.code.rawValue)
    }
    // The name forms the gold gives to the tagger's named mentions, per document: tagger name
    // (compared by `PartnershipKey`) to gold name, nil where two gold names compete.
    var sameNames: [String: [String: String?]] = [:]
    for (triple, (_, value)) in goldIndex where triple.code.rawValue == "partnership.named" {
      guard case .some(.some(let expected)) = value.partnership,
        let (_, guess) = predictedIndex[triple], case .some(.some(let found)) = guess.partnership
      else { continue }
      let foundKey = PartnershipKey.of(found)
      let expectedKey = PartnershipKey.of(expected)
      if let known = sameNames[triple.doc]?[foundKey] {
        if known != expectedKey { sameNames[triple.doc]?[foundKey] = .some(nil) }
      } else {
        sameNames[triple.doc, default: [:]][foundKey] = .some(expectedKey)
      }
    }
    for triple in goldIndex.keys.sorted(by: order) {
      guard let (sentence, value) = goldIndex[triple] else { continue }
      goldPolarityCounts[value.polarity.index] += 1
      var counts = perDocument[triple.doc] ?? DocumentCounts()
      defer { perDocument[triple.doc] = counts }
      if let (_, guess) = predictedIndex[triple] {
        perCode[triple.code, default: Score()].truePositives += 1
        counts.truePositives += 1
        matchedCount += 1
        polarityConfusion[value.polarity.index][guess.polarity.index] += 1
        if value.polarity == .negative {
          counts.negativeMatched += 1
          if guess.polarity == .negative { counts.negativeAgreements += 1 }
        }
        if guess.polarity == value.polarity {
          polarityAgreements += 1
          counts.polarityAgreements += 1
        } else {
          mistakes.append(
            Mistake(
              kind: .polarity, doc: triple.doc, sentence: sentence, code: triple.code,
              detail: "gold \(value.polarity.rawValue), predicted \(guess.polarity.rawValue)"))
        }
        if guess.isHedged == value.isHedged {
          hedgingAgreements += 1
          counts.hedgingAgreements += 1
        } else {
          mistakes.append(
            Mistake(
              kind: .hedging, doc: triple.doc, sentence: sentence, code: triple.code,
              detail: "gold hedged \(value.isHedged), predicted \(guess.isHedged)"))
        }
        if case .some(let expected) = value.partnership {
          attributionMatched += 1
          counts.attributionMatched += 1
          let found = guess.partnership ?? nil
          let expectedKey = expected.map(PartnershipKey.of)
          let foundKey = found.map(PartnershipKey.of)
          if expectedKey == foundKey
            || (foundKey.flatMap { sameNames[triple.doc]?[$0] ?? nil } == expectedKey
              && expectedKey != nil)
          {
            attributionIdentityAgreements += 1
            counts.attributionIdentityAgreements += 1
          }
          if expectedKey == foundKey {
            attributionAgreements += 1
            counts.attributionAgreements += 1
          } else {
            switch (expected, found) {
            case (.some, nil): unattributed += 1
            case (nil, .some): overattributed += 1
            default: misattributed += 1
            }
            mistakes.append(
              Mistake(
                kind: .attribution, doc: triple.doc, sentence: sentence, code: triple.code,
                detail: "gold \(expected ?? "none"), predicted \(found ?? "none")"))
          }
        }
      } else {
        perCode[triple.code, default: Score()].falseNegatives += 1
        counts.falseNegatives += 1
        mistakes.append(
          Mistake(
            kind: .miss, doc: triple.doc, sentence: sentence, code: triple.code,
            detail: value.polarity.rawValue))
      }
    }
    for triple in predictedIndex.keys.sorted(by: order) where goldIndex[triple] == nil {
      guard let (sentence, value) = predictedIndex[triple] else { continue }
      perCode[triple.code, default: Score()].falsePositives += 1
      perDocument[triple.doc, default: DocumentCounts()].falsePositives += 1
      mistakes.append(
        Mistake(
          kind: .falseAlarm, doc: triple.doc, sentence: sentence, code: triple.code,
          detail: value.polarity.rawValue))
    }
  }
}
