/// Tags a document: taxonomy phrases, partnership names, then polarity, hedging and the
/// partnership each mention is about.
///
/// Per sentence, the phrase matcher finds code phrases (longest first; exclusions such as
/// "NHS trust" win their span and carry no code), the name recogniser finds named partnerships
/// (which beat any phrase they overlap), and the ConText-style pass (`ContextAnalyzer`) decides
/// polarity and hedging from the taxonomy's cue lists. Attribution then fills `partnership`
/// by the codebook's rule: a name in the same sentence, else the nearest before it in the
/// section, else the partnership named in the title, else nil.
public struct TaxonomyTagger: Tagger {
  /// The taxonomy whose phrases are matched.
  public let taxonomy: Taxonomy

  /// Creates a tagger for a loaded taxonomy.
  public init(taxonomy: Taxonomy) {
    self.taxonomy = taxonomy
  }

  public func mentions(in segmented: SegmentedText) -> [Mention] {
    var text = segmented.text
    return text.withUTF8 { bytes -> [Mention] in
      var scratch: [UInt8] = []
      scratch.reserveCapacity(64)
      let sentences = segmented.sentences.map {
        SentenceTokens(ranges: segmented.tokens[$0.tokenIndices], in: bytes, taxonomy: taxonomy, scratch: &scratch)
      }
      let names = PartnershipNameRecognizer(taxonomy: taxonomy, segmented: segmented, sentences: sentences, bytes: bytes)
      var mentions: [Mention] = []
      for (index, tokens) in sentences.enumerated() where tokens.count > 0 {
        // A document's title is a citation: coded like any unit, but neutral and unhedged.
        let isTitle = segmented.extracted.blocks[segmented.sentences[index].block].kind == .title
        mentions += tagged(sentence: index, tokens: tokens, names: names, isTitle: isTitle)
      }
      Attribution.assign(to: &mentions, segmented: segmented, names: names)
      return mentions
    }
  }

  /// Phrases whose head is shared by a coordinated list: in "the public, private and voluntary
  /// sectors", the matched "voluntary sectors" lends its head to "public" and "private", which
  /// count when "public sector" and "private sector" are phrases.
  private func coordinated(_ matches: [PhraseMatcher.Match], tokens: SentenceTokens) -> [PhraseMatcher.Match] {
    var found: [PhraseMatcher.Match] = []
    let matcher = taxonomy.matcher
    for match in matches where match.tokens.count == 2 {
      let head = tokens.phraseID(match.tokens.upperBound - 1)
      var index = match.tokens.lowerBound - 1
      guard index >= 1, ["and", "or"].contains(tokens.normalized(index)) else { continue }
      index -= 1
      while index >= 0, !tokens.clauseBreak[index],
        let entry = matcher.entry(forIDs: [tokens.phraseID(index), head]), !matcher.entries[entry].isExclusion
      {
        found.append(PhraseMatcher.Match(tokens: index..<(index + 1), entry: entry))
        guard index >= 1, tokens.commaAfter[index - 1] else { break }
        index -= 1
      }
    }
    return found.filter { candidate in !matches.contains { $0.tokens.overlaps(candidate.tokens) } }
  }

  private func tagged(sentence: Int, tokens: SentenceTokens, names: PartnershipNameRecognizer, isTitle: Bool) -> [Mention] {
    let named = names.mentions(inSentence: sentence)
    let context = ContextAnalyzer(taxonomy: taxonomy, tokens: tokens)
    var mentions: [Mention] = []
    let matches = tokens.matches(of: taxonomy.matcher, at: Taxonomy.MatcherSlot.phrases, constrained: true)
    for match in matches + coordinated(matches, tokens: tokens) {
      let entry = taxonomy.matcher.entries[match.entry]
      guard !entry.isExclusion, !named.contains(where: { $0.tokens.overlaps(match.tokens) }) else { continue }
      let reading = context.reading(
        of: match.tokens, phrasePolarity: entry.polarity, judged: taxonomy.isJudged(entry.code),
        presenceIsPositive: taxonomy.presenceIsPositive(entry.code))
      mentions.append(
        Mention(
          code: entry.code, sentence: sentence,
          utf8Range: tokens.ranges[match.tokens.lowerBound].lowerBound..<tokens.ranges[match.tokens.upperBound - 1].upperBound,
          polarity: reading.polarity, isHedged: reading.isHedged, partnership: nil))
    }
    if let code = taxonomy.partnershipNames?.code {
      for name in named {
        let reading = context.reading(of: name.tokens, phrasePolarity: nil, judged: taxonomy.isJudged(code))
        mentions.append(
          Mention(
            code: code, sentence: sentence,
            utf8Range: tokens.ranges[name.tokens.lowerBound].lowerBound..<tokens.ranges[name.tokens.upperBound - 1].upperBound,
            polarity: reading.polarity, isHedged: reading.isHedged, partnership: name.name))
      }
    }
    if isTitle {
      for index in mentions.indices {
        mentions[index].polarity = .neutral
        mentions[index].isHedged = false
      }
    }
    return mentions.sorted { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
  }
}
