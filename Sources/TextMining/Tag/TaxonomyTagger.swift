/// Tags mentions by matching the taxonomy's phrases sentence by sentence.
///
/// Polarity is the phrase's own polarity where the taxonomy gives one ("mistrust" is negative),
/// otherwise neutral; hedging is false and the partnership unknown. Negation, hedging and
/// attribution passes refine these later in the pipeline.
public struct TaxonomyTagger: Tagger {
  /// The taxonomy whose phrases are matched.
  public let taxonomy: Taxonomy

  /// Creates a tagger for a loaded taxonomy.
  public init(taxonomy: Taxonomy) {
    self.taxonomy = taxonomy
  }

  public func mentions(in segmented: SegmentedText) -> [Mention] {
    let matcher = taxonomy.matcher
    var text = segmented.text
    return text.withUTF8 { bytes -> [Mention] in
      var mentions: [Mention] = []
      var ids: [Int32] = []
      var connected: [Bool] = []
      var joinedIDs: [Int: Int32] = [:]
      var scratch: [UInt8] = []
      scratch.reserveCapacity(64)
      for (sentenceIndex, sentence) in segmented.sentences.enumerated() {
        let tokenRanges = segmented.tokens[sentence.tokenIndices]
        guard !tokenRanges.isEmpty else { continue }
        ids.removeAll(keepingCapacity: true)
        connected.removeAll(keepingCapacity: true)
        joinedIDs.removeAll(keepingCapacity: true)
        var previous: Range<Int>?
        for range in tokenRanges {
          ids.append(Self.id(of: range, in: bytes, matcher: matcher, scratch: &scratch))
          if let previous {
            let gap = UnsafeBufferPointer(rebasing: bytes[previous.upperBound..<range.lowerBound])
            connected.append(TokenGap.connects(gap))
            if TokenGap.isHyphen(gap) {
              let joined =
                String(decoding: UnsafeBufferPointer(rebasing: bytes[previous]), as: UTF8.self)
                + String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
              joinedIDs[ids.count - 2] = matcher.tokenID(TokenNormalizer.normalize(joined))
            }
          }
          previous = range
        }
        connected.append(false)
        for match in matcher.matches(ids: ids, connected: connected, joinedIDs: joinedIDs) {
          let entry = matcher.entries[match.entry]
          let first = tokenRanges[tokenRanges.startIndex + match.tokens.lowerBound]
          let last = tokenRanges[tokenRanges.startIndex + match.tokens.upperBound - 1]
          mentions.append(
            Mention(
              code: entry.code, sentence: sentenceIndex, utf8Range: first.lowerBound..<last.upperBound,
              polarity: entry.polarity ?? .neutral, isHedged: false, partnership: nil))
        }
      }
      return mentions
    }
  }

  private static func id(
    of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, matcher: PhraseMatcher, scratch: inout [UInt8]
  ) -> Int32 {
    if matcher.cannotMatch(byteCount: range.count) { return -1 }
    TokenNormalizer.normalize(utf8: UnsafeBufferPointer(rebasing: bytes[range]), into: &scratch)
    return scratch.withUnsafeBufferPointer { matcher.tokenID(utf8: $0) }
  }
}
