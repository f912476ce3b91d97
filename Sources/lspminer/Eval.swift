import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer eval`: scores the tagger against a gold standard.
  struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "eval",
      abstract: "Score the pipeline's tagging against a gold standard in the codebook's format.",
      discussion: """
        Runs the pipeline over the documents the gold file names (nothing is written) and reports \
        precision, recall and F1 per code, per category, micro and macro, and polarity and \
        hedging accuracy over the (document, sentence, code) triples found in both, the polarity \
        confusion matrix and the recall of negative and positive mentions, partnership \
        attribution where the gold gives a "partnership" for its codes, and how many coded gold \
        sentences match no predicted sentence (the segmenter's share of the error). Exit status \
        1 when a figure is past its --min-... or --max-... option.
        """)

    @Option(help: "A gold JSONL file, or a folder of them.")
    var gold: String

    @OptionGroup var options: PipelineOptions

    @Argument(help: .hidden, completion: .file(extensions: ["yml", "yaml"]))
    var legacyPipeline: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Exit with status 1 when micro F1 is below this value.")
    var minF1: Double?

    @Option(help: "Exit with status 1 when polarity accuracy is below this value.")
    var minPolarity: Double?

    @Option(
      help:
        "Exit with status 1 when fewer matched negative mentions than this share are read as negative."
    )
    var minNegativeRecall: Double?

    @Option(
      help:
        "Exit with status 1 when partnership attribution (over matched triples whose gold gives one) is below this value."
    )
    var minAttribution: Double?

    @Option(
      help:
        "Exit with status 1 when the share of coded gold sentences that match no predicted sentence is above this value (0.03 is 3%)."
    )
    var maxUnsegmented: Double?

    @Flag(help: "List every miss, false alarm and attribute disagreement.")
    var showErrors = false

    func run() async throws {
      let (definition, taxonomy) = try options.load(legacyPipeline: legacyPipeline)
      let standard = try GoldStandard.load(from: gold)
      let evaluator = GoldEvaluator(
        definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy))
      let evaluation = evaluator.evaluate(standard)
      if json {
        print(evaluation.json)
      } else {
        print(evaluation.table, terminator: "")
      }
      if showErrors { print(evaluation.mistakeList, terminator: "") }
      // Each floor or ceiling given: (figure, limit, whether the limit is a maximum, message).
      let checks: [(value: Double, limit: Double?, isMaximum: Bool, what: String)] = [
        (evaluation.micro.f1, minF1, false, "micro F1 %.4f is below --min-f1 %.4f"),
        (
          evaluation.polarityAccuracy, minPolarity, false,
          "polarity accuracy %.4f is below --min-polarity %.4f"
        ),
        (
          evaluation.polarityRecall(.negative), minNegativeRecall, false,
          "negative recall %.4f is below --min-negative-recall %.4f"
        ),
        (
          evaluation.attributionAccuracy, minAttribution, false,
          "partnership attribution %.4f is below --min-attribution %.4f"
        ),
        (
          evaluation.unsegmentedShare, maxUnsegmented, true,
          "%.4f of coded gold sentences are unsegmented, above --max-unsegmented %.4f"
        ),
      ]
      var failed = false
      for check in checks {
        guard let limit = check.limit,
          check.isMaximum ? check.value > limit : check.value < limit
        else { continue }
        printError("lspminer: " + String(format: check.what, check.value, limit))
        failed = true
      }
      if failed { throw ExitCode.failure }
    }
  }
}
