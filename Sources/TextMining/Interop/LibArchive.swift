internal import CTextShim

/// An archive read through libarchive, by way of the CTextShim boundary: zip, tar and every
/// compression libarchive knows, entry by entry; a file that is only compressed (`.gz`) reads as
/// one entry.
final class LibArchive {
  /// One entry's header.
  struct Entry {
    /// The name's bytes as the archive gives them (UTF-8 where the format declares its charset),
    /// or nil when libarchive cannot read the name.
    var name: [UInt8]?
    /// The size the header states, or -1 when it does not say.
    var declaredSize: Int64
    /// False for folders, links and devices.
    var isFile: Bool
  }

  private var handle: OpaquePointer?

  /// Opens an archive from a descriptor the caller opened and checked, and closes after
  /// `close()`; or throws libarchive's reason.
  init(descriptor: Int32) throws(LibArchiveError) {
    var error = [CChar](repeating: 0, count: 512)
    guard let opened = tm_archive_open(descriptor, &error, error.count) else {
      throw LibArchiveError(reason: Self.string(error))
    }
    handle = opened
  }

  /// Opens an archive held in memory (its bytes are copied).
  init(bytes: [UInt8]) throws(LibArchiveError) {
    var error = [CChar](repeating: 0, count: 512)
    // An empty archive is read from a one-byte buffer of which no byte is used.
    let held = bytes.isEmpty ? [0] : bytes
    let opened = held.withUnsafeBufferPointer { buffer -> OpaquePointer? in
      guard let base = buffer.baseAddress else { return nil }
      return tm_archive_open_memory(base, bytes.count, &error, error.count)
    }
    guard let opened else { throw LibArchiveError(reason: Self.string(error)) }
    handle = opened
  }

  deinit { close() }

  /// Frees libarchive's state (a descriptor stays open). Safe to call twice.
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
    if status < 0 { throw LibArchiveError(reason: lastError, code: errorCode) }
    let bytes = name.map { pointer in
      var count = 0
      while pointer[count] != 0 { count += 1 }
      return UnsafeBufferPointer(start: pointer, count: count).map { UInt8(bitPattern: $0) }
    }
    return Entry(name: bytes, declaredSize: size, isFile: isFile != 0)
  }

  /// Reads the current entry's next bytes into `buffer` (up to its count): the number read, 0 at
  /// the end of the entry; throws libarchive's reason on a read error.
  func read(into buffer: inout [UInt8]) throws(LibArchiveError) -> Int {
    guard let handle else { return 0 }
    let count = buffer.withUnsafeMutableBufferPointer { buffer -> Int64 in
      guard let base = buffer.baseAddress else { return 0 }
      return tm_archive_read(handle, base, buffer.count)
    }
    if count < 0 { throw LibArchiveError(reason: lastError, code: errorCode) }
    return Int(count)
  }

  /// Bytes the archive format has consumed after decompression, skipped entries included.
  var decompressedBytes: Int {
    guard let handle else { return 0 }
    return Int(tm_archive_decompressed_bytes(handle))
  }

  /// The last error's system error number (libarchive's own codes for format damage).
  private var errorCode: Int32 {
    guard let handle else { return 0 }
    return tm_archive_errno(handle)
  }

  /// The last error's text, or "".
  var lastError: String {
    guard let handle else { return "" }
    return String(cString: tm_archive_error(handle))
  }

  /// Whether the file is only compressed, not an archive (its one entry is the whole file).
  var isCompressedFile: Bool { formatName == "raw" }

  /// Whether the archive is a zip (whose names, when not marked UTF-8, are in code page 437).
  var isZip: Bool { formatName == "ZIP" }

  private var formatName: String {
    guard let handle else { return "" }
    return String(cString: tm_archive_format_name(handle))
  }

  private static func string(_ characters: [CChar]) -> String {
    String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// libarchive's account of why an archive could not be opened or read.
struct LibArchiveError: Error {
  var reason: String
  /// The system error number, when libarchive gives one.
  var code: Int32 = 0

  /// Whether the file could not be read (an I/O error), rather than read and found damaged.
  var isInputOutput: Bool { code == 5 }  // EIO
}

/// A zlib inflater, by way of the CTextShim boundary: gzip members one after another, zlib
/// streams or raw deflate.
final class Inflater {
  /// What `inflateInit2` is told to expect.
  enum Wrapper: Int32 {
    case gzip = 31
    case zlib = 15
    case raw = -15
  }

  /// What one step did.
  struct Step {
    var consumed: Int
    var produced: Int
    /// The stream (gzip member) ended inside the input consumed.
    var ended: Bool
  }

  private let handle: OpaquePointer

  /// A new inflater, or nil when zlib cannot make one (out of memory).
  init?(_ wrapper: Wrapper) {
    guard let handle = tm_inflate_new(wrapper.rawValue) else { return nil }
    self.handle = handle
  }

  deinit { tm_inflate_free(handle) }

  /// Inflates from `input` into `output[0...]`; nil when the data is not a valid stream.
  func step(_ input: ArraySlice<UInt8>, into output: inout [UInt8]) -> Step? {
    var consumed = 0
    var produced = 0
    let status = input.withUnsafeBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
        guard let outputBase = outputBuffer.baseAddress else { return 0 }
        return tm_inflate_step(
          handle, inputBuffer.baseAddress, inputBuffer.count, &consumed, outputBase,
          outputBuffer.count, &produced)
      }
    }
    guard status >= 0 else { return nil }
    return Step(consumed: consumed, produced: produced, ended: status == 1)
  }

  /// Makes the inflater ready for a new stream.
  func reset() { tm_inflate_reset(handle) }
}
