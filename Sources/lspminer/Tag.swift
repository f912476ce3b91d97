import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer tag`: evidence for given files, to standard output.
  struct Tag: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Print evidence records for the given files (or standard input, '-') to standard output; write nothing."
    )

    @OptionGroup var options: PipelineOptions

    @Argument(
      help:
        "HTML or text files, or folders (their documents as the pipeline's include and exclude patterns list them); '-' reads one document from standard input.",
      completion: .file())
    var files: [String]

    func validate() throws {
      guard !files.isEmpty else {
        throw ValidationError("name at least one file to tag, or '-' for standard input")
      }
      if let yaml = files.first(where: {
        $0.lowercased().hasSuffix(".yml") || $0.lowercased().hasSuffix(".yaml")
      }) {
        throw ValidationError(
          "'\(yaml)' looks like a pipeline or taxonomy, not a document: pass a pipeline with --pipeline \(yaml)"
        )
      }
      if files.filter({ $0 == "-" }).count > 1 {
        throw ValidationError("standard input ('-') can be read only once")
      }
    }

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      let processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      let reader = SourceReader(maxFileBytes: definition.maxFileBytes)
      var failed = false
      // A folder stands for the documents in it, in source order (archives are left to `run`).
      var documents: [SourceFile] = []
      for path in files {
        var isFolder: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder),
          isFolder.boolValue
        else {
          documents.append(SourceFile(source: path, path: path))
          continue
        }
        let found = definition.documents(inFolder: path)
        for failure in found.failures {
          printError("lspminer: \(failure)")
          failed = true
        }
        if found.files.isEmpty, found.failures.isEmpty {
          printError(
            "lspminer: \(path): no documents in the folder that the pipeline's include patterns match"
          )
        }
        documents += found.files
      }
      for file in documents {
        let path = file.source
        let outcome: Result<DocumentProcessor.Result, DocumentFailure>
        do {
          let bytes =
            path == "-"
            ? try Self.standardInput(limit: definition.maxFileBytes) : try reader.read(file)
          outcome = processor.process(
            bytes, source: path, docID: ContentHash.hex(of: bytes),
            format: DocumentFormat.guess(for: file, bytes: bytes))
        } catch {
          outcome = .failure(DocumentFailure(source: path, stage: .read, reason: "\(error)"))
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

    /// Standard input's bytes, refused past `limit` (limits.max_file_bytes) as a file would be.
    static func standardInput(limit: Int) throws -> [UInt8] {
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count < 0 {
          if errno == EINTR { continue }
          throw StandardInputError(reason: String(cString: strerror(errno)))
        }
        if count == 0 { return bytes }
        guard count <= limit - bytes.count else {
          throw StandardInputError(
            reason:
              "standard input is over the size limit of \(limit) bytes (limits.max_file_bytes in the pipeline)"
          )
        }
        bytes.append(contentsOf: chunk[0..<count])
      }
    }

    struct StandardInputError: Error, CustomStringConvertible {
      var reason: String
      var description: String { reason }
    }
  }
}
