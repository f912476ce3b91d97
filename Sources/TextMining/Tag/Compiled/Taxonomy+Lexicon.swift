/// The taxonomy's lexicon: every word any of its three matchers (code phrases, cues, name
/// heads) uses, so that each document word is folded and looked up once for all three.
extension Taxonomy {
  /// A token's ids in the three matchers.
  struct MatcherIDs: Sendable {
    var phrase: Int32 = -1
    var context: Int32 = -1
    var name: Int32 = -1

    /// The matchers that use the token, as `MatcherSlot` bits.
    var slots: UInt8 {
      (phrase >= 0 ? MatcherSlot.phrases.bit : 0) | (context >= 0 ? MatcherSlot.context.bit : 0)
        | (name >= 0 ? MatcherSlot.names.bit : 0)
    }

    /// The token's id in one matcher.
    subscript(slot: MatcherSlot) -> Int32 {
      get {
        switch slot {
        case .phrases: phrase
        case .context: context
        case .names: name
        }
      }
      set {
        switch slot {
        case .phrases: phrase = newValue
        case .context: context = newValue
        case .names: name = newValue
        }
      }
    }
  }

  /// A document token's ids in the three matchers, from its normalised UTF-8.
  func matcherIDs(utf8 token: UnsafeBufferPointer<UInt8>) -> MatcherIDs {
    withLexicon { $0.ids(utf8: token) }
  }

  /// Calls `body` with a lexicon lookup for many tokens in a row (see `LexiconLookup`).
  func withLexicon<R>(_ body: (LexiconLookup) -> R) -> R {
    lexicon.withLookup { lookup in
      lexiconIDs.withUnsafeBufferPointer { ids in
        prefilter.lengths.withUnsafeBufferPointer { prefilter in
          body(
            LexiconLookup(lookup: lookup, ids: ids, isASCII: lexiconIsASCII, prefilter: prefilter))
        }
      }
    }
  }

  /// Token ids in the three matchers, valid inside `withLexicon`.
  struct LexiconLookup {
    let lookup: TokenVocabulary.Lookup
    let ids: UnsafeBufferPointer<MatcherIDs>
    /// Whether every lexicon word is ASCII (see `lexiconIsASCII`).
    let isASCII: Bool
    /// `LexiconPrefilter.lengths`, valid inside `withLexicon`.
    let prefilter: UnsafeBufferPointer<UInt64>

    /// Whether a document word surely folds to no lexicon word (`LexiconPrefilter.surelyAbsent`).
    @inline(__always)
    func surelyAbsent(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
      LexiconPrefilter.surelyAbsent(word, lengths: prefilter)
    }

    /// A document token's ids in the three matchers, from its normalised UTF-8.
    @inline(__always)
    func ids(utf8 token: UnsafeBufferPointer<UInt8>) -> MatcherIDs {
      let id = lookup.id(utf8: token)
      return id < 0 ? MatcherIDs() : ids[Int(id)]
    }
  }
}

/// For each pair of first letters (a to z, either case), the lengths of the lexicon words that
/// start with them, as bits: a cheap test that most document words are in no phrase.
struct LexiconPrefilter: Sendable {
  /// Bit `n` of entry `index(a, b)`: some lexicon word of `n` bytes starts with letters a, b.
  /// Lexicon words shorter than two bytes or not starting with two letters ("a", "#", "e.g")
  /// are left out: only words the prefilter never judges (too short, or not starting with two
  /// letters) can fold to them.
  let lengths: [UInt64]

  init(words: [[UInt8]]) {
    var lengths = [UInt64](repeating: 0, count: 26 * 26)
    for word in words where word.count >= 2 {
      guard let index = Self.index(word[0], word[1]) else { continue }
      lengths[index] |= word.count < 64 ? 1 << UInt64(word.count) : 1 << 63
    }
    self.lengths = lengths
  }

  /// Whether a document word surely folds to none of the words, judged from its first two
  /// letters and its length without folding it. Only ASCII words that start with two letters
  /// and end in a letter are judged: folding keeps their first two letters. A word that does
  /// not end in s changes its length only by an American spelling, by 1 byte down ("fulfill" to
  /// "fulfil") to 2 up ("program" to "programme"). One that ends in s may also lose a possessive
  /// (2 bytes, "LSP's") and then a plural (at most 2, "boundaries" to "boundary") before the
  /// spelling: 4 bytes down ("authorities's" to "authority", "fulfills's" to "fulfil") to 2 up
  /// ("programs" folds to "programme", 1 up). If no word has those first letters in that length
  /// window, the word is absent. False when unsure.
  ///
  /// - Parameters:
  ///   - word: the document word as written.
  ///   - lengths: `lengths` of a prefilter.
  /// - Returns: true when no word can match.
  @inline(__always)
  static func surelyAbsent(_ word: UnsafeBufferPointer<UInt8>, lengths: UnsafeBufferPointer<UInt64>)
    -> Bool
  {
    let count = word.count
    guard count >= 2, count <= 60, let index = index(word[0], word[1]) else {
      return false
    }
    let last = word[count - 1] | 0x20
    guard last >= UInt8(ascii: "a"), last <= UInt8(ascii: "z") else { return false }
    // Lower-casing a non-ASCII letter may change its length (the Kelvin sign becomes "k"), and
    // a curly apostrophe's possessive drops 4 bytes.
    for byte in word where byte >= 0x80 { return false }
    // Lengths count - 1 to count + 2; from count - 4 for a word in s (bits below 0 fall off).
    let window: UInt64 =
      last == UInt8(ascii: "s")
      ? (0b111_1111 << UInt64(count - 1)) >> 3 : 0b1111 << UInt64(count - 1)
    return lengths[index] & window == 0
  }

  /// The entry of a pair of ASCII letters (either case), or nil for anything else.
  @inline(__always)
  static func index(_ first: UInt8, _ second: UInt8) -> Int? {
    let a = first | 0x20
    let b = second | 0x20
    guard a >= UInt8(ascii: "a"), a <= UInt8(ascii: "z"), b >= UInt8(ascii: "a"),
      b <= UInt8(ascii: "z")
    else { return nil }
    return Int(a - UInt8(ascii: "a")) * 26 + Int(b - UInt8(ascii: "a"))
  }
}
