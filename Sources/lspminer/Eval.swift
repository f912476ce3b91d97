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
        sentences match no predicted sentence (the segmenter's share of the error). Then 95% \
        intervals of the headline figures, from resampling the gold's documents with \
        replacement (--resamples; seeded, so every run gives the same): how far each figure \
        could move on another set of documents like these. Exit status 1 when a figure is past its \
        --min-... or --max-... option, or when a gold document was not found or failed to \
        process (each is named on standard error; its triples count as misses).
        """)

    @Option(help: "A gold JSONL file, or a folder of them.")
    var gold: String

    @OptionGroup var options: PipelineOptions

    @Argument(help: .hidden, completion: .file(extensions: ["yml", "yaml"]))
    var legacyPipeline: String?

    @Option(
      name: .customLong("source"),
      help: ArgumentHelp(
        "Look for the gold's documents in this folder instead of the pipeline's sources (repeatable).",
        discussion:
          "A gold 'doc' names a document by its path relative to the folder, or by a path suffix such as its file name."
      ),
      completion: .directory)
    var sources: [String] = []

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

    @Option(
      help:
        "Resample the gold's documents this many times (100 to 100000) for 95% intervals of the headline figures; 0 for none."
    )
    var resamples = 1000

    @Option(
      help: ArgumentHelp(
        "Score the gold again with this taxonomy and report each figure's difference from it.",
        discussion:
          "The intervals come from paired resamples (the same documents for both): 'better' or 'worse' when no more than 2.5% of them go the other way, else 'within chance'. Needs --resamples of 100 or more."
      ),
      completion: .file(extensions: ["yml", "yaml"]))
    var compareTaxonomy: String?

    /// The bounds of `--resamples`: fewer than 100 cannot place a 2.5th percentile, and more
    /// than 100,000 add nothing but time and memory.
    static let resampleRange = 100...100_000

    func validate() throws {
      guard resamples == 0 || Self.resampleRange.contains(resamples) else {
        throw ValidationError("--resamples must be 0 or from 100 to 100000, not \(resamples)")
      }
      if compareTaxonomy != nil, resamples == 0 {
        throw ValidationError("--compare-taxonomy needs --resamples of 100 or more, not 0")
      }
      for source in sources {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory),
          isDirectory.boolValue
        else {
          throw ValidationError("--source '\(source)' is not a folder")
        }
      }
    }

    func run() async throws {
      var (definition, taxonomy) = try options.load(legacyPipeline: legacyPipeline)
      if !sources.isEmpty { definition.sources = sources }
      let standard = try GoldStandard.load(from: gold)
      let evaluator = GoldEvaluator(
        definition: definition, processor: .standard(definition: definition, taxonomy: taxonomy))
      // The other taxonomy is loaded first, so a bad path fails before the long run.
      let other = try compareTaxonomy.map { path in
        var other = definition
        other.taxonomyPath = path
        return (other, try Taxonomy.load(from: path))
      }
      let evaluation = evaluator.evaluate(standard)
      let intervals = resamples > 0 ? evaluation.intervals(resamples: resamples) : nil
      var comparison: Evaluation.Comparison?
      if let (otherDefinition, otherTaxonomy) = other {
        let baseline = GoldEvaluator(
          definition: otherDefinition,
          processor: .standard(definition: otherDefinition, taxonomy: otherTaxonomy)
        ).evaluate(standard)
        comparison = evaluation.comparison(with: baseline, resamples: resamples)
      }
      // Fewer than two documents with codes give no spread to resample.
      let unresampled =
        resamples > 0 && intervals == nil
        ? "no intervals: the gold and the predictions hold codes in fewer than two documents"
        : nil
      if json {
        print(
          evaluation.json(intervals: intervals, comparison: comparison, baseline: compareTaxonomy))
        if let unresampled { printError("lspminer: " + unresampled) }
      } else {
        print(evaluation.table, terminator: "")
        if let intervals { print(Evaluation.table(intervals), terminator: "") }
        if let unresampled { print(unresampled) }
        if let comparison, let compareTaxonomy {
          print(Evaluation.table(comparison, baseline: compareTaxonomy), terminator: "")
        }
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
      // A gold document that could not be scored counts its triples as misses; the run says
      // which and why, and fails, so that a wrong folder is not read as a score.
      var failed = false
      for (doc, reason) in zip(evaluation.missingDocuments, evaluation.missingReasons) {
        printError("lspminer: gold document '\(doc)' was not scored: \(reason)")
        failed = true
      }
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
