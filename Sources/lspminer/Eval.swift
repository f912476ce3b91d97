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
        hedging accuracy over the (document, sentence, code) triples found in both. Exit status \
        1 when --min-f1 is given and micro F1 is below it.
        """)

    @Option(help: "A gold JSONL file, or a folder of them.")
    var gold: String

    @OptionGroup var options: PipelineOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Exit with status 1 when micro F1 is below this value.")
    var minF1: Double?

    @Flag(help: "List every miss, false alarm and attribute disagreement.")
    var showErrors = false

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      let standard = try GoldStandard.load(from: gold)
      let evaluator = GoldEvaluator(definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy))
      let evaluation = evaluator.evaluate(standard)
      if json {
        print(evaluation.json)
      } else {
        print(evaluation.table, terminator: "")
      }
      if showErrors { print(evaluation.mistakeList, terminator: "") }
      if let minF1, evaluation.micro.f1 < minF1 {
        printError(String(format: "lspminer: micro F1 %.3f is below --min-f1 %.3f", evaluation.micro.f1, minF1))
        throw ExitCode.failure
      }
    }
  }
}
