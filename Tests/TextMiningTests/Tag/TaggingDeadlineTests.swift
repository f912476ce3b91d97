import Foundation
import Testing

@testable import TextMining

/// The tagger's deadline is read before it starts and before every 16th sentence it tags, so a
/// deadline that passes in the middle of a long document stops it there (and the document is
/// reported out of time) while a shorter one finishes. The clock is a test clock that moves on
/// one second at every reading.
@Suite struct TaggingDeadlineTests {
  /// A clock that reads one second later each time it is read.
  final class SteppingClock: @unchecked Sendable {
    let start = ContinuousClock.now
    private let lock = NSLock()
    private var readings = 0

    func read() -> ContinuousClock.Instant {
      lock.lock()
      defer { lock.unlock() }
      readings += 1
      return start.advanced(by: .seconds(readings - 1))
    }

    var count: Int {
      lock.lock()
      defer { lock.unlock() }
      return readings
    }
  }

  private func document(sentences: Int) throws -> SegmentedText {
    let body = Array(repeating: "Trust between partners is strong.", count: sentences)
      .joined(separator: " ")
    let text = DecodedDocument(text: "Notes\n\n" + body, format: .plainText, encoding: "UTF-8")
    return try ICUSegmenter().segment(PlainTextExtractor().extractText(from: text))
  }

  /// Readings: one before the first sentence (second 0), then before sentences 0, 16 and 32
  /// (seconds 1, 2 and 3). A deadline at 2.5 s lets 21 sentences finish and stops 41.
  @Test func aDeadlinePassingMidDocumentStopsTheTagger() throws {
    let taxonomy = try Fixtures.fiveCodeTaxonomy()
    let short = try document(sentences: 20)
    let long = try document(sentences: 40)
    #expect(short.sentences.count == 21 && long.sentences.count == 41)

    let shortClock = SteppingClock()
    var tagger = TaxonomyTagger(taxonomy: taxonomy)
    tagger.now = { shortClock.read() }
    let tagged = try tagger.tag(short, deadline: shortClock.start.advanced(by: .milliseconds(2500)))
    #expect(tagged.mentions.count == 20)
    #expect(shortClock.count == 3)

    let longClock = SteppingClock()
    tagger.now = { longClock.read() }
    #expect(throws: TaggingError.outOfTime) {
      try tagger.tag(long, deadline: longClock.start.advanced(by: .milliseconds(2500)))
    }
    #expect(longClock.count == 4)
  }
}
