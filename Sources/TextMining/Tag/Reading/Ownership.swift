/// Whose a mention is, where that changes its code: another body's post is not the council's
/// ("business leaders", "chief executive of the Chamber of Commerce"; `other_holders`), and
/// partners' own money said with the partnership's aims is aligning it ("most partners' budgets
/// are still drawn up without reference to the strategy"; `partner_money`).
enum Ownership {
  typealias Found = (tokens: Range<Int>, entry: PhraseMatcher.Entry)

  /// Drops the posts other bodies hold (each reported to `droppedPost`) and recodes partners'
  /// own money, in one sentence's found phrases.
  static func read(
    _ found: inout [Found], taxonomy: Taxonomy, tokens: SentenceTokens,
    droppedPost: (Range<Int>) -> Void
  ) {
    let posts = taxonomy.otherHolders
    let monies = taxonomy.partnerMoney
    guard !posts.isEmpty || !monies.isEmpty,
      found.contains(where: { item in
        posts.contains { $0.post == item.entry.code }
          || monies.contains { $0.money == item.entry.code }
      })
    else { return }
    let spans = found.map { (tokens: $0.tokens, code: $0.entry.code) }
    found.removeAll { item in
      guard let holders = posts.first(where: { $0.post == item.entry.code })?.holders,
        isHeldElsewhere(
          item.tokens, holders: holders, among: spans, nameWords: taxonomy.holderNameWords,
          in: tokens)
      else { return false }
      droppedPost(item.tokens)
      return true
    }
    for index in found.indices {
      guard let rule = monies.first(where: { $0.money == found[index].entry.code })?.rule,
        isPartnerMoney(
          found[index].tokens, rule: rule, among: spans,
          possessives: taxonomy.context.grammar.possessives, in: tokens)
      else { continue }
      found[index].entry.code = rule.code
    }
  }

  /// Whether a post (`span`) is held by another body: a mention of one of `holders` ends
  /// right before it ("business leaders", "the primary care trust's chief executive"), or
  /// starts soon after its "of" or its comma, past only capitalised words and `nameWords`
  /// (the grammar's determiners and the connectors of names), in the same clause ("chief
  /// executive of Tern Valley Chamber of Commerce", "Chief Executive, Sollerton Voluntary
  /// Action").
  static func isHeldElsewhere(
    _ span: Range<Int>, holders: Set<Code>, among spans: [(tokens: Range<Int>, code: Code)],
    nameWords: Set<String>, in tokens: SentenceTokens
  ) -> Bool {
    let holderSpans = spans.filter { holders.contains($0.code) }.map(\.tokens)
    guard !holderSpans.isEmpty else { return false }
    let before = span.lowerBound
    if before > 0, tokens.connected(before - 1),
      holderSpans.contains(where: { $0.upperBound == before })
    {
      return true
    }
    let last = span.upperBound - 1
    var index: Int
    if tokens.commaAfter(last) {
      index = span.upperBound
    } else if span.upperBound < tokens.count, tokens.connected(last),
      tokens.isWord(span.upperBound, oneOf: Self.ofWord)
    {
      index = span.upperBound + 1
    } else {
      return false
    }
    // The holder's name: determiners, then capitalised words and the connectors of names.
    // After a comma, the name stands for the post's holder only where it ends there: in "the
    // council leader, the PCT chair and ...", the PCT's is the next item's post.
    let afterComma = tokens.commaAfter(last)
    let limit = min(tokens.count, index + 7)
    while index < limit {
      if let holder = holderSpans.first(where: { $0.lowerBound == index }) {
        let end = holder.upperBound
        return !afterComma || end == tokens.count || !tokens.connected(end - 1)
          || tokens.isCapitalized(end) || tokens.isAllCaps(end)
          || nameWords.contains(tokens.normalized(end))
      }
      let ofName =
        tokens.isCapitalized(index) || tokens.isAllCaps(index)
        || nameWords.contains(tokens.normalized(index))
      guard ofName, !tokens.clauseBreak(index), !tokens.commaAfter(index) else { return false }
      index += 1
    }
    return false
  }

  /// Whether money (`span`) is partners' own, said with the partnership's aims. The mention
  /// ends in one of the rule's money words, one of its aims stands in the sentence, and:
  /// - an owner (a word of `owners` or a mention of one of `ownerCodes`) stands right before
  ///   the money, past only `modifiers` ("partners' own budgets", "the PCT's mainstream
  ///   spending");
  /// - or a possessive does and an owner stands earlier in the sentence ("partners ... carried
  ///   on spending their budgets");
  /// - or no holder stands before the money, one of `moves` stands in the sentence and an owner
  ///   anywhere in it ("what resources each partner will commit to its priorities"). Money
  ///   another body holds ("the partnership's budget will be moved") is not partners' own.
  static func isPartnerMoney(
    _ span: Range<Int>, rule: Codebook.PartnerMoney,
    among spans: [(tokens: Range<Int>, code: Code)], possessives: Set<String>,
    in tokens: SentenceTokens
  ) -> Bool {
    guard rule.moneyWords.contains(tokens.normalized(span.upperBound - 1)) else { return false }
    // The holder is looked for first, next to the money: the aims and moves are looked for in
    // the whole sentence, a word at a time, only when it is needed.
    func inSentence(_ words: Set<String>) -> Bool {
      !words.isEmpty && (0..<tokens.count).contains { words.contains(tokens.normalized($0)) }
    }
    let ownerSpans = spans.filter { rule.ownerCodes.contains($0.code) }.map(\.tokens)
    var index = span.lowerBound - 1
    while index >= 0, tokens.connected(index), rule.modifiers.contains(tokens.normalized(index)) {
      index -= 1
    }
    if index >= 0, tokens.connected(index) {
      let word = tokens.normalized(index)
      if rule.owners.contains(word) || ownerSpans.contains(where: { $0.upperBound == index + 1 }) {
        return inSentence(rule.aims)
      }
      if possessives.contains(word) {
        let owned =
          (0..<index).contains(where: { rule.owners.contains(tokens.normalized($0)) })
          || ownerSpans.contains(where: { $0.upperBound <= index })
        return owned && inSentence(rule.aims)
      }
      // Another holder's money: "the partnership's budget", "the LSP's fund".
      if Self.isPossessive(tokens.word(index)) { return false }
    }
    return inSentence(rule.moves) && inSentence(rule.aims)
      && ((0..<tokens.count).contains(where: {
        !span.contains($0) && rule.owners.contains(tokens.normalized($0))
      }) || !ownerSpans.isEmpty)
  }

  /// Whether a word is written in the possessive ("partnership's", "partners'").
  static func isPossessive(_ word: String) -> Bool {
    ["'s", "\u{2019}s", "s'", "s\u{2019}"].contains { word.hasSuffix($0) }
  }

  private static let ofWord = PackedWords(["of"])
}
