// Fuzz target: segmentation + tagging of arbitrary text with the project's taxonomy (see
// FuzzHarness.segmentAndTag and Scripts/fuzz.sh).
// Built with -DFUZZING and -sanitize=fuzzer (Scripts/fuzz.sh), the program hands itself to
// libFuzzer's driver; in a normal build it does nothing.
import Foundation
import FuzzHarness
import TextMining

enum Target {
  /// The repository this file is in, four folders up from Sources/Fuzz/Tag/main.swift.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
  static let taxonomy = FuzzHarness.projectTaxonomy(repository: repository)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTag(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.segmentAndTag(
    Array(UnsafeBufferPointer(start: data, count: size)), taxonomy: Target.taxonomy)
  return 0
}

#if FUZZING
  FuzzDriver.run(fuzzTag)
#endif
