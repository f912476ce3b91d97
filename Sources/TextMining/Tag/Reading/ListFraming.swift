/// How a list's lead-in frames its items. A list item is often a fragment whose stance is
/// given once, by the sentence that introduces the list and ends with a colon:
///
///     We recommend that the board:                      aim: items are neutral
///     - reduces its membership to no more than 25;
///
///     Members told us about a number of continuing problems:   negative
///     - papers arrive at short notice, ...;
///
/// An aim lead-in (a `qualifiers.neutral` cue such as "recommend", or one ending "... to:")
/// makes the items' judged mentions neutral; a lead-in with only negative (or only positive)
/// qualifiers gives that polarity to the items' judged mentions that have none of their own.
enum ListFraming: Equatable {
  case aim
  case judged(Polarity)

  /// The framing of each sentence of a document that sits in a list item under a lead-in; nil
  /// for the others.
  static func framings(
    of segmented: SegmentedText, sentences: [SentenceTokens], bytes: UnsafeBufferPointer<UInt8>,
    taxonomy: Taxonomy
  ) -> [ListFraming?] {
    let blocks = segmented.extracted.blocks
    var framings = [ListFraming?](repeating: nil, count: sentences.count)
    var leadIn: (sentence: Int, framing: ListFraming?)?
    for (index, sentence) in segmented.sentences.enumerated() {
      guard blocks[sentence.block].kind == .listItem else {
        leadIn = nil
        // The last sentence before a list, when it ends with a colon, is the list's lead-in.
        if index + 1 < segmented.sentences.count,
          segmented.sentences[index + 1].block != sentence.block,
          blocks[segmented.sentences[index + 1].block].kind == .listItem,
          sentence.utf8Range.upperBound > 0,
          bytes[sentence.utf8Range.upperBound - 1] == UInt8(ascii: ":")
        {
          leadIn = (index, framing(ofLeadIn: sentences[index], taxonomy: taxonomy))
        }
        continue
      }
      framings[index] = leadIn?.framing
    }
    return framings
  }

  /// The framing a lead-in sentence gives, from its cues.
  private static func framing(ofLeadIn tokens: SentenceTokens, taxonomy: Taxonomy) -> ListFraming? {
    guard tokens.count > 0 else { return nil }
    if tokens.normalized(tokens.count - 1) == "to" { return .aim }
    let kinds = Set(ContextAnalyzer(taxonomy: taxonomy, tokens: tokens).cues.map(\.kind))
    if kinds.contains(.neutral) { return .aim }
    switch (kinds.contains(.positive), kinds.contains(.negative)) {
    case (true, false): return .judged(.positive)
    case (false, true): return .judged(.negative)
    default: return nil
    }
  }

  /// A judged mention's reading under this framing.
  func applied(to reading: (polarity: Polarity, isHedged: Bool), phrasePolarity: Polarity?) -> (
    polarity: Polarity, isHedged: Bool
  ) {
    guard phrasePolarity == nil else { return reading }
    switch self {
    case .aim: return (.neutral, reading.isHedged)
    case .judged(let polarity):
      return reading.polarity == .neutral ? (polarity, reading.isHedged) : reading
    }
  }
}
