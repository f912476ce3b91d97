import Foundation

/// Trains the polarity model (`PolarityModel`) on gold standards: `lspminer train-polarity`.
///
/// Every mention the rules find in a gold sentence that the gold codes with the same code is an
/// example: its features (`PolarityFeatures`, with the rules' reading and no model) and the
/// gold's polarity. Mentions in titles and questions are left out (they are neutral by rule).
/// The model is a multinomial logistic regression: one weight per feature and polarity, fitted
/// by full-batch AdaGrad with an L2 penalty over the features seen in at least `minimumCount`
/// examples. Everything is in a fixed order, so the same examples give the same weights.
public struct PolarityTrainer: Sendable {
  /// One mention with its gold polarity.
  public struct Example: Sendable {
    public var features: [String]
    /// The rules' polarity.
    public var rule: Polarity
    public var gold: Polarity
    /// The gold triple it belongs to: document, sentence key and code.
    public var triple: String
    /// The gold file it came from, for cross-validation.
    public var group: String
  }

  /// How the weights are fitted.
  public struct Settings: Sendable, Equatable {
    /// Features seen in fewer training examples are left out.
    public var minimumCount = 8
    public var epochs = 200
    public var learningRate = 0.5
    /// The L2 penalty on every weight.
    public var penalty = 0.001
    /// Features whose weights are all smaller than this (in absolute value) are left out of the
    /// model once fitted: fewer words to look up as the tagger reads.
    public var minimumWeight = 0.0

    public init() {}

    /// The settings as `trained_by` records them.
    public var summary: String {
      "minimum count \(minimumCount), \(epochs) epochs, learning rate \(learningRate), L2 \(penalty), "
        + "minimum weight \(minimumWeight)"
    }
  }

  public var settings = Settings()

  public init(settings: Settings = Settings()) {
    self.settings = settings
  }

  /// The examples of a gold standard, tagged by the pipeline with the rules alone.
  ///
  /// - Parameters:
  ///   - gold: the gold standard.
  ///   - definition: the pipeline, whose sources hold the gold's documents.
  ///   - taxonomy: the taxonomy; its polarity model, if any, is set aside.
  /// - Returns: the examples, and the gold documents that could not be found or read.
  /// - Throws: `ConfigurationError` when the taxonomy without its model does not compile.
  public static func examples(
    from gold: GoldStandard, definition: PipelineDefinition, taxonomy: Taxonomy
  ) throws(ConfigurationError) -> (examples: [Example], missing: [String]) {
    var codebook = taxonomy.codebook
    codebook.polarityModel = nil
    let rulesOnly = try Taxonomy(codebook: codebook, file: taxonomy.name)
    let processor = DocumentProcessor.standard(definition: definition, taxonomy: rulesOnly)
    var tagger = TaxonomyTagger(taxonomy: rulesOnly, limits: definition.limits)
    tagger.aliases = definition.partnershipAliases
    var goldIndex: [String: (polarity: Polarity, group: String)] = [:]
    for sentence in gold.sentences {
      let file = sentence.location.split(separator: ":").dropLast().joined(separator: ":")
      let group = (file as NSString).lastPathComponent
      for value in sentence.codes {
        let key =
          sentence.doc + "\u{1}" + SentenceKey.of(sentence.sentence) + "\u{1}"
          + value.code.rawValue
        goldIndex[key] = (value.polarity, group)
      }
    }
    let document = GoldEvaluator(definition: definition, processor: processor).documents(
      named: gold.documents)
    var examples: [Example] = []
    var missing: [String] = []
    for doc in gold.documents {
      guard let (file, bytes, declared) = document(doc),
        let decoded = try? processor.decoder.decode(
          bytes, format: DocumentFormat.guess(for: file, bytes: bytes, declared: declared),
          declaredCharset: declared.charset),
        let extracted = try? processor.extractor.extractText(from: decoded),
        let segmented = try? processor.segmenter.segment(extracted)
      else {
        missing.append(doc)
        continue
      }
      let analysis = tagger.analysis(of: segmented, subject: processor.subject(file.source))
      for (index, sentence) in analysis.sentences.sorted(by: { $0.key < $1.key }) {
        let key = SentenceKey.of(
          segmented.string(utf8Range: segmented.sentences[index].utf8Range))
        for input in sentence.polarityInputs where !input.isFixed {
          let triple = doc + "\u{1}" + key + "\u{1}" + input.code.rawValue
          guard let found = goldIndex[triple] else { continue }
          examples.append(
            Example(
              features: input.features, rule: input.rule, gold: found.polarity, triple: triple,
              group: found.group))
        }
      }
    }
    return (examples, missing)
  }

  /// Fits a model to `examples`.
  public func train(_ examples: [Example], trainedBy: String? = nil) -> PolarityModel {
    var counts: [String: Int] = [:]
    for example in examples {
      for feature in Set(example.features) { counts[feature, default: 0] += 1 }
    }
    let vocabulary =
      [PolarityModel.bias]
      + counts.filter { $0.value >= settings.minimumCount && $0.key != PolarityModel.bias }.keys
      .sorted()
    var index: [String: Int] = [:]
    for (position, feature) in vocabulary.enumerated() { index[feature] = position }
    let rows = examples.map { example in
      [0] + Set(example.features.compactMap { index[$0] }).sorted()
    }
    let labels = examples.map { SIMD3<Double>.one(at: $0.gold.index) }
    var weights = [SIMD3<Double>](repeating: .zero, count: vocabulary.count)
    var squares = [SIMD3<Double>](repeating: SIMD3(repeating: 1e-8), count: vocabulary.count)
    var gradient = [SIMD3<Double>](repeating: .zero, count: vocabulary.count)
    let scale = 1 / Double(max(examples.count, 1))
    for _ in 0..<settings.epochs {
      for position in gradient.indices { gradient[position] = .zero }
      for (row, label) in zip(rows, labels) {
        var score = SIMD3<Double>.zero
        for feature in row { score += weights[feature] }
        let error = Self.softmax(score) - label
        for feature in row { gradient[feature] += error }
      }
      for position in weights.indices {
        let step = gradient[position] * scale + settings.penalty * weights[position]
        squares[position] += step * step
        weights[position] -= settings.learningRate * step / squares[position].squareRoot()
      }
    }
    var table: [String: SIMD3<Double>] = [:]
    for (position, feature) in vocabulary.enumerated()
    where feature == PolarityModel.bias
      || (0..<3).contains(where: { abs(weights[position][$0]) >= settings.minimumWeight })
    {
      table[feature] = weights[position]
    }
    return PolarityModel(weights: table, trainedBy: trainedBy)
  }

  /// Held-out agreement of one gold file: the model trained on the other files against the
  /// rules, over the gold triples found (a triple takes its mentions' reading as `eval` does:
  /// a negative one wins, else a non-neutral one).
  public struct Fold: Sendable {
    public var group: String
    public var triples: Int
    public var rulesAgree: Int
    public var modelAgrees: Int
    /// The triples the gold reads negative, and how many of them each reading finds negative
    /// (recall of negative mentions, a target of its own).
    public var negatives = 0
    public var rulesFindNegative = 0
    public var modelFindsNegative = 0
  }

  /// Leave-one-gold-file-out cross-validation.
  public func crossValidate(_ examples: [Example]) -> [Fold] {
    let groups = Set(examples.map(\.group)).sorted()
    guard groups.count > 1 else { return [] }
    return groups.map { group in
      let model = train(examples.filter { $0.group != group })
      var rules: [String: [Polarity]] = [:]
      var learned: [String: [Polarity]] = [:]
      var gold: [String: Polarity] = [:]
      for example in examples where example.group == group {
        rules[example.triple, default: []].append(example.rule)
        learned[example.triple, default: []].append(
          model.polarity(example.features, rule: example.rule))
        gold[example.triple] = example.gold
      }
      let negative = gold.filter { $0.value == .negative }.keys
      return Fold(
        group: group, triples: gold.count,
        rulesAgree: gold.filter { Self.reading(rules[$0.key] ?? []) == $0.value }.count,
        modelAgrees: gold.filter { Self.reading(learned[$0.key] ?? []) == $0.value }.count,
        negatives: negative.count,
        rulesFindNegative: negative.filter { Self.reading(rules[$0] ?? []) == .negative }.count,
        modelFindsNegative: negative.filter { Self.reading(learned[$0] ?? []) == .negative }.count)
    }
  }

  /// A triple's reading from its mentions', as `eval` takes it.
  static func reading(_ polarities: [Polarity]) -> Polarity {
    polarities.contains(.negative) ? .negative : polarities.first { $0 != .neutral } ?? .neutral
  }

  static func softmax(_ score: SIMD3<Double>) -> SIMD3<Double> {
    let shifted = score - SIMD3(repeating: score.max())
    let exponent = SIMD3(exp(shifted[0]), exp(shifted[1]), exp(shifted[2]))
    return exponent / exponent.sum()
  }

  /// The taxonomy file's `polarity_model` section for `model`.
  public static func section(for model: PolarityModel) -> String {
    var lines = ["polarity_model:"]
    if let trainedBy = model.trainedBy {
      // Single-quoted YAML, which escapes nothing but its quote (doubled): a path with a
      // backslash or a double quote reads back as written.
      lines.append("  trained_by: '\(trainedBy.replacingOccurrences(of: "'", with: "''"))'")
    }
    lines.append("  weights: |")
    for line in model.table.split(separator: "\n") { lines.append("    " + line) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A taxonomy file's text with its `polarity_model` section replaced by `section` (or added at
  /// the end): the top-level key and every line after it up to the next top-level key.
  public static func replacingSection(in text: String, with section: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    func isTopLevel(_ line: String) -> Bool {
      guard let first = line.first else { return false }
      return first != " " && first != "#" && first != "\t"
    }
    let new = section.split(separator: "\n").map(String.init)
    if let start = lines.firstIndex(where: { $0.hasPrefix("polarity_model:") }) {
      var end = start + 1
      while end < lines.count, !isTopLevel(lines[end]) { end += 1 }
      // Comments and blank lines just before the next key belong to it.
      while end > start + 1, lines[end - 1].isEmpty || lines[end - 1].hasPrefix("#") { end -= 1 }
      lines.replaceSubrange(start..<end, with: new)
    } else {
      if lines.last?.isEmpty == false { lines.append("") }
      lines += new
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension SIMD3<Double> {
  /// The unit vector with a one at `index`.
  static func one(at index: Int) -> SIMD3<Double> {
    var vector = SIMD3<Double>.zero
    vector[index] = 1
    return vector
  }
}
