/// Runs one document through decode, extract, segment and tag, and builds its records.
///
/// Pure: bytes in, values out; it reads and writes no files, so it can run on many documents
/// at once and be tested with fakes for any stage.
public struct DocumentProcessor: Sendable {
  public var decoder: any TextDecoder
  public var extractor: any TextExtractor
  public var segmenter: any Segmenter
  public var tagger: any Tagger
  /// The taxonomy the records name.
  public var taxonomy: Taxonomy
  /// The pipeline name the records carry.
  public var pipelineName: String
  /// The text size and time limits checked here (the stages hold their own).
  public var limits: ProcessingLimits
  /// The partnership a source is about, where the pipeline maps it (`partnerships: sources`).
  public var subject: @Sendable (String) -> String? = { _ in nil }

  /// Creates a processor from its stages.
  public init(
    decoder: any TextDecoder, extractor: any TextExtractor, segmenter: any Segmenter,
    tagger: any Tagger,
    taxonomy: Taxonomy, pipelineName: String, limits: ProcessingLimits = ProcessingLimits()
  ) {
    self.decoder = decoder
    self.extractor = extractor
    self.segmenter = segmenter
    self.tagger = tagger
    self.taxonomy = taxonomy
    self.pipelineName = pipelineName
    self.limits = limits
  }

  /// The standard stages: ICU charset decoding, libxml2/plain-text extraction, ICU segmentation
  /// and the taxonomy tagger, configured from a pipeline definition.
  public static func standard(definition: PipelineDefinition, taxonomy: Taxonomy)
    -> DocumentProcessor
  {
    var tagger = TaxonomyTagger(taxonomy: taxonomy, limits: definition.limits)
    tagger.aliases = definition.partnershipAliases
    var processor = DocumentProcessor(
      decoder: CharsetDecoder(),
      extractor: FormatDispatchingExtractor(
        html: HTMLTextExtractor(
          keepsFurniture: definition.keepsFurniture,
          keepsMainContentOnly: definition.keepsMainContentOnly,
          limits: definition.limits),
        plainText: PlainTextExtractor(limits: definition.limits)),
      segmenter: ICUSegmenter(locale: definition.segmentationLocale),
      tagger: tagger,
      taxonomy: taxonomy,
      pipelineName: definition.name,
      limits: definition.limits)
    if !definition.sourcePartnerships.isEmpty {
      processor.subject = { [definition] in definition.partnership(forSource: $0) }
    }
    return processor
  }

  /// A processed document: its text, its records and what is known about it.
  public struct Result: Sendable {
    public var decoded: DecodedDocument
    public var extracted: ExtractedText
    /// The extracted text the records' offsets refer to.
    public var text: String
    public var sentenceCount: Int
    /// Each sentence's UTF-8 byte range in `text`.
    public var sentenceRanges: [Range<Int>] = []
    public var records: [EvidenceRecord]
    /// Sentences the tagger skipped for their length: index, token count, block and line.
    public var skippedSentences: [SkippedSentence] = []
    /// Time spent in each stage.
    public var timings = StageTimings()

    /// The sentences' texts, in order.
    public var sentenceTexts: [String] {
      let utf8 = Array(text.utf8)
      return sentenceRanges.map { String(decoding: utf8[$0], as: UTF8.self) }
    }

    /// Records left out because the document's evidence would have passed
    /// `limits.max_evidence_bytes` (the last ones in text order).
    public var droppedRecordCount = 0

    /// The note for `errors.jsonl` when part of the document was not tagged or its evidence was
    /// cut short, else nil.
    public func partialNote(limits: ProcessingLimits) -> String? {
      var notes: [String] = []
      if let first = skippedSentences.first {
        let count = skippedSentences.count
        let longest = skippedSentences.map(\.tokenCount).max() ?? 0
        let largest = skippedSentences.map(\.byteCount).max() ?? 0
        notes.append(
          (count == 1 ? "1 sentence" : "\(count) sentences")
            + " not tagged: over the limit of \(limits.maxSentenceTokens) tokens (limits.max_sentence_tokens in the pipeline)"
            + " or \(limits.maxSentenceBytes) bytes (limits.max_sentence_bytes); the longest has \(longest) tokens"
            + " and the largest \(largest) bytes; the first is in block \(first.block), line \(first.line)"
        )
      }
      if droppedRecordCount > 0 {
        notes.append(
          "the last \(droppedRecordCount) of \(records.count + droppedRecordCount) records left out: the evidence would pass "
            + "\(limits.maxEvidenceBytes) bytes (limits.max_evidence_bytes in the pipeline)")
      }
      return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
  }

  /// A sentence left untagged for its length.
  public struct SkippedSentence: Sendable, Equatable {
    public var sentence: Int
    public var tokenCount: Int
    public var byteCount: Int
    public var block: Int
    public var line: Int
  }

  /// Processes one document's bytes.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - source: the source path the records carry.
  ///   - docID: SHA-256 of `bytes`, lowercase hex.
  ///   - format: HTML or plain text (see `DocumentFormat.guess(for:bytes:declared:)`).
  ///   - declared: what the document's container declared (an HTTP charset), if anything.
  /// - Returns: the result, or the failure naming the stage and the reason.
  public func process(
    _ bytes: [UInt8], source: String, docID: String, format: DocumentFormat,
    declared: DeclaredContent = .none
  ) -> Swift.Result<Result, DocumentFailure> {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(
      by: .milliseconds(Int64(min(limits.maxDocumentSeconds, 1e9) * 1000)))
    var timings = StageTimings()
    var mark = clock.now
    func lap() -> Duration {
      let now = clock.now
      defer { mark = now }
      return now - mark
    }
    func failure(_ stage: DocumentFailure.Stage, _ reason: String)
      -> Swift.Result<Result, DocumentFailure>
    {
      .failure(DocumentFailure(source: source, docID: docID, stage: stage, reason: reason))
    }
    func outOfTime(_ stage: DocumentFailure.Stage) -> Swift.Result<Result, DocumentFailure>? {
      guard clock.now >= deadline else { return nil }
      return failure(
        stage,
        "processing took over \(ProcessingLimits.format(seconds: limits.maxDocumentSeconds)) s "
          + "(limits.max_document_seconds in the pipeline); document abandoned during \(stage.rawValue)"
      )
    }
    let decoded: DecodedDocument
    do {
      decoded = try decoder.decode(bytes, format: format, declaredCharset: declared.charset)
    } catch {
      return failure(.decode, error.description)
    }
    timings.decode = lap()
    if let late = outOfTime(.decode) { return late }
    let extracted: ExtractedText
    do {
      extracted = try extractor.extractText(from: decoded)
    } catch .outOfTime {
      return outOfTime(.extract)
        ?? failure(
          .extract, ExtractionError.outOfTime(limit: limits.maxDocumentSeconds).description)
    } catch {
      return failure(.extract, error.description)
    }
    timings.extract = lap()
    if let late = outOfTime(.extract) { return late }
    let textBytes = extracted.blocks.reduce(0) { $0 + $1.text.utf8.count + 2 }
    guard textBytes <= limits.maxTextBytes else {
      return failure(
        .extract,
        "extracted text is \(textBytes) bytes, over the limit of \(limits.maxTextBytes) bytes (limits.max_text_bytes in the pipeline)"
      )
    }
    let segmented: SegmentedText
    do {
      segmented = try segmenter.segment(extracted)
    } catch {
      return failure(.segment, error.description)
    }
    timings.segment = lap()
    if let late = outOfTime(.segment) { return late }
    let tagged: TaggedText
    do {
      tagged = try tagger.tag(segmented, subject: subject(source), deadline: deadline)
    } catch {
      return outOfTime(.tag) ?? failure(.tag, "tagging ran out of time")
    }
    timings.tag = lap()
    let (records, dropped) = makeRecords(
      tagged.mentions, segmented: segmented, source: source, docID: docID,
      maxBytes: limits.maxEvidenceBytes)
    timings.records = lap()
    if let late = outOfTime(.emit) { return late }
    let skipped = tagged.skippedSentences.map { skipped in
      let block = segmented.sentences[skipped.sentence].block
      return SkippedSentence(
        sentence: skipped.sentence, tokenCount: skipped.tokenCount, byteCount: skipped.byteCount,
        block: block,
        line: extracted.blocks[block].line)
    }
    var result = Result(
      decoded: decoded, extracted: extracted, text: segmented.text,
      sentenceCount: segmented.sentences.count,
      records: records, skippedSentences: skipped, timings: timings)
    result.droppedRecordCount = dropped
    result.sentenceRanges = segmented.sentences.map(\.utf8Range)
    return .success(result)
  }

  /// Segments and tags text that is already extracted and builds its records, with no time
  /// limit: the stages the tagging benchmark (`lspminer benchmark-tag`) times.
  /// `timings` gains the segment, tag and records times.
  public func records(
    forExtracted extracted: ExtractedText, source: String, docID: String,
    timings: inout StageTimings
  ) throws
    -> [EvidenceRecord]
  {
    let clock = ContinuousClock()
    let start = clock.now
    let segmented = try segmenter.segment(extracted)
    let segmentedAt = clock.now
    let tagged = try tagger.tag(
      segmented, subject: subject(source),
      deadline: ContinuousClock.now.advanced(by: .seconds(1_000_000_000)))
    let taggedAt = clock.now
    let records = makeRecords(
      tagged.mentions, segmented: segmented, source: source, docID: docID, maxBytes: .max
    ).records
    timings.segment += segmentedAt - start
    timings.tag += taggedAt - segmentedAt
    timings.records += clock.now - taggedAt
    return records
  }

  /// The records of a document's mentions in text order, and how many were left out because
  /// the evidence would pass `maxBytes`. Records of one sentence share one copy of its text,
  /// so a long sentence with many matches costs its length once in memory, not once a record.
  private func makeRecords(
    _ mentions: [Mention], segmented: SegmentedText, source: String, docID: String, maxBytes: Int
  ) -> (records: [EvidenceRecord], dropped: Int) {
    var counter = ScalarOffsetCounter()
    var text = segmented.text
    let title = segmented.extracted.metadata.title ?? segmented.extracted.title
    let published = segmented.extracted.metadata.published
    // What a record's line can cost at most: its keys, two hashes and four numbers of at most
    // 20 digits, and its strings as JSON encodes them, so the evidence never passes `maxBytes`.
    var fixedBytes = 420
    for string in [
      source, title ?? "", published ?? "", pipelineName, taxonomy.name, taxonomy.version,
    ] {
      fixedBytes += JSONObjectWriter.encodedLength(of: string)
    }
    var sentenceBytes = 0
    var bytesSoFar = 0
    var sentenceIndex = -1
    var sentenceText = ""
    var records: [EvidenceRecord] = []
    records.reserveCapacity(mentions.count)
    let ordered = mentions.sorted {
      ($0.utf8Range.lowerBound, $0.utf8Range.upperBound) < (
        $1.utf8Range.lowerBound, $1.utf8Range.upperBound
      )
    }
    text.withUTF8 { bytes in
      for mention in ordered {
        let sentence = segmented.sentences[mention.sentence]
        if mention.sentence != sentenceIndex {
          sentenceIndex = mention.sentence
          let sentenceUTF8 = UnsafeBufferPointer(rebasing: bytes[sentence.utf8Range])
          sentenceText = String(decoding: sentenceUTF8, as: UTF8.self)
          sentenceBytes = JSONObjectWriter.encodedLength(of: sentenceUTF8)
        }
        // The match and the code twice each (code and category), the partnership once.
        let variable =
          sentenceBytes + 2 * (mention.utf8Range.count + mention.code.rawValue.utf8.count) + 16
          + (mention.partnership.map(JSONObjectWriter.encodedLength(of:)) ?? 4)
        bytesSoFar = bytesSoFar.saturatingAdd(fixedBytes + variable)
        if bytesSoFar > maxBytes { break }
        let start = counter.scalarOffset(ofByte: mention.utf8Range.lowerBound, in: bytes)
        let end = counter.scalarOffset(ofByte: mention.utf8Range.upperBound, in: bytes)
        records.append(
          EvidenceRecord(
            docID: docID, source: source, title: title, published: published, code: mention.code,
            match: String(
              decoding: UnsafeBufferPointer(rebasing: bytes[mention.utf8Range]), as: UTF8.self),
            polarity: mention.polarity, isHedged: mention.isHedged,
            partnership: mention.partnership,
            sentence: sentenceText, block: sentence.block, charStart: start, charEnd: end,
            line: segmented.extracted.blocks[sentence.block].line,
            isReaderComment: segmented.extracted.blocks[sentence.block].kind == .comment,
            taxonomyName: taxonomy.name, taxonomyVersion: taxonomy.version,
            taxonomySHA256: taxonomy.sha256,
            pipeline: pipelineName))
      }
    }
    return (records, mentions.count - records.count)
  }
}

/// Time spent in each stage of one document, or summed over a run.
public struct StageTimings: Sendable, Equatable {
  public var decode = Duration.zero
  public var extract = Duration.zero
  public var segment = Duration.zero
  public var tag = Duration.zero
  public var records = Duration.zero
  public var write = Duration.zero

  /// Creates zero timings.
  public init() {}

  /// Adds another document's timings.
  public mutating func add(_ other: StageTimings) {
    decode += other.decode
    extract += other.extract
    segment += other.segment
    tag += other.tag
    records += other.records
    write += other.write
  }

  /// The stages and their seconds, in pipeline order.
  public var seconds: [(stage: String, seconds: Double)] {
    [
      ("decode", decode), ("extract", extract), ("segment", segment), ("tag", tag),
      ("records", records), ("write", write),
    ]
    .map { ($0.0, $0.1.inSeconds) }
  }
}

/// Converts increasing UTF-8 byte offsets to Unicode scalar offsets in one pass.
struct ScalarOffsetCounter {
  private var byte = 0
  private var scalars = 0

  /// The scalar offset of a byte offset; calls must not go backwards, except to restart.
  mutating func scalarOffset(ofByte target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if target < byte {
      byte = 0
      scalars = 0
    }
    while byte < target {
      // Count every byte that starts a scalar (not a continuation byte 10xxxxxx).
      if bytes[byte] & 0xC0 != 0x80 { scalars += 1 }
      byte += 1
    }
    return scalars
  }
}
