/// The rule that gives a partnership its circle verdict, with the thresholds a pipeline file
/// sets under `findings:` (defaults below).
///
/// Over a partnership's unhedged findings in the success-factor, governance, delivery and circle
/// categories (neutral ones aside), each positive finding counts one for the virtuous side and
/// each negative one for the vicious side; an explicit circle mention counts `circleWeight`
/// instead, for the side its polarity gives (a vicious circle the text denies is positive, so
/// it counts for the virtuous side). With fewer than `minEvidence` findings the verdict is
/// `insufficient evidence`; otherwise the virtuous side's share of the weight decides:
/// `virtuous` at `virtuousShare` or more, `vicious` at `viciousShare` or less, `mixed` between.
public struct VerdictRule: Sendable, Equatable {
  /// `min_evidence`: the fewest findings (either side) a verdict needs.
  public var minEvidence = 4
  /// `virtuous_share`: the share of the weight on the virtuous side that makes a virtuous verdict.
  public var virtuousShare = 0.7
  /// `vicious_share`: the share at or below which the verdict is vicious.
  public var viciousShare = 0.3
  /// `circle_weight`: what one explicit circle mention counts for.
  public var circleWeight = 3
  /// `cited`: how many records a verdict cites, strongest first.
  public var cited = 10

  /// The categories whose findings count.
  public static let categories = ["success_factor", "governance", "delivery", "circle"]

  /// The defaults.
  public init() {}

  /// The keys of the `findings:` block.
  static let keys = ["min_evidence", "virtuous_share", "vicious_share", "circle_weight", "cited"]
}
