import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer export --sqlite FILE`: an output as one SQLite database.
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write an output's documents, evidence and verdicts to a SQLite database.",
      discussion: """
        Reads an output folder's documents.jsonl and evidence/ (never re-tags) and writes one \
        SQLite file with the tables documents, evidence, partnerships, verdicts (per partnership, \
        over all years (year NULL) and per year, with the rule's steps) and citations (the \
        records each verdict cites), indexes on code, partnership and year, and an FTS5 index \
        over the evidence sentences (evidence_fts). The file is written whole or not at all. \
        Lines that cannot be read are named on standard error and skipped; exit status 1 when \
        any were.
        """)

    @Option(help: "The SQLite file to write (replaced if it exists).")
    var sqlite: String

    @Argument(help: "The output folder (default: the pipeline's output).")
    var output: String?

    @OptionGroup var options: PipelineOptions

    func run() async throws {
      let (definition, _) = try options.load()
      let folder = output ?? definition.outputPath
      var reader = try OutputReader.opened(folder)
      let summary: SQLiteExport.Summary
      do {
        summary = try SQLiteExport.write(to: sqlite, from: &reader, rule: definition.verdictRule)
      } catch let error as OutputError {
        printError("lspminer: \(error.description)")
        throw ExitCode(74)
      } catch let error as OutputReader.ReadError {
        printError("lspminer: \(error.description)")
        throw ExitCode(66)
      }
      for line in reader.skipped { printError("lspminer: \(line)") }
      print(
        "\(summary.documents) documents, \(summary.records) records, \(summary.partnerships) partnerships: \(sqlite)"
      )
      if !reader.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}
