import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer extract`: shows the decode and extract stages' result for one file.
  struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the text extracted from a file, one block per paragraph (a debugging aid).")

    @OptionGroup var options: PipelineOptions

    @Argument(help: "An HTML or text file.", completion: .file())
    var file: String

    @Flag(
      help: "Keep page furniture (nav, header, footer, aside, forms), whatever the pipeline says.")
    var keepFurniture = false

    @Flag(
      help:
        "Keep the whole page, not only the main content the pipeline's text-density scoring chooses."
    )
    var noMainContent = false

    @Flag(help: "Show each block's kind and source line.")
    var blocks = false

    @Flag(
      help:
        "Show one sentence per line, as the tagger and the gold standard see them, prefixed by the block index and a tab."
    )
    var sentences = false

    func run() async throws {
      let (definition, _) = try options.load()
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
        printError(
          "lspminer: \(file): is a folder; extract shows one file's text (give a file in it), and tag takes folders"
        )
        throw ExitCode.failure
      }
      let source = SourceFile(source: file, path: file)
      do {
        let bytes = try SourceReader(maxFileBytes: Int.max).read(source)
        let format = DocumentFormat.guess(for: source, bytes: bytes)
        let decoded = try CharsetDecoder().decode(bytes, format: format)
        let extractor = FormatDispatchingExtractor(
          html: HTMLTextExtractor(
            keepsFurniture: keepFurniture || definition.keepsFurniture,
            keepsMainContentOnly: !noMainContent && definition.keepsMainContentOnly,
            limits: definition.limits),
          plainText: PlainTextExtractor(limits: definition.limits))
        let extracted = try extractor.extractText(from: decoded)
        printError(
          "# encoding: \(decoded.encoding); title: \(extracted.title ?? "(none)"); blocks: \(extracted.blocks.count)"
        )
        if sentences {
          let segmented = try ICUSegmenter(locale: definition.segmentationLocale).segment(extracted)
          for sentence in segmented.sentences {
            print("\(sentence.block)\t\(segmented.string(utf8Range: sentence.utf8Range))")
          }
        } else if blocks {
          for (index, block) in extracted.blocks.enumerated() {
            print("[\(index) \(block.kind.rawValue) line \(block.line)] \(block.text)")
          }
        } else {
          print(extracted.text, terminator: "")
        }
      } catch {
        printError("lspminer: \(file): \(error)")
        throw ExitCode.failure
      }
    }
  }
}
