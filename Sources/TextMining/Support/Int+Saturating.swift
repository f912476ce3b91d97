extension Int {
  /// The sum, or `Int.max` (or `Int.min`) where it would overflow.
  ///
  /// Lengths, offsets and counts that come from input or configuration (a WARC record's
  /// `Content-Length`, a sparse file's size, a count read back from an earlier run's index) are
  /// added with this, so an absurd number is treated as "too large" instead of trapping.
  func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }
}
