/// What kind of unit a sentence is, read before its codes: a resolution or a numbered
/// recommendation (which propose and judge nothing), a question, a page's metadata line, a
/// copyright footer or a link to another post (which code nothing). Each test reads the unit's
/// tokens or bytes and allocates nothing for the units it rules out, which are nearly all.
extension TaxonomyTagger {
  /// Whether a unit is a resolution or a recommendation: after an optional label (a number,
  /// "R1", "(a)", "RESOLVED"), it opens with "that" and a noun phrase ("R2. That the board
  /// agree three priorities", "RESOLVED: that the report be noted"). Like a question, it
  /// proposes and does not judge.
  static func opensAsResolution(
    _ tokens: SentenceTokens, grammar: ContextRules.Grammar, auxiliaries: PackedWords
  ) -> Bool {
    if opensWithRecommendationNumber(
      tokens, labels: grammar.recommendationLabels, auxiliaries: auxiliaries)
    {
      return true
    }
    // Most units have no "that" among their first four words: a test that allocates nothing.
    guard tokens.count > 1,
      let that = (0..<min(tokens.count - 1, 4)).first(where: { tokens.isWord($0, "that") })
    else { return false }
    for position in 0..<that {
      let word = tokens.word(position)
      let normalized = tokens.normalized(position)
      let isLabel =
        normalized == "#" || grammar.resolutionLabels.contains(normalized)
        || (word.utf8.count <= 3
          && word.utf8.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x5A).contains($0 & 0xDF)
          }
          && (word.utf8.count == 1
            || word.utf8.dropFirst().allSatisfy { (0x30...0x39).contains($0) }))
      guard isLabel else { return false }
    }
    let next = that + 1
    return grammar.determiners.contains(tokens.normalized(next)) || tokens.isCapitalized(next)
  }

  /// Whether a unit opens with a recommendation's number: a label joined to the number ("R1
  /// adopt the draft framework", "R4 The Board should agree a protocol", "R3.1", "R3a") or a
  /// label and a number ("Recommendation 3: ...", "Rec 2.1"). Such a unit recommends, as a
  /// resolution resolves. A finite auxiliary right after the number makes it a report on the
  /// recommendation instead ("R2 was implemented in full"), which is read like any unit.
  static func opensWithRecommendationNumber(
    _ tokens: SentenceTokens, labels: Set<String>, auxiliaries: PackedWords
  ) -> Bool {
    guard tokens.count > 1, !labels.isEmpty else { return false }
    func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    // Most units open with neither a digit nor a number after one word: a test that
    // allocates nothing.
    let numberFollows = tokens.withBytes(1) { $0.first.map(isDigit) ?? false }
    guard numberFollows || tokens.withBytes(0, { $0.contains(where: isDigit) }) else {
      return false
    }
    let first = tokens.word(0).lowercased()
    let after: Int
    if labels.contains(first), numberFollows,
      tokens.withBytes(1, { isRecommendationNumber($0[...]) })
    {
      after = 2
    } else if let digits = first.utf8.firstIndex(where: isDigit),
      labels.contains(String(first[..<digits])),
      isRecommendationNumber(first.utf8[digits...])
    {
      after = 1
    } else {
      return false
    }
    return after >= tokens.count || !tokens.isWord(after, oneOf: auxiliaries)
  }

  /// Whether bytes are a recommendation's number: digits, then any ".digits", then at most one
  /// letter ("3", "3.1", "12b").
  private static func isRecommendationNumber<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    var index = bytes.startIndex
    var sawDigit = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      if (0x30...0x39).contains(byte) {
        sawDigit = true
      } else if byte == UInt8(ascii: "."), sawDigit {
        sawDigit = false
      } else {
        break
      }
      index = bytes.index(after: index)
    }
    guard sawDigit else { return false }
    if index < bytes.endIndex, (0x61...0x7A).contains(bytes[index] | 0x20) {
      index = bytes.index(after: index)
    }
    return index == bytes.endIndex
  }

  /// Whether a unit is a link to the post before or after it on a blog's page: it opens with
  /// "«" ("« Bus cuts: the petition so far") or ends with "»" ("Why I stopped going »"), and
  /// holds no guillemet the other way, which would make it a quotation ("« We were never
  /// asked », said one tenant").
  static func linksAnotherPost(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard range.count >= 2 else { return false }
    // U+00AB and U+00BB are C2 AB and C2 BB in UTF-8; the segmenter trims a unit's spaces.
    func guillemet(_ second: UInt8) -> Bool {
      (range.lowerBound..<range.upperBound - 1).contains {
        bytes[$0] == 0xC2 && bytes[$0 + 1] == second
      }
    }
    let opens = bytes[range.lowerBound] == 0xC2 && bytes[range.lowerBound + 1] == 0xAB
    let closes = bytes[range.upperBound - 2] == 0xC2 && bytes[range.upperBound - 1] == 0xBB
    return (opens && !guillemet(0xBB)) || (closes && !guillemet(0xAB))
  }

  /// Whether a unit opens with one of the grammar's metadata labels and a colon ("Tags: LSP,
  /// community strategy", "Filed under: Minutes").
  static func isMetadataLine(
    _ tokens: SentenceTokens, grammar: ContextRules.Grammar, bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    grammar.metadataLabels.contains { label in
      guard label.count < tokens.count, tokens.clauseBreak(label.count - 1),
        label.indices.allSatisfy({ tokens.normalized($0) == label[$0] })
      else { return false }
      // The break is a colon: "Tags: LSP", not "Tags - a history".
      var index = tokens.range(label.count - 1).upperBound
      while index < bytes.count, bytes[index] == 0x20 { index += 1 }
      return index < bytes.count && bytes[index] == UInt8(ascii: ":")
    }
  }

  /// Whether a unit is a copyright footer: it opens with the copyright sign, "(c)" or the word
  /// "Copyright" before a sign or a year ("© 2009 Haverleigh Partnership Board · Privacy",
  /// "Copyright 2008 Ashvale Together"). Such a line names the page's owner and judges nothing.
  static func isCopyrightFooter(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> Bool
  {
    var index = range.lowerBound
    // Spaces, tabs, no-break spaces (C2 A0), zero-width spaces (E2 80 8B) and byte-order marks
    // (EF BB BF) before it.
    while index < range.upperBound {
      if bytes[index] == 0x20 || bytes[index] == 0x09 {
        index += 1
      } else if index + 1 < range.upperBound, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 {
        index += 2
      } else if index + 2 < range.upperBound,
        (bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x8B)
          || (bytes[index] == 0xEF && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
      {
        index += 3
      } else {
        break
      }
    }
    func opens(with text: StaticString, at start: Int) -> Bool {
      let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
      guard start + expected.count <= range.upperBound else { return false }
      return expected.indices.allSatisfy { offset in
        let byte = bytes[start + offset]
        // ASCII letters compare without case.
        let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        return folded == expected[offset]
      }
    }
    func signOrYear(at start: Int) -> Bool {
      var next = start
      while next < range.upperBound, bytes[next] == 0x20 { next += 1 }
      guard next < range.upperBound else { return false }
      return (bytes[next] >= 0x30 && bytes[next] <= 0x39)
        || (next + 1 < range.upperBound && bytes[next] == 0xC2 && bytes[next + 1] == 0xA9)
        || opens(with: "(c)", at: next)
    }
    // U+00A9 is C2 A9 in UTF-8.
    if index + 1 < range.upperBound, bytes[index] == 0xC2, bytes[index + 1] == 0xA9 { return true }
    // Most units open with neither "(" nor "c": they are no footer.
    guard index < range.upperBound, bytes[index] == 0x28 || bytes[index] | 0x20 == 0x63 else {
      return false
    }
    if opens(with: "(c)", at: index) { return signOrYear(at: index + 3) }
    if opens(with: "copyright", at: index) { return signOrYear(at: index + 9) }
    return false
  }

  /// Whether a unit's last character, past spaces, closing quotes and brackets, is a
  /// question mark: "Has the partnership made a difference?", "... a difference?”".
  static func endsWithQuestionMark(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool
  {
    var index = range.upperBound - 1
    while index >= range.lowerBound {
      switch bytes[index] {
      case UInt8(ascii: "?"): return true
      case 0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x29, 0x5D: index -= 1
      // A closing curly quote, U+2019 or U+201D: E2 80 99 or E2 80 9D.
      case 0x99,
        0x9D
      where index - 2 >= range.lowerBound && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2:
        index -= 3
      default: return false
      }
    }
    return false
  }
}
