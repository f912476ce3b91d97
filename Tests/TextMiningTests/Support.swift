import Foundation
import Testing

@testable import TextMining

/// Test helpers: fixture files, temporary folders and small documents.
enum Fixtures {
  /// The fixtures folder copied into the test bundle.
  static var folder: String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? ""
  }

  /// A fixture file's path, from a path relative to `Fixtures/`.
  static func path(_ relative: String) -> String { folder + "/" + relative }

  /// A fixture file's bytes.
  static func bytes(_ relative: String) throws -> [UInt8] {
    let data = try #require(
      FileManager.default.contents(atPath: path(relative)), "missing fixture \(relative)")
    return Array(data)
  }

  /// The repository's root folder (for the corpus and pipelines).
  static var repositoryRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }

  /// The five-code fixture taxonomy.
  static func fiveCodeTaxonomy() throws -> Taxonomy {
    try Taxonomy.load(from: path("taxonomy/five-codes.yml"))
  }

  /// The project's full taxonomy.
  static func projectTaxonomy() throws -> Taxonomy {
    try Taxonomy.load(from: repositoryRoot + "/pipelines/lsp-codebook.yml")
  }

  /// The project's taxonomy without its polarity model: the rules alone, for tests of the
  /// rules themselves (the model may overrule a reading; `PolarityModelTests` test it).
  static func projectRules() throws -> Taxonomy {
    var codebook = try projectTaxonomy().codebook
    codebook.polarityModel = nil
    return try Taxonomy(codebook: codebook, file: "lsp-codebook.yml (rules only)")
  }
}

/// A fresh temporary folder, removed when the value is dropped.
final class TemporaryFolder {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.path + "/lspminer-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    path = base
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file (creating folders) and returns its path.
  @discardableResult
  func write(_ relative: String, _ contents: String) throws -> String {
    try write(relative, bytes: Array(contents.utf8))
  }

  /// Writes bytes to a file (creating folders) and returns its path.
  @discardableResult
  func write(_ relative: String, bytes: [UInt8]) throws -> String {
    let full = path + "/" + relative
    try FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: full))
    return full
  }

  /// Reads a file under the folder as UTF-8.
  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
  }
}

extension ExtractedText {
  /// The blocks' texts, for compact expectations.
  var texts: [String] { blocks.map(\.text) }
}

/// The codes the project's taxonomy gives one sentence, tagged as a paragraph under a heading
/// (so that it is no document title).
func projectCodes(inSentence sentence: String) throws -> Set<String> {
  Set(try tag("Notes\n\n" + sentence, with: Fixtures.projectTaxonomy()).map(\.code))
}

/// Expects the project taxonomy to code `sentence` with `code` and not with `other`.
func expectCode(
  _ code: String, not other: String, in sentence: String,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let found = try projectCodes(inSentence: sentence)
  #expect(found.contains(code), "\(sentence): \(found)", sourceLocation: sourceLocation)
  #expect(!found.contains(other), "\(sentence): \(found)", sourceLocation: sourceLocation)
}

/// Tags a piece of plain text with a taxonomy and returns (code, match) pairs.
func tag(_ text: String, with taxonomy: Taxonomy) throws -> [(
  code: String, match: String, polarity: Polarity
)] {
  let document = DecodedDocument(text: text, format: .plainText, encoding: "UTF-8")
  let extracted = try PlainTextExtractor().extractText(from: document)
  let segmented = try ICUSegmenter().segment(extracted)
  return TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented).map {
    ($0.code.rawValue, segmented.string(utf8Range: $0.utf8Range), $0.polarity)
  }
}

extension Fixtures {
  /// A processor of the project's pipeline and taxonomy, the pipeline changed by `adjust`.
  static func projectProcessor(
    adjusting adjust: (inout PipelineDefinition) -> Void = { _ in }
  ) throws -> DocumentProcessor {
    var definition = try PipelineDefinition.load(
      from: repositoryRoot + "/pipelines/lsp-evaluation.yml")
    adjust(&definition)
    return DocumentProcessor.standard(definition: definition, taxonomy: try projectTaxonomy())
  }
}

/// A document that failed where a test expects it to be processed.
struct DocumentFailed: Error, CustomStringConvertible {
  var description: String
}

extension DocumentProcessor {
  /// One document processed; a failure throws, which fails the test.
  func processed(_ bytes: [UInt8], source: String, format: DocumentFormat) throws -> Result {
    switch process(bytes, source: source, docID: "d", format: format) {
    case .success(let result): return result
    case .failure(let failure): throw DocumentFailed(description: "\(source) failed: \(failure)")
    }
  }
}
