/// Finds taxonomy phrases in a sentence's tokens: a trie over token ids, longest match first.
///
/// Phrases are cut into word tokens by the same ICU word breaker as documents and folded by
/// `TokenNormalizer`, so case, plurals and possessives match. Between two tokens of a match only
/// white space, hyphens and apostrophes may stand: "co operation", "co-operation" and
/// "Co-\noperation" all match the phrase "co-operation". A hyphen inside a phrase also matches
/// the joined word ("cooperation"), and two tokens joined by a hyphen in the text also match the
/// joined word ("partner-ships" matches "partnerships").
///
/// Matching is leftmost-longest: at each token the longest phrase wins, the match is taken, and
/// matching resumes after it, so one span carries one code. In a phrase, `#` stands for any
/// number ("# member" matches "28 members"). An exclusion gives way at its end to a phrase of
/// another code that starts inside it and runs past it. A phrase that folds to the same
/// tokens as another phrase is refused when the taxonomy loads, so there are no ties.
///
/// A class, so that handing the matcher to each sentence costs one reference count rather than
/// one per array; it is built in `init` and never changed after, hence `@unchecked Sendable`.
final class PhraseMatcher: @unchecked Sendable {
  /// A phrase the matcher can report.
  struct Entry: Sendable {
    var code: Code
    var polarity: Polarity?
    var phrase: String
    /// An exclusion: it wins its span, and the span carries no code.
    var isExclusion = false
    var isSingularOnly = false
    var isPluralOnly = false
    var skipsNames = false
    /// The places of the phrase's "#" tokens that must be written in digits (`digits`), one
    /// bit each; 0 for most phrases.
    var numeralMask: UInt32 = 0
    /// What the phrase needs or must not have in its clause (`with`, `without`); nil for most
    /// phrases, so that copying an entry into a sentence's found phrases retains nothing more.
    var constraints: PhraseConstraints?
  }

  /// A phrase's companion codes and words, its blocking words and the codes it gives way to
  /// (`Codebook.Phrase.companions`, `companionWords`, `blockers`, `yieldsTo`).
  final class PhraseConstraints: Sendable {
    let companions: [Code]
    let companionWords: Set<String>
    let blockers: Set<String>
    let yieldsTo: [Code]

    /// The constraints of a phrase, or nil when it has none.
    init?(
      companions: [Code], companionWords: Set<String> = [], blockers: Set<String>,
      yieldsTo: [Code] = []
    ) {
      guard
        !companions.isEmpty || !companionWords.isEmpty || !blockers.isEmpty || !yieldsTo.isEmpty
      else { return nil }
      self.companions = companions
      self.companionWords = companionWords
      self.blockers = blockers
      self.yieldsTo = yieldsTo
    }

    /// Whether the phrase needs a companion, a code's mention or a word, in its clause.
    var needsCompanion: Bool { !companions.isEmpty || !companionWords.isEmpty }
  }

  /// What the matcher needs to know of a token beyond its id.
  private struct Node: Sendable {
    var children: [Int32: Int32] = [:]
    var entry: Int32 = -1
  }

  private(set) var entries: [Entry] = []
  /// Each entry's token ids, one list per way of writing it (hyphens split or joined).
  private(set) var entryForms: [[[Int32]]] = []
  private var vocabulary = TokenVocabulary()
  private var nodes: [Node] = [Node()]
  /// The longest normalised token any phrase uses, in bytes.
  private(set) var longestTokenByteCount = 0
  /// Whether any entry is a `digits` phrase: its "#" is checked even where the other
  /// constraints are not read (the context cues).
  private var hasNumeralMasks = false

  /// The most hyphens one phrase may have (2^n written forms are matched).
  static let maxHyphens = 6

  /// Compiles a taxonomy's phrases.
  ///
  /// - Throws: `ConfigurationError` at the phrase, for a phrase without words, with more than
  ///   `maxHyphens` hyphens, or one that folds to the same tokens as another.
  init(codes: [Codebook.CodeDefinition], file: String) throws(ConfigurationError) {
    for definition in codes {
      let all = definition.phrases.map { ($0, false) } + definition.exclusions.map { ($0, true) }
      for (phrase, isExclusion) in all {
        let tokens = Self.phraseTokens(phrase.text)
        guard !tokens.isEmpty else {
          throw ConfigurationError(
            file: file, line: phrase.line, column: phrase.column,
            message: "phrase '\(phrase.text)' has no words")
        }
        // Each hyphen doubles the forms a phrase is matched in (split or joined); a fuzzer's
        // phrase with dozens of hyphens asked for billions of them.
        let hyphens = tokens.filter(\.hyphenatedToNext).count
        // A `digits` phrase's "#" is found by its place, which a hyphen's joined form moves.
        guard !phrase.numbersInDigits || (hyphens == 0 && tokens.contains { $0.token == "#" })
        else {
          throw ConfigurationError(
            file: file, line: phrase.line, column: phrase.column,
            message: "phrase '\(phrase.text)' has 'digits' but no '#', or a hyphen")
        }
        guard hyphens <= Self.maxHyphens else {
          throw ConfigurationError(
            file: file, line: phrase.line, column: phrase.column,
            message:
              "phrase '\(phrase.text)' has \(hyphens) hyphens; at most \(Self.maxHyphens) are allowed (each doubles the forms matched)"
          )
        }
        let entryIndex = Int32(entries.count)
        entries.append(
          Entry(
            code: definition.code, polarity: phrase.polarity, phrase: phrase.text,
            isExclusion: isExclusion,
            isSingularOnly: phrase.isSingularOnly, isPluralOnly: phrase.isPluralOnly,
            skipsNames: phrase.skipsNames,
            numeralMask: phrase.numbersInDigits ? Self.numeralMask(of: tokens) : 0,
            constraints: PhraseConstraints(
              companions: phrase.companions, companionWords: phrase.companionWords,
              blockers: phrase.blockers, yieldsTo: phrase.yieldsTo)))
        var forms: [[Int32]] = []
        defer { entryForms.append(forms) }
        for variant in Self.variants(of: tokens) {
          let ids = variant.map { id(for: $0) }
          forms.append(ids)
          var node = 0
          for tokenID in ids {
            if let next = nodes[node].children[tokenID] {
              node = Int(next)
            } else {
              nodes.append(Node())
              nodes[node].children[tokenID] = Int32(nodes.count - 1)
              node = nodes.count - 1
            }
          }
          let existing = nodes[node].entry
          if existing >= 0, existing != entryIndex {
            let other = entries[Int(existing)]
            throw ConfigurationError(
              file: file, line: phrase.line, column: phrase.column,
              message:
                "phrase '\(phrase.text)' of \(definition.code) matches the same words as '\(other.phrase)' of \(other.code); keep one"
            )
          }
          nodes[node].entry = entryIndex
        }
      }
    }
    var root = [Int32](repeating: -1, count: vocabulary.count)
    for (tokenID, child) in nodes[0].children { root[Int(tokenID)] = child }
    rootChildren = root
    hasNumeralMasks = entries.contains { $0.numeralMask != 0 }
    var edges = 0
    for node in nodes.indices.dropFirst() { edges += nodes[node].children.count }
    var size = 16
    while size < edges * 2 { size *= 2 }
    edgeKeys = [UInt64](repeating: .max, count: size)
    edgeChildren = [Int32](repeating: -1, count: size)
    for node in nodes.indices.dropFirst() {
      for (tokenID, child) in nodes[node].children {
        let key = Self.edgeKey(node, tokenID)
        var slot = Self.edgeSlot(key, size)
        while edgeKeys[slot] != .max { slot = (slot + 1) & (size - 1) }
        edgeKeys[slot] = key
        edgeChildren[slot] = child
      }
    }
  }

  /// The other nodes' children in one open-addressing table keyed by (node, token id): a
  /// lookup there is a multiply and a compare, not a dictionary's hashing.
  private var edgeKeys: [UInt64] = []
  private var edgeChildren: [Int32] = []

  @inline(__always)
  private static func edgeKey(_ node: Int, _ tokenID: Int32) -> UInt64 {
    UInt64(node) << 32 | UInt64(UInt32(bitPattern: tokenID))
  }

  @inline(__always)
  private static func edgeSlot(_ key: UInt64, _ size: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (size - 1)
  }

  /// The root's children as a dense table by token id: every match starts with this lookup.
  private var rootChildren: [Int32] = []

  /// The node a token id leads to from `node`, if any.
  @inline(__always)
  private func child(of node: Int, _ tokenID: Int32) -> Int32? {
    if node == 0 {
      let next = rootChildren[Int(tokenID)]
      return next >= 0 ? next : nil
    }
    let key = Self.edgeKey(node, tokenID)
    let mask = edgeKeys.count - 1
    var slot = Self.edgeSlot(key, edgeKeys.count)
    while true {
      let found = edgeKeys[slot]
      if found == key { return edgeChildren[slot] }
      if found == .max { return nil }
      slot = (slot + 1) & mask
    }
  }

  private func id(for token: String) -> Int32 {
    longestTokenByteCount = max(longestTokenByteCount, token.utf8.count)
    return vocabulary.insert(token)
  }

  /// Every token the matcher's phrases use, by id.
  var vocabularyTokens: [[UInt8]] { (0..<Int32(vocabulary.count)).map { vocabulary.token($0) } }

  /// The id of a normalised token given as UTF-8, or -1 when no phrase uses it.
  func tokenID(utf8 token: UnsafeBufferPointer<UInt8>) -> Int32 { vocabulary.id(utf8: token) }

  /// The places of a phrase's "#" tokens among its first 32, one bit each.
  private static func numeralMask(of tokens: [(token: String, hyphenatedToNext: Bool)]) -> UInt32 {
    var mask: UInt32 = 0
    for (index, token) in tokens.prefix(32).enumerated() where token.token == "#" {
      mask |= 1 << UInt32(index)
    }
    return mask
  }

  /// A phrase's normalised tokens, each with whether a hyphen joins it to the next.
  private static func phraseTokens(_ phrase: String) -> [(token: String, hyphenatedToNext: Bool)] {
    // "#" stands for any number; ICU does not see it as a word, so it is split off first.
    // Only a "#" standing alone is the number token; one inside a word ("a#b") is punctuation,
    // which ICU drops (a fuzzer found that recursing on such a part never ended).
    if phrase.contains("#") {
      var tokens: [(String, Bool)] = []
      for part in phrase.split(separator: " ") {
        tokens += part == "#" ? [("#", false)] : wordTokens(String(part))
      }
      return tokens
    }
    return wordTokens(phrase)
  }

  /// A phrase's normalised ICU word tokens, each with whether a hyphen joins it to the next.
  private static func wordTokens(_ phrase: String) -> [(token: String, hyphenatedToNext: Bool)] {
    guard let segments = ICU.segments(of: phrase, locale: "en_GB") else { return [] }
    let utf8 = Array(phrase.utf8)
    var tokens: [(String, Bool)] = []
    for (index, range) in segments.wordRanges.enumerated() {
      let word = String(decoding: utf8[range], as: UTF8.self)
      var hyphenated = false
      if index + 1 < segments.wordRanges.count {
        let gap = String(
          decoding: utf8[range.upperBound..<segments.wordRanges[index + 1].lowerBound],
          as: UTF8.self)
        hyphenated = gap.contains { TokenGap.hyphens.contains($0) }
      }
      tokens.append((word, hyphenated))
    }
    return tokens
  }

  /// Every way to write a phrase's hyphens: split into two tokens or joined into one.
  private static func variants(of tokens: [(token: String, hyphenatedToNext: Bool)]) -> [[String]] {
    var variants: [[String]] = [[]]
    var pendingJoin: [String] = []  // raw pieces of the current token across hyphen joints
    for (token, hyphenated) in tokens {
      pendingJoin.append(token)
      if hyphenated { continue }
      // pieces joined by hyphens: each joint may be split or joined
      var pieceVariants: [[String]] = [[pendingJoin[0]]]
      for piece in pendingJoin.dropFirst() {
        pieceVariants = pieceVariants.flatMap { prefix -> [[String]] in
          var joined = prefix
          joined[joined.count - 1] += piece
          return [prefix + [piece], joined]
        }
      }
      pendingJoin.removeAll()
      variants = variants.flatMap { variant in pieceVariants.map { variant + $0 } }
    }
    return variants.map { $0.map { TokenNormalizer.normalize($0) } }
  }

  /// A match: token positions (indices into the ids given) and the entry matched.
  struct Match: Equatable {
    var tokens: Range<Int>
    var entry: Int
  }

  /// Leftmost-longest matches over one sentence's tokens.
  ///
  /// - Parameters:
  ///   - ids: each token's id (`tokenID`), -1 for words no phrase uses.
  ///   - bits: each token's `TokenBits`; `connected` tells whether token i and i+1 may be in
  ///     one match.
  ///   - joinedIDs: empty, or one id per token: for a token joined to the next by a hyphen, the
  ///     id of the joined word; -1 for the others and for joined words no phrase uses.
  ///   - constrained: whether to apply the singular-only and skip-names constraints.
  /// - Returns: the matches, left to right, none overlapping.
  func matches(
    ids: UnsafeBufferPointer<Int32>, bits: UnsafeBufferPointer<UInt8>,
    joinedIDs: UnsafeBufferPointer<Int32>, constrained: Bool
  )
    -> [Match]
  {
    var matches: [Match] = []
    var position = 0
    let hasJoined = !joinedIDs.isEmpty
    // Read through one buffer: each read of a class's stored array is otherwise an access.
    rootChildren.withUnsafeBufferPointer { rootChildren in
      while position < ids.count {
        var best: Match?
        let id = ids[position]
        // Most words start no phrase: the root table says so without a call.
        if (id >= 0 && rootChildren[Int(id)] >= 0) || (hasJoined && joinedIDs[position] >= 0) {
          longest(
            from: 0, at: position, start: position, ids: ids, bits: bits, joinedIDs: joinedIDs,
            constrained: constrained,
            best: &best)
        }
        if var found = best {
          // An exclusion blocks the words it spans, but not a phrase of another code that
          // starts inside it and runs on past its end ("the chief executive of the hospital
          // trust": the exclusion "chief executive of the hospital" keeps the leadership cue
          // off, and "hospital trust" is still a trust of the public sector). The exclusion
          // is cut back to where that phrase starts.
          if entries[found.entry].isExclusion {
            for inner in (found.tokens.lowerBound + 1)..<found.tokens.upperBound {
              var longer: Match?
              longest(
                from: 0, at: inner, start: inner, ids: ids, bits: bits, joinedIDs: joinedIDs,
                constrained: constrained, best: &longer)
              if let longer, longer.tokens.upperBound > found.tokens.upperBound,
                !entries[longer.entry].isExclusion,
                entries[longer.entry].code != entries[found.entry].code
              {
                found.tokens = found.tokens.lowerBound..<inner
                break
              }
            }
          }
          matches.append(found)
          position = found.tokens.upperBound
        } else {
          position += 1
        }
      }
    }
    return matches
  }

  private func longest(
    from node: Int, at position: Int, start: Int, ids: UnsafeBufferPointer<Int32>,
    bits: UnsafeBufferPointer<UInt8>,
    joinedIDs: UnsafeBufferPointer<Int32>, constrained: Bool, best: inout Match?
  ) {
    if position > start, nodes[node].entry >= 0, position - start > (best?.tokens.count ?? 0),
      constrained
        ? allows(Int(nodes[node].entry), tokens: start..<position, bits: bits)
        : !hasNumeralMasks
          || numeralsAllow(Int(nodes[node].entry), tokens: start..<position, bits: bits)
    {
      best = Match(tokens: start..<position, entry: Int(nodes[node].entry))
    }
    guard position < ids.count, position == start || bits[position - 1] & TokenBits.connected != 0
    else { return }
    if ids[position] >= 0, let next = child(of: node, ids[position]) {
      longest(
        from: Int(next), at: position + 1, start: start, ids: ids, bits: bits, joinedIDs: joinedIDs,
        constrained: constrained,
        best: &best)
    }
    if !joinedIDs.isEmpty, joinedIDs[position] >= 0,
      let next = child(of: node, joinedIDs[position])
    {
      longest(
        from: Int(next), at: position + 2, start: start, ids: ids, bits: bits, joinedIDs: joinedIDs,
        constrained: constrained,
        best: &best)
    }
  }

  /// The entry a text spells as a whole, read as a phrase is ("LSPs" spells `LSP`); nil when
  /// it spells none (for `lint`, to tell which cue a record's match came from).
  func entry(spelledBy text: String) -> Int? {
    for variant in Self.variants(of: Self.phraseTokens(text)) {
      let ids = variant.map { token in
        var token = token
        return token.withUTF8 { vocabulary.id(utf8: $0) }
      }
      if let entry = entry(forIDs: ids) { return entry }
    }
    return nil
  }

  /// The entry a whole token sequence spells, if any (used for coordinated phrases).
  func entry(forIDs ids: [Int32]) -> Int? {
    var node = 0
    for id in ids {
      guard id >= 0, let next = nodes[node].children[id] else { return nil }
      node = Int(next)
    }
    return nodes[node].entry >= 0 ? Int(nodes[node].entry) : nil
  }

  /// Whether an entry's constraints hold for the tokens it would match.
  /// Whether a `digits` phrase's "#" tokens are written in digits (true for other phrases).
  private func numeralsAllow(
    _ entryIndex: Int, tokens: Range<Int>, bits: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let mask = entries[entryIndex].numeralMask
    return mask == 0
      || !(0..<min(tokens.count, 32)).contains(where: {
        mask & (1 << UInt32($0)) != 0 && bits[tokens.lowerBound + $0] & TokenBits.numeral == 0
      })
  }

  private func allows(_ entryIndex: Int, tokens: Range<Int>, bits: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    // The three flags are read in place: a copy of the whole entry would retain its strings.
    if entries[entryIndex].isSingularOnly, bits[tokens.upperBound - 1] & TokenBits.plural != 0 {
      return false
    }
    if entries[entryIndex].isPluralOnly, bits[tokens.upperBound - 1] & TokenBits.plural == 0 {
      return false
    }
    if !numeralsAllow(entryIndex, tokens: tokens, bits: bits) { return false }
    if entries[entryIndex].skipsNames,
      tokens.contains(where: { bits[$0] & TokenBits.capitalizedInside != 0 })
    {
      return false
    }
    return true
  }
}

/// What may stand between two tokens of one match.
enum TokenGap {
  /// Whether a gap is one bracket and spaces: an opening one ("Fund (NRF") with any spaces
  /// before it, or a closing one ("NRF) allocation") with any spaces after it.
  static func isBracket(_ gap: UnsafeBufferPointer<UInt8>, opening: Bool) -> Bool {
    let bracket = opening ? UInt8(ascii: "(") : UInt8(ascii: ")")
    guard let at = gap.firstIndex(of: bracket) else { return false }
    return gap.indices.allSatisfy { $0 == at || gap[$0] == 0x20 }
      && (opening ? at == gap.count - 1 : at == 0)
  }

  /// Hyphen characters: hyphen-minus, hyphen, non-breaking hyphen, soft hyphen.
  static let hyphens: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{00AD}"]

  /// Whether the bytes between two tokens let them be part of one match: only spaces,
  /// hyphens and apostrophes, and invisible (default-ignorable) characters, which do not count.
  static func connects(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var invisible = 0
    while index < gap.count {
      let byte = gap[index]
      switch byte {
      case 0x20, 0x2D, 0x27:  // space, hyphen-minus, apostrophe
        index += 1
      case 0xC2 where index + 1 < gap.count && (gap[index + 1] == 0xAD || gap[index + 1] == 0xA0):
        index += 2  // soft hyphen, no-break space
      case 0xE2
      where index + 2 < gap.count && gap[index + 1] == 0x80
        && (gap[index + 2] == 0x90 || gap[index + 2] == 0x91 || gap[index + 2] == 0x99):
        index += 3  // hyphen, non-breaking hyphen, right single quote
      default:
        guard let width = Unicode.defaultIgnorableWidth(gap, at: index) else { return false }
        index += width
        invisible += width
      }
    }
    return gap.count - invisible <= 4
  }

  /// Whether the gap holds punctuation that ends a clause: `;`, `:`, a bracket, a dash or a
  /// vertical bar.
  static func endsClause(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < gap.count {
      switch gap[index] {
      case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
        UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "|"):
        return true  // a vertical bar separates a title's parts or a table's cells
      case 0xE2
      where index + 2 < gap.count && gap[index + 1] == 0x80
        && (gap[index + 2] == 0x93 || gap[index + 2] == 0x94):
        return true  // en dash, em dash
      case UInt8(ascii: "-") where index > 0 && gap[index - 1] == 0x20:
        return true  // a spaced hyphen used as a dash
      default:
        index += 1
      }
    }
    return false
  }

  /// Whether the gap is a hyphen, with at most a space after it ("co-operation", "co- operation").
  static func isHyphen(_ gap: UnsafeBufferPointer<UInt8>) -> Bool {
    switch gap.count {
    case 1: return gap[0] == 0x2D
    case 2: return (gap[0] == 0x2D && gap[1] == 0x20) || (gap[0] == 0xC2 && gap[1] == 0xAD)
    case 3: return gap[0] == 0xE2 && gap[1] == 0x80 && (gap[2] == 0x90 || gap[2] == 0x91)
    default: return false
    }
  }
}
