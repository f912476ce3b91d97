/// Headings run into their paragraph, as text copied from a web page leaves them: "Who sits on
/// the board The board has 24 seats.", "What the partnership doesThe partnership's main job
/// is ...". Each becomes a heading block and a paragraph block.
///
/// A heading runs in where, among the first words of a paragraph, a capitalised word that opens
/// sentences ("The", "Our", "In") follows words that carry no punctuation, or is glued to the
/// word before it ("doesThe"). Unless glued, it must show twice or more in the document; there a
/// capitalised word after a heading in sentence case does too ("About the partnership Wethercote Together was set
/// up ..."), unless the heading's first word opens a sentence's adverbial ("In the autumn
/// Oakridge Council agreed ...").
enum RunInHeadings {
  /// Capitalised words that open a sentence and are not part of a heading's words.
  static let openers: Set<String> = [
    "The", "Our", "This", "These", "It", "Its", "We", "In", "A", "An", "There", "Each", "Every",
    "All", "Most", "Some", "From", "You", "Your", "They", "Their", "If", "When", "Since", "As",
  ]
  /// Lower-case words a heading does not end with: "published by The Stationery Office".
  static let linkWords: Set<String> = [
    "the", "a", "an", "of", "to", "and", "or", "by", "from", "with", "in", "on", "at", "for", "as",
    "that", "said", "says", "called", "named", "titled", "entitled",
  ]
  /// First words of a sentence's adverbial, before which a run of lower-case words and a name is
  /// a sentence: "In the autumn Oakridge Council agreed".
  static let adverbialStarts: Set<String> = [
    "In", "On", "At", "By", "For", "From", "With", "After", "Before", "During", "Since", "Under",
    "Last", "This", "Next", "Over", "Through", "Until", "When", "While", "As", "Every", "Each",
    "Some", "Most", "All", "According", "Later", "Earlier", "Then", "Now", "So", "But", "And",
  ]
  /// The most words a run-in heading has.
  static let maxWords = 7

  /// Splits the paragraphs of `blocks` whose heading runs in.
  static func split(_ blocks: [Block]) -> [Block] {
    // One paragraph of that shape may be a sentence that names a work ("Making It Work was
    // published in May"); a page of run-in headings has several.
    // A heading glued to its text ("doesThe") is one on its own.
    var strong = blocks.map { $0.kind == .paragraph ? cut(in: $0.text, weak: false) : nil }
    let several = strong.compactMap({ $0 }).count >= 2
    if !several { strong = strong.map { $0?.glued == true ? $0 : nil } }
    guard strong.contains(where: { $0 != nil }) else { return blocks }
    var result: [Block] = []
    result.reserveCapacity(blocks.count + 4)
    for (index, block) in blocks.enumerated() {
      let cut =
        strong[index]
        ?? (several && block.kind == .paragraph ? self.cut(in: block.text, weak: true) : nil)
      guard let cut else {
        result.append(block)
        continue
      }
      result.append(Block(kind: .heading, text: cut.heading, line: block.line))
      result.append(Block(kind: .paragraph, text: cut.rest, line: block.line))
    }
    return result
  }

  /// Where a heading runs into the text, or nil.
  static func cut(in text: String, weak: Bool) -> (heading: String, rest: String, glued: Bool)? {
    let words = text.split(separator: " ", maxSplits: maxWords + 1, omittingEmptySubsequences: true)
    guard words.count >= 4, let first = words.first, isHeadingWord(first),
      first.first?.isUppercase == true
    else { return nil }
    for index in 0..<min(words.count - 2, maxWords) {
      let word = words[index]
      // Glued: "doesThe".
      if index > 0 || words.count > 1, let glue = gluedOpener(in: word) {
        let heading = (words[..<index].map(String.init) + [String(word[..<glue])]).joined(
          separator: " ")
        let rest = ([String(word[glue...])] + words[(index + 1)...].map(String.init)).joined(
          separator: " ")
        return (heading, rest, true)
      }
      guard isHeadingWord(word) else { return nil }
      let next = words[index + 1]
      guard next.first?.isUppercase == true, isWordStart(next) else { continue }
      if linkWords.contains(String(word)) { continue }
      let heading = words[...index].joined(separator: " ")
      let rest = words[(index + 1)...].joined(separator: " ")
      guard rest.split(separator: " ").count >= 3, let last = rest.last, ".!?\"”".contains(last)
      else { return nil }
      if openers.contains(String(next)) { return (heading, rest, false) }
      // Sentence case before a name: only where the document shows the pattern already.
      if weak, index >= 1, !adverbialStarts.contains(String(first)),
        words[1...index].allSatisfy({ $0.first?.isLowercase == true })
      {
        return (heading, rest, false)
      }
    }
    return nil
  }

  /// A word a heading may hold: letters, with an apostrophe, a hyphen or "&".
  private static func isHeadingWord(_ word: Substring) -> Bool {
    word == "&"
      || (word.first?.isLetter == true && word.allSatisfy { $0.isLetter || "'’-".contains($0) })
  }

  private static func isWordStart(_ word: Substring) -> Bool {
    word.first?.isLetter == true
  }

  /// The position of an opener glued to the end of a lower-case word ("doesThe"), or nil.
  private static func gluedOpener(in word: Substring) -> Substring.Index? {
    var index = word.index(after: word.startIndex)
    while index < word.endIndex {
      let before = word[word.index(before: index)]
      if before.isLowercase, word[index].isUppercase {
        let tail = word[index...].prefix { $0.isLetter }
        if openers.contains(String(tail)),
          tail.endIndex == word.endIndex || !word[tail.endIndex].isLetter
        {
          return index
        }
        return nil
      }
      index = word.index(after: index)
    }
    return nil
  }
}
