extension TaxonomyTagger {
  /// Explains how one document's sentences are tagged, for taxonomy authors.
  ///
  /// For each sentence (or only those of `blocks`): its tokens with their normalised forms and
  /// clause numbers, the cue words found (negation, hedging, qualifiers, terminators) with their
  /// spans, the framing a list item takes from its lead-in, the named partnerships, and every mention with its code, polarity, hedging and
  /// attributed partnership.
  public func explanation(of segmented: SegmentedText, blocks: Set<Int>? = nil) -> String {
    var text = segmented.text
    let mentions = self.mentions(in: segmented)
    return text.withUTF8 { bytes -> String in
      var scratch: [UInt8] = []
      let tooLong = Set(segmented.sentences.indices.filter { isOverLimits(segmented.sentences[$0]) })
      let sentences = DocumentTokens.sentences(of: segmented, in: bytes, taxonomy: taxonomy, skipping: tooLong, scratch: &scratch)
      let names = PartnershipNameRecognizer(taxonomy: taxonomy, segmented: segmented, sentences: sentences, bytes: bytes)
      let framings = ListFraming.framings(of: segmented, sentences: sentences, bytes: bytes, taxonomy: taxonomy)
      var lines: [String] = []
      if let subject = names.subject { lines.append("document subject (partnership named in the title): \(subject)") }
      for (index, sentence) in segmented.sentences.enumerated() {
        if let blocks, !blocks.contains(sentence.block) { continue }
        let tokens = sentences[index]
        let words = (0..<tokens.count).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens.range($0)]), as: UTF8.self) }
        func span(_ range: Range<Int>) -> String { words[range].joined(separator: " ") }
        lines.append("")
        lines.append("sentence \(index) (block \(sentence.block)): \(segmented.string(utf8Range: sentence.utf8Range))")
        let context = ContextAnalyzer(taxonomy: taxonomy, tokens: tokens)
        lines.append(
          "  tokens: "
            + (0..<tokens.count).map { "\(words[$0])/\(tokens.normalized($0))" + (context.clause[$0] > 0 ? "#\(context.clause[$0])" : "") }
            .joined(separator: " "))
        for cue in context.cues {
          lines.append("  cue \(cue.kind.rawValue): '\(span(cue.tokens))' (tokens \(cue.tokens.lowerBound)..<\(cue.tokens.upperBound))")
        }
        switch framings[index] {
        case .aim: lines.append("  list item under an aim lead-in: judged mentions are neutral")
        case .judged(let polarity): lines.append("  list item under a \(polarity.rawValue) lead-in: judged mentions without a polarity take it")
        case nil: break
        }
        for name in names.mentions(inSentence: index) {
          lines.append("  name: '\(span(name.tokens))' -> \(name.name)")
        }
        for match in tokens.matches(of: taxonomy.matcher, at: Taxonomy.MatcherSlot.phrases, constrained: true) {
          let entry = taxonomy.matcher.entries[match.entry]
          if entry.isExclusion {
            lines.append("  exclusion: '\(span(match.tokens))' (\(entry.phrase)) blocks \(entry.code)")
          }
        }
        for mention in mentions where mention.sentence == index {
          let matched = segmented.string(utf8Range: mention.utf8Range)
          lines.append(
            "  mention \(mention.code): '\(matched)' polarity \(mention.polarity.rawValue), hedged \(mention.isHedged), "
              + "partnership \(mention.partnership ?? "null")")
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
  }
}
