/// Fills each mention's `partnership` by the codebook's rule.
///
/// The partnership is the one named in the same sentence (the nearest name before the mention,
/// else the first after it); else the nearest named before it in the same section (the text
/// since the last heading, or since a thread of readers' comments began); else the document's subject (the partnership the pipeline maps the
/// source to, else the one named in its title); else nil. A `partnership.named` mention carries its own name,
/// another body of the LSP family's included ("Barrowmere Community Safety Partnership"). Such a
/// body is what its own sentence is about when it is a partnership and the sentence names no
/// area partnership beside it; otherwise, and for the sentences after it, it is passed over.
enum Attribution {
  static func assign(
    to mentions: inout [Mention], segmented: SegmentedText, names: PartnershipNameRecognizer,
    subject: String?
  ) {
    var lastNamed: String?
    var lastBlock = -1
    var mentionIndex = 0
    for (sentenceIndex, sentence) in segmented.sentences.enumerated() {
      if sentence.block != lastBlock {
        let kind = segmented.extracted.blocks[sentence.block].kind
        // A heading starts a section, and so does a thread of readers' comments.
        let opensThread =
          kind == .comment
          && (lastBlock < 0 || segmented.extracted.blocks[lastBlock].kind != .comment)
        if kind == .heading || kind == .title || opensThread { lastNamed = nil }
        lastBlock = sentence.block
      }
      // Another body of the LSP family named in passing is not what the sentences after it are
      // about...
      let tokens = segmented.tokens[sentence.tokenIndices]
      let isHeading = segmented.extracted.blocks[sentence.block].kind == .heading
      let named = names.mentions(inSentence: sentenceIndex)
      let spans = named.filter {
        !$0.isFamily || (isHeading && isWholeHeading($0, tokens: tokens, text: segmented))
      }
      // ... but in its own sentence such a body that is a partnership is what the sentence
      // names, as the codebook's first step reads ("Safer Kelbrook still has no business
      // member"); a network or a trust is not ("Kelbrook Community Empowerment Network").
      let inSentence =
        spans.contains { !$0.isFamily }
        ? spans
        : named.filter {
          names.isPartnership($0)
            || (isHeading && isWholeHeading($0, tokens: tokens, text: segmented))
        }
      while mentionIndex < mentions.count, mentions[mentionIndex].sentence == sentenceIndex {
        if mentions[mentionIndex].partnership == nil {
          let start = mentions[mentionIndex].utf8Range.lowerBound
          let before = inSentence.last {
            tokens[tokens.startIndex + $0.tokens.lowerBound].lowerBound <= start
          }
          mentions[mentionIndex].partnership =
            before?.name ?? inSentence.first?.name ?? lastNamed ?? subject
        }
        mentionIndex += 1
      }
      if let last = spans.last { lastNamed = last.name }
    }
  }

  /// Whether a name is all its heading says, numbering aside ("2. Safer Ravensgarth"): the
  /// section under it is about that body.
  private static func isWholeHeading(
    _ span: PartnershipNameRecognizer.Span, tokens: ArraySlice<Range<Int>>, text: SegmentedText
  ) -> Bool {
    (0..<tokens.count).allSatisfy { offset in
      span.tokens.contains(offset)
        || text.string(utf8Range: tokens[tokens.startIndex + offset]).allSatisfy(\.isNumber)
    }
  }
}
