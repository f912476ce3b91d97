#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The set of normalised tokens the taxonomy's phrases use, each with a small integer id.
///
/// An open-addressing hash table over UTF-8 bytes, so a document token can be looked up straight
/// from a byte buffer without building a `String`. A token of up to eight bytes (nearly all of
/// them) is packed into an integer, hashed with one multiplication and compared as an integer;
/// a longer one is hashed with FNV-1a and compared with `memcmp`. Each slot holds the token's
/// hash and id side by side, so a probe reads one place. Built once per taxonomy and then
/// read-only.
struct TokenVocabulary: Sendable {
  /// A slot of the table: the token's hash and id (-1: empty).
  struct Slot: Sendable {
    var hash: UInt64 = 0
    var id: Int32 = -1
  }

  private var slots: [Slot] = Array(repeating: Slot(), count: 256)
  private var hashes: [UInt64] = []
  /// Each token's bytes packed into an integer when it has at most eight, else 0.
  private var packed: [UInt64] = []
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
    let (hash, key) = bytes.withUnsafeBufferPointer(Self.hashAndKey)
    hashes.append(hash)
    packed.append(key)
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
      packed.withUnsafeBufferPointer { packed in
        starts.withUnsafeBufferPointer { starts in
          lengths.withUnsafeBufferPointer { lengths in
            pool.withUnsafeBufferPointer { pool in
              body(
                Lookup(slots: slots, packed: packed, starts: starts, lengths: lengths, pool: pool))
            }
          }
        }
      }
    }
  }

  /// Read-only access to the table's storage, valid inside `withLookup`.
  struct Lookup {
    let slots: UnsafeBufferPointer<Slot>
    let packed: UnsafeBufferPointer<UInt64>
    let starts: UnsafeBufferPointer<Int>
    let lengths: UnsafeBufferPointer<Int>
    let pool: UnsafeBufferPointer<UInt8>

    /// The id of a token given as UTF-8 bytes, or -1 when it is not in the table.
    @inline(__always)
    func id(utf8 token: UnsafeBufferPointer<UInt8>) -> Int32 {
      let (hash, key) = TokenVocabulary.hashAndKey(token)
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let candidate = slots[slot]
        if candidate.id < 0 { return -1 }
        if candidate.hash == hash {
          let index = Int(candidate.id)
          if token.count <= 8 {
            // Equal packed bytes and equal lengths (both in the hash's input) are equal tokens.
            if packed[index] == key, lengths[index] == token.count { return candidate.id }
          } else if lengths[index] == token.count, let stored = pool.baseAddress,
            let bytes = token.baseAddress, memcmp(stored + starts[index], bytes, token.count) == 0
          {
            // A token of more than eight bytes and the pool that holds it have base addresses.
            return candidate.id
          }
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
    let hash = hashes[Int(id)]
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot].id >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Slot(hash: hash, id: id)
  }

  private mutating func grow() {
    slots = Array(repeating: Slot(), count: slots.count * 2)
    for id in 0..<count { place(Int32(id)) }
  }

  /// A token's hash, and its bytes packed into an integer when it has at most eight (else 0).
  /// A short token's hash mixes its packed bytes and its length with one multiplication and a
  /// shift (the finaliser of a well-known 64-bit mixer); a longer one's is FNV-1a.
  @inline(__always)
  fileprivate static func hashAndKey(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    if bytes.count <= 8 {
      var key: UInt64 = 0
      for byte in bytes { key = key << 8 | UInt64(byte) }
      var hash = (key ^ UInt64(bytes.count) << 59) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      return (hash, key)
    }
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return (hash, 0)
  }
}
