/// What a run will do with its sources, decided once every source is read and hashed and before
/// anything is written: which earlier outcomes it may reuse, which sources have gone (and
/// whether that many may go), and which document is the first copy of its bytes.
struct RunPlan {
  /// Every source, in source order: those found, those that failed discovery, and those an
  /// earlier run had in a folder that cannot be listed now.
  var sources: [DocumentJob.Source]
  /// The earlier run's outcomes by source, when they may be reused (none with `--full`).
  var previous: [String: RunState.Previous]
  /// Sources the earlier run had that are gone.
  var removed: [String]
  /// The first source, in source order, of each distinct content hash: later ones are duplicates.
  var firstSource: [String: String]
  /// Source bytes read, summed.
  var byteCount: Int

  /// Plans the run, or refuses it when more than `maxRemovedShare` of the known sources are gone
  /// (unless removals are allowed or the run is full).
  init(
    identified: [DocumentJob.Source], discovery: SourceDiscoverer.Discovery,
    earlier: RunState.Earlier, isFull: Bool,
    allowsRemovals: Bool, maxRemovedShare: Double
  ) throws(PipelineRunner.RunError) {
    var sources = identified
    previous = isFull ? [:] : earlier.documents
    // What an earlier run found in a folder that cannot be listed now is not known to be gone:
    // it keeps its evidence when that was made by the same versions.
    var present = Set(sources.map(\.file.source))
    for source in earlier.sources where !present.contains(source) && discovery.isUnlisted(source) {
      present.insert(source)
      if previous[source] != nil {
        sources.append(
          DocumentJob.Source(file: SourceFile(source: source, path: ""), isUnlisted: true))
      }
    }
    sources.sort { $0.file < $1.file }
    removed = earlier.sources.filter { !present.contains($0) }
    let known = earlier.sources.count
    if !allowsRemovals, !isFull, known > 0, Double(removed.count) > maxRemovedShare * Double(known)
    {
      throw .tooManyRemovals(
        removed: removed.count, known: known, share: maxRemovedShare,
        examples: Array(removed.prefix(3)))
    }
    var firstSource: [String: String] = [:]
    for item in sources {
      if let docID = item.docID, firstSource[docID] == nil { firstSource[docID] = item.file.source }
    }
    self.sources = sources
    self.firstSource = firstSource
    byteCount = sources.reduce(0) { $0.saturatingAdd($1.byteCount ?? 0) }
  }
}
