import Foundation
import Testing

@testable import TextMining

/// The learned second reading of polarity (`polarity_model`): how the taxonomy states it, how
/// its weights turn a reading, that the tagger's compiled form gives the same decisions as the
/// features `explain` and training see, and how the trainer fits and writes it.
@Suite struct PolarityModelTests {
  /// The five-code fixture taxonomy with a polarity model of the given table lines.
  func taxonomy(_ lines: [String]) throws -> Taxonomy {
    let base = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    let section = PolarityTrainer.section(
      for: try PolarityModel.parse(
        table: lines.joined(separator: "\n"), trainedBy: "a test",
        report: { ConfigurationError(file: "t", line: $0, message: $1) }))
    return try Taxonomy.parse(base + "\n" + section, file: "model.yml", sha256: "")
  }

  private func polarity(_ sentence: String, _ code: String, _ taxonomy: Taxonomy) throws
    -> Polarity?
  {
    let segmented = try ICUSegmenter().segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: sentence, line: 1)]))
    return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).first {
      $0.code.rawValue == code
    }?.polarity
  }

  let header = "feature positive negative neutral"

  @Test func aWordOfTheSentenceTurnsTheReading() throws {
    let sentence = "Trust between the partners is patchy."
    #expect(try polarity(sentence, "success_factor.trust", Fixtures.fiveCodeTaxonomy()) == .neutral)
    let model = try taxonomy([header, "s:patchy 0 2 0"])
    #expect(try polarity(sentence, "success_factor.trust", model) == .negative)
    // Words are compared in lower case and otherwise as written: "Patchiness" is another word.
    #expect(
      try polarity("Trust between the partners shows patchiness.", "success_factor.trust", model)
        == .neutral)
  }

  /// A denied claim's reading stands: the model is not applied to it. A model that reads any
  /// negation before a mention as a lack would otherwise turn "it is wrong to say that trust is
  /// low" negative, as the trained one did; a plain negation it still reads.
  @Test func aDeniedClaimIsNotTurnedByTheModel() throws {
    var codebook = try Fixtures.projectTaxonomy().codebook
    codebook.polarityModel = try PolarityModel.parse(
      table: [header, "k:negation_before 0 9 0"].joined(separator: "\n"), trainedBy: "a test",
      report: { ConfigurationError(file: "t", line: $0, message: $1) })
    let model = try Taxonomy(codebook: codebook, file: "project rules, a test model")
    #expect(
      try polarity(
        "It is wrong to say that trust between partners is low.", "success_factor.trust", model)
        == .positive)
    #expect(
      try polarity(
        "Partners say there has been little change in trust.", "success_factor.trust", model)
        == .negative)
    // Nor to a claim a denial denied affirms: "no one denies that" reads the claim as it is.
    #expect(
      try polarity("No one denies that funding has increased.", "delivery.resources", model)
        != .negative)
  }

  /// A negation inside another mention's phrase ("no powers") is not among the cue kinds the
  /// model reads for the mention beside it, as the rules do not count it either.
  @Test func aNegationInsideAnotherPhraseIsNoCueForTheModel() throws {
    var codebook = try Fixtures.projectTaxonomy().codebook
    codebook.polarityModel = try PolarityModel.parse(
      table: [header, "k:negation_before 0 9 0"].joined(separator: "\n"), trainedBy: "a test",
      report: { ConfigurationError(file: "t", line: $0, message: $1) })
    let model = try Taxonomy(codebook: codebook, file: "project rules, a test model")
    #expect(
      try polarity(
        "The partnership has no powers over partners' budgets.", "delivery.resources", model)
        != .negative)
    #expect(
      try polarity("There is no funding for the forum.", "delivery.resources", model) == .negative)
  }

  @Test func aWordOfAnotherClauseDoesNotReachTheMention() throws {
    let model = try taxonomy([header, "s:patchy 0 2 0"])
    // The mention's own clause counts, before it or after it...
    #expect(
      try polarity("Patchy as the work has been, trust holds.", "success_factor.trust", model)
        == .negative)
    // ...but not a clause beyond a break (this taxonomy names no terminator words, so "but"
    // breaks no clause here; the project's does).
    #expect(
      try polarity(
        "Delivery has been patchy: trust between the partners holds.", "success_factor.trust",
        model) == .neutral)
    #expect(
      try polarity(
        "Trust between the partners holds; delivery has been patchy.", "success_factor.trust",
        model) == .neutral)
  }

  /// The kinds of cue in the mention's clause are features (`k:`), whether or not the rules
  /// gave the cue to the mention: here "dismal" stands too far from "trust" for the rules.
  @Test func theKindsOfCueInTheClauseAreFeatures() throws {
    let base = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    let context = "\ncontext:\n  qualifier_window: 2\n  qualifiers:\n    negative: [dismal]\n"
    let section = PolarityTrainer.section(
      for: try PolarityModel.parse(
        table: [header, "k:qualifiers_negative 0 2 0"].joined(separator: "\n"),
        trainedBy: "a test",
        report: { ConfigurationError(file: "t", line: $0, message: $1) }))
    let model = try Taxonomy.parse(base + context + "\n" + section, file: "k.yml", sha256: "")
    let rulesOnly = try Taxonomy.parse(base + context, file: "r.yml", sha256: "")
    let far = "Trust between the partners in the east of the borough is dismal."
    #expect(try polarity(far, "success_factor.trust", rulesOnly) == .neutral)
    #expect(try polarity(far, "success_factor.trust", model) == .negative)
    // In another clause the cue is no feature of the mention.
    #expect(
      try polarity(
        "Trust between the partners holds; the weather in the east is dismal.",
        "success_factor.trust", model) == .neutral)
  }

  @Test func wordsBeforeAndAfterTheMentionAreTheirOwnFeatures() throws {
    let model = try taxonomy([header, "a:fragile 0 2 0", "b:robust 2 0 0"])
    #expect(try polarity("Trust is fragile.", "success_factor.trust", model) == .negative)
    #expect(
      try polarity("Fragile as it is, trust holds.", "success_factor.trust", model) == .neutral)
    #expect(try polarity("There is robust trust.", "success_factor.trust", model) == .positive)
    // Beyond the window of words after the mention, a word does not count.
    #expect(
      try polarity(
        "Trust was one of the things the partners listed in their review as fragile.",
        "success_factor.trust", model) == .neutral)
  }

  @Test func theRulesReadingWinsATieAndTheRulesAreFeatures() throws {
    // Without weights every score is equal: the rules' reading ("mistrust" is negative) stands.
    let empty = try taxonomy([header])
    #expect(try polarity("There is mistrust.", "success_factor.trust", empty) == .negative)
    // The rules' reading is a feature like any other.
    let doubting = try taxonomy([header, "rule:negative 0 0 1"])
    #expect(try polarity("There is mistrust.", "success_factor.trust", doubting) == .neutral)
    // Scores equal to the weights' four decimals are a tie, whatever the order of the sum:
    // 0.1 + 0.2 is a hair above 0.3 in floating point.
    let close = try taxonomy([header, "s:trust 0.1 0 0.3", "s:is 0.2 0 0"])
    #expect(
      try polarity("Trust is good.", "success_factor.trust", Fixtures.fiveCodeTaxonomy())
        == .neutral)
    #expect(try polarity("Trust is good.", "success_factor.trust", close) == .neutral)
    #expect(
      PolarityModel.decision(SIMD3(0.1 + 0.2, 0, 0.3), rule: .neutral, isFirm: false) == .neutral)
    #expect(
      PolarityModel.decision(SIMD3(0.3001, 0, 0.3), rule: .neutral, isFirm: false) == .positive)
  }

  @Test func titlesAndQuestionsStayNeutralWhateverTheModelSays() throws {
    let model = try taxonomy([header, "s:patchy 0 2 0"])
    #expect(try polarity("Is trust patchy?", "success_factor.trust", model) == .neutral)
  }

  @Test(arguments: [
    ("feature negative positive neutral", "must start with the line"),
    ("feature positive negative neutral\ns:weak 1 2", "a feature and three numbers, not 3"),
    ("feature positive negative neutral\ns:weak 1 2 x", "'x' is not a number"),
    ("feature positive negative neutral\ns:weak 1 2 3\ns:weak 0 0 0", "listed twice"),
  ])
  func aBadWeightsTableIsAnErrorOnItsLine(table: String, message: String) throws {
    let base = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    let lines = table.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
    let text = base + "\npolarity_model:\n  weights: |\n" + lines + "\n"
    let weightsLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.hasPrefix("  weights:")
    }
    let tableLines = table.split(separator: "\n").count
    #expect {
      _ = try Taxonomy.parse(text, file: "bad.yml", sha256: "")
    } throws: { error in
      guard let error = error as? ConfigurationError, let weightsLine else { return false }
      // The last line of the table is the bad one; lines count from 1.
      return error.file == "bad.yml" && error.message.contains(message)
        && error.line == weightsLine + 1 + tableLines
    }
  }

  @Test func aModelWithoutWeightsIsAnError() throws {
    let base = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    #expect(throws: ConfigurationError.self) {
      _ = try Taxonomy.parse(base + "\npolarity_model:\n  trained_by: x\n", file: "b", sha256: "")
    }
  }

  /// The tagger's compiled model and the string features `explain` and training use give the
  /// same decision for every mention of the bundled corpus.
  @Test func theCompiledModelAgreesWithTheFeaturesOverTheCorpus() throws {
    let taxonomy = try Fixtures.projectTaxonomy()
    let model = try #require(taxonomy.polarityModel)
    let tagger = TaxonomyTagger(taxonomy: taxonomy)
    let folder = Fixtures.repositoryRoot + "/corpus/text"
    var checked = 0
    var turned = 0
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    where name.hasSuffix(".txt") {
      let bytes = Array(try #require(FileManager.default.contents(atPath: folder + "/" + name)))
      let decoded = try CharsetDecoder().decode(bytes, format: .plainText)
      let extracted = try PlainTextExtractor().extractText(from: decoded)
      let analysis = tagger.analysis(of: try ICUSegmenter().segment(extracted))
      for sentence in analysis.sentences.values {
        for input in sentence.polarityInputs {
          let learned = try #require(input.learned)
          #expect(learned == model.polarity(input.features, rule: input.rule))
          checked += 1
          if learned != input.rule { turned += 1 }
        }
      }
    }
    #expect(checked > 500)
    // The model overrules the rules on some mentions, not on most.
    #expect(turned > 0 && turned * 5 < checked)
  }

  @Test func theTrainerLearnsAWordAndGivesTheSameWeightsTwice() throws {
    func example(_ words: [String], _ gold: Polarity, _ group: String) -> PolarityTrainer.Example {
      PolarityTrainer.Example(
        features: ["rule:neutral"] + words.map { "s:" + $0 }, rule: .neutral, gold: gold,
        triple: UUID().uuidString, group: group)
    }
    var examples: [PolarityTrainer.Example] = []
    for index in 0..<30 {
      let group = index % 2 == 0 ? "a.jsonl" : "b.jsonl"
      examples.append(example(["trust", "patchy"], .negative, group))
      examples.append(example(["trust", "strong"], .positive, group))
      examples.append(example(["trust", "meeting"], .neutral, group))
    }
    let trainer = PolarityTrainer()
    let model = trainer.train(examples)
    #expect(model.polarity(["rule:neutral", "s:patchy"], rule: .neutral) == .negative)
    #expect(model.polarity(["rule:neutral", "s:strong"], rule: .neutral) == .positive)
    #expect(model.polarity(["rule:neutral", "s:meeting"], rule: .neutral) == .neutral)
    #expect(trainer.train(examples).table == model.table)
    // Held out by gold file, the model still gets them all; the rules (all neutral) a third.
    let folds = trainer.crossValidate(examples)
    #expect(folds.map(\.group) == ["a.jsonl", "b.jsonl"])
    #expect(folds.allSatisfy { $0.modelAgrees == $0.triples && $0.rulesAgree * 3 == $0.triples })
    // A third are negative: the model finds them all, the rules none.
    #expect(
      folds.allSatisfy {
        $0.negatives * 3 == $0.triples && $0.modelFindsNegative == $0.negatives
          && $0.rulesFindNegative == 0
      })
  }

  @Test func aWordSeenTooRarelyIsLeftOut() throws {
    var settings = PolarityTrainer.Settings()
    settings.minimumCount = 3
    let examples = (0..<2).map { _ in
      PolarityTrainer.Example(
        features: ["s:rare"], rule: .neutral, gold: .negative, triple: "t", group: "g")
    }
    let model = PolarityTrainer(settings: settings).train(examples)
    #expect(model.weights["s:rare"] == nil)
    #expect(model.weights[PolarityModel.bias] != nil)
  }

  @Test func theSectionIsReplacedInPlaceOrAdded() throws {
    let model = PolarityModel(weights: ["bias": SIMD3(0.5, -0.25, 0)], trainedBy: "me")
    let section = PolarityTrainer.section(for: model)
    #expect(section.contains("    bias 0.5000 -0.2500 0.0000\n"))
    let before =
      "name: x\npolarity_model:\n  weights: |\n    old\n\n# the next key\nversion: \"1\"\n"
    let replaced = PolarityTrainer.replacingSection(in: before, with: section)
    #expect(replaced == "name: x\n" + section + "\n# the next key\nversion: \"1\"\n")
    let added = PolarityTrainer.replacingSection(in: "name: x\n", with: section)
    #expect(added == "name: x\n\n" + section)
    // What is written reads back as the same model.
    let text = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    let loaded = try Taxonomy.parse(
      PolarityTrainer.replacingSection(in: text, with: section), file: "x", sha256: "")
    #expect(loaded.polarityModel == model)
  }
}

extension PolarityModelTests {
  @Test func explainSaysWhatTheModelDidAndWhy() throws {
    let model = try taxonomy([header, "s:patchy 0 2 0"])
    let segmented = try ICUSegmenter().segment(
      ExtractedText(
        title: nil,
        blocks: [Block(kind: .paragraph, text: "Trust between the partners is patchy.", line: 1)]))
    let text = TaxonomyTagger(taxonomy: model).explanation(of: segmented)
    #expect(
      text.contains(
        "polarity model: the rules read neutral, the model negative; features for negative over neutral: s:patchy +2.00"
      ))
  }
}

extension PolarityModelTests {
  @Test func howTheWeightsWereMadeReadsBackAsWritten() throws {
    let trainedBy = #"lspminer train-polarity --gold C:\gold\dev --gold "it's" (2 mentions)"#
    let model = PolarityModel(weights: ["bias": .zero], trainedBy: trainedBy)
    let text = try String(
      contentsOfFile: Fixtures.path("taxonomy/five-codes.yml"), encoding: .utf8)
    let loaded = try Taxonomy.parse(
      PolarityTrainer.replacingSection(in: text, with: PolarityTrainer.section(for: model)),
      file: "x", sha256: "")
    #expect(loaded.polarityModel?.trainedBy == trainedBy)
  }
}
