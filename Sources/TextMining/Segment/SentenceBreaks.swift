import Foundation

/// The rules that decide, after ICU, where a sentence really ends in the English of reports.
///
/// ICU's sentence iterator breaks after every full stop followed by a space and a capital
/// letter. Its abbreviation suppressions (`@ss=standard`) go too far the other way: they keep
/// "the new generation of LAAs. The paper ..." as one sentence, since its list holds single
/// capitals ("A.", "S."). So the default locale has no suppressions, and these rules decide
/// instead, from the word before the full stop and the text after it:
///
/// - a title ("Dr.", "Cllr.") never ends a sentence; an abbreviation that never ends one ("e.g.",
///   "i.e.", "cf.", "et al." before a bracket) neither; other abbreviations ("No.", "approx.")
///   do not when a lower-case letter or a digit follows;
/// - initials ("M.", "J.S.", "U.K.") end no sentence before a bracket, a comma, "and", a lower-case
///   word or a name; they do before a word that starts sentences ("The", "It", "In" ...), and a
///   single capital after a label ("Annex A. The ...") does;
/// - numbering at the start of a block ("3. Local Area Agreement", "4.1. The board", "A. Scope")
///   is part of its heading or item;
/// - a title or heading block is one unit, whatever punctuation it holds;
/// - a full stop, "?" or "!" that lost its space in scraping ("capacity.The report") ends a
///   sentence when a word of two lower-case letters or more comes before it and a capitalised
///   word after it, outside web and e-mail addresses ("gov.uk", "No.5", "3.2", "U.K." and
///   "www.example.gov.uk" are not broken).
struct SentenceBreaks {
  /// Words that, followed by a full stop, never end a sentence ("Dr. Okafor").
  let titles: WordSet
  /// Words that, followed by a full stop, end no sentence when lower case or a digit follows.
  let abbreviations: WordSet

  init(titles: Set<String>, abbreviations: Set<String>) {
    self.titles = WordSet(titles)
    self.abbreviations = WordSet(abbreviations)
  }

  /// Abbreviations that never end a sentence, whatever follows.
  static let neverFinal: WordSet = WordSet([
    "e.g", "i.e", "eg", "ie", "cf", "viz", "c.f", "E.g", "I.e", "Cf", "Viz",
  ])

  /// Words that begin sentences far more often than they follow an initial in a name: after
  /// "U.K." or "Plan C." one of these starts a new sentence.
  static let sentenceStarters: WordSet = WordSet([
    "The", "This", "That", "These", "Those", "There", "Their", "They", "Then", "Thus", "It", "Its",
    "In", "On", "At", "As",
    "A", "An", "We", "Our", "He", "She", "His", "Her", "I", "If", "When", "While", "Whilst",
    "Where", "What", "Which", "Who",
    "Why", "How", "But", "And", "Or", "So", "Yet", "However", "Although", "Though", "After",
    "Before", "During", "Since",
    "Until", "With", "Without", "By", "To", "For", "From", "Of", "All", "Some", "Many", "Most",
    "Each", "Every", "No",
    "Not", "Only", "Also", "Such", "Other", "Both", "Neither", "Nor", "One", "Two", "Three",
    "Further", "Finally",
    "Members", "Partners", "Officers", "Councillors", "Residents", "See",
  ])

  /// Words that name a lettered or numbered thing: after one, "A." may end a sentence.
  static let labels: WordSet = WordSet([
    "Plan", "Annex", "Appendix", "Section", "Table", "Figure", "Fig", "Part", "Phase", "Option",
    "Schedule", "Grade", "Class",
    "Category", "Type", "Group", "Level", "Stage", "Team", "Zone", "Area", "Priority", "Block",
    "Ward", "Unit", "Item",
    "Chapter", "Volume", "Theme", "Outcome", "Objective", "Scenario", "Model", "Route", "Tier",
    "Band",
  ])

  /// Longer than any title, abbreviation or initials with their brackets and quotes (bytes):
  /// the scans back from a break are bounded by this, so text such as "1.A1.A1.A..." (a break
  /// after every "1.") stays linear.
  static let longestWord = 24

  /// Whether a candidate break of ICU's at `boundary` (just after a terminator and its spaces)
  /// should stand. `blockStart` is where the boundary's block starts; `sentenceStart` where the
  /// sentence it would end starts.
  func keeps(
    _ boundary: Int, blockStart: Int, sentenceStart: Int, in utf8: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    var end = boundary
    while end > sentenceStart, boundary - end < Self.longestWord, utf8[end - 1] == 0x20 { end -= 1 }
    guard end > sentenceStart, utf8[end - 1] == UInt8(ascii: ".") else { return true }
    // The word before the full stop, without opening brackets and quotes.
    var start = end - 1
    while start > sentenceStart, end - start <= Self.longestWord, !Self.isSpace(utf8[start - 1]) {
      start -= 1
    }
    guard end - start <= Self.longestWord else { return true }
    let wordStart = start
    while start < end - 1, "([\"'".utf8.contains(utf8[start]) { start += 1 }
    let word = UnsafeBufferPointer(rebasing: utf8[start..<(end - 1)])
    guard !word.isEmpty else { return true }
    let next = Self.nextWord(after: boundary, in: utf8)
    // Numbering at the start of a block: "3.", "4.1.", "A.", "iv.", a quoted "Q3.".
    if wordStart == sentenceStart, sentenceStart == blockStart, Self.isNumbering(word) {
      return false
    }
    if titles.contains(word) { return false }
    if Self.neverFinal.contains(word) { return false }
    guard let first = next.first else { return true }
    let continues =
      first == UInt8(ascii: "(") || first == UInt8(ascii: ",") || first == UInt8(ascii: "&")
      || Self.isLower(first)
      || Self.isDigit(first)
    let following = UnsafeBufferPointer(rebasing: next.prefix { Self.isLetter($0) })
    // "Smith et al. (2006)": the reference goes on.
    if word.elementsEqual("al".utf8), Self.wordBefore(start, floor: sentenceStart, in: utf8) == "et"
    {
      return !continues && Self.sentenceStarters.contains(following)
    }
    if abbreviations.contains(word), Self.isLower(first) || Self.isDigit(first) { return false }
    if Self.isInitials(word) {
      if continues { return false }
      guard Self.isUpper(first) else { return true }
      // "Geddes, M. Davies" in a reference list: a surname and a comma before the initials.
      let before = Self.wordBefore(start, floor: sentenceStart, in: utf8)
      if before.hasSuffix(","), before.first.map({ $0.isUppercase }) == true { return false }
      if word.count == 1, Self.labels.contains(before) { return true }
      return Self.sentenceStarters.contains(following)
    }
    return true
  }

  /// Breaks that scraping hid: a terminator directly followed by a capitalised word
  /// ("capacity.The report"), each the offset just after the terminator, in order.
  func lostSpaceBreaks(in utf8: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> [Int]
  {
    var found: [Int] = []
    guard let base = utf8.baseAddress, upper <= utf8.count, upper - 2 > lower + 2 else {
      return found
    }
    var terminators = Terminators(base, upper: upper - 2)
    var index = lower + 2
    while true {
      index = terminators.first(from: index)
      guard index < upper - 2 else { break }
      defer { index += 1 }
      // Before it, a word of lower case ("capacity."), an abbreviation of three capitals or more
      // ("the LAA.JW said"), or either closed by a bracket ("(LAA).Of the six").
      let before = utf8[index - 1] == UInt8(ascii: ")") ? index - 1 : index
      guard before >= lower + 3 else { continue }
      let lowerCaseWord = Self.isLower(utf8[before - 1]) && Self.isLower(utf8[before - 2])
      let acronym =
        Self.isUpper(utf8[before - 1]) && Self.isUpper(utf8[before - 2])
        && Self.isUpper(utf8[before - 3])
        && (before - 4 < lower || !Self.isLetter(utf8[before - 4])
          || Self.isUpper(utf8[before - 4]))
      guard lowerCaseWord || acronym else { continue }
      // An opening quote may stand between: `she said."Where we have ...`.
      let quote = Self.openingQuoteLength(utf8, at: index + 1, upper: upper)
      let first = index + 1 + quote
      guard first + 1 < upper, Self.isUpper(utf8[first]) else { continue }
      // A capitalised word; the words "I" and "A" (`if at all.I asked`); or initials or an
      // abbreviation in capitals that a lower-case word follows (`was red.KM explained`).
      var capitals = first
      while capitals < upper, Self.isUpper(utf8[capitals]) { capitals += 1 }
      let runOfCapitals = capitals - first
      let startsSentence: Bool
      if Self.isLower(utf8[first + 1]) {
        startsSentence = true
      } else if runOfCapitals == 1 {
        startsSentence =
          utf8[first + 1] == 0x20
          && (utf8[first] == UInt8(ascii: "I") || utf8[first] == UInt8(ascii: "A"))
      } else {
        let word = String(
          decoding: UnsafeBufferPointer(rebasing: utf8[first..<capitals]), as: UTF8.self)
        startsSentence =
          runOfCapitals <= 5 && capitals + 1 < upper && utf8[capitals] == 0x20
          && Self.isLower(utf8[capitals + 1])
          && !Self.fileExtensions.contains(word)
      }
      guard startsSentence else { continue }
      // Not inside a web or e-mail address, a path or a file name.
      var wordStart = index - 1
      while wordStart > lower, !Self.isSpace(utf8[wordStart - 1]) { wordStart -= 1 }
      var wordEnd = index + 1
      while wordEnd < upper, !Self.isSpace(utf8[wordEnd]) { wordEnd += 1 }
      let whole = UnsafeBufferPointer(rebasing: utf8[wordStart..<wordEnd])
      if whole.contains(UInt8(ascii: "@")) || whole.contains(UInt8(ascii: "/"))
        || Self.startsWithWWW(whole)
      {
        continue
      }
      // "example.Com.au": a second dot inside the word after makes it an address.
      if utf8[(index + 1)..<wordEnd].dropLast().contains(UInt8(ascii: ".")) { continue }
      found.append(index + 1)
    }
    return found
  }

  /// Breaks before a sentence that opens with a figure ("... over 2006-08. 2007/08 was the
  /// last full year ..."), which ICU does not make since a lower-case word follows the figure:
  /// a full stop after a word of two characters or more that ends in a lower-case letter or a
  /// digit and is no abbreviation ("No. 5", "para. 4", "pp. 41-59" go on), then a space, then
  /// a figure and a word. Each is the offset of the figure.
  func figureStartBreaks(in utf8: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int)
    -> [Int]
  {
    var found: [Int] = []
    guard let base = utf8.baseAddress, upper <= utf8.count, upper - 3 > lower + 2 else {
      return found
    }
    var index = lower + 2
    while true {
      // Only a full stop starts a figure's sentence.
      guard let dot = memchr(base + index, 0x2E, upper - 3 - index) else { break }
      index = base.distance(to: dot.assumingMemoryBound(to: UInt8.self))
      defer { index += 1 }
      guard utf8[index] == UInt8(ascii: "."), utf8[index + 1] == 0x20, Self.isDigit(utf8[index + 2])
      else { continue }
      let last = utf8[index - 1]
      guard Self.isLower(last) || Self.isDigit(last) else { continue }
      var wordStart = index - 1
      while wordStart > lower, !Self.isSpace(utf8[wordStart - 1]) { wordStart -= 1 }
      let word = String(
        String(decoding: UnsafeBufferPointer(rebasing: utf8[wordStart..<index]), as: UTF8.self).drop
        { "([\"'".contains($0) })
      guard word.count >= 2, !word.contains("."), !abbreviations.contains(word),
        !titles.contains(word)
      else { continue }
      // Numbering at the start of the block ("4. 2007 was ...") is no sentence.
      if wordStart == lower, word.allSatisfy(\.isNumber) { continue }
      // The figure, then a space and a word.
      var end = index + 2
      while end < upper, !Self.isSpace(utf8[end]) { end += 1 }
      guard end + 1 < upper, utf8[end] == 0x20, Self.isLetter(utf8[end + 1]) else { continue }
      found.append(index + 2)
    }
    return found
  }

  /// Finds the next ".", "?" or "!" in a range with `memchr`, which scans many bytes at a
  /// time: the scans for breaks ICU did not make run over all the text, and a byte-by-byte loop
  /// made them cost as much as ICU's own sentence iterator.
  struct Terminators {
    let base: UnsafePointer<UInt8>
    let upper: Int
    private var nextStop = -1
    private var nextQuestion = -1
    private var nextExclamation = -1

    init(_ base: UnsafePointer<UInt8>, upper: Int) {
      self.base = base
      self.upper = upper
    }

    private func find(_ byte: Int32, from start: Int) -> Int {
      guard start < upper, let found = memchr(base + start, byte, upper - start) else {
        return upper
      }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset at or after `start` (and below `upper`) holding a terminator, else
    /// `upper`.
    mutating func first(from start: Int) -> Int {
      if nextStop < start { nextStop = find(0x2E, from: start) }
      if nextQuestion < start { nextQuestion = find(0x3F, from: start) }
      if nextExclamation < start { nextExclamation = find(0x21, from: start) }
      let best = min(nextStop, nextQuestion, nextExclamation)
      return max(best, min(start, upper))
    }
  }

  /// Bytes that end a run-in heading's candidate words: punctuation before the first sentence.
  private static func stopsHeading(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
      UInt8(ascii: "!"), UInt8(ascii: "?"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""):
      return true
    default:
      return false
    }
  }

  /// File types written in capitals after a file name ("report.PDF is attached").
  static let fileExtensions: WordSet = WordSet([
    "PDF", "DOC", "DOCX", "XLS", "XLSX", "RTF", "PPT", "PPTX", "HTM", "HTML", "TXT", "CSV", "JPG",
    "PNG", "ODT", "ZIP",
  ])

  /// Capitalised words that start a sentence and almost never stand inside one: after a few
  /// words without punctuation at the start of a paragraph, one of these shows a heading that
  /// lost its line break ("How decisions are made The board meets ...").
  static let runInStarters: WordSet = WordSet([
    "The", "This", "These", "That", "Those", "There", "It", "Its", "We", "Our", "They", "Their",
    "In", "On", "At", "As",
    "For", "From", "With", "By", "After", "Before", "During", "Since", "When", "While", "Whilst",
    "If", "Although",
    "However", "Members", "Partners", "Residents", "Each", "Every", "All", "Most", "Some", "Many",
    "You", "Your",
  ])

  private static let months: WordSet = WordSet([
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ])

  /// The starters that are plural nouns: after a capitalised word and before a singular verb
  /// they end a name.
  private static let nounStarters: WordSet = WordSet(["Members", "Partners", "Residents"])
  private static let singularVerbs: WordSet = WordSet(["is", "was", "has"])

  /// The letters of the word after the spaces that follow `index`.
  private static func word(after index: Int, to upper: Int, in utf8: UnsafeBufferPointer<UInt8>)
    -> UnsafeBufferPointer<UInt8>
  {
    var start = index
    while start < upper, isSpace(utf8[start]) { start += 1 }
    var end = start
    while end < upper, isLetter(utf8[end]) { end += 1 }
    return UnsafeBufferPointer(rebasing: utf8[start..<end])
  }

  /// Lower-case words after which a capitalised word belongs to a name ("Friends of The Earth").
  private static let nameJoiners: WordSet = WordSet([
    "of", "the", "and", "for", "to", "in", "on", "at", "by", "with", "&",
  ])

  /// Where a heading run into its paragraph ends: the offset of the word that starts the
  /// paragraph's first sentence, when at most eight words without punctuation come first
  /// ("ABSTRACT This paper ...", "The Local Area Agreement In March 2007 ..."). Nil otherwise.
  func runInHeadingEnd(in utf8: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> Int?
  {
    var index = lower
    var words = 0
    // "3 Partners are drifting away" and "R2 That ..." are numbered, not headings.
    var sawLetterWord = false
    // The word before is one that stands inside names ("of", "the").
    var previousJoins = false
    var previousCapitalised = false
    guard lower < upper, Self.isUpper(utf8[lower]) || Self.isDigit(utf8[lower]) else { return nil }
    while index < upper, words <= 8 {
      let start = index
      while index < upper, !Self.isSpace(utf8[index]) { index += 1 }
      let word = UnsafeBufferPointer(rebasing: utf8[start..<index])
      // Punctuation before the candidate means the heading, if any, ended there.
      if word.contains(where: Self.stopsHeading) || word.first == 0xE2 { return nil }
      // Strings are made only for the few words that could be looked up: a capitalised word
      // after a heading's first words, and short words that may join a name.
      let capitalised = word.first.map(Self.isUpper) ?? false
      if words >= 1, sawLetterWord, capitalised, !previousJoins,
        Self.runInStarters.contains(word),
        // A plural noun after a capitalised word and before a singular verb is the end of a
        // name, not a sentence's start: "Hexford Partners is the LSP for the city" (while
        // "Membership Members are drawn from ..." is a heading and its paragraph).
        !(Self.nounStarters.contains(word) && previousCapitalised
          && Self.singularVerbs.contains(Self.word(after: index, to: upper, in: utf8)))
      {
        // The rest must read as a sentence: a lower-case word, a number or a month after the starter.
        var rest = index
        while rest < upper, Self.isSpace(utf8[rest]) { rest += 1 }
        guard rest < upper else { return nil }
        var restEnd = rest
        while restEnd < upper, Self.isLetter(utf8[restEnd]) { restEnd += 1 }
        let following = UnsafeBufferPointer(rebasing: utf8[rest..<restEnd])
        return Self.isLower(utf8[rest]) || Self.isDigit(utf8[rest])
          || Self.months.contains(following) ? start : nil
      }
      // (The joiners are short words: a longer one needs no lookup.)
      previousJoins = !capitalised && word.count <= 4 && Self.nameJoiners.contains(word)
      previousCapitalised = capitalised
      // Numbering such as "R1" or "Q3" is no word of a heading: "R1 That the board ..." is an item.
      if let first = word.first, Self.isLetter(first),
        !(words == 0 && word.contains(where: Self.isDigit))
      {
        sawLetterWord = true
      }
      words += 1
      while index < upper, Self.isSpace(utf8[index]) { index += 1 }
    }
    return nil
  }

  /// Words that may stand in an author list besides names and initials.
  private static let authorWords: WordSet = WordSet([
    "and", "&", "et", "al.", "al", "van", "de", "der", "von", "du", "la", "le",
  ])

  /// Whether a block is an entry of a reference list, in the author-date form: names and
  /// initials, then a year in brackets ("Geddes, M., Davies, J.S. and Fuller, C. (2007) ...",
  /// "Audit Commission (2009) Working better together? ..."). Neither its initials nor a
  /// question in its cited title end a unit; its full stops do.
  func isReferenceEntry(_ utf8: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int) -> Bool
  {
    guard lower < upper, Self.isUpper(utf8[lower]) else { return false }
    var index = lower
    let limit = min(upper, lower + 200)
    var wordStart = lower
    while index < limit {
      let byte = utf8[index]
      if byte == UInt8(ascii: "("), index + 1 < upper, Self.isUpper(utf8[index + 1]) {
        // An abbreviation of the author's name: "Office of the Deputy Prime Minister (ODPM)".
        var close = index + 1
        while close < limit, Self.isUpper(utf8[close]) { close += 1 }
        guard close < limit, utf8[close] == UInt8(ascii: ")") else { return false }
        index = close + 1
        wordStart = index
        continue
      }
      if byte == UInt8(ascii: "(") {
        // The year: four digits from 19xx or 20xx, perhaps with a letter ("2005a"), then ")".
        guard index + 5 < upper else { return false }
        let digits = utf8[(index + 1)..<(index + 5)]
        guard digits.allSatisfy(Self.isDigit),
          utf8[index + 1] == UInt8(ascii: "1") || utf8[index + 1] == UInt8(ascii: "2")
        else {
          return false
        }
        var close = index + 5
        if close < upper, Self.isLower(utf8[close]) { close += 1 }
        guard close < upper, utf8[close] == UInt8(ascii: ")"), index > lower else { return false }
        // A title follows, not a verb of prose ("Smith (2006) argues that ...").
        var next = close + 1
        while next < upper, Self.isSpace(utf8[next]) || utf8[next] == UInt8(ascii: ".") {
          next += 1
        }
        return next < upper
          && (Self.isUpper(utf8[next]) || utf8[next] == 0xE2 || utf8[next] == UInt8(ascii: "'"))
      }
      if Self.isSpace(byte) || byte == UInt8(ascii: ",") {
        if index > wordStart {
          let word = UnsafeBufferPointer(rebasing: utf8[wordStart..<index])
          // Names start with a capital; the only lower-case words are "and", "et al." and particles.
          if !Self.isUpper(word[0]), !Self.authorWords.contains(word) { return false }
        }
        wordStart = index + 1
      }
      index += 1
    }
    return false
  }

  /// The length of a quotation mark at `index` ("\"", "'", or a curly opening quote), else 0.
  private static func openingQuoteLength(
    _ utf8: UnsafeBufferPointer<UInt8>, at index: Int, upper: Int
  ) -> Int {
    guard index < upper else { return 0 }
    if utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "'") { return 1 }
    // U+201C and U+2018: E2 80 9C, E2 80 98.
    if utf8[index] == 0xE2, index + 2 < upper, utf8[index + 1] == 0x80,
      utf8[index + 2] == 0x9C || utf8[index + 2] == 0x98
    {
      return 3
    }
    return 0
  }

  // MARK: Character classes and words around a position

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09
  }
  private static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
  private static func isLetter(_ byte: UInt8) -> Bool {
    isLower(byte) || isUpper(byte) || byte >= 0x80
  }

  private static func startsWithWWW(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count > 4 && (word[0] | 0x20) == UInt8(ascii: "w") && (word[1] | 0x20) == UInt8(ascii: "w")
      && (word[2] | 0x20) == UInt8(ascii: "w") && word[3] == UInt8(ascii: ".")
  }

  /// The bytes after `position`'s spaces, up to the next space (at most `longestWord`).
  private static func nextWord(after position: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Slice<
    UnsafeBufferPointer<UInt8>
  > {
    var start = position
    while start < utf8.count, isSpace(utf8[start]) { start += 1 }
    var end = start
    while end < utf8.count, end - start < longestWord, !isSpace(utf8[end]) { end += 1 }
    return utf8[start..<end]
  }

  /// The word before the one starting at `start` (bounded), as text.
  private static func wordBefore(_ start: Int, floor: Int, in utf8: UnsafeBufferPointer<UInt8>)
    -> String
  {
    var end = start
    while end > floor, start - end < longestWord, isSpace(utf8[end - 1]) { end -= 1 }
    var begin = end
    while begin > floor, end - begin < longestWord, !isSpace(utf8[begin - 1]) { begin -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: utf8[begin..<end]), as: UTF8.self)
  }

  /// "J", "J.S", "U.K": capitals, each but the last followed by a full stop.
  static func isInitials(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count % 2 == 1 else { return false }
    for (offset, byte) in word.enumerated() {
      if offset % 2 == 0 {
        guard isUpper(byte) else { return false }
      } else {
        guard byte == UInt8(ascii: ".") else { return false }
      }
    }
    return true
  }

  /// "3", "4.1", "12.3.2", "A", "b", "iv", "IX", "R1", "Q3": what numbers a heading or an item.
  static func isNumbering(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    if word.count == 1, isLetter(word[0]) { return true }
    // A capital and a number: recommendation R1, question Q3, objective A2.
    if (2...4).contains(word.count), isUpper(word[0]), word.dropFirst().allSatisfy(isDigit) {
      return true
    }
    if word.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }), let first = word.first,
      isDigit(first)
    {
      // Section numbers, not years or sums: each part at most three digits.
      return word.split(separator: UInt8(ascii: ".")).allSatisfy { $0.count <= 3 }
    }
    let roman = Set("ivxlIVXL".utf8)
    return word.count <= 4 && word.allSatisfy { roman.contains($0) }
      && (word.allSatisfy(isLower) || word.allSatisfy(isUpper))
  }
}
