import ArgumentParser
import TextMining

/// Options that name a pipeline, shared by the subcommands.
struct PipelineOptions: ParsableArguments {
  @Argument(help: "The pipeline file.", completion: .file(extensions: ["yml", "yaml"]))
  var pipeline: String = "pipelines/lsp-evaluation.yml"

  /// Loads the pipeline and its taxonomy, or throws a located `ConfigurationError`.
  func load() throws(ConfigurationError) -> (PipelineDefinition, Taxonomy) {
    let definition = try PipelineDefinition.load(from: pipeline)
    let taxonomy = try Taxonomy.load(from: definition.taxonomyPath)
    return (definition, taxonomy)
  }
}
