/// One sentence's tokens as the tag stage sees them: token ids for each matcher, flags and the
/// gaps between tokens, computed once (see `DocumentTokens`) and shared by the phrase, cue and
/// name matchers. Indices are local to the sentence, from 0 to `count`.
///
/// Lives only inside the `withUTF8` scope of the document text it points into.
struct SentenceTokens {
  private let document: DocumentTokens
  /// The sentence's tokens in the document.
  private let tokens: Range<Int>
  /// Whether a hyphen joins two of its tokens into a word some matcher uses ("co-" +
  /// "operation"): the joined word's ids are then in `DocumentTokens.joinedIDs`.
  private let hasJoined: Bool
  /// The matchers (bit `1 << slot`) that use any of the sentence's tokens or joined words: a
  /// matcher none of whose words occur finds nothing, so it is not run.
  private let slots: UInt8
  private let bytes: UnsafeBufferPointer<UInt8>

  init(
    document: DocumentTokens, tokens: Range<Int>, hasJoined: Bool, slots: UInt8,
    bytes: UnsafeBufferPointer<UInt8>
  ) {
    self.document = document
    self.tokens = tokens
    self.hasJoined = hasJoined
    self.slots = slots
    self.bytes = bytes
  }

  var count: Int { tokens.count }

  /// Whether any token (or hyphen-joined word) is used by a code phrase: a sentence without
  /// one can match no code.
  var hasPhraseTokens: Bool { slots & MatcherSlot.phrases.bit != 0 }

  /// The UTF-8 byte range of token `index` in the document text.
  func range(_ index: Int) -> Range<Int> { document.ranges[tokens.lowerBound + index] }

  /// What a number stands for in phrases.
  static let numberToken: [UInt8] = [UInt8(ascii: "#")]

  /// Whether a word ends in 's or ’s.
  static func hasPossessive(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 3, word.last == UInt8(ascii: "s") else { return false }
    return word[word.count - 2] == 0x27
      || (word[word.count - 2] == 0x99 && word[word.count - 3] == 0x80)
  }

  private func bit(_ index: Int, _ mask: UInt8) -> Bool {
    document.bits[tokens.lowerBound + index] & mask != 0
  }

  /// Whether token `index` starts with a capital letter.
  func isCapitalized(_ index: Int) -> Bool { bit(index, TokenBits.capitalized) }
  /// Whether token `index` starts with a capital letter and does not start its sentence.
  func isCapitalizedInside(_ index: Int) -> Bool { bit(index, TokenBits.capitalizedInside) }
  /// Whether token `index` is written in capitals only, two letters or more ("LSP", "OLSP’s").
  func isAllCaps(_ index: Int) -> Bool { bit(index, TokenBits.allCaps) }
  /// Whether token `index` opens with an ASCII lower-case letter.
  func startsLowercase(_ index: Int) -> Bool {
    (0x61...0x7A).contains(bytes[range(index).lowerBound])
  }

  /// Whether token `index` is a word of ASCII letters alone (not "7.2", "R1" or "2007").
  func isAlphabetic(_ index: Int) -> Bool {
    bytes[range(index)].allSatisfy { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
  }
  /// Whether token `index` is written in a plural form ("trusts").
  func isPlural(_ index: Int) -> Bool { bit(index, TokenBits.plural) }
  /// Whether tokens `index` and `index + 1` may belong to one phrase (only spaces, hyphens or
  /// apostrophes between them).
  func connected(_ index: Int) -> Bool { bit(index, TokenBits.connected) }
  /// Whether punctuation that ends a clause (`;`, `:`, brackets, dashes, `|`) stands after token
  /// `index`; true after the last token.
  func clauseBreak(_ index: Int) -> Bool { bit(index, TokenBits.clauseBreak) }
  /// Whether a comma stands between tokens `index` and `index + 1`.
  func commaAfter(_ index: Int) -> Bool { bit(index, TokenBits.commaAfter) }

  /// Whether a hyphen alone joins tokens `index` and `index + 1` ("twenty-four", "co-operation").
  func hyphenAfter(_ index: Int) -> Bool {
    index + 1 < count
      && TokenGap.isHyphen(
        UnsafeBufferPointer(rebasing: bytes[range(index).upperBound..<range(index + 1).lowerBound]))
  }

  /// Whether the break after token `index` is only a bracket around one abbreviation ("Fund
  /// (NRF) allocation", after "Fund" and after "NRF") or around an item's letter or number in a
  /// list run into the sentence ("has not (a) reviewed its membership or (b) set targets",
  /// "(ii)", "(3)"). Both stand inside their clause. A label such as "(vacant)" or "(Green)" is
  /// neither: it sets a verdict apart.
  func bracketsAnAbbreviation(_ index: Int) -> Bool {
    func gap(_ at: Int) -> UnsafeBufferPointer<UInt8>? {
      at >= 0 && at + 1 < count
        ? UnsafeBufferPointer(rebasing: bytes[range(at).upperBound..<range(at + 1).lowerBound])
        : nil
    }
    guard let after = gap(index) else { return false }
    if TokenGap.isBracket(after, opening: true), let next = gap(index + 1) {
      return TokenGap.isBracket(next, opening: false)
        && (isAllCaps(index + 1) || isItemLabel(index + 1))
    }
    if TokenGap.isBracket(after, opening: false), let before = gap(index - 1) {
      return TokenGap.isBracket(before, opening: true) && (isAllCaps(index) || isItemLabel(index))
    }
    return false
  }

  /// Whether token `index` is a list item's label: one lower-case letter ("a"), a lower-case
  /// roman numeral ("iv"), or a number of one or two digits ("3").
  func isItemLabel(_ index: Int) -> Bool {
    let word = bytes[range(index)]
    guard let first = word.first, word.count <= 4 else { return false }
    if word.count == 1, (0x61...0x7A).contains(first) { return true }
    if word.allSatisfy({
      $0 == UInt8(ascii: "i") || $0 == UInt8(ascii: "v") || $0 == UInt8(ascii: "x")
    }) {
      return true
    }
    return word.count <= 2 && word.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// Whether a single space joins tokens `index` and `index + 1` ("twenty four").
  func spaceAfter(_ index: Int) -> Bool {
    index + 1 < count && range(index + 1).lowerBound == range(index).upperBound + 1
      && bytes[range(index).upperBound] == 0x20
  }

  /// Whether a per cent sign follows token `index`, after spaces at most ("40%", "40 %").
  func percentSignAfter(_ index: Int) -> Bool {
    var position = range(index).upperBound
    let end = index + 1 < count ? range(index + 1).lowerBound : bytes.count
    while position < end, bytes[position] == 0x20 { position += 1 }
    return position < end && bytes[position] == UInt8(ascii: "%")
  }

  /// Whether token `index`, its ASCII capitals lower-cased, is `word` (written in lower case):
  /// the test of one grammar word read on many tokens, which compares lengths first and so
  /// rules most tokens out at once.
  @inline(__always)
  func isWord(_ index: Int, _ word: StaticString) -> Bool {
    let range = self.range(index)
    guard range.count == word.utf8CodeUnitCount else { return false }
    let expected = word.utf8Start
    for offset in 0..<range.count {
      let byte = bytes[range.lowerBound + offset]
      if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected[offset] { return false }
    }
    return true
  }

  /// Whether token `index`, its ASCII letters lower-cased, is one of `words`: a test that
  /// allocates nothing, for the short grammar words read on every token.
  func isWord(_ index: Int, oneOf words: PackedWords) -> Bool {
    let word = UnsafeBufferPointer(rebasing: bytes[range(index)])
    return words.contains(key: PackedWords.key(of: word, lowercasing: true), word: word)
  }

  /// Token `index` and its key in `PackedWords` (nil when longer than seven bytes), for testing
  /// one token against several lists with `PackedWords.contains(key:word:)`.
  func packedWord(_ index: Int) -> (key: UInt64?, word: UnsafeBufferPointer<UInt8>) {
    let word = UnsafeBufferPointer(rebasing: bytes[range(index)])
    return (PackedWords.key(of: word, lowercasing: true), word)
  }

  /// Calls `body` with each token's index and raw UTF-8 bytes, in order, reading the token
  /// ranges through one buffer (no array access per token).
  func forEachToken(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
    document.ranges.withUnsafeBufferPointer { ranges in
      for index in 0..<count {
        body(index, UnsafeBufferPointer(rebasing: bytes[ranges[tokens.lowerBound + index]]))
      }
    }
  }

  /// Calls `body` with the raw UTF-8 bytes of token `index`.
  func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    body(UnsafeBufferPointer(rebasing: bytes[range(index)]))
  }

  /// The raw text of token `index`.
  func word(_ index: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range(index)]), as: UTF8.self)
  }

  /// The normalised form of token `index` (computed on demand; for names and explanations).
  func normalized(_ index: Int) -> String {
    // An ASCII word (nearly every one) is folded in a buffer on the stack by the fast path,
    // whose bytes equal the general one's: no arrays, no Unicode lower-casing.
    let token = UnsafeBufferPointer(rebasing: bytes[range(index)])
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count + 3) { out in
      guard let base = out.baseAddress,
        let length = TokenNormalizer.normalizeASCII(token, into: base)
      else { return TokenNormalizer.normalize(word(index)) }
      return String(decoding: UnsafeBufferPointer(start: base, count: length), as: UTF8.self)
    }
  }

  /// The phrase-matcher id of token `index`.
  func phraseID(_ index: Int) -> Int32 { document.ids[tokens.lowerBound + index] }

  /// Leftmost-longest matches of one of the taxonomy's matchers, named by its `MatcherSlot`.
  /// `constrained` applies the phrases' singular-only and skip-names constraints.
  func matches(of matcher: PhraseMatcher, at slot: MatcherSlot, constrained: Bool) -> [PhraseMatcher
    .Match]
  {
    guard count > 0, slots & slot.bit != 0 else { return [] }
    let offset = slot.rawValue * document.ranges.count + tokens.lowerBound
    return document.ids.withUnsafeBufferPointer { ids in
      document.bits.withUnsafeBufferPointer { bits in
        document.joinedIDs.withUnsafeBufferPointer { joinedIDs in
          // One id per token where a hyphen joins words, none at all where it joins none (most).
          matcher.matches(
            ids: UnsafeBufferPointer(rebasing: ids[offset..<(offset + count)]),
            bits: UnsafeBufferPointer(rebasing: bits[tokens]),
            joinedIDs: hasJoined
              ? UnsafeBufferPointer(rebasing: joinedIDs[offset..<(offset + count)])
              : UnsafeBufferPointer(start: nil, count: 0),
            constrained: constrained)
        }
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
  /// Written in digits ("22", "3rd"): a number a `digits` phrase's "#" matches.
  static let numeral: UInt8 = 1 << 7
}
