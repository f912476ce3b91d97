/// What changed between two outputs of the same sources (before and after a taxonomy change,
/// say): records that appeared, vanished, or changed polarity, hedging or partnership. Records
/// are matched by source, code, block and character span; documents are read one at a time.
public struct OutputDiff {
  /// One difference.
  public struct Change: Sendable, Equatable {
    public enum Kind: String, Sendable { case appeared, vanished, changed }
    public var kind: Kind
    public var source: String
    public var line: Int?
    public var code: String
    /// For a changed record: what changed, as `polarity neutral -> negative` and the like.
    public var detail: String
    public var sentence: String
  }

  /// Counts per code.
  public struct Counts: Sendable, Equatable {
    public var appeared = 0
    public var vanished = 0
    public var changed = 0

    public init() {}
  }

  public private(set) var changes: [Change] = []
  public private(set) var counts: [String: Counts] = [:]
  /// Lines either reader skipped.
  public private(set) var skipped: [String] = []

  public var isIdentical: Bool { changes.isEmpty }

  /// Compares two output folders.
  public init(old: String, new: String) throws {
    var oldReader = try OutputReader(folder: old)
    var newReader = try OutputReader(folder: new)
    let oldDocuments = Dictionary(
      try oldReader.documents().map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    let newDocuments = Dictionary(
      try newReader.documents().map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
    let sources = Set(oldDocuments.keys).union(newDocuments.keys).sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
    for source in sources {
      let before = try oldDocuments[source].flatMap { try oldReader.records(of: $0) } ?? []
      let after = try newDocuments[source].flatMap { try newReader.records(of: $0) } ?? []
      compare(source: source, before: before, after: after)
    }
    skipped = oldReader.skipped + newReader.skipped
  }

  private static func key(_ record: OutputReader.Record) -> String {
    "\(record.code)\u{1}\(record.block)\u{1}\(record.charStart)\u{1}\(record.charEnd)"
  }

  private mutating func compare(
    source: String, before: [OutputReader.Record], after: [OutputReader.Record]
  ) {
    var old: [String: OutputReader.Record] = [:]
    for record in before { old[Self.key(record)] = record }
    var seen: Set<String> = []
    for record in after {
      let key = Self.key(record)
      seen.insert(key)
      guard let previous = old[key] else {
        add(.appeared, source: source, record: record, detail: record.polarity)
        continue
      }
      var details: [String] = []
      if previous.polarity != record.polarity {
        details.append("polarity \(previous.polarity) -> \(record.polarity)")
      }
      if previous.hedged != record.hedged {
        details.append("hedged \(previous.hedged) -> \(record.hedged)")
      }
      if previous.partnership != record.partnership {
        details.append(
          "partnership \(previous.partnership ?? "none") -> \(record.partnership ?? "none")")
      }
      if !details.isEmpty {
        add(.changed, source: source, record: record, detail: details.joined(separator: ", "))
      }
    }
    for record in before where !seen.contains(Self.key(record)) {
      add(.vanished, source: source, record: record, detail: record.polarity)
    }
  }

  private mutating func add(
    _ kind: Change.Kind, source: String, record: OutputReader.Record, detail: String
  ) {
    changes.append(
      Change(
        kind: kind, source: source, line: record.line, code: record.code, detail: detail,
        sentence: record.sentence))
    switch kind {
    case .appeared: counts[record.code, default: Counts()].appeared += 1
    case .vanished: counts[record.code, default: Counts()].vanished += 1
    case .changed: counts[record.code, default: Counts()].changed += 1
    }
  }
}
