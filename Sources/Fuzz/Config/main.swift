// Fuzz target: the taxonomy and pipeline file loaders (see FuzzHarness.loadConfiguration and
// Scripts/fuzz.sh).
import TextMining

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.loadConfiguration(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
