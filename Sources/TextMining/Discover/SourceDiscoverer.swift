import Foundation

/// The discover stage: walks source folders and lists the files a pipeline includes.
///
/// Files are listed in byte order of their source paths, the same on every run. Hidden files
/// and folders (names starting with ".") are skipped, and so are the skipped folders (the
/// pipeline's output folder). Symbolic links are followed only when they resolve inside the
/// sources root (unless `followsLinksOutside`), and a folder reached twice (a link loop) is
/// walked once. A file that matches
/// but cannot be used (a broken link, a link out of the root) is reported as a failure.
public struct SourceDiscoverer: Sendable {
  /// A folder to walk, and how its files' source paths start.
  public struct Root: Sendable, Equatable {
    /// The folder as given (used to open files).
    public var path: String
    /// What source paths of its files start with ("" for a single root).
    public var sourcePrefix: String

    /// Creates a root.
    public init(path: String, sourcePrefix: String = "") {
      self.path = path
      self.sourcePrefix = sourcePrefix
    }
  }

  /// The folders to walk.
  public var roots: [Root]
  /// A file is listed when it matches one of these...
  public var include: [GlobPattern]
  /// ...and none of these.
  public var exclude: [GlobPattern]
  /// Folders never walked into (absolute or relative to the working directory).
  public var skippedFolders: [String]
  /// List archives (`ArchiveExpander.isArchive`) whatever the include patterns say; their
  /// members are matched against the patterns instead. Exclude patterns still apply.
  public var findsArchives = true
  /// Follow symbolic links that lead outside the sources folder (`discover:
  /// {follow_links_outside: true}`); off by default, so a stray or planted link cannot make a
  /// run read elsewhere. Loops are walked once either way.
  public var followsLinksOutside = false

  /// Creates a discoverer.
  public init(roots: [Root], include: [GlobPattern], exclude: [GlobPattern] = [], skippedFolders: [String] = []) {
    self.roots = roots
    self.include = include
    self.exclude = exclude
    self.skippedFolders = skippedFolders
  }

  /// The files found, in source order, and the files that matched but cannot be read.
  public func discover() -> (files: [SourceFile], failures: [DocumentFailure]) {
    var files: [SourceFile] = []
    var failures: [DocumentFailure] = []
    let skipped = Set(skippedFolders.compactMap(Self.realPath))
    for root in roots {
      guard let rootReal = Self.realPath(root.path) else {
        failures.append(DocumentFailure(source: root.path, stage: .discover, reason: "source folder cannot be opened"))
        continue
      }
      var visited: Set<FileIdentity> = []
      walk(
        directory: root.path, relative: "", root: root, rootReal: rootReal, skipped: skipped, visited: &visited,
        files: &files, failures: &failures)
    }
    files.sort()
    failures.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    return (files, failures)
  }

  private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private func walk(
    directory: String, relative: String, root: Root, rootReal: String, skipped: Set<String>,
    visited: inout Set<FileIdentity>, files: inout [SourceFile], failures: inout [DocumentFailure]
  ) {
    var info = stat()
    guard stat(directory, &info) == 0 else { return }
    guard visited.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
    if let real = Self.realPath(directory), skipped.contains(real) { return }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      let source = root.sourcePrefix.isEmpty ? relativePath : root.sourcePrefix + "/" + relativePath
      var linkInfo = stat()
      guard lstat(path, &linkInfo) == 0 else { continue }
      let isLink = (linkInfo.st_mode & S_IFMT) == S_IFLNK
      var targetInfo = linkInfo
      if isLink {
        let wanted = isIncluded(relativePath)
        guard stat(path, &targetInfo) == 0, let real = Self.realPath(path) else {
          let isLoop = errno == ELOOP
          if wanted {
            let reason =
              isLoop
              ? "symbolic link loop (the link leads back to itself); not followed"
              : "broken symbolic link; the file it points to does not exist"
            failures.append(DocumentFailure(source: source, stage: .discover, reason: reason))
          }
          continue
        }
        guard followsLinksOutside || real == rootReal || real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/") else {
          if wanted {
            failures.append(DocumentFailure(source: source, stage: .discover, reason: "symbolic link to '\(real)', outside the source folder; not followed"))
          }
          continue
        }
      }
      switch targetInfo.st_mode & S_IFMT {
      case S_IFDIR:
        walk(
          directory: path, relative: relativePath, root: root, rootReal: rootReal, skipped: skipped, visited: &visited,
          files: &files, failures: &failures)
      case S_IFREG:
        if isIncluded(relativePath) || (findsArchives && ArchiveExpander.isArchive(name) && !isExcluded(relativePath)) {
          files.append(SourceFile(source: source, path: path))
        }
      default:
        if isIncluded(relativePath) {
          failures.append(DocumentFailure(source: source, stage: .discover, reason: "not a regular file (a device, socket or pipe)"))
        }
      }
    }
  }

  /// Whether a relative path matches an include pattern and no exclude pattern.
  func isIncluded(_ relativePath: String) -> Bool {
    include.contains { $0.matches(relativePath) } && !isExcluded(relativePath)
  }

  private func isExcluded(_ relativePath: String) -> Bool {
    exclude.contains { $0.matches(relativePath) }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
