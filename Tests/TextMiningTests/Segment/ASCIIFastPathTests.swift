import Foundation
import Testing

@testable import TextMining

/// Plain ASCII is split into words and sentences without ICU, by the rules ICU would apply.
/// Whatever the text, the boundaries must be exactly ICU's: checked over every file of the
/// bundled corpus, the real web pages of the article-extraction benchmark where they are, and
/// random text made of the characters the rules turn on.
@Suite struct ASCIIFastPathTests {
  private let locale = "en_GB"

  private func expectSameAsICU(_ text: String, _ label: String) {
    let fast = ICU.segments(of: text, locale: locale)
    let icu = ICU.segments(of: text, locale: locale, asciiFastPath: false)
    let bytes = Array(text.utf8)
    if let fast, let icu, fast.sentenceBoundaries != icu.sentenceBoundaries {
      // Name the first boundary that differs, with its context.
      let other =
        Set(fast.sentenceBoundaries).symmetricDifference(icu.sentenceBoundaries).min() ?? 0
      let context = String(
        decoding: bytes[max(0, other - 30)..<min(bytes.count, other + 30)], as: UTF8.self)
      Issue.record(
        "\(label): sentence boundary at \(other) (ICU: \(icu.sentenceBoundaries.contains(other))) near \(context.debugDescription)"
      )
    }
    guard let fast, let icu, fast.wordRanges != icu.wordRanges else { return }
    // Name the first word that differs, with its context, to make a failure readable.
    let common = min(fast.wordRanges.count, icu.wordRanges.count)
    let index = (0..<common).first { fast.wordRanges[$0] != icu.wordRanges[$0] } ?? common
    let at = index < icu.wordRanges.count ? icu.wordRanges[index] : fast.wordRanges[index]
    let context = String(
      decoding: bytes[max(0, at.lowerBound - 20)..<min(bytes.count, at.upperBound + 20)],
      as: UTF8.self)
    Issue.record("\(label): word \(index) differs near \(context.debugDescription)")
  }

  @Test func otherLocalesAndSuppressionsGoToICUWhole() {
    // "@ss=standard" suppresses breaks after abbreviations ("Mr."); Swedish joins words at ':'.
    let text = "Mr. Crossman asked about the LAA. Both sides met. xml:lang a:b e.g. the U.S. 3.5"
    // en_US_POSIX has word rules of its own: "e.g" is two words there.
    for locale in ["en_GB@ss=standard", "sv_SE", "fi", "en_US_POSIX", "english"] {
      let fast = ICU.segments(of: text, locale: locale)
      let icu = ICU.segments(of: text, locale: locale, asciiFastPath: false)
      #expect(fast?.sentenceBoundaries == icu?.sentenceBoundaries, "\(locale)")
      #expect(fast?.wordRanges == icu?.wordRanges, "\(locale)")
    }
  }

  @Test func knownCases() {
    for text in [
      "e.g. the U.S. partnership's 3.5% and 1,000,000 (1;2) don't rock'n'roll",
      "a.1 1.a a'1 1'a a,b 1,a a;b 1:2 a:b www.example.org a@b.com x_y _a a_ 12_ab",
      "end.", "'quoted'", "...", "a..b", "1..2", "a''b", "tab\tnew\nline\r\ncr\u{0C}ff",
      "café ‘curly’ partnership’s naïve—dash 2025–26 日本語 e\u{0301}t\u{00AD}e a\u{200D}b",
      "the partner’s “quoted” view — £5m in 2005–06, ‘single’ a’’b 3’5 x’é ’tis don’t’ 1\u{00A0}000",
      "partners’\u{00AD}s £\u{0301}5 “\u{200D}a” a’\u{0301}b —’— ‘1’2’",
      "It ended. Then it began! Did it? \"Yes.\" (It did.) e.g. this. U.S.A. is 3.5 and 1.2.",
      "End.\n\nNext line.\r\nAnd this.\rLast. etc., and so on.) Then: more; Done... ok",
      "Встреча прошла. Новый план! Ж.Б. пришёл в 3.5 ч. и ушёл. Ёлка, ёж и ъ.",
      "Zoë’s café. École à Paris. Straße 5. ÉTÉ. naïve’s É.T. Ā ×2 ÷ ª Ѣ ж\u{0483}ж",
      "«Да», сказал он… Потом ушёл. ½ of it − 3 ® 2009 „quoted“ a\u{2009}b. «Нет.» Он…",
      "", " ", "a", "1", ".", "'", "_",
    ] {
      expectSameAsICU(text, text)
    }
  }

  @Test func everyFileOfTheCorpus() throws {
    let root = Fixtures.repositoryRoot + "/corpus"
    let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
    var checked = 0
    for file in files.sorted() where file.hasSuffix(".txt") || file.hasSuffix(".html") {
      guard let data = FileManager.default.contents(atPath: root + "/" + file) else { continue }
      expectSameAsICU(String(decoding: data, as: UTF8.self), file)
      checked += 1
    }
    #expect(checked > 100)
  }

  @Test func theTextOfTheRealWebPages() throws {
    // The benchmark's ground truth: the article text of 181 real pages, where the shared data is.
    let path =
      Fixtures.repositoryRoot + "/../shared/data/article-extraction-benchmark/ground-truth.json"
    guard let data = FileManager.default.contents(atPath: path) else { return }
    let pages = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    for (name, page) in pages.sorted(by: { $0.key < $1.key }) {
      guard let body = (page as? [String: Any])?["articleBody"] as? String else { continue }
      expectSameAsICU(body, name)
    }
    #expect(pages.count == 181)
  }

  @Test func longRunsOfLettersAndDigits() {
    // The word scan takes sixteen bytes at a time: runs shorter, as long as and longer than
    // that, ending at every kind of byte the rules turn on.
    let pieces = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOP", "0123456789", "Zz9"]
    let enders = [
      " ", ".", "'", ",", "-", "_", "@", "é", "ж", "’", "日", "\u{00AD}", "\n", "", ".a", "’s",
    ]
    var generator = SystemRandomNumberGenerator()
    for round in 0..<5000 {
      var text = ""
      for _ in 0..<Int.random(in: 1..<6, using: &generator) {
        let piece = pieces.randomElement(using: &generator)!
        let length = Int.random(in: 1..<40, using: &generator)
        text += String(String(repeating: piece, count: 3).prefix(length))
        text += enders.randomElement(using: &generator)!
      }
      expectSameAsICU(text, "long runs \(round)")
    }
  }

  @Test func randomText() {
    // The characters the rules turn on, a few others, and non-ASCII that hands a stretch to ICU.
    let alphabet: [String] = [
      "a", "b", "Z", "e", "1", "9", "0", ".", "'", ",", ";", ":", "_", "-", "\"", "!", "?", "(",
      ")", "/", "@", "%", "&", " ", " ", " ", "\t", "\n", "\r", "é", "’", "\u{00AD}", "\u{200D}",
      "\u{00A0}", "日", "\u{0301}", "ß", "#", "$", "*", "+", "<", "=", ">", "[", "\\", "]", "^",
      "`", "{", "|", "}", "~", "\u{0B}", "\u{0C}", "\u{1F}", "\u{7F}", "‘", "“", "”", "–", "—",
      "£", "€", "…", "A", "x", "T",
      // Latin-1 and basic Cyrillic letters, which the fast paths know, and neighbours they do not.
      "É", "ÿ", "À", "Þ", "×", "÷", "ª", "ж", "Ж", "ѐ", "Ѐ", "я", "ѣ", "Ѣ", "\u{0483}", "Ā",
      "«", "»", "®", "¼", "½", "¾", "„", "\u{2009}", "−", "©", "°", "·", "\u{2024}",
    ]
    var generator = SystemRandomNumberGenerator()
    for round in 0..<20000 {
      let length = Int.random(in: 0..<40, using: &generator)
      let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
      expectSameAsICU(text, "random \(round)")
    }
  }
}
