import Foundation

/// The page furniture of a PDF converted to text: page numbers, running headers and footers,
/// and blank pages. None of it is part of the text, and a sentence broken by a page break is
/// joined across it (`PlainTextExtractor`).
///
/// - A page number is a line that is only a number ("12", "- 12 -", "Page 12", "Page 12 of 40"),
///   or a line with a number set apart at one end ("Annual report 2006     12"), or a Hansard
///   column marker ("10 Nov 2008 : Column 742W"), taken only where
///   such lines count up through the document at least ten lines apart, so a figure in a table
///   or a line of a contents list is not a page number.
/// - A running header or footer is a short line that recurs, the same but for its digits, at
///   least three times, mostly within three lines of a page number or a form feed (or twice,
///   each time there), and that starts as a title does and ends without a sentence's
///   punctuation.
enum PageFurniture {
  /// The indices of the lines that are page furniture.
  static func lines(in lines: [PlainTextExtractor.Line]) -> Set<Int> {
    var furniture: Set<Int> = []
    // Page numbers that count up.
    var candidates: [(index: Int, number: Int)] = []
    // A number set apart by only two spaces ("2  Annual Report | Governance") is a page number
    // when the rest of its line recurs with other numbers, as a running header does; once, or
    // always with one number (a contents list's "1  Summary   3" and the heading "1  Summary"),
    // it is a numbered heading.
    var spaced: [(index: Int, number: Int, shape: String)] = []
    for (index, line) in lines.enumerated() where line.length > 0 && line.length <= 80 {
      // A Hansard column marker with its sitting's date ("2 Nov 2006 : Column 612W") is
      // furniture even alone: no sentence reads so.
      // (It still counts below, so the bare "742W" between two such markers is found too.)
      if isDatedColumnMarker(line.text) { furniture.insert(index) }
      if let number = pageNumber(line.text) {
        candidates.append((index, number))
      } else if let number = pageNumber(line.text, separators: ["  "], recurs: true),
        shape(line.text).split(separator: " ").count >= 3
      {
        // A running header's few words, not a label's one or two ("Priority  2", "Year  3").
        spaced.append((index, number, shape(line.text)))
      }
    }
    if !spaced.isEmpty {
      var numbers: [String: Set<Int>] = [:]
      for item in spaced { numbers[item.shape, default: []].insert(item.number) }
      candidates += spaced.filter { numbers[$0.shape, default: []].count >= 2 }.map {
        ($0.index, $0.number)
      }
      candidates.sort { $0.index < $1.index }
    }
    // Pages are more than ten lines long, so numbers that count up line by line (a contents
    // list, a column of figures) are not page numbers. The page numbers are the longest chain
    // of candidates, each at least ten lines below the one before and one to three higher
    // (a page may be blank or a figure): figures of a table in between do not break it.
    // Chain lengths are weighed: see below.
    func atPageEdge(_ index: Int) -> Bool {
      if lines[index].hasFormFeed { return true }
      var next = index + 1
      while next < lines.count, lines[next].length == 0, !lines[next].hasFormFeed { next += 1 }
      return next < lines.count && lines[next].hasFormFeed
    }
    var chainLength = [Int](repeating: 1, count: candidates.count)
    var chainParent = [Int?](repeating: nil, count: candidates.count)
    // A number's best candidate (by chain length) ten lines back or more.
    var settled: [Int: Int] = [:]
    var pending = 0
    for (position, candidate) in candidates.enumerated() {
      while pending < position, candidate.index - candidates[pending].index >= 10 {
        let number = candidates[pending].number
        // On a tie the one at a page's edge (the last line before a form feed, or the line that
        // holds one), else the later one: a contents list's "Summary ... 2" must not stand in for
        // the page that is numbered 2, nor a table's figure for the footer above it.
        if let current = settled[number] {
          if chainLength[current] < chainLength[pending]
            || (chainLength[current] == chainLength[pending]
              && (atPageEdge(candidates[pending].index) || !atPageEdge(candidates[current].index)))
          {
            settled[number] = pending
          }
        } else {
          settled[number] = pending
        }
        pending += 1
      }
      // A step of one page weighs most, so "1, 2, 3" beats "1, 2, 4" where 4 is a figure.
      for step in 1...3 {
        if let before = settled[candidate.number - step],
          chainLength[before] + 4 - step > chainLength[position]
        {
          chainLength[position] = chainLength[before] + 4 - step
          chainParent[position] = before
        }
      }
    }
    var accepted: [Int] = []
    if var end = chainLength.indices.max(by: { chainLength[$0] < chainLength[$1] }) {
      accepted.append(candidates[end].index)
      while let parent = chainParent[end] {
        accepted.append(candidates[parent].index)
        end = parent
      }
    }
    if accepted.count >= 2 { furniture.formUnion(accepted) }
    // Lines near a page break: a page number or a form feed.
    var pageBreaks = furniture
    for (index, line) in lines.enumerated() where line.hasFormFeed {
      pageBreaks.insert(index)
      if line.length == 0 { furniture.insert(index) }
    }
    guard !pageBreaks.isEmpty else { return furniture }
    func isNearBreak(_ index: Int) -> Bool {
      var below = index
      var steps = 0
      while below + 1 < lines.count, steps < 3 {
        below += 1
        if lines[below].length == 0 { continue }
        if pageBreaks.contains(below) { return true }
        steps += 1
      }
      var above = index
      steps = 0
      while above > 0, steps < 3 {
        if pageBreaks.contains(above) { return true }
        above -= 1
        if lines[above].length == 0 { continue }
        steps += 1
      }
      return pageBreaks.contains(above)
    }
    var recurring: [String: [Int]] = [:]
    for (index, line) in lines.enumerated()
    where line.length > 0 && line.length <= 120 && !furniture.contains(index) {
      // A header or footer starts as a title does and ends without a sentence's punctuation.
      guard let first = line.text.first, !first.isLowercase, let last = line.text.last,
        !".,;:!?".contains(last)
      else { continue }
      recurring[shape(line.text), default: []].append(index)
    }
    for (_, indices) in recurring where indices.count >= 2 {
      let near = indices.filter(isNearBreak)
      // Three times or more, mostly at page breaks; in a short document, twice, each at one.
      if indices.count >= 3 ? near.count * 4 >= indices.count * 3 : near.count == indices.count {
        furniture.formUnion(near)
      }
    }
    return furniture
  }

  /// The page number of a line that is only a page number, or a running header or footer with
  /// the number set apart at one end ("Annual Report 2006     12", "12 | Annual Report"); else nil.
  /// `separators` set the number apart; `recurs` says the rest of the line recurs as a running
  /// header's does, which lets it be longer.
  static func pageNumber(
    _ text: Substring, separators: [String] = [" | ", "   ", "\t"], recurs: Bool = false
  ) -> Int? {
    // A page number is a digit at one end, or near it ("- 12 -", "[12]", "12 of 40").
    let bytes = text.utf8
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    guard bytes.prefix(8).contains(where: isDigit) || bytes.suffix(12).contains(where: isDigit)
    else { return nil }
    if !recurs, let number = bareNumber(text) ?? columnNumber(text) { return number }
    // The rest is a running header's few words, not a numbered paragraph's prose.
    func readsAsHeader(_ rest: Substring) -> Bool {
      let trimmed = rest.trimmingCharacters(in: .whitespaces)
      return trimmed.count <= (recurs ? 90 : 60)
        && trimmed.split(separator: " ").count <= (recurs ? 14 : 8)
    }
    for separator in separators {
      if let last = text.rangeOfBytes(separator, backwards: true),
        let number = bareNumber(text[last.upperBound...]),
        readsAsHeader(text[..<last.lowerBound])
      {
        return number
      }
      if let first = text.rangeOfBytes(separator),
        let number = bareNumber(text[..<first.lowerBound]),
        readsAsHeader(text[first.upperBound...])
      {
        return number
      }
    }
    return nil
  }

  /// The column of a parliamentary report's column marker: Hansard numbers columns, not pages,
  /// and prints the sitting's date before the column ("10 Nov 2008 : Column 742W", "Column
  /// WA12", "Col. 88W", "17 May 2004 : Column 738W—continued" or "--continued"), or the column
  /// alone ("734W").
  /// The letters for written answers and statements (W, WA, WS, WH) come before or after the
  /// figure; alone, the figure needs them.
  static func columnNumber(_ text: Substring) -> Int? {
    let lower = text.lowercased()
    var rest = Substring(lower)
    var hasMarker = false
    // The marker is a word of its own: "Protocol 3" holds no column.
    if let marker = ["column ", "col. ", "col "].lazy.compactMap({
      lower.range(of: $0, options: .backwards)
    }).first(where: {
      $0.lowerBound == lower.startIndex || lower[lower.index(before: $0.lowerBound)] == " "
    }) {
      // Only a date (or nothing) comes before the marker.
      let before = lower[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
      guard before.count <= 30, before.split(separator: " ").count <= 5,
        !before.contains(where: { $0 == "." || $0 == "," })
      else { return nil }
      rest = lower[marker.upperBound...]
      hasMarker = true
    }
    // Plain text often writes the dash as two hyphens ("Column 612W--continued").
    for ending in [
      "—continued", "–continued", "--continued", "-continued", " continued", "—cont", "--cont",
      "-cont",
    ]
    where rest.hasSuffix(ending) {
      rest = rest.dropLast(ending.count)
      break
    }
    let letters: Set<Character> = ["w", "a", "s", "h"]
    let prefix = rest.prefix(while: { letters.contains($0) })
    let digits = rest.dropFirst(prefix.count).prefix(while: \.isNumber)
    let suffix = rest.dropFirst(prefix.count + digits.count)
    guard prefix.count <= 2, suffix.count <= 2, suffix.allSatisfy(letters.contains),
      prefix.isEmpty || suffix.isEmpty, hasMarker || !(prefix + suffix).isEmpty
    else { return nil }
    return number(String(digits))
  }

  /// Whether a line is a Hansard column marker with its date: a day, a month and a year, " : ",
  /// and a column with the letters of written answers or statements ("2 Nov 2006 : Column
  /// 612W--continued").
  static func isDatedColumnMarker(_ text: Substring) -> Bool {
    // (Read for every short line of a text: the byte search rejects most at once.)
    guard text.utf8.count >= 18, let colon = text.rangeOfBytes(" : ") else { return false }
    let date = text[..<colon.lowerBound].split(separator: " ")
    guard date.count == 3, date[0].allSatisfy(\.isNumber), date[1].allSatisfy(\.isLetter),
      date[2].count == 4, date[2].allSatisfy(\.isNumber),
      text[colon.upperBound...].lowercased().hasPrefix("column"),
      let column = columnNumber(text)
    else { return false }
    // The figure needs its letters ("612W", "WA12", "WS3", "WH40"): "Column 612" could be a
    // table's.
    return column > 0 && text[colon.upperBound...].lowercased().dropFirst(6).contains("w")
  }

  /// The number of text that is only a page number: "12", "- 12 -", "[12]", "Page 12",
  /// "Page 12 of 40", "12 of 40".
  private static func bareNumber(_ text: Substring) -> Int? {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    words = words.filter { !["-", "–", "—", "|", "·", "•"].contains($0) }
    if words.count == 1 {
      return number(words[0].trimmingCharacters(in: ["-", "–", "—", "[", "]", "(", ")"]))
    }
    let lower = words.map { $0.lowercased() }
    if lower.count == 2, ["page", "p.", "p", "pg"].contains(lower[0]) { return number(lower[1]) }
    if lower.count == 4, lower[0] == "page", lower[2] == "of", number(lower[3]) != nil {
      return number(lower[1])
    }
    if lower.count == 3, lower[1] == "of", number(lower[2]) != nil { return number(lower[0]) }
    return nil
  }

  private static func number(_ text: String) -> Int? {
    guard (1...4).contains(text.count), text.allSatisfy(\.isASCII), let value = Int(text), value > 0
    else { return nil }
    return value
  }

  /// A line's shape for spotting repeats: lower case, digits dropped, spaces collapsed.
  private static func shape(_ text: Substring) -> String {
    var result = ""
    var space = false
    for character in text.lowercased() {
      if character.isNumber { continue }
      if character == " " || character == "\t" {
        space = true
        continue
      }
      if space, !result.isEmpty { result.append(" ") }
      space = false
      result.append(character)
    }
    return result
  }
}

/// How a word hyphenated across a line end is joined, judged by the document's own words:
/// "partner-" + "ship" reads "partnership" when the document writes "partnership" elsewhere;
/// "co-" + "operation" keeps its hyphen when it writes "co-operation", or neither form; "prac-"
/// + "tical" reads "practical", since neither part is a word the document writes.
final class HyphenatedWords {
  enum Joining { case withoutHyphen, withHyphen, notHyphenated }

  private let text: String

  /// The document's bytes with ASCII capitals made small, made when a line first ends in a
  /// hyphen (most documents have none).
  private lazy var lowered: [UInt8] = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }

  /// Endings that are never words of their own: what follows the hyphen is part of the word.
  private static let suffixes: Set<String> = [
    "ship", "ships", "ment", "ments", "tion", "tions", "sion", "sions", "ation", "ations", "ity",
    "ities", "ness", "ance",
    "ence", "ances", "ences", "ism", "isms", "ist", "ists", "ous", "ive", "ively", "able", "ible",
    "ably", "ibly", "ing",
    "ings", "ed", "er", "ers", "ly", "al", "ally", "ise", "ised", "ising", "ize", "ized", "izing",
    "ure", "ures", "hood",
    "hoods", "less", "lessness", "ful", "fully",
  ]

  init(text: String) {
    self.text = text
  }

  /// Whether the document writes `word` (lower case) as a word of its own, `times` times or
  /// more: bounded on both sides by what is neither a letter nor a hyphen.
  private func writes(_ word: String, times: Int = 1) -> Bool {
    let needle = Array(word.utf8)
    guard !needle.isEmpty else { return false }
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 || byte == 0x2D
    }
    return lowered.withUnsafeBufferPointer { haystack -> Bool in
      guard let base = haystack.baseAddress else { return false }
      var matches = 0
      var from = 0
      while from + needle.count <= haystack.count {
        // The next place the first byte occurs (memchr), then the rest compared.
        guard
          let found = memchr(
            base + from, Int32(needle[0]), haystack.count - needle.count + 1 - from)
        else { return false }
        let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        let end = offset + needle.count
        if needle.indices.allSatisfy({ haystack[offset + $0] == needle[$0] }),
          offset == 0 || !isWordByte(haystack[offset - 1]),
          end == haystack.count || !isWordByte(haystack[end])
        {
          matches += 1
          if matches == times { return true }
        }
        from = offset + 1
      }
      return false
    }
  }

  /// How `text`, a paragraph so far, joins the next line `next`.
  func joining(_ text: String, _ next: Substring) -> Joining {
    guard text.last == "-", let before = text.dropLast().last, let after = next.first else {
      return .notHyphenated
    }
    // A range of years or figures broken after its hyphen: "2005-" + "06".
    if before.isNumber, after.isNumber { return .withHyphen }
    guard before.isLetter, after.isLowercase else { return .notHyphenated }
    let written = String(text.dropLast().reversed().prefix { $0.isLetter }.reversed())
    let head = written.lowercased()
    let tail = String(next.prefix { $0.isLetter }).lowercased()
    let hyphenated = writes(head + "-" + tail)
    if !hyphenated && writes(head + tail) { return .withoutHyphen }
    if hyphenated { return .withHyphen }
    if Self.suffixes.contains(tail) && head.count >= 3 { return .withoutHyphen }
    // A word broken where it has no hyphen of its own ("prac-" + "tical"): neither part a word
    // the document writes (the tail stands as one at the next line's start, so it must be
    // written once more), the first in lower case ("LSP-" + "wide" and "Kelby-" + "wide" are
    // compounds) and no prefix ("non-" + "statutory"), and no participle after the hyphen
    // ("decision-" + "making", "area-" + "based").
    let participle = tail.hasSuffix("ing") || tail.hasSuffix("ed")
    if !participle, written == head, !Self.prefixes.contains(head), !writes(head),
      !writes(tail, times: 2)
    {
      return .withoutHyphen
    }
    return .withHyphen
  }

  /// Prefixes written with a hyphen ("co-operation", "non-statutory", "re-launched").
  private static let prefixes: Set<String> = [
    "co", "re", "non", "pre", "post", "anti", "multi", "cross", "inter", "sub", "self", "semi",
    "counter", "well", "mid",
  ]
}
