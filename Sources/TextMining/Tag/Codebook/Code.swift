/// A codebook code such as `success_factor.trust`: a category and a name.
public struct Code: RawRepresentable, Hashable, Comparable, Codable, Sendable,
  CustomStringConvertible
{
  /// The code as the codebook writes it, `category.name`.
  public let rawValue: String
  /// The category, the part before the dot.
  public let category: String
  /// The name, the part after the dot.
  public let name: String

  /// Creates a code from `category.name`; nil unless both parts are present.
  public init?(rawValue: String) {
    let parts = rawValue.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    self.rawValue = rawValue
    self.category = String(parts[0])
    self.name = String(parts[1])
  }

  /// Creates a code from its category and name.
  public init(category: String, name: String) {
    self.rawValue = "\(category).\(name)"
    self.category = category
    self.name = name
  }

  public var description: String { rawValue }

  public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a sentence presents the thing a mention names.
public enum Polarity: String, Codable, Sendable, CaseIterable {
  case positive, negative, neutral

  /// The polarity's place in `allCases`, for vectors and matrices (the polarity model's
  /// weights, the evaluation's confusion matrix).
  var index: Int {
    switch self {
    case .positive: 0
    case .negative: 1
    case .neutral: 2
    }
  }
}
