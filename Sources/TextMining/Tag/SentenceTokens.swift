/// The token analysis of a whole document: ids in each matcher and flag bits for every token,
/// in two arrays allocated once per document and shared by the document's `SentenceTokens`.
final class DocumentTokens {
  /// UTF-8 byte ranges of every token in the document text (`SegmentedText.tokens`).
  let ranges: [Range<Int>]
  /// Token ids in the phrase, cue and name matchers, slot by slot: `ids[slot * total + token]`,
  /// with `slot` a `Taxonomy.MatcherSlot` (-1: no phrase uses the word).
  fileprivate(set) var ids: [Int32]
  /// Per token, a set of `TokenBits` (the gap bits as seen within its sentence).
  fileprivate(set) var bits: [UInt8]

  fileprivate init(ranges: [Range<Int>]) {
    self.ranges = ranges
    self.ids = [Int32](repeating: -1, count: 3 * ranges.count)
    self.bits = [UInt8](repeating: 0, count: ranges.count)
  }

  /// Analyses every sentence of a document in one pass; sentences listed in `skipping` (too
  /// long to tag) get no tokens.
  static func sentences(
    of segmented: SegmentedText, in bytes: UnsafeBufferPointer<UInt8>, taxonomy: Taxonomy, skipping: Set<Int> = [],
    scratch: inout [UInt8]
  ) -> [SentenceTokens] {
    let document = DocumentTokens(ranges: segmented.tokens)
    var sentences: [SentenceTokens] = []
    sentences.reserveCapacity(segmented.sentences.count)
    let longest = taxonomy.longestTokenByteCount
    let total = segmented.tokens.count
    taxonomy.withLexicon { lexicon in
      document.ids.withUnsafeMutableBufferPointer { ids in
        document.bits.withUnsafeMutableBufferPointer { bits in
          for (index, sentence) in segmented.sentences.enumerated() {
            let tokens = skipping.contains(index) ? sentence.tokenIndices.lowerBound..<sentence.tokenIndices.lowerBound : sentence.tokenIndices
            let (joined, slots) = analyse(
              tokens, ranges: document.ranges, bytes: bytes, lexicon: lexicon, longest: longest, total: total, ids: ids, bits: bits,
              scratch: &scratch)
            sentences.append(
              SentenceTokens(document: document, tokens: tokens, joined: joined, slots: slots, bytes: bytes))
          }
        }
      }
    }
    return sentences
  }

  /// Fills the ids and bits of one sentence's tokens; returns the ids of hyphen-joined words,
  /// keyed by the sentence-local index of their first part, and the set of matchers (bit
  /// `1 << slot`) that use any of its tokens or joined words.
  private static func analyse(
    _ tokens: Range<Int>, ranges: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>, lexicon: Taxonomy.LexiconLookup, longest: Int,
    total: Int, ids: UnsafeMutableBufferPointer<Int32>, bits: UnsafeMutableBufferPointer<UInt8>, scratch: inout [UInt8]
  ) -> (joined: [Int: Taxonomy.MatcherIDs], slots: UInt8) {
    var joined: [Int: Taxonomy.MatcherIDs] = [:]
    var slots: UInt8 = 0
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 8) { buffer in
      let out = buffer.baseAddress!
      for token in tokens {
        let local = token - tokens.lowerBound
        let range = ranges[token]
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        var flags: UInt8 = 0
        // The normalised form's length and last byte decide the plural flag below.
        var normalizedCount = 0
        var normalizedLast: UInt8 = 0
        if range.count <= longest + 3 {
          let found: Taxonomy.MatcherIDs
          if let first = word.first, (0x30...0x39).contains(first) {
            // Numbers match the phrase token "#" ("# member": "the board has 22 members").
            found = SentenceTokens.numberToken.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
            normalizedCount = 1
            normalizedLast = SentenceTokens.numberToken[0]
          } else if lexicon.surelyAbsent(word) {
            // No lexicon word starts with these two letters at a length this word can fold to.
            found = Taxonomy.MatcherIDs()
          } else if let length = TokenNormalizer.normalizeASCII(word, into: out) {
            found = lexicon.ids(utf8: UnsafeBufferPointer(start: out, count: length))
            normalizedCount = length
            normalizedLast = length > 0 ? out[length - 1] : 0
          } else if lexicon.isASCII, TokenNormalizer.cannotFoldToASCII(word) {
            // A Cyrillic or Chinese word, say, can match no word of an English taxonomy.
            found = Taxonomy.MatcherIDs()
          } else {
            TokenNormalizer.normalize(utf8: word, into: &scratch)
            found = scratch.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
            normalizedCount = scratch.count
            normalizedLast = scratch.last ?? 0
          }
          ids[token] = found.phrase
          slots |= found.slots
          ids[total + token] = found.context
          ids[2 * total + token] = found.name
        }
        let first = word.first ?? 0
        if (0x41...0x5A).contains(first) {
          flags |= TokenBits.capitalized
          if local > 0 { flags |= TokenBits.capitalizedInside }
        }
        let possessive = SentenceTokens.hasPossessive(word)
        // A word that starts in lower case is not in capitals; only the others need counting.
        if !(0x61...0x7A).contains(first) {
          var upper = 0
          var lower = 0
          for byte in word.dropLast(possessive ? 1 : 0) {
            if (0x41...0x5A).contains(byte) { upper += 1 } else if (0x61...0x7A).contains(byte) { lower += 1 }
          }
          if upper >= 2 && lower == 0 { flags |= TokenBits.allCaps }
        }
        let last = word.last ?? 0
        if (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) && normalizedCount > 0
          && normalizedLast != UInt8(ascii: "s") && !possessive
        {
          flags |= TokenBits.plural
        }
        if token + 1 < tokens.upperBound {
          let gap = UnsafeBufferPointer(rebasing: bytes[range.upperBound..<ranges[token + 1].lowerBound])
          if gap.count == 1, gap[0] == 0x20 {
            // A single space, the commonest gap by far: connected, and nothing else.
            bits[token] = flags | TokenBits.connected
            continue
          }
          if TokenGap.connects(gap) { flags |= TokenBits.connected }
          if TokenGap.endsClause(gap) { flags |= TokenBits.clauseBreak }
          if gap.contains(UInt8(ascii: ",")) { flags |= TokenBits.commaAfter }
          // A joined word longer than any lexicon word (a fold drops at most 4 bytes) matches none.
          if TokenGap.isHyphen(gap), range.count + ranges[token + 1].count <= longest + 4 {
            var both = Array(word)
            both.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[ranges[token + 1]]))
            both.withUnsafeBufferPointer { TokenNormalizer.normalize(utf8: $0, into: &scratch) }
            let found = scratch.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
            joined[local] = found
            slots |= found.slots
          }
        } else {
          flags |= TokenBits.clauseBreak
        }
        bits[token] = flags
      }
    }
    return (joined, slots)
  }
}

/// One sentence's tokens as the tag stage sees them: token ids for each matcher, flags and the
/// gaps between tokens, computed once (see `DocumentTokens`) and shared by the phrase, cue and
/// name matchers. Indices are local to the sentence, from 0 to `count`.
///
/// Lives only inside the `withUTF8` scope of the document text it points into.
struct SentenceTokens {
  private let document: DocumentTokens
  /// The sentence's tokens in the document.
  private let tokens: Range<Int>
  /// For tokens joined to the next by a hyphen ("co-" + "operation"): the joined word's ids.
  /// Empty, and so never allocated, in most sentences.
  private let joined: [Int: Taxonomy.MatcherIDs]
  /// The matchers (bit `1 << slot`) that use any of the sentence's tokens or joined words: a
  /// matcher none of whose words occur finds nothing, so it is not run.
  private let slots: UInt8
  private let bytes: UnsafeBufferPointer<UInt8>

  fileprivate init(
    document: DocumentTokens, tokens: Range<Int>, joined: [Int: Taxonomy.MatcherIDs], slots: UInt8,
    bytes: UnsafeBufferPointer<UInt8>
  ) {
    self.document = document
    self.tokens = tokens
    self.joined = joined
    self.slots = slots
    self.bytes = bytes
  }

  var count: Int { tokens.count }

  /// Whether any token (or hyphen-joined word) is used by a code phrase: a sentence without
  /// one can match no code.
  var hasPhraseTokens: Bool { slots & (1 << Taxonomy.MatcherSlot.phrases) != 0 }

  /// The UTF-8 byte range of token `index` in the document text.
  func range(_ index: Int) -> Range<Int> { document.ranges[tokens.lowerBound + index] }

  /// What a number stands for in phrases.
  static let numberToken: [UInt8] = [UInt8(ascii: "#")]

  /// Whether a word ends in 's or ’s.
  fileprivate static func hasPossessive(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 3, word.last == UInt8(ascii: "s") else { return false }
    return word[word.count - 2] == 0x27 || (word[word.count - 2] == 0x99 && word[word.count - 3] == 0x80)
  }

  private func bit(_ index: Int, _ mask: UInt8) -> Bool { document.bits[tokens.lowerBound + index] & mask != 0 }

  /// Whether token `index` starts with a capital letter.
  func isCapitalized(_ index: Int) -> Bool { bit(index, TokenBits.capitalized) }
  /// Whether token `index` is written in capitals only, two letters or more ("LSP", "OLSP’s").
  func isAllCaps(_ index: Int) -> Bool { bit(index, TokenBits.allCaps) }
  /// Whether token `index` is written in a plural form ("trusts").
  func isPlural(_ index: Int) -> Bool { bit(index, TokenBits.plural) }
  /// Whether tokens `index` and `index + 1` may belong to one phrase (only spaces, hyphens or
  /// apostrophes between them).
  func connected(_ index: Int) -> Bool { bit(index, TokenBits.connected) }
  /// Whether punctuation that ends a clause (`;`, `:`, brackets, dashes) stands after token
  /// `index`; true after the last token.
  func clauseBreak(_ index: Int) -> Bool { bit(index, TokenBits.clauseBreak) }
  /// Whether a comma stands between tokens `index` and `index + 1`.
  func commaAfter(_ index: Int) -> Bool { bit(index, TokenBits.commaAfter) }

  /// The raw text of token `index`.
  func word(_ index: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range(index)]), as: UTF8.self)
  }

  /// The normalised form of token `index` (computed on demand; for names and explanations).
  func normalized(_ index: Int) -> String {
    TokenNormalizer.normalize(word(index))
  }

  /// The phrase-matcher id of token `index`.
  func phraseID(_ index: Int) -> Int32 { document.ids[tokens.lowerBound + index] }

  /// Leftmost-longest matches of one of the taxonomy's matchers, named by its `MatcherSlot`.
  /// `constrained` applies the phrases' singular-only and skip-names constraints.
  func matches(of matcher: PhraseMatcher, at slot: Int, constrained: Bool) -> [PhraseMatcher.Match] {
    guard count > 0, slots & (1 << slot) != 0 else { return [] }
    var joinedIDs: [Int: Int32] = [:]
    if !joined.isEmpty {
      for (index, found) in joined {
        joinedIDs[index] = slot == Taxonomy.MatcherSlot.phrases ? found.phrase : slot == Taxonomy.MatcherSlot.context ? found.context : found.name
      }
    }
    let offset = slot * document.ranges.count + tokens.lowerBound
    return document.ids.withUnsafeBufferPointer { ids in
      document.bits.withUnsafeBufferPointer { bits in
        matcher.matches(
          ids: UnsafeBufferPointer(rebasing: ids[offset..<(offset + count)]),
          bits: UnsafeBufferPointer(rebasing: bits[tokens]), joinedIDs: joinedIDs, constrained: constrained)
      }
    }
  }
}

/// The flag bits of one token in `SentenceTokens`.
enum TokenBits {
  static let connected: UInt8 = 1 << 0
  static let clauseBreak: UInt8 = 1 << 1
  static let commaAfter: UInt8 = 1 << 2
  static let capitalized: UInt8 = 1 << 3
  /// Capitalised and not the sentence's first word.
  static let capitalizedInside: UInt8 = 1 << 4
  static let allCaps: UInt8 = 1 << 5
  static let plural: UInt8 = 1 << 6
}
