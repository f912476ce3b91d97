import Foundation

/// What a document says about itself: its title, publication date, author, language and
/// canonical address. Every field is nil when the document does not state it; nothing is
/// guessed beyond a date written near the top of the text.
public struct DocumentMetadata: Sendable, Equatable {
  /// The title: og:title, else the first h1, else the <title> without its site-name part.
  public var title: String?
  /// The publication date, ISO 8601 (`2006-01-20`).
  public var published: String?
  /// The author, where stated.
  public var author: String?
  /// The language tag of the page (`en-GB`).
  public var language: String?
  /// The canonical URL.
  public var url: String?

  /// Creates metadata.
  public init(
    title: String? = nil, published: String? = nil, author: String? = nil, language: String? = nil,
    url: String? = nil
  ) {
    self.title = title
    self.published = published
    self.author = author
    self.language = language
    self.url = url
  }
}

/// Reading dates and titles as documents write them.
enum MetadataReading {
  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november",
    "december",
  ]

  private static func month(_ word: Substring) -> Int? {
    // Cheap checks first: this runs on every word near the top of a document.
    guard let first = word.utf8.first, (first | 0x20) >= 0x61, (first | 0x20) <= 0x7A,
      word.utf8.count <= 10
    else { return nil }
    let lower = word.lowercased().drop(while: { $0 == "." }).prefix(while: { $0 != "." })
    guard lower.count >= 3 else { return nil }
    return months.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
  }

  private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
    guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else {
      return nil
    }
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// A date in ISO 8601 from a stated value: `2019-11-20T07:00:28Z`, `20 January 2006`,
  /// `January 20, 2006`, `20/01/2006` (day first, as in British reports). Nil if none is found.
  static func date(from text: String) -> String? {
    // Every form has a year 19xx or 20xx; most text has none, and that is cheap to see. Every
    // form has a month's name or a "-" or "/" between numbers too.
    guard containsYear(text), mayHoldDate(text) else { return nil }
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
    // ISO forms first.
    if let parts = numberTriple(in: text, separator: "-", widths: [4...4, 2...2, 2...2]),
      parts[0] / 100 == 19 || parts[0] / 100 == 20,
      let value = iso(parts[0], parts[1], parts[2])
    {
      return value
    }
    for index in words.indices {
      // "20 January 2006"
      if index + 2 < words.count, words[index].first?.isNumber == true,
        let day = Int(words[index].filter(\.isNumber)),
        let month = month(words[index + 1]), let year = Int(words[index + 2].prefix(4)),
        let value = iso(year, month, day)
      {
        return value
      }
      // "January 20, 2006" / "Nov 20 2019"
      if index + 2 < words.count,
        words[index + 1].utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true,
        let month = month(words[index]), let day = Int(words[index + 1].filter(\.isNumber)),
        let year = Int(words[index + 2].prefix(4)), let value = iso(year, month, day)
      {
        return value
      }
    }
    if let parts = numberTriple(
      in: text, separator: "/", widths: [1...2, 1...2, 4...4], endsAtBoundary: true),
      parts[2] / 100 == 19 || parts[2] / 100 == 20, let value = iso(parts[2], parts[1], parts[0])
    {
      return value
    }
    return nil
  }

  /// A month and year written as a line of its own ("Published: October 2006", "May 2003"),
  /// as `2006-10`: in a short block only, where it dates the document rather than an event the
  /// text tells of, and with the month capitalised ("may 2003" is no date).
  static func monthAndYear(in text: String) -> String? {
    guard text.count <= 80, containsYear(text) else { return nil }
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
    for index in words.indices.dropLast() where words[index].first?.isUppercase == true {
      guard let month = month(words[index]) else { continue }
      let next = words[index + 1]
      guard next.count == 4 || (next.count == 5 && next.last == "."),
        let year = Int(next.prefix(4)), (1900...2100).contains(year)
      else { continue }
      return String(format: "%04d-%02d", year, month)
    }
    return nil
  }

  /// The date a document's first blocks give: the first full date, else the first month and
  /// year alone in a short block (`monthAndYear`).
  static func writtenDate(inBlocks texts: some Sequence<String>) -> String? {
    var monthOnly: String?
    for text in texts {
      if let date = writtenDate(in: text) { return date }
      if monthOnly == nil { monthOnly = monthAndYear(in: text) }
    }
    return monthOnly
  }

  /// A date written in a block of text, outside brackets: "(22 April 2005)" in a reference or
  /// an aside is not the document's date.
  static func writtenDate(in text: String) -> String? {
    guard text.utf8.contains(UInt8(ascii: "(")) || text.utf8.contains(UInt8(ascii: "[")) else {
      return date(from: text)
    }
    guard containsYear(text) else { return nil }
    var outside = ""
    var depth = 0
    for character in text {
      if character == "(" || character == "[" {
        depth += 1
      } else if character == ")" || character == "]" {
        depth = max(0, depth - 1)
        outside.append(" ")
      } else if depth == 0 {
        outside.append(character)
      }
    }
    return date(from: outside)
  }

  /// The first three letters of the months, for `mayHoldDate`.
  private static let monthStarts: Set<UInt32> = Set(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map {
      word in
      word.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    })

  /// Whether the text has what every date form needs besides a year: a word that starts as a
  /// month does ("Jan", "march"), or a digit then "-" or "/". A scan of its bytes, so a
  /// paragraph without either costs no splitting into words.
  private static func mayHoldDate(_ text: String) -> Bool {
    var previous: UInt8 = 0x20
    var run: UInt32 = 0
    var letters = 0
    for byte in text.utf8 {
      let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
      if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")) && previous >= 0x30
        && previous <= 0x39
      {
        return true
      }
      if isLetter {
        if letters < 3 { run = run << 8 | UInt32(byte | 0x20) }
        letters += 1
        if letters == 3, monthStarts.contains(run) { return true }
      } else {
        run = 0
        letters = 0
      }
      previous = byte
    }
    return false
  }

  /// Whether the text holds "19" or "20" as adjacent digits: a quick filter that every written
  /// year passes (it lets through more than years; the readers after it decide).
  private static func containsYear(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if (previous == 0x31 && byte == 0x39) || (previous == 0x32 && byte == 0x30) { return true }
      previous = byte
    }
    return false
  }

  /// The first three numbers joined by `separator` (`2006-01-20`, `20/1/2006`) whose digit
  /// counts fall in `widths`, starting at a word boundary (and, if asked, ending at one). A
  /// plain scan over UTF-8: Foundation's regular expressions are compiled on every call here,
  /// which cost more than the rest of a plain-text document's extraction.
  private static func numberTriple(
    in text: String, separator: Character, widths: [ClosedRange<Int>], endsAtBoundary: Bool = false
  ) -> [Int]? {
    let bytes = Array(text.utf8)
    guard let separatorByte = separator.asciiValue else { return nil }
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    func isWordByte(_ byte: UInt8) -> Bool {
      isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }
    var start = 0
    while start < bytes.count {
      guard isDigit(bytes[start]), start == 0 || !isWordByte(bytes[start - 1]) else {
        start += 1
        continue
      }
      var parts: [Int] = []
      var index = start
      for (position, width) in widths.enumerated() {
        var value = 0
        var digits = 0
        while index < bytes.count, isDigit(bytes[index]), digits < width.upperBound {
          value = value * 10 + Int(bytes[index] - 0x30)
          digits += 1
          index += 1
        }
        guard width.contains(digits) else { break }
        parts.append(value)
        if position < widths.count - 1 {
          guard index < bytes.count, bytes[index] == separatorByte else { break }
          index += 1
        }
      }
      if parts.count == widths.count,
        !endsAtBoundary || index == bytes.count || !isWordByte(bytes[index])
      {
        return parts
      }
      // Move past this run of digits.
      while start < bytes.count, isDigit(bytes[start]) { start += 1 }
    }
    return nil
  }

  /// An author as a name: "By " dropped; a profile URL is no name.
  static func author(from value: String) -> String? {
    var name = value.trimmingCharacters(in: .whitespaces)
    if name.lowercased().hasPrefix("by ") { name = String(name.dropFirst(3)) }
    guard !name.isEmpty, !name.contains("://"), !name.hasPrefix("www.") else { return nil }
    return name
  }

  /// A <title> without the site's name: the part, split at " | ", " – ", " — ", " - " or " :: ",
  /// that the page's heading or Open Graph title matches, else the first part (site names trail).
  static func cleanTitle(_ title: String, hints: [String]) -> String {
    var parts = [title]
    for separator in [" | ", " – ", " — ", " :: ", " - ", " » "] where title.contains(separator) {
      parts = title.components(separatedBy: separator).map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty }
      break
    }
    guard parts.count > 1 else { return title }
    for hint in hints {
      if let part = parts.first(where: {
        hint.localizedCaseInsensitiveContains($0) || $0.localizedCaseInsensitiveContains(hint)
      }) {
        return part
      }
    }
    return parts.first ?? title
  }
}
