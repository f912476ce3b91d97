/// Gives each participation cue ("engagement", "involved") its code by who takes part in its
/// clause (see `ParticipationRules`).
///
/// A participant is a word of a side's `words` ("businesses", "residents") or a mention of one
/// of its `codes` ("the private sector"), in the cue's clause and within `window` tokens of it.
/// Words inside a mention of another side do not count: "community" in "the voluntary and
/// community sector" is the sector, and a word that modifies the participant after it is not
/// one ("public agencies" are agencies). The nearest participant decides ("community consultation
/// endorsed by the council" is community engagement); sides equally near both count, and so do
/// participants listed with the nearest ("the voluntary sector and residents"). With none in the
/// window, a cue looks back to the nearest participant earlier in the sentence: a strong or a
/// leaning cue always, a weak cue only when a back reference ("neither", "they") stands in its
/// clause, and a side's own cue never. A cue with no participant takes the default code, a weak
/// cue none, and a side's leaning cue its side's code.
///
///     "More engagement with the private sector is needed."    representation
///     "Engagement with residents has improved."               community engagement
///     "The work involved two officers."                       (nothing)
///     "Two employers were approached, but neither took part." representation
enum ParticipationReading {
  typealias Found = (tokens: Range<Int>, entry: PhraseMatcher.Entry)
  typealias Lists = (conjunctions: Set<String>, determiners: Set<String>)

  /// How far back a cue with no participant in its window may look.
  enum ReachBack {
    /// Not at all: a side's own cue.
    case never
    /// Only when a back reference stands in the cue's clause: a weak cue.
    case pointed
    /// Always: a strong or a leaning cue.
    case always
  }

  /// What stands at each token of a sentence, worked out once for all its cues.
  struct Participants {
    /// The sides (a bit per side index) each token names: the side of the mention it stands
    /// in, or those whose words hold it.
    var sides: [UInt8]
    /// The mention (not a cue) each token stands in, if any.
    var mention: [Range<Int>?]
    /// Each token's normalised word.
    var words: [String]

    init(
      _ found: [Found], rules: ParticipationRules, tokens: SentenceTokens,
      determiners: Set<String>
    ) {
      let count = tokens.count
      sides = [UInt8](repeating: 0, count: count)
      mention = [Range<Int>?](repeating: nil, count: count)
      words = (0..<count).map { tokens.normalized($0) }
      for index in 0..<count {
        if let found = found.first(where: {
          $0.tokens.contains(index) && !ParticipationRules.isCue($0.entry.code)
        }) {
          mention[index] = found.tokens
          // Sides are reached by index: a loop over them copied each (and retained its sets).
          if let side = rules.sides.indices.first(where: {
            rules.sides[$0].codes.contains(found.entry.code)
          }) {
            sides[index] = 1 << UInt8(side)
          }
          continue
        }
        for side in rules.sides.indices where rules.sides[side].words.contains(words[index]) {
          sides[index] |= 1 << UInt8(side)
        }
      }
      // A part of a participant is on its side: "members of the public" are the public's,
      // "representatives of the voluntary sector" the sector's.
      for index in 0..<count where sides[index] != 0 && mention[index] == nil {
        guard index + 2 < count, rules.partOf.contains(words[index + 1]), tokens.connected(index),
          tokens.connected(index + 1)
        else { continue }
        var whole = index + 2
        if determiners.contains(words[whole]), whole + 1 < count, tokens.connected(whole) {
          whole += 1
        }
        if sides[whole] != 0 { sides[index] = sides[whole] }
      }
    }

    func isParticipant(_ index: Int) -> Bool { sides[index] != 0 }

    /// Whether the participant at `index` modifies the one after it and so is not one itself
    /// ("public agencies" are agencies, "Interfaith Forum" a forum): the next token is joined
    /// to it, in its clause and outside `cue`, and is a participant outside its own mention.
    func modifiesNext(_ index: Int, tokens: SentenceTokens, clause: [Int], cue: Range<Int>)
      -> Bool
    {
      let next = mention[index]?.upperBound ?? index + 1
      return next < sides.count && tokens.connected(next - 1) && clause[next] == clause[index]
        && !cue.contains(next) && isParticipant(next)
    }
  }

  /// The found phrases with each participation cue replaced by the mentions it resolves to.
  static func resolve(
    _ found: [Found], rules: ParticipationRules, tokens: SentenceTokens, clause: [Int],
    lists: Lists = ([], [])
  ) -> [Found] {
    guard found.contains(where: { ParticipationRules.isCue($0.entry.code) }) else { return found }
    let participants = Participants(
      found, rules: rules, tokens: tokens, determiners: lists.determiners)
    var resolved: [Found] = []
    for item in found {
      guard ParticipationRules.isCue(item.entry.code) else {
        resolved.append(item)
        continue
      }
      let own = rules.sides.indices.first {
        ParticipationRules.sideCueCode($0) == item.entry.code
      }
      let reach: ReachBack =
        own != nil ? .never : item.entry.code == ParticipationRules.weakCueCode ? .pointed : .always
      let present = sides(
        of: item.tokens, participants: participants, rules: rules, tokens: tokens,
        clause: clause, lists: lists, reach: reach)
      var codes: [Code]
      switch item.entry.code {
      case ParticipationRules.cueCode: codes = present.isEmpty ? [rules.defaultCode] : present
      case ParticipationRules.weakCueCode: codes = present
      default:
        if let leaning = rules.sides.indices.first(where: {
          ParticipationRules.leaningCueCode($0) == item.entry.code
        }) {
          // A cue that leans to a side: that side's code unless another takes part.
          codes = present.isEmpty ? [rules.sides[leaning].code] : present
          break
        }
        // A side's own cue: its code if that side takes part.
        codes = own.map { rules.sides[$0].code }.map { present.contains($0) ? [$0] : [] } ?? []
      }
      for code in codes
      where !resolved.contains(where: { $0.entry.code == code && $0.tokens == item.tokens }) {
        var entry = item.entry
        entry.code = code
        resolved.append((item.tokens, entry))
      }
    }
    return resolved
  }

  /// The codes of the sides that take part around a cue, nearest first.
  static func sides(
    of cue: Range<Int>, participants: Participants, rules: ParticipationRules,
    tokens: SentenceTokens, clause: [Int], lists: Lists = ([], []), reach: ReachBack = .never
  ) -> [Code] {
    let cueClause = clause[cue.lowerBound]
    let lower = max(0, cue.lowerBound - rules.window)
    let upper = min(tokens.count, cue.upperBound + rules.window)
    var nearest: [(distance: Int, code: Code)] = []
    // Where each participant stands, for its list (below).
    var hits: [(distance: Int, index: Int)] = []
    func note(_ index: Int) {
      let distance = index < cue.lowerBound ? cue.lowerBound - index : index - cue.upperBound + 1
      hits.append((distance, index))
      for side in rules.sides.indices where participants.sides[index] & (1 << UInt8(side)) != 0 {
        let code = rules.sides[side].code
        if let at = nearest.firstIndex(where: { $0.code == code }) {
          nearest[at].distance = min(nearest[at].distance, distance)
        } else {
          nearest.append((distance, code))
        }
      }
    }
    for index in lower..<upper where !cue.contains(index) && clause[index] == cueClause {
      guard participants.isParticipant(index) else { continue }
      // A word that modifies the participant after it is not the participant: the head is,
      // even past the window. (A mention in the window counts as it is.)
      if participants.mention[index] == nil,
        participants.modifiesNext(index, tokens: tokens, clause: clause, cue: cue)
      {
        continue
      }
      note(index)
    }
    // With none in the window, the nearest participant earlier in the sentence is the one
    // meant ("Two employers were approached, but neither agreed to take part"); what comes
    // after the cue lends nothing back.
    let pointed =
      reach == .always
      || (reach == .pointed
        && (0..<tokens.count).contains {
          clause[$0] == cueClause && rules.backReferences.contains(participants.words[$0])
        })
    if nearest.isEmpty, pointed {
      var index = cue.lowerBound - 1
      while index >= 0, nearest.isEmpty {
        if clause[index] != cueClause || index < lower, participants.isParticipant(index),
          !participants.modifiesNext(index, tokens: tokens, clause: clause, cue: cue)
        {
          note(index)
        }
        index -= 1
      }
    }
    // The nearest participant decides; sides equally near both count.
    guard let closest = nearest.map(\.distance).min() else { return [] }
    var codes = nearest.filter { $0.distance == closest }.map(\.code)
    // Participants listed with the nearest take part with it: in "a budget to help the
    // voluntary sector and residents to take part" both do. The list runs over participants
    // and the list's determiners, in the clause, and counts only if it holds a conjunction
    // ("and", "or"): in "unlike businesses, residents were consulted" only residents were.
    guard !lists.conjunctions.isEmpty else { return codes }
    for hit in hits where hit.distance == closest {
      for step in [-1, 1] {
        var listed: [Code] = []
        var joined = false
        var index = hit.index + step
        while index >= 0, index < tokens.count, clause[index] == clause[hit.index],
          !cue.contains(index)
        {
          let word = participants.words[index]
          if participants.isParticipant(index) {
            let ownMention = participants.mention[index].map { $0.contains(hit.index) } ?? false
            if ownMention
              || !participants.modifiesNext(index, tokens: tokens, clause: clause, cue: cue)
            {
              for side in rules.sides.indices
              where participants.sides[index] & (1 << UInt8(side)) != 0 {
                listed.append(rules.sides[side].code)
              }
            }
          } else if participants.mention[index] != nil {
            break
          } else if lists.conjunctions.contains(word) {
            joined = true
          } else if !lists.determiners.contains(word) {
            break
          }
          index += step
        }
        guard joined else { continue }
        for code in listed where !codes.contains(code) { codes.append(code) }
      }
    }
    return codes
  }
}
