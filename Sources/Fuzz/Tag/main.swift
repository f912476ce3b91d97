// Fuzz target: segmentation + tagging of arbitrary text with the project's taxonomy (see
// FuzzHarness.segmentAndTag and Scripts/fuzz.sh).
// Built with -parse-as-library and -sanitize=fuzzer, libFuzzer supplies main() and calls this;
// in a normal build this file has no top-level code, so the program does nothing.
import Foundation
import TextMining

enum Target {
  /// The repository this file is in, four folders up from Sources/Fuzz/Tag/main.swift.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let taxonomy = FuzzHarness.projectTaxonomy(repository: repository)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTag(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.segmentAndTag(Array(UnsafeBufferPointer(start: data, count: size)), taxonomy: Target.taxonomy)
  return 0
}
