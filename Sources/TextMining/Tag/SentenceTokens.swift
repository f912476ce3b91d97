/// One sentence's tokens as the tag stage sees them: normalised forms, flags and the gaps
/// between them, computed once and shared by the phrase, cue and name matchers.
struct SentenceTokens {
  /// UTF-8 byte ranges of the tokens in the document text.
  var ranges: [Range<Int>] = []
  /// Normalised forms (lower case, singular, no possessive), back to back in `pool`.
  private var pool: [UInt8] = []
  private var normalizedRanges: [Range<Int>] = []
  /// Constraint flags for the phrase matcher.
  var flags: [PhraseMatcher.TokenFlags] = []
  /// Whether a token starts with a capital letter (or is all capitals).
  var isCapitalized: [Bool] = []
  /// Whether a token is written in capitals only, two letters or more ("LSP", "OLSP").
  var isAllCaps: [Bool] = []
  /// `connected[i]`: tokens i and i+1 may belong to one phrase (only spaces, hyphens or
  /// apostrophes between them).
  var connected: [Bool] = []
  /// `clauseBreak[i]`: punctuation that ends a clause (`;`, `:`, brackets, dashes) stands
  /// between tokens i and i+1.
  var clauseBreak: [Bool] = []
  /// `comma[i]`: a comma stands between tokens i and i+1.
  var commaAfter: [Bool] = []
  /// For tokens joined to the next by a hyphen: the two raw words joined, normalised.
  private var joined: [Int: [UInt8]] = [:]

  var count: Int { ranges.count }

  /// Analyses the tokens of one sentence.
  init(ranges: ArraySlice<Range<Int>>, in bytes: UnsafeBufferPointer<UInt8>) {
    var scratch: [UInt8] = []
    scratch.reserveCapacity(64)
    for (index, range) in ranges.enumerated() {
      let word = UnsafeBufferPointer(rebasing: bytes[range])
      self.ranges.append(range)
      TokenNormalizer.normalize(utf8: word, into: &scratch)
      normalizedRanges.append(pool.count..<(pool.count + scratch.count))
      pool.append(contentsOf: scratch)
      let first = word.first ?? 0
      let capital = (0x41...0x5A).contains(first)
      isCapitalized.append(capital)
      var letters = word.filter { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
      if possessiveEnding(word) { letters.removeLast() }
      isAllCaps.append(letters.count >= 2 && letters.allSatisfy { (0x41...0x5A).contains($0) })
      let last = word.last ?? 0
      let possessive = word.count >= 2 && (word[word.count - 2] == 0x27 || word[word.count - 2] == 0x99)
      flags.append(
        PhraseMatcher.TokenFlags(
          isPlural: (last == UInt8(ascii: "s") || last == UInt8(ascii: "S")) && scratch.last != UInt8(ascii: "s") && !possessive,
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
        joined[index] = scratch
      }
    }
    if !self.ranges.isEmpty {
      connected.append(false)
      clauseBreak.append(true)
      commaAfter.append(false)
    }
  }

  /// Whether a word ends in 's or ’s.
  private func possessiveEnding(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count >= 3, word.last == UInt8(ascii: "s") else { return false }
    return word[word.count - 2] == 0x27 || (word[word.count - 2] == 0x99 && word[word.count - 3] == 0x80)
  }

  /// The normalised form of token `index`, as a string (for debugging and names).
  func normalized(_ index: Int) -> String {
    String(decoding: pool[normalizedRanges[index]], as: UTF8.self)
  }

  /// Matches of a matcher over these tokens, leftmost-longest.
  func matches(of matcher: PhraseMatcher, constrained: Bool) -> [PhraseMatcher.Match] {
    var ids: [Int32] = []
    ids.reserveCapacity(count)
    pool.withUnsafeBufferPointer { pool in
      for range in normalizedRanges {
        ids.append(matcher.tokenID(utf8: UnsafeBufferPointer(rebasing: pool[range])))
      }
    }
    var joinedIDs: [Int: Int32] = [:]
    for (index, bytes) in joined {
      joinedIDs[index] = bytes.withUnsafeBufferPointer { matcher.tokenID(utf8: $0) }
    }
    return matcher.matches(ids: ids, connected: connected, joinedIDs: joinedIDs, flags: constrained ? flags : [])
  }
}
