import Foundation

/// The page furniture of a PDF converted to text: page numbers, running headers and footers,
/// and blank pages. None of it is part of the text, and a sentence broken by a page break is
/// joined across it (`PlainTextExtractor`).
///
/// - A page number is a line that is only a number ("12", "- 12 -", "Page 12", "Page 12 of 40"),
///   or a line with a number set apart at one end ("Annual report 2006     12"), taken only where
///   such lines count up through the document at least ten lines apart, so a figure in a table
///   or a line of a contents list is not a page number.
/// - A running header or footer is a short line that recurs, the same but for its digits, at
///   least three times, mostly within three lines of a page number or a form feed, and that
///   starts as a title does and ends without a sentence's punctuation.
enum PageFurniture {
  /// The indices of the lines that are page furniture.
  static func lines(in lines: [PlainTextExtractor.Line]) -> Set<Int> {
    var furniture: Set<Int> = []
    // Page numbers that count up.
    var candidates: [(index: Int, number: Int)] = []
    for (index, line) in lines.enumerated() where line.length > 0 && line.length <= 80 {
      if let number = pageNumber(line.text) { candidates.append((index, number)) }
    }
    // Pages are more than ten lines long, so numbers that count up line by line (a contents
    // list, a column of figures) are not page numbers.
    var accepted: [Int] = []
    var last: (index: Int, number: Int)?
    for candidate in candidates {
      if let previous = last, candidate.number > previous.number, candidate.number <= previous.number + 3,
        candidate.index - previous.index >= 10
      {
        if accepted.isEmpty { accepted.append(previous.index) }
        accepted.append(candidate.index)
        last = candidate
      } else if last == nil || accepted.isEmpty {
        last = candidate
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
    for (index, line) in lines.enumerated() where line.length > 0 && line.length <= 120 && !furniture.contains(index) {
      // A header or footer starts as a title does and ends without a sentence's punctuation.
      guard let first = line.text.first, !first.isLowercase, let last = line.text.last, !".,;:!?".contains(last) else { continue }
      recurring[shape(line.text), default: []].append(index)
    }
    for (_, indices) in recurring where indices.count >= 3 {
      let near = indices.filter(isNearBreak)
      if near.count * 4 >= indices.count * 3 { furniture.formUnion(near) }
    }
    return furniture
  }

  /// The page number of a line that is only a page number, or a running header or footer with
  /// the number set apart at one end ("Annual Report 2006     12", "12 | Annual Report"); else nil.
  static func pageNumber(_ text: Substring) -> Int? {
    if let number = bareNumber(text) { return number }
    for separator in [" | ", "   ", "\t"] {
      if let last = text.range(of: separator, options: .backwards), let number = bareNumber(text[last.upperBound...]) {
        return number
      }
      if let first = text.range(of: separator), let number = bareNumber(text[..<first.lowerBound]) { return number }
    }
    return nil
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
    if lower.count == 4, lower[0] == "page", lower[2] == "of", number(lower[3]) != nil { return number(lower[1]) }
    if lower.count == 3, lower[1] == "of", number(lower[2]) != nil { return number(lower[0]) }
    return nil
  }

  private static func number(_ text: String) -> Int? {
    guard (1...4).contains(text.count), text.allSatisfy(\.isASCII), let value = Int(text), value > 0 else { return nil }
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
/// "co-" + "operation" keeps its hyphen when it writes "co-operation", or neither form.
struct HyphenatedWords {
  enum Joining { case withoutHyphen, withHyphen, notHyphenated }

  /// Every word of the document in lower case, hyphenated words as written and split.
  private var words: Set<String> = []

  /// Endings that are never words of their own: what follows the hyphen is part of the word.
  private static let suffixes: Set<String> = [
    "ship", "ships", "ment", "ments", "tion", "tions", "sion", "sions", "ation", "ations", "ity", "ities", "ness", "ance",
    "ence", "ances", "ences", "ism", "isms", "ist", "ists", "ous", "ive", "ively", "able", "ible", "ably", "ibly", "ing",
    "ings", "ed", "er", "ers", "ly", "al", "ally", "ise", "ised", "ising", "ize", "ized", "izing", "ure", "ures",
  ]

  init(text: String) {
    var word = ""
    for character in text.lowercased() {
      if character.isLetter || character == "-" {
        word.append(character)
      } else {
        insert(word)
        word = ""
      }
    }
    insert(word)
  }

  private mutating func insert(_ word: String) {
    let trimmed = word.trimmingCharacters(in: ["-"])
    guard !trimmed.isEmpty else { return }
    words.insert(trimmed)
  }

  /// How `text`, a paragraph so far, joins the next line `next`.
  func joining(_ text: String, _ next: Substring) -> Joining {
    guard text.last == "-", let before = text.dropLast().last, before.isLetter, let after = next.first, after.isLowercase
    else { return .notHyphenated }
    let head = String(text.dropLast().reversed().prefix { $0.isLetter }.reversed()).lowercased()
    let tail = String(next.prefix { $0.isLetter }).lowercased()
    if words.contains(head + tail) && !words.contains(head + "-" + tail) { return .withoutHyphen }
    if words.contains(head + "-" + tail) { return .withHyphen }
    return Self.suffixes.contains(tail) && head.count >= 3 ? .withoutHyphen : .withHyphen
  }
}
