import Testing

@testable import TextMining

/// The grammar's short word lists, tested a token at a time without allocating.
@Suite struct PackedWordsTests {
  private func contains(_ words: PackedWords, _ token: String) -> Bool {
    Array(token.utf8).withUnsafeBufferPointer {
      words.contains(key: PackedWords.key(of: $0, lowercasing: true), word: $0)
    }
  }

  @Test func shortAndLongWordsAreFoundWhateverTheirCase() {
    let words = PackedWords(["and", "would", "nevertheless"])
    #expect(contains(words, "and"))
    #expect(contains(words, "AND"))
    #expect(contains(words, "Would"))
    // Longer than seven bytes: compared byte by byte.
    #expect(contains(words, "Nevertheless"))
    #expect(!contains(words, "an"))
    #expect(!contains(words, "andy"))
    #expect(!contains(words, "neverthe"))
    #expect(!contains(words, ""))
  }

  @Test func aWordIsNotAnotherOfTheSameBytesAndAnotherLength() {
    // The length is part of the key: "a" is not "\0a".
    let words = PackedWords(["a"])
    #expect(contains(words, "a"))
    #expect(!contains(words, "\u{0}a"))
  }
}
