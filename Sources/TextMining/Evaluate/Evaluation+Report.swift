import Foundation

extension Evaluation {
  /// A table for people: per code, per category, micro and macro, polarity and hedging accuracy.
  public var table: String {
    func row(_ name: String, _ score: Score) -> String {
      name.padding(toLength: 46, withPad: " ", startingAt: 0)
        + String(format: "%5d %5d %5d   %.3f  %.3f  %.3f", score.truePositives, score.falsePositives,
          score.falseNegatives, score.precision, score.recall, score.f1)
    }
    var lines = ["code".padding(toLength: 46, withPad: " ", startingAt: 0) + "   tp    fp    fn   prec.  recall  F1"]
    for code in codes { lines.append(row(code.rawValue, perCode[code] ?? Score())) }
    lines.append("")
    for (category, score) in perCategory { lines.append(row("category " + category, score)) }
    lines.append("")
    lines.append(row("micro", micro))
    lines.append("macro F1".padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%38.3f", macroF1))
    lines.append(String(format: "polarity accuracy %.3f, hedging accuracy %.3f over %d matched triples",
      polarityAccuracy, hedgingAccuracy, matchedCount))
    if !missingDocuments.isEmpty {
      lines.append("missing documents (not found or failed): " + missingDocuments.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The mistakes, one per line: kind, code, document, detail and sentence.
  public var mistakeList: String {
    mistakes.map { "\($0.kind.rawValue)\t\($0.code)\t\($0.doc)\t\($0.detail)\t\($0.sentence)" }.joined(separator: "\n")
      + (mistakes.isEmpty ? "" : "\n")
  }

  /// A JSON object for programs, keys in a fixed order.
  public var json: String {
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
    for code in codes { perCodeObject.write(code.rawValue, object: score(perCode[code] ?? Score())) }
    var perCategoryObject = JSONObjectWriter()
    for (category, value) in perCategory { perCategoryObject.write(category, object: score(value)) }
    var object = JSONObjectWriter()
    object.write("micro", object: score(micro))
    object.write("macro_f1", (macroF1))
    object.write("polarity_accuracy", (polarityAccuracy))
    object.write("hedging_accuracy", (hedgingAccuracy))
    object.write("matched", matchedCount)
    object.write("per_category", object: perCategoryObject)
    object.write("per_code", object: perCodeObject)
    object.write("missing_documents", strings: missingDocuments)
    return object.line
  }
}
