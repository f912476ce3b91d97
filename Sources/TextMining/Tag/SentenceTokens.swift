/// One sentence's tokens as the tag stage sees them: token ids for each matcher, flags and the
/// gaps between tokens, computed once and shared by the phrase, cue and name matchers.
///
/// Lives only inside the `withUTF8` scope of the document text it points into.
struct SentenceTokens {
  /// UTF-8 byte ranges of the tokens in the document text.
  var ranges: [Range<Int>] = []
  /// Token ids in the taxonomy's phrase, cue and name matchers (-1: no phrase uses the word).
  private var phraseIDs: [Int32] = []
  private var contextIDs: [Int32] = []
  private var nameIDs: [Int32] = []
  /// For tokens joined to the next by a hyphen: the id of the joined word, per matcher.
  private var joinedIDs: [[Int: Int32]] = [[:], [:], [:]]
  /// Constraint flags for the phrase matcher.
  var flags: [PhraseMatcher.TokenFlags] = []
  /// Whether a token starts with a capital letter.
  var isCapitalized: [Bool] = []
  /// Whether a token is written in capitals only, two letters or more ("LSP", "OLSP’s").
  var isAllCaps: [Bool] = []
  /// `connected[i]`: tokens i and i+1 may belong to one phrase (only spaces, hyphens or
  /// apostrophes between them).
  var connected: [Bool] = []
  /// `clauseBreak[i]`: punctuation that ends a clause (`;`, `:`, brackets, dashes) stands
  /// between tokens i and i+1.
  var clauseBreak: [Bool] = []
  /// `commaAfter[i]`: a comma stands between tokens i and i+1.
  var commaAfter: [Bool] = []
  private let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { ranges.count }

  /// Analyses the tokens of one sentence and looks each up in the taxonomy's matchers.
  init(ranges: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>, taxonomy: Taxonomy, scratch: inout [UInt8]) {
    self.bytes = bytes
    let phrases = taxonomy.matcher
    let context = taxonomy.contextMatcher
    let names = taxonomy.nameMatcher
    let longest = max(phrases.longestTokenByteCount, context.longestTokenByteCount, names?.longestTokenByteCount ?? 0)
    self.ranges = Array(ranges)
    let count = self.ranges.count
    phraseIDs.reserveCapacity(count)
    contextIDs.reserveCapacity(count)
    nameIDs.reserveCapacity(count)
    flags.reserveCapacity(count)
    isCapitalized.reserveCapacity(count)
    isAllCaps.reserveCapacity(count)
    for (index, range) in ranges.enumerated() {
      let word = UnsafeBufferPointer(rebasing: bytes[range])
      if range.count > longest + 3 {
        scratch.removeAll(keepingCapacity: true)
        phraseIDs.append(-1)
        contextIDs.append(-1)
        nameIDs.append(-1)
      } else {
        TokenNormalizer.normalize(utf8: word, into: &scratch)
        if let first = word.first, (0x30...0x39).contains(first) {
          // Numbers match the phrase token "#" ("# member": "the board has 22 members").
          scratch = Self.numberToken
        }
        let ids = scratch.withUnsafeBufferPointer { taxonomy.matcherIDs(utf8: $0) }
        phraseIDs.append(ids.phrase)
        contextIDs.append(ids.context)
        nameIDs.append(ids.name)
      }
      let first = word.first ?? 0
      let capital = (0x41...0x5A).contains(first)
      isCapitalized.append(capital)
      let possessive = Self.hasPossessive(word)
      var upper = 0
      var lower = 0
      for byte in word.dropLast(possessive ? 1 : 0) {
        if (0x41...0x5A).contains(byte) { upper += 1 } else if (0x61...0x7A).contains(byte) { lower += 1 }
      }
      isAllCaps.append(upper >= 2 && lower == 0)
      let last = word.last ?? 0
      flags.append(
        PhraseMatcher.TokenFlags(
          isPlural: (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) && !scratch.isEmpty
            && scratch.last != UInt8(ascii: "s") && !possessive,
          isCapitalizedInside: capital && index > 0))
    }
    for index in self.ranges.indices.dropLast() {
      let gap = UnsafeBufferPointer(rebasing: bytes[self.ranges[index].upperBound..<self.ranges[index + 1].lowerBound])
      connected.append(TokenGap.connects(gap))
      clauseBreak.append(TokenGap.endsClause(gap))
      commaAfter.append(gap.contains(UInt8(ascii: ",")))
      if TokenGap.isHyphen(gap) {
        var both = Array(UnsafeBufferPointer(rebasing: bytes[self.ranges[index]]))
        both.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[self.ranges[index + 1]]))
        both.withUnsafeBufferPointer { TokenNormalizer.normalize(utf8: $0, into: &scratch) }
        let ids = scratch.withUnsafeBufferPointer { taxonomy.matcherIDs(utf8: $0) }
        joinedIDs[Taxonomy.MatcherSlot.phrases][index] = ids.phrase
        joinedIDs[Taxonomy.MatcherSlot.context][index] = ids.context
        joinedIDs[Taxonomy.MatcherSlot.names][index] = ids.name
      }
    }
    if !self.ranges.isEmpty {
      connected.append(false)
      clauseBreak.append(true)
      commaAfter.append(false)
    }
  }

  /// What a number stands for in phrases.
  static let numberToken: [UInt8] = [UInt8(ascii: "#")]

  /// Whether a word ends in 's or ’s.
  private static func hasPossessive(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 3, word.last == UInt8(ascii: "s") else { return false }
    return word[word.count - 2] == 0x27 || (word[word.count - 2] == 0x99 && word[word.count - 3] == 0x80)
  }

  /// The raw text of token `index`.
  func word(_ index: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[ranges[index]]), as: UTF8.self)
  }

  /// The normalised form of token `index` (computed on demand; for names and explanations).
  func normalized(_ index: Int) -> String {
    TokenNormalizer.normalize(word(index))
  }

  /// The phrase-matcher id of token `index`.
  func phraseID(_ index: Int) -> Int32 { phraseIDs[index] }

  /// Leftmost-longest matches of one of the taxonomy's matchers, named by its `MatcherSlot`.
  func matches(of matcher: PhraseMatcher, at slot: Int, constrained: Bool) -> [PhraseMatcher.Match] {
    let ids = slot == Taxonomy.MatcherSlot.phrases ? phraseIDs : slot == Taxonomy.MatcherSlot.context ? contextIDs : nameIDs
    return matcher.matches(ids: ids, connected: connected, joinedIDs: joinedIDs[slot], flags: constrained ? flags : [])
  }
}
