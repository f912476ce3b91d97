/// Tags a document: taxonomy phrases, partnership names, then polarity, hedging and the
/// partnership each mention is about.
///
/// Per sentence, the phrase matcher finds code phrases (longest first; exclusions such as
/// "NHS trust" win their span and carry no code), the name recogniser finds named partnerships
/// (which beat any phrase they overlap), and the ConText-style pass (`ContextAnalyzer`) decides
/// polarity and hedging from the taxonomy's cue lists. Attribution then fills `partnership`
/// by the codebook's rule: a name in the same sentence, else the nearest before it in the
/// section, else the partnership named in the title, else nil.
public struct TaxonomyTagger: Tagger {
  /// The taxonomy whose phrases are matched.
  public let taxonomy: Taxonomy
  /// Sentences with more word tokens than this are not tagged (`limits.max_sentence_tokens`):
  /// a "sentence" that long is a flattened table or list, not prose the codebook can judge.
  public var maxSentenceTokens: Int
  /// Sentences longer than this many UTF-8 bytes are not tagged either
  /// (`limits.max_sentence_bytes`): every record repeats its sentence, so a megabyte
  /// "sentence" with a thousand matches would make a gigabyte of evidence.
  public var maxSentenceBytes: Int
  /// The analyst's other names of partnerships (the pipeline's `partnerships: aliases`).
  public var aliases = PartnershipAliases()
  /// The clock the deadline is read on: the continuous clock, or a test's own, so that a
  /// deadline passing in the middle of a document can be tested without a slow document.
  var now: @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }

  /// Creates a tagger for a loaded taxonomy.
  public init(
    taxonomy: Taxonomy, maxSentenceTokens: Int = ProcessingLimits().maxSentenceTokens,
    maxSentenceBytes: Int = ProcessingLimits().maxSentenceBytes
  ) {
    self.taxonomy = taxonomy
    self.maxSentenceTokens = maxSentenceTokens
    self.maxSentenceBytes = maxSentenceBytes
  }

  /// Creates a tagger with the sentence limits of a pipeline's limits.
  public init(taxonomy: Taxonomy, limits: ProcessingLimits) {
    self.init(
      taxonomy: taxonomy, maxSentenceTokens: limits.maxSentenceTokens,
      maxSentenceBytes: limits.maxSentenceBytes)
  }

  /// Whether a sentence is over the token or byte limit, and so left untagged.
  func isOverLimits(_ sentence: Sentence) -> Bool {
    sentence.tokenIndices.count > maxSentenceTokens || sentence.utf8Range.count > maxSentenceBytes
  }

  /// Every mention in a document, with no time limit (over-long sentences are still skipped).
  public func mentions(in segmented: SegmentedText) -> [Mention] {
    (try? tag(segmented, deadline: .now.advanced(by: .seconds(1_000_000_000))))?.mentions ?? []
  }

  public func tag(_ segmented: SegmentedText, deadline: ContinuousClock.Instant)
    throws(TaggingError) -> TaggedText
  {
    try tag(segmented, subject: nil, deadline: deadline)
  }

  public func tag(
    _ segmented: SegmentedText, subject: String?, deadline: ContinuousClock.Instant
  ) throws(TaggingError) -> TaggedText {
    guard let (tagged, _) = run(segmented, subject: subject, deadline: deadline, recording: false)
    else {
      throw .outOfTime
    }
    return tagged
  }

  /// Tags a document and keeps what the tagger made of each sentence on the way, for
  /// `explanation(of:blocks:)`.
  func analysis(of segmented: SegmentedText, subject: String? = nil) -> DocumentAnalysis {
    // Without a deadline the run always finishes, and recording always yields an analysis.
    // swift-format-ignore: NeverForceUnwrap
    run(
      segmented, subject: subject, deadline: .now.advanced(by: .seconds(1_000_000_000)),
      recording: true)!.analysis!
  }

  /// Tags a document; nil past the deadline. With `recording`, also returns the analysis.
  private func run(
    _ segmented: SegmentedText, subject given: String?, deadline: ContinuousClock.Instant,
    recording: Bool
  ) -> (TaggedText, analysis: DocumentAnalysis?)? {
    var text = segmented.text
    let now = self.now
    return text.withUTF8 { bytes -> (TaggedText, analysis: DocumentAnalysis?)? in
      var scratch: [UInt8] = []
      scratch.reserveCapacity(64)
      var skipped: [(sentence: Int, tokenCount: Int, byteCount: Int)] = []
      for (index, sentence) in segmented.sentences.enumerated() where isOverLimits(sentence) {
        skipped.append((index, sentence.tokenIndices.count, sentence.utf8Range.count))
      }
      let sentences = DocumentTokens.sentences(
        of: segmented, in: bytes, taxonomy: taxonomy, skipping: Set(skipped.map(\.sentence)),
        scratch: &scratch)
      guard now() < deadline else { return nil }
      let names = PartnershipNameRecognizer(
        taxonomy: taxonomy, segmented: segmented, sentences: sentences, bytes: bytes,
        aliases: aliases)
      // The pipeline's mapping of the source to a partnership stands in for the title's.
      let subject = given.map { aliases.name(for: $0) ?? $0 } ?? names.subject
      let framings = ListFraming.framings(
        of: segmented, sentences: sentences, bytes: bytes, taxonomy: taxonomy)
      var mentions: [Mention] = []
      var analyses: [Int: SentenceAnalysis] = [:]
      // Read once: reaching them through `segmented` inside the loop copied the whole
      // segmented text (and retained all it holds) at every sentence.
      let blocks = segmented.extracted.blocks
      let units = segmented.sentences
      // The clock is read before every 16th sentence tagged (counted, not indexed: the empty
      // sentences skipped here must not be the ones that would have read it); a reading costs
      // about what tagging a short sentence does.
      var sentencesTagged = 0
      for (index, tokens) in sentences.enumerated() where tokens.count > 0 {
        if sentencesTagged % 16 == 0, now() >= deadline { return nil }
        sentencesTagged += 1
        // Most sentences of a web page code nothing (`codesNothing`), so the tests below are
        // only read for `explain`.
        if !recording, Self.codesNothing(tokens, named: names.mentions(inSentence: index)) {
          continue
        }
        // A document's title is a citation: coded like any unit, but neutral and unhedged. A
        // news story's title is its headline, which reports like any sentence.
        let isHeadline =
          blocks[units[index].block].kind == .title
          && Self.isHeadline(
            bytes, units[index].utf8Range, labels: taxonomy.context.grammar.newsLabels,
            lastWords: taxonomy.newsLabelLastWords)
        // An entry of a reference list cites a work, as a title names one: neutral too. Its
        // first unit, and short ones after it with no finite auxiliary ("London: ODPM.", a
        // subtitle); a note after the entry in the same block ("It found weak leadership in
        // most of them.") is prose.
        let isCitation =
          segmented.citationBlocks.contains(units[index].block)
          && (index == 0 || units[index - 1].block != units[index].block
            || (tokens.count <= 6
              && !(0..<tokens.count).contains(where: {
                tokens.isWord($0, oneOf: taxonomy.auxiliaryBytes)
              })))
        let isTitle = (blocks[units[index].block].kind == .title && !isHeadline) || isCitation
        // A question asks about a thing rather than judging it ("has the partnership made a
        // difference?"): neutral, as the codebook says.
        let isQuestion =
          Self.endsWithQuestionMark(bytes, units[index].utf8Range)
          || Self.opensAsResolution(
            tokens, grammar: taxonomy.context.grammar, auxiliaries: taxonomy.auxiliaryBytes)
        var analysis: SentenceAnalysis? =
          recording
          ? SentenceAnalysis(
            framing: framings[index], isHeadline: isHeadline, isCitation: isCitation) : nil
        // A page's tags or categories list its topics, and a link to the post before or after
        // names another page: they are no finding.
        if Self.isMetadataLine(tokens, grammar: taxonomy.context.grammar, bytes: bytes)
          || Self.linksAnotherPost(bytes, units[index].utf8Range)
          || Self.isCopyrightFooter(bytes, units[index].utf8Range)
        {
          analysis?.isMetadata = true
          if let analysis { analyses[index] = analysis }
          continue
        }
        mentions += tagged(
          sentence: index, tokens: tokens, names: names, isTitle: isTitle, isQuestion: isQuestion,
          framing: framings[index],
          analysis: &analysis)
        if let analysis { analyses[index] = analysis }
      }
      Attribution.assign(to: &mentions, segmented: segmented, names: names, subject: subject)
      let tagged = TaggedText(mentions: mentions, skippedSentences: skipped)
      guard recording else { return (tagged, nil) }
      let words = sentences.map { tokens in
        (0..<tokens.count).map {
          String(decoding: UnsafeBufferPointer(rebasing: bytes[tokens.range($0)]), as: UTF8.self)
        }
      }
      let normalized = sentences.map { tokens in (0..<tokens.count).map { tokens.normalized($0) } }
      return (
        tagged,
        DocumentAnalysis(
          subject: subject, words: words, normalized: normalized, sentences: analyses,
          mentions: mentions,
          skipped: Set(skipped.map(\.sentence)))
      )
    }
  }

  /// Whether a capitalised cue is part of a job title: a role word follows it ("Community
  /// Engagement Officer") or a role opener with "of" or "for" comes before it ("Head of
  /// Performance"), or it is a role opener followed by "of" or "for" and a capitalised word
  /// ("Cabinet Member for Regeneration").
  static func isJobTitle(
    _ span: Range<Int>, in tokens: SentenceTokens, grammar: ContextRules.Grammar
  ) -> Bool {
    func capital(_ index: Int) -> Bool { tokens.isCapitalized(index) || tokens.isAllCaps(index) }
    // A heading in capitals throughout says nothing about roles.
    guard span.allSatisfy(capital), !(0..<tokens.count).allSatisfy(tokens.isAllCaps) else {
      return false
    }
    let after = span.upperBound
    // The role word may come a few capitalised words on, joined by "and" or not: "Performance
    // and Partnerships Officer", "Employer Engagement Manager". (Not after an abbreviation,
    // which names a body whose post it is: "JCP District Manager", "LSP Support Team".)
    let reach = span.allSatisfy(tokens.isAllCaps) ? after + 1 : after + 4
    var next = after
    while next < tokens.count, next < reach, tokens.connected(next - 1) {
      if tokens.isCapitalized(next), !tokens.isAllCaps(next) {
        if grammar.roleWords.contains(tokens.normalized(next)) { return true }
      } else if tokens.normalized(next) != "and" {
        break
      }
      next += 1
    }
    // A role opener that is itself a cue, with its link and a capitalised word: "Cabinet
    // Member for Regeneration", "Member of Parliament".
    if span.count == 1, grammar.roleOpeners.contains(tokens.normalized(span.lowerBound)),
      after + 1 < tokens.count, tokens.connected(after - 1), tokens.connected(after),
      grammar.roleLinks.contains(tokens.normalized(after)), tokens.isCapitalized(after + 1),
      !tokens.isAllCaps(after + 1)
    {
      return true
    }
    let before = span.lowerBound
    return before >= 2 && grammar.roleLinks.contains(tokens.normalized(before - 1))
      && tokens.connected(before - 1) && tokens.connected(before - 2)
      && tokens.isCapitalized(before - 2)
      && grammar.roleOpeners.contains(tokens.normalized(before - 2))
  }

  /// Phrases whose head is shared by a coordinated list: in "the public, private and voluntary
  /// sectors", the matched "voluntary sectors" lends its head to "public" and "private", which
  /// count when "public sector" and "private sector" are phrases. A matched phrase that is
  /// itself a pair ("voluntary and community sectors") ends such a list after a comma: "the
  /// public, private, voluntary and community sectors".
  private func coordinated(_ matches: [PhraseMatcher.Match], tokens: SentenceTokens)
    -> [PhraseMatcher.Match]
  {
    var found: [PhraseMatcher.Match] = []
    let matcher = taxonomy.matcher
    for match in matches where match.tokens.count >= 2 {
      let head = tokens.phraseID(match.tokens.upperBound - 1)
      var index = match.tokens.lowerBound - 1
      guard index >= 0 else { continue }
      if match.tokens.count == 2 {
        guard index >= 1, tokens.isWord(index, oneOf: taxonomy.conjunctionBytes) else { continue }
        index -= 1
      } else {
        // A pair, "A and B head", after a comma.
        guard match.tokens.count == 4, tokens.commaAfter(index),
          tokens.isWord(match.tokens.lowerBound + 1, oneOf: taxonomy.conjunctionBytes)
        else { continue }
      }
      while index >= 0, !tokens.clauseBreak(index),
        let entry = matcher.entry(forIDs: [tokens.phraseID(index), head]),
        !matcher.entries[entry].isExclusion
      {
        found.append(PhraseMatcher.Match(tokens: index..<(index + 1), entry: entry))
        guard index >= 1, tokens.commaAfter(index - 1) else { break }
        index -= 1
      }
    }
    return found.filter { candidate in !matches.contains { $0.tokens.overlaps(candidate.tokens) } }
  }

  /// Whether a one-token phrase written with a capital (not in capitals) stands right after a
  /// person's title, or after a title, a first name and initials: a surname.
  static func isSurname(_ span: Range<Int>, in tokens: SentenceTokens, titles: Set<String>) -> Bool
  {
    guard span.count == 1, span.lowerBound >= 1, tokens.isCapitalized(span.lowerBound),
      !tokens.isAllCaps(span.lowerBound)
    else { return false }
    // (A title's full stop may stand between, no colon or comma: "Mr. Pell: LSPs are ..." is
    // a speaker and his words.)
    func follows(_ title: Int) -> Bool {
      titles.contains(tokens.normalized(title)) && !tokens.clauseBreak(title)
        && !tokens.commaAfter(title)
    }
    // A first name and initials may stand between ("Cllr Alison J Grant", "Mrs P. Grant"), but
    // no second name: in "Cllr Derek Ansty Leader, ..." the post follows the name.
    var index = span.lowerBound - 1
    var names = 0
    while index >= 0 {
      if follows(index) { return true }
      let isInitial = tokens.range(index).count == 1
      if !isInitial { names += 1 }
      guard names <= 1, tokens.isCapitalized(index), isInitial || !tokens.isAllCaps(index),
        !tokens.clauseBreak(index), !tokens.commaAfter(index)
      else { return false }
      index -= 1
    }
    return false
  }

  /// Whether a sentence surely codes nothing: no word of any code phrase and no name, as most
  /// sentences of a web page. `run` skips such a sentence before its unit tests, and `tagged`
  /// returns nothing for it; one test serves both.
  private static func codesNothing(
    _ tokens: SentenceTokens, named: [PartnershipNameRecognizer.Span]
  ) -> Bool {
    !tokens.hasPhraseTokens && named.isEmpty
  }

  private func tagged(
    sentence: Int, tokens: SentenceTokens, names: PartnershipNameRecognizer, isTitle: Bool,
    isQuestion: Bool, framing: ListFraming?,
    analysis: inout SentenceAnalysis?
  ) -> [Mention] {
    let named = names.mentions(inSentence: sentence)
    analysis?.names = named
    if analysis != nil { analysis?.rejectedNames = names.rejections(inSentence: sentence) }
    if Self.codesNothing(tokens, named: named) { return [] }
    var mentions: [Mention] = []
    var found: [(tokens: Range<Int>, entry: PhraseMatcher.Entry)] = []
    let matches = tokens.matches(of: taxonomy.matcher, at: .phrases, constrained: true)
    if matches.isEmpty, named.isEmpty { return [] }
    for match in matches + coordinated(matches, tokens: tokens) {
      let entry = taxonomy.matcher.entries[match.entry]
      if entry.isExclusion { analysis?.exclusions.append((match.tokens, entry)) }
      guard !entry.isExclusion, !named.contains(where: { $0.tokens.overlaps(match.tokens) }) else {
        if entry.isExclusion { analysis?.matchedEntries.append(match.entry) }
        continue
      }
      analysis?.matchedEntries.append(match.entry)
      found.append((match.tokens, entry))
    }
    // A job title is a post, not a finding: "Head of Community Engagement", "LSP
    // Administrator".
    // (The grammar is read in place: a copy of it would retain each of its word lists, for
    // every sentence.)
    if !taxonomy.context.grammar.roleWords.isEmpty || !taxonomy.context.grammar.roleOpeners.isEmpty
    {
      found.removeAll { item in
        guard Self.isJobTitle(item.tokens, in: tokens, grammar: taxonomy.context.grammar) else {
          return false
        }
        analysis?.jobTitles.append(item.tokens)
        return true
      }
    }
    // A one-word cue written with a capital after a person's title, a first name and initials
    // between or not, is a surname: "Mr Grant", "Cllr Alison Grant" (not the grant).
    if !found.isEmpty, !taxonomy.personTitles.isEmpty {
      found.removeAll { item in
        guard Self.isSurname(item.tokens, in: tokens, titles: taxonomy.personTitles) else {
          return false
        }
        analysis?.surnames.append(item.tokens)
        return true
      }
    }
    // Another body's post is not the council's ("business leaders"), and partners' own money
    // said with the partnership's aims is mainstreaming ("partners' budgets ... the strategy").
    Ownership.read(&found, taxonomy: taxonomy, tokens: tokens) {
      analysis?.otherHolders.append($0)
    }
    // Most sentences of a web page code nothing: they need no cue pass.
    if found.isEmpty, named.isEmpty { return [] }
    var context = ContextAnalyzer(taxonomy: taxonomy, tokens: tokens)
    analysis?.context = context
    // A phrase with blockers codes only when none stands in its clause (a campaign's
    // "targets" are its audience), and one that needs a companion only beside one ("the PCT
    // covers three districts" is boundary alignment, "the report covers all 31 indicators" is
    // not), or beside one of its companion words ("residents gave their views"). Both are read
    // before participation, so that a dropped phrase takes no part in it.
    if found.contains(where: { $0.entry.constraints != nil }) {
      // Companions are mentions that need nothing in their clause and nothing can block here
      // (a phrase that only gives way to another code, `yields_to`, still counts), and the names.
      var present: [(tokens: Range<Int>, code: Code)] = found.compactMap {
        guard let constraints = $0.entry.constraints else { return ($0.tokens, $0.entry.code) }
        return !constraints.needsCompanion && constraints.blockers.isEmpty
          ? ($0.tokens, $0.entry.code) : nil
      }
      if let code = taxonomy.partnershipNames?.code {
        present += named.map { ($0.tokens, code) }
      }
      found.removeAll { item in
        guard let constraints = item.entry.constraints else { return false }
        let clause = context.clause[item.tokens.lowerBound]
        if !constraints.blockers.isEmpty,
          let blocker = context.clause.indices.first(where: {
            context.clause[$0] == clause && !item.tokens.contains($0)
              && constraints.blockers.contains(tokens.normalized($0))
          })
        {
          analysis?.blocked.append((item.tokens, item.entry, blocker))
          return true
        }
        guard constraints.needsCompanion else { return false }
        let companions = constraints.companions
        let words = constraints.companionWords
        let accompanied =
          present.contains {
            companions.contains($0.code) && context.clause[$0.tokens.lowerBound] == clause
          }
          || (!words.isEmpty
            && context.clause.indices.contains {
              context.clause[$0] == clause && !item.tokens.contains($0)
                && words.contains(tokens.normalized($0))
            })
        if !accompanied { analysis?.unaccompanied.append((item.tokens, item.entry)) }
        return !accompanied
      }
    }
    if let rules = taxonomy.participation {
      found = ParticipationReading.resolve(
        found, rules: rules, tokens: tokens, clause: context.clause,
        lists: taxonomy.participantLists)
    }
    // A phrase that gives way to another code near it in its clause (`yields_to`; within the
    // context window): "funded from mainstream budgets" is mainstreaming, not also resources,
    // while "NRF funded the wardens until 2006, when the council mainstreamed them" keeps both.
    if found.contains(where: { $0.entry.constraints?.yieldsTo.isEmpty == false }) {
      let window = taxonomy.context.window
      let present = found.map {
        (code: $0.entry.code, tokens: $0.tokens, clause: context.clause[$0.tokens.lowerBound])
      }
      found.removeAll { item in
        // Money recoded as partners' own (`partner_money`) already has the stronger code.
        guard let stronger = item.entry.constraints?.yieldsTo, !stronger.isEmpty,
          !stronger.contains(item.entry.code)
        else { return false }
        let clause = context.clause[item.tokens.lowerBound]
        guard
          let winner = present.first(where: {
            stronger.contains($0.code) && $0.clause == clause
              && max(
                $0.tokens.lowerBound - item.tokens.upperBound,
                item.tokens.lowerBound - $0.tokens.upperBound) < window
          })
        else { return false }
        analysis?.yielded.append((item.tokens, item.entry, winner.code))
        return true
      }
    }
    // A negation inside a phrase ("no powers") is the phrase's own.
    if context.cues.contains(where: { $0.kind.isNegation }) {
      context.setPhrases(found.map(\.tokens))
      analysis?.context = context
    }
    // Judged mentions first: a verdict phrase ("broke into the virtuous circle") may judge an
    // unjudged mention before it ("the KMGP").
    var verdicts: [(tokens: Range<Int>, polarity: Polarity)] = []
    var readings: [(polarity: Polarity, isHedged: Bool, basis: ContextAnalyzer.Basis)?] = Array(
      repeating: nil, count: found.count)
    for (index, match) in found.enumerated() where taxonomy.flags(match.entry.code).isJudged {
      var reading = context.readingAndBasis(
        of: match.tokens, phrasePolarity: match.entry.polarity, judged: true,
        presenceIsPositive: taxonomy.flags(match.entry.code).presenceIsPositive)
      if let framing {
        let framed = framing.applied(
          to: (reading.polarity, reading.isHedged), phrasePolarity: match.entry.polarity)
        if framed.polarity != reading.polarity {
          reading = (
            framed.polarity, framed.isHedged, framed.polarity == .neutral ? .aim : .framing
          )
        }
      }
      readings[index] = reading
      if match.entry.polarity != nil, taxonomy.flags(match.entry.code).isVerdict {
        verdicts.append((match.tokens, reading.polarity))
      }
    }
    let spans = found.map(\.tokens) + named.map(\.tokens)
    func unjudged(_ span: Range<Int>, _ code: Code) -> (
      polarity: Polarity, isHedged: Bool, basis: ContextAnalyzer.Basis
    ) {
      guard taxonomy.flags(code).isJudgedByPredicate else {
        return context.readingAndBasis(of: span, phrasePolarity: nil, judged: false)
      }
      return context.plainReadingAndBasis(
        of: span, in: tokens, verdicts: verdicts, others: spans.filter { $0 != span })
    }
    // The tokens of each mention and what its reading rests on, for the polarity model, and
    // the rules' readings where `explain` needs them beside the model's.
    var mentionSpans: [Range<Int>] = []
    var bases: [ContextAnalyzer.Basis] = []
    var rules: [Polarity] = []
    for (index, match) in found.enumerated() {
      let reading = readings[index] ?? unjudged(match.tokens, match.entry.code)
      mentionSpans.append(match.tokens)
      bases.append(reading.basis)
      mentions.append(
        Mention(
          code: match.entry.code, sentence: sentence,
          utf8Range: tokens.range(match.tokens.lowerBound)
            .lowerBound..<tokens.range(match.tokens.upperBound - 1).upperBound,
          polarity: reading.polarity, isHedged: reading.isHedged, partnership: nil))
    }
    if let code = taxonomy.partnershipNames?.code {
      for name in named {
        let reading =
          taxonomy.flags(code).isJudged
          ? context.readingAndBasis(of: name.tokens, phrasePolarity: nil, judged: true)
          : unjudged(name.tokens, code)
        mentionSpans.append(name.tokens)
        bases.append(reading.basis)
        mentions.append(
          Mention(
            code: code, sentence: sentence,
            utf8Range: tokens.range(name.tokens.lowerBound)
              .lowerBound..<tokens.range(name.tokens.upperBound - 1).upperBound,
            polarity: reading.polarity, isHedged: reading.isHedged,
            partnership: name.name))
      }
    }
    // The learned second reading weighs the words around each mention with the rules' reading
    // (`PolarityModel`); a title's or question's mentions stay neutral whatever it says.
    if let model = taxonomy.compiledPolarityModel, !mentions.isEmpty {
      if analysis != nil { rules = mentions.map(\.polarity) }
      model.apply(
        to: &mentions, spans: mentionSpans, bases: bases, tokens: tokens, clause: context.clause,
        cues: context.cues, phrases: context.phraseSpans)
    }
    if analysis != nil, !mentions.isEmpty {
      let words = PolarityFeatures.words(of: tokens)
      for index in mentions.indices {
        let rule = rules.isEmpty ? mentions[index].polarity : rules[index]
        analysis?.polarityInputs.append(
          PolarityInput(
            utf8Range: mentions[index].utf8Range, code: mentions[index].code,
            features: PolarityFeatures.of(
              mentionSpans[index], code: mentions[index].code, rule: rule, basis: bases[index],
              isHedged: mentions[index].isHedged, words: words, clause: context.clause,
              cues: context.cues, phrases: context.phraseSpans),
            rule: rule, learned: rules.isEmpty ? nil : mentions[index].polarity,
            isFixed: isTitle || isQuestion || PolarityModel.fixedBases.contains(bases[index])))
      }
    }
    if isTitle {
      for index in mentions.indices {
        mentions[index].polarity = .neutral
        mentions[index].isHedged = false
      }
    } else if isQuestion {
      // A question asks and supposes nothing: only a condition ("if", "unless") hedges it.
      let isConditional = context.cues.contains { $0.kind == .hedgingSentence }
      for index in mentions.indices {
        mentions[index].polarity = .neutral
        mentions[index].isHedged = mentions[index].isHedged && isConditional
      }
    }
    return mentions.sorted { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }
  }
}
