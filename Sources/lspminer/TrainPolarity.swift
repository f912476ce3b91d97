import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer train-polarity`: fits the taxonomy's polarity model to gold standards.
  struct TrainPolarity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "train-polarity",
      abstract: "Fit the taxonomy's polarity model (polarity_model) to gold standards.",
      discussion: """
        Tags the gold documents with the taxonomy's rules alone, takes every mention whose gold \
        sentence carries its code as an example (its words and the rules' reading, and the \
        gold's polarity), and fits a logistic regression. Prints the taxonomy file's \
        polarity_model section, or with --output writes the taxonomy file with that section \
        replaced. --cross-validate also reports, for each gold file, how often the model \
        trained on the other files agrees with that file's gold, beside the rules alone. Train \
        only on development gold: a blind test set stays out.
        """)

    @Option(help: "A gold JSONL file, or a folder of them (repeat for several).")
    var gold: [String]

    @OptionGroup var options: PipelineOptions

    @Option(
      help: "Write this taxonomy file with its polarity_model section replaced (atomically).",
      completion: .file(extensions: ["yml", "yaml"]))
    var output: String?

    @Flag(help: "Report leave-one-gold-file-out agreement on standard error.")
    var crossValidate = false

    @Option(help: "Leave out features seen in fewer training mentions than this.")
    var minimumCount = PolarityTrainer.Settings().minimumCount

    @Option(help: "The L2 penalty on every weight.")
    var penalty = PolarityTrainer.Settings().penalty

    @Option(help: "Leave out features whose weights are all smaller than this in absolute value.")
    var minimumWeight = PolarityTrainer.Settings().minimumWeight

    func validate() throws {
      guard !gold.isEmpty else { throw ValidationError("give at least one --gold") }
      guard minimumCount >= 1 else { throw ValidationError("--minimum-count must be at least 1") }
      guard penalty >= 0, penalty.isFinite else {
        throw ValidationError("--penalty must be a number of at least 0")
      }
    }

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      var sentences: [GoldStandard.Sentence] = []
      for path in gold { sentences += try GoldStandard.load(from: path).sentences }
      let (examples, missing) = try PolarityTrainer.examples(
        from: GoldStandard(sentences: sentences), definition: definition, taxonomy: taxonomy)
      for doc in missing { printError("lspminer: gold document not found or not readable: \(doc)") }
      guard !examples.isEmpty else {
        printError("lspminer: no gold mention found to train on")
        throw ExitCode.failure
      }
      var settings = PolarityTrainer.Settings()
      settings.minimumCount = minimumCount
      settings.penalty = penalty
      settings.minimumWeight = minimumWeight
      let trainer = PolarityTrainer(settings: settings)
      if crossValidate {
        var total = (
          triples: 0, rules: 0, model: 0, negatives: 0, rulesNegative: 0, modelNegative: 0
        )
        for fold in trainer.crossValidate(examples) {
          printError(
            String(
              format: "held out %@: %d triples, rules %.3f, model %.3f", fold.group, fold.triples,
              Double(fold.rulesAgree) / Double(max(fold.triples, 1)),
              Double(fold.modelAgrees) / Double(max(fold.triples, 1))))
          total.triples += fold.triples
          total.rules += fold.rulesAgree
          total.model += fold.modelAgrees
          total.negatives += fold.negatives
          total.rulesNegative += fold.rulesFindNegative
          total.modelNegative += fold.modelFindsNegative
        }
        printError(
          String(
            format: "all held out: %d triples, rules %.4f, model %.4f", total.triples,
            Double(total.rules) / Double(max(total.triples, 1)),
            Double(total.model) / Double(max(total.triples, 1))))
        printError(
          String(
            format: "negative mentions held out: %d triples, rules find %.4f, model %.4f",
            total.negatives, Double(total.rulesNegative) / Double(max(total.negatives, 1)),
            Double(total.modelNegative) / Double(max(total.negatives, 1))))
      }
      let command =
        (["lspminer train-polarity"] + gold.map { "--gold \($0)" }).joined(separator: " ")
      let model = trainer.train(
        examples,
        trainedBy: "\(command) (\(examples.count) mentions; \(trainer.settings.summary))")
      let section = PolarityTrainer.section(for: model)
      guard let output else {
        print(section, terminator: "")
        return
      }
      let text: String
      do {
        text = try String(contentsOfFile: output, encoding: .utf8)
      } catch {
        throw ConfigurationError(file: output, message: "cannot read the taxonomy file")
      }
      let updated = PolarityTrainer.replacingSection(in: text, with: section)
      // The result must still load as a taxonomy.
      _ = try Taxonomy.parse(updated, file: output, sha256: "")
      do {
        try AtomicFile.write(Array(updated.utf8), to: output)
      } catch {
        throw ConfigurationError(file: output, message: "cannot write the file (\(error))")
      }
      printError(
        "lspminer: wrote \(output): \(model.weights.count) features from \(examples.count) mentions"
      )
    }
  }
}
