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
  public init(title: String? = nil, published: String? = nil, author: String? = nil, language: String? = nil, url: String? = nil) {
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
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  private static func month(_ word: Substring) -> Int? {
    let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    guard lower.count >= 3 else { return nil }
    return months.firstIndex { $0.hasPrefix(lower) }.map { $0 + 1 }
  }

  private static func iso(_ year: Int, _ month: Int, _ day: Int) -> String? {
    guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// A date in ISO 8601 from a stated value: `2019-11-20T07:00:28Z`, `20 January 2006`,
  /// `January 20, 2006`, `20/01/2006` (day first, as in British reports). Nil if none is found.
  static func date(from text: String) -> String? {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," })
    // ISO forms first.
    if let match = text.range(of: #"\b(19|20)\d\d-\d\d-\d\d"#, options: .regularExpression) {
      let parts = text[match].split(separator: "-").compactMap { Int($0) }
      if parts.count == 3, let value = iso(parts[0], parts[1], parts[2]) { return value }
    }
    for index in words.indices {
      // "20 January 2006"
      if index + 2 < words.count, let day = Int(words[index].filter(\.isNumber)), words[index].first?.isNumber == true,
        let month = month(words[index + 1]), let year = Int(words[index + 2].prefix(4)), let value = iso(year, month, day)
      {
        return value
      }
      // "January 20, 2006" / "Nov 20 2019"
      if index + 2 < words.count, let month = month(words[index]), let day = Int(words[index + 1].filter(\.isNumber)),
        words[index + 1].first?.isNumber == true, let year = Int(words[index + 2].prefix(4)), let value = iso(year, month, day)
      {
        return value
      }
    }
    if let match = text.range(of: #"\b\d{1,2}/\d{1,2}/(19|20)\d\d\b"#, options: .regularExpression) {
      let parts = text[match].split(separator: "/").compactMap { Int($0) }
      if parts.count == 3, let value = iso(parts[2], parts[1], parts[0]) { return value }
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
      parts = title.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      break
    }
    guard parts.count > 1 else { return title }
    for hint in hints {
      if let part = parts.first(where: { hint.localizedCaseInsensitiveContains($0) || $0.localizedCaseInsensitiveContains(hint) }) {
        return part
      }
    }
    return parts.first ?? title
  }
}
