import ArgumentParser
import Foundation
import TextMining

extension LSPMinerCommand {
  /// `lspminer benchmark-extract`: main-text extraction over a folder of pages, for scoring.
  struct BenchmarkExtract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "benchmark-extract",
      abstract:
        "Extract the main text of every .html page in a folder and write predictions for scoring.",
      discussion: """
        Writes {"<id>": {"articleBody": "<text>"}} for each <id>.html, the format of the article \
        extraction benchmark, and prints the time spent decoding and extracting (one core, file \
        reading excluded). Used by Scripts/extraction-benchmark.sh.
        """)

    @Argument(help: "A folder of <id>.html pages.")
    var pages: String

    @Option(help: "Where to write the predictions JSON.")
    var predictions: String

    @Flag(help: "Keep page furniture (whole visible text).")
    var keepFurniture = false

    @Flag(help: "Keep only the main content chosen by text-density scoring.")
    var mainContent = false

    func run() async throws {
      let names = try FileManager.default.contentsOfDirectory(atPath: pages).filter {
        $0.hasSuffix(".html")
      }.sorted()
      let decoder = CharsetDecoder()
      let extractor = HTMLTextExtractor(
        keepsFurniture: keepFurniture, keepsMainContentOnly: mainContent)
      var object = JSONObjectWriter()
      var elapsed = Duration.zero
      var byteCount = 0
      for name in names {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: pages + "/" + name)))
        byteCount += bytes.count
        let clock = ContinuousClock()
        let start = clock.now
        let body: String
        do {
          let decoded = try decoder.decode(bytes, format: .html)
          let extracted = try extractor.extractText(from: decoded)
          // The benchmark's article body leaves out the headline: the title, and the first heading
          // when it is the page's headline (its first h1) or repeats the title.
          var blocks = extracted.blocks.filter { $0.kind != .title && $0.kind != .comment }
          if let first = blocks.first, first.kind == .heading,
            first.text == extracted.headline
              || extracted.title.map({
                $0.localizedCaseInsensitiveContains(first.text)
                  || first.text.localizedCaseInsensitiveContains($0)
              })
                == true
          {
            blocks.removeFirst()
          }
          body = blocks.map(\.text).joined(separator: "\n")
        } catch {
          body = ""
        }
        elapsed += clock.now - start
        var page = JSONObjectWriter()
        page.write("articleBody", body)
        object.write(String(name.dropLast(".html".count)), object: page)
      }
      try Data(object.lineBytes).write(to: URL(fileURLWithPath: predictions))
      let seconds = elapsed.inSeconds
      print(
        String(
          format: "lspminer: %d pages, %.1f MB, %.3f s, %.0f pages/s, %.1f MB/s", names.count,
          Double(byteCount) / 1e6,
          seconds, Double(names.count) / seconds, Double(byteCount) / 1e6 / seconds))
    }
  }
}
