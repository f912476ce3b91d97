import Foundation

extension Evaluation {
  /// A table for people: per code, per category, micro and macro, polarity and hedging accuracy.
  public var table: String {
    func row(_ name: String, _ score: Score) -> String {
      name.padding(toLength: 46, withPad: " ", startingAt: 0)
        + String(
          format: "%5d %5d %5d   %.3f  %.3f  %.3f", score.truePositives, score.falsePositives,
          score.falseNegatives, score.precision, score.recall, score.f1)
    }
    var lines = [
      "code".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "   tp    fp    fn   prec.  recall  F1"
    ]
    for code in codes { lines.append(row(code.rawValue, perCode[code] ?? Score())) }
    lines.append("")
    for (category, score) in perCategory { lines.append(row("category " + category, score)) }
    lines.append("")
    lines.append(row("micro", micro))
    lines.append(
      "macro F1".padding(toLength: 46, withPad: " ", startingAt: 0)
        + String(format: "%38.3f", macroF1))
    lines.append(
      String(
        format: "polarity accuracy %.3f, hedging accuracy %.3f over %d matched triples",
        polarityAccuracy, hedgingAccuracy, matchedCount))
    if attributionMatched > 0 {
      lines.append(
        String(
          format: "partnership attribution %.3f: %d of %d matched triples whose gold names one",
          attributionAccuracy, attributionAgreements, attributionMatched))
      lines.append(
        "  disagreements: gold names one, tagger none \(unattributed); another \(misattributed); "
          + "gold none, tagger one \(overattributed)")
      lines.append(
        String(
          format:
            "  by identity %.3f: %d of %d (a name the gold gives to the tagger's own named mention counts as that partnership)",
          attributionIdentityAccuracy, attributionIdentityAgreements, attributionMatched))
    }
    lines.append("")
    lines.append("polarity (rows gold, columns predicted; matched triples)")
    lines.append(
      "            "
        + Polarity.allCases.map { $0.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) }
        .joined())
    for polarity in Polarity.allCases {
      lines.append(
        polarity.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
          + polarityConfusion[polarity.index].map { String(format: "%-9d", $0) }.joined())
    }
    for polarity in [Polarity.negative, .positive] {
      let row = polarityConfusion[polarity.index]
      lines.append(
        String(
          format: "%@ mentions read as %@: %d of %d matched (%.3f); of all %d in the gold, %.3f",
          polarity.rawValue, polarity.rawValue, row[polarity.index], row.reduce(0, +),
          polarityRecall(polarity),
          goldPolarityCounts[polarity.index], polarityRecallOverAll(polarity)))
    }
    lines.append(
      String(
        format:
          "segmentation: %d of %d coded gold sentences (%.1f%%) match no predicted sentence; they hold %d of the %d missed triples",
        unsegmentedSentences.count, goldSentenceCount, 100 * unsegmentedShare,
        unsegmentedTripleCount,
        micro.falseNegatives))
    if !missingDocuments.isEmpty {
      lines.append(
        "missing documents (not found or failed): " + missingDocuments.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The mistakes, one per line: kind, code, document, detail and sentence; then each gold
  /// sentence that no predicted sentence matches.
  public var mistakeList: String {
    var lines = mistakes.map {
      "\($0.kind.rawValue)\t\($0.code)\t\($0.doc)\t\($0.detail)\t\($0.sentence)"
    }
    lines += unsegmentedSentences.map { "unsegmented\t-\t\($0.doc)\t-\t\($0.sentence)" }
    return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
  }

  /// The intervals for people: one line per figure, after a line saying how they were drawn.
  public static func table(_ intervals: Intervals) -> String {
    var lines = [
      String(
        format:
          "%.0f%% intervals (%d resamples of the %d documents with a gold or predicted code, drawn with replacement; how far a figure could move on another set like this one)",
        intervals.level * 100, intervals.resamples, intervals.documents)
    ]
    for figure in Intervals.Figure.allCases {
      let bound = intervals.bound(figure)
      lines.append(
        "  " + figure.label.padding(toLength: 36, withPad: " ", startingAt: 0)
          + (bound.map { String(format: "%.3f - %.3f", $0.lower, $0.upper) }
            ?? "not scored (nothing to count)"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A comparison for people: each figure's difference, its interval, and its verdict
  /// (`Comparison.verdict`).
  public static func table(_ comparison: Comparison, baseline: String) -> String {
    var lines = [
      String(
        format:
          "difference from %@ (this minus that; %.0f%% intervals from %d paired resamples of the %d documents)",
        baseline, comparison.level * 100, comparison.resamples, comparison.documents)
    ]
    for figure in Intervals.Figure.allCases {
      let text =
        comparison.difference(figure).map {
          String(format: "%+.4f  (%+.4f to %+.4f)  ", $0.value, $0.lower, $0.upper)
        } ?? ""
      lines.append(
        "  " + figure.label.padding(toLength: 36, withPad: " ", startingAt: 0) + text
          + comparison.verdict(figure))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A JSON array of numbers with four decimals, as scores are written, or null.
  private static func numberArray(_ values: [Double]?) -> [UInt8] {
    guard let values else { return Array("null".utf8) }
    return Array(
      ("[" + values.map { String(format: "%.4f", $0) }.joined(separator: ",") + "]").utf8)
  }

  /// A JSON object for programs, keys in a fixed order.
  public var json: String { json(intervals: nil, comparison: nil) }

  /// A JSON object for programs, keys in a fixed order; with `intervals`, an `intervals` object
  /// after the figures: `resamples`, `documents`, `level`, then each figure as `[lower, upper]`;
  /// with `comparison`, a `difference` object last: `baseline` (the file compared with),
  /// `resamples`, `documents`, `level`, then each figure as `[difference, lower, upper]` and
  /// its verdict under `verdicts`. A figure nothing could score is null.
  public func json(
    intervals: Intervals?, comparison: Comparison? = nil, baseline: String? = nil
  ) -> String {
    func score(_ score: Score) -> JSONObjectWriter {
      var object = JSONObjectWriter()
      object.write("tp", score.truePositives)
      object.write("fp", score.falsePositives)
      object.write("fn", score.falseNegatives)
      object.write("precision", (score.precision))
      object.write("recall", (score.recall))
      object.write("f1", (score.f1))
      return object
    }
    var perCodeObject = JSONObjectWriter()
    for code in codes {
      perCodeObject.write(code.rawValue, object: score(perCode[code] ?? Score()))
    }
    var perCategoryObject = JSONObjectWriter()
    for (category, value) in perCategory { perCategoryObject.write(category, object: score(value)) }
    var object = JSONObjectWriter()
    object.write("micro", object: score(micro))
    object.write("macro_f1", (macroF1))
    object.write("polarity_accuracy", (polarityAccuracy))
    object.write("hedging_accuracy", (hedgingAccuracy))
    object.write("matched", matchedCount)
    object.write("attribution_accuracy", attributionAccuracy)
    object.write("attribution_identity_accuracy", attributionIdentityAccuracy)
    object.write("attribution_matched", attributionMatched)
    object.write("attribution_unattributed", unattributed)
    object.write("attribution_misattributed", misattributed)
    object.write("attribution_overattributed", overattributed)
    var confusion = JSONObjectWriter()
    for gold in Polarity.allCases {
      var row = JSONObjectWriter()
      for predicted in Polarity.allCases {
        row.write(predicted.rawValue, polarityConfusion[gold.index][predicted.index])
      }
      confusion.write(gold.rawValue, object: row)
    }
    object.write("polarity_confusion", object: confusion)
    object.write("negative_recall", polarityRecall(.negative))
    object.write("negative_recall_of_all", polarityRecallOverAll(.negative))
    object.write("positive_recall", polarityRecall(.positive))
    object.write("positive_recall_of_all", polarityRecallOverAll(.positive))
    object.write("gold_sentences", goldSentenceCount)
    object.write("unsegmented_sentences", unsegmentedSentences.count)
    object.write("unsegmented_share", unsegmentedShare)
    object.write("unsegmented_triples", unsegmentedTripleCount)
    object.write("per_category", object: perCategoryObject)
    object.write("per_code", object: perCodeObject)
    object.write("missing_documents", strings: missingDocuments)
    if let intervals {
      var bounds = JSONObjectWriter()
      bounds.write("resamples", intervals.resamples)
      bounds.write("documents", intervals.documents)
      bounds.write("level", intervals.level)
      for figure in Intervals.Figure.allCases {
        bounds.write(
          figure.rawValue,
          json: Self.numberArray(intervals.bound(figure).map { [$0.lower, $0.upper] }))
      }
      object.write("intervals", object: bounds)
    }
    if let comparison {
      var differences = JSONObjectWriter()
      differences.write("baseline", baseline)
      differences.write("resamples", comparison.resamples)
      differences.write("documents", comparison.documents)
      differences.write("level", comparison.level)
      for figure in Intervals.Figure.allCases {
        differences.write(
          figure.rawValue,
          json: Self.numberArray(
            comparison.difference(figure).map { [$0.value, $0.lower, $0.upper] }))
      }
      var verdicts = JSONObjectWriter()
      for figure in Intervals.Figure.allCases {
        verdicts.write(figure.rawValue, comparison.verdict(figure))
      }
      differences.write("verdicts", object: verdicts)
      object.write("difference", object: differences)
    }
    return object.line
  }
}
