/// Other names of partnerships, given by the analyst in the pipeline file (`partnerships:
/// aliases`): each alias found in the text is a named mention of its partnership, and a name the
/// tagger recognises that equals an alias resolves to the partnership's name.
///
///     partnerships:
///       aliases:
///         Oakridge Local Strategic Partnership: [OLSP, Oakridge Together]
public struct PartnershipAliases: Sendable, Equatable {
  /// One partnership: the name its evidence carries, and its other names.
  public struct Entry: Sendable, Equatable {
    public var name: String
    public var aliases: [String]

    public init(name: String, aliases: [String]) {
      self.name = name
      self.aliases = aliases
    }
  }

  /// The partnerships in file order.
  public var entries: [Entry] = []

  public init(entries: [Entry] = []) { self.entries = entries }

  /// The partnership a name stands for, compared case-insensitively with white space
  /// collapsed; nil when the name is no partnership's name or alias.
  public func name(for written: String) -> String? {
    let folded = Self.fold(written)
    return entries.first { entry in
      Self.fold(entry.name) == folded || entry.aliases.contains { Self.fold($0) == folded }
    }?.name
  }

  /// Every written form to look for in text (aliases and names), with its partnership, the
  /// longest first.
  var forms: [(words: [String], name: String)] {
    entries.flatMap { entry in
      ([entry.name] + entry.aliases).map {
        ($0.split(whereSeparator: { $0 == " " }).map { TokenNormalizer.normalize($0) }, entry.name)
      }
    }
    .filter { !$0.words.isEmpty }
    .sorted { $0.words.count > $1.words.count }
  }

  static func fold(_ name: String) -> String {
    name.lowercased().split(whereSeparator: { $0 == " " }).joined(separator: " ")
  }
}
