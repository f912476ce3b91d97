import Crypto

/// One of N parts of a pipeline's sources, for running it on several machines (`run --shard
/// K/N`): a source belongs to the part its name hashes to. The hash is of the source's name
/// (the path relative to its source folder, as the outputs show it), never of the machine or
/// the order of discovery, so every machine agrees on which part a source is in; an archive and
/// all its members are in the archive's part.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  /// Which part, from 1.
  public let index: Int
  /// How many parts.
  public let count: Int

  /// Reads `K/N`, 1 <= K <= N; nil otherwise.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(index)
    else { return nil }
    self.index = index
    self.count = count
  }

  public var description: String { "\(index)/\(count)" }

  /// The part (from 1) a source name falls in: the first eight bytes of its SHA-256, as a
  /// big-endian number, modulo the count.
  public static func part(of source: String, count: Int) -> Int {
    let digest = Array(SHA256.hash(data: Array(source.utf8)))
    let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return Int(value % UInt64(count)) + 1
  }

  /// Whether a source name is in this part.
  public func contains(_ source: String) -> Bool { Self.part(of: source, count: count) == index }
}
