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
  func tag(_ text: SegmentedText, deadline: ContinuousClock.Instant) throws(TaggingError)
    -> TaggedText
  /// The same, with the document's subject given: the partnership evidence with no nearer
  /// name is about (the pipeline maps sources to partnerships); nil leaves it to the text.
  func tag(_ text: SegmentedText, subject: String?, deadline: ContinuousClock.Instant)
    throws(TaggingError) -> TaggedText
}

extension Tagger {
  /// Taggers that know no partnerships ignore the subject.
  public func tag(_ text: SegmentedText, subject: String?, deadline: ContinuousClock.Instant)
    throws(TaggingError) -> TaggedText
  {
    try tag(text, deadline: deadline)
  }
}

/// What the tagger made of a document.
public struct TaggedText: Sendable {
  /// The mentions, ordered by position.
  public var mentions: [Mention]
  /// Sentences not tagged because they have more tokens or bytes than the tagger's limits:
  /// index in `SegmentedText.sentences`, token count and UTF-8 byte count.
  public var skippedSentences: [(sentence: Int, tokenCount: Int, byteCount: Int)]

  /// Creates a tagging result.
  public init(
    mentions: [Mention], skippedSentences: [(sentence: Int, tokenCount: Int, byteCount: Int)] = []
  ) {
    self.mentions = mentions
    self.skippedSentences = skippedSentences
  }
}

/// Why tagging stopped.
public enum TaggingError: Error, Equatable {
  /// The deadline passed.
  case outOfTime
}
