import Foundation

/// The discover stage: walks source folders and lists the files a pipeline includes.
///
/// Files are listed in byte order of their source paths, the same on every run. Hidden files
/// and folders (names starting with ".") are skipped, and so are the skipped folders (the
/// pipeline's output folder) and any folder that holds an lspminer output (its `state.json`
/// and `documents.jsonl`), so an older output folder is never read back in as documents.
/// Symbolic links are followed only when they resolve inside the sources root (unless
/// `followsLinksOutside`), and a folder reached twice (a link loop) is walked once.
///
/// Links are resolved once, here: a listed file's `path` holds no link, and its `identity` is
/// the device and inode found, so the reader opens exactly what was checked (a link retargeted
/// during a long run, or a file swapped for a pipe, is refused, not followed).
///
/// Nothing is skipped without a word: a file that matches but cannot be used (a broken link, a
/// link out of the root), a folder that cannot be listed, a name that is not UTF-8 and a path
/// too long to open are each reported as a failure.
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

  /// What a walk found.
  public struct Discovery: Sendable {
    /// The files to read, in source order.
    public var files: [SourceFile] = []
    /// Entries that match (or may hold files that match) but cannot be used, in source order.
    public var failures: [DocumentFailure] = []
    /// Source-path prefixes of folders (and sources of archives) that could not be listed (""
    /// for a whole single root): what an earlier run found below them is not known to be gone.
    public var unlistedFolders: [String] = []

    /// Whether a source is, or lies in, an entry (a folder or an archive) that could not be
    /// listed this time.
    public func isUnlisted(_ source: String) -> Bool {
      unlistedFolders.contains {
        $0.isEmpty || source == $0 || source.hasPrefix($0 + "/") || source.hasPrefix($0 + "!/")
      }
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
  /// List archives (`ArchiveWalker.isArchive`) whatever the include patterns say; their
  /// members are matched against the patterns instead. Exclude patterns still apply.
  public var findsArchives = true
  /// Follow symbolic links that lead outside the sources folder (`discover:
  /// {follow_links_outside: true}`); off by default, so a stray or planted link cannot make a
  /// run read elsewhere. Loops are walked once either way.
  public var followsLinksOutside = false
  /// List files whose names have no extension when their first bytes look like text or HTML
  /// (pages saved from the web often have none); they match no include pattern by name.
  public var sniffsExtensionless = false

  /// The longest path the system opens (Linux's PATH_MAX, counting the terminating NUL).
  static let maxPathBytes = 4096

  /// Creates a discoverer.
  public init(
    roots: [Root], include: [GlobPattern], exclude: [GlobPattern] = [],
    skippedFolders: [String] = []
  ) {
    self.roots = roots
    self.include = include
    self.exclude = exclude
    self.skippedFolders = skippedFolders
  }

  /// The files found, in source order, what could not be used, and the folders that could not
  /// be listed.
  public func discover() -> Discovery {
    var found = Discovery()
    let skipped = Set(skippedFolders.compactMap(Self.realPath))
    for root in roots {
      guard let rootReal = Self.realPath(root.path) else {
        let reason = String(cString: strerror(errno))
        found.failures.append(
          DocumentFailure(
            source: root.path, stage: .discover,
            reason: "source folder cannot be opened (\(reason))"))
        found.unlistedFolders.append(root.sourcePrefix)
        continue
      }
      var walk = Walk(discoverer: self, root: root, rootReal: rootReal, skipped: skipped)
      walk.directory(realPath: rootReal, relative: "")
      found.files += walk.found.files
      found.failures += walk.found.failures
      found.unlistedFolders += walk.found.unlistedFolders
    }
    found.files.sort()
    found.failures.sort { $0.source.utf8.lexicographicallyPrecedes($1.source.utf8) }
    return found
  }

  /// Whether a file's first 4 KB look like text or HTML: not empty, not a known binary format,
  /// and without NUL bytes unless it is UTF-16. A file that cannot be opened is not listed.
  static func looksLikeText(_ file: SourceFile) -> Bool {
    guard let (descriptor, _, _) = try? SourceReader.openChecked(file) else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: 4096)
    let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    head.removeSubrange(count...)
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
    guard BinarySniffer.binaryKind(of: head) == nil else { return false }
    return !head.contains(0) || BinarySniffer.unmarkedUTF16(head) != nil
  }

  /// Whether a relative path matches an include pattern and no exclude pattern.
  func isIncluded(_ relativePath: String) -> Bool {
    include.contains { $0.matches(relativePath) } && !isExcluded(relativePath)
  }

  func isExcluded(_ relativePath: String) -> Bool {
    exclude.contains { $0.matches(relativePath) }
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether a folder holds an lspminer output (a run's state and index).
  static func holdsOutput(_ folder: String) -> Bool {
    var info = stat()
    return lstat(folder + "/state.json", &info) == 0
      && lstat(folder + "/documents.jsonl", &info) == 0
  }
}

/// One root's walk: directories listed with `opendir`, entries taken as raw bytes.
private struct Walk {
  let discoverer: SourceDiscoverer
  let root: SourceDiscoverer.Root
  let rootReal: String
  let skipped: Set<String>
  var visited: Set<FileIdentity> = []
  var found = SourceDiscoverer.Discovery()

  init(
    discoverer: SourceDiscoverer, root: SourceDiscoverer.Root, rootReal: String,
    skipped: Set<String>
  ) {
    self.discoverer = discoverer
    self.root = root
    self.rootReal = rootReal
    self.skipped = skipped
  }

  private func source(_ relative: String) -> String {
    root.sourcePrefix.isEmpty
      ? relative : relative.isEmpty ? root.sourcePrefix : root.sourcePrefix + "/" + relative
  }

  /// Reports an entry; `unreadable` when it could not be reached this time (so an earlier
  /// run's evidence of it may be kept), not when it was reached and refused.
  private mutating func fail(_ relative: String, _ reason: String, unreadable: Bool = false) {
    var failure = DocumentFailure(source: source(relative), stage: .discover, reason: reason)
    failure.isUnreadable = unreadable
    found.failures.append(failure)
  }

  private func isInsideRoot(_ real: String) -> Bool {
    real == rootReal || real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/")
  }

  /// Lists a folder (a path free of links) and walks what it holds.
  mutating func directory(realPath: String, relative: String) {
    var info = stat()
    guard stat(realPath, &info) == 0 else { return }
    guard visited.insert(FileIdentity(info)).inserted else { return }
    if skipped.contains(realPath) { return }
    if SourceDiscoverer.holdsOutput(realPath) {
      // An lspminer output folder: its text files are outputs, not sources.
      if relative.isEmpty {
        fail(
          ".",
          "the folder holds an lspminer output (state.json and documents.jsonl); not read as sources"
        )
      }
      return
    }
    let names: [[UInt8]]
    switch Self.list(realPath) {
    case .success(let listed): names = listed
    case .failure(let reason):
      fail(
        relative.isEmpty ? "." : relative,
        "cannot list the folder (\(reason)); earlier evidence of what it holds is kept")
      found.unlistedFolders.append(source(relative))
      return
    }
    for bytes in names {
      guard bytes.first != UInt8(ascii: ".") else { continue }
      guard let name = String(validating: bytes, as: UTF8.self) else {
        let shown = SourceDiscoverer.escaped(bytes)
        fail(
          relative.isEmpty ? shown : relative + "/" + shown,
          "the name is not valid UTF-8; not read (rename it to read it)")
        continue
      }
      let path = realPath.hasSuffix("/") ? realPath + name : realPath + "/" + name
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      guard path.utf8.count < SourceDiscoverer.maxPathBytes else {
        // Too long to open: neither read nor listed, and what an earlier run found there stays.
        fail(
          relativePath,
          "the path is \(path.utf8.count) bytes long, over the system's limit of \(SourceDiscoverer.maxPathBytes - 1); not read"
        )
        found.unlistedFolders.append(source(relativePath))
        continue
      }
      entry(path: path, name: name, relativePath: relativePath)
    }
  }

  private mutating func entry(path: String, name: String, relativePath: String) {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      // Gone between the listing and now: nothing to read, nothing to report.
      if errno != ENOENT {
        fail(
          relativePath, "cannot examine the entry (\(String(cString: strerror(errno))))",
          unreadable: true)
      }
      return
    }
    var realPath = path
    if (info.st_mode & S_IFMT) == S_IFLNK {
      let wanted = discoverer.isIncluded(relativePath)
      guard stat(path, &info) == 0, let real = SourceDiscoverer.realPath(path) else {
        if wanted {
          let isLoop = errno == ELOOP
          fail(
            relativePath,
            isLoop
              ? "symbolic link loop (the link leads back to itself); not followed"
              : "broken symbolic link; the file it points to does not exist", unreadable: !isLoop)
        }
        return
      }
      guard discoverer.followsLinksOutside || isInsideRoot(real) else {
        if wanted {
          fail(relativePath, "symbolic link to '\(real)', outside the source folder; not followed")
        }
        return
      }
      realPath = real
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      directory(realPath: realPath, relative: relativePath)
    case S_IFREG:
      // Made only for a file that may be listed (most files in a folder are not).
      func file() -> SourceFile {
        SourceFile(source: source(relativePath), path: realPath, identity: FileIdentity(info))
      }
      if discoverer.isIncluded(relativePath)
        || (discoverer.findsArchives && ArchiveWalker.isArchive(name)
          && !discoverer.isExcluded(relativePath))
      {
        found.files.append(file())
      } else if discoverer.sniffsExtensionless, !name.contains("."),
        !discoverer.isExcluded(relativePath)
      {
        let candidate = file()
        if SourceDiscoverer.looksLikeText(candidate) { found.files.append(candidate) }
      }
    default:
      if discoverer.isIncluded(relativePath) {
        fail(relativePath, "not a regular file (a device, socket or pipe)")
      }
    }
  }

  /// A folder's entry names as raw bytes (not "." or ".."), or the system's reason it cannot be
  /// listed.
  private static func list(_ path: String) -> Result<[[UInt8]], ListingError> {
    errno = 0
    guard let folder = opendir(path) else { return .failure(ListingError(errno)) }
    defer { closedir(folder) }
    var names: [[UInt8]] = []
    while true {
      errno = 0
      guard let entry = readdir(folder) else {
        if errno != 0 { return .failure(ListingError(errno)) }
        break
      }
      let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
      names.append(bytes)
    }
    names.sort { $0.lexicographicallyPrecedes($1) }
    return .success(names)
  }
}

extension SourceDiscoverer {
  /// A name with bytes that are not UTF-8 shown as `\xNN`, for messages (a file's or an
  /// archive member's).
  static func escaped(_ bytes: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < bytes.count {
      // The longest valid UTF-8 sequence starting here, if any.
      var taken = false
      for width in (1...4).reversed() where index + width <= bytes.count {
        if let scalar = String(validating: bytes[index..<(index + width)], as: UTF8.self),
          scalar.unicodeScalars.count == 1
        {
          result += scalar
          index += width
          taken = true
          break
        }
      }
      if !taken {
        result += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
        index += 1
      }
    }
    return result
  }
}

/// Why a folder could not be listed: the system's reason.
private struct ListingError: Error, CustomStringConvertible {
  var code: Int32
  init(_ code: Int32) { self.code = code }
  var description: String { String(cString: strerror(code)) }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
