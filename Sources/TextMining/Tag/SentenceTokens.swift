/// One sentence's tokens as the tag stage sees them: token ids for each matcher, flags and the
/// gaps between tokens, computed once and shared by the phrase, cue and name matchers.
///
/// Three arrays per sentence (ranges, ids, flag bits), each allocated once at its exact size:
/// a sentence is built for every sentence of every document, so its cost is the tagger's.
/// Lives only inside the `withUTF8` scope of the document text it points into.
struct SentenceTokens {
  /// UTF-8 byte ranges of the tokens in the document text.
  let ranges: [Range<Int>]
  /// Token ids in the taxonomy's phrase, cue and name matchers (-1: no phrase uses the word),
  /// slot by slot: `ids[slot * count + index]`, with `slot` a `Taxonomy.MatcherSlot`.
  private let ids: [Int32]
  /// Per token, a set of `TokenBits`.
  private let bits: [UInt8]
  /// For tokens joined to the next by a hyphen ("co-" + "operation"): the joined word's ids.
  /// Empty, and so never allocated, in most sentences.
  private let joined: [Int: Taxonomy.MatcherIDs]
  private let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { ranges.count }

  /// Analyses the tokens of one sentence and looks each up in the taxonomy's matchers.
  init(ranges: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, taxonomy: Taxonomy, scratch: inout [UInt8]) {
    self = taxonomy.withLexicon { lexicon in
      SentenceTokens(ranges: ranges, in: bytes, lexicon: lexicon, longest: taxonomy.longestTokenByteCount, scratch: &scratch)
    }
  }

  /// Analyses the tokens of one sentence with a lexicon lookup held for a whole document.
  init(
    ranges: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, lexicon: Taxonomy.LexiconLookup, longest: Int,
    scratch: inout [UInt8]
  ) {
    self.bytes = bytes
    let ranges = Array(ranges)
    self.ranges = ranges
    let count = ranges.count
    var ids = [Int32](repeating: -1, count: 3 * count)
    var bits = [UInt8](repeating: 0, count: count)
    var joined: [Int: Taxonomy.MatcherIDs] = [:]
    ids.withUnsafeMutableBufferPointer { ids in
      bits.withUnsafeMutableBufferPointer { bits in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 8) { buffer in
        let out = buffer.baseAddress!
        for index in 0..<count {
          let range = ranges[index]
          let word = UnsafeBufferPointer(rebasing: bytes[range])
          var flags: UInt8 = 0
          // The normalised form's length and last byte decide the plural flag below.
          var normalizedCount = 0
          var normalizedLast: UInt8 = 0
          if range.count <= longest + 3 {
            let found: Taxonomy.MatcherIDs
            if let first = word.first, (0x30...0x39).contains(first) {
              // Numbers match the phrase token "#" ("# member": "the board has 22 members").
              found = Self.numberToken.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
              normalizedCount = 1
              normalizedLast = Self.numberToken[0]
            } else if let length = TokenNormalizer.normalizeASCII(word, into: out) {
              found = lexicon.ids(utf8: UnsafeBufferPointer(start: out, count: length))
              normalizedCount = length
              normalizedLast = length > 0 ? out[length - 1] : 0
            } else {
              TokenNormalizer.normalize(utf8: word, into: &scratch)
              found = scratch.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
              normalizedCount = scratch.count
              normalizedLast = scratch.last ?? 0
            }
            ids[index] = found.phrase
            ids[count + index] = found.context
            ids[2 * count + index] = found.name
          }
          let first = word.first ?? 0
          let capital = (0x41...0x5A).contains(first)
          if capital {
            flags |= TokenBits.capitalized
            if index > 0 { flags |= TokenBits.capitalizedInside }
          }
          let possessive = Self.hasPossessive(word)
          var upper = 0
          var lower = 0
          for byte in word.dropLast(possessive ? 1 : 0) {
            if (0x41...0x5A).contains(byte) { upper += 1 } else if (0x61...0x7A).contains(byte) { lower += 1 }
          }
          if upper >= 2 && lower == 0 { flags |= TokenBits.allCaps }
          let last = word.last ?? 0
          if (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) && normalizedCount > 0
            && normalizedLast != UInt8(ascii: "s") && !possessive
          {
            flags |= TokenBits.plural
          }
          if index + 1 < count {
            let gap = UnsafeBufferPointer(rebasing: bytes[range.upperBound..<ranges[index + 1].lowerBound])
            if TokenGap.connects(gap) { flags |= TokenBits.connected }
            if TokenGap.endsClause(gap) { flags |= TokenBits.clauseBreak }
            if gap.contains(UInt8(ascii: ",")) { flags |= TokenBits.commaAfter }
            if TokenGap.isHyphen(gap) {
              var both = Array(word)
              both.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[ranges[index + 1]]))
              both.withUnsafeBufferPointer { TokenNormalizer.normalize(utf8: $0, into: &scratch) }
              joined[index] = scratch.withUnsafeBufferPointer { lexicon.ids(utf8: $0) }
            }
          } else {
            flags |= TokenBits.clauseBreak
          }
          bits[index] = flags
        }
        }
      }
    }
    self.ids = ids
    self.bits = bits
    self.joined = joined
  }

  /// What a number stands for in phrases.
  static let numberToken: [UInt8] = [UInt8(ascii: "#")]

  /// Whether a word ends in 's or ’s.
  private static func hasPossessive(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 3, word.last == UInt8(ascii: "s") else { return false }
    return word[word.count - 2] == 0x27 || (word[word.count - 2] == 0x99 && word[word.count - 3] == 0x80)
  }

  /// Whether token `index` starts with a capital letter.
  func isCapitalized(_ index: Int) -> Bool { bits[index] & TokenBits.capitalized != 0 }
  /// Whether token `index` is written in capitals only, two letters or more ("LSP", "OLSP’s").
  func isAllCaps(_ index: Int) -> Bool { bits[index] & TokenBits.allCaps != 0 }
  /// Whether token `index` is written in a plural form ("trusts").
  func isPlural(_ index: Int) -> Bool { bits[index] & TokenBits.plural != 0 }
  /// Whether tokens `index` and `index + 1` may belong to one phrase (only spaces, hyphens or
  /// apostrophes between them).
  func connected(_ index: Int) -> Bool { bits[index] & TokenBits.connected != 0 }
  /// Whether punctuation that ends a clause (`;`, `:`, brackets, dashes) stands after token
  /// `index`; true after the last token.
  func clauseBreak(_ index: Int) -> Bool { bits[index] & TokenBits.clauseBreak != 0 }
  /// Whether a comma stands between tokens `index` and `index + 1`.
  func commaAfter(_ index: Int) -> Bool { bits[index] & TokenBits.commaAfter != 0 }

  /// The raw text of token `index`.
  func word(_ index: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
  }

  /// The normalised form of token `index` (computed on demand; for names and explanations).
  func normalized(_ index: Int) -> String {
    TokenNormalizer.normalize(word(index))
  }

  /// The phrase-matcher id of token `index`.
  func phraseID(_ index: Int) -> Int32 { ids[index] }

  /// Leftmost-longest matches of one of the taxonomy's matchers, named by its `MatcherSlot`.
  /// `constrained` applies the phrases' singular-only and skip-names constraints.
  func matches(of matcher: PhraseMatcher, at slot: Int, constrained: Bool) -> [PhraseMatcher.Match] {
    guard count > 0 else { return [] }
    var joinedIDs: [Int: Int32] = [:]
    for (index, found) in joined {
      joinedIDs[index] = slot == Taxonomy.MatcherSlot.phrases ? found.phrase : slot == Taxonomy.MatcherSlot.context ? found.context : found.name
    }
    return ids.withUnsafeBufferPointer { ids in
      bits.withUnsafeBufferPointer { bits in
        matcher.matches(
          ids: UnsafeBufferPointer(rebasing: ids[(slot * count)..<((slot + 1) * count)]), bits: bits, joinedIDs: joinedIDs,
          constrained: constrained)
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
