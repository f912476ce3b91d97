import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer lint`: cues and exclusions of the taxonomy that do no work.
  struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the taxonomy for cues and exclusions that do no work.",
      discussion: """
        Alone: cues that never fire on their own words (a longer cue, an exclusion, a name or a \
        sense rule takes them, so they can never fire), and exclusions that contain no cue (so \
        can never block one). With --output, against that output of a corpus: codes with no \
        record, cues that give most of their code's records (at least 20, half the code's and \
        five times the next cue's: often another sense of the word), and exclusions that never \
        matched in the output's texts. One line per warning, file:line:column of the phrase; \
        exit status 1 when there are warnings.
        """)

    @Argument(help: "The pipeline file (the same as --pipeline).")
    var pipelineFile: String?

    @OptionGroup var options: PipelineOptions

    @Option(help: "An output folder of a run over a corpus, to check the taxonomy against.")
    var output: String?

    func validate() throws {
      if pipelineFile != nil, options.pipeline != nil {
        throw ValidationError("give the pipeline once: as an argument or with --pipeline")
      }
    }

    func run() async throws {
      var options = self.options
      if let pipelineFile { options.pipeline = pipelineFile }
      let (definition, taxonomy) = try options.load()
      let processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      var tagger = TaxonomyTagger(taxonomy: taxonomy, limits: definition.limits)
      tagger.aliases = definition.partnershipAliases
      let lint = TaxonomyLint(taxonomy: taxonomy, tagger: tagger, segmenter: processor.segmenter)
      var warnings = lint.taxonomyWarnings()
      var summary = "\(taxonomy.codes.count) codes"
      var skipped: [String] = []
      if let output {
        var reader = try OutputReader.opened(output)
        let (found, counts) = try lint.outputWarnings(&reader)
        warnings += found
        skipped = reader.skipped
        summary +=
          ", against \(output): \(counts.documents) documents, \(counts.records) records, \(counts.texts) texts"
      }
      let file = options.taxonomy ?? definition.taxonomyPath
      for warning in warnings.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) {
        print(
          "\(file):\(warning.line):\(warning.column): warning: \(warning.message) [\(warning.kind.rawValue)]"
        )
      }
      fflush(nil)  // the warnings before the summary on standard error
      for line in skipped { printError("lspminer: \(line)") }
      printError("lspminer lint: \(summary): \(warnings.count) warnings")
      if !warnings.isEmpty || !skipped.isEmpty { throw ExitCode(1) }
    }
  }
}
