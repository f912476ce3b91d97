import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer kwic`: a concordance of an output's mentions.
  struct Kwic: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A concordance: each mention of the codes given, in its context.",
      discussion: """
        Reads an output folder (default: the pipeline's) and prints one line per mention of the \
        codes given (a code such as success_factor.trust, or a whole category such as \
        governance): the text before it, the match, the text after it, aligned on the match, \
        and source:line. The match is highlighted on a terminal; --json prints JSON Lines.
        """)

    @Argument(help: "Codes or categories.")
    var codes: [String]

    @Option(help: "The output folder (default: the pipeline's output).")
    var output: String?

    @OptionGroup var options: PipelineOptions

    @Option(help: "Only mentions about this partnership.")
    var partnership: String?

    @Option(help: "Only mentions of this polarity: positive, negative or neutral.")
    var polarity: String?

    @Option(help: "Only hedged (true) or unhedged (false) mentions.")
    var hedged: Bool?

    @Option(help: "Only documents published in this year.")
    var year: Int?

    @Option(help: "Only sources that match this glob pattern.")
    var source: String?

    @Option(help: "Characters of context on each side.")
    var width = 40

    @Flag(help: "Print JSON Lines instead of aligned text.")
    var json = false

    func validate() throws {
      if let polarity, !["positive", "negative", "neutral"].contains(polarity) {
        throw ValidationError("--polarity must be positive, negative or neutral")
      }
      guard (1...1000).contains(width) else { throw ValidationError("--width must be 1 to 1000") }
    }

    func run() async throws {
      let (definition, _) = try options.load()
      var reader = try OutputReader.opened(output ?? definition.outputPath)
      var pattern: GlobPattern?
      if let source {
        do {
          pattern = try GlobPattern(source)
        } catch {
          throw ValidationError("--source: bad pattern: \(error.message)")
        }
      }
      let filter = Concordance.Filter(
        codes: codes, partnership: partnership, polarity: polarity, hedged: hedged, year: year,
        source: pattern)
      let highlight = isatty(STDOUT_FILENO) == 1 ? ("\u{1B}[1;31m", "\u{1B}[0m") : nil
      let width = self.width
      let json = self.json
      try Concordance.lines(in: &reader, filter: filter, width: width) { line in
        print(
          json
            ? Concordance.json(line)
            : Concordance.format(
              line, width: width, highlight: highlight.map { ($0.0 + " ", " " + $0.1) }))
      }
      for line in reader.skipped { printError("lspminer: \(line)") }
      if !reader.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}
