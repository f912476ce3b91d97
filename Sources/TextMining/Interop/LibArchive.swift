internal import CTextShim

/// An archive read through libarchive, by way of the CTextShim boundary: zip, tar and every
/// compression libarchive knows, entry by entry, or one file decompressed as a single stream.
///
/// The descriptor belongs to the caller, who opened and checked it and closes it after `close()`.
final class LibArchive {
  /// How to read the descriptor.
  enum Mode {
    /// As an archive of entries; a file that is only compressed (`.gz`) reads as one entry.
    case archive
    /// As one decompressed stream (gzip, bzip2, xz, ... or none), for formats lspminer parses
    /// itself (WARC).
    case stream
  }

  /// One entry's header.
  struct Entry {
    /// The name the archive gives it ("" when it gives none).
    var name: String
    /// The size the header states, or -1 when it does not say.
    var declaredSize: Int64
    /// False for folders, links and devices.
    var isFile: Bool
  }

  private var handle: OpaquePointer?

  /// Opens the archive, or throws libarchive's reason.
  init(descriptor: Int32, mode: Mode) throws(LibArchiveError) {
    var error = [CChar](repeating: 0, count: 512)
    let opened =
      switch mode {
      case .archive: tm_archive_open(descriptor, &error, error.count)
      case .stream: tm_archive_open_stream(descriptor, &error, error.count)
      }
    guard let opened else {
      throw LibArchiveError(reason: Self.string(error))
    }
    handle = opened
  }

  deinit { close() }

  /// Frees libarchive's state (the descriptor stays open). Safe to call twice.
  func close() {
    tm_archive_close(handle)
    handle = nil
  }

  /// The next entry, nil at the end, or libarchive's reason when the archive is damaged.
  func next() throws(LibArchiveError) -> Entry? {
    guard let handle else { return nil }
    var name: UnsafePointer<CChar>?
    var size: Int64 = -1
    var isFile: Int32 = 0
    let status = tm_archive_next(handle, &name, &size, &isFile)
    if status == 0 { return nil }
    if status < 0 { throw LibArchiveError(reason: lastError) }
    return Entry(
      name: name.map { String(cString: $0) } ?? "", declaredSize: size, isFile: isFile != 0)
  }

  /// Reads the current entry's next bytes into `buffer` (up to its count): the number read, 0 at
  /// the end of the entry; throws libarchive's reason on a read error.
  func read(into buffer: inout [UInt8]) throws(LibArchiveError) -> Int {
    guard let handle else { return 0 }
    let count = buffer.withUnsafeMutableBufferPointer { buffer -> Int64 in
      guard let base = buffer.baseAddress else { return 0 }
      return tm_archive_read(handle, base, buffer.count)
    }
    if count < 0 { throw LibArchiveError(reason: lastError) }
    return Int(count)
  }

  /// The last error's text, or "".
  var lastError: String {
    guard let handle else { return "" }
    return String(cString: tm_archive_error(handle))
  }

  /// Whether the file is only compressed, not an archive (its one entry is the whole file).
  var isCompressedFile: Bool {
    guard let handle else { return false }
    return String(cString: tm_archive_format_name(handle)) == "raw"
  }

  private static func string(_ characters: [CChar]) -> String {
    String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// libarchive's account of why an archive could not be opened or read.
struct LibArchiveError: Error {
  var reason: String
}
