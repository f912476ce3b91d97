import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer explain`: shows why a sentence was or was not tagged.
  struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Show how a sentence is tagged: tokens, matches, negation and hedging cues and scopes, names, attribution.",
      discussion: """
        Give a sentence as text, or a file with --file (and --line to explain only the block that \
        starts on that source line).
        """)

    @Argument(help: "A sentence or short text to explain.")
    var text: String?

    @Option(help: "Explain a file instead (HTML or text).")
    var file: String?

    @Option(help: "With --file: only the block that starts on this line of the file.")
    var line: Int?

    @OptionGroup var options: PipelineOptions

    func validate() throws {
      if text == nil, file == nil {
        throw ValidationError("give a sentence to explain, or a file with --file")
      }
      if text != nil, file != nil {
        throw ValidationError("give either a sentence or --file, not both")
      }
      if line != nil, file == nil { throw ValidationError("--line needs --file") }
    }

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      let processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      let decoded: DecodedDocument
      if let file {
        let source = SourceFile(source: file, path: file)
        do {
          let bytes = try SourceReader(maxFileBytes: definition.maxFileBytes).read(source)
          decoded = try CharsetDecoder().decode(
            bytes, format: DocumentFormat.guess(for: source, bytes: bytes))
        } catch {
          printError("lspminer: \(file): \(error)")
          throw ExitCode.failure
        }
      } else {
        decoded = DecodedDocument(text: text ?? "", format: .plainText, encoding: "UTF-8")
      }
      do {
        // A sentence given on the command line is a paragraph, not a document's title.
        let extracted =
          file == nil
          ? ExtractedText(
            title: nil, blocks: [Block(kind: .paragraph, text: decoded.text, line: 1)])
          : try processor.extractor.extractText(from: decoded)
        let segmented = try processor.segmenter.segment(extracted)
        var blocks: Set<Int>?
        if let line {
          blocks = Set(extracted.blocks.indices.filter { extracted.blocks[$0].line == line })
          if blocks?.isEmpty == true {
            printError("lspminer: no block starts on line \(line) of \(file ?? "")")
            throw ExitCode.failure
          }
        }
        var tagger = TaxonomyTagger(taxonomy: taxonomy, limits: definition.limits)
        tagger.aliases = definition.partnershipAliases
        // The pipeline's source mapping, tried on the path as given and on each shorter tail
        // ("corpus/text/a.txt", "text/a.txt", "a.txt"), since sources are named from their root.
        let subject = file.flatMap { path in
          let parts = path.split(separator: "/")
          return parts.indices.lazy.compactMap {
            definition.partnership(forSource: parts[$0...].joined(separator: "/"))
          }.first
        }
        print(tagger.explanation(of: segmented, blocks: blocks, subject: subject), terminator: "")
      } catch let error as ExitCode {
        throw error
      } catch {
        printError("lspminer: \(error)")
        throw ExitCode.failure
      }
    }
  }
}
