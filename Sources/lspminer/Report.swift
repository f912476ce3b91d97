import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer report`: one HTML page of an output's findings.
  struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Write one self-contained HTML page of an output's findings, for people.",
      discussion: """
        Reads an output folder (default: the pipeline's) as `findings` does and writes \
        <output>/findings/report.html: a heat map of partnerships by codes, the circle verdicts \
        with the sentences each rests on, each partnership's findings by year, the commonest \
        governance and delivery issues with examples, and how the output was made. The page \
        needs no network and no other file, so it can be e-mailed as it is.
        """)

    @Argument(help: "The output folder (default: the pipeline's output).")
    var output: String?

    @OptionGroup var options: PipelineOptions

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      let folder = output ?? definition.outputPath
      var reader = try OutputReader.opened(folder)
      var findings = Findings(rule: definition.verdictRule)
      try reader.forEachDocument { findings.add($0, $1) }
      for line in reader.skipped { printError("lspminer: \(line)") }
      let provenance = FindingsReport.Provenance(
        pipeline: definition.name, taxonomy: taxonomy.name, taxonomyVersion: taxonomy.version,
        taxonomySHA256: taxonomy.sha256, finished: FindingsReport.lastRun(in: folder))
      let page = FindingsReport().html(findings, provenance: provenance)
      let path = folder + "/findings/report.html"
      do {
        try findings.makeFolder(folder + "/findings")
        try AtomicFile.write(Array(page.utf8), to: path)
      } catch {
        printError("lspminer: \(error.description)")
        throw ExitCode(74)
      }
      print(path)
      if !reader.skipped.isEmpty { throw ExitCode(1) }
    }
  }
}
