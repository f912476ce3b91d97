import ArgumentParser
import Foundation
import TextMining

/// The pipeline a command uses and its overrides: the same options, spelt the same way, in every
/// command that tags.
struct PipelineOptions: ParsableArguments {
  @Option(
    name: [.customShort("p"), .long],
    help: ArgumentHelp(
      "The pipeline file.",
      discussion:
        "Default: pipelines/lsp-evaluation.yml in the working directory if it exists, else the built-in pipeline."
    ),
    completion: .file(extensions: ["yml", "yaml"]))
  var pipeline: String?

  @Option(
    help: "Tag with this taxonomy file instead of the pipeline's.",
    completion: .file(extensions: ["yml", "yaml"]))
  var taxonomy: String?

  /// The pipeline file used when none is named, relative to the working directory.
  static let conventionalPath = "pipelines/" + BuiltInPipeline.pipelineFileName

  /// Loads the pipeline and its taxonomy, or throws a located `ConfigurationError`.
  ///
  /// `legacyPipeline` is a pipeline given the old way, as a command's first argument.
  /// `needsSources` false lets the pipeline's source folders be missing (`stream`).
  func load(legacyPipeline: String? = nil, needsSources: Bool = true) throws -> (
    PipelineDefinition, Taxonomy
  ) {
    if let legacyPipeline {
      guard pipeline == nil else {
        throw ValidationError("give the pipeline once, with --pipeline (not also as an argument)")
      }
      printError(
        "lspminer: warning: a pipeline given as an argument is deprecated; use --pipeline \(legacyPipeline)"
      )
    }
    var (definition, compiled): (PipelineDefinition, Taxonomy?)
    if let path = pipeline ?? legacyPipeline {
      guard FileManager.default.fileExists(atPath: path) else {
        throw ConfigurationError(
          file: path,
          message:
            "pipeline file does not exist (looked in \(FileManager.default.currentDirectoryPath)); "
            + "pass an existing file with --pipeline, leave it out to use the built-in pipeline, "
            + "or write one with 'lspminer init'")
      }
      (definition, compiled) = (
        try PipelineDefinition.load(from: path, checksSources: needsSources), nil
      )
    } else if FileManager.default.fileExists(atPath: Self.conventionalPath) {
      (definition, compiled) = (
        try PipelineDefinition.load(from: Self.conventionalPath, checksSources: needsSources), nil
      )
    } else {
      (definition, compiled) = try BuiltInPipeline.load(
        placedIn: FileManager.default.currentDirectoryPath)
    }
    if let taxonomy {
      definition.taxonomyPath = taxonomy
      compiled = nil
    }
    return (definition, try compiled ?? Taxonomy.load(from: definition.taxonomyPath))
  }

  /// What `validate` and messages call the pipeline.
  func describe(legacyPipeline: String? = nil) -> String {
    if let path = pipeline ?? legacyPipeline { return path }
    return FileManager.default.fileExists(atPath: Self.conventionalPath)
      ? Self.conventionalPath : "(built-in pipeline)"
  }
}
