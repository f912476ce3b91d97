import Foundation

/// The default pipeline and taxonomy, built into the binary (`BuiltInPipeline+Text.swift`, made
/// from `pipelines/` by `Scripts/embed-defaults.sh`), so that lspminer runs from any folder.
///
/// The built-in pipeline behaves as if its files were in `<folder>/pipelines/`: it reads
/// `<folder>/corpus` (unless told otherwise with `--source`) and writes `out/lsp-evaluation` in the
/// working directory. `lspminer init` writes the two files out for editing.
public enum BuiltInPipeline {
  /// The pipeline's file name in `pipelines/`.
  public static let pipelineFileName = "lsp-evaluation.yml"
  /// The taxonomy's file name in `pipelines/`.
  public static let taxonomyFileName = "lsp-codebook.yml"

  /// The pipeline as `pipelines/lsp-evaluation.yml` in the repository reads.
  public static var pipeline: String { pipelineText }
  /// The taxonomy as `pipelines/lsp-codebook.yml` in the repository reads.
  public static var taxonomy: String { taxonomyText }

  /// The built-in pipeline and its compiled taxonomy, placed as if in `folder/pipelines/`. Its
  /// source folders need not exist (a run checks them, or is given `--source`).
  public static func load(placedIn folder: String) throws(ConfigurationError) -> (
    PipelineDefinition, Taxonomy
  ) {
    let pipelines = folder + "/pipelines"
    var definition = try PipelineDefinition.parse(
      pipelineText, file: pipelines + "/" + pipelineFileName, checksPaths: false)
    definition.isBuiltIn = true
    // The folder `pipelines/` need not exist, so "pipelines/../corpus" is resolved in the path's
    // words, not by the file system (which would find no "pipelines" to go up from).
    definition.sources = definition.sources.map(lexicallyResolved)
    let taxonomy = try Taxonomy.parse(
      taxonomyText, file: "(built-in) " + taxonomyFileName,
      sha256: ContentHash.hex(of: Array(taxonomyText.utf8)))
    return (definition, taxonomy)
  }

  /// `path` with each "name/.." and "." removed from its words ("/a/pipelines/../corpus" is
  /// "/a/corpus"), without asking the file system.
  static func lexicallyResolved(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: false) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != "..", !last.isEmpty {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// Writes the pipeline and taxonomy to `folder/pipelines/` for editing, refusing to overwrite
  /// either; returns the paths written.
  public static func write(into folder: String) throws(ConfigurationError) -> [String] {
    let pipelines = folder + "/pipelines"
    let files = [
      (pipelines + "/" + pipelineFileName, pipelineText),
      (pipelines + "/" + taxonomyFileName, taxonomyText),
    ]
    for (path, _) in files where FileManager.default.fileExists(atPath: path) {
      throw ConfigurationError(
        file: path, message: "already exists; not overwritten (move it away first)")
    }
    do {
      try FileManager.default.createDirectory(atPath: pipelines, withIntermediateDirectories: true)
    } catch {
      throw ConfigurationError(
        file: pipelines, message: "cannot create the folder (\(error.localizedDescription))")
    }
    for (path, text) in files {
      do {
        try AtomicFile.write(Array(text.utf8), to: path)
      } catch {
        throw ConfigurationError(file: path, message: "cannot write the file (\(error.reason))")
      }
    }
    return files.map(\.0)
  }
}
