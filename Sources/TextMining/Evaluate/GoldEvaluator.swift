import Foundation

/// Runs a pipeline's processing over the documents a gold standard names and scores the result.
public struct GoldEvaluator: Sendable {
  public var definition: PipelineDefinition
  public var processor: DocumentProcessor

  /// Creates an evaluator.
  public init(definition: PipelineDefinition, processor: DocumentProcessor) {
    self.definition = definition
    self.processor = processor
  }

  /// A gold document's source, bytes and what its container declared.
  typealias GoldDocument = (file: SourceFile, bytes: [UInt8], declared: DeclaredContent)

  /// Finds gold documents among the pipeline's sources: a gold `doc` names a source by its path
  /// relative to the sources root, or by a path suffix such as its file name. Sources are
  /// discovered as a run discovers them, archives included (members a gold document may name
  /// are kept in memory as the archives are walked).
  func documents(named names: [String]) -> (String) -> GoldDocument? {
    let discoverer = definition.makeDiscoverer()
    let files = discoverer.discover().files
    let filter = definition.memberFilter(discoverer)
    func isNamed(_ source: String) -> Bool {
      names.contains { source == $0 || source.hasSuffix("/" + $0) }
    }
    var members: [ArchiveMember] = []
    for archive in files where ArchiveWalker.isArchive(archive.source) {
      let walker = ArchiveWalker(
        archive: archive, limits: definition.limits.archiveLimits, filter: filter)
      for case .member(let member) in walker where isNamed(member.source) {
        members.append(member)
      }
    }
    let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
    return { doc in
      for matches in [{ (source: String) in source == doc }, { $0.hasSuffix("/" + doc) }] {
        if let file = files.first(where: { matches($0.source) }),
          !ArchiveWalker.isArchive(file.source)
        {
          return (try? reader.read(file)).map { (file, $0, .none) }
        }
        if let member = members.first(where: { matches($0.source) }) {
          return (SourceFile(source: member.source, path: ""), member.bytes, member.declared)
        }
      }
      return nil
    }
  }

  /// Tags every gold document and compares with the gold standard.
  ///
  /// A gold `doc` names a source by its path relative to the sources root, or by a path suffix
  /// such as its file name. Documents that cannot be found or processed count as missing: their
  /// gold triples are misses.
  public func evaluate(_ gold: GoldStandard) -> Evaluation {
    let document = documents(named: gold.documents)
    var predicted: [(doc: String, sentence: String, value: GoldStandard.CodedValue)] = []
    var sentenceKeys: [String: Set<String>] = [:]
    var missing: [String] = []
    var reasons: [String] = []
    for doc in gold.documents {
      guard let (file, bytes, declared) = document(doc) else {
        missing.append(doc)
        reasons.append(
          "not found among the sources (\(definition.sources.joined(separator: ", ")))")
        continue
      }
      let result: DocumentProcessor.Result
      switch processor.process(
        bytes, source: file.source, docID: ContentHash.hex(of: bytes),
        format: DocumentFormat.guess(for: file, bytes: bytes, declared: declared),
        declared: declared)
      {
      case .success(let processed): result = processed
      case .failure(let failure):
        missing.append(doc)
        reasons.append("\(failure.stage) failed: \(failure.reason)")
        continue
      }
      predicted += Self.sentenceCodes(result.records).map { (doc, $0.sentence, $0.value) }
      sentenceKeys[doc] = Set(result.sentenceTexts.map(SentenceKey.of))
    }
    let goldTriples = gold.sentences.flatMap { sentence in
      sentence.codes.map { (doc: sentence.doc, sentence: sentence.sentence, value: $0) }
    }
    var evaluation = Evaluation(gold: goldTriples, predicted: predicted)
    evaluation.missingDocuments = missing
    evaluation.missingReasons = reasons
    // Coded gold sentences that no predicted sentence of their document matches.
    var seen: Set<String> = []
    for sentence in gold.sentences where !sentence.codes.isEmpty {
      let key = SentenceKey.of(sentence.sentence)
      guard seen.insert(sentence.doc + "\u{1}" + key).inserted else { continue }
      evaluation.goldSentenceCount += 1
      if let keys = sentenceKeys[sentence.doc], !keys.contains(key) {
        evaluation.unsegmentedSentences.append((sentence.doc, sentence.sentence))
        evaluation.unsegmentedTripleCount += sentence.codes.count
      }
    }
    return evaluation
  }

  /// One value per (sentence, code), by the codebook's rule: the evaluated mention decides the
  /// polarity (neutral mentions carry none; where mentions disagree, the critical one, negative,
  /// is taken as the evaluated one), and the code is hedged only if every mention is. The
  /// partnership is the first mention's.
  static func sentenceCodes(_ records: [EvidenceRecord]) -> [(
    sentence: String, value: GoldStandard.CodedValue
  )] {
    var order: [String] = []
    var values: [String: (String, GoldStandard.CodedValue)] = [:]
    for record in records {
      let key = "\(record.block)\u{1}\(record.sentence)\u{1}\(record.code.rawValue)"
      if let (sentence, earlier) = values[key].map({ ($0.0, $0.1) }) {
        var value = earlier
        if value.polarity == .neutral || record.polarity == .negative {
          value.polarity = record.polarity == .neutral ? value.polarity : record.polarity
        }
        value.isHedged = value.isHedged && record.isHedged
        values[key] = (sentence, value)
      } else {
        order.append(key)
        values[key] = (
          record.sentence,
          GoldStandard.CodedValue(
            code: record.code, polarity: record.polarity, isHedged: record.isHedged,
            partnership: .some(record.partnership))
        )
      }
    }
    return order.compactMap { values[$0] }.map { (sentence: $0.0, value: $0.1) }
  }
}
