import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer tag`: evidence for given files, to standard output.
  struct Tag: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print evidence records for the given files to standard output; write nothing.")

    @Option(help: "The pipeline whose taxonomy and settings to use.")
    var pipeline: String = "pipelines/lsp-evaluation.yml"

    @Argument(help: "HTML or text files.", completion: .file())
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else { throw ValidationError("name at least one file to tag") }
    }

    func run() async throws {
      let definition = try PipelineDefinition.load(from: pipeline)
      let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
      let processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
      var failed = false
      for path in files {
        let file = SourceFile(source: path, path: path)
        let outcome: Result<DocumentProcessor.Result, DocumentFailure>
        do {
          let bytes = try reader.read(file)
          outcome = processor.process(
            bytes, source: path, docID: ContentHash.hex(of: bytes), format: DocumentFormat.guess(for: file, bytes: bytes))
        } catch {
          outcome = .failure(DocumentFailure(source: path, stage: .read, reason: error.description))
        }
        switch outcome {
        case .success(let result):
          var lines: [UInt8] = []
          for record in result.records { lines.append(contentsOf: record.jsonLine) }
          FileHandle.standardOutput.write(Data(lines))
        case .failure(let failure):
          printError("lspminer: \(failure)")
          failed = true
        }
      }
      if failed { throw ExitCode.failure }
    }
  }
}
