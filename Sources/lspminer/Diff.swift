import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer diff`: what changed between two outputs.
  struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare two outputs: records that appeared, vanished or changed.",
      discussion: """
        Compares the evidence of two output folders of the same sources (before and after a \
        change to the taxonomy, say). Records are matched by source, code, block and span. \
        Prints one line per record that appeared, vanished, or changed polarity, hedging or \
        partnership, with its sentence, then the counts per code. Exit 0 when the evidence is \
        the same, 1 when it is not, 66 when a folder is no output.
        """)

    @Argument(help: "The output before.")
    var old: String

    @Argument(help: "The output after.")
    var new: String

    func run() async throws {
      let diff: OutputDiff
      do {
        diff = try OutputDiff(old: old, new: new)
      } catch let error as OutputReader.ReadError {
        printError("lspminer: \(error.description)")
        throw ExitCode(66)
      }
      for line in diff.skipped { printError("lspminer: \(line)") }
      for change in diff.changes {
        let location = change.line.map { "\(change.source):\($0)" } ?? change.source
        print(
          "\(change.kind.rawValue)\t\(change.code)\t\(change.detail)\t\(location)\t\(change.sentence)"
        )
      }
      let codes = diff.counts.keys.sorted()
      if !codes.isEmpty { print("") }
      for code in codes {
        let counts = diff.counts[code] ?? OutputDiff.Counts()
        print("\(code)\t+\(counts.appeared)\t-\(counts.vanished)\t~\(counts.changed)")
      }
      let total = diff.changes.count
      printError(
        total == 0
          ? "lspminer: the evidence is the same"
          : "lspminer: \(total) records differ (\(diff.counts.values.reduce(0) { $0 + $1.appeared }) appeared, \(diff.counts.values.reduce(0) { $0 + $1.vanished }) vanished, \(diff.counts.values.reduce(0) { $0 + $1.changed }) changed)"
      )
      if !diff.isIdentical { throw ExitCode(1) }
    }
  }
}
