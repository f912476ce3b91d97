import Foundation
import TextMining

/// What each fuzz target (`Sources/Fuzz`, built and run by `Scripts/fuzz.sh`) does with one
/// input, kept here so that the regression tests run every saved crash input through exactly
/// the same code.
///
/// Each entry point runs real stages with the pipeline's default limits and then checks the
/// invariants analysts rely on, stopping the process (`precondition`) when one breaks, so the
/// fuzzer reports it as a crash: every record's offsets point at its match in the text, blocks
/// hold text, and sentences lie inside the text in order.
public enum FuzzHarness {
  /// The default limits, which the fuzzers exercise as the pipeline does.
  static let limits = ProcessingLimits()

  /// Decode and extract: the input is a file's bytes. Its first byte chooses the format and
  /// the extraction mode, so one corpus covers HTML with and without main-content selection and
  /// plain text.
  public static func extract(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let bytes = Array(input.dropFirst())
    let format: DocumentFormat = selector & 1 == 0 ? .html : .plainText
    let extractor = FormatDispatchingExtractor(
      html: HTMLTextExtractor(
        keepsFurniture: selector & 2 != 0, keepsMainContentOnly: selector & 4 == 0, limits: limits))
    guard let decoded = try? CharsetDecoder().decode(bytes, format: format) else { return }
    precondition(!decoded.text.unicodeScalars.contains("\u{0}"), "decoded text holds a NUL")
    guard let extracted = try? extractor.extractText(from: decoded) else { return }
    precondition(!extracted.blocks.isEmpty, "extraction succeeded with no blocks")
    for block in extracted.blocks {
      precondition(!block.text.isEmpty, "an empty block")
      precondition(!block.text.contains("\n\n"), "a block holds a blank line")
    }
  }

  /// Segment and tag: the input is a plain-text file's bytes, run through every stage the way
  /// the pipeline runs a document, with the given taxonomy. First, the words the ASCII fast paths
  /// find in the input (and the sentences) must be ICU's own.
  public static func segmentAndTag(_ input: [UInt8], taxonomy: Taxonomy) {
    precondition(
      ICUSegmenter.asciiFastPathAgreesWithICU(on: String(decoding: input, as: UTF8.self)),
      "the ASCII fast paths found other words or sentences than ICU")
    let processor = DocumentProcessor(
      decoder: CharsetDecoder(), extractor: FormatDispatchingExtractor(), segmenter: ICUSegmenter(),
      tagger: TaxonomyTagger(taxonomy: taxonomy, limits: limits), taxonomy: taxonomy,
      pipelineName: "fuzz", limits: limits)
    guard
      case .success(let result) = processor.process(
        input, source: "fuzz.txt", docID: "fuzz", format: .plainText)
    else {
      return
    }
    let scalars = Array(result.text.unicodeScalars)
    for record in result.records {
      precondition(
        0 <= record.charStart && record.charStart < record.charEnd
          && record.charEnd <= scalars.count, "offsets out of range")
      var match = String.UnicodeScalarView()
      match.append(contentsOf: scalars[record.charStart..<record.charEnd])
      precondition(String(match) == record.match, "a record's offsets do not point at its match")
      precondition(
        record.sentence.contains(record.match), "a record's sentence does not hold its match")
      precondition(
        record.block < result.extracted.blocks.count, "a record names a block that does not exist")
    }
  }

  /// Configuration loaders: the input is read as a taxonomy file and as a pipeline file. Only
  /// a `ConfigurationError` may come out; anything else is a crash.
  public static func loadConfiguration(_ input: [UInt8]) {
    let text = String(decoding: input, as: UTF8.self)
    if let taxonomy = try? Taxonomy.parse(text, file: "fuzz-taxonomy.yml", sha256: "") {
      // A taxonomy that loads must also tag: its compiled phrases run over a fixed sentence.
      let extracted = ExtractedText(
        title: nil,
        blocks: [
          Block(
            kind: .paragraph, text: "The LSP board showed strong leadership and trust.", line: 1)
        ])
      if let segmented = try? ICUSegmenter().segment(extracted) {
        _ = TaxonomyTagger(taxonomy: taxonomy).mentions(in: segmented)
      }
    }
    _ = try? PipelineDefinition.parse(text, file: "/nonexistent-fuzz-folder/pipeline.yml")
  }

  /// Archive expansion: the input, less its first byte (which picks the format by its index in
  /// `ArchiveWalker.archiveSuffixes`), is written to a file and walked with small limits, nested
  /// archives included. Every member must be within the member limit, the walk within the
  /// archive limit (plus one read's worth), and every name must start with the archive's.
  public static func expandArchive(_ input: [UInt8]) {
    guard let selector = input.first else { return }
    let suffixes = ArchiveWalker.archiveSuffixes
    let suffix = suffixes[Int(selector) % suffixes.count]
    let folder = NSTemporaryDirectory() + "lspminer-fuzz-archive-\(getpid())"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // The folder goes with each input: a fuzzing run must leave nothing behind in /tmp.
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/input" + suffix
    guard FileManager.default.createFile(atPath: path, contents: Data(input.dropFirst())) else {
      return
    }
    let limit = 1 << 20
    let limits = ArchiveLimits(
      maxMemberBytes: limit, maxArchiveBytes: 4 << 20, maxMembers: 10_000, maxDepth: 3)
    let walker = ArchiveWalker(
      archive: SourceFile(source: "input" + suffix, path: path), limits: limits,
      filter: .everything)
    for item in walker {
      switch item {
      case .member(let member):
        precondition(
          member.source.hasPrefix("input" + suffix + "!/"),
          "a member is not named after its archive")
        precondition(member.bytes.count <= limit, "a member is over its limit")
      case .failure(let failure):
        precondition(
          failure.source.hasPrefix("input" + suffix), "a failure is not named after the archive")
      }
    }
    precondition(walker.expandedBytes <= (4 << 20) + (1 << 20), "the walk ran past its limit")
  }

  /// The project's taxonomy, for the tagging target: `LSPMINER_TAXONOMY`, else
  /// `pipelines/lsp-codebook.yml` under `repository`.
  public static func projectTaxonomy(repository: String) -> Taxonomy {
    let path =
      ProcessInfo.processInfo.environment["LSPMINER_TAXONOMY"] ?? repository
      + "/pipelines/lsp-codebook.yml"
    do {
      return try Taxonomy.load(from: path)
    } catch {
      fatalError("fuzz target cannot load its taxonomy: \(error)")
    }
  }
}

#if FUZZING
  /// libFuzzer's entry for programs that have their own main (compiler-rt's FuzzerInterface.h).
  // swift-format-ignore: AlwaysUseLowerCamelCase
  @_silgen_name("LLVMFuzzerRunDriver")
  private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
  ) -> CInt

  /// Runs libFuzzer over a target's entry point. SwiftPM gives every executable a main of its own
  /// (it renames the module's entry point), so the fuzz targets hand control to libFuzzer's
  /// driver from their top-level code instead of relying on libFuzzer's main. Built only with
  /// `-DFUZZING` (Scripts/fuzz.sh).
  public enum FuzzDriver {
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never
    {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }
  }
#endif
