extension PipelineDefinition {
  /// The discover stage as this pipeline sets it up: its source folders, include and exclude
  /// patterns and discovery options, skipping its own output folder.
  func makeDiscoverer() -> SourceDiscoverer {
    var discoverer = SourceDiscoverer(
      roots: discoveryRoots, include: include, exclude: exclude, skippedFolders: [outputPath])
    discoverer.followsLinksOutside = followsLinksOutside
    discoverer.sniffsExtensionless = readsExtensionless
    return discoverer
  }

  /// Which archive members are documents: those whose name an include pattern matches, unless
  /// an exclude pattern matches the name or the member's whole source
  /// (`crawl.warc.gz!/http://www.example.org/private/...`).
  func memberFilter(_ discoverer: SourceDiscoverer) -> MemberFilter {
    MemberFilter(
      includes: { discoverer.isIncluded($0) },
      excludes: { name, source in discoverer.isExcluded(name) || discoverer.isExcluded(source) })
  }
}

extension PipelineDefinition {
  /// The documents in `folder` as this pipeline's discover stage lists them (its include and
  /// exclude patterns; files without an extension sniffed as it says), archives left out: what
  /// `lspminer tag FOLDER` tags. Each file's source is its path, starting with `folder`.
  public func documents(inFolder folder: String) -> SourceDiscoverer.Discovery {
    var root = folder
    while root.count > 1, root.hasSuffix("/") { root.removeLast() }
    var discoverer = SourceDiscoverer(
      roots: [SourceDiscoverer.Root(path: root, sourcePrefix: root)], include: include,
      exclude: exclude)
    discoverer.followsLinksOutside = followsLinksOutside
    discoverer.sniffsExtensionless = readsExtensionless
    discoverer.findsArchives = false
    return discoverer.discover()
  }
}
