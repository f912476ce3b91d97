// Fuzz target: decode + HTML/plain-text extraction (see FuzzHarness.extract and Scripts/fuzz.sh).
// Built with -parse-as-library and -sanitize=fuzzer, libFuzzer supplies main() and calls this;
// in a normal build this file has no top-level code, so the program does nothing.
import TextMining

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.extract(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
