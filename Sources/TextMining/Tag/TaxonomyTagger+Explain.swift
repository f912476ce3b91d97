import Foundation

/// What the tagger made of one sentence, recorded as it tagged (see `TaxonomyTagger.analysis(of:)`).
struct SentenceAnalysis {
  /// The framing a list item took from its lead-in.
  var framing: ListFraming?
  /// Whether the unit is a page's metadata line ("Tags: ...") or a link to another post, not coded.
  var isMetadata = false
  /// Whether the unit is a title read as a news story's headline (`grammar.news_labels`).
  var isHeadline = false
  /// Whether the unit is an entry of a reference list, which cites a work (neutral).
  var isCitation = false
  /// The partnership names found in the sentence.
  var names: [PartnershipNameRecognizer.Span] = []
  /// The capitalised candidates not taken as names, with the reason.
  var rejectedNames: [PartnershipNameRecognizer.Rejection] = []
  /// Cues dropped as part of a job title.
  var jobTitles: [Range<Int>] = []
  /// Cues dropped as a person's surname ("Mr Grant", "Cllr Alison Grant").
  var surnames: [Range<Int>] = []
  /// Posts dropped as held by another body ("chief executive of the Chamber of Commerce").
  var otherHolders: [Range<Int>] = []
  /// Phrases dropped for want of a companion code in their clause (`with`).
  var unaccompanied: [(tokens: Range<Int>, entry: PhraseMatcher.Entry)] = []
  /// Phrases dropped for a blocking word in their clause (`without`), with the word's token.
  var blocked: [(tokens: Range<Int>, entry: PhraseMatcher.Entry, blocker: Int)] = []
  /// Mentions dropped because a code they give way to stands in their clause (`yields_to`),
  /// with that code.
  var yielded: [(tokens: Range<Int>, entry: PhraseMatcher.Entry, to: Code)] = []
  /// Exclusion phrases matched, which block the codes they contain.
  var exclusions: [(tokens: Range<Int>, entry: PhraseMatcher.Entry)] = []
  /// The matcher's entries (indices) of every exclusion matched and every cue matched and not
  /// taken by a name, in order.
  var matchedEntries: [Int] = []
  /// The cue pass, when it ran: only sentences with a code phrase or a name need it.
  var context: ContextAnalyzer?
  /// What the polarity model saw of each mention, and what it made of it.
  var polarityInputs: [PolarityInput] = []
}

/// One mention as the polarity model saw it (recorded for `explain` and for training).
struct PolarityInput {
  var utf8Range: Range<Int>
  var code: Code
  /// `PolarityFeatures.of` of the mention.
  var features: [String]
  /// The rules' polarity.
  var rule: Polarity
  /// The model's, if the taxonomy has one.
  var learned: Polarity?
  /// Whether the mention stands in a title, a question or a resolution, whose mentions are
  /// neutral whatever either reading says, or rests on a verdict label, which the rules decide.
  var isFixed: Bool
}

/// What the tagger made of a document: each sentence's words and analysis, and the mentions
/// after attribution.
struct DocumentAnalysis {
  /// The partnership the title names.
  var subject: String?
  /// Each sentence's tokens as written and as normalised.
  var words: [[String]]
  var normalized: [[String]]
  /// The analyses of sentences that had tokens, by sentence index.
  var sentences: [Int: SentenceAnalysis]
  var mentions: [Mention]
  /// Sentences over the token or byte limit, left untagged.
  var skipped: Set<Int>
}

extension TaxonomyTagger {
  /// Explains how one document's sentences were tagged, for taxonomy authors, from the analysis
  /// the tagger made (`analysis(of:)`), not a second reading.
  ///
  /// `subject` is the partnership the pipeline maps the document to, if any. For each sentence
  /// (or only those of `blocks`): its tokens with their normalised forms and
  /// clause numbers, the cue words found (negation, hedging, qualifiers, terminators) with their
  /// spans, the framing a list item takes from its lead-in, the named partnerships, exclusions,
  /// phrases dropped for want of their companion code (`with`) or for a blocking word (`without`),
  /// and every mention with its code, polarity, hedging and attributed partnership.
  public func explanation(
    of segmented: SegmentedText, blocks: Set<Int>? = nil, subject given: String? = nil
  ) -> String {
    let analysis = analysis(of: segmented, subject: given)
    var lines: [String] = []
    if let subject = analysis.subject {
      lines.append(
        given == nil
          ? "document subject (partnership named in the title): \(subject)"
          : "document subject (the pipeline's partnerships: sources): \(subject)")
    }
    for (index, sentence) in segmented.sentences.enumerated() {
      if let blocks, !blocks.contains(sentence.block) { continue }
      lines.append("")
      lines.append(
        "sentence \(index) (block \(sentence.block)): \(segmented.string(utf8Range: sentence.utf8Range))"
      )
      if analysis.skipped.contains(index) {
        lines.append(
          "  not tagged: over the sentence limits (limits.max_sentence_tokens, limits.max_sentence_bytes)"
        )
        continue
      }
      let words = analysis.words[index]
      let normalized = analysis.normalized[index]
      func span(_ range: Range<Int>) -> String { words[range].joined(separator: " ") }
      let found = analysis.sentences[index]
      let context = found?.context
      lines.append(
        "  tokens: "
          + words.indices.map { token in
            let clause = context.map { $0.clause[token] } ?? 0
            return "\(words[token])/\(normalized[token])" + (clause > 0 ? "#\(clause)" : "")
          }
          .joined(separator: " "))
      if let context {
        for cue in context.cues {
          lines.append(
            "  cue \(cue.kind.rawValue): '\(span(cue.tokens))' (tokens \(cue.tokens.lowerBound)..<\(cue.tokens.upperBound))"
          )
        }
        for hold in context.factiveHolds {
          lines.append(
            "  held: '\(span(hold.negation))' belongs to the factive predicate '\(span(hold.predicate..<hold.predicate + 1))': the clause it takes stands as it reads (context.grammar.factive_predicates)"
          )
        }
        for qualifier in context.continuingBeforeNegations {
          lines.append(
            "  goes on: '\(span(qualifier))' says the state continues and does not turn over the negation after it (context.grammar.continuing_qualifiers)"
          )
        }
        for proportion in context.proportions {
          let verdict =
            proportion.polarity.map { "\($0.rawValue), a qualifier over its tokens" }
            ?? "neither success nor shortfall: it changes nothing"
          lines.append(
            "  proportion (context.proportions): '\(span(proportion.tokens))', \(proportion.part) of \(proportion.whole)"
              + (proportion.isShortfall ? " after a shortfall word" : "") + ": \(verdict)")
        }
      } else if found?.isMetadata == true {
        lines.append(
          "  a page's metadata line (grammar.metadata_labels), a copyright footer or a link to another post: not coded"
        )
      } else if !words.isEmpty {
        lines.append("  no code phrase or name: cues not read")
      }
      if found?.isHeadline == true {
        lines.append("  a news story's title (grammar.news_labels): a headline, read as a sentence")
      }
      if found?.isCitation == true {
        lines.append(
          "  an entry of a reference list: it cites a work, and its mentions are neutral")
      }
      switch found?.framing {
      case .aim: lines.append("  list item under an aim lead-in: judged mentions are neutral")
      case .judged(let polarity):
        lines.append(
          "  list item under a \(polarity.rawValue) lead-in: judged mentions without a polarity take it"
        )
      case nil: break
      }
      for name in found?.names ?? [] {
        lines.append(
          "  name: '\(span(name.tokens))' -> \(name.name)"
            + (name.isFamily
              ? " (another body of the LSP family: its own sentence's evidence is its when it is a partnership and no area partnership is named beside it, later evidence is attributed past it; partnership_names.family_heads, family_brand_words)"
              : ""))
      }
      for rejection in found?.rejectedNames ?? [] {
        lines.append("  not a name: '\(span(rejection.tokens))': \(rejection.reason)")
      }
      for title in found?.jobTitles ?? [] {
        lines.append(
          "  job title: '\(span(title))' is a post, not a finding (grammar.role_words, role_openers, role_links)"
        )
      }
      for surname in found?.surnames ?? [] {
        lines.append(
          "  surname: '\(span(surname))' after a person's title (partnership_names.person_titles) names a person"
        )
      }
      for post in found?.otherHolders ?? [] {
        lines.append("  another body's post: '\(span(post))' (other_holders)")
      }
      for phrase in found?.blocked ?? [] {
        lines.append(
          "  blocked: '\(span(phrase.tokens))' (\(phrase.entry.code)): '\(span(phrase.blocker..<(phrase.blocker + 1)))' stands in its clause (without)"
        )
      }
      for phrase in found?.unaccompanied ?? [] {
        let constraints = phrase.entry.constraints
        let companions = (constraints?.companions ?? []).map(\.rawValue)
        // A long word list is cut short: the file holds the rest.
        let allWords = (constraints?.companionWords ?? []).sorted()
        let words =
          allWords.prefix(10).map { "'\($0)'" }
          + (allWords.count > 10 ? ["\(allWords.count - 10) more"] : [])
        // "needs bodies.police in its clause (with)", "needs one of 'say', 'view' in its clause
        // (with_words)"
        let needs = [
          companions.isEmpty ? nil : (companions.joined(separator: ", "), "with"),
          words.isEmpty ? nil : ("one of " + words.joined(separator: ", "), "with_words"),
        ].compactMap { $0 }
        let what = needs.map(\.0).joined(separator: " or ")
        let keys = needs.map(\.1).joined(separator: ", ")
        lines.append(
          "  no companion: '\(span(phrase.tokens))' (\(phrase.entry.code)) needs \(what) in its clause (\(keys))"
        )
      }
      for phrase in found?.yielded ?? [] {
        lines.append(
          "  gives way: '\(span(phrase.tokens))' (\(phrase.entry.code)) to \(phrase.to) in its clause (yields_to)"
        )
      }
      for exclusion in found?.exclusions ?? [] {
        lines.append(
          "  exclusion: '\(span(exclusion.tokens))' (\(exclusion.entry.phrase)) blocks \(exclusion.entry.code)"
        )
      }
      for mention in analysis.mentions where mention.sentence == index {
        let matched = segmented.string(utf8Range: mention.utf8Range)
        lines.append(
          "  mention \(mention.code): '\(matched)' polarity \(mention.polarity.rawValue), hedged \(mention.isHedged), "
            + "partnership \(mention.partnership ?? "null")")
        guard
          let input = found?.polarityInputs.first(where: {
            $0.utf8Range == mention.utf8Range && $0.code == mention.code
          }), let learned = input.learned, let model = taxonomy.polarityModel
        else { continue }
        if input.isFixed {
          lines.append(
            "    polarity model: not applied (a title, a citation, a question or a resolution is neutral; a verdict label, a need or a denied claim stands)"
          )
        } else if learned == input.rule {
          lines.append("    polarity model: agrees with the rules (\(input.rule.rawValue))")
        } else {
          let reasons = model.reasons(input.features, chosen: learned, over: input.rule)
            .map { "\($0.feature) \(String(format: "%+.2f", $0.margin))" }
          lines.append(
            "    polarity model: the rules read \(input.rule.rawValue), the model \(learned.rawValue); "
              + "features for \(learned.rawValue) over \(input.rule.rawValue): "
              + reasons.joined(separator: ", "))
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
