import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer init`: writes the built-in pipeline and taxonomy out for editing.
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the built-in pipeline and taxonomy to DIR/pipelines/ for editing.",
      discussion: """
        Writes DIR/pipelines/lsp-evaluation.yml and DIR/pipelines/lsp-codebook.yml (refusing to \
        overwrite either). The pipeline reads DIR/corpus and writes out/lsp-evaluation; run it \
        from DIR with 'lspminer run', or from anywhere with --pipeline.
        """)

    @Argument(
      help: "The folder to write into (default: the working directory).", completion: .directory)
    var folder: String = "."

    func run() async throws {
      let written = try BuiltInPipeline.write(into: folder)
      for path in written { print("wrote \(path)") }
      let corpus = (folder as NSString).appendingPathComponent("corpus")
      print(
        "put the reports to mine in \(corpus) (or edit 'sources' in the pipeline), then run: lspminer run"
      )
    }
  }
}
