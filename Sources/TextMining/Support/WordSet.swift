/// A small set of words looked up by their UTF-8 bytes, without making a `String` or hashing:
/// the sentence rules ask it about a few words of every block and every sentence end.
///
/// A word of up to eight bytes is kept as those bytes packed into one integer (text holds no
/// NUL bytes, so the packing is unique), in a sorted array searched by halves; the few longer
/// words are compared byte by byte.
struct WordSet: Sendable {
  private var packed: [UInt64] = []
  private var long: [[UInt8]] = []

  init(_ words: some Sequence<String>) {
    for word in words {
      let bytes = Array(word.utf8)
      if let key = bytes.withUnsafeBufferPointer(Self.key) {
        packed.append(key)
      } else if !bytes.isEmpty {
        long.append(bytes)
      }
    }
    packed = Array(Set(packed)).sorted()
  }

  /// The bytes of a word of one to eight bytes packed into an integer, else nil.
  @inline(__always)
  private static func key(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard (1...8).contains(word.count) else { return nil }
    var key: UInt64 = 0
    for byte in word { key = key << 8 | UInt64(byte) }
    return key
  }

  func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let key = Self.key(word) else {
      return word.count > 8 && long.contains { $0.elementsEqual(word) }
    }
    var low = 0
    var high = packed.count
    while low < high {
      let middle = (low + high) / 2
      if packed[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low < packed.count && packed[low] == key
  }

  func contains(_ word: some StringProtocol) -> Bool {
    var text = String(word)
    return text.withUTF8 { contains($0) }
  }
}
