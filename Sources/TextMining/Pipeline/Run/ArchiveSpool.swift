import Foundation

/// The folder a run expands archives into: `.spool` in the output folder, which the run's lock
/// keeps to itself. Emptied when the run starts; removed when it ends, and by the signal handler
/// when the run is stopped (`TemporaryFiles`).
struct ArchiveSpool {
  let folder: String

  /// Empties the folder an earlier, interrupted run may have left, and registers it for removal.
  init(folder: String) {
    self.folder = folder
    try? FileManager.default.removeItem(atPath: folder)
    TemporaryFiles.shared.add(folder)
  }

  /// Removes the folder and what was expanded into it.
  func remove() {
    try? FileManager.default.removeItem(atPath: folder)
    TemporaryFiles.shared.remove(folder)
  }

  /// The files with each archive among them replaced by its members that `wanted` accepts,
  /// written to the spool, in source order, and what could not be expanded. Files are returned
  /// as they came when none is an archive.
  func expandArchives(
    in files: [SourceFile], maxMemberBytes: Int, maxArchiveBytes: Int, wanted: (String) -> Bool
  ) -> (files: [SourceFile], failures: [DocumentFailure]) {
    guard files.contains(where: { ArchiveExpander.isArchive($0.source) }) else {
      return (files, [])
    }
    let expander = ArchiveExpander(
      maxMemberBytes: maxMemberBytes, maxArchiveBytes: maxArchiveBytes, spoolFolder: folder)
    var expanded: [SourceFile] = []
    var failures: [DocumentFailure] = []
    for (index, file) in files.enumerated() {
      guard ArchiveExpander.isArchive(file.source) else {
        expanded.append(file)
        continue
      }
      let (members, memberFailures) = expander.expand(file, prefix: String(index), wanted: wanted)
      expanded += members
      failures += memberFailures
    }
    return (expanded.sorted(), failures)
  }
}
