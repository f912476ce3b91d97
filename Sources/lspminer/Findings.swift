import ArgumentParser
import Foundation
import TextMining

extension Findings.Grouping: ExpressibleByArgument {}

extension LSPMinerCommand {
  /// `lspminer findings`: the matrix, co-occurrence and partnership verdicts of an output.
  struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "findings",
      abstract:
        "Aggregate an output's evidence: the partnership x code matrix and circle verdicts.",
      discussion: """
        Reads an output folder's documents.jsonl and evidence/ (never re-tags) and writes \
        <output>/findings/: matrix.csv (one row per partnership, or per document, folder or year \
        with --by; one column per code and polarity, hedged mentions in columns of their own), \
        documents.csv (the same per document), cooccurrence.csv (pairs of codes in one sentence) \
        and partnerships.jsonl (each partnership's names, documents, counts, years, and its \
        circle verdict, overall and per year, with the rule's steps and the records it cites). \
        The verdict's thresholds are the pipeline's `findings:` block. Lines that cannot be read \
        are named on standard error and skipped; exit status 1 when any were.
        """)

    @Argument(help: "The output folder (default: the pipeline's output).")
    var output: String?

    @OptionGroup var options: PipelineOptions

    @Option(help: "What the matrix's rows are: partnership, document, folder or year.")
    var by: Findings.Grouping = .partnership

    @Flag(help: "Leave hedged mentions out.")
    var withoutHedged = false

    @Flag(
      help:
        "Count readers' comments under web pages' stories too (left out by default: they are not what the documents say)."
    )
    var withReaderComments = false

    func run() async throws {
      let (definition, _) = try options.load()
      let folder = output ?? definition.outputPath
      var reader = try OutputReader.opened(folder)
      var findings = Findings(
        grouping: by, includesHedged: !withoutHedged, includesReaderComments: withReaderComments,
        rule: definition.verdictRule)
      try reader.forEachDocument { findings.add($0, $1) }
      for line in reader.skipped { printError("lspminer: \(line)") }
      do {
        try findings.write(to: folder + "/findings")
      } catch {
        printError("lspminer: \(error.description)")
        throw ExitCode(74)
      }
      print(
        "\(findings.documentCount) documents, \(findings.recordCount) records: \(folder)/findings/ (matrix.csv, documents.csv, cooccurrence.csv, partnerships.jsonl)"
      )
      let verdicts = findings.verdicts
      for verdict in ["virtuous", "vicious", "mixed", "insufficient evidence"] {
        let count = verdicts.values.filter { $0 == verdict }.count
        if count > 0 { print("  \(verdict): \(count) partnerships") }
      }
      if !reader.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}

extension OutputReader {
  /// The output folder's reader, or exit 66 with the reason on standard error (for the commands
  /// that read an output: findings, report, kwic).
  static func opened(_ folder: String) throws -> OutputReader {
    do {
      return try OutputReader(folder: folder)
    } catch {
      printError("lspminer: \(error.description)")
      throw ExitCode(66)
    }
  }
}
