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

  /// Lists the pipeline's documents: the files discovery finds, with each archive among them
  /// replaced by its included members, expanded into `spool`; and what could not be listed or
  /// expanded. Used alike by runs and by the evaluator.
  func listSources(
    spool: ArchiveSpool
  ) -> (discovery: SourceDiscoverer.Discovery, files: [SourceFile], failures: [DocumentFailure]) {
    let discoverer = makeDiscoverer()
    let discovery = discoverer.discover()
    let expansion = spool.expandArchives(
      in: discovery.files, maxMemberBytes: maxFileBytes, maxArchiveBytes: maxArchiveBytes
    ) { discoverer.isIncluded($0) }
    return (discovery, expansion.files, discovery.failures + expansion.failures)
  }
}
