/// The ConText-style pass over one sentence: which mentions are negated, hedged or qualified.
///
/// Cue scopes run within a clause: a clause ends at a terminator word ("but", "however") or at
/// `;`, `:`, a bracket or a dash. Within it:
/// - a `negation.before` cue ("no", "lack of") negates mentions after it, up to `window` tokens;
/// - a `negation.counterfactual` cue ("without") does the same, unless a second negation follows
///   the mention in its clause ("without X nothing would have worked" asserts X);
/// - a `negation.after` cue ("is lacking", "do not match") negates mentions before it;
/// - a `negation.around` cue ("is not", "has not") negates mentions on either side;
/// - a `hedging.clause` cue ("may", "would") hedges its whole clause; a `hedging.sentence`
///   cue ("if", "unless") hedges the whole sentence; a `hedging.evidential` cue ("appears to")
///   hedges its clause but, unlike the others, lets a positive qualifier stand;
/// - a qualifier within `qualifierWindow` tokens ("strong", "weak") gives a judged mention its
///   polarity.
/// - a `presence` cue ("there is", "have") makes a success factor positive, and a `neutral`
///   cue ("should", "recommend") keeps its clause neutral: aims and recommendations judge nothing.
/// Pseudo-cues ("not only", "no doubt", "may nominate") win their span by longest match, so the
/// shorter cue inside them never fires. Two negations cancel ("it is not true that the board
/// lacks leadership" is positive).
///
///     "There is little trust between partners."   trust: negative
///     "Strong leadership, but no trust."          leadership: positive; trust: negative
///     "The LSP may in time break out of the vicious circle."   break_out: positive, hedged
struct ContextAnalyzer {
  private typealias Kind = ContextRules.Kind

  struct Cue {
    var kind: ContextRules.Kind
    var tokens: Range<Int>
  }

  /// The taxonomy whose context rules (`Taxonomy.context`) the analyzer reads; held by reference,
  /// so that an analyzer, one per sentence with mentions, copies none of the rules' word sets.
  private let taxonomy: Taxonomy
  /// The cues found, in order (terminators excluded).
  let cues: [Cue]
  /// The sentence's proportions ("two of our five targets were met"), each of which stands
  /// in `cues` as a qualifier unless it falls in the middle band.
  let proportions: [ProportionReading.Found]
  /// Clause number of each token.
  let clause: [Int]
  /// Where a comma and a coordinator open a conjunct with a noun phrase of its own as subject
  /// and its auxiliary ("..., and the partnership could miss out"): the coordinator's position.
  /// A hedge does not reach across one, though a qualifier or a negation may.
  private let subjectConjuncts: [Int]
  /// What the readings need to know of each token besides its clause, in one array (see
  /// `TokenFacts`).
  private let facts: [TokenFacts]
  /// For a clause followed by a terminator and a lone qualifier ("polite but shallow"), that
  /// qualifier's polarity.
  private let afterthoughts: [Int: Polarity]
  /// Where the negation cues that deny a whole claim start (`ContextRules.denials`).
  private let denials: Set<Int>
  /// Where denials that are themselves negated start ("it is not wrong to say"), and their
  /// negations: neither counts as a negation at all.
  private let deniedDenials: Set<Int>
  /// Where hedges that frame a denied denial start ("nobody would deny that"): they suppose
  /// nothing of the claim.
  private let framingHedges: Set<Int>
  /// For a stretch labelled by a verdict set off on its own ("representative (vacant)"), that
  /// verdict's polarity.
  private let labels: [Int: Polarity]
  /// Qualifiers that stand in a prepositional phrase before its own noun ("for the healthy
  /// living centres"): each one's first token, and where its phrase's run of prepositions and
  /// determiners begins.
  private let laterNounQualifiers: [Int: Int]
  /// The sentence's matched phrases of more than one token, set once the mentions are known: a
  /// negation written inside one is that phrase's own word and denies nothing
  /// else ("residents have no say in how the budget is spent" says nothing against the budget,
  /// "the LSP has no powers over partners' budgets" nothing against theirs).
  private(set) var phraseSpans: [Range<Int>] = []

  /// Sets `phraseSpans` from the sentence's matched phrases. A phrase that a list goes on from
  /// ("no powers or budget of its own", "no say, seat or voice") reaches over the list: its
  /// negation is the list's, as a determiner's is. The list runs from a list conjunction or a
  /// comma right after the phrase to the first preposition, auxiliary or clause opener ("no say
  /// in how the grant was spent" has none).
  mutating func setPhrases(_ spans: [Range<Int>]) {
    phraseSpans = spans.filter { $0.count > 1 }.map { span in
      let end = span.upperBound
      guard end < facts.count, facts[end].conjunction || facts[end - 1].commaAfter else {
        return span
      }
      var last = end
      var index = end
      while index < facts.count, index - end < 8, clause[index] == clause[span.lowerBound],
        !facts[index].preposition, !facts[index].auxiliary, !facts[index].opener,
        !facts[index].complementizer
      {
        if !facts[index].conjunction { last = index + 1 }
        index += 1
      }
      return span.lowerBound..<max(end, last)
    }
  }

  /// Whether `cue` is a negation inside a phrase of `phrases` other than the mention's over
  /// `mention` (see `phraseSpans`): it then neither judges that mention nor
  /// counts among the cue kinds of its clause for the polarity model.
  static func belongsElsewhere(
    _ cue: Cue, mention: Range<Int>, phrases: [Range<Int>]
  ) -> Bool {
    guard cue.kind.isNegation, !cue.tokens.overlaps(mention)
    else { return false }
    return phrases.contains {
      $0.lowerBound <= cue.tokens.lowerBound && cue.tokens.upperBound <= $0.upperBound
        && !$0.overlaps(mention)
    }
  }

  /// A token's place in the sentence's grammar, as the readings see it.
  private struct TokenFacts {
    /// Conjunct number: a comma followed by a coordinator (", and", ", so") starts a new one.
    /// Presence does not reach across conjuncts: in "the mills had closed, and relations were
    /// poisonous", "had" says nothing about relations.
    var conjunct: Int32 = 0
    /// Clause number where "and" or "or" joins two stretches with a finite verb each
    /// ("bureaucracy will be reduced and accountability will be increased"): a qualifier stays
    /// within its own.
    var verbClause: Int32 = 0
    /// Predicate number: "and" right before a verb starts one ("it is not a council and has no
    /// powers"); a negation does not reach across it.
    var predicate: Int32 = 0
    /// Whether the token is a negation that is a determiner (`negative_determiners`: "no",
    /// "little"); read only in sentences with a negation.
    var negativeDeterminer = false
    /// Whether the token is one of `predicate_conjunctions` ("and", not "or"); read only in
    /// sentences with a negation.
    var predicateConjunction = false
    /// Whether a comma follows the token; a comma next to a parenthetical terminator
    /// (", however,") does not count.
    var commaAfter = false
    /// Whether the token opens a clause inside the sentence ("that", "which").
    var opener = false
    /// Whether the token is a negation that goes on with an earlier one ("nor").
    var continuing = false
    /// Whether the token is a list conjunction ("and", "or").
    var conjunction = false
    /// Whether the token opens an indirect question ("whether").
    var questionOpener = false
    /// Whether the token opens a proposition a noun before it names ("no evidence that").
    var complementizer = false
    /// Whether the token is a factive predicate (`factive_predicates`: "fair", "surprise") that
    /// opens the clause it takes as true: "that" or a determiner follows it.
    var factive = false
    /// Whether the token says a state goes on (`continuing_qualifiers`: "still").
    var continuingQualifier = false
    /// Whether the token is an auxiliary ("have", "is").
    var auxiliary = false
    /// Whether the token puts a counterfactual in the past (`counterfactual_past`: "have").
    var past = false
    /// Whether the token is a negative subject (`negative_subjects`: "none", "nobody").
    var negativeSubject = false
    /// Whether the token is a verb of remedy (`remedy_verbs`: "resolved", "address"); read only
    /// with a negation or a negative qualifier.
    var remedy = false
    /// Whether the token's conjunct, opened by a comma and a coordinator, has a subject of its
    /// own: an auxiliary two to four words after the coordinator ("..., and the board did").
    var ownSubject = false
    /// Whether the token is a preposition (`prepositions`); read only with a negation.
    var preposition = false
    /// Whether the token links a comparison to its standard (`comparison_links`: "than"); read
    /// only with a qualifier or a negation.
    var comparisonLink = false
    /// Whether the token opens a time or cause phrase that ends a negation's reach
    /// (`negation_scope_ends`: "after", "since"); read only with a negation.
    var scopeEnd = false
  }

  /// "of" packed as `PackedWords` keys are (`SentenceTokens.packedWord`).
  private static let ofKey: UInt64? = Array("of".utf8).withUnsafeBufferPointer {
    PackedWords.key(of: $0, lowercasing: false)
  }

  /// Puts each proportion that judges among the cues as a qualifier over its tokens, in place of
  /// a qualifier on its part or its mark ("only four", "on track"); one in the middle band
  /// changes nothing.
  private static func apply(_ proportions: [ProportionReading.Found], to cues: inout [Cue]) {
    for proportion in proportions {
      guard let polarity = proportion.polarity else { continue }
      cues.removeAll {
        ($0.kind == .positive || $0.kind == .negative)
          && ($0.tokens.overlaps(proportion.partTokens)
            || $0.tokens.overlaps(proportion.markTokens))
      }
      let cue = Cue(kind: polarity == .positive ? .positive : .negative, tokens: proportion.tokens)
      cues.insert(
        cue, at: cues.firstIndex { $0.tokens.lowerBound > cue.tokens.lowerBound } ?? cues.endIndex)
    }
  }

  /// Puts a negative qualifier over each word of excess and the word of measure right after it
  /// (`context.grammar.excess_words`: "too centralised", "too council-led"), where no listed
  /// cue holds either word ("too early to judge" is a pseudo-cue, "too large" a qualifier
  /// already). The word before it must be an auxiliary or one of `excess_leads` ("is too",
  /// "has become too", "far too"): after a noun or a verb, "too" means "also" ("the police too
  /// attend", "we too value"), and so it does before punctuation or a function word.
  private static func addExcess(
    taxonomy: Taxonomy, tokens: SentenceTokens, terminator: [UInt8], to cues: inout [Cue]
  ) {
    guard !taxonomy.context.grammar.excessWords.isEmpty, tokens.count > 1 else { return }
    let grammar = taxonomy.context.grammar
    for index in 1..<(tokens.count - 1)
    where tokens.isWord(index, oneOf: taxonomy.excessWordBytes) {
      let next = index + 1
      guard
        tokens.isWord(index - 1, oneOf: taxonomy.auxiliaryBytes)
          || tokens.isWord(index - 1, oneOf: taxonomy.excessLeadBytes),
        tokens.connected(index - 1), tokens.connected(index), !tokens.hyphenAfter(index),
        tokens.startsLowercase(next),
        tokens.isAlphabetic(next), terminator[index] == 0, terminator[next] == 0,
        !tokens.isWord(next, oneOf: taxonomy.auxiliaryBytes),
        !tokens.isWord(next, oneOf: taxonomy.conjunctionBytes),
        !tokens.isWord(next, oneOf: taxonomy.prepositionBytes),
        !grammar.determiners.contains(tokens.normalized(next)),
        !cues.contains(where: { $0.tokens.contains(index) || $0.tokens.contains(next) })
      else { continue }
      let cue = Cue(kind: .negative, tokens: index..<next + 1)
      cues.insert(
        cue, at: cues.firstIndex { $0.tokens.lowerBound > cue.tokens.lowerBound } ?? cues.endIndex)
    }
  }

  /// Turns over each qualifier right after a phrase that denies it
  /// (`context.grammar.denying_leads`: "far from transparent" is negative, "anything but weak"
  /// and "none too good" the opposite of their qualifier), the phrase joining the cue; a
  /// negation inside the phrase ("none", "no" of "by no means") is the phrase's and no cue of
  /// its own. A phrase before anything else ("far from the town centre") is no cue.
  private static func turnDenied(taxonomy: Taxonomy, tokens: SentenceTokens, cues: inout [Cue]) {
    let leads = taxonomy.context.grammar.denyingLeads
    guard !leads.isEmpty else { return }
    var absorbed: [Range<Int>] = []
    for index in cues.indices where cues[index].kind == .positive || cues[index].kind == .negative {
      let first = cues[index].tokens.lowerBound
      for lead in leads where !lead.isEmpty && lead.count <= first {
        let start = first - lead.count
        guard
          (0..<lead.count).allSatisfy({
            tokens.normalized(start + $0) == lead[$0] && tokens.connected(start + $0)
          })
        else { continue }
        cues[index] = Cue(
          kind: cues[index].kind == .positive ? .negative : .positive,
          tokens: start..<cues[index].tokens.upperBound)
        absorbed.append(start..<first)
        break
      }
    }
    if !absorbed.isEmpty {
      cues.removeAll { cue in
        cue.kind.isNegation && absorbed.contains { cue.tokens.overlaps($0) }
      }
    }
    // A lead that is also a negation (`negation.before`: "far from", "a long way from") denies
    // the state named right after it ("far from representative", "a long way from effective
    // engagement"), but not a place or a thing: before a determiner, a preposition, a pronoun,
    // a capital or a number ("estates far from the town centre", "far from Haughton", "far
    // from it") it is no cue.
    let grammar = taxonomy.context.grammar
    cues.removeAll { cue in
      guard cue.kind.isNegation,
        leads.contains(where: { lead in
          lead.count == cue.tokens.count
            && lead.indices.allSatisfy { tokens.normalized(cue.tokens.lowerBound + $0) == lead[$0] }
        })
      else { return false }
      let next = cue.tokens.upperBound
      guard next < tokens.count, tokens.connected(next - 1), tokens.startsLowercase(next),
        tokens.isAlphabetic(next)
      else { return true }
      let word = tokens.normalized(next)
      return grammar.determiners.contains(word) || grammar.prepositions.contains(word)
        || grammar.subjectPronouns.contains(word)
    }
  }

  /// For `explain`: each negation a factive predicate within two words after it holds ("not
  /// fair that", "no surprise that"), with the predicate's token. The clause the predicate
  /// takes stands as it reads.
  var factiveHolds: [(negation: Range<Int>, predicate: Int)] {
    cues.compactMap { cue in
      guard cue.kind.isNegation else { return nil }
      let end = cue.tokens.upperBound
      guard let at = (end..<min(end + 2, facts.count)).first(where: { facts[$0].factive }) else {
        return nil
      }
      return (cue.tokens, at)
    }
  }

  /// For `explain`: each qualifier of `continuing_qualifiers` right before a negation ("still
  /// lack"), which says the state goes on rather than turning the negation over.
  var continuingBeforeNegations: [Range<Int>] {
    cues.filter { cue in
      (cue.kind == .positive || cue.kind == .negative)
        && facts[cue.tokens.lowerBound].continuingQualifier
        && cues.contains {
          $0.kind.isNegation && $0.tokens.lowerBound >= cue.tokens.upperBound
            && $0.tokens.lowerBound - cue.tokens.upperBound <= 1
        }
    }.map(\.tokens)
  }

  /// Whether the normalised `words` stand in the sentence from token `start`.
  private static func words(
    _ words: [String], standAt start: Int, in tokens: SentenceTokens
  ) -> Bool {
    start + words.count <= tokens.count
      && words.indices.allSatisfy { tokens.normalized(start + $0) == words[$0] }
  }

  /// Walks the cues in order and inserts, right after each, the cue `added` makes of it, if
  /// any (the cues stay in order, and an inserted cue is not walked).
  private static func insertAfterEach(_ cues: inout [Cue], _ added: (Cue, [Cue]) -> Cue?) {
    var index = 0
    while index < cues.count {
      let cue = cues[index]
      index += 1
      if let new = added(cue, cues) {
        cues.insert(new, at: index)
        index += 1
      }
    }
  }

  /// Whether token `index` is an adverb in -ly of five letters or more ("notably", not "fly"),
  /// read from its bytes.
  private static func isAdverb(_ index: Int, _ tokens: SentenceTokens) -> Bool {
    let word = tokens.packedWord(index).word
    return word.count > 4 && word[word.count - 2] == UInt8(ascii: "l")
      && word[word.count - 1] == UInt8(ascii: "y")
  }

  /// Turns each negation said of its clause's subject into one that reaches back: a negation
  /// right after a linking verb (`grammar.predicate_leads`; adverbs in -ly and continuing
  /// qualifiers between) that ends its clause or stands before a preposition: "trust has
  /// increasingly been lacking", "strong leadership has been absent", "funding was sadly
  /// lacking for the scheme". One before anything else still reaches forward ("the board is
  /// without a chair").
  private static func readPredicateNegationsBack(
    taxonomy: Taxonomy, tokens: SentenceTokens, cues: inout [Cue]
  ) {
    let leads = taxonomy.predicateLeadBytes
    guard !taxonomy.context.grammar.predicateLeads.isEmpty else { return }
    for index in cues.indices where cues[index].kind == .negationBefore {
      let span = cues[index].tokens
      let last = span.upperBound - 1
      guard
        span.upperBound == tokens.count || !tokens.connected(last) || tokens.clauseBreak(last)
          || tokens.isWord(span.upperBound, oneOf: taxonomy.prepositionBytes)
      else { continue }
      var lead = span.lowerBound - 1
      while lead >= 0, tokens.connected(lead),
        tokens.isWord(lead, oneOf: taxonomy.continuingQualifierBytes) || Self.isAdverb(lead, tokens)
      {
        lead -= 1
      }
      guard lead >= 0, tokens.connected(lead), tokens.isWord(lead, oneOf: leads) else { continue }
      cues[index] = Cue(kind: .negationAfter, tokens: span)
    }
  }

  /// Reads each negation of a verb of attention (`grammar.attention_verbs`: "discussed",
  /// "mentioned", "assessed"): not discussing a thing says nothing about it. In the passive
  /// ("trust was not discussed", "value for money has never been assessed"; a linking verb of
  /// `predicate_leads` before the negation, in it or between it and the verb) the negation
  /// denies nothing; in the active it judges only the one who did not attend ("the scrutiny
  /// committee has never examined the partnership's work"), reaching back, and not the object
  /// ("the board did not discuss leadership"). Between the negation and the verb only linking
  /// verbs, "yet", "ever" and adverbs in -ly may stand.
  private static func readInattention(
    taxonomy: Taxonomy, tokens: SentenceTokens, cues: inout [Cue]
  ) {
    guard !taxonomy.context.grammar.attentionVerbs.isEmpty else { return }
    let leads = taxonomy.predicateLeadBytes
    var asides: [Range<Int>] = []
    for index in cues.indices {
      let kind = cues[index].kind
      guard kind == .negationBefore || kind == .negationAround || kind == .negationAfter else {
        continue
      }
      let span = cues[index].tokens
      // A determiner's noun is no verb: "almost no mention of money" is a shortage.
      if span.count == 1, tokens.isWord(span.lowerBound, oneOf: taxonomy.negativeDeterminerBytes) {
        continue
      }
      var passive =
        span.contains { tokens.isWord($0, oneOf: leads) }
        || (span.lowerBound > 0 && tokens.connected(span.lowerBound - 1)
          && tokens.isWord(span.lowerBound - 1, oneOf: leads))
      var verb = span.upperBound
      while verb < tokens.count, tokens.connected(verb - 1) {
        if tokens.isWord(verb, oneOf: leads) {
          passive = true
        } else if !tokens.isWord(verb, "yet"), !tokens.isWord(verb, "ever"),
          !Self.isAdverb(verb, tokens)
        {
          break
        }
        verb += 1
      }
      guard verb < tokens.count, tokens.connected(verb - 1),
        tokens.isWord(verb, oneOf: taxonomy.attentionVerbBytes)
      else { continue }
      cues[index] = Cue(kind: passive ? .negationPseudo : .negationAfter, tokens: span)
      // The passive's auxiliaries say nothing is there: "trust has never been mentioned".
      if passive { asides.append(max(0, span.lowerBound - 1)..<verb + 1) }
    }
    if !asides.isEmpty {
      cues.removeAll { cue in
        cue.kind == .presence && asides.contains { $0.contains(cue.tokens.lowerBound) }
      }
    }
  }

  /// Adds the denial that begins inside a hedge ("we doubt that trust is high"): the matcher
  /// keeps the leftmost cue, the hedge "we doubt", whose last word opens the denial "doubt
  /// that" (or is the denial "doubt", in "we doubt the strategy will work"); the clause is both
  /// supposed and denied, so it is hedged and turned over. The longest denial that reaches the
  /// hedge's end is taken ("doubt very much that", not "doubt").
  private static func addDenialsInsideHedges(
    taxonomy: Taxonomy, tokens: SentenceTokens, cues: inout [Cue]
  ) {
    let denials = taxonomy.context.denials
    guard !denials.isEmpty else { return }
    insertAfterEach(&cues) { hedge, cues in
      guard hedge.kind.isHedge, hedge.tokens.count > 1 else { return nil }
      for start in hedge.tokens.lowerBound + 1..<hedge.tokens.upperBound {
        // (The first word once, not once for every denial.)
        let first = tokens.normalized(start)
        var longest: [String]?
        for denial in denials
        where denial.first == first && start + denial.count >= hedge.tokens.upperBound
          && denial.count > longest?.count ?? 0 && Self.words(denial, standAt: start, in: tokens)
        {
          longest = denial
        }
        guard let denial = longest else { continue }
        let cue = Cue(kind: .negationBefore, tokens: start..<start + denial.count)
        // Not twice, if the matcher found it too.
        return cues.contains { $0.kind == cue.kind && $0.tokens == cue.tokens } ? nil : cue
      }
      return nil
    }
  }

  /// Adds a hedge over each doubt (`negation.doubts`: "the panel doubts whether the
  /// partnership could continue"), which supposes as well as denies, where no hedge covers it
  /// already ("we doubt that") and no negation denies it ("nobody doubts that", "I do not doubt
  /// that", auxiliaries between or not).
  private static func addHedgesOfDoubts(
    taxonomy: Taxonomy, tokens: SentenceTokens, cues: inout [Cue]
  ) {
    let doubts = taxonomy.context.doubts
    guard !doubts.isEmpty else { return }
    insertAfterEach(&cues) { doubt, cues in
      // (Word by word, without building the cue's words: most negations are "not" or "no".)
      guard doubt.kind == .negationBefore,
        doubts.contains(where: {
          $0.count == doubt.tokens.count
            && Self.words($0, standAt: doubt.tokens.lowerBound, in: tokens)
        }),
        !cues.contains(where: { $0.kind.isHedge && $0.tokens.overlaps(doubt.tokens) })
      else { return nil }
      // (As the denials' own pass below reads a denied denial, before the facts exist.)
      var from = doubt.tokens.lowerBound
      while from > 0, tokens.isWord(from - 1, oneOf: taxonomy.auxiliaryBytes) { from -= 1 }
      let denied = cues.contains {
        $0.kind.isNegation && $0.tokens.upperBound >= from
          && $0.tokens.upperBound <= doubt.tokens.lowerBound
      }
      return denied ? nil : Cue(kind: .hedgingClause, tokens: doubt.tokens)
    }
  }

  /// Drops each qualifier a phrase of `context.grammar.earlier_leads` or `earlier_trails` puts
  /// in an earlier state ("once hostile", "had been low", "poor at first") when a later
  /// qualifier about the same thing follows, not itself in an earlier state: one after it in its
  /// clause with no clause opener between ("relations, once hostile, are now productive";
  /// "relationships that were once strong have deteriorated"; not "good for years when the
  /// allocation was cut"), or the first thing of substance after a terminator or a clause break
  /// ("were poor at first but are now good", "used to be weak; it is now widely respected"),
  /// which then gives the last word on the clause as an afterthought does. Alone, an earlier
  /// state still judges ("trust had been low for years").
  ///
  /// - Returns: the clauses whose earlier state gave way across a terminator or a break, with
  ///   the later qualifier's reading.
  private static func yieldEarlierStates(
    taxonomy: Taxonomy, tokens: SentenceTokens, clause: [Int], terminator: [UInt8],
    facts: [TokenFacts], cues: inout [Cue]
  ) -> [Int: Polarity] {
    let leads = taxonomy.context.grammar.earlierLeads
    let trails = taxonomy.context.grammar.earlierTrails
    guard !leads.isEmpty || !trails.isEmpty else { return [:] }
    let qualifiers = cues.indices.filter {
      cues[$0].kind == .positive || cues[$0].kind == .negative
    }
    guard qualifiers.count > 1 else { return [:] }
    let grammar = taxonomy.context.grammar
    // Each token is normalised once: the phrases are tried at the same few places.
    var normalized: [Int: String] = [:]
    func word(_ index: Int) -> String {
      if let known = normalized[index] { return known }
      let found = tokens.normalized(index)
      normalized[index] = found
      return found
    }
    // Whether the phrase's words stand from `start` on, each joined to the next token (only
    // spaces, hyphens or apostrophes between), through `end`.
    func stands(_ words: [String], at start: Int, joinedThrough end: Int) -> Bool {
      start >= 0 && start + words.count <= tokens.count
        && (min(start, end)..<max(start + words.count - 1, end)).allSatisfy {
          tokens.connected($0)
        }
        && words.indices.allSatisfy { word(start + $0) == words[$0] }
    }
    func isEarlier(_ cue: Cue) -> Bool {
      let first = cue.tokens.lowerBound
      let last = cue.tokens.upperBound
      // Before it, at most one word between ("once very strong"), or right after it.
      return leads.contains { words in
        !words.isEmpty
          && (0...1).contains { stands(words, at: first - $0 - words.count, joinedThrough: first) }
      } || trails.contains { !$0.isEmpty && stands($0, at: last, joinedThrough: last - 1) }
    }
    let earlier = Set(qualifiers.filter { isEarlier(cues[$0]) })
    guard !earlier.isEmpty, earlier.count < qualifiers.count else { return [:] }
    var dropped: Set<Int> = []
    var yielded: [Int: Polarity] = [:]
    for index in earlier.sorted() {
      let cue = cues[index]
      let own = clause[cue.tokens.lowerBound]
      let later = qualifiers.filter {
        !earlier.contains($0) && cues[$0].tokens.lowerBound >= cue.tokens.upperBound
      }
      // (Not one in a clause of its own that an opener starts between them: in "relations had
      // been good for years when the allocation was cut", "cut" is the allocation's.)
      if later.contains(where: {
        clause[cues[$0].tokens.lowerBound] == own
          && facts[cues[$0].tokens.lowerBound].verbClause
            == facts[cue.tokens.lowerBound].verbClause
          && !(cue.tokens.upperBound..<cues[$0].tokens.lowerBound).contains { facts[$0].opener }
      }) {
        dropped.insert(index)
        continue
      }
      // Across a terminator or a clause break (";"): the qualifier is the first thing of
      // substance in the next clause, after at most a pronoun standing for the subject
      // (`later_subjects`), auxiliaries, adverbs in -ly and words of `later_states` ("were poor
      // at first but are now good", "used to be weak; it is now widely respected").
      guard let next = later.first(where: { clause[cues[$0].tokens.lowerBound] > own }),
        let first = (cue.tokens.upperBound..<cues[next].tokens.lowerBound).first(where: {
          clause[$0] != own
        })
      else { continue }
      let at = cues[next].tokens.lowerBound
      var position = first
      while position < at, terminator[position] == 1 { position += 1 }
      if position < at, grammar.laterSubjects.contains(word(position)) { position += 1 }
      guard position > first || tokens.clauseBreak(first - 1), clause[position] == clause[at],
        (position..<at).allSatisfy({
          let written = word($0)
          return facts[$0].auxiliary || grammar.laterStates.contains(written)
            || (written.count > 4 && written.hasSuffix("ly"))
        })
      else { continue }
      dropped.insert(index)
      if yielded[own] == nil { yielded[own] = cues[next].kind == .positive ? .positive : .negative }
    }
    if !dropped.isEmpty {
      cues = cues.indices.filter { !dropped.contains($0) }.map { cues[$0] }
    }
    return yielded
  }

  /// The cue windows of the taxonomy's context rules, in tokens.
  private var windows: (window: Int, qualifier: Int, predicate: Int) {
    (taxonomy.context.window, taxonomy.context.qualifierWindow, taxonomy.context.predicateWindow)
  }

  /// Finds the cues of a sentence with the taxonomy's cue matcher.
  init(taxonomy: Taxonomy, tokens: SentenceTokens) {
    self.taxonomy = taxonomy
    let count = tokens.count
    var cues: [Cue] = []
    // Per token: 1 for a terminator, 2 for one set off by commas ("nobody, however, is
    // answerable"), which is parenthetical and ends no clause.
    var terminator = [UInt8](repeating: 0, count: count)
    // Whether the sentence is prose rather than a heading in title case or capitals, where
    // every word may open with a capital; found only if a cue asks.
    var isProse: Bool?
    // Hedges that may report a future ("would"), checked against the clauses below.
    var reportedFutures: [Int] = []
    for match in tokens.matches(of: taxonomy.contextMatcher, at: .context, constrained: false) {
      guard let kind = taxonomy.contextKinds[match.entry] else { continue }
      // A cue word written with a capital inside a prose sentence, after another word, is a
      // name's word, not the cue: "in April or May", "the Safer and Stronger Communities
      // Fund", "The Little Hulton forum", "Mr Little". (The cues are all lower-case words of
      // English; a capital there marks a proper noun. A sentence's first word after its
      // numbering, "7.2 If the partnership ..." or "R1 No partner ...", is none.)
      let first = match.tokens.lowerBound
      if first > 0, kind != .terminator, tokens.isCapitalized(first), !tokens.isAllCaps(first),
        tokens.spaceAfter(first - 1), !tokens.clauseBreak(first - 1),
        (0..<first).contains(where: { tokens.isAlphabetic($0) })
      {
        if isProse == nil {
          // The first word's capital says nothing; in a title-case heading at least half the
          // others have one, and no word of four letters or more but a preposition is in lower
          // case ("the Safer Stronger Communities Fund (SSCF) budget" is prose).
          let capitals = (1..<count).filter { tokens.isCapitalized($0) }.count
          isProse =
            capitals * 2 < count - 1
            || (1..<count).contains { index in
              tokens.startsLowercase(index) && tokens.isAlphabetic(index)
                && tokens.range(index).count >= 4
                && !taxonomy.context.grammar.prepositions.contains(tokens.normalized(index))
            }
        }
        if isProse == true { continue }
      }
      if kind == .terminator {
        for index in match.tokens { terminator[index] = 1 }
      } else if kind == .hedgingPseudo {
        // A hedging look-alike keeps the negation inside it: "could not commit" is no
        // supposition, and still a negation.
        cues.append(Cue(kind: kind, tokens: match.tokens))
        for index in match.tokens {
          if let negation = taxonomy.oneWordNegations[tokens.normalized(index)] {
            cues.append(Cue(kind: negation, tokens: index..<index + 1))
          }
        }
      } else {
        // Recorded only once the cue is kept: a capitalised "Would" inside a prose sentence is
        // a name's word and no cue (and an index taken before that check pointed past the
        // cues, or at another cue).
        if kind == .hedgingClause, match.tokens.count == 1,
          tokens.isWord(match.tokens.lowerBound, oneOf: taxonomy.reportedFutureBytes)
        {
          reportedFutures.append(cues.count)
        }
        cues.append(Cue(kind: kind, tokens: match.tokens))
      }
    }
    var clause: [Int] = []
    clause.reserveCapacity(count)
    var subjectConjuncts: [Int] = []
    var number = 0
    let pronouns = taxonomy.context.grammar.subjectPronouns
    // A sentence that opens with a subordinator ("although", "while") ends that clause at its
    // first comma: in "although trust is high, leadership is weak" the trust is high and the
    // leadership weak.
    let subordinateEnd =
      count > 1 && tokens.isWord(0, oneOf: taxonomy.openingSubordinatorBytes)
      ? (1..<count - 1).first { tokens.commaAfter($0) } : nil
    for index in 0..<count {
      if terminator[index] == 1, index > 0, tokens.commaAfter(index - 1), tokens.commaAfter(index) {
        terminator[index] = 2
      }
      let ends = terminator[index] == 1
      if ends { number += 1 }
      // A comma, a coordinator and a pronoun open a clause with a subject of its own: "trust is
      // high, and we doubt that the board will meet". (The coordinator is read once a comma.)
      if !ends, index > 0, index + 1 < count, tokens.commaAfter(index - 1),
        taxonomy.context.grammar.coordinators.contains(tokens.normalized(index))
      {
        let next = tokens.normalized(index + 1)
        if pronouns.contains(next) {
          number += 1
        } else if index + 2 < count, taxonomy.context.grammar.determiners.contains(next),
          let verb = (index + 2..<min(count, index + 6)).first(where: {
            tokens.isWord($0, oneOf: taxonomy.auxiliaryBytes) || tokens.commaAfter($0)
          }), tokens.isWord(verb, oneOf: taxonomy.auxiliaryBytes)
        {
          // ... and so, for a hedge, do a determiner's noun phrase and its auxiliary within
          // four words: in "progress has stalled, and the partnership could miss out on reward
          // grant" the "could" supposes nothing of the progress.
          subjectConjuncts.append(index)
        }
      }
      clause.append(number)
      // An abbreviation in brackets ("the Neighbourhood Renewal Fund (NRF) allocation") stands
      // inside its clause, which it does not end.
      if (tokens.clauseBreak(index) && !tokens.bracketsAnAbbreviation(index)) || ends
        || index == subordinateEnd
      {
        number += 1
      }
    }
    self.clause = clause
    self.subjectConjuncts = subjectConjuncts
    // "would" after a reporting verb in its clause reports a future ("she said the grant would
    // be cut") and hedges nothing; "said" after a determiner ("the said agreement") reports
    // nothing.
    if !reportedFutures.isEmpty {
      let verbs = (0..<count).filter { index in
        tokens.isWord(index, oneOf: taxonomy.reportingVerbBytes)
          && !(index > 0
            && taxonomy.context.grammar.determiners.contains(tokens.normalized(index - 1)))
      }
      // The report may also follow as the sentence's tag, set off by a comma within six words
      // before its verb and with at most the speaker after it: "the board would meet in public
      // from April, the chair said", ", said Cllr Jane Hart, its chair". (Not a conjunct: in
      // "we would say ..., and several members told us they only heard of it late", "told"
      // reports its own clause.)
      let reported = Set(
        reportedFutures.filter { cueIndex in
          let at = cues[cueIndex].tokens.lowerBound
          return verbs.contains { verb in
            guard clause[verb] == clause[at] else { return false }
            if verb < at { return true }
            guard let comma = (at..<verb).last(where: { tokens.commaAfter($0) }),
              verb - comma <= 6,
              !(comma + 1..<verb).contains(where: {
                tokens.isWord($0, oneOf: taxonomy.conjunctionBytes)
              })
            else { return false }
            return (verb..<min(count, verb + 7)).contains {
              $0 == count - 1 || tokens.commaAfter($0)
            }
          }
        })
      if !reported.isEmpty {
        cues = cues.indices.filter { !reported.contains($0) }.map { cues[$0] }
      }
    }
    // A continuing qualifier set off by a comma means "nevertheless" ("Still, partners lack
    // trust"): it says no state goes on and judges nothing.
    cues.removeAll { cue in
      cue.kind == .negative && cue.tokens.count == 1 && tokens.commaAfter(cue.tokens.lowerBound)
        && tokens.isWord(cue.tokens.lowerBound, oneOf: taxonomy.continuingQualifierBytes)
    }
    // (After the reported futures, whose indices into the cues an inserted cue would shift.)
    Self.addExcess(taxonomy: taxonomy, tokens: tokens, terminator: terminator, to: &cues)
    Self.turnDenied(taxonomy: taxonomy, tokens: tokens, cues: &cues)
    Self.readPredicateNegationsBack(taxonomy: taxonomy, tokens: tokens, cues: &cues)
    Self.readInattention(taxonomy: taxonomy, tokens: tokens, cues: &cues)
    Self.addDenialsInsideHedges(taxonomy: taxonomy, tokens: tokens, cues: &cues)
    Self.addHedgesOfDoubts(taxonomy: taxonomy, tokens: tokens, cues: &cues)
    var facts = [TokenFacts](repeating: TokenFacts(), count: count)
    var clauseNumber: Int32 = 0
    var part: Int32 = 0
    var predicate: Int32 = 0
    // Whether the current conjunct has a finite verb yet: "bureaucracy will be reduced and
    // accountability will be increased" is two conjuncts, "trust and relations are poor" one.
    var partHasVerb = false
    // Whether the current conjunct has a subject of its own (`TokenFacts.ownSubject`).
    var partHasSubject = false
    let auxiliaries = taxonomy.auxiliaryBytes
    // Where "of" stands, for the proportions below ("two of our five"), and where a rating
    // word does ("(Green)").
    var ofs: [Int] = []
    var ratings: [Int] = []
    let hasNegation = cues.contains { $0.kind.isNegation }
    let hasNegative = cues.contains { $0.kind == .negative }
    let hasHedge = cues.contains { $0.kind == .hedgingClause }
    let hasQualifier = cues.contains { $0.kind == .positive || $0.kind == .negative }
    for index in 0..<count {
      // Each token is packed once and tested against the three word lists.
      let (key, word) = tokens.packedWord(index)
      if key == Self.ofKey { ofs.append(index) }
      if taxonomy.ratingWords.contains(key: key, word: word) { ratings.append(index) }
      if index > 0, tokens.commaAfter(index - 1),
        taxonomy.context.grammar.coordinators.contains(tokens.normalized(index))
      {
        part += 1
        partHasSubject =
          index + 2 < count
          && (index + 2..<min(count, index + 5)).contains {
            tokens.isWord($0, oneOf: auxiliaries)
          }
      } else if partHasVerb, taxonomy.conjunctionBytes.contains(key: key, word: word),
        index + 2 < count,
        (index + 2..<min(count, index + 5)).contains(where: {
          tokens.isWord($0, oneOf: auxiliaries)
        })
      {
        part += 1
        clauseNumber += 1
        partHasVerb = false
        partHasSubject = true
      }
      // "and" right before a verb starts a predicate of the same subject: "it is not a council
      // and has no powers". A negation stays in its own (not after "or": "no evidence that it
      // has a strategy or has strong leadership" denies both).
      if partHasVerb, index + 1 < count,
        taxonomy.predicateConjunctionBytes.contains(key: key, word: word),
        tokens.isWord(index + 1, oneOf: auxiliaries)
      {
        predicate += 1
      }
      if auxiliaries.contains(key: key, word: word) {
        partHasVerb = true
        facts[index].auxiliary = true
      }
      facts[index].conjunct = part
      facts[index].ownSubject = partHasSubject
      facts[index].verbClause = clauseNumber
      facts[index].predicate = predicate
      facts[index].opener = taxonomy.clauseOpenerBytes.contains(key: key, word: word)
      // Read only where a cue needs them: most sentences hold no negation or hedge.
      if hasNegation || hasHedge {
        facts[index].conjunction = taxonomy.conjunctionBytes.contains(key: key, word: word)
      }
      if hasNegation {
        facts[index].continuing = taxonomy.continuingNegationBytes.contains(key: key, word: word)
        facts[index].complementizer = taxonomy.complementizerBytes.contains(key: key, word: word)
        facts[index].factive = taxonomy.factiveBytes.contains(key: key, word: word)
        facts[index].continuingQualifier = taxonomy.continuingQualifierBytes.contains(
          key: key, word: word)
        facts[index].past = taxonomy.counterfactualPastBytes.contains(key: key, word: word)
        facts[index].negativeSubject = taxonomy.negativeSubjectBytes.contains(key: key, word: word)
        facts[index].preposition = taxonomy.prepositionBytes.contains(key: key, word: word)
        facts[index].negativeDeterminer = taxonomy.negativeDeterminerBytes.contains(
          key: key, word: word)
        facts[index].predicateConjunction = taxonomy.predicateConjunctionBytes.contains(
          key: key, word: word)
      }
      if hasNegation || hasNegative {
        facts[index].remedy = taxonomy.remedyVerbBytes.contains(key: key, word: word)
      }
      // (Read for any cue that judges as well: an indirect question asks what they say.)
      if hasHedge || hasQualifier || hasNegation || hasNegative {
        facts[index].questionOpener = taxonomy.questionOpenerBytes.contains(key: key, word: word)
      }
      if hasQualifier || hasNegation {
        facts[index].comparisonLink = taxonomy.comparisonLinkBytes.contains(key: key, word: word)
      }
      if hasNegation {
        facts[index].scopeEnd = taxonomy.negationScopeEndBytes.contains(key: key, word: word)
      }
      facts[index].commaAfter = tokens.commaAfter(index)
    }
    // A factive predicate opens the clause it takes as true with "that" or, "that" left out,
    // with a determiner whose clause has a verb within four words: "it is not fair the sector
    // has no seat" (not a time phrase: "members were not happy this year with the leadership").
    if hasNegation, count > 0 {
      for index in 0..<(count - 1) where facts[index].factive {
        facts[index].factive =
          facts[index + 1].complementizer
          || (taxonomy.context.grammar.determiners.contains(tokens.normalized(index + 1))
            && (index + 2..<min(count, index + 6)).contains { facts[$0].auxiliary })
      }
      facts[count - 1].factive = false
    }
    // A part of a whole that reached a mark judges by its size ("we met two of our five
    // targets"): a qualifier over its tokens, in place of one on its part or its mark.
    var proportions: [ProportionReading.Found] = []
    if let rules = taxonomy.proportions, !ofs.isEmpty {
      let found = cues
      proportions = ProportionReading.find(
        in: tokens, clause: clause, ofs: ofs,
        cues: {
          (
            found.filter { $0.kind.isNegation }.map(\.tokens),
            found.filter { $0.kind == .positive || $0.kind == .negative }.map {
              ($0.tokens, $0.kind == .positive)
            }
          )
        },
        rules: rules)
      Self.apply(proportions, to: &cues)
    }
    self.proportions = proportions
    // (After the facts, whose auxiliaries and clauses it reads.)
    let yielded = Self.yieldEarlierStates(
      taxonomy: taxonomy, tokens: tokens, clause: clause, terminator: terminator, facts: facts,
      cues: &cues)
    // A continuing qualifier says a state goes on, and the state judges: "trust is still high"
    // and "relations are still good" are positive. One right before a positive qualifier in its
    // clause gives way to it. (Only right before: "trust is still not high" keeps its negation,
    // and "the framework is still being developed" is unfinished.)
    let continuing = cues.indices.filter { index in
      cues[index].kind == .negative && cues[index].tokens.count == 1
        && tokens.isWord(cues[index].tokens.lowerBound, oneOf: taxonomy.continuingQualifierBytes)
    }
    if !continuing.isEmpty {
      let giveWay = Set(
        continuing.filter { index in
          let next = cues[index].tokens.upperBound
          return next < count && clause[next] == clause[next - 1]
            && cues.contains { $0.kind == .positive && $0.tokens.lowerBound == next }
        })
      if !giveWay.isEmpty {
        cues = cues.indices.filter { !giveWay.contains($0) }.map { cues[$0] }
      }
    }
    self.cues = cues
    // "Relations were polite but shallow": a qualifier standing alone right after a terminator
    // gives the last word on the clause before it.
    var afterthoughts: [Int: Polarity] = [:]
    for index in 0..<count where terminator[index] == 1 {
      guard
        let cue = cues.first(where: {
          ($0.kind == .positive || $0.kind == .negative) && $0.tokens.lowerBound == index + 1
        }),
        cue.tokens.upperBound == count || tokens.commaAfter(cue.tokens.upperBound - 1)
          || tokens.clauseBreak(cue.tokens.upperBound - 1)
      else { continue }
      if index > 0 {
        afterthoughts[clause[index - 1]] = cue.kind == .positive ? .positive : .negative
      }
    }
    // A verdict set off as a label of its own, by punctuation that ends a clause (brackets, a
    // dash, a colon, a semicolon), gives the last word on the stretch it labels: "Chamber of
    // Commerce representative (vacant)", "Vacant - faith groups seat", "Reward grant:
    // uncertain". The verdict is the whole stretch, so a heading that merely opens with a
    // qualifier ("Stronger communities: the plan") is not one; a terminator before it makes it
    // an afterthought instead (above).
    var labels: [Int: Polarity] = [:]
    for cue in cues where cue.kind == .positive || cue.kind == .negative {
      let own = clause[cue.tokens.lowerBound]
      guard clause[cue.tokens.upperBound - 1] == own,
        cue.tokens.lowerBound == 0 || clause[cue.tokens.lowerBound - 1] != own,
        cue.tokens.upperBound == count || clause[cue.tokens.upperBound] != own,
        cue.tokens.lowerBound == 0 || terminator[cue.tokens.lowerBound - 1] == 0
      else { continue }
      let labelled =
        cue.tokens.lowerBound > 0
        ? clause[cue.tokens.lowerBound - 1]
        : cue.tokens.upperBound < count ? clause[cue.tokens.upperBound] : nil
      if let labelled, labels[labelled] == nil {
        labels[labelled] = cue.kind == .positive ? .positive : .negative
      }
    }
    // A rating set off the same way judges by its colour (`context.ratings`): "Strategic
    // leadership (Green)", "jobs created - green". A qualifier after it and a comma has the last
    // word ("Mainstreaming (Amber, worsening)"), and a middle rating ("(Amber)") judges nothing.
    if !ratings.isEmpty {
      for index in ratings {
        let own = clause[index]
        guard index == 0 || (clause[index - 1] != own && terminator[index - 1] == 0),
          var verdict = taxonomy.context.ratings[tokens.normalized(index)]
        else { continue }
        var end = index + 1
        if end < count, clause[end] == own {
          guard tokens.commaAfter(index),
            let trend = cues.first(where: {
              ($0.kind == .positive || $0.kind == .negative) && $0.tokens.lowerBound == end
            }),
            trend.tokens.upperBound == count || clause[trend.tokens.upperBound] != own
          else { continue }
          verdict = trend.kind == .positive ? .positive : .negative
          end = trend.tokens.upperBound
        }
        // A rating closes the unit or opens it; one in the middle, or within three words of a
        // person's title, is a party ("the council leader (Green) said", "Cllr Jane Smith
        // (Green)").
        let personTitles = taxonomy.partnershipNames?.personTitles ?? []
        guard verdict != .neutral, index == 0 || end == count,
          !(max(0, index - 3)..<index).contains(where: {
            personTitles.contains(tokens.normalized($0))
          }),
          let labelled = index > 0 ? clause[index - 1] : end < count ? clause[end] : nil,
          labels[labelled] == nil
        else { continue }
        labels[labelled] = verdict
      }
    }
    for (own, polarity) in yielded where afterthoughts[own] == nil {
      afterthoughts[own] = polarity
    }
    self.afterthoughts = afterthoughts
    // The denials of a claim among the negations before ("wrong to say", "a myth that").
    var denials: Set<Int> = []
    var deniedDenials: Set<Int> = []
    var framingHedges: Set<Int> = []
    if !taxonomy.context.denials.isEmpty {
      for cue in self.cues where cue.kind == .negationBefore && cue.tokens.count > 1 {
        let words = cue.tokens.map { tokens.normalized($0) }
        // A denial denied affirms the claim: "it is not wrong to say that trust is low" says
        // trust is low, as the claim alone does.
        let start = cue.tokens.lowerBound
        guard taxonomy.context.denials.contains(words) else { continue }
        // (Auxiliaries may stand between: "nobody would deny that", "no one can deny that"; a
        // hedge among them frames the denial and supposes nothing of the claim.)
        var from = start
        while from > 0, facts[from - 1].auxiliary { from -= 1 }
        let negating = self.cues.filter {
          $0.kind.isNegation && $0.tokens.upperBound >= from && $0.tokens.upperBound <= start
        }
        if !negating.isEmpty {
          // Neither the denial nor its negation counts.
          deniedDenials.insert(start)
          for negation in negating { deniedDenials.insert(negation.tokens.lowerBound) }
          for hedge in self.cues
          where hedge.kind.isHedge
            && hedge.tokens.lowerBound >= from
            && hedge.tokens.upperBound <= start
          {
            framingHedges.insert(hedge.tokens.lowerBound)
          }
        } else {
          denials.insert(start)
        }
      }
    }
    self.denials = denials
    self.deniedDenials = deniedDenials
    self.framingHedges = framingHedges
    self.labels = labels
    // A qualifier inside a phrase that opens with a preposition, right before a word of its
    // clause that is no function word: only prepositions and determiners, one determiner at
    // least, stand between the phrase's start and it.
    var laterNounQualifiers: [Int: Int] = [:]
    for cue in self.cues where cue.kind == .positive || cue.kind == .negative {
      let next = cue.tokens.upperBound
      guard cue.tokens.lowerBound > 0, next < count, terminator[next - 1] == 0,
        tokens.connected(next - 1), tokens.isAlphabetic(next),
        !tokens.isWord(next, oneOf: taxonomy.prepositionBytes),
        !tokens.isWord(next, oneOf: taxonomy.auxiliaryBytes),
        !tokens.isWord(next, oneOf: taxonomy.conjunctionBytes),
        !tokens.isWord(next, oneOf: taxonomy.clauseOpenerBytes)
      else { continue }
      var start = cue.tokens.lowerBound
      var determined = false
      while start > 0, tokens.connected(start - 1) {
        if tokens.isWord(start - 1, oneOf: taxonomy.determinerBytes) {
          determined = true
        } else if !tokens.isWord(start - 1, oneOf: taxonomy.prepositionBytes) {
          break
        }
        start -= 1
      }
      // (A determiner makes it a noun phrase: in "to close the gap", "to" opens a verb.)
      if determined, tokens.isWord(start, oneOf: taxonomy.prepositionBytes) {
        laterNounQualifiers[cue.tokens.lowerBound] = start
      }
    }
    self.laterNounQualifiers = laterNounQualifiers
    for index in 0..<count where terminator[index] == 2 {
      facts[index].commaAfter = false
      if index > 0 { facts[index - 1].commaAfter = false }
    }
    self.facts = facts
  }

  /// Polarity and hedging of a mention whose code carries no value judgement (`partnership.*`,
  /// `policy.*`). Such a mention is neutral unless the sentence plainly judges it: a qualifier
  /// follows it in its clause within `predicateWindow` tokens ("the Rothwick LSP struggled",
  /// "the partnership was a talking shop"), or a circle follows it within `window` tokens ("the
  /// KMGP broke into the virtuous circle", "the BHP is caught in a vicious circle"), with no
  /// other mention between them. A negation between the mention and its qualifier turns the
  /// reading over; a circle's own reading already carries its negation. An aim before the
  /// judgement, or a hedge on the clause, leaves the mention neutral.
  ///
  /// - Parameters:
  ///   - tokens: the mention's tokens.
  ///   - sentence: the sentence's tokens.
  ///   - verdicts: the sentence's mentions whose phrase carries its own polarity (the circles,
  ///     "mistrust"), with their readings.
  ///   - others: the sentence's other mentions, which block a judgement behind them.
  /// - Returns: the mention's polarity, and whether it is hedged.
  func plainReading(
    of tokens: Range<Int>, in sentence: SentenceTokens,
    verdicts: [(tokens: Range<Int>, polarity: Polarity)], others: [Range<Int>]
  ) -> (polarity: Polarity, isHedged: Bool) {
    let found = plainReadingAndBasis(of: tokens, in: sentence, verdicts: verdicts, others: others)
    return (found.polarity, found.isHedged)
  }

  /// `plainReading`, and what its polarity rests on (`predicate` when something judges the
  /// mention).
  func plainReadingAndBasis(
    of tokens: Range<Int>, in sentence: SentenceTokens,
    verdicts: [(tokens: Range<Int>, polarity: Polarity)], others: [Range<Int>]
  ) -> (polarity: Polarity, isHedged: Bool, basis: Basis) {
    let neutral = readingAndBasis(of: tokens, phrasePolarity: nil, judged: false)
    // Only a subject is judged by what follows it: not a mention inside a prepositional phrase
    // ("accountability in Ashcombe Together is diffuse") or one that modifies a noun after it.
    var before = tokens.lowerBound - 1
    while before >= 0, taxonomy.context.grammar.determiners.contains(sentence.normalized(before)) {
      before -= 1
    }
    if before >= 0, taxonomy.context.grammar.prepositions.contains(sentence.normalized(before)) {
      return neutral
    }
    let mentionClause = clause[tokens.lowerBound]
    let end = tokens.upperBound
    // The judgement must follow in the same stretch of the clause: no comma, no new clause
    // ("shows that ..."), no other mention between; and a qualifier must not be the attribute
    // of a mention right after it ("the LLSP has improved working relationships").
    // What belongs to the partnership is judged with it: in "the Eastbury Partnership had its
    // reward grant withheld", the grant stands between and does not block the judgement.
    func isOwned(_ other: Range<Int>) -> Bool {
      other.lowerBound > 0
        && taxonomy.context.grammar.possessives.contains(sentence.normalized(other.lowerBound - 1))
    }
    func reachable(_ span: Range<Int>, within limit: Int, isQualifier: Bool) -> Bool {
      let start = span.lowerBound
      guard start >= end else { return false }
      let owned = others.filter { $0.lowerBound >= end && $0.upperBound <= start && isOwned($0) }
      let distance = start - end - owned.reduce(0) { $0 + $1.count + 1 }
      return distance < limit && clause[start] == mentionClause
        && !(end - 1..<start).contains {
          facts[$0].commaAfter
            || (facts[$0].opener && $0 >= end)
        }
        && !others.contains { other in
          (other.lowerBound >= end && other.lowerBound < start && !owned.contains(other))
            || (isQualifier && other.lowerBound == span.upperBound)
        }
    }
    var judgement: (start: Int, polarity: Polarity, fromCircle: Bool)?
    if let verdict = verdicts.first(where: {
      reachable($0.tokens, within: windows.window, isQualifier: false)
    }) {
      judgement = (verdict.tokens.lowerBound, verdict.polarity, true)
    }
    for cue in cues where cue.kind == .positive || cue.kind == .negative {
      let start = cue.tokens.lowerBound
      guard reachable(cue.tokens, within: windows.predicate, isQualifier: true),
        start < judgement?.start ?? Int.max
      else { continue }
      judgement = (start, cue.kind == .positive ? .positive : .negative, false)
      break
    }
    guard let (start, found, fromCircle) = judgement, found != .neutral else { return neutral }
    var polarity = found
    for cue in cues where clause[cue.tokens.lowerBound] == mentionClause {
      switch cue.kind {
      case .neutral where cue.tokens.lowerBound < start:
        return (neutral.polarity, neutral.isHedged, .aim)
      case .importance:
        return (neutral.polarity, neutral.isHedged, .aim)
      case .negationBefore, .negationCounterfactual, .negationAround, .negationAfter:
        if !fromCircle, cue.tokens.lowerBound >= end, cue.tokens.upperBound <= start {
          polarity = polarity == .negative ? .positive : .negative
        }
      default:
        continue
      }
    }
    // A hedged judgement ("the SLSP will not be able to ... unless") is not a plain one.
    if neutral.isHedged { return neutral }
    return (polarity, neutral.isHedged, .predicate)
  }

  /// Whether a forward-reaching negation cue covers a mention: same clause, within `window`
  /// tokens, and no comma or condition between ("no pooled funding, poor relations" negates the
  /// funding only).
  /// A negation of a noun that names a proposition ("no evidence that ...") reaches past the
  /// window to the clause's end.
  private func reachesForward(_ cue: Cue, to tokens: Range<Int>, clause mentionClause: Int) -> Bool
  {
    let end = cue.tokens.upperBound
    return
      (clause[cue.tokens.lowerBound] == mentionClause
      || clause[end - 1] == mentionClause)
      && end <= tokens.lowerBound
      && (tokens.lowerBound - end < windows.window
        || (end + 1 < tokens.lowerBound && facts[end + 1].complementizer
          && !facts[end].commaAfter)
        || opensAsNegativeSubject(cue))
      && (!((end - 1)..<tokens.lowerBound).contains { facts[$0].commaAfter }
        || inClosedList(from: end, to: tokens))
      // A time or cause phrase after the negation's object is not denied with it: in "without
      // a permanent chair after the change of political control", the change is not denied.
      && !(end..<tokens.lowerBound).contains { facts[$0].scopeEnd }
      // A condition opens a clause of its own: in "loss of trust if budgets are set", the loss
      // is the trust's.
      && !cues.contains {
        $0.kind == .hedgingSentence && $0.tokens.lowerBound >= end
          && $0.tokens.upperBound <= tokens.lowerBound
      }
  }

  /// Whether `cue` is a negative subject that opens its clause (`grammar.negative_subjects`):
  /// it denies the clause's whole predicate, however far it reaches ("none of the four
  /// case-study partnerships had yet broken out of the vicious circle").
  private func opensAsNegativeSubject(_ cue: Cue) -> Bool {
    let at = cue.tokens.lowerBound
    return facts[at].negativeSubject && (at == 0 || clause[at - 1] != clause[at])
  }

  /// Whether the commas between a negation ending at `start` and a mention are those of a
  /// closed list of short items that the mention belongs to: "a lack of leadership, trust and
  /// resources" and "a lack of leadership, trust, resources, and staff" deny every item.
  /// - Each item is at most four words, and "and" or "or" closes the list before its last one,
  ///   which ends with the mention, or at the clause's end, a comma, an auxiliary, a
  ///   preposition or a clause opener ("... and performance management in the borough").
  /// - The first item is the negation's own object and may carry a qualifier ("no clear
  ///   priorities, leadership or trust"). A later item with a negation or a negative
  ///   qualifier of its own stands by itself ("no pooled funding, poor relations and weak
  ///   leadership"), and so does the list if a later item's positive qualifier follows its
  ///   noun ("with trust and resources strong"); one before its noun is under the negation
  ///   ("lacks leadership, good resources and high trust").
  /// - A later item that opens with a preposition is no item ("a lack of leadership, with
  ///   trust ..."), nor is a list that is the subject of a judgement of its own ("no budget,
  ///   trust and leadership were strong").
  /// ("No pooled budget, partners rarely attend" is no list.)
  private func inClosedList(from start: Int, to mention: Range<Int>) -> Bool {
    let limit = 4
    let own = clause[mention.lowerBound]
    guard clause[start] == own else { return false }
    var items: [Range<Int>] = []
    var itemStart = start
    var closing: Int?
    var index = start
    while index < facts.count, clause[index] == own {
      if facts[index].conjunction {
        closing = index
        break
      }
      guard index - itemStart < limit else { return false }
      if facts[index].commaAfter {
        items.append(itemStart..<index + 1)
        itemStart = index + 1
      }
      index += 1
    }
    guard let closing else { return false }
    if closing > itemStart { items.append(itemStart..<closing) }
    // The last item: up to four words after the conjunction, to the mention if it is in it, a
    // comma, the clause's or the sentence's end, an auxiliary, a clause opener or a preposition
    // ("... and resources meant that little was delivered").
    let mentionLast = mention.lowerBound > closing
    var end = closing + 1
    while end < facts.count, clause[end] == own, !facts[end].auxiliary, !facts[end].opener,
      end == closing + 1 || !facts[end].preposition, end - closing - 1 < limit
    {
      end += 1
      if facts[end - 1].commaAfter || (mentionLast && end >= mention.upperBound) { break }
    }
    guard end > closing + 1,
      end == facts.count || clause[end] != own || facts[end - 1].commaAfter
        || facts[end].auxiliary || facts[end].opener || facts[end].preposition
        || (mentionLast && end >= mention.upperBound)
    else { return false }
    items.append(closing + 1..<end)
    guard items.count >= 3,
      items.dropFirst().contains(where: { $0.contains(mention.lowerBound) }),
      !items.dropFirst().contains(where: {
        facts[$0.lowerBound].preposition
          || (facts[$0.lowerBound].conjunction && $0.count > 1
            && facts[$0.lowerBound + 1].preposition)
      })
    else { return false }
    let later = items[1].lowerBound..<end
    for cue in cues where later.contains(cue.tokens.lowerBound) {
      switch cue.kind {
      case .presence: continue
      case .positive:
        // Before its noun, under the negation; after it, a judgement of its own.
        guard let item = items.first(where: { $0.contains(cue.tokens.lowerBound) }),
          cue.tokens.upperBound < item.upperBound,
          !facts[cue.tokens.upperBound - 1].commaAfter
        else { return false }
      default: return false
      }
    }
    // A list that is the subject of an auxiliary with a judgement of its own.
    if end < facts.count, facts[end].auxiliary {
      var next = end
      while next < facts.count, clause[next] == own {
        if cues.contains(where: {
          $0.tokens.lowerBound == next && $0.kind != .presence && $0.kind != .neutral
        }) {
          return false
        }
        if facts[next].commaAfter { break }
        next += 1
      }
    }
    return true
  }

  /// Whether `cue` is a negative qualifier in a modal's perfect, what would have happened
  /// ("would have collapsed", "could have folded"): with a counterfactual "without" over a
  /// mention it makes a double negation, asserting what kept it from happening ("the scheme
  /// would have collapsed without strong leadership" is positive for the leadership).
  private func isPerfectOutcome(_ cue: Cue) -> Bool {
    let at = cue.tokens.lowerBound
    guard cue.kind == .negative, at >= 2, facts[at - 1].past else { return false }
    // Up to two adverbs may stand between the modal and "have": "would almost certainly have".
    return (max(0, at - 4)...(at - 2)).reversed().first { facts[$0].auxiliary }.map {
      !facts[$0].past
    } ?? false
  }

  /// A negation and a counterfactual cue after it in the same clause and predicate ("nothing
  /// ... without", "could not ... without"), the mention standing after the negation: the two
  /// make a double negation over it. "None of this would have been possible without the
  /// working relationships" asserts the relationships, however far "none" stands from them;
  /// "we could not have delivered these outcomes without them" asserts the outcomes, between
  /// the two cues. The negation must reach the mention when the mention stands before the
  /// counterfactual cue, and not stand right before it ("no funding without conditions").
  /// A negative qualifier in a modal's perfect counts as the negation (`isPerfectOutcome`).
  private func counterfactualPair(over tokens: Range<Int>, clause mentionClause: Int) -> Set<Int>? {
    guard
      let counterfactual = cues.indices.first(where: {
        cues[$0].kind == .negationCounterfactual
          && clause[cues[$0].tokens.lowerBound] == mentionClause
          && (cues[$0].tokens.lowerBound >= tokens.upperBound
            || reachesForward(cues[$0], to: tokens, clause: mentionClause))
      })
    else { return nil }
    let at = cues[counterfactual].tokens.lowerBound
    let mentionFirst = at >= tokens.upperBound
    guard facts[tokens.lowerBound].predicate == facts[at].predicate,
      let negation = cues.indices.last(where: {
        let cue = cues[$0]
        guard cue.kind == .negationBefore || cue.kind == .negationAround || isPerfectOutcome(cue),
          cue.tokens.upperBound <= min(at, tokens.lowerBound),
          clause[cue.tokens.lowerBound] == mentionClause,
          facts[cue.tokens.lowerBound].predicate == facts[at].predicate,
          // One run of words: no comma between the two ("neither ever materialised, and
          // several witnesses described a culture ... without"), and no condition ("loss of
          // trust if cuts are made without talking").
          !(cue.tokens.lowerBound..<at).contains(where: { facts[$0].commaAfter }),
          !cues.contains(where: {
            $0.kind == .hedgingSentence && $0.tokens.lowerBound > cue.tokens.lowerBound
              && $0.tokens.lowerBound < at
          })
        else { return false }
        guard mentionFirst else { return true }
        // "No funding without conditions" grants funding on a condition: a denial right before
        // the mention, followed by "without", makes no counterfactual (but one before a verb's
        // auxiliary does: "could not have achieved this without").
        if cue.tokens.upperBound == tokens.lowerBound, !facts[tokens.lowerBound].auxiliary {
          return false
        }
        return cue.kind == .negationAround
          ? tokens.lowerBound - cue.tokens.upperBound < windows.window
          : reachesForward(cue, to: tokens, clause: mentionClause)
      })
    else { return nil }
    return [negation, counterfactual]
  }

  /// Whether a hedge word stands in an indirect question: after a question opener ("whether")
  /// in its clause, within the window, with no comma or list conjunction between.
  private func asksInIndirectQuestion(_ cue: Cue) -> Bool {
    let at = cue.tokens.lowerBound
    return (max(0, at - windows.window)..<at).contains { index in
      facts[index].questionOpener && clause[index] == clause[at]
        && !(index..<at).contains { facts[$0].commaAfter || ($0 > index && facts[$0].conjunction) }
    }
  }

  /// Whether a cue after a mention stands in a relative clause that describes another noun: in
  /// "an effective partnership would move its funding from projects that do not work", "do not"
  /// is about the projects. A clause opener right after the mention ("trust, which is not
  /// strong") describes the mention itself.
  private func inRelativeClauseOfAnotherNoun(_ cue: Cue, after mention: Range<Int>) -> Bool {
    guard cue.tokens.lowerBound > mention.upperBound + 1 else { return false }
    return (mention.upperBound + 1..<cue.tokens.lowerBound).contains {
      facts[$0].opener
    }
  }

  /// What a reading rests on: the polarity model (`PolarityFeatures`) weighs a reading by it.
  enum Basis: String, CaseIterable {
    /// The phrase carries its own polarity ("mistrust", the circles).
    case phrase
    /// A negation cue reaches the mention.
    case negation
    /// A qualifier in the mention's clause ("strong", "weak").
    case qualifier
    /// A lone qualifier after a terminator ("polite but shallow").
    case afterthought
    /// A verdict set off as a label of its own ("representative (vacant)"): the rules' reading
    /// stands, and the model is not applied.
    case label
    /// A success factor said to be there ("there is trust").
    case presence
    /// What follows an unjudged mention judges it ("the Rothwick LSP struggled").
    case predicate
    /// A list item took its lead-in's judgement.
    case framing
    /// An aim, a recommendation or a claim of importance keeps the mention neutral.
    case aim
    /// A supposition keeps a hoped-for good neutral ("stronger leadership would help").
    case hypothetical
    /// A negation and "without" outside a past counterfactual state a need ("partners cannot
    /// work together without trust"): neutral, the rules' reading stands, and the model is not
    /// applied (its weights for the two negation cues would read a lack).
    case need
    /// Nothing judges the mention.
    case none
    /// A denial turned the claim over ("it is wrong to say that trust is low"), or a denial
    /// denied affirmed it ("no one denies that funding has grown"): the rules' reading stands,
    /// and the model is not applied (its weights read the claim's words, or the negations'
    /// words, not the denial).
    case denial

    /// The basis's place in `allCases`.
    var position: Int {
      // swift-format-ignore: NeverForceUnwrap
      Self.allCases.firstIndex(of: self)!
    }
  }

  /// Polarity and hedging of a mention over `tokens`.
  func reading(
    of tokens: Range<Int>, phrasePolarity: Polarity?, judged: Bool, presenceIsPositive: Bool = false
  )
    -> (polarity: Polarity, isHedged: Bool)
  {
    let found = readingAndBasis(
      of: tokens, phrasePolarity: phrasePolarity, judged: judged,
      presenceIsPositive: presenceIsPositive)
    return (found.polarity, found.isHedged)
  }

  /// Polarity and hedging of a mention over `tokens`, and what the polarity rests on.
  func readingAndBasis(
    of tokens: Range<Int>, phrasePolarity: Polarity?, judged: Bool, presenceIsPositive: Bool = false
  )
    -> (polarity: Polarity, isHedged: Bool, basis: Basis)
  {
    let mentionClause = clause[tokens.lowerBound]
    var negations = 0
    var hedged = false
    // Hedged by a supposition ("would", "if") rather than by evidence ("appears to").
    var hypothetical = false
    var present = false
    var aim = false
    var qualifier: (distance: Int, polarity: Polarity, turned: Bool)?
    // A qualifier right before the mention ("not strong leadership"), which a negation governs.
    var leadingQualifier: Polarity?
    // A counterfactual cue over the mention and a negation after it in the clause make a double
    // negation, counted as two whatever their usual scopes: "without the good working
    // relationships nothing would have worked" asserts the relationships.
    var doubled: Set<Int> = []
    if let counterfactual = cues.indices.first(where: {
      cues[$0].kind == .negationCounterfactual
        && reachesForward(cues[$0], to: tokens, clause: mentionClause)
    }),
      let later = cues.indices.first(where: {
        ([.negationBefore, .negationCounterfactual, .negationAround, .negationAfter].contains(
          cues[$0].kind) || isPerfectOutcome(cues[$0]))
          && cues[$0].tokens.lowerBound >= tokens.upperBound
          && clause[cues[$0].tokens.lowerBound] == mentionClause
      })
    {
      doubled = [counterfactual, later]
      negations = 2
    } else if let pair = counterfactualPair(over: tokens, clause: mentionClause) {
      doubled = pair
      negations = 2
    }
    // A counterfactual asserts only as a modal's perfect, a word of `counterfactual_past`
    // ("have") standing between its two cues or within three words of them ("nothing would
    // have worked without trust", "without trust nothing would have worked", "would have been
    // impossible without trust"); otherwise it states a need ("partners cannot work together
    // without trust", "none of this will be possible without funding"), which judges nothing.
    // (Not a "have" elsewhere in the sentence: "the chair has said the partnership cannot
    // function without trust" states a need.)
    var need = false
    if !doubled.isEmpty, !taxonomy.context.grammar.counterfactualPast.isEmpty {
      // (By the cues' places, not their order in `cues`.)
      let spans = doubled.map { cues[$0].tokens }
      let from = max(0, (spans.map(\.lowerBound).min() ?? 0) - 3)
      let to = min(facts.count, (spans.map(\.upperBound).max() ?? 0) + 3)
      need = !(from..<to).contains { clause[$0] == mentionClause && facts[$0].past }
    }
    // A negation inside a condition ("if they cannot attend", "if groups are not at the table")
    // describes a supposed case, not the thing as it is. A fronted condition ends at its comma:
    // in "unless the council agrees, the SLSP will not be able to monitor", "not" is real.
    let conditions = cues.filter { $0.kind == .hedgingSentence }.map(\.tokens.lowerBound)
    func isConditional(_ cue: Cue) -> Bool {
      conditions.contains {
        $0 < cue.tokens.lowerBound && clause[$0] == clause[cue.tokens.lowerBound]
          && !(($0)..<cue.tokens.lowerBound).contains { facts[$0].commaAfter }
      }
    }
    // A negation right before a negative qualifier after the mention negates the qualifier,
    // not the mention: "the executive group has not missed a meeting", "partners trust each
    // other ... without difficulty". The qualifier turns over below.
    func turnsOver(_ negation: Cue, _ qualifier: Cue) -> Bool {
      [.negationBefore, .negationCounterfactual, .negationAround].contains(negation.kind)
        && negation.tokens.lowerBound >= tokens.upperBound
        && (qualifier.tokens.lowerBound - 1...qualifier.tokens.lowerBound).contains(
          negation.tokens.upperBound)
    }
    // Where the negations counted so far stand: "nor" goes on with an earlier one in its
    // clause and is not counted again ("neither committed nor engaged", "not consulted, nor
    // engaged").
    var counted: [Int] = []
    // Denials of the claim the mention stands in ("it is wrong to say that").
    var denied = 0
    // Negative qualifiers a negation before the mention denies (their first token).
    var deniedQualifiers: Set<Int> = []
    // Whether a denial denied stands over the mention ("no one denies that"): the claim is
    // affirmed as it reads.
    var affirmed = false
    // Where the run of auxiliaries right before a token starts.
    func auxiliariesBefore(_ index: Int) -> Int {
      var start = index
      while start > 0, facts[start - 1].auxiliary { start -= 1 }
      return start
    }
    // A negation of a factive predicate is that predicate's own ("it is not fair that the sector
    // has no seat", "no surprise that trust is low"): what follows "that" stands as it reads.
    func heldByFactive(_ cue: Cue) -> Bool {
      let end = cue.tokens.upperBound
      guard end < tokens.lowerBound else { return false }
      return (end..<min(end + 2, tokens.lowerBound - 1)).contains { facts[$0].factive }
    }
    func countNegation(_ cue: Cue) {
      let start = cue.tokens.lowerBound
      if heldByFactive(cue) { return }
      if facts[start].continuing,
        counted.contains(where: { $0 < start && clause[$0] == clause[start] })
      {
        return
      }
      counted.append(start)
      if deniedDenials.contains(start) {
        affirmed = true
        return
      }
      // A denial of the claim turns over the claim's own reading, below.
      if denials.contains(start) {
        denied += 1
      } else {
        negations += 1
      }
    }
    // In "no strategy and no leadership", each "no" denies its own noun: a negation before the
    // mention does not reach past another, joined to it by "and" or "or", to the mention.
    func coordinatedAway(_ cue: Cue) -> Bool {
      cues.contains { other in
        (other.kind == .negationBefore || other.kind == .negationCounterfactual)
          && other.tokens.lowerBound >= cue.tokens.upperBound
          && other.tokens.upperBound <= tokens.lowerBound
          && (cue.tokens.upperBound..<other.tokens.lowerBound).contains {
            facts[$0].conjunction
          }
      }
    }
    // A negation that is a determiner denies its own noun phrase: a later item after "and"
    // (`predicate_conjunctions`) with a qualifier of its own right before the mention stands by
    // itself ("there is little trust and strong leadership" is positive for the leadership,
    // "no trust and weak leadership" negative, not a double negation). Not after "or", where
    // the negation denies each ("no leadership or clear accountability"); not when the
    // determiner's noun takes the list after a preposition ("no evidence of trust and strong
    // leadership", "little sign of ..."); and a verb's negation reaches on ("lacks leadership,
    // good resources and high trust"), as does a determiner's over a clause, with a verb or a
    // "that" between ("no evidence that the board has a plan or has strong leadership").
    // A later item with a negative qualifier of its own stands by itself after a verb's
    // negation too: "lacks trust and suffers from weak leadership" is no double negation.
    func ownQualifierAway(_ cue: Cue) -> Bool {
      guard tokens.lowerBound > cue.tokens.upperBound else { return false }
      let determiner = cue.tokens.count == 1 && facts[cue.tokens.lowerBound].negativeDeterminer
      return cues.contains { other in
        guard other.kind == .negative || (determiner && other.kind == .positive),
          other.tokens.upperBound == tokens.lowerBound,
          other.tokens.lowerBound > cue.tokens.upperBound,
          let and = (cue.tokens.upperBound..<other.tokens.lowerBound).last(where: {
            facts[$0].conjunction
          }),
          facts[and].predicateConjunction, clause[and] == mentionClause
        else { return false }
        return !(cue.tokens.upperBound..<and).contains {
          facts[$0].auxiliary || facts[$0].complementizer || facts[$0].opener
            || facts[$0].preposition
        }
      }
    }
    // The first verb a negation before the mention may deny, between the two in the mention's
    // clause: a negative qualifier not right before the mention, or a verb of remedy.
    func deniedVerb(after cue: Cue, before mention: Range<Int>, clause mentionClause: Int)
      -> (at: Int, isQualifier: Bool)?
    {
      let qualifier = cues.first(where: {
        $0.kind == .negative && $0.tokens.lowerBound >= cue.tokens.upperBound
          && mention.lowerBound - $0.tokens.upperBound > 1
          && facts[$0.tokens.lowerBound].verbClause == facts[mention.lowerBound].verbClause
          && clause[$0.tokens.lowerBound] == mentionClause
      })?.tokens.lowerBound
      let remedy = (cue.tokens.upperBound..<mention.lowerBound).first {
        facts[$0].remedy && clause[$0] == mentionClause
          && facts[$0].verbClause == facts[mention.lowerBound].verbClause
      }
      switch (qualifier, remedy) {
      case (let qualifier?, let remedy?):
        return qualifier < remedy ? (qualifier, true) : (remedy, false)
      case (let qualifier?, nil): return (qualifier, true)
      case (nil, let remedy?): return (remedy, false)
      case (nil, nil): return nil
      }
    }
    for (index, cue) in cues.enumerated() where !doubled.contains(index) {
      if !phraseSpans.isEmpty, Self.belongsElsewhere(cue, mention: tokens, phrases: phraseSpans) {
        continue
      }
      if !framingHedges.isEmpty, !cue.kind.isNegation,
        framingHedges.contains(cue.tokens.lowerBound)
      {
        continue
      }
      if cue.kind.isNegation,
        cues.contains(where: {
          $0.kind == .negative && clause[$0.tokens.lowerBound] == mentionClause
            && turnsOver(cue, $0)
        })
      {
        continue
      }
      let sameClause =
        clause[cue.tokens.lowerBound] == mentionClause
        || clause[cue.tokens.upperBound - 1] == mentionClause
      if cue.kind.isNegation, isConditional(cue) { continue }
      // A negation stays in its own predicate: in "it is not a council and has no legal
      // powers", "not" denies the council, and "no" alone the powers.
      if cue.kind.isNegation,
        facts[cue.tokens.lowerBound].predicate != facts[tokens.lowerBound].predicate
      {
        continue
      }
      // Nor into a conjunct with a subject and a verb of its own: in "the board did not meet and
      // the partnership has secured funding", "not" says nothing of the funding; and a negation
      // after the mention does not reach back from one ("there was no leadership and partners
      // were not engaged": "were not" is the partners').
      if cue.kind.isNegation, cue.tokens.upperBound <= tokens.lowerBound,
        facts[cue.tokens.lowerBound].conjunct != facts[tokens.lowerBound].conjunct
      {
        continue
      }
      if cue.kind.isNegation, cue.tokens.lowerBound >= tokens.upperBound,
        facts[cue.tokens.lowerBound].verbClause != facts[tokens.lowerBound].verbClause
          || (facts[cue.tokens.lowerBound].conjunct != facts[tokens.lowerBound].conjunct
            && facts[cue.tokens.lowerBound].ownSubject)
      {
        // (Nor from one after a comma and a coordinator with a subject of its own: "trust is
        // high, and the board did not meet"; but "promised joined-up services, and delivered
        // neither" denies the services.)
        continue
      }
      // A negation before the mention that first meets a negative qualifier, not right before
      // the mention, denies that qualifier, however far the mention stands: "none of the
      // partners questioned the strong leadership", "partners have not criticised the chair's
      // leadership" assert the leadership (a double negation). The qualifier turns over below.
      // One that first meets a verb of remedy (`remedy_verbs`) denies the remedy, and what
      // needed it stands: "the chair has not resolved the lack of trust", "the board failed to
      // address weaknesses in performance management" are negative.
      if cue.kind == .negationBefore || cue.kind == .negationCounterfactual
        || cue.kind == .negationAround,
        cue.tokens.upperBound <= tokens.lowerBound,
        let denied = deniedVerb(after: cue, before: tokens, clause: mentionClause),
        // "Without" denies a remedy after it ("went ahead without tackling the lack of trust")
        // and a judgement in its own noun phrase ("without a single acrimonious meeting"), not
        // one further on in the clause it modifies ("scrapping it without any consultation
        // sends a terrible message about accountability").
        cue.kind != .negationCounterfactual || !denied.isQualifier
          || denied.at - cue.tokens.upperBound <= 2,
        // A qualifier of an earlier item of a list is that item's: the negation goes on to the
        // mention's own item as over any list ("did not experience weak relationships or poor
        // leadership" denies both).
        !denied.isQualifier
          || !(denied.at..<tokens.lowerBound).contains(where: { facts[$0].conjunction }),
        !cues.contains(where: {
          ($0.kind == .positive || $0.kind.isNegation)
            && $0.tokens.lowerBound >= cue.tokens.upperBound
            && $0.tokens.upperBound <= denied.at
        }),
        // The verb is the negated subject's own: no other verb stands between, only the
        // auxiliaries right before it ("none of the partners has questioned"). In "a strategy
        // that so few residents have had a hand in will struggle", "few" has a verb of its own.
        !(cue.tokens.upperBound..<max(cue.tokens.upperBound, auxiliariesBefore(denied.at)))
          .contains(where: {
            facts[$0].auxiliary
          }),
        // An auxiliary's "not" denies the verb right after it, an adverb at most between
        // ("have not openly criticised"; not "did not want the partnership to add to the
        // burden"); a subject's "none" or "no" the verb after its noun phrase.
        cue.kind == .negationAround
          ? denied.at - cue.tokens.upperBound <= 1
          : denied.at - cue.tokens.upperBound <= 4
            && reachesForward(cue, to: denied.at..<denied.at + 1, clause: mentionClause)
      {
        if denied.isQualifier { deniedQualifiers.insert(denied.at) }
        continue
      }
      // A negation after the mention that denies a remedy within two words after it leaves the
      // problem standing: "weak leadership has not been addressed", "the lack of trust was
      // never resolved", "has not yet been tackled".
      if cue.kind.isNegation, cue.tokens.lowerBound >= tokens.upperBound,
        (cue.tokens.upperBound..<min(facts.count, cue.tokens.upperBound + 3)).contains(where: {
          facts[$0].remedy && clause[$0] == clause[cue.tokens.lowerBound]
        })
      {
        continue
      }
      switch cue.kind {
      case .negationBefore, .negationCounterfactual:
        // (Nor does a negation of the comparison reach its standard: "far less attention than
        // performance management".)
        if reachesForward(cue, to: tokens, clause: mentionClause), !coordinatedAway(cue),
          !ownQualifierAway(cue),
          !(cue.tokens.upperBound..<max(cue.tokens.upperBound, tokens.lowerBound)).contains(
            where: { facts[$0].comparisonLink })
        {
          countNegation(cue)
        }
      case .negationAfter:
        if sameClause, cue.tokens.lowerBound >= tokens.upperBound,
          cue.tokens.lowerBound - tokens.upperBound < windows.window,
          !inRelativeClauseOfAnotherNoun(cue, after: tokens)
        {
          countNegation(cue)
        }
      case .negationAround:
        let distance =
          cue.tokens.upperBound <= tokens.lowerBound
          ? tokens.lowerBound - cue.tokens.upperBound
          : cue.tokens.lowerBound >= tokens.upperBound
            ? cue.tokens.lowerBound - tokens.upperBound : 0
        // ("The board did not meet and the partnership lacks funding": "lacks" alone denies
        // the funding, as in "no strategy and no leadership".)
        if sameClause, distance < windows.window,
          !inRelativeClauseOfAnotherNoun(cue, after: tokens),
          cue.tokens.upperBound > tokens.lowerBound || !coordinatedAway(cue)
        {
          countNegation(cue)
        }
      case .hedgingClause:
        // In an indirect question ("asked whether partners would attend") a hedge word asks.
        // A hedge inside a clause that a clause opener starts after the mention supposes what
        // that clause says, not the mention before it: in "some voluntary groups fear that
        // residents may not be consulted", the groups are no supposition.
        if sameClause, !asksInIndirectQuestion(cue),
          !subjectConjuncts.contains(where: {
            ($0 > cue.tokens.lowerBound) != ($0 > tokens.lowerBound)
          }),
          !(tokens.upperBound <= cue.tokens.lowerBound
            && (tokens.upperBound..<cue.tokens.lowerBound).contains { facts[$0].opener })
        {
          hedged = true
          hypothetical = true
        }
      case .hedgingEvidential:
        if sameClause { hedged = true }
      case .hedgingSentence:
        hedged = true
        hypothetical = true
      case .positive, .negative:
        guard sameClause,
          facts[cue.tokens.lowerBound].verbClause == facts[tokens.lowerBound].verbClause
        else {
          continue
        }
        let distance =
          cue.tokens.upperBound <= tokens.lowerBound
          ? tokens.lowerBound - cue.tokens.upperBound
          : cue.tokens.lowerBound >= tokens.upperBound
            ? cue.tokens.lowerBound - tokens.upperBound : 0
        guard distance <= windows.qualifier else { continue }
        // A qualifier inside a phrase after the mention that opens with a preposition, before
        // that phrase's own noun, is the noun's: "withdrawal of funding for the healthy living
        // centres" does not praise the funding.
        if laterNounQualifiers[cue.tokens.lowerBound] == tokens.upperBound { continue }
        // A comparison's qualifier judges what is compared, not the standard after "than":
        // "far less attention than performance management", "stronger than the governance".
        if cue.tokens.upperBound <= tokens.lowerBound,
          (cue.tokens.upperBound..<tokens.lowerBound).contains(where: { facts[$0].comparisonLink })
        {
          continue
        }
        // A qualifier before a denial is not the claim's: in "we still doubt that trust is
        // high", the claim is "trust is high".
        if cue.tokens.upperBound <= tokens.lowerBound,
          denials.contains(where: { $0 >= cue.tokens.upperBound && $0 < tokens.lowerBound })
        {
          continue
        }
        // A problem after a verb of remedy that follows the mention is what the remedy is
        // for, not a judgement of the mention: "partners pooled budgets to address poor
        // health", "NRF money was used to tackle weak skills".
        if cue.kind == .negative, cue.tokens.lowerBound >= tokens.upperBound,
          (tokens.upperBound..<cue.tokens.lowerBound).contains(where: {
            facts[$0].remedy && clause[$0] == mentionClause
          })
        {
          continue
        }
        var judgement: Polarity = cue.kind == .positive ? .positive : .negative
        // A negative qualifier negated after the mention turns over: "partners trust each other
        // ... without difficulty", "relations with no real tension". (A negated positive one,
        // "without those good relationships", is most often the start of a counterfactual.)
        if cue.kind == .negative, cue.tokens.lowerBound >= tokens.upperBound,
          cues.contains(where: { turnsOver($0, cue) })
        {
          judgement = judgement == .positive ? .negative : .positive
        }
        if deniedQualifiers.contains(cue.tokens.lowerBound) { judgement = .positive }
        // (Not one that says a state goes on with a negation between: in "partners still
        // lack trust" the negation is the trust's; "rarely lack trust" is a double negation.)
        if cue.tokens.upperBound <= tokens.lowerBound, distance <= 1,
          !(facts[cue.tokens.lowerBound].continuingQualifier
            && cues.contains(where: {
              $0.kind.isNegation && $0.tokens.lowerBound >= cue.tokens.upperBound
                && $0.tokens.upperBound <= tokens.lowerBound
            }))
        {
          leadingQualifier = judgement
        }
        if qualifier == nil || distance < qualifier?.distance ?? Int.max {
          qualifier = (
            distance, judgement, judgement != (cue.kind == .positive ? .positive : .negative)
          )
        }

      case .presence:
        if sameClause, facts[cue.tokens.lowerBound].conjunct == facts[tokens.lowerBound].conjunct {
          present = true
        }
      case .neutral:
        // An aim or recommendation concerns what follows it ("we recommend stronger scrutiny").
        if sameClause, cue.tokens.upperBound <= tokens.lowerBound { aim = true }
      case .importance:
        // A claim of importance reaches both ways in its clause: "leadership matters", "success
        // depends on trust".
        if sameClause { aim = true }
      case .terminator, .negationPseudo, .hedgingPseudo:
        continue
      }
    }
    // A remedy done just before the mention (four words at most between) undoes the problem it
    // meets: "the board has resolved the lack of trust", "has tackled poor attendance" (a double
    // negation). Not one a negation denied ("has not resolved", above), nor one with no problem
    // after it ("has addressed leadership"), nor one further off ("set up to tackle deprivation
    // ... has missed its targets").
    if phrasePolarity == nil,
      let remedy = (max(0, tokens.lowerBound - 5)..<tokens.lowerBound).last(where: {
        facts[$0].remedy && clause[$0] == mentionClause
          && facts[$0].verbClause == facts[tokens.lowerBound].verbClause
      }),
      !cues.contains(where: {
        $0.kind.isNegation && $0.tokens.upperBound <= remedy && remedy - $0.tokens.upperBound <= 4
          && clause[$0.tokens.lowerBound] == mentionClause
      }),
      leadingQualifier == .negative
        || (negations > 0
          && cues.contains(where: {
            $0.kind.isNegation && $0.tokens.lowerBound > remedy
              && $0.tokens.upperBound <= tokens.lowerBound
          }))
    {
      negations += 1
    }
    guard judged else { return (.neutral, hedged, .none) }
    if need, phrasePolarity == nil { return (.neutral, hedged, .need) }
    // A judgement inside an indirect question is asked, not made: "whether partners have
    // changed how mainstream money is spent", "questioned whether support runs deeper" (a
    // question opener before the mention in its clause, within the window, no comma between).
    // A phrase's own polarity stands ("whether it breaks into the virtuous circle"), and so
    // does a denial's reading: "we doubt whether trust is high" denies the claim.
    if phrasePolarity == nil,
      let opener = (max(0, tokens.lowerBound - windows.window)..<tokens.lowerBound).first(where: {
        index in
        facts[index].questionOpener && clause[index] == mentionClause
          && !(index..<tokens.lowerBound).contains { facts[$0].commaAfter }
      }),
      !denials.contains(where: { $0 < opener && clause[$0] == mentionClause })
    {
      return (.neutral, hedged, .aim)
    }
    if aim, phrasePolarity == nil { return (.neutral, hedged, .aim) }
    var polarity: Polarity
    var basis = Basis.none
    if let phrasePolarity {
      polarity = phrasePolarity
      basis = .phrase
    } else if negations > 0 {
      // Negation works on the thing itself and its adjacent qualifier ("not strong leadership",
      // "little trust"), not on a judgement further off in the clause.
      polarity = leadingQualifier ?? .neutral
      basis = .negation
    } else if hypothetical, qualifier?.polarity == .positive {
      // "Stronger leadership would help": a hoped-for good is not a finding; "appears to have
      // improved" is a hedged one.
      polarity = .neutral
      basis = .hypothetical
    } else if let qualifier {
      polarity = qualifier.polarity
      // A qualifier a negation turned over ("has not missed a meeting") rests on the negation.
      basis = qualifier.turned ? .negation : .qualifier
    } else if let afterthought = afterthoughts[mentionClause] {
      polarity = afterthought
      basis = .afterthought
    } else if let label = labels[mentionClause] {
      polarity = label
      basis = .label
    } else if present, presenceIsPositive {
      polarity = .positive
      basis = .presence
    } else {
      polarity = .neutral
    }
    // Each negation turns the reading over: neutral or positive becomes negative, negative
    // becomes positive, so "it is not true that the board lacks leadership" is positive. A
    // denial turns over the claim's reading as the rules above made it, qualifier and all: "it
    // is wrong to say that trust is low" is positive.
    for _ in 0..<(negations + denied) {
      polarity = polarity == .negative ? .positive : .negative
      if basis == .phrase { basis = .negation }
    }
    if denied > 0 || affirmed { basis = .denial }
    return (polarity, hedged, basis)
  }
}
