import Foundation
import Testing

@testable import TextMining

/// Each limit of `ProcessingLimits`: read from the pipeline file, and reached by a document
/// built to reach it, with a reason that names the limit.
@Suite struct LimitsTests {
  func html(_ body: String) -> DecodedDocument {
    DecodedDocument(
      text: "<html><head><title>T</title></head><body>\(body)</body></html>", format: .html,
      encoding: "UTF-8")
  }

  let sentence = "The Eastmoor LSP has strong leadership and mutual trust between partners."

  @Test func everyLimitIsReadFromThePipelineFileAndBadValuesAreRefused() throws {
    let folder = try TemporaryFolder()
    try folder.write("docs/a.txt", "x")
    try folder.write("t.yml", "x")
    let yaml = """
      name: p
      sources: docs
      taxonomy: t.yml
      limits:
        max_file_bytes: 1_000
        max_archive_bytes: 2000
        max_text_bytes: 3000
        max_tree_depth: 40
        max_attributes: 50
        max_document_seconds: 0.5
        max_sentence_tokens: 60
      """
    let limits = try PipelineDefinition.parse(yaml, file: folder.path + "/p.yml").limits
    #expect(limits.maxFileBytes == 1000)
    #expect(limits.maxArchiveBytes == 2000)
    #expect(limits.maxTextBytes == 3000)
    #expect(limits.maxTreeDepth == 40)
    #expect(limits.maxAttributes == 50)
    #expect(limits.maxDocumentSeconds == 0.5)
    #expect(limits.maxSentenceTokens == 60)
    #expect(
      try ProcessingLimits()
        == PipelineDefinition.parse(
          "name: p\nsources: docs\ntaxonomy: t.yml\n", file: folder.path + "/p.yml"
        ).limits)
    for bad in ["max_tree_depth: -1", "max_document_seconds: forever", "max_depth: 5"] {
      #expect(throws: ConfigurationError.self) {
        try PipelineDefinition.parse(
          "name: p\nsources: docs\ntaxonomy: t.yml\nlimits:\n  \(bad)\n",
          file: folder.path + "/p.yml")
      }
    }
  }

  @Test func nestingUpToTheDepthLimitIsReadAndDeeperIsRefused() throws {
    var limits = ProcessingLimits()
    limits.maxTreeDepth = 500
    let extractor = HTMLTextExtractor(keepsMainContentOnly: true, limits: limits)
    // libxml2 alone stops at 256 levels and drops the rest of the page without a word.
    let deepButAllowed = String(repeating: "<div>", count: 400) + "<p>\(sentence)</p>"
    let text = try extractor.extractText(from: html(deepButAllowed)).text
    #expect(text.contains("mutual trust"))
    let tooDeep = String(repeating: "<div>", count: 100_000) + "<p>\(sentence)</p>"
    #expect(throws: ExtractionError.tooDeep(depth: 501, limit: 500)) {
      try extractor.extractText(from: html(tooDeep))
    }
    #expect(
      ExtractionError.tooDeep(depth: 501, limit: 500).description.contains("limits.max_tree_depth"))
  }

  @Test func anElementWithTooManyAttributesIsRefusedBeforeParsing() throws {
    var limits = ProcessingLimits()
    limits.maxAttributes = 100
    let extractor = HTMLTextExtractor(limits: limits)
    let many = (0..<5000).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ")
    #expect(throws: ExtractionError.tooManyAttributes(count: 5000, limit: 100)) {
      try extractor.extractText(from: html("<div \(many)><p>\(sentence)</p></div>"))
    }
    // Attributes written inside a comment, a script or a quoted value are not attributes.
    let hidden =
      "<!-- <div \(many)> --><script>var s = '<div \(many)>';</script><p title='<b \(many)>'>\(sentence)</p>"
    #expect(try extractor.extractText(from: html(hidden)).text.contains("mutual trust"))
  }

  @Test func textOverTheSizeLimitIsRefused() throws {
    var limits = ProcessingLimits()
    limits.maxTextBytes = 1000
    let processor = DocumentProcessor(
      decoder: CharsetDecoder(), extractor: FormatDispatchingExtractor(), segmenter: ICUSegmenter(),
      tagger: TaxonomyTagger(taxonomy: try Fixtures.fiveCodeTaxonomy()),
      taxonomy: try Fixtures.fiveCodeTaxonomy(),
      pipelineName: "t", limits: limits)
    let bytes = Array(("Notes\n\n" + String(repeating: sentence + " ", count: 40)).utf8)
    guard
      case .failure(let failure) = processor.process(
        bytes, source: "big.txt", docID: "d", format: .plainText)
    else {
      Issue.record("an over-size text was processed")
      return
    }
    #expect(failure.stage == .extract)
    #expect(failure.reason.contains("limits.max_text_bytes"))
  }

  @Test func aDocumentOverItsTimeIsAbandonedAndNamedSo() throws {
    var limits = ProcessingLimits()
    limits.maxDocumentSeconds = 0.001
    let taxonomy = try Fixtures.projectTaxonomy()
    let processor = DocumentProcessor(
      decoder: CharsetDecoder(), extractor: FormatDispatchingExtractor(), segmenter: ICUSegmenter(),
      tagger: TaxonomyTagger(taxonomy: taxonomy), taxonomy: taxonomy, pipelineName: "t",
      limits: limits)
    let bytes = Array(("Notes\n\n" + String(repeating: sentence + " ", count: 20_000)).utf8)
    guard
      case .failure(let failure) = processor.process(
        bytes, source: "slow.txt", docID: "d", format: .plainText)
    else {
      Issue.record("a document over its time limit was finished")
      return
    }
    #expect(failure.reason.contains("limits.max_document_seconds"))
    #expect(failure.reason.contains("abandoned"))
  }

  @Test func sentencesOverTheTokenLimitAreSkippedAndTheRestIsTagged() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    let processor = DocumentProcessor(
      decoder: CharsetDecoder(), extractor: FormatDispatchingExtractor(), segmenter: ICUSegmenter(),
      tagger: TaxonomyTagger(taxonomy: taxonomy, maxSentenceTokens: 50), taxonomy: taxonomy,
      pipelineName: "t")
    let long = Array(repeating: "partners trust the board", count: 30).joined(separator: " ")
    let bytes = Array("Notes\n\n\(sentence)\n\n\(long)\n".utf8)
    guard
      case .success(let result) = processor.process(
        bytes, source: "long.txt", docID: "d", format: .plainText)
    else {
      Issue.record("the document failed")
      return
    }
    #expect(result.skippedSentences.map(\.tokenCount) == [120])
    #expect(result.skippedSentences.first?.block == 2)
    #expect(result.records.allSatisfy { $0.sentence == sentence })
    #expect(result.records.contains { $0.code.rawValue == "success_factor.trust" })
    var limits = ProcessingLimits()
    limits.maxSentenceTokens = 50
    let note = try #require(result.partialNote(limits: limits))
    #expect(
      note.contains("1 sentence not tagged") && note.contains("limits.max_sentence_tokens")
        && note.contains("120 tokens"))
  }

  @Test func externalEntitiesAndDTDsAreNeverLoaded() throws {
    let folder = try TemporaryFolder()
    try folder.write("secret.txt", "SECRET-MARKER-51")
    let page = """
      <?xml version="1.0"?>
      <!DOCTYPE html SYSTEM "file://\(folder.path)/secret.txt" [<!ENTITY leak SYSTEM "file://\(folder.path)/secret.txt">]>
      <html><body><p>\(sentence) &leak;</p></body></html>
      """
    let text = try HTMLTextExtractor().extractText(
      from: DecodedDocument(text: page, format: .html, encoding: "UTF-8")
    ).text
    #expect(text.contains("mutual trust"))
    #expect(!text.contains("SECRET-MARKER-51"))
  }

  @Test func mostlyUTF8WithStrayWindows1252BytesDecodesAsBoth() throws {
    let bytes =
      Array("The board said \u{201C}mutual trust\u{201D} has grown. ".utf8) + [0x92, 0x96]
      + Array(" Chair".utf8)
    let decoded = try CharsetDecoder().decode(bytes, format: .plainText)
    #expect(decoded.encoding == "UTF-8+windows-1252")
    #expect(
      decoded.text
        == "The board said \u{201C}mutual trust\u{201D} has grown. \u{2019}\u{2013} Chair")
  }

  @Test func randomBytesAreBinaryNotText() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<8192).map { _ in UInt8.random(in: 1...255, using: &generator) }
    #expect(throws: DecodingError.self) { try CharsetDecoder().decode(bytes, format: .html) }
  }

  @Test func errorLinesSayWhetherEvidenceWasKept() {
    let failed = DocumentFailure(source: "a.html", stage: .decode, reason: "empty file (0 bytes)")
    #expect(String(decoding: failed.jsonLine, as: UTF8.self).hasSuffix("\"outcome\":\"failed\"}\n"))
    let partial = DocumentFailure(
      source: "b.txt", docID: "x", stage: .tag, reason: "r", outcome: .partial)
    #expect(
      String(decoding: partial.jsonLine, as: UTF8.self).hasSuffix("\"outcome\":\"partial\"}\n"))
  }
}
