/// A short list of lower-case words (the grammar's auxiliaries, conjunctions, clause openers),
/// each packed with its length into one integer, so that testing a token against the list
/// compares integers and allocates nothing (`SentenceTokens.isWord(_:oneOf:)`).
struct PackedWords: Sendable {
  /// Words of one to seven bytes: the bytes, then the length in the lowest byte.
  private let keys: [UInt64]
  /// Longer words, as bytes.
  private let long: [[UInt8]]

  init(_ words: some Sequence<String>) {
    var keys: [UInt64] = []
    var long: [[UInt8]] = []
    for word in words {
      let bytes = Array(word.utf8)
      if let key = bytes.withUnsafeBufferPointer({ Self.key(of: $0, lowercasing: false) }) {
        keys.append(key)
      } else if !bytes.isEmpty {
        long.append(bytes)
      }
    }
    self.keys = Array(Set(keys)).sorted()
    self.long = long
  }

  /// The key of a word of one to seven bytes, its ASCII capitals lower-cased if asked; nil for
  /// a longer or empty word.
  @inline(__always)
  static func key(of word: UnsafeBufferPointer<UInt8>, lowercasing: Bool) -> UInt64? {
    guard word.count >= 1, word.count <= 7 else { return nil }
    var key: UInt64 = 0
    for byte in word {
      let folded = lowercasing && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
      key = key << 8 | UInt64(folded)
    }
    return key << 8 | UInt64(word.count)
  }

  /// Whether the word whose key is `key` (nil: longer than seven bytes), written as `word`, is
  /// in the list; ASCII capitals in `word` count as lower case.
  @inline(__always)
  func contains(key: UInt64?, word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let key else {
      return !long.isEmpty
        && long.contains { entry in
          entry.count == word.count
            && entry.indices.allSatisfy { offset in
              let byte = word[offset]
              return (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == entry[offset]
            }
        }
    }
    for entry in keys where entry == key { return true }
    return false
  }
}
