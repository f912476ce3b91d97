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

  /// Creates a processor from its stages.
  public init(
    decoder: any TextDecoder, extractor: any TextExtractor, segmenter: any Segmenter, tagger: any Tagger,
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
  public static func standard(definition: PipelineDefinition, taxonomy: Taxonomy) -> DocumentProcessor {
    DocumentProcessor(
      decoder: CharsetDecoder(),
      extractor: FormatDispatchingExtractor(
        html: HTMLTextExtractor(
          keepsFurniture: definition.keepsFurniture, keepsMainContentOnly: definition.keepsMainContentOnly,
          limits: definition.limits)),
      segmenter: ICUSegmenter(locale: definition.segmentationLocale),
      tagger: TaxonomyTagger(taxonomy: taxonomy, maxSentenceTokens: definition.limits.maxSentenceTokens),
      taxonomy: taxonomy,
      pipelineName: definition.name,
      limits: definition.limits)
  }

  /// A processed document: its text, its records and what is known about it.
  public struct Result: Sendable {
    public var decoded: DecodedDocument
    public var extracted: ExtractedText
    /// The extracted text the records' offsets refer to.
    public var text: String
    public var sentenceCount: Int
    public var records: [EvidenceRecord]
    /// Sentences the tagger skipped for their length: index, token count, block and line.
    public var skippedSentences: [SkippedSentence] = []
    /// Time spent in each stage.
    public var timings = StageTimings()

    /// The note for `errors.jsonl` when part of the document was not tagged, else nil.
    public func partialNote(limit: Int) -> String? {
      guard let first = skippedSentences.first else { return nil }
      let count = skippedSentences.count
      let longest = skippedSentences.map(\.tokenCount).max() ?? 0
      return (count == 1 ? "1 sentence" : "\(count) sentences")
        + " not tagged: over the limit of \(limit) tokens (limits.max_sentence_tokens in the pipeline); "
        + "the longest has \(longest) tokens; the first is in block \(first.block), line \(first.line)"
    }
  }

  /// A sentence left untagged for its length.
  public struct SkippedSentence: Sendable, Equatable {
    public var sentence: Int
    public var tokenCount: Int
    public var block: Int
    public var line: Int
  }

  /// Processes one document's bytes.
  ///
  /// - Parameters:
  ///   - bytes: the file's content.
  ///   - source: the source path the records carry.
  ///   - docID: SHA-256 of `bytes`, lowercase hex.
  ///   - format: HTML or plain text (see `DocumentFormat.guess(for:bytes:)`).
  /// - Returns: the result, or the failure naming the stage and the reason.
  public func process(_ bytes: [UInt8], source: String, docID: String, format: DocumentFormat) -> Swift.Result<Result, DocumentFailure> {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .milliseconds(Int64(min(limits.maxDocumentSeconds, 1e9) * 1000)))
    var timings = StageTimings()
    var mark = clock.now
    func lap() -> Duration {
      let now = clock.now
      defer { mark = now }
      return now - mark
    }
    func failure(_ stage: DocumentFailure.Stage, _ reason: String) -> Swift.Result<Result, DocumentFailure> {
      .failure(DocumentFailure(source: source, docID: docID, stage: stage, reason: reason))
    }
    func outOfTime(_ stage: DocumentFailure.Stage) -> Swift.Result<Result, DocumentFailure>? {
      guard clock.now >= deadline else { return nil }
      return failure(
        stage,
        "processing took over \(ProcessingLimits.format(seconds: limits.maxDocumentSeconds)) s "
          + "(limits.max_document_seconds in the pipeline); document abandoned during \(stage.rawValue)")
    }
    let decoded: DecodedDocument
    do {
      decoded = try decoder.decode(bytes, format: format)
    } catch {
      return failure(.decode, error.description)
    }
    timings.decode = lap()
    if let late = outOfTime(.decode) { return late }
    let extracted: ExtractedText
    do {
      extracted = try extractor.extractText(from: decoded)
    } catch .outOfTime {
      return outOfTime(.extract) ?? failure(.extract, ExtractionError.outOfTime(limit: limits.maxDocumentSeconds).description)
    } catch {
      return failure(.extract, error.description)
    }
    timings.extract = lap()
    if let late = outOfTime(.extract) { return late }
    let textBytes = extracted.blocks.reduce(0) { $0 + $1.text.utf8.count + 2 }
    guard textBytes <= limits.maxTextBytes else {
      return failure(
        .extract,
        "extracted text is \(textBytes) bytes, over the limit of \(limits.maxTextBytes) bytes (limits.max_text_bytes in the pipeline)")
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
      tagged = try tagger.tag(segmented, deadline: deadline)
    } catch {
      return outOfTime(.tag) ?? failure(.tag, "tagging ran out of time")
    }
    timings.tag = lap()
    let records = makeRecords(tagged.mentions, segmented: segmented, source: source, docID: docID)
    timings.records = lap()
    if let late = outOfTime(.emit) { return late }
    let skipped = tagged.skippedSentences.map { skipped in
      let block = segmented.sentences[skipped.sentence].block
      return SkippedSentence(
        sentence: skipped.sentence, tokenCount: skipped.tokenCount, block: block, line: extracted.blocks[block].line)
    }
    return .success(
      Result(
        decoded: decoded, extracted: extracted, text: segmented.text, sentenceCount: segmented.sentences.count,
        records: records, skippedSentences: skipped, timings: timings))
  }

  /// Segments and tags text that is already extracted and builds its records, with no time
  /// limit: the stages the tagging benchmark (`lspminer benchmark-tag`) times.
  /// `timings` gains the segment, tag and records times.
  public func records(forExtracted extracted: ExtractedText, source: String, docID: String, timings: inout StageTimings) throws
    -> [EvidenceRecord]
  {
    let clock = ContinuousClock()
    let start = clock.now
    let segmented = try segmenter.segment(extracted)
    let segmentedAt = clock.now
    let tagged = try tagger.tag(segmented, deadline: ContinuousClock.now.advanced(by: .seconds(1_000_000_000)))
    let taggedAt = clock.now
    let records = makeRecords(tagged.mentions, segmented: segmented, source: source, docID: docID)
    timings.segment += segmentedAt - start
    timings.tag += taggedAt - segmentedAt
    timings.records += clock.now - taggedAt
    return records
  }

  private func makeRecords(_ mentions: [Mention], segmented: SegmentedText, source: String, docID: String) -> [EvidenceRecord] {
    var counter = ScalarOffsetCounter()
    var text = segmented.text
    return text.withUTF8 { bytes in
      mentions.sorted { ($0.utf8Range.lowerBound, $0.utf8Range.upperBound) < ($1.utf8Range.lowerBound, $1.utf8Range.upperBound) }
        .map { mention in
          let sentence = segmented.sentences[mention.sentence]
          let start = counter.scalarOffset(ofByte: mention.utf8Range.lowerBound, in: bytes)
          let end = counter.scalarOffset(ofByte: mention.utf8Range.upperBound, in: bytes)
          return EvidenceRecord(
            docID: docID, source: source, title: segmented.extracted.metadata.title ?? segmented.extracted.title,
            published: segmented.extracted.metadata.published, code: mention.code,
            match: String(decoding: UnsafeBufferPointer(rebasing: bytes[mention.utf8Range]), as: UTF8.self),
            polarity: mention.polarity, isHedged: mention.isHedged, partnership: mention.partnership,
            sentence: String(decoding: UnsafeBufferPointer(rebasing: bytes[sentence.utf8Range]), as: UTF8.self),
            block: sentence.block, charStart: start, charEnd: end,
            line: segmented.extracted.blocks[sentence.block].line,
            taxonomyName: taxonomy.name, taxonomyVersion: taxonomy.version, taxonomySHA256: taxonomy.sha256,
            pipeline: pipelineName)
        }
    }
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
    [("decode", decode), ("extract", extract), ("segment", segment), ("tag", tag), ("records", records), ("write", write)]
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
