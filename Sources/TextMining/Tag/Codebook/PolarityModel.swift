import Foundation

/// A learned second reading of polarity: a multinomial logistic regression over the words around
/// a mention and the rules' own reading, trained on gold standards by `lspminer train-polarity`
/// (see `PolarityTrainer`) and stored in the taxonomy file as `polarity_model`.
///
/// The rules (`ContextAnalyzer`) read cues one by one; the model weighs what they miss, the
/// ordinary evaluative English around a mention ("remains uneven", "valued the seats but felt
/// ..."). Each feature of a mention (`PolarityFeatures`) has one weight per polarity; the
/// polarity with the highest sum wins, within the limits of `decision(_:rule:)`. The weights are plain
/// numbers in the file, so every decision can be taken apart (`lspminer explain` lists the
/// features that carried it).
public struct PolarityModel: Sendable, Equatable {
  /// Weights by feature, in `Polarity.allCases` order (positive, negative, neutral).
  public var weights: [String: SIMD3<Double>]
  /// How the weights were made (the training command), as the file states it.
  public var trainedBy: String?

  /// Creates a model from its weights.
  public init(weights: [String: SIMD3<Double>], trainedBy: String? = nil) {
    self.weights = weights
    self.trainedBy = trainedBy
  }

  /// The feature every mention has: the model's prior.
  public static let bias = "bias"

  /// The summed weights of `features`, in `Polarity.allCases` order.
  public func scores<S: Sequence<String>>(_ features: S) -> SIMD3<Double> {
    var total = weights[Self.bias] ?? .zero
    for feature in features { total += weights[feature] ?? .zero }
    return total
  }

  /// The polarity the model gives a mention with `features`, given `rule`, the rules' reading
  /// (that reading itself where it rests on one of `fixedBases`).
  public func polarity<S: Sequence<String>>(_ features: S, rule: Polarity) -> Polarity {
    if features.contains(where: { feature in
      Self.fixedBases.contains { feature.hasPrefix("basis:\($0.rawValue)|") }
    }) {
      return rule
    }
    let firm = features.contains { feature in
      Self.firmBases.contains { feature.hasPrefix("basis:\($0.rawValue)|") }
    }
    return Self.decision(scores(features), rule: rule, isFirm: firm)
  }

  /// The margin under which two scores are a tie (`decision`).
  static let tie = 1e-9

  /// What a reading may rest on (`ContextAnalyzer.Basis`) for the model not to turn it over.
  static let firmBases: [ContextAnalyzer.Basis] = [.negation, .phrase]

  /// What a reading may rest on for the model not to be applied at all: a verdict set off as a
  /// label, a need stated by a negation and "without", and a claim denied.
  static let fixedBases: [ContextAnalyzer.Basis] = [.label, .need, .denial]

  /// The decision from the summed weights: the highest score, with two limits. The rules'
  /// reading wins a tie; and the model never turns a judgement the rules found into its
  /// opposite (a bag of words cannot tell "has missed a meeting" from "has not missed a
  /// meeting"), so where it prefers the opposite the rules' reading stands. It may add a
  /// judgement the rules did not find, or withdraw one to neutral.
  ///
  /// Scores closer than `tie` are a tie: the weights are written to four decimals, so two
  /// readings can score the same, and sums taken in another order (the tagger's compiled model
  /// adds a clause's words first) may differ in their last bit.
  static func decision(_ total: SIMD3<Double>, rule: Polarity, isFirm: Bool) -> Polarity {
    var best = rule
    for candidate in Polarity.allCases where total[candidate.index] > total[best.index] + tie {
      best = candidate
    }
    if isFirm, rule != .neutral, best != .neutral, best != rule { return rule }
    return best
  }

  /// The features that most favour `chosen` over `other`, with the margin each gives, largest
  /// first: what `explain` shows of a decision.
  public func reasons<S: Sequence<String>>(
    _ features: S, chosen: Polarity, over other: Polarity, limit: Int = 5
  ) -> [(feature: String, margin: Double)] {
    var found: [(feature: String, margin: Double)] = []
    for feature in Set(features) {
      guard let weight = weights[feature] else { continue }
      let margin = weight[chosen.index] - weight[other.index]
      if margin > 0 { found.append((feature, margin)) }
    }
    return Array(
      found.sorted { ($0.margin, $1.feature) > ($1.margin, $0.feature) }.prefix(limit))
  }

  /// The header line of the weights table.
  static let header = "feature positive negative neutral"

  /// The weights as the taxonomy file holds them: a header line, then one line per feature
  /// (`feature positive negative neutral`), sorted by feature, four decimals; features whose
  /// weights all round to zero are left out.
  public var table: String {
    var lines = [Self.header]
    for feature in weights.keys.sorted() {
      // swift-format-ignore: NeverForceUnwrap
      let weight = weights[feature]!
      let cells = (0..<3).map { String(format: "%.4f", weight[$0]) }
      guard cells.contains(where: { $0 != "0.0000" && $0 != "-0.0000" }) else { continue }
      lines.append(([feature] + cells).joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Reads a weights table (see `table`).
  ///
  /// - Parameters:
  ///   - table: the text.
  ///   - trainedBy: how the weights were made, if known.
  ///   - report: makes the error for a problem on a 1-based line of the table.
  /// - Returns: the model.
  /// - Throws: `report`'s error for a missing header, a line without a feature and three
  ///   numbers, or a feature listed twice.
  public static func parse(
    table: String, trainedBy: String?, report: (Int, String) -> ConfigurationError
  ) throws(ConfigurationError) -> PolarityModel {
    var weights: [String: SIMD3<Double>] = [:]
    var sawHeader = false
    for (offset, line) in table.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if fields.isEmpty { continue }
      if !sawHeader {
        guard fields.joined(separator: " ") == header else {
          throw report(offset + 1, "the weights table must start with the line '\(header)'")
        }
        sawHeader = true
        continue
      }
      guard fields.count == 4 else {
        throw report(
          offset + 1, "a weights line holds a feature and three numbers, not \(fields.count) fields"
        )
      }
      var weight = SIMD3<Double>.zero
      for index in 0..<3 {
        guard let value = Double(fields[index + 1]), value.isFinite else {
          throw report(offset + 1, "'\(fields[index + 1])' is not a number")
        }
        weight[index] = value
      }
      let feature = String(fields[0])
      guard weights.updateValue(weight, forKey: feature) == nil else {
        throw report(offset + 1, "feature '\(feature)' is listed twice")
      }
    }
    guard sawHeader else { throw report(1, "the weights table is empty") }
    return PolarityModel(weights: weights, trainedBy: trainedBy)
  }
}
