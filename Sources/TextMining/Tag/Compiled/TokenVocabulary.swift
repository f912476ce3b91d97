#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The set of normalised tokens the taxonomy's phrases use, each with a small integer id.
///
/// An open-addressing hash table over UTF-8 bytes (FNV-1a), so a document token can be looked
/// up straight from a byte buffer without building a `String`. Built once per taxonomy and then
/// read-only.
struct TokenVocabulary: Sendable {
  private var slots: [Int32] = Array(repeating: -1, count: 256)
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var pool: [UInt8] = []

  /// How many distinct tokens there are.
  var count: Int { hashes.count }

  /// The id of a token, adding it if new; ids count up from 0.
  mutating func insert(_ token: String) -> Int32 {
    let bytes = Array(token.utf8)
    let existing = bytes.withUnsafeBufferPointer { self.id(utf8: $0) }
    if existing >= 0 { return existing }
    if (count + 1) * 2 > slots.count { grow() }
    let newID = Int32(count)
    hashes.append(Self.hash(bytes))
    starts.append(pool.count)
    lengths.append(bytes.count)
    pool.append(contentsOf: bytes)
    place(newID)
    return newID
  }

  /// The id of a token given as UTF-8 bytes, or -1 when no phrase uses it.
  func id(utf8 token: UnsafeBufferPointer<UInt8>) -> Int32 {
    withLookup { $0.id(utf8: token) }
  }

  /// Calls `body` with a lookup over the table's storage, for many lookups in a row: each
  /// lookup then touches no reference counts.
  func withLookup<R>(_ body: (Lookup) -> R) -> R {
    slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        starts.withUnsafeBufferPointer { starts in
          lengths.withUnsafeBufferPointer { lengths in
            pool.withUnsafeBufferPointer { pool in
              body(
                Lookup(slots: slots, hashes: hashes, starts: starts, lengths: lengths, pool: pool))
            }
          }
        }
      }
    }
  }

  /// Read-only access to the table's storage, valid inside `withLookup`.
  struct Lookup {
    let slots: UnsafeBufferPointer<Int32>
    let hashes: UnsafeBufferPointer<UInt64>
    let starts: UnsafeBufferPointer<Int>
    let lengths: UnsafeBufferPointer<Int>
    let pool: UnsafeBufferPointer<UInt8>

    /// The id of a token given as UTF-8 bytes, or -1 when it is not in the table.
    @inline(__always)
    func id(utf8 token: UnsafeBufferPointer<UInt8>) -> Int32 {
      let hash = TokenVocabulary.hash(token)
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let candidate = slots[slot]
        if candidate < 0 { return -1 }
        let index = Int(candidate)
        // A non-empty token and the pool that holds it both have a base address.
        // swift-format-ignore: NeverForceUnwrap
        if hashes[index] == hash, lengths[index] == token.count,
          token.isEmpty
            || memcmp(pool.baseAddress! + starts[index], token.baseAddress!, token.count) == 0
        {
          return candidate
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The bytes of the token with id `id`.
  func token(_ id: Int32) -> [UInt8] {
    Array(pool[starts[Int(id)]..<(starts[Int(id)] + lengths[Int(id)])])
  }

  private mutating func place(_ id: Int32) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[Int(id)]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    for id in 0..<count { place(Int32(id)) }
  }

  fileprivate static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }
}
