/// Finds the partnerships a document names, and where it names them.
///
/// Three ways of naming are recognised, as the codebook asks:
/// - capitalised words before a head from the taxonomy's `partnership_names.heads`:
///   "Oakridge Local Strategic Partnership", "Pendleby Partnership Board", "Kelbrook LSP";
/// - an abbreviation defined in brackets after such a name and used later: "(OLSP)";
/// - a brand name given an appositive or a copula: "Marlow Fen First, the district's LSP",
///   "Ashby Together is the local strategic partnership for the district".
/// A name made of theme words ("Community Safety Partnership", "Kelbrook Health Partnership")
/// is a thematic body, not a named partnership. A partnership's value is its full name as first
/// given; later forms with the same place words ("Kelbrook LSP" after "Kelbrook Local
/// Strategic Partnership") resolve to it.
struct PartnershipNameRecognizer {
  /// A named mention: token positions in its sentence and the partnership's full name.
  struct Span {
    var tokens: Range<Int>
    var name: String
    /// Another body of the LSP family (`partnership_names.family_heads`): a named partnership
    /// that is not the one the evidence around it is about.
    var isFamily = false
  }

  /// A capitalised candidate that was not taken as a name, and why, for `lspminer explain`.
  struct Rejection {
    var tokens: Range<Int>
    var reason: String
  }

  private var spans: [[Span]] = []
  /// The last words of family heads that no partnership head ends with ("network", "trust"):
  /// a body so named is not a partnership (`isPartnership`).
  private var otherBodyWords: Set<String> = []
  private var rejections: [[Rejection]] = []
  /// The partnership named in the document's title (or the headings of its title block), if
  /// any.
  private(set) var subject: String?

  /// Recognises names over a whole document (definitions may come before or after use).
  init(
    taxonomy: Taxonomy, segmented: SegmentedText, sentences: [SentenceTokens],
    bytes: UnsafeBufferPointer<UInt8>, aliases: PartnershipAliases = PartnershipAliases()
  ) {
    spans = Array(repeating: [], count: sentences.count)
    rejections = Array(repeating: [], count: sentences.count)
    otherBodyWords = taxonomy.familyOtherBodyWords
    guard let nameRules = taxonomy.partnershipNames, let matcher = taxonomy.nameMatcher else {
      return
    }
    // The rules behind one reference: the closures below that read them would otherwise each
    // copy the whole struct, retaining every one of its word lists.
    let rules = Reference(nameRules)
    func raw(_ tokens: SentenceTokens, _ range: Range<Int>) -> String {
      String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[
            tokens.range(range.lowerBound)
              .lowerBound..<tokens.range(range.upperBound - 1).upperBound]), as: UTF8.self)
    }
    func word(_ tokens: SentenceTokens, _ index: Int) -> String { tokens.word(index) }
    // A stop word as the list writes it, or in capitals ("The", "THE").
    func isStopWord(_ tokens: SentenceTokens, _ index: Int) -> Bool {
      let written = word(tokens, index)
      if rules.value.stopWords.contains(written) { return true }
      guard tokens.isAllCaps(index) else { return false }
      return rules.value.stopWords.contains(written.prefix(1) + written.dropFirst().lowercased())
    }
    // The text between tokens `index` and `index + 1`, trimmed of spaces.
    func gap(_ tokens: SentenceTokens, _ index: Int) -> Substring {
      let text = String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[tokens.range(index).upperBound..<tokens.range(index + 1).lowerBound]),
        as: UTF8.self)
      return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")[...]
    }
    // Whether tokens `index` and `index + 1` are joined by a hyphen and nothing else.
    func isHyphenJoined(_ tokens: SentenceTokens, _ index: Int) -> Bool {
      guard index >= 0, index + 1 < tokens.count else { return false }
      let from = tokens.range(index).upperBound
      let to = tokens.range(index + 1).lowerBound
      return to == from + 1 && bytes[from] == UInt8(ascii: "-")
    }
    // The first token of a hyphenated place that ends at token `last` ("Stowe" of
    // "Stowe-on-the-Fenn"): capitalised words and place particles joined by hyphens, opening
    // with a capital; nil when the chain is anything else ("co-operation", "well-run").
    func hyphenChainStart(_ tokens: SentenceTokens, endingAt last: Int) -> Int? {
      let next = last + 1
      guard
        tokens.isCapitalized(next) || rules.value.placeParticles.contains(tokens.normalized(next))
      else { return nil }
      // An abbreviation joined to a name in ordinary case is two things ("LAA-Hadley LSP",
      // "Hadley LSP-Marle LSP"); a place in capitals is capitals throughout ("STOWE-ON-FENN").
      let inCapitals = tokens.isAllCaps(next)
      var first = last
      while true {
        let capital = tokens.isCapitalized(first)
        guard capital || rules.value.placeParticles.contains(tokens.normalized(first)),
          !capital || tokens.isAllCaps(first) == inCapitals
        else {
          return nil
        }
        if first > 0, isHyphenJoined(tokens, first - 1) {
          first -= 1
          continue
        }
        return capital ? first : nil
      }
    }
    // The text after token `index` of sentence `sentence`: the gap before the next token, or
    // the rest of the sentence after its last token.
    func closing(_ tokens: SentenceTokens, after index: Int, in sentence: Int) -> Substring {
      if index + 1 < tokens.count { return gap(tokens, index) }
      let end = segmented.sentences[sentence].utf8Range.upperBound
      let from = tokens.range(index).upperBound
      guard from < end else { return "" }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
        .drop { $0 == " " }
    }
    var rejected: [[Rejection]] = Array(repeating: [], count: sentences.count)
    func keyOf(_ placeWords: String) -> String {
      Self.key(placeWords, areaWords: rules.value.areaWords)
    }

    // Pass 1: names before heads, their abbreviations, and brand names.
    var registry: [String: String] = [:]  // key of the place words → full name as first given
    var registryOrder: [String] = []
    var abbreviations: [String: String] = [:]  // abbreviation → key of the place words
    var brands: [String] = []
    // Keys of brands a naming cue gives ("now known as One Brenthorne"): a new name, which
    // stands for the partnership even where the old one comes first in the sentence.
    var renamed: Set<String> = []
    // Brands the text gives as another name of a name just before them, in brackets or after
    // an other-name cue: "the Wethercombe & District Local Strategic Partnership (Wethercombe
    // Forward)". The brand's key, and the name's.
    var otherNames: [(brand: String, name: String)] = []
    // Keys of the family bodies' names (`family_heads`), kept apart from the partnerships' own
    // place-word keys: "barrowmere | community safety partnership".
    var familyKeys: Set<String> = []
    var headSpans: [[(span: Range<Int>, key: String, full: String)]] = Array(
      repeating: [], count: sentences.count)
    // Lower-case heads that may end an informal mention ("the Oakridge partnership").
    var informalHeadsAt: [[Int]] = Array(repeating: [], count: sentences.count)
    let prepositions = taxonomy.context.grammar.prepositions
    // A determiner of a brand's description: "the", "our", or a place's possessive ("Marlow's").
    func isDeterminer(_ index: Int, in tokens: SentenceTokens) -> Bool {
      rules.value.appositiveDeterminers.contains(tokens.normalized(index))
        || (tokens.isCapitalized(index)
          && Self.withoutPossessive(word(tokens, index)) != word(tokens, index))
    }
    // Whether a description of a partnership starts at `start`: a determiner, at most three words without a theme word, and a head without one, which ends the
    // phrase (the sentence ends, or a comma, a bracket or an ender follows), or ends at `ending`.
    func isDescription(
      at start: Int, in tokens: SentenceTokens, heads: [PhraseMatcher.Match], ending: Int? = nil
    ) -> Bool {
      guard start < tokens.count else { return false }
      guard isDeterminer(start, in: tokens) else { return false }
      let from = start + 1
      guard
        let head = heads.first(where: {
          $0.tokens.lowerBound >= from && $0.tokens.lowerBound <= from + 3
        }),
        !tokens.isPlural(head.tokens.upperBound - 1),
        !(start..<head.tokens.upperBound - 1).contains(where: { tokens.clauseBreak($0) }),
        !(from..<head.tokens.upperBound).contains(where: {
          rules.value.themeWords.contains(tokens.normalized($0))
        }),
        // A part of the partnership is not the partnership: "a member of the local strategic
        // partnership", "the chair of the LSP" (`participation.part_of`).
        !(from..<head.tokens.lowerBound).contains(where: {
          taxonomy.participation?.partOf.contains(tokens.normalized($0)) ?? false
        })
      else { return false }
      let after = head.tokens.upperBound
      if let ending { return after == ending }
      return after == tokens.count || tokens.commaAfter(after - 1) || tokens.clauseBreak(after - 1)
        || rules.value.appositiveEnders.contains(tokens.normalized(after))
    }
    // Keys whose name was first printed in capitals: a later form in ordinary case replaces
    // it (a headline's "ONE ORRINFORD PARTNERSHIP" is the text's "One Orrinford").
    var inCapitals: Set<String> = []
    func isCapitals(_ text: String) -> Bool {
      text == text.uppercased() && text != text.lowercased()
    }
    // Registers a brand as written and gives back its key.
    @discardableResult
    func register(brand written: String) -> String {
      // Without a possessive on its last word: "Cawdle Forward's performance clinic".
      var written = written
      if let last = written.split(separator: " ").last {
        let bare = Self.withoutPossessive(String(last))
        if bare.count < last.count { written = String(written.dropLast(last.count - bare.count)) }
      }
      let brand = Self.ordinaryCase(
        written, lowerCase: rules.value.lowerCaseWords, particles: rules.value.placeParticles)
      let key = keyOf(brand)
      if registry[key] != nil {
        if inCapitals.contains(key), !isCapitals(written) {
          registry[key] = brand
          inCapitals.remove(key)
        }
      } else {
        registry[key] = brand
        registryOrder.append(key)
        if isCapitals(written) { inCapitals.insert(key) }
      }
      if !brands.contains(brand) { brands.append(brand) }
      return key
    }
    // Whether a run of capitalised words may be a brand: not a person ("Mr Neil Fanshawe"), an
    // organisation or a place ("Brenthorne Council"), nor words of a heading or a theme
    // ("Community Safety").
    func mayBeBrand(_ tokens: SentenceTokens, _ run: Range<Int>) -> Bool {
      !rules.value.personTitles.contains(tokens.normalized(run.lowerBound))
        && !run.contains(where: { rules.value.organisationWords.contains(tokens.normalized($0)) })
        && !run.allSatisfy({
          rules.value.headingWords.contains(tokens.normalized($0))
            || rules.value.themeWords.contains(tokens.normalized($0))
        })
    }
    // Whether the text after token `index` sets off a parenthesis: a comma, a dash, or the
    // bracket given ("(" to open one, ")" to close it).
    func setsOff(_ tokens: SentenceTokens, after index: Int, bracket: Character) -> Bool {
      let between = gap(tokens, index)
      return between.contains(",") || between.contains(bracket) || between.contains("–")
        || between.contains("—") || (between == "-" && !isHyphenJoined(tokens, index))
    }
    // A line of the title block that is a brand and nothing else: capitalised words (often in
    // capitals) that may be a brand, and no head or cue phrase.
    func titleLineBrand(_ tokens: SentenceTokens) -> String? {
      var first = 0
      while first < tokens.count, isStopWord(tokens, first) { first += 1 }
      guard tokens.count - first >= 2,
        (first..<tokens.count).allSatisfy({
          tokens.isCapitalized($0) && ($0 == tokens.count - 1 || tokens.connected($0))
        }),
        mayBeBrand(tokens, first..<tokens.count),
        tokens.matches(of: matcher, at: .names, constrained: false).isEmpty,
        tokens.matches(of: taxonomy.matcher, at: .phrases, constrained: true).isEmpty
      else { return nil }
      return raw(tokens, first..<tokens.count)
    }
    // Whether `position` is a sentence's first word, a heading's numbering apart ("4.
    // Delivering ...").
    func opensSentence(_ tokens: SentenceTokens, _ position: Int) -> Bool {
      (0..<position).allSatisfy { !(word(tokens, $0).first?.isLetter ?? false) }
        || (position > 0
          && (tokens.clauseBreak(position - 1)
            || word(tokens, position - 1).first?.isNumber == true))
    }
    // Whether a unit is a headline: each of its words capitalised but for prepositions and
    // connectors (in title case or in capitals).
    func isHeadline(_ tokens: SentenceTokens) -> Bool {
      for position in 0..<tokens.count where tokens.isAlphabetic(position) {
        guard tokens.startsLowercase(position) else { continue }
        let folded = tokens.normalized(position)
        guard
          prepositions.contains(folded) || rules.value.nameConnectors.contains(folded)
            || rules.value.lowerCaseWords.contains(folded)
        else { return false }
      }
      return true
    }
    // Words the text writes inside a run of capitalised words that follows a lower-case word,
    // in any unit ("in Rothley Cross", "the Greyfriars Bay Partnership"): the words of names,
    // gathered the first time a headline needs them. (`writtenAsName` keeps only a run's first
    // word, with its place; a headline's verb may stand anywhere in a run.)
    var wordsInNames: [String: (first: Int, other: Int?)]?
    func writtenInName(_ normalized: String, apartFrom sentence: Int) -> Bool {
      let words =
        wordsInNames
        ?? {
          // Each word with the first two units that write it so.
          var words: [String: (first: Int, other: Int?)] = [:]
          for (index, tokens) in sentences.enumerated() {
            var position = 1
            while position < tokens.count {
              guard tokens.isCapitalized(position), !tokens.isCapitalized(position - 1),
                word(tokens, position - 1).first?.isLetter ?? false
              else {
                position += 1
                continue
              }
              while position < tokens.count, tokens.isCapitalized(position) {
                let key = tokens.normalized(position)
                if let seen = words[key] {
                  if seen.other == nil, seen.first != index { words[key] = (seen.first, index) }
                } else {
                  words[key] = (index, nil)
                }
                guard tokens.connected(position) else { break }
                position += 1
              }
              position += 1
            }
          }
          return words
        }()
      wordsInNames = words
      guard let seen = words[normalized] else { return false }
      return seen.first != sentence || seen.other != nil
    }
    // Where the text writes each word with a capital after a lower-case word ("in Hadley",
    // "the Hadley LSP"): a name's word, not one capitalised by its place in a sentence or a
    // heading. Gathered the first time a sentence's first word needs them.
    var capitalizedPlaces: [String: [(sentence: Int, position: Int)]]?
    func writtenAsName(_ normalized: String, apartFrom sentence: Int, _ span: Range<Int>) -> Bool {
      let places =
        capitalizedPlaces
        ?? {
          var places: [String: [(sentence: Int, position: Int)]] = [:]
          for (index, tokens) in sentences.enumerated() {
            for position in 1..<max(1, tokens.count)
            where tokens.isCapitalized(position) && !tokens.isCapitalized(position - 1)
              && (word(tokens, position - 1).first?.isLetter ?? false)
            {
              places[tokens.normalized(position), default: []].append((index, position))
            }
          }
          return places
        }()
      capitalizedPlaces = places
      return places[normalized, default: []].contains {
        $0.sentence != sentence || !span.contains($0.position)
      }
    }
    // Words that end a body's name ("Partnership", "LSP", "Council", "Together"): "and" after one
    // joins two bodies, not two words of one name ("Fennerby Council and Fennerby LSP").
    let nameEnders = taxonomy.nameEnders
    var speaksOfPartnerships = false
    for (index, tokens) in sentences.enumerated() where tokens.count > 0 {
      let heads = tokens.matches(of: matcher, at: .names, constrained: false)
      // Most sentences have no head; only those need the code phrases.
      if heads.isEmpty { continue }
      speaksOfPartnerships = true
      if !rules.value.informalHeads.isEmpty {
        informalHeadsAt[index] = heads.compactMap { head in
          head.tokens.count == 1 && head.tokens.lowerBound > 0
            && !tokens.isCapitalized(head.tokens.lowerBound)
            && rules.value.informalHeads.contains(tokens.normalized(head.tokens.lowerBound))
            ? head.tokens.lowerBound : nil
        }
      }
      let codePhrases = tokens.matches(of: taxonomy.matcher, at: .phrases, constrained: true).map(
        \.tokens)
      // The title block's apposition across lines: a line that is a brand, and right under it
      // a line that describes it ("HOLLINSFORD TOGETHER" / "The Local Strategic Partnership for
      // Hollinsford").
      if index > 0, segmented.sentences[index].block < 8,
        segmented.sentences[index - 1].block != segmented.sentences[index].block,
        isDescription(at: 0, in: tokens, heads: heads),
        let brand = titleLineBrand(sentences[index - 1])
      {
        register(brand: brand)
      }
      // A plural head ("Community Planning Partnerships") names a kind of body, not one body.
      for var head in heads {
        let isFamily = matcher.entries[head.entry].code == PartnershipNameRules.familyCode
        // A head's lower-case last word is not the name's: "the Hadley LSP board" names the
        // Hadley LSP.
        while head.tokens.count > 1, !isFamily, !tokens.isCapitalized(head.tokens.upperBound - 1),
          tokens.isCapitalized(head.tokens.upperBound - 2)
        {
          head.tokens = head.tokens.lowerBound..<(head.tokens.upperBound - 1)
        }
        guard
          head.tokens.allSatisfy({
            tokens.isCapitalized($0)
              || (isFamily && rules.value.nameConnectors.contains(tokens.normalized($0)))
          }), !tokens.isPlural(head.tokens.upperBound - 1)
        else { continue }
        var start = head.tokens.lowerBound
        var connectorAt: Int?
        // A candidate not taken as a name, from its start to `end`, and why (for `explain`).
        func reject(_ reason: String, upTo end: Int? = nil) {
          rejected[index].append(
            Rejection(tokens: start..<(end ?? head.tokens.upperBound), reason: reason))
        }
        // Capitalised words before the head, joined by spaces, "and", "of" or "&" ("St Albans &
        // District Strategic Partnership"); a spaced dash ends the name ("Colin Rowell - LSP
        // Administrator"), and "of" or "and" right before the head is a heading's grammar, not
        // a name's ("Composition of LSP").
        while start > 0 {
          // A place written with hyphens ("Stowe-on-the-Fenn", "Newton-le-Marsh") is one name
          // word: the chain counts when it opens with a capital and its lower-case words are
          // place particles.
          if isHyphenJoined(tokens, start - 1) {
            // Not the head's own hyphen ("Sub-Partnership" is no place's).
            guard start < head.tokens.lowerBound,
              let opening = hyphenChainStart(tokens, endingAt: start - 1)
            else { break }
            start = opening
            continue
          }
          let between = gap(tokens, start - 1)
          if between == "-" || between == "–" || between == "—" { break }
          if between == "&", tokens.isCapitalized(start - 1), start < head.tokens.lowerBound {
            if nameEnders.contains(tokens.normalized(start - 1)) { break }
            start -= 1
          } else if tokens.connected(start - 1), tokens.isCapitalized(start - 1),
            // A connector in capitals joins as one in lower case: in "THE MARLE HOUSING TRUST
            // AND HADLEY LSP", "AND" after a body's last word ends the name.
            !(tokens.isAllCaps(start - 1)
              && rules.value.nameConnectors.contains(tokens.normalized(start - 1))
              && start > 1 && nameEnders.contains(tokens.normalized(start - 2)))
          {
            start -= 1
          } else if start > 1, gap(tokens, start - 1) == ".", tokens.isCapitalized(start - 1),
            rules.value.possessiveOpeners.contains(tokens.normalized(start - 1))
          {
            // "St." with its full stop: "Hadley and St. Marle Local Strategic Partnership".
            start -= 1
          } else if tokens.connected(start - 1), start > 1,
            rules.value.nameConnectors.contains(tokens.normalized(start - 1)),
            start < head.tokens.lowerBound, tokens.isCapitalized(start - 2),
            tokens.connected(start - 2), !nameEnders.contains(tokens.normalized(start - 2)),
            // A brand before "and" is a name of its own: "Hollinsford Together and Fordingley
            // LSP" are two partnerships.
            !rules.value.brandWordsAfter.contains(tokens.normalized(start - 2))
          {
            start -= 2
            connectorAt = start + 1
          } else {
            break
          }
        }
        // "One Stallbridge and Fordingley LSP": a brand word opens the words before "and", which
        // name a partnership of their own.
        if let connectorAt, rules.value.brandWordsBefore.contains(tokens.normalized(start)) {
          start = connectorAt + 1
        }
        // Leading stop words go, and a connector they leave first: "Evaluation of Oakridge LSP"
        // names the Oakridge LSP.
        while start < head.tokens.lowerBound,
          isStopWord(tokens, start)
            || (!tokens.isCapitalized(start)
              && rules.value.nameConnectors.contains(tokens.normalized(start)))
            // A heading word and a stop word or connector before the name: "MEMBERSHIP OF
            // HADLEY LSP".
            || (start + 2 < head.tokens.lowerBound
              && rules.value.headingWords.contains(tokens.normalized(start))
              && (isStopWord(tokens, start + 1)
                || rules.value.nameConnectors.contains(tokens.normalized(start + 1))))
        {
          start += 1
        }
        guard start < head.tokens.lowerBound, tokens.isCapitalized(start) else { continue }
        // A heading in title case or in capitals: a capitalised article, pronoun or preposition
        // after the first word is a heading's grammar, which no name has. The name, if any,
        // is what follows the last such word ("MINUTES OF THE HADLEY PARTNERSHIP BOARD" names
        // the Hadley Partnership Board); with nothing after it there is none ("Strengthening
        // The LSP", "Getting Involved With The Partnership", "WHO IS ON THE LSP").
        if let inner = (start + 1..<head.tokens.lowerBound).last(where: {
          tokens.isCapitalized($0) && !isHyphenJoined(tokens, $0 - 1)
            && !isHyphenJoined(tokens, $0)
            && rules.value.headingInnerWords.contains(tokens.normalized($0))
        }) {
          guard inner + 1 < head.tokens.lowerBound, tokens.isCapitalized(inner + 1) else {
            reject(
              "'\(word(tokens, inner))' inside the words before the head: a heading (partnership_names.heading_inner_words)"
            )
            continue
          }
          start = inner + 1
        }
        // A headline in title case or in capitals capitalises its verbs as it does names: in
        // "Council Dominates LSP Board" and "Pelbury Council Backs Partnership", a word right
        // after a body's last word ("Council", "Partnership"), a post's (`role_words`:
        // "Officer") or an actor's (`headline_subjects`: "Council Leader Quits LSP") is the
        // headline's verb, unless the text writes it as a name elsewhere; the name, if any,
        // starts after it.
        if start < head.tokens.lowerBound, isHeadline(tokens),
          let verb = (max(1, start)..<head.tokens.lowerBound).last(where: { position in
            tokens.connected(position - 1) && tokens.isCapitalized(position - 1)
              && (nameEnders.contains(tokens.normalized(position - 1))
                || taxonomy.context.grammar.roleWords.contains(tokens.normalized(position - 1))
                || taxonomy.context.grammar.headlineSubjects.contains(
                  tokens.normalized(position - 1)))
              && !writtenInName(tokens.normalized(position), apartFrom: index)
          })
        {
          guard verb + 1 < head.tokens.lowerBound, tokens.isCapitalized(verb + 1) else {
            reject(
              "'\(word(tokens, verb))' after '\(word(tokens, verb - 1))' in a headline: its verb"
            )
            continue
          }
          start = verb + 1
        }
        // A sentence's first word that ends like a verb or an adverb opens the sentence, not the
        // name ("Drawing upon Marle LSP", "Supporting Hadley LSP"), unless the text writes it
        // with a capital inside a sentence too (a place: "Reading").
        // A heading's numbering before it counts for nothing ("4. Delivering Partnership
        // Outcomes").
        // What is left must be a place the text writes with a capital inside a sentence
        // ("Supporting Hadley LSP" where "in Hadley" stands elsewhere), or there is no name:
        // "Epping Forest LSP" is not "Forest LSP". A place before an area word is a place
        // ("Reading Borough Partnership").
        // A word alone before a head other than a generic one names its place ("Ealing Local
        // Strategic Partnership"); before "Partnership" it may be a heading's verb ("Delivering
        // Partnership Outcomes").
        if !rules.value.openingSuffixes.isEmpty, opensSentence(tokens, start),
          tokens.isCapitalized(start),
          start + 1 == head.tokens.lowerBound
            ? rules.value.informalHeads.contains(tokens.normalized(head.tokens.lowerBound))
            : !rules.value.areaWords.contains(tokens.normalized(start + 1))
        {
          let first = tokens.normalized(start)
          let candidate = start..<head.tokens.upperBound
          if rules.value.openingSuffixes.contains(where: {
            first.count > $0.count + 2 && first.hasSuffix($0)
          }), !writtenAsName(first, apartFrom: index, candidate) {
            var rest = start + 1
            while rest < head.tokens.lowerBound, !tokens.isCapitalized(rest) { rest += 1 }
            guard rest < head.tokens.lowerBound,
              writtenAsName(tokens.normalized(rest), apartFrom: index, candidate)
            else {
              reject(
                "'\(word(tokens, start))' opens the sentence like a verb or an adverb (partnership_names.opening_suffixes)"
              )
              continue
            }
            start += 1
            while start < head.tokens.lowerBound, !tokens.isCapitalized(start) { start += 1 }
          }
        }
        // "a Joint Local Service Board (LSB) for the two counties", "A Joint Board was formed",
        // "set up a Joint Local Service Board in 2002" describe a kind of body; "a Hadley
        // Partnership meeting", "a Marle LSP Action Plan" use a name before a noun. (Not a list's
        // "(a)".)
        if start > 0, rules.value.indefiniteArticles.contains(tokens.normalized(start - 1)),
          start == 1 || !tokens.isCapitalized(start - 1), tokens.connected(start - 1),
          start < 2 || !gap(tokens, start - 2).contains("(")
        {
          var next = head.tokens.upperBound
          // Past an abbreviation in brackets: "a Marle LSP (MLSP) meeting".
          if next + 1 < tokens.count, gap(tokens, next - 1).hasPrefix("("), tokens.isAllCaps(next),
            gap(tokens, next).hasPrefix(")")
          {
            next += 1
          }
          let describes =
            next >= tokens.count || tokens.clauseBreak(next - 1) && next == head.tokens.upperBound
            || tokens.commaAfter(next - 1)
            || (!tokens.isCapitalized(next)
              && (prepositions.contains(tokens.normalized(next))
                || rules.value.copulas.contains(tokens.normalized(next))
                || rules.value.relativeOpeners.contains(tokens.normalized(next))))
            || (next == head.tokens.upperBound && !tokens.connected(next - 1)
              && !tokens.isCapitalized(next))
          if describes {
            reject(
              "'\(word(tokens, start - 1))' before it: a kind of body, not a name (partnership_names.indefinite_articles)"
            )
            continue
          }
        }
        let nameTokens = start..<head.tokens.lowerBound
        // A place's theme partnership ("Cawdle Health and Wellbeing Partnership", "Mardle Vale
        // Economic Partnership") names another body of the family: the place first, then only
        // the family's theme words. Theme words alone, or another kind of theme ("Ashcombe Town
        // Centre Partnership"), name no partnership of the family.
        var isThemed = false
        if let theme = nameTokens.first(where: {
          rules.value.themeWords.contains(tokens.normalized($0))
        }),
          // ... but a place's "Community Partnership" is its own partnership, often its LSP
          // ("Mardle Vale Community Partnership"; `partnership_names.place_theme_words`).
          !(theme > nameTokens.lowerBound
            && (theme..<nameTokens.upperBound).allSatisfy({
              rules.value.placeThemeWords.contains(tokens.normalized($0))
            }))
        {
          guard !isFamily, theme > nameTokens.lowerBound,
            (theme..<nameTokens.upperBound).allSatisfy({
              rules.value.familyThemeWords.contains(tokens.normalized($0))
                || rules.value.nameConnectors.contains(tokens.normalized($0))
            })
          else {
            reject("theme word '\(tokens.normalized(theme))' (partnership_names.theme_words)")
            continue
          }
          isThemed = true
        }
        // A name in capitals is a heading's words unless its words are a place's: in "REVIEW OF
        // THE LSP" no word before the head is a name word.
        // A word split by a hyphen counts whole ("DE-COMMISSION" is "decommission").
        func isHeadingWord(_ position: Int) -> Bool {
          let words = rules.value.headingWords
          let normalized = tokens.normalized(position)
          return words.contains(normalized)
            || (isHyphenJoined(tokens, position)
              && words.contains(normalized + tokens.normalized(position + 1)))
            || (isHyphenJoined(tokens, position - 1)
              && words.contains(tokens.normalized(position - 1) + normalized))
        }
        if nameTokens.allSatisfy(isHeadingWord) {
          reject("only heading words before the head (partnership_names.heading_words)")
          continue
        }
        // "the Borough's Strategic Partnership", "the County's Marle LSP" describe; they do
        // not name. A possessive that is a place's own ("King's Harford", "Bishop's Wendle",
        // "St Aldric's Vale"), not right before the head, is part of the name; so is a theme
        // partnership's own ("Mardle Vale Children and Young People's Partnership").
        if let owner = nameTokens.first(where: {
          Self.withoutPossessive(word(tokens, $0)) != word(tokens, $0)
        }),
          !(isThemed && owner > nameTokens.lowerBound),
          owner == head.tokens.lowerBound - 1
            || !(rules.value.placePossessives.contains(
              TokenNormalizer.normalize(Self.withoutPossessive(word(tokens, owner))))
              || (owner > nameTokens.lowerBound
                && rules.value.possessiveOpeners.contains(tokens.normalized(owner - 1))))
        {
          reject("possessive '\(word(tokens, owner))' before the head")
          continue
        }
        // "Merrowshire LSP Network", "Ollerbank Partnership Online": the head is part of the
        // name of another body.
        let following = head.tokens.upperBound
        if following < tokens.count, tokens.connected(following - 1),
          tokens.isCapitalized(following),
          rules.value.otherBodies.contains(tokens.normalized(following))
        {
          reject(
            "'\(word(tokens, following))' after the head names another body (partnership_names.other_bodies)",
            upTo: following + 1)
          continue
        }
        // "Rachel Fothergill Partnership Manager", "LSP Support Officer": the head is part of
        // a post's title (a capitalised role word follows it, at most one word on), not a name.
        if let role = (following..<min(following + 2, tokens.count)).first(where: { position in
          (following...position).allSatisfy { tokens.connected($0 - 1) && tokens.isCapitalized($0) }
            && !tokens.isAllCaps(position)
            && taxonomy.context.grammar.roleWords.contains(tokens.normalized(position))
        }) {
          reject(
            "role word '\(word(tokens, role))' after the head: a post's title (grammar.role_words)",
            upTo: role + 1)
          continue
        }
        // "Orrisford First Partnership Board": the board of the brand before it, named by the
        // brand ("Orrisford First"), where "Eskwell and District Partnership Board" is a name.
        if head.tokens.count == 2, tokens.normalized(head.tokens.upperBound - 1) == "board",
          rules.value.brandWordsAfter.contains(tokens.normalized(head.tokens.lowerBound - 1))
            || rules.value.brandWordsBefore.contains(tokens.normalized(start))
        {
          let written = raw(tokens, nameTokens)
          register(brand: written)
          let brand = Self.ordinaryCase(
            written, lowerCase: rules.value.lowerCaseWords, particles: rules.value.placeParticles)
          let key = keyOf(brand)
          headSpans[index].append((start..<head.tokens.upperBound, key, registry[key] ?? brand))
          continue
        }
        let key =
          isFamily || isThemed
          ? keyOf(raw(tokens, nameTokens)) + " | "
            + head.tokens.map { tokens.normalized($0) }.joined(separator: " ")
          : keyOf(raw(tokens, nameTokens))
        if isFamily || isThemed { familyKeys.insert(key) }
        // The partnership's name, not its board's: "Oakridge LSP Board" names the Oakridge LSP.
        var nameEnd = head.tokens.upperBound
        if head.tokens.count > 1, tokens.normalized(nameEnd - 1) == "board",
          tokens.normalized(nameEnd - 2) == "lsp"
            || (head.tokens.count > 3 && tokens.normalized(nameEnd - 3) == "strategic")
        {
          nameEnd -= 1
        }
        // A name printed in capitals is written in ordinary case ("EASTHOLME LOCAL STRATEGIC
        // PARTNERSHIP" is "Eastholme Local Strategic Partnership"), its abbreviations kept.
        // Without a possessive on its last word: "the Ashcombe Partnership's first success".
        var written = raw(tokens, start..<nameEnd)
        if Self.withoutPossessive(word(tokens, nameEnd - 1)) != word(tokens, nameEnd - 1) {
          written =
            raw(tokens, start..<(nameEnd - 1)) + (nameEnd - 1 > start ? " " : "")
            + Self.withoutPossessive(word(tokens, nameEnd - 1))
        }
        let full = Self.ordinaryCase(
          written, lowerCase: rules.value.lowerCaseWords, particles: rules.value.placeParticles)
        if let known = registry[key] {
          // A name first given in capitals (a title page) or abbreviated is kept as the text
          // writes it in full later.
          // (Not by a short form: "EASTHOLME LOCAL STRATEGIC PARTNERSHIP" stays the full name
          // when the text goes on to say "Eastholme LSP".)
          // The same words, or more of them: a heading's "OLLERBANK LSP" is not the footer's
          // "Ollerbank Partnership", though both name one partnership.
          let capitals =
            inCapitals.contains(key) && !isCapitals(written)
            && {
              let knownWords = known.lowercased().split(separator: " ")
              let fullWords = full.lowercased().split(separator: " ")
              return fullWords == knownWords || fullWords.count > knownWords.count
            }()
          let spelledOut =
            known.hasSuffix(" LSP") && full.lowercased().hasSuffix("local strategic partnership")
          if capitals || spelledOut {
            registry[key] = full
            inCapitals.remove(key)
          }
        } else {
          registry[key] = full
          registryOrder.append(key)
          if isCapitals(written) { inCapitals.insert(key) }
        }
        headSpans[index].append((start..<head.tokens.upperBound, key, full))
        let after = head.tokens.upperBound
        // An abbreviation in brackets after the name is the name's own ("(OLSP)"), unless it is
        // itself a head: "Hadley Local Strategic Partnership (LSP)" defines what "LSP" stands
        // for, and a later "the LSP" stays a mention of an LSP, not of the name.
        // (In brackets only: in a glossary's "CT = Wealdshire Children's Trust; JCP = Jobcentre
        // Plus" the next abbreviation is another body's.)
        if after < tokens.count, tokens.isAllCaps(after), tokens.clauseBreak(after - 1),
          gap(tokens, after - 1).contains("("),
          !heads.contains(where: { $0.tokens.lowerBound == after })
        {
          abbreviations[Self.withoutPossessive(word(tokens, after))] = key
        }
      }
      // A sentence that opens with capitalised words set off by a comma, a bracket or a dash,
      // and goes on after the parenthesis with a copula and a description: "The Eldersett
      // Strategy Board, set up in 2004 (in place of the old County Partnership Forum), is the
      // county's LSP". The description is the subject's, whatever the parenthesis holds;
      // capitalised words that close the parenthesis are described by nothing.
      var parenthesisedSubject: Range<Int>?
      parenthesis: do {
        var start = 0
        while start < tokens.count, isStopWord(tokens, start) { start += 1 }
        var end = start
        while end < tokens.count, tokens.isCapitalized(end),
          end == start || tokens.connected(end - 1)
        {
          end += 1
        }
        // A subject that holds a head is a name already ("The Eldersett Strategy Board, ...,
        // is"): the parenthesis still closes on its copula, but no brand is registered.
        let headed = headSpans[index].contains(where: { $0.span.overlaps(start..<end) })
        if end - start >= 2, end < tokens.count, setsOff(tokens, after: end - 1, bracket: "("),
          headed
            || (!codePhrases.contains(where: { $0.overlaps(start..<end) })
              && mayBeBrand(tokens, start..<end)),
          // (The word first: reading the text between tokens makes a string.)
          let verb = ((end + 1)..<tokens.count).first(where: {
            (rules.value.copulas.contains(tokens.normalized($0))
              || ["remains", "remained"].contains(tokens.normalized($0)))
              && setsOff(tokens, after: $0 - 1, bracket: ")")
          })
        {
          parenthesisedSubject = start..<end
          guard !headed else { break parenthesis }
          var description = verb + 1
          // "..., is now the borough's LSP", "..., is also the LSP".
          if description < tokens.count,
            ["now", "also", "still"].contains(tokens.normalized(description))
          {
            description += 1
          }
          if isDescription(at: description, in: tokens, heads: heads) {
            register(brand: raw(tokens, start..<end))
          }
        }
      }
      // Brand names: a run of capitalised words followed by ", the …'s LSP" or "is the … partnership".
      var runStart = 0
      while runStart < tokens.count {
        guard tokens.isCapitalized(runStart) else {
          runStart += 1
          continue
        }
        var runEnd = runStart + 1
        while runEnd < tokens.count, tokens.isCapitalized(runEnd), tokens.connected(runEnd - 1) {
          runEnd += 1
        }
        // One capitalised word, a connector and a place: "Pride in Pellingham" (one or two
        // place words, the run going no further), not a post, and at a sentence's start only
        // before a copula (below).
        if runEnd == runStart + 1, runEnd + 1 < tokens.count, !rules.value.brandConnectors.isEmpty,
          tokens.connected(runStart), tokens.connected(runEnd),
          rules.value.brandConnectors.contains(tokens.normalized(runEnd)),
          tokens.isCapitalized(runEnd + 1), !isStopWord(tokens, runStart),
          !taxonomy.context.grammar.roleWords.contains(tokens.normalized(runStart))
        {
          var end = runEnd + 2
          if end < tokens.count, tokens.isCapitalized(end), tokens.connected(end - 1) { end += 1 }
          // At a sentence's start only before a copula: "Pride in Tarley is the LSP for the
          // borough", not "Elsewhere in Tarley, the LSP met".
          if end >= tokens.count || !tokens.isCapitalized(end) || !tokens.connected(end - 1),
            !opensSentence(tokens, runStart)
              || (end < tokens.count && tokens.connected(end - 1)
                && rules.value.copulas.contains(tokens.normalized(end)))
          {
            runEnd = end
          }
        }
        defer { runStart = runEnd }
        var first = runStart
        while first < runEnd, isStopWord(tokens, first) { first += 1 }
        guard runEnd - first >= 2,
          !headSpans[index].contains(where: { $0.span.overlaps(first..<runEnd) })
        else { continue }
        // No cue phrase inside, and not a person, an organisation, a heading or a theme.
        guard !codePhrases.contains(where: { $0.overlaps(first..<runEnd) }),
          mayBeBrand(tokens, first..<runEnd)
        else { continue }
        // Another name in brackets right after a name: "Thornwick Marsh Local Strategic
        // Partnership ("Thornwick Together")". The two are one partnership, and the name given
        // first stays its value (the codebook's "full name as first given").
        // So is a name given after an other-name cue a few words after the name: "Scarrowby
        // Wells Local Strategic Partnership, which has operated under the name "Wells
        // Together"".
        let otherNameCue = rules.value.otherNameCues.first { cue in
          first >= cue.count
            && cue.indices.allSatisfy { tokens.normalized(first - cue.count + $0) == cue[$0] }
        }
        let opening = first > 0 ? gap(tokens, first - 1) : ""
        let quoted = opening.contains { "\"“‘'".contains($0) }
        let bracketed =
          opening.hasPrefix("(") && opening.count <= 2
          && [")", "\")", "”)", "’)", "')"].contains(where: {
            closing(tokens, after: runEnd - 1, in: index).hasPrefix($0)
          })
        let cueStart = first - (otherNameCue?.count ?? 0)
        // What stands there must look like a partnership's other name: quoted, made with a
        // brand word, or sharing a place word with the name (not "(Jane Marsh)", "(Audit
        // Commission)" or "(East Sussex)").
        func looksLikeAnotherName(of key: String) -> Bool {
          let places = Set(key.split(separator: " ").map { TokenNormalizer.normalize($0) })
          return quoted
            || (first..<runEnd).contains {
              let word = tokens.normalized($0)
              return rules.value.brandWordsAfter.contains(word)
                || rules.value.brandWordsBefore.contains(word)
                || places.contains(word)
            }
        }
        if bracketed || otherNameCue != nil,
          let named = headSpans[index].last(where: { named in
            if bracketed { return named.span.upperBound == first }
            // The cue follows the name closely, or after a relative clause's opener and
            // its verbs ("..., which has operated under the name"): in "the LSP runs a jobs
            // scheme under the name Route Ahead", the name is the scheme's.
            guard named.span.upperBound <= cueStart else { return false }
            let between = named.span.upperBound..<cueStart
            return between.count <= 1
              || (between.count <= 4
                && rules.value.relativeOpeners.contains(tokens.normalized(between.lowerBound))
                && !between.contains { tokens.isCapitalized($0) })
          }),
          !familyKeys.contains(named.key)
        {
          if looksLikeAnotherName(of: named.key) {
            otherNames.append((register(brand: raw(tokens, first..<runEnd)), named.key))
            continue
          }
          // Capitalised words in brackets after a name that are not another name of it are no
          // brand at all: a person, a county, a source.
          if bracketed { continue }
        }
        var next = runEnd
        // Its abbreviation in brackets comes between: "Tamberley Forward (TF) is the LSP".
        // (Once the brand is described, the abbreviation stands for it too.)
        var abbreviation: Int?
        if next + 1 < tokens.count, tokens.isAllCaps(next), gap(tokens, next - 1) == "(",
          gap(tokens, next).hasPrefix(")")
        {
          abbreviation = next
          next += 1
        }
        // A relative clause describes the brand as a copula does: "Brantholme Together, which
        // is the local strategic partnership for the borough".
        var relative = false
        if next + 1 < tokens.count, rules.value.relativeOpeners.contains(tokens.normalized(next)),
          rules.value.copulas.contains(tokens.normalized(next + 1))
        {
          next += 1
          relative = true
        }
        let copula = rules.value.copulas.contains(
          next < tokens.count ? tokens.normalized(next) : "")
        if copula { next += 1 }
        // A comma between the run and its verb closes a parenthesis, and the verb is the
        // subject's: in "The Eldersett Strategy Board, set up in 2004 in place of the old County
        // Partnership Forum, is the county's LSP", the description is the Strategy Board's (the
        // run that opens the sentence, set off by a comma), not the Forum's.
        // (The subject, set off before, is read below: `parenthesisedSubject`.)
        if copula, !relative, abbreviation == nil, setsOff(tokens, after: runEnd - 1, bracket: ")"),
          let subject = parenthesisedSubject, subject.upperBound <= first
        {
          continue
        }
        // A naming construction in a sentence that holds a head: "the Brenthorne LSP, now known
        // as One Brenthorne", "One Brenthorne is the (new) name adopted in 2008 by what had
        // been the Brenthorne Local Strategic Partnership".
        // The cue must follow a head closely ("the LSP, now known as", "our LSP is called"): in
        // "the LSP runs a project called Big Local", the name is the project's.
        let namedByCue = rules.value.namingCues.contains { cue in
          let cueStart = first - cue.count
          return first >= cue.count
            && cue.indices.allSatisfy { tokens.normalized(cueStart + $0) == cue[$0] }
            && heads.contains {
              $0.tokens.upperBound <= cueStart && cueStart - $0.tokens.upperBound <= 2
            }
        }
        let namedByNoun =
          copula && next + 1 < tokens.count
          && rules.value.appositiveDeterminers.contains(tokens.normalized(next))
          && (next + 1...min(next + 2, tokens.count - 1)).contains {
            rules.value.namingNouns.contains(tokens.normalized($0))
          }
        if namedByCue || namedByNoun,
          heads.contains(where: { !$0.tokens.overlaps(first..<runEnd) })
        {
          renamed.insert(register(brand: raw(tokens, first..<runEnd)))
          continue
        }
        // A description after the brand: an appositive set off by a comma, a bracket, a dash
        // or a colon ("Marlow Fen First, the district's LSP", "Marlow Together (the LSP)"), a
        // copula ("Ashby Together is the LSP for the district"), or a verb and "as" ("Marlow
        // Together acts as the borough's LSP", "was set up in 2002 as the LSP").
        var described = false
        let setOff = tokens.commaAfter(runEnd - 1) || tokens.clauseBreak(runEnd - 1)
        if copula || setOff {
          described = isDescription(at: next, in: tokens, heads: heads)
        }
        // A description set off as how the partnership is known: "Kelbridge Works, as the
        // town's partnership is known, ..." (a copula and a naming cue's first word after it).
        if !described, setOff, next + 1 < tokens.count,
          rules.value.descriptionLinks.contains(tokens.normalized(next)),
          let copulaAt = (next + 2..<min(tokens.count - 1, next + 8)).first(where: { index in
            guard rules.value.copulas.contains(tokens.normalized(index)) else { return false }
            let verb = tokens.normalized(index + 1)
            return rules.value.namingCues.contains { cue in cue.first == verb }
          })
        {
          described = isDescription(at: next + 1, in: tokens, heads: heads, ending: copulaAt)
        }
        // The verb and "as" may follow a copula or a relative clause too: "One Wraybourne,
        // which was set up in 2002 as the Wraybourne LSP".
        let linkFrom = copula ? next : runEnd
        if !described, !setOff || relative,
          let link = (linkFrom..<min(tokens.count, linkFrom + 7)).first(where: {
            rules.value.descriptionLinks.contains(tokens.normalized($0))
          }),
          !(linkFrom - 1..<link).contains(where: {
            tokens.commaAfter($0) || tokens.clauseBreak($0)
          }),
          !(linkFrom..<link).contains(where: { tokens.isCapitalized($0) })
        {
          described = isDescription(at: link + 1, in: tokens, heads: heads)
        }
        // A description before it, the brand in apposition to it: "the local strategic
        // partnership, Marlow Together, ...", "the LSP (Marlow Together)". Not a role's object:
        // in "the chair of the LSP, Jane Marsh, said", the name is a person's.
        // And not an item of a list ("the partners are the LSP, Brenthorne Council, the police
        // and the PCT"): after a comma, neither a capital nor "and", "or" or "the" follows.
        let listFollows =
          tokens.commaAfter(runEnd - 1) && runEnd < tokens.count
          && (tokens.isCapitalized(runEnd)
            || rules.value.listContinuations.contains(tokens.normalized(runEnd)))
        if !described, first > 0, tokens.commaAfter(first - 1) || tokens.clauseBreak(first - 1),
          !listFollows,
          runEnd == tokens.count || tokens.commaAfter(runEnd - 1) || tokens.clauseBreak(runEnd - 1),
          let head = heads.first(where: { $0.tokens.upperBound == first }),
          let opener = (max(0, head.tokens.lowerBound - 4)..<head.tokens.lowerBound).last(where: {
            isDeterminer($0, in: tokens)
          }),
          opener == 0 || !prepositions.contains(tokens.normalized(opener - 1)),
          isDescription(at: opener, in: tokens, heads: heads, ending: first)
        {
          described = true
        }
        guard described else { continue }
        let key = register(brand: raw(tokens, first..<runEnd))
        if let abbreviation {
          abbreviations[Self.withoutPossessive(word(tokens, abbreviation))] = key
        }
      }
    }

    // Brands made the way partnerships name themselves, a place and a brand word ("Carrowfield
    // Together", "Sheffield First", "One Barnsley"), with no description, in a text that speaks
    // of partnerships. The place word must be used as a name elsewhere in the text, inside a
    // sentence and apart from the brand ("Carrowfield Borough Council", "in Carrowfield"), so
    // that headings such as "Moving Forward" or "Working Together" are not brands.
    if speaksOfPartnerships,
      !rules.value.brandWordsAfter.isEmpty || !rules.value.brandWordsBefore.isEmpty
    {
      func brandWordAt(_ tokens: SentenceTokens, _ index: Int) -> Int? {
        guard index + 1 < tokens.count, tokens.isCapitalized(index),
          tokens.isCapitalized(index + 1),
          tokens.connected(index)
        else { return nil }
        if rules.value.brandWordsAfter.contains(tokens.normalized(index + 1)) { return index }
        if rules.value.brandWordsBefore.contains(tokens.normalized(index)) { return index + 1 }
        return nil
      }
      // The text's place words, gathered in one pass the first time a brand needs them: each
      // capitalised word used inside a sentence apart from a brand ("Carrowfield Borough
      // Council", "in Carrowfield"), and those written surely as places, after a preposition
      // of place or before an organisation word, an area word between or not ("in Hadley",
      // "Hadley Borough Council").
      var places: (names: Set<String>, sure: Set<String>)?
      func placeWords() -> (names: Set<String>, sure: Set<String>) {
        if let places { return places }
        var names: Set<String> = []
        var sure: Set<String> = []
        for tokens in sentences {
          for position in 0..<tokens.count where tokens.isCapitalized(position) {
            let word = tokens.normalized(position)
            // (Not an auxiliary, which is capitalised inside a sentence only where it opens a
            // question after a label: "1. Should Thrimble Together offer ...", "Q2. Could
            // ...".)
            if tokens.isCapitalizedInside(position),
              !taxonomy.context.grammar.auxiliaries.contains(word)
            {
              let inBrand =
                (position + 1 < tokens.count && tokens.connected(position)
                  && rules.value.brandWordsAfter.contains(tokens.normalized(position + 1)))
                || (position > 0 && tokens.connected(position - 1)
                  && rules.value.brandWordsBefore.contains(tokens.normalized(position - 1)))
              // A place the text names only in its brand is one when the brand is written
              // inside a sentence ("...; Amberleigh Together shows what is possible"), a word
              // in -ing or a plural aside ("the plan, Moving Forward, ...", "Churches
              // Together").
              if !inBrand || (!word.hasSuffix("ing") && !tokens.isPlural(position)) {
                names.insert(word)
              }
            }
            if (position > 0
              && rules.value.placePrepositions.contains(tokens.normalized(position - 1)))
              || (position + 1 < tokens.count
                && rules.value.organisationWords.contains(tokens.normalized(position + 1)))
              || (position + 2 < tokens.count
                && rules.value.areaWords.contains(tokens.normalized(position + 1))
                && rules.value.organisationWords.contains(tokens.normalized(position + 2)))
            {
              sure.insert(word)
            }
          }
        }
        places = (names, sure)
        return (names, sure)
      }
      func isPlaceName(_ normalized: String) -> Bool { placeWords().names.contains(normalized) }
      func isSurelyPlace(_ normalized: String) -> Bool { placeWords().sure.contains(normalized) }
      for tokens in sentences where tokens.count > 1 {
        for position in 0..<(tokens.count - 1) {
          guard let place = brandWordAt(tokens, position) else { continue }
          func isPlaceWord(_ index: Int) -> Bool {
            let placeWord = tokens.normalized(index)
            return placeWord.count >= 3
              && !isStopWord(tokens, index)
              && !rules.value.headingWords.contains(placeWord)
              && !rules.value.themeWords.contains(placeWord)
              && !rules.value.organisationWords.contains(placeWord)
              && !rules.value.personTitles.contains(placeWord)
              && !rules.value.brandWordsAfter.contains(placeWord)
              && !rules.value.brandWordsBefore.contains(placeWord)
          }
          // A place of two words before a brand word ("Stannick Wold Together"), each a place
          // word; a longer run is another name ("One Barnsley Partnership" is found by its
          // head).
          var start = position
          // (A capitalised determiner before is no place word: "The Hadley Together Board".)
          if place == position, position > 0, tokens.connected(position - 1),
            tokens.isCapitalized(position - 1),
            !isStopWord(tokens, position - 1)
          {
            // A plural there is a common noun: "Skelbrook Churches Together" is no place's
            // brand.
            guard isPlaceWord(position - 1), !tokens.isPlural(position),
              !tokens.isPlural(position - 1),
              position == 1 || !tokens.connected(position - 2)
                || !tokens.isCapitalized(position - 2)
            else { continue }
            start = position - 1
          }
          // Two places joined by "and" or "&" before a brand word are one partnership's
          // ("Cressley and Haughton Together", "Cressley & Haughton First"), when each is a place
          // word the text names, or the second an area word ("Stoke and District Together"); a
          // body before "and" is no place ("Kelby Council and Haughton Together").
          func isAreaWord(_ index: Int) -> Bool {
            rules.value.areaWords.contains(tokens.normalized(index))
          }
          var joinsTwoPlaces = false
          if start == position, place == position, position > 0 {
            var first: Int?
            if gap(tokens, position - 1) == "&" {
              first = position - 1
            } else if position > 1, tokens.normalized(position - 1) == "and",
              tokens.connected(position - 1), tokens.connected(position - 2)
            {
              first = position - 2
            }
            if let first, tokens.isCapitalized(first), isPlaceWord(first),
              first == 0 || !tokens.connected(first - 1) || !tokens.isCapitalized(first - 1),
              isPlaceName(tokens.normalized(first)),
              isPlaceName(tokens.normalized(place)) || isAreaWord(place)
            {
              start = first
              joinsTwoPlaces = true
            }
          }
          // A longer run of capitals is another name, unless what follows is the brand's own
          // board ("Minutes of the Hadley Together Board") and the place is surely one: the
          // text writes it after a preposition or before a council ("in Hadley", "Hadley
          // Borough Council"), which "Customer First Board" and "Better Together Board" lack.
          if position + 2 < tokens.count, tokens.connected(position + 1),
            tokens.isCapitalized(position + 2)
          {
            guard rules.value.brandBodyWords.contains(tokens.normalized(position + 2)),
              isSurelyPlace(tokens.normalized(start == position ? place : start))
            else { continue }
          }
          guard isPlaceWord(place) || (joinsTwoPlaces && isAreaWord(place)),
            isPlaceName(tokens.normalized(start == position ? place : start))
          else { continue }
          register(brand: raw(tokens, start..<(position + 2)))
        }
      }
    }

    // Read only when a brand and a formal name may be one partnership (rare).
    var sentenceTexts: [String]?
    // The sentences in lower case, made on first use.
    func lowerCasedSentences() -> [String] {
      if let sentenceTexts { return sentenceTexts }
      let texts = segmented.sentences.map {
        segmented.string(utf8Range: $0.utf8Range).lowercased()
      }
      sentenceTexts = texts
      return texts
    }
    func firstSentence(containing name: String) -> Int {
      firstPlace(of: name).sentence
    }
    // Where the text first gives a name as a whole word, not followed by `rest` (" partnership"
    // of "One Dunsholt Partnership"), if it does.
    func firstPlace(of name: String, notFollowedBy rest: String) -> (sentence: Int, offset: Int)? {
      let folded = name.lowercased()
      for (index, text) in lowerCasedSentences().enumerated() {
        var from = text.startIndex
        while let found = text[from...].firstRange(of: folded) {
          let after = text[found.upperBound...]
          let wordEnds = after.first.map { !$0.isLetter && !$0.isNumber } ?? true
          let wordStarts =
            found.lowerBound == text.startIndex
            || !(text[text.index(before: found.lowerBound)].isLetter)
          if wordStarts, wordEnds, !after.hasPrefix(rest) {
            return (index, text.distance(from: text.startIndex, to: found.lowerBound))
          }
          from = found.upperBound
        }
      }
      return nil
    }
    // Where the text first gives a name: its sentence, and where in the sentence.
    func firstPlace(of name: String) -> (sentence: Int, offset: Int) {
      let texts = lowerCasedSentences()
      let folded = name.lowercased()
      guard let sentence = texts.firstIndex(where: { $0.contains(folded) }),
        let found = texts[sentence].firstRange(of: folded)
      else { return (Int.max, Int.max) }
      return (
        sentence, texts[sentence].distance(from: texts[sentence].startIndex, to: found.lowerBound)
      )
    }
    // A brand given alone before the text first writes it with a head ("the One Dunsholt story"
    // in the title, "One Dunsholt Partnership" under it) keeps the name as first given, though
    // the headed form was registered first. (Where the brand alone is first given is read only
    // for such pairs, which are rare.)
    for brand in brands {
      let key = keyOf(brand)
      guard !familyKeys.contains(key), let full = registry[key], full != brand else { continue }
      let (folded, fullFolded) = (brand.lowercased(), full.lowercased())
      guard fullFolded.count > folded.count + 1, fullFolded.hasPrefix(folded + " ") else {
        continue
      }
      let rest = String(fullFolded.dropFirst(folded.count))
      if let alone = firstPlace(of: brand, notFollowedBy: rest), alone < firstPlace(of: full) {
        registry[key] = brand
      }
    }

    // Variants of one partnership: a brand that holds a formal name's place words ("One
    // Thrushcombe", "Thrushcombe Local Strategic Partnership") is the same partnership, named
    // by whichever the document gave first.
    for brandKey in registryOrder where !familyKeys.contains(brandKey) {
      let brandWords = brandKey.split(separator: " ")
      guard brandWords.count >= 2, brands.contains(where: { keyOf($0) == brandKey }) else {
        continue
      }
      for placeKey in registryOrder where placeKey != brandKey && !familyKeys.contains(placeKey) {
        let placeWords = placeKey.split(separator: " ")
        // (A brand of two places is not one place's partnership: "Cressley and Haughton
        // Together" is not the "Haughton LSP".)
        guard placeWords.count < brandWords.count,
          !brandWords.contains(where: { $0 == "and" || $0 == "&" })
            || placeWords.contains(where: { $0 == "and" || $0 == "&" }),
          !brands.contains(where: { keyOf($0) == placeKey }),
          (0...(brandWords.count - placeWords.count)).contains(where: {
            Array(brandWords[$0..<($0 + placeWords.count)]) == placeWords
          }),
          let brandName = registry[brandKey], let placeName = registry[placeKey]
        else { continue }
        // The one the document gives first, title included; a brand in brackets after the
        // name comes after it in their sentence.
        let bracketed = otherNames.contains { $0.brand == brandKey && $0.name == placeKey }
        // Within one sentence, the one written first ("launched as the Harrowmere Local
        // Strategic Partnership and since 2003 has traded as Harrowmere Forward"), unless the
        // brand is a new name ("now known as One Brenthorne").
        let brandPlace = firstPlace(of: brandName)
        let placePlace = firstPlace(of: placeName)
        let name =
          brandPlace.sentence < placePlace.sentence
            || (!bracketed && brandPlace.sentence == placePlace.sentence
              && (brandPlace.offset <= placePlace.offset || renamed.contains(brandKey)))
          ? brandName : placeName
        registry[brandKey] = name
        registry[placeKey] = name
      }
    }

    // Another name and the name it follows are one partnership, named by whichever the
    // document gives first (the name, where they first meet in one sentence). A brand given
    // as the other name of two names is left alone.
    for other in otherNames where other.brand != other.name {
      guard !otherNames.contains(where: { $0.brand == other.brand && $0.name != other.name }),
        let name = registry[other.name], let brand = registry[other.brand]
      else { continue }
      let value =
        firstSentence(containing: brand) < firstSentence(containing: name) ? brand : name
      registry[other.brand] = value
      registry[other.name] = value
    }

    // A name with "&" or "and" between two places is also written with their initials on
    // either side of "&" ("W&C" for the "Wendlecote & Crowhythe Partnership", "O&TV" for the
    // "Orpwell & Tessing Vale Partnership"), the head's initials after them or not ("W&CP").
    // Such a form stands for the name, alone or before a head ("the O&TV Partnership").
    var ampersandForms: [String: String] = [:]  // form in lower case → key
    // A form of one letter either side ("W&C") is as often a common abbreviation ("A&E",
    // "R&D", "Q&A"): it stands for the name only before a head's last word or a brand's body
    // word ("the W&C board", "the W&C Partnership"; not "A&E services", "the P&R Committee").
    var ampersandFollowers: Set<String> = []
    // (Only where some name has "&" or "and": the sets below were built for every document.)
    if registry.values.contains(where: { $0.contains("&") || $0.contains(" and ") }) {
      var headWords: Set<String> = rules.value.areaWords
      for head in rules.value.heads {
        for word in head.text.split(separator: " ") {
          headWords.insert(TokenNormalizer.normalize(word))
        }
      }
      let connectors = rules.value.lowerCaseWords.union(["&"])
      var ambiguous: Set<String> = []
      for key in registryOrder where !familyKeys.contains(key) {
        guard let full = registry[key] else { continue }
        let words = full.split(separator: " ")
        guard let and = words.firstIndex(where: { $0 == "&" || $0 == "and" }), and > 0,
          and + 1 < words.count
        else { continue }
        func initials(_ part: ArraySlice<Substring>) -> String {
          String(
            part.filter { !connectors.contains($0.lowercased()) && $0.first?.isUppercase == true }
              .compactMap(\.first))
        }
        let left = initials(words[..<and])
        let right = words[(and + 1)...]
        let place = right.prefix { !headWords.contains(TokenNormalizer.normalize($0)) }
        guard !left.isEmpty, !place.isEmpty else { continue }
        for form in Set([initials(place), initials(right)]) where !form.isEmpty {
          let folded = (left + "&" + form).lowercased()
          if let known = ampersandForms[folded], known != key { ambiguous.insert(folded) }
          ampersandForms[folded] = key
        }
      }
      for form in ambiguous { ampersandForms[form] = nil }
      if !ampersandForms.isEmpty {
        ampersandFollowers = Set(
          rules.value.heads.compactMap { TokenNormalizer.lastWord(of: $0.text) }
        ).union(rules.value.brandBodyWords)
      }
      // A head-ended name whose place words are such a form is that partnership.
      for key in registryOrder where key.contains("&") && !key.contains(" ") {
        if let formKey = ampersandForms[key], formKey != key, let name = registry[formKey] {
          registry[key] = name
        }
      }
    }

    // The analyst's aliases: a recognised name that is an alias takes its partnership's name.
    if !aliases.entries.isEmpty {
      for key in registryOrder {
        if let written = registry[key], let name = aliases.name(for: written) {
          registry[key] = name
        }
      }
    }
    let aliasForms = aliases.forms

    // Pass 2: every mention of a known name, longest first within a sentence.
    // (An "&" is written between tokens, not as one: "Cressley & Haughton Together".)
    let brandWords = brands.map { $0.split(separator: " ").filter { $0 != "&" }.map(String.init) }
    // The place words of each name ending in a head, for informal mentions.
    let placeWords: [(key: String, words: [String])] = registryOrder.compactMap { key in
      if familyKeys.contains(key) { return nil }
      let words = key.split(separator: " ").map { TokenNormalizer.normalize($0) }
      return words.isEmpty || words.contains("&") ? nil : (key, words)
    }
    // The places the text names its partnerships after ("Fennerby" of "Fennerby First" and of
    // "Fennerby Local Strategic Partnership"), for theme partnerships' brands ("Safer Fennerby").
    let familyPlaces: [[String]] =
      rules.value.familyBrandWords.isEmpty
      ? []
      : Array(
        Set(
          registryOrder.compactMap { key -> [String]? in
            if familyKeys.contains(key) { return nil }
            let words = key.split(separator: " ").map { TokenNormalizer.normalize($0) }.filter {
              !rules.value.brandWordsAfter.contains($0)
                && !rules.value.brandWordsBefore.contains($0)
            }
            return words.isEmpty || words.contains("&") ? nil : words
          })
      ).sorted { $0.joined(separator: " ") < $1.joined(separator: " ") }
    // Where a theme partnership's brand stands at `position`: a brand word, a place's words
    // and "Partnership" if it follows ("Safer Fennerby", "Healthier Hadstow Partnership"), not
    // another name ("Safer Fennerby Neighbourhoods") nor a theme group ("the Safer Fennerby
    // group").
    func familyBrands(_ tokens: SentenceTokens, at position: Int) -> [Range<Int>] {
      guard tokens.isCapitalized(position),
        rules.value.familyBrandWords.contains(tokens.normalized(position))
      else { return [] }
      var spans: [Range<Int>] = []
      for place in familyPlaces where position + place.count < tokens.count {
        guard
          (0..<place.count).allSatisfy({
            tokens.isCapitalized(position + 1 + $0)
              && tokens.normalized(position + 1 + $0) == place[$0]
              && tokens.connected(position + $0)
          })
        else { continue }
        var end = position + 1 + place.count
        if end < tokens.count, tokens.connected(end - 1), tokens.isCapitalized(end) {
          guard rules.value.informalHeads.contains(tokens.normalized(end)) else { continue }
          end += 1
        }
        if end < tokens.count, rules.value.familyGroupWords.contains(tokens.normalized(end)) {
          continue
        }
        spans.append(position..<end)
      }
      return spans
    }
    // The brand and place words of such a span, without "Partnership".
    func brandKey(_ tokens: SentenceTokens, _ span: Range<Int>) -> String {
      span.map { tokens.normalized($0) }.filter { !rules.value.informalHeads.contains($0) }.joined(
        separator: " ")
    }
    // A brand word at a sentence's start may be an adjective ("Working Fennerby families have
    // seen little benefit"): a brand counts where the document also writes it inside a sentence,
    // with "Partnership", or as a unit of its own (a heading, a list item, a table cell, a line).
    var confirmedBrands: Set<String> = []
    // Each such brand's name as first given, in ordinary case: a title page's "SAFER GARNFORD
    // PARTNERSHIP" is the "Safer Garnford Partnership" of every later "Safer Garnford" (and a
    // form first printed in capitals gives way to the text's own, as other names do).
    var familyBrandNames: [String: String] = [:]
    if !familyPlaces.isEmpty {
      var brandsInCapitals: Set<String> = []
      for (index, tokens) in sentences.enumerated() where tokens.count > 0 {
        let kind = segmented.extracted.blocks[segmented.sentences[index].block].kind
        for position in 0..<tokens.count {
          for span in familyBrands(tokens, at: position) {
            let key = brandKey(tokens, span)
            if span.lowerBound > 0 || span.upperBound == tokens.count || kind != .paragraph
              || rules.value.informalHeads.contains(tokens.normalized(span.upperBound - 1))
              || tokens.commaAfter(span.upperBound - 1) || tokens.clauseBreak(span.upperBound - 1)
            {
              confirmedBrands.insert(key)
            }
            let written = raw(tokens, span)
            if familyBrandNames[key] == nil
              || (brandsInCapitals.contains(key) && !isCapitals(written))
            {
              familyBrandNames[key] = Self.ordinaryCase(
                written, lowerCase: rules.value.lowerCaseWords,
                particles: rules.value.placeParticles)
              if isCapitals(written) {
                brandsInCapitals.insert(key)
              } else {
                brandsInCapitals.remove(key)
              }
            }
          }
        }
      }
    }
    // Abbreviations that are a name's initials, not defined in brackets.
    var initialisms: Set<String> = []
    // A name's initials stand for it where the document uses them without defining them in
    // brackets: "WDP" for the "Wetherop and District Partnership", "KLSP" for the "Kelbrook
    // LSP" (a word in capitals counts whole). Connecting words give no letter. Three letters at
    // least ("HP" and "TF" are too often something else), never a word of the codes' phrases
    // ("LSP", "NRF", "LAA"), and never what brackets define for anything in the document
    // ("Thames Valley Police (TVP)").
    var bracketDefined: Set<String>?
    func definedInBrackets() -> Set<String> {
      if let bracketDefined { return bracketDefined }
      var found: Set<String> = []
      for tokens in sentences where tokens.count > 1 {
        for position in 1..<tokens.count
        where tokens.isAllCaps(position) && gap(tokens, position - 1).hasSuffix("(") {
          found.insert(Self.withoutPossessive(word(tokens, position)))
        }
      }
      bracketDefined = found
      return found
    }
    func isCodeWord(_ written: String) -> Bool {
      let id = Array(TokenNormalizer.normalize(written).utf8).withUnsafeBufferPointer {
        taxonomy.lexicon.id(utf8: $0)
      }
      return id >= 0 && taxonomy.lexiconIDs[Int(id)].phrase >= 0
    }
    for key in registryOrder {
      guard let full = registry[key] else { continue }
      let initials = full.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap {
        part -> String? in
        let folded = part.lowercased()
        if folded == "&" || folded == "the" || rules.value.nameConnectors.contains(folded) {
          return nil
        }
        if part.count >= 2, part.allSatisfy({ $0.isUppercase }) { return String(part) }
        return part.first.map { String($0).uppercased() }
      }.joined()
      guard initials.count >= 3, initials.allSatisfy({ $0.isLetter }),
        abbreviations[initials] == nil, !isCodeWord(initials),
        !definedInBrackets().contains(initials)
      else { continue }
      abbreviations[initials] = key
      initialisms.insert(initials)
    }
    // Without abbreviations, brand names or place words, only the head-ended names need
    // placing.
    let scansWords =
      !abbreviations.isEmpty || !brands.isEmpty || !aliasForms.isEmpty || !confirmedBrands.isEmpty
      || !ampersandForms.isEmpty
    for (index, tokens) in sentences.enumerated()
    where tokens.count > 0
      && (scansWords || !headSpans[index].isEmpty || !informalHeadsAt[index].isEmpty)
    {
      var found: [Span] = headSpans[index].compactMap { item in
        registry[item.key].map {
          Span(tokens: item.span, name: $0, isFamily: familyKeys.contains(item.key))
        }
      }
      // A known name's place words before a lower-case head: "the Oakridge partnership".
      for end in informalHeadsAt[index] {
        for (key, words) in placeWords where words.count <= end {
          let position = end - words.count
          if tokens.isCapitalized(position),
            (0..<words.count).allSatisfy({ tokens.normalized(position + $0) == words[$0] }),
            // Not the end of a longer run of capitals, though a sentence may open with a
            // determiner: "The Kelsey partnership has ...".
            position == 0 || !tokens.isCapitalized(position - 1)
              || tokens.clauseBreak(position - 1)
              || (position == 1 && isStopWord(tokens, 0)),
            let name = registry[key]
          {
            found.append(Span(tokens: position..<(end + 1), name: name))
          }
        }
      }
      for position in 0..<tokens.count where scansWords {
        // An abbreviation right after its name, "(ELSP)", defines it; later uses are mentions,
        // one after another name and a comma among them ("Unlike Harrowdale Together, KLSP has
        // no seat").
        let defines =
          tokens.isAllCaps(position) && found.contains { $0.tokens.upperBound == position }
          && gap(tokens, position - 1).contains("(")
        if tokens.isAllCaps(position), !defines,
          let key = abbreviations[Self.withoutPossessive(word(tokens, position))],
          let name = registry[key],
          // Initials inside a reference or another word ("Our ref: PWIP/PC/11/07",
          // "WDP-2004-03", "AT&T") are no name.
          !initialisms.contains(Self.withoutPossessive(word(tokens, position)))
            || !((position > 0 && gap(tokens, position - 1).contains(where: "/&-".contains))
              || (position + 1 < tokens.count
                && gap(tokens, position).contains(where: "/&-".contains)))
        {
          found.append(
            Span(
              tokens: position..<(position + 1), name: name, isFamily: familyKeys.contains(key)))
        }
        // Initials either side of "&" ("W&C"), written close. (The token bits first: the text
        // between tokens is read as a string.)
        if !ampersandForms.isEmpty, position + 1 < tokens.count,
          tokens.isCapitalized(position) || tokens.isAllCaps(position),
          tokens.isCapitalized(position + 1) || tokens.isAllCaps(position + 1),
          gap(tokens, position) == "&",
          word(tokens, position).allSatisfy(\.isUppercase),
          case let second = Self.withoutPossessive(word(tokens, position + 1)),
          second.allSatisfy(\.isUppercase),
          let key = ampersandForms[(word(tokens, position) + "&" + second).lowercased()],
          let name = registry[key],
          word(tokens, position).count + second.count > 2
            || (position + 2 < tokens.count
              && ampersandFollowers.contains(tokens.normalized(position + 2)))
        {
          found.append(Span(tokens: position..<(position + 2), name: name))
        }
        for (brand, words) in zip(brands, brandWords) where position + words.count <= tokens.count {
          // A brand printed in capitals is the brand ("HOLLINSFORD TOGETHER").
          // (Its last word may carry a possessive: "Cawdle Forward's executive".)
          if (0..<words.count).allSatisfy({
            var written = word(tokens, position + $0)
            if $0 == words.count - 1 { written = Self.withoutPossessive(written) }
            return written == words[$0]
              || (tokens.isAllCaps(position + $0) && written == words[$0].uppercased())
          }),
            Self.withoutPossessive(raw(tokens, position..<(position + words.count))).uppercased()
              == brand.uppercased(),
            let name = registry[keyOf(brand)]
          {
            found.append(Span(tokens: position..<(position + words.count), name: name))
          }
        }
        // A theme partnership's brand: "Safer Fennerby", "Healthier Hadstow Partnership".
        if !confirmedBrands.isEmpty {
          for span in familyBrands(tokens, at: position)
          where confirmedBrands.contains(brandKey(tokens, span)) {
            let key = brandKey(tokens, span)
            found.append(
              Span(
                tokens: span, name: familyBrandNames[key] ?? raw(tokens, span), isFamily: true))
          }
        }
        if !aliasForms.isEmpty, tokens.isCapitalized(position) || tokens.isAllCaps(position) {
          let first = tokens.normalized(position)
          for form in aliasForms
          where form.words[0] == first && position + form.words.count <= tokens.count {
            if (1..<form.words.count).allSatisfy({
              tokens.normalized(position + $0) == form.words[$0]
            }) {
              found.append(
                Span(tokens: position..<(position + form.words.count), name: form.name))
            }
          }
        }
      }
      found.sort {
        ($0.tokens.lowerBound, -$0.tokens.count) < ($1.tokens.lowerBound, -$1.tokens.count)
      }
      var kept: [Span] = []
      for span in found where !kept.contains(where: { $0.tokens.overlaps(span.tokens) }) {
        kept.append(span)
      }
      spans[index] = kept
    }
    // The subject: the first name in the title, or in the headings before the body begins (a
    // report's title page: "Inspection report / Sandrigg Local Strategic Partnership").
    // A paragraph of its own that is a short question ("Who is Tamberley Forward for?") or has no
    // final punctuation (a title wrapped over two lines) is a title line too; prose ends the
    // title block, and a byline or an address line ("Submitted to: ...") is passed over.
    // A letter's subject line, the title after the salutation ("Dear ..."), is the title block
    // on its own: the letterhead above it is the sender's.
    let blocks = segmented.extracted.blocks
    // Another body of the LSP family named in the title is its subject when it is a partnership
    // ("SAFER GARNFORD PARTNERSHIP / ANNUAL REPORT 2008/09"), as the codebook reads: "the
    // partnership named in its title". A body whose family head ends with a word no partnership
    // head ends with is not one ("Holmcaster Community Empowerment Network").
    func isSubject(_ span: Span) -> Bool { isPartnership(span) }
    let lateTitle = blocks.indices.first {
      $0 > 0 && blocks[$0].kind == .title
        && PlainTextExtractor.readsAsSalutation(blocks[$0 - 1].text)
    }
    // The partnership whose place a title line ends with, standing alone after a colon or a
    // dash or as the whole line ("Case Study Report: Harrowmere", "Local Strategic
    // Partnerships: Sallowmere"), when the document names just one partnership (not a family
    // body) after that place. A brand word is not a place word ("One Harrowmere" is named after
    // Harrowmere). Not a place after a preposition: "partnership working in Marrowby" or "the
    // network for groups in Kelderby" is about the place and what works in it.
    func titlePlaceSubject(_ lines: [Int]) -> String? {
      var places: [[String]: Set<String>] = [:]
      for key in registryOrder where !familyKeys.contains(key) {
        guard let name = registry[key] else { continue }
        let words = key.split(whereSeparator: { $0 == " " || $0 == "-" }).map {
          TokenNormalizer.normalize($0)
        }.filter {
          !rules.value.brandWordsAfter.contains($0) && !rules.value.brandWordsBefore.contains($0)
        }
        if !words.isEmpty, !words.contains("&") { places[words, default: []].insert(name) }
      }
      guard !places.isEmpty else { return nil }
      // The longest place first ("North Crowbury" before "Crowbury"), in one order every run.
      let ordered = places.filter { $0.value.count == 1 }.sorted { a, b in
        a.key.count != b.key.count
          ? a.key.count > b.key.count : a.key.lexicographicallyPrecedes(b.key)
      }
      // Words that end a body's name: a title that names one before the place ("Community
      // Safety Partnership - Crowbury", "Children's Trust: Crowbury") is that body's, not the
      // area partnership's. A plural names a topic ("Local Strategic Partnerships: Sallowmere").
      let bodyWords = rules.value.organisationWords.union(rules.value.bodyEnders).union(
        (rules.value.heads + rules.value.familyHeads).compactMap {
          TokenNormalizer.lastWord(of: $0.text)
        })
      // A place of several words may hold lower-case particles ("Bath and North East Somerset",
      // "Newcastle upon Tyne", "Stoke-on-Trent").
      let particles = rules.value.nameConnectors.union(rules.value.placeParticles)
      for index in lines {
        let tokens = sentences[index]
        for (words, names) in ordered where words.count <= tokens.count {
          let start = tokens.count - words.count
          guard tokens.isCapitalized(start),
            (start..<tokens.count).allSatisfy({
              tokens.isCapitalized($0) || particles.contains(tokens.normalized($0))
            }),
            (0..<words.count).allSatisfy({ tokens.normalized(start + $0) == words[$0] })
          else { continue }
          if start == 0 { return names.first }
          if [":", "-", "–", "—"].contains(gap(tokens, start - 1)),
            tokens.isPlural(start - 1) || !bodyWords.contains(tokens.normalized(start - 1))
          {
            return names.first
          }
        }
      }
      return nil
    }
    var menuCells = 0
    var lastMenuCell = -1
    // On a web page, a paragraph after the headline is the page's text, even one without final
    // punctuation (the standfirst under a news story's headline).
    let headlineBlock = segmented.extracted.headline.flatMap { headline in
      blocks.indices.first { blocks[$0].kind == .heading && blocks[$0].text == headline }
    }
    // The title block's lines.
    var titleLines: [Int] = []
    for (index, sentence) in segmented.sentences.enumerated() {
      if let lateTitle {
        guard sentence.block <= lateTitle else { break }
        if sentence.block == lateTitle,
          let name = spans[index].first(where: isSubject)?.name
        {
          subject = name
          break
        }
        continue
      }
      let kind = segmented.extracted.blocks[sentence.block].kind
      let last = sentence.utf8Range.count > 0 ? bytes[sentence.utf8Range.upperBound - 1] : 0
      let tokens = sentences[index]
      // (A byline word before a lower-case noun opens a title: "Written evidence submitted by
      // Farrowdale First".)
      let byline =
        tokens.count > 0
        && rules.value.bylineWords.contains(tokens.normalized(0))
        && (tokens.count == 1 || !tokens.connected(0) || tokens.isCapitalized(1)
          || prepositions.contains(tokens.normalized(1))
          || !(word(tokens, 1).first?.isLetter ?? false)
          // ("Prepared jointly by", "Commissioned and published by" are bylines.)
          || rules.value.openingSuffixes.contains { tokens.normalized(1).hasSuffix($0) }
          || rules.value.nameConnectors.contains(tokens.normalized(1)))
      // A byline or an address line is passed over: an e-mail's "Subject:" comes after its
      // "From:" and "To:".
      if byline, sentence.block - menuCells < 8 { continue }
      // A menu laid out as a row of short cells ("Home | About me | Contact") is passed over
      // and not counted.
      if kind == .tableCell, tokens.count <= 3 {
        if sentence.block != lastMenuCell {
          menuCells += 1
          lastMenuCell = sentence.block
        }
        continue
      }
      // (A page laid out in a table holds its paragraphs in cells: "Home > News > Lead
      // article" over the headline.)
      let titleLine =
        (kind == .title || kind == .heading || kind == .line
          || ((kind == .paragraph || kind == .tableCell)
            && sentence.block < headlineBlock ?? Int.max
            && (index == 0 || segmented.sentences[index - 1].block != sentence.block)
            && (index + 1 == segmented.sentences.count
              || segmented.sentences[index + 1].block != sentence.block)
            && ((last == UInt8(ascii: "?") && tokens.count <= Self.titleLineWords)
              || !".!:;,".utf8.contains(last))))
      guard titleLine, sentence.block - menuCells < 8 else { break }
      if let name = spans[index].first(where: isSubject)?.name {
        subject = name
        break
      }
      titleLines.append(index)
    }
    // A title block that names no partnership may name its place.
    if subject == nil, lateTitle == nil { subject = titlePlaceSubject(titleLines) }
    // A letter's subject line that names no partnership leaves the one named nearest above the
    // salutation: the addressee's ("Chair, Stavenholme Strategy Board"), else the sender's on
    // the letterhead.
    if subject == nil, let lateTitle {
      for index in segmented.sentences.indices.reversed()
      where segmented.sentences[index].block < lateTitle {
        if let name = spans[index].last(where: isSubject)?.name {
          subject = name
          break
        }
      }
    }
    for index in rejected.indices {
      rejections[index] = rejected[index].filter { rejection in
        !spans[index].contains { $0.tokens.overlaps(rejection.tokens) }
      }
    }
  }

  /// A name printed in capitals, in ordinary case ("HOLLINSFORD TOGETHER" → "Hollinsford
  /// Together"; `lowerCase` words inside it, such as "and", "of" and "the", in lower case, a
  /// word without a vowel kept as an abbreviation: "KELBROOK LSP" → "Kelbrook LSP"); other
  /// names as written.
  static func ordinaryCase(
    _ name: String, lowerCase: Set<String>, particles: Set<String> = []
  ) -> String {
    guard name == name.uppercased(), name != name.lowercased() else { return name }
    return name.split(separator: " ", omittingEmptySubsequences: false).enumerated().map {
      index, word in
      let lower = word.lowercased()
      if index > 0, lowerCase.contains(lower) { return lower }
      // An abbreviation has no vowel: "LSP", "CDRP".
      if !lower.contains(where: { "aeiouy".contains($0) }) { return String(word) }
      // A place written with hyphens keeps its particles in lower case: "STOWE-ON-THE-FENN" is
      // "Stowe-on-the-Fenn".
      return lower.split(separator: "-", omittingEmptySubsequences: false).enumerated().map {
        part, piece in
        part > 0 && particles.contains(String(piece))
          ? String(piece) : piece.prefix(1).uppercased() + piece.dropFirst()
      }.joined(separator: "-")
    }.joined(separator: " ")
  }

  /// The most words a paragraph of the title block may have and still read as a title line.
  static let titleLineWords = 12

  /// The registry key of a name's place words: case folded, "and District" or "& District"
  /// dropped, so that "Sandrigg and District Partnership Board" and "SANDRIGG Local Strategic
  /// Partnership" are one partnership.
  static func key(_ placeWords: String, areaWords: Set<String> = ["district"]) -> String {
    // "&" and "and" join places alike: "Cressley & Haughton Together" is "Cressley and Haughton
    // Together".
    var words = placeWords.lowercased().split(separator: " ").map { $0 == "&" ? "and" : String($0) }
    if words.count >= 3, let last = words.last, areaWords.contains(TokenNormalizer.normalize(last)),
      words[words.count - 2] == "and"
    {
      words.removeLast(2)
    }
    // "Hadley Borough Partnership" and "Hadley LSP": an area word after the place names the
    // same area. ("Greater Hadley" is a larger one.)
    if words.count >= 2, let last = words.last, areaWords.contains(TokenNormalizer.normalize(last))
    {
      words.removeLast()
    }
    return words.joined(separator: " ")
  }

  /// A word without a trailing possessive ("KLSP’s" → "KLSP").
  static func withoutPossessive(_ word: String) -> String {
    for suffix in ["'s", "’s", "'S", "’S"] where word.hasSuffix(suffix) {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  /// The named mentions in a sentence, in order.
  func mentions(inSentence index: Int) -> [Span] {
    index < spans.count ? spans[index] : []
  }

  /// Whether a name is a partnership's: an area's, or another body of the family whose head
  /// ends as a partnership's does ("Safer Kelbrook Partnership", "Safer Kelbrook"), not a
  /// network's or a trust's ("Kelbrook Community Empowerment Network").
  func isPartnership(_ span: Span) -> Bool {
    !span.isFamily || !otherBodyWords.contains(TokenNormalizer.lastWord(of: span.name) ?? "")
  }

  /// The capitalised candidates of a sentence that were not taken as names, with the reason.
  func rejections(inSentence index: Int) -> [Rejection] {
    index < rejections.count ? rejections[index] : []
  }
}

/// A value behind a reference, for closures that read a large struct: capturing the reference
/// retains one object where capturing the struct copies every one of its fields.
private final class Reference<Value> {
  let value: Value
  init(_ value: Value) { self.value = value }
}
