import Foundation

/// One partnership's findings for a verdict, over all years or one: weights on each side and
/// the records to cite, strongest (circle mentions) first.
struct VerdictTally {
  /// A record a verdict cites.
  struct Cited {
    var source: String
    var docID: String
    var block: Int
    var charStart: Int
    var charEnd: Int
    var line: Int?
    var code: String
    var polarity: String
    var sentence: String
  }

  var positiveWeight = 0
  var negativeWeight = 0
  var positiveFindings = 0
  var negativeFindings = 0
  var positiveCircles = 0
  var negativeCircles = 0
  /// Cited records per side, circle mentions and others apart, each up to the rule's `cited`.
  private var strong: [Bool: [Cited]] = [:]
  private var other: [Bool: [Cited]] = [:]

  /// Counts an unhedged, non-neutral finding.
  mutating func add(_ cited: Cited, isCircle: Bool, rule: VerdictRule) {
    let positive = cited.polarity == "positive"
    let weight = isCircle ? rule.circleWeight : 1
    if positive {
      positiveWeight += weight
      positiveFindings += 1
      if isCircle { positiveCircles += 1 }
    } else {
      negativeWeight += weight
      negativeFindings += 1
      if isCircle { negativeCircles += 1 }
    }
    if isCircle {
      if strong[positive, default: []].count < rule.cited {
        strong[positive, default: []].append(cited)
      }
    } else if other[positive, default: []].count < rule.cited {
      other[positive, default: []].append(cited)
    }
  }

  /// The verdict, the steps of the rule that gave it, and the records it rests on, strongest
  /// first: the deciding side's (both sides' for a mixed verdict), circle mentions before the
  /// rest, each in source order.
  func verdict(_ rule: VerdictRule) -> (verdict: String, trail: [String], cited: [Cited]) {
    let findings = positiveFindings + negativeFindings
    var trail = [
      "\(positiveFindings) positive findings (\(positiveCircles) circle mentions, weight \(rule.circleWeight) each) against \(negativeFindings) negative (\(negativeCircles) circle mentions), unhedged: weight \(positiveWeight) to \(negativeWeight)"
    ]
    func cited(_ sides: [Bool]) -> [Cited] {
      let strongFirst = sides.flatMap { strong[$0] ?? [] } + sides.flatMap { other[$0] ?? [] }
      return Array(strongFirst.prefix(rule.cited))
    }
    guard findings >= rule.minEvidence else {
      trail.append(
        "\(findings) findings, fewer than min_evidence \(rule.minEvidence): insufficient evidence")
      return ("insufficient evidence", trail, cited([true, false]))
    }
    let share = Double(positiveWeight) / Double(max(1, positiveWeight + negativeWeight))
    let shown = String(format: "%.2f", share)
    if share >= rule.virtuousShare {
      trail.append("virtuous share \(shown) >= virtuous_share \(rule.virtuousShare): virtuous")
      return ("virtuous", trail, cited([true]))
    }
    if share <= rule.viciousShare {
      trail.append("virtuous share \(shown) <= vicious_share \(rule.viciousShare): vicious")
      return ("vicious", trail, cited([false]))
    }
    trail.append(
      "virtuous share \(shown) between vicious_share \(rule.viciousShare) and virtuous_share \(rule.virtuousShare): mixed"
    )
    return ("mixed", trail, cited([true, false]))
  }
}
