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
