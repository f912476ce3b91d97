/// A part of a whole said to have reached a mark judges by its size (`context.proportions`).
///
/// English reports a result as a count out of a total, and the share carries the verdict
/// without any word of judgement: "we met two of our five targets" and "of its 24 members,
/// eleven turned up" are shortfalls, "we hit 11 of our 12 stretch targets" is a success, and
/// "7 of 12 targets on track" says neither. Two forms are read, each with a mark from
/// `reached` ("met", "on track", "turned up") in the same clause:
///
/// - the part before the whole: "two of our five targets were met", "attended two of the nine
///   meetings", "one of three seats filled", "twelve out of fifteen";
/// - the whole first, opening its clause, and the part after a comma: "Of the 35 indicators in
///   the agreement, 14 were on course to be met".
///
/// A shortfall word before the part ("only three of the nine") makes it a shortfall whatever
/// its size. A full breakdown ("19 are on track, 8 are behind and 4 are off track"), with
/// another count later in the sentence, judges nothing, and neither does a negated mark ("two of the
/// three have not attended"), which the negation rules read.
///
/// A proportion found stands as a qualifier over its tokens, from the first of the part, the
/// whole and the mark to the last; the qualifiers inside it ("on track", "met in full") give way
/// to it, and a proportion in the middle band leaves none.
struct ProportionReading {
  /// The taxonomy's `context.proportions`, with its number words packed for a test that
  /// allocates nothing: most tokens next to an "of" are no count.
  struct Rules: Sendable {
    let reached: [[String]]
    let numbers: [String: Int]
    let numberWords: PackedWords
    let shortfall: Set<String>
    let positiveShare: Int
    let negativeShare: Int

    init(_ rules: ContextRules.Proportions) {
      reached = rules.reached
      numbers = rules.numbers
      numberWords = PackedWords(rules.numbers.keys)
      shortfall = rules.shortfall
      positiveShare = rules.positiveShare
      negativeShare = rules.negativeShare
    }
  }

  /// One proportion in a sentence.
  struct Found {
    /// From the first token of the part, the whole and the mark to the last.
    var tokens: Range<Int>
    var part: Int
    var whole: Int
    /// Whether a shortfall word stands before the part.
    var isShortfall: Bool
    /// Positive, negative, or nil in the middle band.
    var polarity: Polarity?
  }

  /// How many tokens after the whole (or after the part, in the second form) the mark may
  /// start: "one of the three private sector seats is now filled".
  static let markWindow = 6
  /// How many tokens after the comma the part may stand in the second form: "Of the 14
  /// targets ..., the ELSP reported in December that only four were on track".
  static let partWindow = 10

  /// The proportions of a sentence, given where its "of"s stand (`ofs`, token indices in
  /// order) and its negation cues (`negations`, each a token range).
  static func find(
    in tokens: SentenceTokens, clause: [Int], ofs: [Int], negations: [Range<Int>],
    rules: Rules
  ) -> [Found] {
    let count = tokens.count
    guard count >= 4, !rules.reached.isEmpty else { return [] }
    var found: [Found] = []
    for of in ofs where of < count - 1 {
      // "Of" opening its clause, or written with a capital after a unit's number ("5.1 Of the
      // 52 projects"), puts the whole first.
      let opensClause = of == 0 || clause[of - 1] != clause[of] || tokens.isCapitalized(of)
      if let proportion =
        (opensClause
          ? wholeFirst(at: of, in: tokens, clause: clause, rules: rules)
          : partFirst(at: of, in: tokens, clause: clause, rules: rules)),
        !negations.contains(where: { $0.overlaps(proportion.tokens) }),
        !found.contains(where: { $0.tokens.overlaps(proportion.tokens) })
      {
        found.append(proportion)
      }
    }
    return found
  }

  /// "two of our five targets were met", "met two of our five targets": `of` is the "of"
  /// between part and whole.
  private static func partFirst(
    at of: Int, in tokens: SentenceTokens, clause: [Int], rules: Rules
  ) -> Found? {
    var before = of - 1
    if before > 0, tokens.isWord(before, "out") { before -= 1 }
    guard let part = number(endingAt: before, in: tokens, rules: rules),
      let whole = whole(after: of, in: tokens, rules: rules),
      part.value < whole.value,
      clause[part.tokens.lowerBound] == clause[whole.tokens.upperBound - 1]
    else { return nil }
    var start = part.tokens.lowerBound
    let isShortfall = start > 0 && rules.shortfall.contains(tokens.normalized(start - 1))
    if isShortfall { start -= 1 }
    let own = clause[part.tokens.lowerBound]
    // The mark after the whole ("five targets were met"), or before the part ("met two of
    // our five", "filled at only three of the six").
    var mark = self.mark(
      from: whole.tokens.upperBound, within: markWindow, in: tokens, clause: clause, own: own,
      rules: rules)
    if mark == nil {
      for end in stride(from: start, through: max(0, start - 2), by: -1) {
        if let found = self.mark(endingAt: end, in: tokens, clause: clause, own: own, rules: rules)
        {
          mark = found
          break
        }
      }
    }
    guard let mark,
      !hasCountAfter(
        max(mark.upperBound, whole.tokens.upperBound), in: tokens, rules: rules)
    else { return nil }
    return judged(
      tokens: min(start, mark.lowerBound)..<max(mark.upperBound, whole.tokens.upperBound),
      part: part.value, whole: whole.value, isShortfall: isShortfall, rules: rules)
  }

  /// "Of the 35 indicators in the agreement, 14 were on course to be met": `of` opens the
  /// clause.
  private static func wholeFirst(
    at of: Int, in tokens: SentenceTokens, clause: [Int], rules: Rules
  ) -> Found? {
    guard let whole = whole(after: of, in: tokens, rules: rules) else { return nil }
    let own = clause[of]
    var comma = whole.tokens.upperBound - 1
    while comma < tokens.count, clause[comma] == own, !tokens.commaAfter(comma) { comma += 1 }
    guard comma + 1 < tokens.count, clause[comma + 1] == own else { return nil }
    var index = comma + 1
    while index < min(tokens.count, comma + 1 + partWindow), clause[index] == own {
      if let part = number(startingAt: index, in: tokens, rules: rules) {
        guard part.value < whole.value,
          let mark = mark(
            from: part.tokens.upperBound, within: 3, in: tokens, clause: clause, own: own,
            rules: rules),
          !hasCountAfter(mark.upperBound, in: tokens, rules: rules)
        else { return nil }
        let isShortfall = index > 0 && rules.shortfall.contains(tokens.normalized(index - 1))
        return judged(
          tokens: of..<mark.upperBound, part: part.value, whole: whole.value,
          isShortfall: isShortfall, rules: rules)
      }
      index += 1
    }
    return nil
  }

  private static func judged(
    tokens: Range<Int>, part: Int, whole: Int, isShortfall: Bool, rules: Rules
  ) -> Found {
    let share = part * 100
    let polarity: Polarity? =
      isShortfall || share < rules.negativeShare * whole
      ? .negative : share >= rules.positiveShare * whole ? .positive : nil
    return Found(
      tokens: tokens, part: part, whole: whole, isShortfall: isShortfall, polarity: polarity)
  }

  /// The whole after "of": a count at once or after one lower-case word ("of the twelve", "of
  /// its 31", "of our 12").
  private static func whole(
    after of: Int, in tokens: SentenceTokens, rules: Rules
  )
    -> (value: Int, tokens: Range<Int>)?
  {
    if let whole = number(startingAt: of + 1, in: tokens, rules: rules) { return whole }
    guard of + 2 < tokens.count, !tokens.isCapitalized(of + 1) else { return nil }
    return number(startingAt: of + 2, in: tokens, rules: rules)
  }

  /// Whether another count follows `index` in the sentence: a breakdown ("19 are on track, 8
  /// are behind and 4 are off track", "11 are on track (green), 9 are at risk (amber)") judges
  /// nothing.
  private static func hasCountAfter(
    _ index: Int, in tokens: SentenceTokens, rules: Rules
  ) -> Bool {
    (index..<tokens.count).contains { number(startingAt: $0, in: tokens, rules: rules) != nil }
  }

  /// A mark from `reached` starting within `window` tokens after `from`, in clause `own`.
  private static func mark(
    from: Int, within window: Int, in tokens: SentenceTokens, clause: [Int], own: Int,
    rules: Rules
  ) -> Range<Int>? {
    var start = from
    while start < min(tokens.count, from + window), clause[start] == own {
      if let length = markLength(at: start, in: tokens, clause: clause, rules: rules) {
        return start..<(start + length)
      }
      start += 1
    }
    return nil
  }

  /// A mark from `reached` whose last token is `end - 1`, in clause `own`.
  private static func mark(
    endingAt end: Int, in tokens: SentenceTokens, clause: [Int], own: Int,
    rules: Rules
  ) -> Range<Int>? {
    for words in rules.reached where words.count <= end {
      let start = end - words.count
      if clause[start] == own,
        markLength(at: start, in: tokens, clause: clause, rules: rules) == words.count
      {
        return start..<end
      }
    }
    return nil
  }

  /// The length of the longest mark from `reached` that starts at token `start`, if any.
  private static func markLength(
    at start: Int, in tokens: SentenceTokens, clause: [Int], rules: Rules
  ) -> Int? {
    let first = tokens.normalized(start)
    var longest: Int?
    for words in rules.reached where words.first == first && start + words.count <= tokens.count {
      guard words.count > longest ?? 0,
        words.indices.dropFirst().allSatisfy({
          clause[start + $0] == clause[start] && tokens.normalized(start + $0) == words[$0]
        })
      else { continue }
      longest = words.count
    }
    return longest
  }

  /// A count that starts at token `index`: digits ("12"), a number word ("twelve") or a tens
  /// word and a unit joined by a hyphen ("twenty-four").
  static func number(
    startingAt index: Int, in tokens: SentenceTokens, rules: Rules
  )
    -> (value: Int, tokens: Range<Int>)?
  {
    guard index < tokens.count, let value = value(of: index, in: tokens, rules: rules) else {
      return nil
    }
    if value >= 20, value < 100, value % 10 == 0, index + 1 < tokens.count,
      tokens.hyphenAfter(index),
      let unit = self.value(of: index + 1, in: tokens, rules: rules), unit < 10
    {
      return (value + unit, index..<(index + 2))
    }
    return (value, index..<(index + 1))
  }

  /// A count whose last token is `index` ("24", "twenty-four").
  private static func number(
    endingAt index: Int, in tokens: SentenceTokens, rules: Rules
  )
    -> (value: Int, tokens: Range<Int>)?
  {
    guard index >= 0 else { return nil }
    if index > 0, tokens.hyphenAfter(index - 1),
      let joined = number(startingAt: index - 1, in: tokens, rules: rules),
      joined.tokens.upperBound == index + 1
    {
      return joined
    }
    return number(startingAt: index, in: tokens, rules: rules)
  }

  /// The value of a token written in digits (below 1,000, so that a year is not a count) or
  /// as a number word.
  private static func value(
    of index: Int, in tokens: SentenceTokens, rules: Rules
  )
    -> Int?
  {
    let digits: Int? = tokens.withBytes(index) { word in
      guard !word.isEmpty, word.count <= 3, word.allSatisfy({ (0x30...0x39).contains($0) }) else {
        return nil
      }
      return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    if let digits { return digits > 0 ? digits : nil }
    return tokens.isWord(index, oneOf: rules.numberWords)
      ? rules.numbers[tokens.normalized(index)] : nil
  }
}
