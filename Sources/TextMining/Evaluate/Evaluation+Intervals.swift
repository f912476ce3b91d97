/// How far each headline figure of an evaluation could move on another set of documents of the
/// same kind: percentile intervals from a bootstrap that resamples whole documents.
///
/// A gold set is a sample of reports, and the sentences of one report share its author, its
/// partnership and its conventions, so they are not independent draws. Resampling documents
/// (with replacement, as many as the set holds) keeps each report's sentences together, and the
/// spread of a figure over the resamples shows what a set of this size can tell apart: a change
/// of two triples in 2,000 on 80 documents is within it. The generator is seeded, so the same
/// evaluation gives the same intervals.
extension Evaluation {
  /// One document's counts: the figures of `Evaluation` summed over its triples.
  public struct DocumentCounts: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var polarityAgreements = 0
    public var hedgingAgreements = 0
    /// Matched triples the gold calls negative, and those of them read as negative.
    public var negativeMatched = 0
    public var negativeAgreements = 0
    public var attributionMatched = 0
    public var attributionAgreements = 0
    public var attributionIdentityAgreements = 0

    mutating func add(_ other: DocumentCounts) {
      truePositives += other.truePositives
      falsePositives += other.falsePositives
      falseNegatives += other.falseNegatives
      polarityAgreements += other.polarityAgreements
      hedgingAgreements += other.hedgingAgreements
      negativeMatched += other.negativeMatched
      negativeAgreements += other.negativeAgreements
      attributionMatched += other.attributionMatched
      attributionAgreements += other.attributionAgreements
      attributionIdentityAgreements += other.attributionIdentityAgreements
    }

    /// The headline figures of these counts, in `Intervals.Figure.allCases` order; nil for a
    /// figure with nothing to count (no matched triple the gold calls negative, none with a
    /// gold partnership), which a resample then leaves out rather than scoring as 0.
    var figures: [Double?] {
      func share(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
      }
      // Precision, recall and F1 as `Score` computes them, where each has something to count.
      let score = Score(
        truePositives: truePositives, falsePositives: falsePositives,
        falseNegatives: falseNegatives)
      let precision = truePositives + falsePositives == 0 ? nil : score.precision
      let recall = truePositives + falseNegatives == 0 ? nil : score.recall
      let f1 = precision == nil || recall == nil ? nil : score.f1
      return [
        f1, precision, recall,
        share(polarityAgreements, truePositives),
        share(negativeAgreements, negativeMatched),
        share(hedgingAgreements, truePositives),
        share(attributionAgreements, attributionMatched),
        share(attributionIdentityAgreements, attributionMatched),
      ]
    }
  }

  /// The interval of each headline figure.
  public struct Intervals: Sendable, Equatable {
    public enum Figure: String, CaseIterable, Sendable {
      case microF1 = "micro_f1"
      case precision
      case recall
      case polarity = "polarity_accuracy"
      case negativeRecall = "negative_recall"
      case hedging = "hedging_accuracy"
      case attribution = "attribution_accuracy"
      case attributionIdentity = "attribution_identity_accuracy"

      /// The figure's name in the table.
      var label: String {
        switch self {
        case .microF1: "micro F1"
        case .precision: "precision"
        case .recall: "recall"
        case .polarity: "polarity accuracy"
        case .negativeRecall: "negative mentions read as negative"
        case .hedging: "hedging accuracy"
        case .attribution: "partnership attribution"
        case .attributionIdentity: "attribution by identity"
        }
      }
    }

    /// Resamples drawn, documents in each (those with a gold or a predicted triple), and the
    /// share of resamples inside each interval.
    public var resamples: Int
    public var documents: Int
    public var level: Double
    /// Lower and upper bound per figure, in `Figure.allCases` order; nil for a figure that no
    /// resample could score.
    public var bounds: [(lower: Double, upper: Double)?]

    public func bound(_ figure: Figure) -> (lower: Double, upper: Double)? {
      bounds[Figure.allCases.firstIndex(of: figure) ?? 0]
    }

    public static func == (left: Intervals, right: Intervals) -> Bool {
      left.resamples == right.resamples && left.documents == right.documents
        && left.level == right.level
        && left.bounds.map { $0?.lower } == right.bounds.map { $0?.lower }
        && left.bounds.map { $0?.upper } == right.bounds.map { $0?.upper }
    }
  }

  /// Percentile intervals of the headline figures over `resamples` bootstrap resamples of the
  /// documents; nil with fewer than two documents or no resamples.
  ///
  /// - Parameters:
  ///   - resamples: how many resampled sets to score (1,000 gives bounds stable to about 0.002
  ///     on the project's sets).
  ///   - level: the share of resamples each interval holds (0.95: the 2.5th to the 97.5th
  ///     percentile).
  ///   - seed: the generator's seed; the default makes every run give the same intervals.
  /// - Returns: the bounds of each figure, or nil.
  public func intervals(resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 2007)
    -> Intervals?
  {
    let documents = perDocument.keys.sorted().compactMap { perDocument[$0] }
    guard documents.count >= 2, resamples > 0, level > 0, level < 1 else { return nil }
    var generator = SplitMix64(seed: seed)
    let figureCount = Intervals.Figure.allCases.count
    var values = Array(repeating: [Double](), count: figureCount)
    // (Reserved up to the command's own limit; a larger count grows as it goes.)
    for index in values.indices { values[index].reserveCapacity(min(resamples, 100_000)) }
    for _ in 0..<resamples {
      var total = DocumentCounts()
      for _ in documents.indices {
        total.add(documents[Int(generator.next() % UInt64(documents.count))])
      }
      for (index, figure) in total.figures.enumerated() {
        if let figure { values[index].append(figure) }
      }
    }
    let bounds = values.map { Self.percentiles($0, level: level) }
    return Intervals(
      resamples: resamples, documents: documents.count, level: level, bounds: bounds)
  }
}

extension Evaluation {
  /// The bounds holding `level` of the values between them (nearest rank), or nil for none.
  static func percentiles(_ values: [Double], level: Double) -> (lower: Double, upper: Double)? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let tail = (1 - level) / 2
    let lowerRank = Int((Double(sorted.count) * tail).rounded(.down))
    let upperRank = max(lowerRank, Int((Double(sorted.count) * (1 - tail)).rounded(.up)) - 1)
    return (sorted[min(lowerRank, sorted.count - 1)], sorted[min(upperRank, sorted.count - 1)])
  }
}

/// A small seeded generator (SplitMix64), so that resampling is the same on every run and
/// platform.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Evaluation {
  /// The difference of each headline figure from another evaluation of the same gold (this one
  /// minus `baseline`), with its percentile interval from a paired bootstrap: each resample
  /// draws the same documents for both, so what the two share cancels and only the change is
  /// measured.
  public struct Comparison: Sendable {
    public var resamples: Int
    public var documents: Int
    public var level: Double
    /// Per figure, in `Intervals.Figure.allCases` order: the difference on the whole set and
    /// its interval; nil for a figure either run cannot score.
    public var differences: [(value: Double, lower: Double, upper: Double)?]

    public func difference(_ figure: Intervals.Figure) -> (
      value: Double, lower: Double, upper: Double
    )? {
      differences[Intervals.Figure.allCases.firstIndex(of: figure) ?? 0]
    }

    /// What the difference shows: "better" when it is above zero and no more than the tail of
    /// the resamples went below zero, "worse" the other way, else "within chance". (A change in
    /// a few documents leaves one bound at exactly zero, from the resamples that drew none of
    /// them; it is still one way only.)
    public func verdict(_ figure: Intervals.Figure) -> String {
      guard let difference = difference(figure) else { return "not scored" }
      if difference.value > 0, difference.lower >= 0 { return "better" }
      if difference.value < 0, difference.upper <= 0 { return "worse" }
      return "within chance"
    }
  }

  /// Compares this evaluation with `baseline` (the same gold scored another way), or nil with
  /// fewer than two documents or no resamples.
  public func comparison(
    with baseline: Evaluation, resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 2007
  ) -> Comparison? {
    let names = Set(perDocument.keys).union(baseline.perDocument.keys).sorted()
    guard names.count >= 2, resamples > 0, level > 0, level < 1 else { return nil }
    let pairs = names.map {
      (perDocument[$0] ?? DocumentCounts(), baseline.perDocument[$0] ?? DocumentCounts())
    }
    func totals(_ draw: [Int]) -> [Double?] {
      var mine = DocumentCounts()
      var theirs = DocumentCounts()
      for index in draw {
        mine.add(pairs[index].0)
        theirs.add(pairs[index].1)
      }
      return zip(mine.figures, theirs.figures).map { mine, theirs in
        guard let mine, let theirs else { return nil }
        return mine - theirs
      }
    }
    let whole = totals(Array(pairs.indices))
    var generator = SplitMix64(seed: seed)
    var values = Array(repeating: [Double](), count: whole.count)
    for _ in 0..<resamples {
      let draw = pairs.indices.map { _ in Int(generator.next() % UInt64(pairs.count)) }
      for (index, difference) in totals(draw).enumerated() {
        if let difference { values[index].append(difference) }
      }
    }
    let differences = values.indices.map {
      index -> (value: Double, lower: Double, upper: Double)? in
      guard let value = whole[index], let bound = Self.percentiles(values[index], level: level)
      else { return nil }
      return (value, bound.lower, bound.upper)
    }
    return Comparison(
      resamples: resamples, documents: names.count, level: level, differences: differences)
  }
}
