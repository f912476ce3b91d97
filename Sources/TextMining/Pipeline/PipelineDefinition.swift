import Foundation

/// A pipeline: which sources to read, which taxonomy to tag with, where to write.
///
/// Loaded from a YAML file in `pipelines/` (see `PipelineDefinition+Loading.swift`). Relative
/// paths inside the file are resolved against the file's own folder, so a pipeline works from
/// any working directory.
public struct PipelineDefinition: Sendable {
  /// The pipeline file as the user named it (for the built-in pipeline, where it would be).
  public var file: String
  /// SHA-256 of the pipeline's text: part of what makes an earlier run's outputs reusable.
  public var sha256 = ""
  /// Whether this is the pipeline built into the binary (`BuiltInPipeline`).
  public var isBuiltIn = false
  /// The pipeline's name; it names the default output folder and goes into every record.
  public var name: String
  /// What the pipeline is for.
  public var description: String
  /// Folders to read documents from.
  public var sources: [String]
  /// Files to read: relative paths matching one of these...
  public var include: [GlobPattern]
  /// ...and none of these.
  public var exclude: [GlobPattern]
  /// The taxonomy file.
  public var taxonomyPath: String
  /// Where outputs go.
  public var outputPath: String
  /// Follow symbolic links that lead outside the source folders (`discover:
  /// {follow_links_outside: true}`); off by default.
  public var followsLinksOutside = false
  /// Also read files whose names have no extension when their first bytes look like text or
  /// HTML (`discover: {extensionless: false}` turns it off); on by default.
  public var readsExtensionless = true
  /// The limits that keep a hostile file from stopping or hanging the run (`limits:`).
  public var limits = ProcessingLimits()
  /// Files larger than this many bytes are refused (archive members too, as they expand).
  public var maxFileBytes: Int {
    get { limits.maxFileBytes }
    set { limits.maxFileBytes = newValue }
  }
  /// An archive that expands to more than this many bytes is read no further (a bomb guard).
  public var maxArchiveBytes: Int {
    get { limits.maxArchiveBytes }
    set { limits.maxArchiveBytes = newValue }
  }
  /// Keep page furniture (nav, header, footer, aside, forms) in HTML text.
  public var keepsFurniture: Bool
  /// Keep only the main content of HTML pages, chosen by text-density scoring (the default).
  public var keepsMainContentOnly = true
  /// ICU locale for sentence and word boundaries.
  public var segmentationLocale: String
  /// How `lspminer findings` gives partnerships their circle verdicts (`findings:`).
  public var verdictRule = VerdictRule()
  /// The analyst's other names of partnerships (`partnerships: aliases`).
  public var partnershipAliases = PartnershipAliases()
  /// Sources whose subject the analyst knows (`partnerships: sources`): the first pattern that
  /// matches a source's path gives the partnership that stands as its subject.
  public var sourcePartnerships: [(pattern: GlobPattern, partnership: String)] = []

  /// The partnership the pipeline maps a source to, if any.
  public func partnership(forSource source: String) -> String? {
    sourcePartnerships.first { $0.pattern.matches(source) }?.partnership
  }

  /// Include patterns used when a pipeline names none.
  public static let defaultInclude = [
    "**/*.html", "**/*.htm", "**/*.xhtml", "**/*.shtml", "**/*.php", "**/*.asp", "**/*.aspx",
    "**/*.jsp", "**/*.txt",
  ]
  /// The size limit used when a pipeline sets none (50 MB).
  public static let defaultMaxFileBytes = ProcessingLimits().maxFileBytes
  /// The segmentation locale used when a pipeline sets none.
  public static let defaultSegmentationLocale = "en_GB"

  /// The sources roots for discovery: a single root's files are named relative to it; with
  /// several roots, each file's source starts with its root's folder name, or with as many of
  /// its last path components as it takes to tell it from the others (`2006/minutes`,
  /// `2007/minutes`). A folder given twice (the same real path) is walked once.
  public var discoveryRoots: [SourceDiscoverer.Root] {
    var seen: Set<String> = []
    var roots: [(path: String, components: [String])] = []
    for source in sources {
      let real = SourceDiscoverer.realPath(source)
      guard seen.insert(real ?? source).inserted else { continue }
      // The path as given, made absolute: its last component is the usual prefix.
      let absolute =
        source.hasPrefix("/") ? source : FileManager.default.currentDirectoryPath + "/" + source
      let components = absolute.split(separator: "/").map(String.init).filter { $0 != "." }
      roots.append((source, components))
    }
    if roots.count == 1 { return [SourceDiscoverer.Root(path: roots[0].path)] }
    // The shortest tail of each path that no other root shares.
    var prefixes = roots.map { Self.lastComponent(of: $0.path) }
    var length = Array(repeating: 1, count: roots.count)
    while true {
      let counts = Dictionary(prefixes.map { ($0, 1) }, uniquingKeysWith: +)
      var changed = false
      for index in roots.indices where counts[prefixes[index], default: 0] > 1 {
        let components = roots[index].components
        guard length[index] < components.count else { continue }
        length[index] += 1
        prefixes[index] = components.suffix(length[index]).joined(separator: "/")
        changed = true
      }
      if !changed { break }
    }
    return zip(roots, prefixes).map { SourceDiscoverer.Root(path: $0.path, sourcePrefix: $1) }
  }

  static func lastComponent(of path: String) -> String {
    let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
    return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
  }
}
