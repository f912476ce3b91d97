import Testing

@testable import TextMining

/// The taxonomy's lexicon: one lookup per document word for all three matchers, and the
/// prefilter that rules most words out before they are folded.
@Suite struct LexiconTests {
  @Test func theLexiconGivesEachMatchersOwnIDs() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    for (slot, matcher) in [taxonomy.matcher, taxonomy.contextMatcher, taxonomy.nameMatcher!]
      .enumerated()
    {
      for token in matcher.vocabularyTokens {
        let ids = token.withUnsafeBufferPointer { taxonomy.matcherIDs(utf8: $0) }
        let own = token.withUnsafeBufferPointer { matcher.tokenID(utf8: $0) }
        #expect([ids.phrase, ids.context, ids.name][slot] == own)
      }
    }
  }

  /// No word that folds to a lexicon word is ruled out: the lexicon's words as written, in
  /// capitals and title case, and the American and plural forms that fold to them.
  @Test func thePrefilterNeverRulesOutAWordThatFoldsIntoTheLexicon() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    var words = Set<String>()
    for matcher in [taxonomy.matcher, taxonomy.contextMatcher, taxonomy.nameMatcher!] {
      for token in matcher.vocabularyTokens {
        let word = String(decoding: token, as: UTF8.self)
        words.formUnion([
          word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), word + "s",
          word + "'s", word.uppercased() + "'s", word + "es",
          // A possessive after a plural: two folds in one word.
          word + "s's", word + "es's",
        ])
        // The plurals that fold by more than an s: "boundaries", "businesses", "churches".
        if word.hasSuffix("y") {
          words.formUnion([word.dropLast() + "ies", word.dropLast() + "ies's"])
        }
      }
    }
    words.formUnion([
      "program", "Programs", "center", "organizations", "neighborhood", "Judgment", "fulfill",
      "catalog", "fulfills", "programs", "centers", "Centers", "fulfills's", "authorities's",
    ])
    var checked = 0
    taxonomy.withLexicon { lexicon in
      for word in words {
        var bytes = Array(word.utf8)
        let folded = TokenNormalizer.normalize(word)
        let known = Array(folded.utf8).withUnsafeBufferPointer { lexicon.ids(utf8: $0) }.slots != 0
        guard known else { continue }
        checked += 1
        let absent = bytes.withUnsafeMutableBufferPointer {
          lexicon.surelyAbsent(UnsafeBufferPointer($0))
        }
        #expect(!absent, "\(word) folds to '\(folded)', which the lexicon has")
      }
    }
    #expect(checked > 1000)
    // And it does rule out ordinary words.
    // Words the lexicon's first letters and lengths do not admit ("jukebox" was one until "junior"
    // joined the lexicon).
    let ruledOut = ["zebra", "quickly", "zigzag", "Xylophone"].filter { word in
      taxonomy.withLexicon { lexicon in
        Array(word.utf8).withUnsafeBufferPointer { lexicon.surelyAbsent($0) }
      }
    }
    #expect(ruledOut.count >= 3)
  }

  /// On a lexicon small enough that nothing else shares the words' first letters, each edge of
  /// the length window matters: a word 2 bytes shorter ("program" folds to "programme"), one
  /// byte longer ("fulfill" to "fulfil"), and the same length.
  @Test func thePrefilterWindowCoversGrowthAndShrinkage() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "tiny.yml",
      """
      name: tiny
      version: "1"
      categories:
        delivery:
          description: d
          codes:
            programme:
              label: p
              phrases: [programme, fulfil, quorum]
      """)
    let taxonomy = try Taxonomy.load(from: path)
    func absent(_ word: String) -> Bool {
      taxonomy.withLexicon { lexicon in
        Array(word.utf8).withUnsafeBufferPointer { lexicon.surelyAbsent($0) }
      }
    }
    #expect(!absent("program"))
    #expect(!absent("Program"))
    #expect(!absent("fulfill"))
    #expect(!absent("quorum"))
    #expect(!absent("prog\u{212A}ram"))  // not ASCII: never judged
    #expect(absent("programmer-like"))  // folds to itself, 15 bytes
    #expect(absent("zebra"))
    #expect(absent("qu"))
    #expect(absent("profit"))
    // Words in s: a plural or a possessive may fold away, 3 bytes down to 2 up.
    #expect(!absent("programs"))
    #expect(!absent("fulfills"))
    #expect(!absent("quorums"))
    #expect(!absent("QUORUM's"))
    #expect(!absent("fulfills's"))  // 10 bytes folding to 6: four down
    #expect(absent("quarterbacks"))  // 12 bytes: 8 to 14 after folding, and "quorum" has 6
    #expect(absent("furnishings"))
  }

  /// A contraction written with a curly apostrophe ("don’t") keeps the lexicon an English one:
  /// Cyrillic or Chinese words are still ruled out without a lookup. Another non-ASCII letter
  /// in a phrase ("café") does not.
  @Test func aCurlyApostropheKeepsTheLexiconASCII() throws {
    #expect(try Fixtures.projectTaxonomy().lexiconIsASCII)
    #expect(Taxonomy.isASCIIApartFromRightQuotes(Array("don\u{2019}t".utf8)))
    #expect(!Taxonomy.isASCIIApartFromRightQuotes(Array("caf\u{E9}".utf8)))
    #expect(!Taxonomy.isASCIIApartFromRightQuotes(Array("don\u{2018}t".utf8)))
  }
}
