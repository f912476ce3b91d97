/// What the polarity model (`PolarityModel`) sees of a mention: the rules' reading, the code,
/// and the words around it, as feature names. The same function makes them for training
/// (`PolarityTrainer`) and for tagging, so the two cannot drift apart.
///
/// For "Community engagement has improved but remains uneven." and its mention "Community
/// engagement" read positive by the rules, the features are:
///
///     rule:positive  code:governance.community_engagement|positive
///     category:governance|positive  basis:qualifier|positive  clause:later
///     s:community s:engagement s:has s:improved        (the words of the mention's clause)
///     a:has a:improved a:but a:remains a:uneven        (up to 8 words after)
///     k:qualifiers_positive                            (the kinds of cue in its clause)
///
/// Words are lower-cased and otherwise as written ("remains", not the tagger's folded "remain":
/// the plain form is as good a feature and quicker to look up); numbers and punctuation are
/// left out. `b:` marks the (up to 5) words before the mention. `s:` takes only the clause the
/// mention starts in, so the judgement in one clause does not reach the mentions of the next
/// ("bureaucracy has grown, but accountability is clearer").
/// `k:` names each kind of cue the context pass found in the mention's clause, whether or not
/// the rules gave it the mention ("k:qualifiers_negative" for any word of failure or shortage):
/// it lets the model weigh the evaluative vocabulary as a class, words it never saw included.
/// `clause:earlier` and `clause:later` say that a clause break (a terminator such as "but", or
/// `;`, `:`, a bracket, a dash) stands before or after the mention.
enum PolarityFeatures {
  /// Words before the mention that count.
  static let wordsBefore = 5
  /// Words after the mention that count.
  static let wordsAfter = 8

  /// Whether a token counts as a word: it holds an ASCII letter or any non-ASCII character
  /// (numbers and punctuation do not). A byte test, so that the tagger's fast path
  /// (`CompiledPolarityModel`) and this one agree.
  static func isWord(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    token.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }
  }

  /// A word as the model compares it: ASCII letters in lower case, others as
  /// `String.lowercased()` gives them.
  static func lowercased(_ word: String) -> String {
    guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.lowercased() }
    return String(
      decoding: word.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
  }

  /// The words of a sentence's tokens in lower case (`lowercased`), nil for tokens that are not
  /// words.
  static func words(of tokens: SentenceTokens) -> [String?] {
    (0..<tokens.count).map { index in
      tokens.withBytes(index, isWord) ? lowercased(tokens.word(index)) : nil
    }
  }

  /// The features of a mention that do not depend on its words: the rules' reading, and with
  /// it the code, the category and what the reading rests on.
  static func priorFeatures(code: Code, rule: Polarity, basis: ContextAnalyzer.Basis) -> [String] {
    [
      "rule:\(rule.rawValue)", "code:\(code.rawValue)|\(rule.rawValue)",
      "category:\(code.category)|\(rule.rawValue)", "basis:\(basis.rawValue)|\(rule.rawValue)",
    ]
  }

  /// The features of the mention over `span`.
  ///
  /// - Parameters:
  ///   - span: the mention's tokens.
  ///   - code: its code.
  ///   - rule: the rules' polarity.
  ///   - basis: what the rules' reading rests on.
  ///   - isHedged: whether the rules hedged it.
  ///   - words: the sentence's words (`words(of:)`).
  ///   - clause: the clause number of each token (`ContextAnalyzer.clause`).
  ///   - cues: the context pass's cues in the sentence (`ContextAnalyzer.cues`).
  ///   - phrases: the sentence's phrases (`ContextAnalyzer.phraseSpans`): a cue inside another
  ///     one is that one's (`ContextAnalyzer.belongsElsewhere`).
  /// - Returns: the feature names, each once.
  static func of(
    _ span: Range<Int>, code: Code, rule: Polarity, basis: ContextAnalyzer.Basis, isHedged: Bool,
    words: [String?], clause: [Int], cues: [ContextAnalyzer.Cue] = [],
    phrases: [Range<Int>] = []
  ) -> [String] {
    var features = priorFeatures(code: code, rule: rule, basis: basis)
    if isHedged { features.append("hedged") }
    if let first = clause.first, clause[span.lowerBound] != first {
      features.append("clause:earlier")
    }
    if let last = clause.last, clause[span.upperBound - 1] != last {
      features.append("clause:later")
    }
    let own = clause[span.lowerBound]
    for kind in ContextRules.Kind.allCases
    where cues.contains(where: {
      $0.kind == kind && clause[$0.tokens.lowerBound] == own
        && !ContextAnalyzer.belongsElsewhere($0, mention: span, phrases: phrases)
    }) {
      features.append("k:" + kind.rawValue)
    }
    var seen: Set<String> = []
    for index in words.indices where clause[index] == own {
      if let word = words[index], seen.insert(word).inserted { features.append("s:" + word) }
    }
    seen = []
    for word in words[..<span.lowerBound].compactMap({ $0 }).suffix(wordsBefore)
    where seen.insert(word).inserted {
      features.append("b:" + word)
    }
    seen = []
    for word in words[span.upperBound...].compactMap({ $0 }).prefix(wordsAfter)
    where seen.insert(word).inserted {
      features.append("a:" + word)
    }
    return features
  }
}
