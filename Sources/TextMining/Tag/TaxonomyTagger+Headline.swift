/// Whether a page title is a news story's headline (`context.grammar.news_labels`), read over
/// the title's bytes: a title is read once per document, and short documents are many.
extension TaxonomyTagger {
  /// Whether a title is a news story's headline: one of its parts is a news label, or ends with
  /// one, in at most three words ("Partnership loses grant | News | Marsholt Courier", "News:
  /// Partners report progress", "Headline - Local News - Site", "Headline :: Press release").
  /// Parts are what stands between separators: a word of punctuation alone (" | ", " - ", " – ",
  /// " :: ", " » ") or a colon ending a word. Words are compared in lower case as written ("What's
  /// New" is not news), without brackets or punctuation around them ("(News)").
  static func isHeadline(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, labels: Set<String>,
    lastWords: [[UInt8]]? = nil
  ) -> Bool {
    // Most titles hold no label's last word anywhere: a byte scan that allocates nothing rules
    // them out before the title is split into words (a title is read once per document, and
    // short documents are many). The tagger passes the last words made once
    // (`Taxonomy.newsLabelLastWords`).
    let title = UnsafeBufferPointer(rebasing: bytes[range])
    guard
      (lastWords ?? Self.lastWords(of: labels)).contains(where: {
        Self.contains($0, inLowerCased: title)
      })
    else { return false }
    // The title's words, a word at a time, as byte ranges: a part ends at a separator (a word
    // of punctuation alone, or a bar even without spaces) or after a word that ends in a colon.
    // Only the last three words of the current part are kept, since a longer part is no label.
    let labelWords = labels.map { $0.split(separator: " ").map { Array($0.utf8) } }
    var last: [Range<Int>] = []
    last.reserveCapacity(4)
    var partCount = 0
    func endPart() -> Bool {
      defer {
        partCount = 0
        last.removeAll(keepingCapacity: true)
      }
      guard partCount > 0, partCount <= 3 else { return false }
      return labelWords.contains { label in
        label.count <= last.count
          && zip(label, last.suffix(label.count)).allSatisfy { word, range in
            word.count == range.count
              && zip(word, title[range]).allSatisfy {
                $0 == ((0x41...0x5A).contains($1) ? $1 | 0x20 : $1)
              }
          }
      }
    }
    var index = 0
    while index < title.count {
      // Skip spaces (and no-break spaces, C2 A0).
      if title[index] == 0x20 || title[index] == 0x09 {
        index += 1
        continue
      }
      if title[index] == 0xC2, index + 1 < title.count, title[index + 1] == 0xA0 {
        index += 2
        continue
      }
      if title[index] == UInt8(ascii: "|") {
        if endPart() { return true }
        index += 1
        continue
      }
      var end = index
      while end < title.count, title[end] != 0x20, title[end] != 0x09,
        title[end] != UInt8(ascii: "|"),
        !(title[end] == 0xC2 && end + 1 < title.count && title[end + 1] == 0xA0)
      {
        end += 1
      }
      let word = Self.trimmingPunctuation(index..<end, in: title)
      if word.isEmpty {
        if endPart() { return true }
      } else {
        partCount += 1
        if last.count == 3 { last.removeFirst() }
        last.append(word)
        if title[end - 1] == UInt8(ascii: ":"), endPart() { return true }
      }
      index = end
    }
    return endPart()
  }

  /// Two- and three-byte marks that separate a title's parts as ASCII punctuation does: « » ·
  /// (C2 AB, C2 BB, C2 B7), – — • (E2 80 93, 94, A2).
  private static let titleMarks: [[UInt8]] = [
    [0xC2, 0xAB], [0xC2, 0xBB], [0xC2, 0xB7], [0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94],
    [0xE2, 0x80, 0xA2],
  ]

  /// A word's bytes without the punctuation around it: ASCII punctuation, dashes, guillemets
  /// and bullets ("(news)" gives "news", "news:" "news"; "–", "»" and "::" give nothing).
  private static func trimmingPunctuation(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>)
    -> Range<Int>
  {
    func punctuation(at index: Int, forward: Bool) -> Int {
      let byte = text[index]
      if byte < 0x80 {
        let isWordByte =
          (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte)
        return isWordByte ? 0 : 1
      }
      for mark in titleMarks {
        let start = forward ? index : index - mark.count + 1
        guard start >= range.lowerBound, start + mark.count <= range.upperBound else { continue }
        if mark.indices.allSatisfy({ text[start + $0] == mark[$0] }) { return mark.count }
      }
      return 0
    }
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper {
      let width = punctuation(at: lower, forward: true)
      if width == 0 { break }
      lower += width
    }
    while upper > lower {
      let width = punctuation(at: upper - 1, forward: false)
      if width == 0 { break }
      upper -= width
    }
    return lower..<upper
  }

  /// Whether `word` (lower-case ASCII) occurs in `text`, whose ASCII letters are compared in
  /// lower case.
  private static func contains(_ word: [UInt8], inLowerCased text: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let first = word.first, word.count <= text.count else { return false }
    func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    return word.withUnsafeBufferPointer { word in
      for start in 0...(text.count - word.count) where lower(text[start]) == first {
        var offset = 1
        while offset < word.count, lower(text[start + offset]) == word[offset] { offset += 1 }
        if offset == word.count { return true }
      }
      return false
    }
  }

  /// The last word of each news label, as UTF-8 ("release" of "press release"): a title that
  /// holds none of them is no headline.
  static func lastWords(of labels: Set<String>) -> [[UInt8]] {
    Array(Set(labels.map { Array(($0.split(separator: " ").last ?? "").utf8) })).filter {
      !$0.isEmpty
    }
  }
}
