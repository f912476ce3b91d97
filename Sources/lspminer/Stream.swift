import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer stream`: input lines to evidence lines, with no state, for clusters.
  struct Stream: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Read documents named on standard input, write evidence as JSON Lines to standard output.",
      discussion: """
        Each input line is a path (a file, or an archive or web archive, expanded as run expands \
        it) or a JSON object {"source": ..., "text": ...} or {"source": ..., "html": ...}. For \
        each document the output has its evidence records (with --documents, its document \
        record first, schema lspminer.document/1), and an lspminer.error/1 line when it failed \
        or was tagged only in part; nothing else is written to standard output. No state, no \
        lock, no output folder: the same input gives the same output, in input order, whatever \
        --jobs is. A bad document is its error line (and a message on standard error); the exit \
        status is non-zero only for a usage or configuration error, before any input is read.
        """)

    @OptionGroup var options: PipelineOptions

    @Option(help: "How many input lines to process at once.")
    var jobs = 1

    @Option(help: "Name paths that lie in this folder relative to it, as run names sources.")
    var root: String?

    @Flag(help: "Also write each document's record before its evidence.")
    var documents = false

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
      let (definition, taxonomy) = try options.load(needsSources: false)
      let processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      var job = StreamJob(definition: definition, processor: processor, root: root)
      job.includesDocuments = documents
      var pending: [UInt8] = []
      func flush() {
        pending.withUnsafeBytes { buffer in
          var offset = 0
          while offset < buffer.count {
            let count = Foundation.write(
              1, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if count < 0 {
              if errno == EINTR { continue }
              // The reader went away (a closed pipe): nothing more can be delivered.
              Foundation.exit(74)
            }
            offset += count
          }
        }
        pending.removeAll(keepingCapacity: true)
      }
      await job.run(
        lines: StandardInputLines(), jobs: jobs,
        write: { bytes in
          pending += bytes
          if pending.count >= 1 << 16 { flush() }
        },
        message: { printError("lspminer: \($0)") })
      flush()
    }
  }
}

/// Standard input's lines (without their line ends), read as they come.
struct StandardInputLines: Sequence, IteratorProtocol {
  mutating func next() -> String? { readLine(strippingNewline: true) }
}
