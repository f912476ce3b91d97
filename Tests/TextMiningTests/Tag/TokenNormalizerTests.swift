import Foundation
import Testing

@testable import TextMining

@Suite struct TokenNormalizerTests {
  @Test(arguments: [
    ("LSPs", "lsp"), ("Partnerships", "partnership"), ("boundaries", "boundary"),
    ("partner’s", "partner"),
    ("partner's", "partner"), ("processes", "process"), ("status", "status"),
    ("business", "business"),
    ("VCS", "vcs"), ("analysis", "analysis"), ("Trust", "trust"), ("Organizations", "organisation"),
    ("organization", "organisation"), ("mobilized", "mobilised"), ("neighborhood", "neighbourhood"),
    ("Neighborhoods", "neighbourhood"), ("centers", "centre"), ("size", "size"),
  ])
  func folds(token: String, expected: String) {
    #expect(TokenNormalizer.normalize(token) == expected)
  }

  /// The ASCII fast path writes exactly what the general path does, or declines.
  @Test func asciiFastPathMatchesTheGeneralPath() throws {
    var words = [
      "LSPs", "Partnerships", "boundaries", "partner's", "partners'", "processes", "status",
      "business", "VCS", "analysis",
      "Organizations", "organization", "mobilized", "neighborhood", "centers", "size", "ies",
      "dies", "ties", "series",
      "boxes", "churches", "wishes", "classes", "bus", "axis", "gas", "is", "s", "'s", "'", "a",
      "analyze", "analyzing",
      "realizations", "Program", "programs", "license", "A", "IS", "CHURCHES", "x", "yes",
      "zzzzzzzzzzzzzs", "defenses",
      "judgments", "center's", "labor", "neighbor", "prizes", "sizes", "seized", "dozen",
      "partner’s", "Partners’",
      "it’s", "’s", "’", "s’", "don’t", "LSP’s", "OLSP’s", "rock’n’roll", "’’s",
    ]
    let corpus = try String(
      contentsOfFile: Fixtures.repositoryRoot
        + "/corpus/text/pendleby-partnership-interim-review-2002-11.txt", encoding: .utf8)
    words += corpus.split { !$0.isLetter && $0 != "'" }.map(String.init)
    for word in words {
      var bytes = Array(word.utf8)
      let fast: String? = bytes.withUnsafeMutableBufferPointer { token in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count + 8) { out in
          TokenNormalizer.normalizeASCII(UnsafeBufferPointer(token), into: out.baseAddress!).map {
            String(decoding: UnsafeBufferPointer(start: out.baseAddress!, count: $0), as: UTF8.self)
          }
        }
      }
      if let fast { #expect(fast == TokenNormalizer.normalize(word), "\(word)") }
      // The short words the tag stage looks up as written do fold to themselves.
      if bytes.withUnsafeBufferPointer({ TokenNormalizer.foldsToItself($0) }) {
        #expect(TokenNormalizer.normalize(word) == word, "\(word)")
      }
    }
    // Four bytes ending in s, capitals and apostrophes are folded, not looked up as written.
    for word in ["bids", "The", "LSP", "it's", "a'", "", "with", "cafe"] {
      let itself = Array(word.utf8).withUnsafeBufferPointer { TokenNormalizer.foldsToItself($0) }
      #expect(itself == ["with", "cafe"].contains(word), "\(word)")
    }
    // Declines non-ASCII words.
    #expect(
      Array("Café".utf8).withUnsafeBufferPointer { t in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) {
          TokenNormalizer.normalizeASCII(t, into: $0.baseAddress!)
        }
      } == nil)
  }

  /// The fast path folds the American whole words itself, as the general path does, including
  /// those whose British form is longer ("programs" to "programme") and after a plural.
  @Test(arguments: [
    ("center", "centre"), ("Programs", "programme"), ("catalog", "catalogue"),
    ("neighbors", "neighbour"), ("fulfill", "fulfil"), ("judgment", "judgement"),
    ("centered", "centered"), ("labors", "labour"),
  ])
  func foldsAmericanWholeWordsWithoutTheGeneralPath(word: String, british: String) {
    let fast: String? = Array(word.utf8).withUnsafeBufferPointer { token in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: token.count + 3) { out in
        TokenNormalizer.normalizeASCII(token, into: out.baseAddress!).map {
          String(decoding: UnsafeBufferPointer(start: out.baseAddress!, count: $0), as: UTF8.self)
        }
      }
    }
    #expect(fast == british)
    #expect(TokenNormalizer.normalize(word) == british)
  }

  @Test(arguments: [
    ("Ключ", true), ("café", true), ("合作", true), ("partner’s", false), ("\u{212A}elvin", false),
    ("LSP", false),
    ("don’t", false),
  ])
  func knowsWhichWordsCannotFoldToASCII(word: String, expected: Bool) {
    #expect(
      Array(word.utf8).withUnsafeBufferPointer { TokenNormalizer.cannotFoldToASCII($0) } == expected
    )
    // Whatever it says, a word it rules out really does not fold to ASCII.
    if expected { #expect(!TokenNormalizer.normalize(word).utf8.allSatisfy { $0 < 0x80 }) }
  }
}
