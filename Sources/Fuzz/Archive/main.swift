// Fuzz target: archive expansion (zip, tar, gz, WARC) through libarchive and our WARC reader
// (see FuzzHarness.expandArchive and Scripts/fuzz.sh).
// Built with -DFUZZING and -sanitize=fuzzer (Scripts/fuzz.sh), the program hands itself to
// libFuzzer's driver; in a normal build it does nothing.
import FuzzHarness
import TextMining

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  FuzzHarness.expandArchive(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

#if FUZZING
  FuzzDriver.run(fuzzArchive)
#endif
