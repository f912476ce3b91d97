/// The polarity model (`PolarityModel`) compiled for tagging: the same sums as
/// `PolarityModel.polarity(_:rule:)` over `PolarityFeatures.of`, with no strings built.
///
/// The word features (`s:`, `b:`, `a:`) become arrays indexed by a word's id in a table of the
/// model's words, looked up from a token's bytes in lower case; the features of a code and the
/// rules' reading (the bias, `rule:`, `code:`, `category:`) are summed once per code and
/// polarity when the taxonomy loads.
struct CompiledPolarityModel: Sendable {
  /// The model as the file states it.
  let model: PolarityModel
  /// The words any word feature names, in lower case.
  private let words: TokenVocabulary
  /// Weights of `s:`, `b:` and `a:` by word id.
  private let inSentence: [SIMD3<Double>]
  private let before: [SIMD3<Double>]
  private let after: [SIMD3<Double>]
  private let hedged: SIMD3<Double>
  private let earlier: SIMD3<Double>
  private let later: SIMD3<Double>
  /// For each code, the bias plus the weights of `rule:`, `code:` and `category:`, by the rules'
  /// polarity (`Polarity.index`); `basis:` is added per mention.
  /// By the code's name: one hash per mention (comparing the names one by one, as a list would,
  /// costs more: they do not share storage with the mentions' codes).
  private let priors: [String: [SIMD3<Double>]]

  /// The weight of `basis:` by basis (`allCases` order) and the rules' polarity.
  private let bases: [[SIMD3<Double>]]
  /// The weight of `k:` by kind of cue (`ContextRules.Kind.allCases` order).
  private let cueKinds: [SIMD3<Double>]

  /// A word id for tokens that are not words (numbers, punctuation).
  static let notAWord: Int32 = -2

  init(_ model: PolarityModel, codes: [Code]) {
    self.model = model
    var words = TokenVocabulary()
    var entries: [(kind: UInt8, id: Int32, weight: SIMD3<Double>)] = []
    for (feature, weight) in model.weights.sorted(by: { $0.key < $1.key }) {
      guard let kind = feature.utf8.first, feature.utf8.dropFirst().first == UInt8(ascii: ":"),
        [UInt8(ascii: "s"), UInt8(ascii: "b"), UInt8(ascii: "a")].contains(kind)
      else { continue }
      entries.append((kind, words.insert(String(feature.dropFirst(2))), weight))
    }
    var inSentence = [SIMD3<Double>](repeating: .zero, count: words.count)
    var before = inSentence
    var after = inSentence
    for entry in entries {
      switch entry.kind {
      case UInt8(ascii: "s"): inSentence[Int(entry.id)] = entry.weight
      case UInt8(ascii: "b"): before[Int(entry.id)] = entry.weight
      default: after[Int(entry.id)] = entry.weight
      }
    }
    self.words = words
    self.inSentence = inSentence
    self.before = before
    self.after = after
    hedged = model.weights["hedged"] ?? .zero
    earlier = model.weights["clause:earlier"] ?? .zero
    later = model.weights["clause:later"] ?? .zero
    var priors: [String: [SIMD3<Double>]] = [:]
    for code in codes {
      priors[code.rawValue] = Polarity.allCases.map { rule in
        model.scores(
          PolarityFeatures.priorFeatures(code: code, rule: rule, basis: .none).dropLast())
      }
    }
    self.priors = priors
    bases = ContextAnalyzer.Basis.allCases.map { basis in
      Polarity.allCases.map { model.weights["basis:\(basis.rawValue)|\($0.rawValue)"] ?? .zero }
    }
    cueKinds = ContextRules.Kind.allCases.map { model.weights["k:" + $0.rawValue] ?? .zero }
  }

  /// Gives each of a sentence's mentions the model's polarity, in place of the rules' reading
  /// it holds: the same decision as `model.polarity(PolarityFeatures.of(...), rule:)`.
  ///
  /// - Parameters:
  ///   - mentions: the sentence's mentions, read by the rules.
  ///   - spans: each mention's tokens.
  ///   - basisOf: what each mention's reading rests on.
  ///   - tokens: the sentence.
  ///   - clause: the clause number of each token (`ContextAnalyzer.clause`).
  ///   - cues: the context pass's cues (`ContextAnalyzer.cues`).
  ///   - phrases: the sentence's phrases (`ContextAnalyzer.phraseSpans`).
  func apply(
    to mentions: inout [Mention], spans: [Range<Int>], bases basisOf: [ContextAnalyzer.Basis],
    tokens: SentenceTokens, clause: [Int], cues: [ContextAnalyzer.Cue] = [],
    phrases: [Range<Int>] = []
  ) {
    let count = tokens.count
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: count + 16) { buffer in
      // The model's word id of each token: -1 for a word the model does not know, `notAWord`
      // for a number or punctuation.
      let ids = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { out in
        words.withLookup { lookup in
          tokens.forEachToken { index, token in
            if !PolarityFeatures.isWord(token) {
              ids[index] = Self.notAWord
            } else if token.count <= 64, token.allSatisfy({ $0 < 0x80 }),
              let base = out.baseAddress
            {
              // The word in lower case, as `PolarityFeatures.lowercased` gives it.
              for (position, byte) in token.enumerated() {
                base[position] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
              }
              ids[index] = lookup.id(utf8: UnsafeBufferPointer(start: base, count: token.count))
            } else {
              let lower = Array(String(decoding: token, as: UTF8.self).lowercased().utf8)
              ids[index] = lower.withUnsafeBufferPointer { lookup.id(utf8: $0) }
            }
          }
        }
      }
      // The `s:` weights of a clause's words, each distinct word once (a bit per model word
      // marks those counted): the same for every mention that starts in that clause.
      var clauses: [(clause: Int, total: SIMD3<Double>)] = []
      // A clause is a run of tokens: it is found from one of its tokens outwards.
      func clauseWords(at token: Int) -> SIMD3<Double> {
        let wanted = clause[token]
        if let known = clauses.first(where: { $0.clause == wanted }) { return known.total }
        var lower = token
        while lower > 0, clause[lower - 1] == wanted { lower -= 1 }
        var upper = token + 1
        while upper < count, clause[upper] == wanted { upper += 1 }
        var total = SIMD3<Double>.zero
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words.count / 64 + 1) { counted in
          counted.initialize(repeating: 0)
          for id in ids[lower..<upper] where id >= 0 {
            let (word, bit) = (Int(id) >> 6, UInt64(1) << UInt64(id & 63))
            if counted[word] & bit == 0 {
              counted[word] |= bit
              total += inSentence[Int(id)]
            }
          }
        }
        clauses.append((wanted, total))
        return total
      }
      let seen = UnsafeMutableBufferPointer(rebasing: buffer[count...])
      for index in mentions.indices where !PolarityModel.fixedBases.contains(basisOf[index]) {
        let span = spans[index]
        let rule = mentions[index].polarity
        // Every code of the taxonomy has its priors; the bias alone stands for any other.
        let code = mentions[index].code.rawValue
        var total =
          (priors[code]?[rule.index] ?? model.scores([]))
          + clauseWords(at: span.lowerBound) + bases[basisOf[index].position][rule.index]
        if mentions[index].isHedged { total += hedged }
        // Each kind of cue in the mention's clause, once.
        let own = clause[span.lowerBound]
        var kindsSeen: UInt32 = 0
        for cue in cues where clause[cue.tokens.lowerBound] == own {
          if !phrases.isEmpty,
            ContextAnalyzer.belongsElsewhere(cue, mention: span, phrases: phrases)
          {
            continue
          }
          let position = cue.kind.position
          if kindsSeen & (1 << UInt32(position)) == 0 {
            kindsSeen |= 1 << UInt32(position)
            total += cueKinds[position]
          }
        }
        if let first = clause.first, clause[span.lowerBound] != first { total += earlier }
        if let last = clause.last, clause[span.upperBound - 1] != last { total += later }
        // The last `wordsBefore` words before the mention and the first `wordsAfter` after it.
        total += Self.window(
          ids, from: span.lowerBound - 1, step: -1, words: PolarityFeatures.wordsBefore,
          weights: before, seen: seen)
        total += Self.window(
          ids, from: span.upperBound, step: 1, words: PolarityFeatures.wordsAfter,
          weights: after, seen: seen)
        mentions[index].polarity = PolarityModel.decision(
          total, rule: rule,
          isFirm: PolarityModel.firmBases.contains(basisOf[index]))
      }
    }
  }

  /// The summed weights of up to `words` words of `ids` from `start` on, going by `step` (-1
  /// backwards), each distinct word once; numbers and punctuation do not count as words.
  /// `seen` is scratch room for `words` ids.
  private static func window(
    _ ids: UnsafeMutableBufferPointer<Int32>, from start: Int, step: Int, words: Int,
    weights: [SIMD3<Double>], seen: UnsafeMutableBufferPointer<Int32>
  ) -> SIMD3<Double> {
    var total = SIMD3<Double>.zero
    var seenCount = 0
    var taken = 0
    var position = start
    while position >= 0, position < ids.count, taken < words {
      let id = ids[position]
      position += step
      if id == notAWord { continue }
      taken += 1
      if id >= 0, !seen[0..<seenCount].contains(id) {
        seen[seenCount] = id
        seenCount += 1
        total += weights[Int(id)]
      }
    }
    return total
  }
}
