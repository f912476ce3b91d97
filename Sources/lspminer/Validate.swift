import ArgumentParser
import TextMining

extension LSPMinerCommand {
  /// `lspminer validate`: checks a pipeline and its taxonomy without running it.
  struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a pipeline file and its taxonomy; report problems as file:line:column.")

    @OptionGroup var options: PipelineOptions

    @Argument(help: .hidden, completion: .file(extensions: ["yml", "yaml"]))
    var legacyPipeline: String?

    func run() async throws {
      let (definition, taxonomy) = try options.load(legacyPipeline: legacyPipeline)
      let phrases = taxonomy.codes.reduce(0) { $0 + $1.phrases.count }
      print(
        "\(options.describe(legacyPipeline: legacyPipeline)): ok: pipeline '\(definition.name)', \(definition.sources.count) source folder(s), "
          + "taxonomy '\(taxonomy.name)' \(taxonomy.version) with \(taxonomy.categories.count) categories, "
          + "\(taxonomy.codes.count) codes and \(phrases) phrases; output to \(definition.outputPath)"
      )
    }
  }
}
