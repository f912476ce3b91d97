/// Finds the partnerships a document names, and where it names them.
///
/// Three ways of naming are recognised, as the codebook asks:
/// - capitalised words before a head from the taxonomy's `partnership_names.heads`:
///   "Oakridge Local Strategic Partnership", "Pendleby Partnership Board", "Kelbrook LSP";
/// - an abbreviation defined in brackets after such a name and used later: "(OLSP)";
/// - a brand name given an appositive or a copula: "Marlow Fen First, the district's LSP",
///   "Ashby Together is the local strategic partnership for the district".
/// A name made of theme words ("Community Safety Partnership", "Kelbrook Health Partnership")
/// is a thematic body, not a named partnership. A partnership's value is its full name as first
/// given; later forms with the same place words ("Kelbrook LSP" after "Kelbrook Local
/// Strategic Partnership") resolve to it.
struct PartnershipNameRecognizer {
  /// A named mention: token positions in its sentence and the partnership's full name.
  struct Span {
    var tokens: Range<Int>
    var name: String
  }

  private var spans: [[Span]] = []
  /// The partnership named in the document's title, if any.
  private(set) var subject: String?

  /// Recognises names over a whole document (definitions may come before or after use).
  init(
    taxonomy: Taxonomy, segmented: SegmentedText, sentences: [SentenceTokens],
    bytes: UnsafeBufferPointer<UInt8>
  ) {
    spans = Array(repeating: [], count: sentences.count)
    guard let rules = taxonomy.partnershipNames, let matcher = taxonomy.nameMatcher else { return }
    func raw(_ tokens: SentenceTokens, _ range: Range<Int>) -> String {
      String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[
            tokens.range(range.lowerBound)
              .lowerBound..<tokens.range(range.upperBound - 1).upperBound]), as: UTF8.self)
    }
    func word(_ tokens: SentenceTokens, _ index: Int) -> String { tokens.word(index) }

    // Pass 1: names before heads, their abbreviations, and brand names.
    var registry: [String: String] = [:]  // place words → full name as first given
    var registryOrder: [String] = []
    var aliases: [String: String] = [:]  // abbreviation → place words
    var brands: [String] = []
    var headSpans: [[(span: Range<Int>, key: String, full: String)]] = Array(
      repeating: [], count: sentences.count)
    for (index, tokens) in sentences.enumerated() where tokens.count > 0 {
      let heads = tokens.matches(of: matcher, at: .names, constrained: false)
      // Most sentences have no head; only those need the code phrases.
      if heads.isEmpty { continue }
      let codePhrases = tokens.matches(of: taxonomy.matcher, at: .phrases, constrained: true).map(
        \.tokens)
      // A plural head ("Community Planning Partnerships") names a kind of body, not one body.
      for head in heads
      where head.tokens.allSatisfy({ tokens.isCapitalized($0) })
        && !tokens.isPlural(head.tokens.upperBound - 1)
      {
        var start = head.tokens.lowerBound
        while start > 0, tokens.connected(start - 1) {
          if tokens.isCapitalized(start - 1) {
            start -= 1
          } else if start > 1, ["and", "of"].contains(tokens.normalized(start - 1)),
            tokens.isCapitalized(start - 2),
            tokens.connected(start - 2)
          {
            start -= 2
          } else {
            break
          }
        }
        while start < head.tokens.lowerBound, rules.stopWords.contains(word(tokens, start)) {
          start += 1
        }
        guard start < head.tokens.lowerBound, tokens.isCapitalized(start) else { continue }
        let nameTokens = start..<head.tokens.lowerBound
        if nameTokens.contains(where: { rules.themeWords.contains(tokens.normalized($0)) }) {
          continue
        }
        let key = raw(tokens, nameTokens)
        let full = raw(tokens, start..<head.tokens.upperBound)
        if registry[key] == nil {
          registry[key] = full
          registryOrder.append(key)
        }
        headSpans[index].append((start..<head.tokens.upperBound, key, full))
        let after = head.tokens.upperBound
        if after < tokens.count, tokens.isAllCaps(after), tokens.clauseBreak(after - 1) {
          aliases[Self.withoutPossessive(word(tokens, after))] = key
        }
      }
      // Brand names: a run of capitalised words followed by ", the …'s LSP" or "is the … partnership".
      var runStart = 0
      while runStart < tokens.count {
        guard tokens.isCapitalized(runStart) else {
          runStart += 1
          continue
        }
        var runEnd = runStart + 1
        while runEnd < tokens.count, tokens.isCapitalized(runEnd), tokens.connected(runEnd - 1) {
          runEnd += 1
        }
        defer { runStart = runEnd }
        var first = runStart
        while first < runEnd, rules.stopWords.contains(word(tokens, first)) { first += 1 }
        guard runEnd - first >= 2, !heads.contains(where: { $0.tokens.overlaps(first..<runEnd) })
        else { continue }
        var next = runEnd
        if ["is", "was", "are"].contains(next < tokens.count ? tokens.normalized(next) : "") {
          next += 1
        }
        guard next < tokens.count, tokens.normalized(next) == "the",
          !tokens.clauseBreak(runEnd - 1),
          let head = heads.first(where: {
            $0.tokens.lowerBound > next && $0.tokens.lowerBound <= next + 4
          }),
          !(runEnd..<head.tokens.upperBound).contains(where: {
            tokens.clauseBreak($0) && $0 < head.tokens.upperBound - 1
          }),
          !((next + 1)..<head.tokens.lowerBound).contains(where: {
            rules.themeWords.contains(tokens.normalized($0))
          }),
          !head.tokens.contains(where: { rules.themeWords.contains(tokens.normalized($0)) }),
          !codePhrases.contains(where: { $0.overlaps(first..<runEnd) })
        else { continue }
        // An appositive ends the phrase: the sentence ends, or punctuation or a preposition follows.
        let after = head.tokens.upperBound
        guard
          after == tokens.count || tokens.commaAfter(after - 1) || tokens.clauseBreak(after - 1)
            || ["for", "in", "of", "which", "that", "and", "covering", "serving"].contains(
              tokens.normalized(after))
        else { continue }
        let brand = raw(tokens, first..<runEnd)
        if registry[brand] == nil {
          registry[brand] = brand
          registryOrder.append(brand)
          brands.append(brand)
        }
      }
    }

    // Pass 2: every mention of a known name, longest first within a sentence.
    let brandWords = brands.map { $0.split(separator: " ").map(String.init) }
    // Without abbreviations or brand names, only the head-ended names need placing.
    let scansWords = !aliases.isEmpty || !brands.isEmpty
    for (index, tokens) in sentences.enumerated()
    where tokens.count > 0 && (scansWords || !headSpans[index].isEmpty) {
      var found: [Span] = headSpans[index].compactMap { item in
        registry[item.key].map { Span(tokens: item.span, name: $0) }
      }
      for position in 0..<tokens.count where scansWords {
        // An abbreviation right after its name, "(ELSP)", defines it; later uses are mentions.
        let defines = found.contains { $0.tokens.upperBound == position }
        if tokens.isAllCaps(position), !defines,
          let key = aliases[Self.withoutPossessive(word(tokens, position))],
          let name = registry[key]
        {
          found.append(Span(tokens: position..<(position + 1), name: name))
        }
        for (brand, words) in zip(brands, brandWords) where position + words.count <= tokens.count {
          if (0..<words.count).allSatisfy({ word(tokens, position + $0) == words[$0] }),
            raw(tokens, position..<(position + words.count)) == brand, let name = registry[brand]
          {
            found.append(Span(tokens: position..<(position + words.count), name: name))
          }
        }
      }
      found.sort {
        ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count)
      }
      var kept: [Span] = []
      for span in found where !kept.contains(where: { $0.tokens.overlaps(span.tokens) }) {
        kept.append(span)
      }
      spans[index] = kept
    }
    if let titleSentence = segmented.sentences.indices.first(where: {
      segmented.extracted.blocks[segmented.sentences[$0].block].kind == .title
    }) {
      subject = spans[titleSentence].first?.name
    }
  }

  /// A word without a trailing possessive ("KLSP’s" → "KLSP").
  static func withoutPossessive(_ word: String) -> String {
    for suffix in ["'s", "’s"] where word.hasSuffix(suffix) {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  /// The named mentions in a sentence, in order.
  func mentions(inSentence index: Int) -> [Span] {
    index < spans.count ? spans[index] : []
  }
}
