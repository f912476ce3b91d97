import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer benchmark-tag`: the tagging stages alone (segment, tag, records and their JSON
  /// lines) over text already extracted, on one core.
  struct BenchmarkTag: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "benchmark-tag",
      abstract: "Time segmenting, tagging and emitting text that is already extracted (one core).",
      discussion: """
        Reads, decodes and extracts every file first, untimed. Then segments, tags, builds the \
        evidence records and encodes them as JSON lines, in memory, going over the set again \
        until --megabytes of text have been tagged, and prints MB/s of extracted text. Used by \
        Scripts/tag-benchmark.sh.
        """)

    @OptionGroup var options: PipelineOptions

    @Option(help: "Go over the documents until this many MB of text have been tagged.")
    var megabytes: Double = 50

    @Flag(
      help:
        "Find every word and sentence with ICU's iterators, without the ASCII fast paths (to time them)."
    )
    var icuWords = false

    @Argument(help: "HTML or text files, or folders of them.", completion: .file())
    var paths: [String]

    func run() async throws {
      let (definition, taxonomy) = try options.load()
      var processor = DocumentProcessor.standard(definition: definition, taxonomy: taxonomy)
      if icuWords, var segmenter = processor.segmenter as? ICUSegmenter {
        segmenter.asciiFastPath = false
        processor.segmenter = segmenter
      }
      let documents = try extractedDocuments(processor: processor)
      let textBytes = documents.reduce(0) {
        $0 + $1.extracted.blocks.reduce(0) { $0 + $1.text.utf8.count + 2 }
      }
      guard textBytes > 0 else { throw ValidationError("no text in the files given") }
      let clock = ContinuousClock()
      var tagged = 0
      var recordCount = 0
      var emitted = 0
      var timings = StageTimings()
      let start = clock.now
      while Double(tagged) < megabytes * 1e6 {
        for document in documents {
          let records = try processor.records(
            forExtracted: document.extracted, source: document.path, docID: document.docID,
            timings: &timings)
          let emitStart = clock.now
          var lines: [UInt8] = []
          EvidenceRecord.appendJSONLines(records, to: &lines)
          timings.write += clock.now - emitStart
          recordCount += records.count
          emitted += lines.count
        }
        tagged += textBytes
      }
      let seconds = (clock.now - start).inSeconds
      print(
        String(
          format:
            "tagging: %d documents, %.2f MB of text a pass, %.1f MB tagged in %.2f s: %.1f MB/s of text, %.0f records/s, %.1f MB of JSON lines",
          documents.count, Double(textBytes) / 1e6, Double(tagged) / 1e6, seconds,
          Double(tagged) / 1e6 / seconds,
          Double(recordCount) / seconds, Double(emitted) / 1e6))
      print(
        String(
          format: "seconds: segment %.2f, tag %.2f, records %.2f, JSON lines %.2f",
          timings.segment.inSeconds,
          timings.tag.inSeconds, timings.records.inSeconds, timings.write.inSeconds))
      // The floor under tagging, in the same run over the same text: ICU's sentence and word
      // iterators alone, as the segmenter ran them before the ASCII fast paths.
      let segmenter = ICUSegmenter(locale: definition.segmentationLocale)
      var passed = 0
      var words = 0
      let floorStart = clock.now
      while Double(passed) < megabytes * 1e6 {
        for document in documents {
          words += segmenter.breakIteratorsAlone(over: document.extracted)
        }
        passed += textBytes
      }
      let floorSeconds = (clock.now - floorStart).inSeconds
      let floorRate = Double(passed) / 1e6 / floorSeconds
      let rate = Double(tagged) / 1e6 / seconds
      print(
        String(
          format:
            "ICU's two break iterators alone: %.1f MB/s (%d words a pass); tagging / break iterators: %.2f",
          floorRate, words / max(1, passed / textBytes), rate / floorRate))
    }

    /// Every file under `paths`, decoded and extracted; a file that fails is reported and skipped.
    private func extractedDocuments(processor: DocumentProcessor) throws -> [(
      path: String, docID: String, extracted: ExtractedText
    )] {
      var files: [String] = []
      for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          throw ValidationError("\(path): no such file or folder")
        }
        if isFolder.boolValue {
          let names = try FileManager.default.subpathsOfDirectory(atPath: path).sorted()
          files += names.map { path + "/" + $0 }.filter { name in
            [".html", ".htm", ".txt"].contains { name.lowercased().hasSuffix($0) }
          }
        } else {
          files.append(path)
        }
      }
      var documents: [(String, String, ExtractedText)] = []
      for path in files {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = SourceFile(source: path, path: path)
        do {
          let decoded = try processor.decoder.decode(
            bytes, format: DocumentFormat.guess(for: file, bytes: bytes))
          documents.append(
            (path, ContentHash.hex(of: bytes), try processor.extractor.extractText(from: decoded)))
        } catch {
          printError("lspminer: \(path): \(error)")
        }
      }
      return documents
    }
  }
}
