/// The token analysis of a whole document: ids in each matcher and flag bits for every token,
/// in arrays allocated once per document and shared by the document's `SentenceTokens`.
///
/// Its arrays are constants, filled before the object is made: reads of a class's `var` are
/// checked for exclusive access at run time, and the matchers read them on every token.
final class DocumentTokens {
  /// UTF-8 byte ranges of every token in the document text (`SegmentedText.tokens`).
  let ranges: [Range<Int>]
  /// Token ids in the phrase, cue and name matchers, slot by slot: `ids[slot * total + token]`,
  /// with `slot` a `MatcherSlot` raw value (-1: no phrase uses the word).
  let ids: [Int32]
  /// Per token, a set of `TokenBits` (the gap bits as seen within its sentence).
  let bits: [UInt8]
  /// For tokens joined to the next by a hyphen ("co-" + "operation"), the joined word's ids,
  /// laid out as `ids` (-1 for the other tokens); empty, and never allocated, in a document
  /// without such a word.
  let joinedIDs: [Int32]

  private init(ranges: [Range<Int>], ids: [Int32], bits: [UInt8], joinedIDs: [Int32]) {
    self.ranges = ranges
    self.ids = ids
    self.bits = bits
    self.joinedIDs = joinedIDs
  }

  /// Analyses every sentence of a document in one pass; sentences listed in `skipping` (too
  /// long to tag) get no tokens.
  static func sentences(
    of segmented: SegmentedText, in bytes: UnsafeBufferPointer<UInt8>, taxonomy: Taxonomy,
    skipping: Set<Int> = [],
    scratch: inout [UInt8]
  ) -> [SentenceTokens] {
    let ranges = segmented.tokens
    let total = ranges.count
    var ids = [Int32](repeating: -1, count: 3 * total)
    var bits = [UInt8](repeating: 0, count: total)
    var joinedIDs: [Int32] = []
    // Each sentence's tokens, whether a hyphen joins two of them, and its matcher slots.
    var analysed: [(tokens: Range<Int>, hasJoined: Bool, slots: UInt8)] = []
    analysed.reserveCapacity(segmented.sentences.count)
    let longest = taxonomy.longestTokenByteCount
    taxonomy.withLexicon { lexicon in
      ids.withUnsafeMutableBufferPointer { ids in
        bits.withUnsafeMutableBufferPointer { bits in
          for (index, sentence) in segmented.sentences.enumerated() {
            let tokens =
              !skipping.isEmpty && skipping.contains(index)
              ? sentence.tokenIndices.lowerBound..<sentence.tokenIndices.lowerBound
              : sentence.tokenIndices
            let (joined, slots) = analyse(
              tokens, ranges: ranges, bytes: bytes, lexicon: lexicon, longest: longest,
              total: total, ids: ids, bits: bits,
              scratch: &scratch)
            if !joined.isEmpty {
              if joinedIDs.isEmpty {
                joinedIDs = [Int32](repeating: -1, count: 3 * total)
              }
              for (local, found) in joined {
                for slot in MatcherSlot.allCases {
                  joinedIDs[slot.rawValue * total + tokens.lowerBound + local] = found[slot]
                }
              }
            }
            analysed.append((tokens, !joined.isEmpty, slots))
          }
        }
      }
    }
    let document = DocumentTokens(ranges: ranges, ids: ids, bits: bits, joinedIDs: joinedIDs)
    return analysed.map {
      SentenceTokens(
        document: document, tokens: $0.tokens, hasJoined: $0.hasJoined, slots: $0.slots,
        bytes: bytes)
    }
  }

  /// Fills the ids and bits of one sentence's tokens; returns the ids of hyphen-joined words,
  /// keyed by the sentence-local index of their first part, and the set of matchers (bit
  /// `1 << slot`) that use any of its tokens or joined words.
  private static func analyse(
    _ tokens: Range<Int>, ranges: [Range<Int>], bytes: UnsafeBufferPointer<UInt8>,
    lexicon: Taxonomy.LexiconLookup, longest: Int,
    total: Int, ids: UnsafeMutableBufferPointer<Int32>, bits: UnsafeMutableBufferPointer<UInt8>,
    scratch: inout [UInt8]
  ) -> (joined: [Int: Taxonomy.MatcherIDs], slots: UInt8) {
    var joined: [Int: Taxonomy.MatcherIDs] = [:]
    var slots: UInt8 = 0
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 8) { buffer in
      guard let out = buffer.baseAddress else { return }
      // Whether only numbers come before the token: a heading's numbering ("4.4 Trust") is not
      // the sentence's first word.
      var afterNumbering = true
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
            flags |= TokenBits.numeral
            normalizedCount = 1
            normalizedLast = SentenceTokens.numberToken[0]
          } else if lexicon.surelyAbsent(word) {
            // No lexicon word starts with these two letters at a length this word can fold to.
            found = Taxonomy.MatcherIDs()
          } else if word.count <= 4, TokenNormalizer.foldsToItself(word) {
            // The commonest words ("the", "of", "and", "with") are short and in lower case:
            // folding leaves them as they are, so they are looked up as written.
            found = lexicon.ids(utf8: word)
            normalizedCount = word.count
            normalizedLast = word[word.count - 1]
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
          // (A capital after a colon or an opening quotation mark opens a clause or a quotation,
          // as at the sentence's start: "Mr. Pell: Trust between partners has improved". The
          // last byte before the token but spaces is read: ":", '"', or the last byte of "“".)
          if local > 0, !afterNumbering {
            var last = range.lowerBound - 1
            while last > ranges[token - 1].upperBound, bytes[last] == 0x20 { last -= 1 }
            let before = bytes[last]
            if before != UInt8(ascii: ":"), before != UInt8(ascii: "\""), before != 0x9C {
              flags |= TokenBits.capitalizedInside
            }
          }
        }
        if afterNumbering, !(word.first.map { (0x30...0x39).contains($0) } ?? false) {
          afterNumbering = false
        }
        let possessive = SentenceTokens.hasPossessive(word)
        // A word that starts in lower case is not in capitals; only the others need counting.
        if !(0x61...0x7A).contains(first) {
          var upper = 0
          var lower = 0
          for byte in word.dropLast(possessive ? 1 : 0) {
            if (0x41...0x5A).contains(byte) {
              upper += 1
            } else if (0x61...0x7A).contains(byte) {
              lower += 1
            }
          }
          if upper >= 2 && lower == 0 { flags |= TokenBits.allCaps }
        }
        let last = word.last ?? 0
        // A plural ends in "s" and folds to a form that does not ("trusts", "boundaries") or to
        // a shorter one ("successes" to "success"); "success" and "bus" are singular.
        if (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) && normalizedCount > 0
          && (normalizedLast != UInt8(ascii: "s") || normalizedCount < word.count) && !possessive
        {
          flags |= TokenBits.plural
        }
        if token + 1 < tokens.upperBound {
          let gap = UnsafeBufferPointer(
            rebasing: bytes[range.upperBound..<ranges[token + 1].lowerBound])
          // A number that opens a unit before a capital is its numbering ("3.4 Members agreed"),
          // not a count ("# member"): no phrase runs across it.
          let numbering =
            local == 0 && (word.first.map { (0x30...0x39).contains($0) } ?? false)
            && (bytes[ranges[token + 1]].first.map { (0x41...0x5A).contains($0) } ?? false)
          if gap.count == 1, gap[0] == 0x20 {
            // A single space, the commonest gap by far: connected, and nothing else.
            bits[token] = numbering ? flags : flags | TokenBits.connected
            continue
          }
          if TokenGap.connects(gap), !numbering { flags |= TokenBits.connected }
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
