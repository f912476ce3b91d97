/// Headings run into their paragraph, as text copied from a web page leaves them: "Who sits on
/// the board The board has 24 seats.", "What the partnership doesThe partnership's main job
/// is ...". Each becomes a heading block and a paragraph block.
///
/// A heading runs in where, among the first words of a paragraph, a capitalised word that opens
/// sentences ("The", "Our", "In") follows words that carry no punctuation, or is glued to the
/// word before it ("doesThe"). Unless glued, it must show twice or more in the document: one
/// paragraph of that shape may be a sentence that names a work ("Making It Work was published in
/// May"). A determiner before a capitalised word opens a title, not a sentence ("The Green Paper
/// Every Child Matters set out ...", "the strategy A New Commitment ...").
enum RunInHeadings {
  /// Capitalised words that open a sentence and are not part of a heading's words.
  static let openers: Set<String> = [
    "The", "Our", "This", "These", "It", "Its", "We", "In", "A", "An", "There", "Each", "Every",
    "All", "Most", "Some", "From", "You", "Your", "They", "Their", "If", "When", "Since", "As",
  ]
  /// Openers that are prepositions or conjunctions: a capitalised word may follow them in a
  /// sentence ("In March 2007 the partners ..."), where after a determiner it starts a title.
  static let openersBeforeNames: Set<String> = ["In", "From", "If", "When", "Since", "As"]
  /// Lower-case words a heading does not end with: "published by The Stationery Office".
  static let linkWords: Set<String> = [
    "the", "a", "an", "of", "to", "and", "or", "by", "from", "with", "in", "on", "at", "for", "as",
    "that", "said", "says", "called", "named", "titled", "entitled",
  ]
  /// The most words a run-in heading has.
  static let maxWords = 7

  /// Splits the paragraphs of `blocks` whose heading runs in.
  static func split(_ blocks: [Block]) -> [Block] {
    var cuts = blocks.map { $0.kind == .paragraph ? cut(in: $0.text) : nil }
    // A heading glued to its text ("doesThe") is one on its own; the others need company.
    if cuts.compactMap({ $0 }).count < 2 { cuts = cuts.map { $0?.glued == true ? $0 : nil } }
    guard cuts.contains(where: { $0 != nil }) else { return blocks }
    var result: [Block] = []
    result.reserveCapacity(blocks.count + 4)
    for (block, cut) in zip(blocks, cuts) {
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
  static func cut(in text: String) -> (heading: String, rest: String, glued: Bool)? {
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
      guard openers.contains(String(next)) else { continue }
      // "Every Child Matters", "A New Commitment": a title's words after a determiner.
      if !openersBeforeNames.contains(String(next)), index + 2 < words.count,
        words[index + 2].first?.isUppercase == true
      {
        continue
      }
      return (heading, rest, false)
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
