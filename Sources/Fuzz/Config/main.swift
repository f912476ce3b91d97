// Fuzz target: the taxonomy and pipeline file loaders (see FuzzHarness.loadConfiguration and
// Scripts/fuzz.sh).
// Built with -DFUZZING and -sanitize=fuzzer (Scripts/fuzz.sh), the program hands itself to
// libFuzzer's driver; in a normal build it does nothing.
import FuzzHarness
import TextMining

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.loadConfiguration(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

#if FUZZING
  FuzzDriver.run(fuzzConfig)
#endif
