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

  /// Creates a processor from its stages.
  public init(
    decoder: any TextDecoder, extractor: any TextExtractor, segmenter: any Segmenter, tagger: any Tagger,
    taxonomy: Taxonomy, pipelineName: String
  ) {
    self.decoder = decoder
    self.extractor = extractor
    self.segmenter = segmenter
    self.tagger = tagger
    self.taxonomy = taxonomy
    self.pipelineName = pipelineName
  }

  /// The standard stages: ICU charset decoding, libxml2/plain-text extraction, ICU segmentation
  /// and the taxonomy tagger, configured from a pipeline definition.
  public static func standard(definition: PipelineDefinition, taxonomy: Taxonomy) -> DocumentProcessor {
    DocumentProcessor(
      decoder: CharsetDecoder(),
      extractor: FormatDispatchingExtractor(
        html: HTMLTextExtractor(keepsFurniture: definition.keepsFurniture, keepsMainContentOnly: definition.keepsMainContentOnly)),
      segmenter: ICUSegmenter(locale: definition.segmentationLocale),
      tagger: TaxonomyTagger(taxonomy: taxonomy),
      taxonomy: taxonomy,
      pipelineName: definition.name)
  }

  /// A processed document: its text, its records and what is known about it.
  public struct Result: Sendable {
    public var decoded: DecodedDocument
    public var extracted: ExtractedText
    /// The extracted text the records' offsets refer to.
    public var text: String
    public var sentenceCount: Int
    public var records: [EvidenceRecord]
    /// Time spent in each stage.
    public var timings = StageTimings()
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
    var timings = StageTimings()
    var mark = clock.now
    func lap() -> Duration {
      let now = clock.now
      defer { mark = now }
      return now - mark
    }
    let decoded: DecodedDocument
    do {
      decoded = try decoder.decode(bytes, format: format)
    } catch {
      return .failure(DocumentFailure(source: source, docID: docID, stage: .decode, reason: error.description))
    }
    timings.decode = lap()
    let extracted: ExtractedText
    do {
      extracted = try extractor.extractText(from: decoded)
    } catch {
      return .failure(DocumentFailure(source: source, docID: docID, stage: .extract, reason: error.description))
    }
    timings.extract = lap()
    let segmented: SegmentedText
    do {
      segmented = try segmenter.segment(extracted)
    } catch {
      return .failure(DocumentFailure(source: source, docID: docID, stage: .segment, reason: error.description))
    }
    timings.segment = lap()
    let mentions = tagger.mentions(in: segmented)
    timings.tag = lap()
    let records = makeRecords(mentions, segmented: segmented, source: source, docID: docID)
    timings.records = lap()
    return .success(
      Result(
        decoded: decoded, extracted: extracted, text: segmented.text, sentenceCount: segmented.sentences.count,
        records: records, timings: timings))
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
