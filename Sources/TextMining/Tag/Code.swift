/// A codebook code such as `success_factor.trust`: a category and a name.
public struct Code: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
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
}

/// One tagged mention of a code in a sentence.
public struct Mention: Sendable, Equatable {
  /// The code the mention carries.
  public var code: Code
  /// Index of the sentence in `SegmentedText.sentences`.
  public var sentence: Int
  /// UTF-8 byte range of the matched text in the document text.
  public var utf8Range: Range<Int>
  /// Polarity of the mention.
  public var polarity: Polarity
  /// Whether the claim is speculative or conditional.
  public var isHedged: Bool
  /// The named partnership the evidence is about, if known.
  public var partnership: String?
}

/// The tag stage: segmented text in, mentions out.
public protocol Tagger: Sendable {
  /// Finds every mention in a document, in text order, within a time limit.
  ///
  /// - Parameters:
  ///   - text: the segmented document.
  ///   - deadline: when to give up; checked between sentences.
  /// - Returns: the mentions, ordered by position, and the sentences left untagged.
  /// - Throws: `TaggingError.outOfTime` when the deadline passes.
  func tag(_ text: SegmentedText, deadline: ContinuousClock.Instant) throws(TaggingError) -> TaggedText
}

/// What the tagger made of a document.
public struct TaggedText: Sendable {
  /// The mentions, ordered by position.
  public var mentions: [Mention]
  /// Sentences not tagged because they have more tokens or bytes than the tagger's limits:
  /// index in `SegmentedText.sentences`, token count and UTF-8 byte count.
  public var skippedSentences: [(sentence: Int, tokenCount: Int, byteCount: Int)]

  /// Creates a tagging result.
  public init(mentions: [Mention], skippedSentences: [(sentence: Int, tokenCount: Int, byteCount: Int)] = []) {
    self.mentions = mentions
    self.skippedSentences = skippedSentences
  }
}

/// Why tagging stopped.
public enum TaggingError: Error, Equatable {
  /// The deadline passed.
  case outOfTime
}
