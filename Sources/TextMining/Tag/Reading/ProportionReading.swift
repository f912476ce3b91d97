/// A part of a whole said to have reached a mark judges by its size (`context.proportions`).
///
/// English reports a result as a count out of a total, and the share carries the verdict
/// without any word of judgement: "we met two of our five targets" and "of its 24 members,
/// eleven turned up" are shortfalls, "we hit 11 of our 12 stretch targets" is a success, and
/// "7 of 12 targets on track" says neither. Two forms are read, each with a mark from
/// `reached` ("met", "on track", "turned up") in the part's clause:
///
/// - the part before the whole: "two of our five targets were met", "attended two of the nine
///   meetings", "one of three seats filled", "twelve out of fifteen";
/// - the whole first, opening its clause or after a comma: "Of the 35 indicators in the
///   agreement, 14 were on course to be met", "Out of 12 targets, 9 were met".
///
/// A shortfall word before the part ("only three of the nine") makes it a shortfall whatever
/// its size. What is not a share is left alone:
///
/// - a breakdown, with another count after a comma or "and" ("19 are on track, 8 are behind
///   and 4 are off track");
/// - a negated mark ("have not attended"), or one said to be nearly reached ("nearly met"), or
///   any other word of judgement inside the proportion ("barely met"): the other rules read it;
/// - one item of a whole ("was one of the ten partnerships that hit every target", "One of the
///   12 targets, the housing target, was met"): the mark after the whole stops at a clause
///   opener, "to" or a comma, and a part after a form of "be" or "as" is no share;
/// - "all but one of", a numbered label ("Target 3 of the 12"), a whole that opens a compound
///   ("2 of the 10-year plan"), a percentage ("40% of the 50 targets");
/// - a mark that is also a verb of meeting, after the whole and not in the passive ("two of
///   the five members met the minister", "three of the four projects hit delays"), in the
///   passive in another sense ("were met with hostility", "were hit by delays"), or before the
///   part of a whole that is no goal ("the LSP met four of the five council leaders");
/// - a mark reached badly or late ("poorly attended", "completed over budget"), and a share
///   that a word of judgement right before it decides ("a disappointing 9 of the 12").
///
/// A proportion read stands as a qualifier over its tokens, from the first of the part, the
/// whole and the mark to the last, in place of a qualifier on its part or its mark ("on track",
/// "only four"). One in the middle band changes nothing.
enum ProportionReading {
  /// The taxonomy's `context.proportions`, with its word lists packed for tests that allocate
  /// nothing: most tokens next to an "of" are no count.
  struct Rules: Sendable {
    let reached: [[String]]
    /// The first words of the marks that read as reaching only in the passive after the whole.
    let passive: Set<String>
    let passiveAuxiliaries: PackedWords
    let partial: Set<String>
    let numbers: [String: Int]
    let numberWords: PackedWords
    let shortfall: Set<String>
    let positiveShare: Int
    let negativeShare: Int
    let clauseOpeners: PackedWords
    let goals: Set<String>
    let adverbs: Set<String>
    let prepositions: Set<String>

    init(_ rules: ContextRules.Proportions, clauseOpeners: Set<String>, prepositions: Set<String>) {
      reached = rules.reached
      passive = rules.passive
      passiveAuxiliaries = PackedWords(rules.passiveAuxiliaries)
      partial = rules.partial
      numbers = rules.numbers
      numberWords = PackedWords(rules.numbers.keys)
      shortfall = rules.shortfall
      positiveShare = rules.positiveShare
      negativeShare = rules.negativeShare
      self.clauseOpeners = PackedWords(clauseOpeners)
      goals = rules.goals
      adverbs = rules.adverbs
      self.prepositions = prepositions
    }
  }

  /// One proportion in a sentence.
  struct Found {
    /// From the first token of the part, the whole and the mark to the last.
    var tokens: Range<Int>
    /// The part's tokens, with a shortfall word before it.
    var partTokens: Range<Int>
    /// The mark's tokens.
    var markTokens: Range<Int>
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
  /// order), its negation cues (token ranges) and its qualifiers (token ranges, and whether
  /// each is positive).
  static func find(
    in tokens: SentenceTokens, clause: [Int], ofs: [Int],
    cues: () -> (negations: [Range<Int>], qualifiers: [(tokens: Range<Int>, isPositive: Bool)]),
    rules: Rules
  ) -> [Found] {
    let count = tokens.count
    guard count >= 4, !rules.reached.isEmpty else { return [] }
    var found: [Found] = []
    // The sentence's negations and qualifiers, gathered only once a candidate is found (most
    // sentences with an "of" hold none).
    var gathered: (negations: [Range<Int>], qualifiers: [(tokens: Range<Int>, isPositive: Bool)])?
    for ofIndex in ofs where ofIndex < count - 1 {
      guard
        let proportion =
          (opensClause(ofIndex, in: tokens, clause: clause)
            ? wholeFirst(at: ofIndex, in: tokens, clause: clause, rules: rules)
            : partFirst(at: ofIndex, in: tokens, clause: clause, rules: rules))
      else { continue }
      let (negations, qualifiers) = gathered ?? cues()
      gathered = (negations, qualifiers)
      guard
        !found.contains(where: { $0.tokens.overlaps(proportion.tokens) }),
        !negations.contains(where: { $0.overlaps(proportion.tokens) }),
        // A word of judgement inside it, other than one on the part or the mark ("only four",
        // "on track"), or right before the part ("a disappointing 9 of the 12"), is the other
        // rules' to read: "eleven of the twelve were barely met".
        !qualifiers.contains(where: { qualifier in
          (qualifier.tokens.overlaps(proportion.tokens)
            || (proportion.partTokens.lowerBound - 1...proportion.partTokens.lowerBound)
              .contains(qualifier.tokens.upperBound))
            && !qualifier.tokens.overlaps(proportion.partTokens)
            && !qualifier.tokens.overlaps(proportion.markTokens)
        }),
        // Nor is a mark reached badly or late: a negative word on the mark, right before it or
        // just after it ("poorly attended", "thinly attended", "completed over budget").
        !qualifiers.contains(where: { qualifier in
          !qualifier.isPositive
            && (qualifier.tokens.overlaps(proportion.markTokens)
              || qualifier.tokens.upperBound == proportion.markTokens.lowerBound
              || (proportion.markTokens.upperBound...proportion.markTokens.upperBound + 1)
                .contains(qualifier.tokens.lowerBound))
        }),
        !proportion.tokens.contains(where: { rules.partial.contains(tokens.normalized($0)) }),
        // A manner word right before the mark says how it was reached ("thinly attended"),
        // unless it says it was reached in full ("fully met").
        !hasMannerBefore(proportion.markTokens.lowerBound, in: tokens, rules: rules),
        // The second line of a breakdown: "two of the five targets were met and five of the six
        // seats were filled".
        !isLaterLine(proportion, in: tokens, rules: rules)
      else { continue }
      found.append(proportion)
    }
    return found
  }

  /// Whether the "of" at `ofIndex` puts the whole first: it opens its clause or the sentence,
  /// follows a comma ("By March, of the 12 targets, ..."), is written with a capital after a
  /// unit's number ("5.1 Of the 52 projects"), or does any of these after "out".
  private static func opensClause(_ ofIndex: Int, in tokens: SentenceTokens, clause: [Int])
    -> Bool
  {
    let start = ofIndex > 0 && tokens.isWord(ofIndex - 1, "out") ? ofIndex - 1 : ofIndex
    return start == 0 || clause[start - 1] != clause[start] || tokens.commaAfter(start - 1)
      || tokens.isCapitalized(start)
  }

  /// "two of our five targets were met", "met two of our five targets": `ofIndex` is the "of"
  /// between part and whole.
  private static func partFirst(
    at ofIndex: Int, in tokens: SentenceTokens, clause: [Int], rules: Rules
  ) -> Found? {
    var before = ofIndex - 1
    if before > 0, tokens.isWord(before, "out") { before -= 1 }
    guard let part = number(endingAt: before, in: tokens, rules: rules),
      let whole = whole(after: ofIndex, in: tokens, rules: rules),
      part.value <= whole.value,
      clause[part.tokens.lowerBound] == clause[whole.tokens.upperBound - 1]
    else { return nil }
    let own = clause[part.tokens.lowerBound]
    var start = part.tokens.lowerBound
    let isShortfall = start > 0 && rules.shortfall.contains(tokens.normalized(start - 1))
    if isShortfall { start -= 1 }
    // The mark before the part, right before it or one or two words earlier ("met two of our
    // five", "filled at only three of the six").
    var mark: Range<Int>?
    for end in stride(from: start, through: max(0, start - 2), by: -1) {
      // Only prepositions stand between ("filled at only three"), and no comma: "All targets
      // were met, and two of the five members ..." holds no share.
      guard
        (end..<start).allSatisfy({ rules.prepositions.contains(tokens.normalized($0)) }),
        // (A mark can end before `end` only when `end` is past the unit's first token.)
        end > 0, end == start || !(end - 1..<start).contains(where: { tokens.commaAfter($0) })
      else { break }
      if let found = self.mark(
        endingBefore: end, in: tokens, clause: clause, own: own, rules: rules)
      {
        mark = found
        break
      }
    }
    // A verb of meeting before the part reaches a share only of goals: "we met two of our five
    // targets", not "the LSP met four of the five council leaders".
    if let found = mark, rules.passive.contains(tokens.normalized(found.lowerBound)),
      !hasGoal(after: whole.tokens.upperBound, in: tokens, rules: rules)
    {
      mark = nil
    }
    if start > 0, mark?.upperBound != start {
      // One item of a whole ("was one of the ten", "as one of"), "all but one of", or a
      // numbered label ("Target 3 of the 12 targets").
      let previous = tokens.normalized(start - 1)
      let labelled =
        tokens.isCapitalized(start - 1)
        && tokens.withBytes(part.tokens.lowerBound) { ($0.first ?? 0) < 0x3A }
      if tokens.isWord(start - 1, oneOf: rules.passiveAuxiliaries) || previous == "as"
        || previous == "but" || labelled
      {
        return nil
      }
    }
    // Or the mark after the whole ("five targets were met"), up to a comma, a clause opener
    // or "to"; a verb of meeting there reads as reaching only in the passive.
    if mark == nil {
      mark = self.mark(
        from: whole.tokens.upperBound, in: tokens, clause: clause, own: own, rules: rules,
        needsPassive: true)
    }
    guard let mark,
      !hasParallelCount(
        after: max(mark.upperBound, whole.tokens.upperBound), in: tokens, rules: rules)
    else { return nil }
    return judged(
      tokens: min(start, mark.lowerBound)..<max(mark.upperBound, whole.tokens.upperBound),
      partTokens: start..<part.tokens.upperBound, markTokens: mark, part: part.value,
      whole: whole.value, isShortfall: isShortfall, rules: rules)
  }

  /// "Of the 35 indicators in the agreement, 14 were on course to be met": `ofIndex` opens the
  /// clause.
  private static func wholeFirst(
    at ofIndex: Int, in tokens: SentenceTokens, clause: [Int], rules: Rules
  ) -> Found? {
    guard let whole = whole(after: ofIndex, in: tokens, rules: rules) else { return nil }
    let first = ofIndex > 0 && tokens.isWord(ofIndex - 1, "out") ? ofIndex - 1 : ofIndex
    let own = clause[ofIndex]
    var comma = whole.tokens.upperBound - 1
    while comma < tokens.count, clause[comma] == own, !tokens.commaAfter(comma) { comma += 1 }
    guard comma + 1 < tokens.count, clause[comma + 1] == own else { return nil }
    var index = comma + 1
    while index < min(tokens.count, comma + 1 + partWindow), clause[index] == own {
      defer { index += 1 }
      guard let part = number(startingAt: index, in: tokens, rules: rules) else { continue }
      guard part.value <= whole.value,
        let mark = mark(
          from: part.tokens.upperBound, within: 3, in: tokens, clause: clause, own: own,
          rules: rules, needsPassive: true),
        !hasParallelCount(after: mark.upperBound, in: tokens, rules: rules)
      else { return nil }
      let isShortfall = index > 0 && rules.shortfall.contains(tokens.normalized(index - 1))
      return judged(
        tokens: first..<mark.upperBound,
        partTokens: (isShortfall ? index - 1 : index)..<part.tokens.upperBound,
        markTokens: mark, part: part.value, whole: whole.value, isShortfall: isShortfall,
        rules: rules)
    }
    return nil
  }

  private static func judged(
    tokens: Range<Int>, partTokens: Range<Int>, markTokens: Range<Int>, part: Int, whole: Int,
    isShortfall: Bool, rules: Rules
  ) -> Found {
    // Shares compared in per cent, in whole numbers: part * 100 against share * whole.
    let share = part * 100
    let polarity: Polarity?
    if isShortfall || share < rules.negativeShare * whole {
      polarity = .negative
    } else if share >= rules.positiveShare * whole {
      polarity = .positive
    } else {
      polarity = nil
    }
    return Found(
      tokens: tokens, partTokens: partTokens, markTokens: markTokens, part: part, whole: whole,
      isShortfall: isShortfall, polarity: polarity)
  }

  /// The whole after "of": a count at once or after one lower-case word ("of the twelve", "of
  /// its 31", "of our 12"), not the first part of a compound ("of the 10-year plan").
  private static func whole(after ofIndex: Int, in tokens: SentenceTokens, rules: Rules)
    -> (value: Int, tokens: Range<Int>)?
  {
    var found = number(startingAt: ofIndex + 1, in: tokens, rules: rules)
    if found == nil, ofIndex + 2 < tokens.count, !tokens.isCapitalized(ofIndex + 1) {
      found = number(startingAt: ofIndex + 2, in: tokens, rules: rules)
    }
    guard let found, !tokens.hyphenAfter(found.tokens.upperBound - 1) else { return nil }
    return found
  }

  /// Whether a count later in the sentence, after a comma or "and" or "or" (within three
  /// tokens), makes the proportion one line of a breakdown: "19 are on track, 8 are behind and
  /// 4 are off track", "22 have been met and a further five came close". A date or another
  /// number in passing ("by 31 March") does not.
  private static func hasParallelCount(after index: Int, in tokens: SentenceTokens, rules: Rules)
    -> Bool
  {
    guard index < tokens.count else { return false }
    for later in index..<tokens.count
    where number(startingAt: later, in: tokens, rules: rules) != nil {
      // A comma right after the mark counts ("19 are on track, 8 are behind"); a conjunction
      // must stand after it.
      let comma = (max(index - 1, later - 3)..<later).contains { tokens.commaAfter($0) }
      let conjunction = (max(index, later - 3)..<later).contains {
        tokens.isWord($0, "and") || tokens.isWord($0, "or")
      }
      if comma || conjunction { return true }
    }
    return false
  }

  /// Whether a word in -ly other than one of `adverbs` stands right before the mark.
  private static func hasMannerBefore(_ mark: Int, in tokens: SentenceTokens, rules: Rules)
    -> Bool
  {
    guard mark > 0 else { return false }
    let word = tokens.normalized(mark - 1)
    return word.count > 3 && word.hasSuffix("ly") && !rules.adverbs.contains(word)
  }

  /// Whether a proportion follows an earlier count in the sentence, after a comma or "and" or
  /// "or" in the three tokens before it: a later line of a breakdown.
  private static func isLaterLine(_ proportion: Found, in tokens: SentenceTokens, rules: Rules)
    -> Bool
  {
    let start = proportion.tokens.lowerBound
    guard start > 0,
      (max(0, start - 3)..<start).contains(where: {
        tokens.commaAfter($0) || tokens.isWord($0, "and") || tokens.isWord($0, "or")
      })
    else { return false }
    return (0..<start).contains { number(startingAt: $0, in: tokens, rules: rules) != nil }
  }

  /// A mark from `reached` starting within `window` tokens after `from`, in clause `own`, not
  /// past a comma, a clause opener ("that", "which") or "to". With `needsPassive`, a verb of
  /// meeting (`passive`) counts only after a passive auxiliary, at most one word before it
  /// ("were met", "were all met").
  private static func mark(
    from: Int, within window: Int = markWindow, in tokens: SentenceTokens, clause: [Int],
    own: Int, rules: Rules, needsPassive: Bool
  ) -> Range<Int>? {
    var start = from
    while start < min(tokens.count, from + window), clause[start] == own {
      if start > from, tokens.commaAfter(start - 1) { return nil }
      if tokens.isWord(start, oneOf: rules.clauseOpeners) || tokens.isWord(start, "to") {
        return nil
      }
      if let length = markLength(at: start, in: tokens, clause: clause, rules: rules) {
        if needsPassive, rules.passive.contains(tokens.normalized(start)),
          !(max(from, start - 2)..<start).contains(where: {
            tokens.isWord($0, oneOf: rules.passiveAuxiliaries)
          })
            // "were met with hostility", "were hit by delays": another sense.
            || (start + length < tokens.count
              && (tokens.isWord(start + length, "with") || tokens.isWord(start + length, "by")))
        {
          return nil
        }
        return start..<(start + length)
      }
      start += 1
    }
    return nil
  }

  /// Whether one of `goals` ("target", "indicator") stands within three tokens after the whole.
  private static func hasGoal(after index: Int, in tokens: SentenceTokens, rules: Rules) -> Bool {
    (index..<min(tokens.count, index + 3)).contains { rules.goals.contains(tokens.normalized($0)) }
  }

  /// A mark from `reached` that ends right before token `end` (its last token is `end - 1`),
  /// in clause `own`.
  private static func mark(
    endingBefore end: Int, in tokens: SentenceTokens, clause: [Int], own: Int, rules: Rules
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

  /// A count that starts at token `index`: digits ("12"), a number word ("twelve"), or a tens
  /// word and a unit joined by a hyphen or a space ("twenty-four", "twenty four"); not a
  /// percentage ("40%", "40 per cent").
  static func number(startingAt index: Int, in tokens: SentenceTokens, rules: Rules)
    -> (value: Int, tokens: Range<Int>)?
  {
    guard index < tokens.count, let value = value(of: index, in: tokens, rules: rules) else {
      return nil
    }
    var found = (value: value, tokens: index..<(index + 1))
    if value >= 20, value < 100, value % 10 == 0, index + 1 < tokens.count,
      tokens.hyphenAfter(index) || tokens.spaceAfter(index),
      let unit = self.value(of: index + 1, in: tokens, rules: rules), unit < 10
    {
      found = (value + unit, index..<(index + 2))
    }
    return isPercentage(after: found.tokens.upperBound - 1, in: tokens) ? nil : found
  }

  /// A count whose last token is `index` ("24", "twenty-four", "twenty four").
  private static func number(endingAt index: Int, in tokens: SentenceTokens, rules: Rules)
    -> (value: Int, tokens: Range<Int>)?
  {
    guard index >= 0 else { return nil }
    if index > 0, let joined = number(startingAt: index - 1, in: tokens, rules: rules),
      joined.tokens.upperBound == index + 1
    {
      return joined
    }
    return number(startingAt: index, in: tokens, rules: rules)
  }

  /// Whether "%", "per cent" or "percent" follows token `index`.
  private static func isPercentage(after index: Int, in tokens: SentenceTokens) -> Bool {
    tokens.percentSignAfter(index)
      || (index + 1 < tokens.count
        && (tokens.isWord(index + 1, "percent")
          || (index + 2 < tokens.count && tokens.isWord(index + 1, "per")
            && tokens.isWord(index + 2, "cent"))))
  }

  /// The value of a token written in digits (below 1,000, so that a year is not a count) or
  /// as a number word.
  private static func value(of index: Int, in tokens: SentenceTokens, rules: Rules) -> Int? {
    let digits: Int? = tokens.withBytes(index) { word in
      guard !word.isEmpty, word.count <= 3, word.allSatisfy({ (0x30...0x39).contains($0) }) else {
        return nil
      }
      return word.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    if let digits { return digits }
    // A number word as written, in ASCII; one with another character ("twel\u{AD}ve") by its
    // normalised form.
    if tokens.isWord(index, oneOf: rules.numberWords) {
      return rules.numbers[tokens.normalized(index)]
    }
    let isASCII = tokens.withBytes(index) { $0.allSatisfy { $0 < 0x80 } }
    return isASCII ? nil : rules.numbers[tokens.normalized(index)]
  }
}
