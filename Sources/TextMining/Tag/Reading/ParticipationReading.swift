/// Gives each participation cue ("engagement", "involved") its code by who takes part in its
/// clause (see `ParticipationRules`).
///
/// A participant is a word of a side's `words` ("businesses", "residents") or a mention of one
/// of its `codes` ("the private sector"), in the cue's clause and within `window` tokens of it.
/// Words inside a mention of another side do not count: "community" in "the voluntary and
/// community sector" is the sector, and a word that modifies the participant after it is not
/// one ("public agencies" are agencies). The nearest participant decides ("community consultation
/// endorsed by the council" is community engagement); sides equally near both count. A cue
/// with no participant takes the default code, a weak cue none, and a side's leaning cue its
/// side's code.
///
///     "More engagement with the private sector is needed."    representation
///     "Engagement with residents has improved."               community engagement
///     "The work involved two officers."                       (nothing)
enum ParticipationReading {
  typealias Found = (tokens: Range<Int>, entry: PhraseMatcher.Entry)

  /// The found phrases with each participation cue replaced by the mentions it resolves to.
  static func resolve(
    _ found: [Found], rules: ParticipationRules, tokens: SentenceTokens, clause: [Int],
    links: Set<String> = []
  ) -> [Found] {
    guard found.contains(where: { ParticipationRules.isCue($0.entry.code) }) else { return found }
    var resolved: [Found] = []
    for item in found {
      guard ParticipationRules.isCue(item.entry.code) else {
        resolved.append(item)
        continue
      }
      // A side's own cue needs its participant in its clause; other cues may find theirs in an
      // earlier clause.
      let ownCue = rules.sides.indices.contains {
        ParticipationRules.sideCueCode($0) == item.entry.code
      }
      let present = sides(
        of: item.tokens, in: found, rules: rules, tokens: tokens, clause: clause,
        links: links, reachBack: !ownCue)
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
        let own = rules.sides.indices.first {
          ParticipationRules.sideCueCode($0) == item.entry.code
        }
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
    of cue: Range<Int>, in found: [Found], rules: ParticipationRules, tokens: SentenceTokens,
    clause: [Int], links: Set<String> = [], reachBack: Bool = true
  ) -> [Code] {
    let cueClause = clause[cue.lowerBound]
    let lower = max(0, cue.lowerBound - rules.window)
    let upper = min(tokens.count, cue.upperBound + rules.window)
    var nearest: [(distance: Int, code: Code)] = []
    // Where each participant stands, for coordination (below).
    var hits: [(distance: Int, index: Int)] = []
    // Whether token `index` is a participant: a side's word or inside a mention of a side's
    // code. Sides are reached by index (see below).
    func isParticipant(_ index: Int) -> Bool {
      if let mention = found.first(where: {
        $0.tokens.contains(index) && !ParticipationRules.isCue($0.entry.code)
      }) {
        return rules.sides.indices.contains { rules.sides[$0].codes.contains(mention.entry.code) }
      }
      let word = tokens.normalized(index)
      return rules.sides.indices.contains { rules.sides[$0].words.contains(word) }
    }
    func note(_ code: Code, at index: Int) {
      let distance = index < cue.lowerBound ? cue.lowerBound - index : index - cue.upperBound + 1
      hits.append((distance, index))
      if let at = nearest.firstIndex(where: { $0.code == code }) {
        nearest[at].distance = min(nearest[at].distance, distance)
      } else {
        nearest.append((distance, code))
      }
    }
    for index in lower..<upper where !cue.contains(index) && clause[index] == cueClause {
      if let mention = found.first(where: {
        $0.tokens.contains(index) && !ParticipationRules.isCue($0.entry.code)
      }) {
        // Sides are reached by index: a loop over them copied each (and retained its sets).
        if let side = rules.sides.indices.first(where: {
          rules.sides[$0].codes.contains(mention.entry.code)
        }) {
          note(rules.sides[side].code, at: index)
        }
        // A word inside another mention ("community" in "community sector") is that mention's.
        continue
      }
      let word = tokens.normalized(index)
      guard rules.sides.indices.contains(where: { rules.sides[$0].words.contains(word) }) else {
        continue
      }
      // A participant word that modifies the next one is not the participant: the head is
      // ("public agencies" are agencies, "resident members" members), even past the window.
      if index + 1 < tokens.count, tokens.connected(index), clause[index + 1] == cueClause,
        !cue.contains(index + 1), isParticipant(index + 1)
      {
        continue
      }
      for side in rules.sides.indices where rules.sides[side].words.contains(word) {
        note(rules.sides[side].code, at: index)
      }
    }
    // With none in the clause, an earlier clause's participant is the one meant ("Two employers
    // were approached, but neither agreed to take part").
    if reachBack, nearest.isEmpty {
      var index = cue.lowerBound - 1
      while index >= 0, nearest.isEmpty {
        if clause[index] != cueClause || index < lower, isParticipant(index),
          !(index + 1 < tokens.count && tokens.connected(index) && !cue.contains(index + 1)
            && isParticipant(index + 1) && clause[index + 1] == clause[index])
        {
          if let mention = found.first(where: {
            $0.tokens.contains(index) && !ParticipationRules.isCue($0.entry.code)
          }) {
            if let side = rules.sides.indices.first(where: {
              rules.sides[$0].codes.contains(mention.entry.code)
            }) {
              note(rules.sides[side].code, at: index)
            }
          } else {
            let word = tokens.normalized(index)
            for side in rules.sides.indices where rules.sides[side].words.contains(word) {
              note(rules.sides[side].code, at: index)
            }
          }
        }
        index -= 1
      }
    }
    // The nearest participant decides; sides equally near both count.
    guard let closest = nearest.map(\.distance).min() else { return [] }
    var codes = nearest.filter { $0.distance == closest }.map(\.code)
    // A participant coordinated with the nearest takes part with it: in "a budget to help the
    // voluntary sector and residents to take part" both do. The list runs over participants,
    // commas and `links` ("and", "the") in the clause; a participant word that modifies the next
    // is not one ("public agencies").
    guard !links.isEmpty else { return codes }
    for hit in hits where hit.distance == closest {
      for step in [-1, 1] {
        var index = hit.index + step
        while index >= 0, index < tokens.count, clause[index] == clause[hit.index],
          !cue.contains(index)
        {
          if let mention = found.first(where: {
            $0.tokens.contains(index) && !ParticipationRules.isCue($0.entry.code)
          }) {
            guard
              let side = rules.sides.indices.first(where: {
                rules.sides[$0].codes.contains(mention.entry.code)
              })
            else { break }
            // A mention that modifies the participant after it is not one ("Interfaith Forum").
            let end = mention.tokens.upperBound
            let modifies =
              !mention.tokens.contains(hit.index) && end < tokens.count
              && tokens.connected(end - 1) && isParticipant(end)
            if !modifies, !codes.contains(rules.sides[side].code) {
              codes.append(rules.sides[side].code)
            }
          } else if isParticipant(index) {
            let modifies =
              index + 1 < tokens.count && tokens.connected(index) && isParticipant(index + 1)
            if !modifies,
              let side = rules.sides.indices.first(where: {
                rules.sides[$0].words.contains(tokens.normalized(index))
              }), !codes.contains(rules.sides[side].code)
            {
              codes.append(rules.sides[side].code)
            }
          } else if !links.contains(tokens.normalized(index)) {
            break
          }
          index += step
        }
      }
    }
    return codes
  }
}
