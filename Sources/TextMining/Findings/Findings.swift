import Foundation

/// What an output's evidence amounts to: the partnership x code matrix, the same per document,
/// codes that share sentences, and each partnership's summary with its circle verdict, overall
/// and per year of publication. Built by streaming an output folder (`OutputReader`), so memory
/// holds counts and cited records, never the evidence itself; written by `write(to:)`.
public struct Findings {
  /// What the matrix's rows are.
  public enum Grouping: String, Sendable, CaseIterable {
    /// The partnership each record is about ("(none)" for records about none).
    case partnership
    /// The document's source.
    case document
    /// The folder the document's source lies in.
    case folder
    /// The document's year of publication ("(unknown)" when it gives none).
    case year
  }

  public var grouping: Grouping
  /// Count hedged mentions (in columns of their own); false leaves them out altogether.
  public var includesHedged: Bool
  public var rule: VerdictRule

  /// The row of records about no partnership, and of documents without a year.
  public static let none = "(none)"
  public static let unknownYear = "(unknown)"
  static let polarities = ["positive", "negative", "neutral"]

  private var codes: Set<String> = []
  private var matrix: [String: [String: Int]] = [:]
  private var documentRows: [(source: String, docID: String, year: Int?, counts: [String: Int])] =
    []
  private var cooccurrence: [String: Int] = [:]
  private var partnerships: [String: PartnershipSummary] = [:]
  /// Unhedged negative governance and delivery mentions by code, with the first few examples.
  private(set) var issueCounts: [String: Int] = [:]
  private(set) var issueExamples: [String: [VerdictTally.Cited]] = [:]
  /// Documents and records read.
  public private(set) var documentCount = 0
  public private(set) var recordCount = 0

  /// Starts empty.
  public init(grouping: Grouping = .partnership, includesHedged: Bool = true, rule: VerdictRule) {
    self.grouping = grouping
    self.includesHedged = includesHedged
    self.rule = rule
  }

  /// The column a record counts in: `code:polarity`, or `code:polarity:hedged`.
  static func column(code: String, polarity: String, hedged: Bool) -> String {
    hedged ? "\(code):\(polarity):hedged" : "\(code):\(polarity)"
  }

  /// Adds one document's records.
  public mutating func add(_ document: OutputReader.Document, _ records: [OutputReader.Record]) {
    documentCount += 1
    var documentCounts: [String: Int] = [:]
    var sentenceCodes: [String: Set<String>] = [:]
    for record in records {
      if record.hedged, !includesHedged { continue }
      recordCount += 1
      codes.insert(record.code)
      let column = Self.column(code: record.code, polarity: record.polarity, hedged: record.hedged)
      let row: String
      switch grouping {
      case .partnership: row = record.partnership ?? Self.none
      case .document: row = document.source
      case .folder:
        row = document.source.split(separator: "/").dropLast().joined(separator: "/")
      case .year: row = document.year.map(String.init) ?? Self.unknownYear
      }
      matrix[row, default: [:]][column, default: 0] += 1
      documentCounts[column, default: 0] += 1
      sentenceCodes["\(record.block)\u{1}\(record.sentence)", default: []].insert(record.code)
      if !record.hedged, record.polarity == "negative",
        record.category == "governance" || record.category == "delivery"
      {
        issueCounts[record.code, default: 0] += 1
        if issueExamples[record.code, default: []].count < 3 {
          issueExamples[record.code, default: []].append(
            VerdictTally.Cited(
              source: document.source, docID: document.docID, block: record.block,
              charStart: record.charStart, charEnd: record.charEnd, line: record.line,
              code: record.code, polarity: record.polarity, sentence: record.sentence))
        }
      }
      guard let name = record.partnership else { continue }
      partnerships[name, default: PartnershipSummary(name: name)].add(
        record, document: document, rule: rule)
    }
    documentRows.append((document.source, document.docID, document.year, documentCounts))
    for codes in sentenceCodes.values where codes.count > 1 {
      let sorted = codes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      for (index, first) in sorted.enumerated() {
        for second in sorted[(index + 1)...] { cooccurrence["\(first),\(second)", default: 0] += 1 }
      }
    }
  }

  /// The columns, in a stable order: each code (sorted) with each polarity, then, when hedged
  /// mentions are counted, the hedged columns in the same order.
  var columns: [String] {
    let sorted = codes.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var columns = sorted.flatMap { code in
      Self.polarities.map { Self.column(code: code, polarity: $0, hedged: false) }
    }
    if includesHedged {
      columns += sorted.flatMap { code in
        Self.polarities.map { Self.column(code: code, polarity: $0, hedged: true) }
      }
    }
    return columns
  }

  /// The matrix's rows in a stable order (byte order; "(none)" and "(unknown)" last).
  var rowNames: [String] {
    matrix.keys.sorted { left, right in
      let leftLast = left == Self.none || left == Self.unknownYear
      let rightLast = right == Self.none || right == Self.unknownYear
      if leftLast != rightLast { return rightLast }
      return left.utf8.lexicographicallyPrecedes(right.utf8)
    }
  }

  /// The matrix's count in a row and column.
  public func count(row: String, column: String) -> Int { matrix[row]?[column] ?? 0 }

  /// Each partnership's summary, by name.
  func summaries() -> [PartnershipSummary] {
    partnerships.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap {
      partnerships[$0]
    }
  }

  /// Each partnership's overall verdict, by name.
  public var verdicts: [String: String] {
    partnerships.mapValues { $0.overall.verdict(rule).verdict }
  }

  /// Each partnership's verdict per year of publication, by name.
  public var yearlyVerdicts: [String: [(year: Int, verdict: String)]] {
    partnerships.mapValues { summary in
      summary.years.keys.sorted().compactMap { year in
        summary.years[year].map { (year, $0.verdict(rule).verdict) }
      }
    }
  }

  /// Makes the folder findings are written to, unless it exists (a link in its place is refused).
  public func makeFolder(_ folder: String) throws(OutputError) {
    try OutputStore.makeFolder(folder, followingLink: false)
  }

  /// Writes `matrix.csv`, `documents.csv`, `cooccurrence.csv` and `partnerships.jsonl` into
  /// `folder` (made if missing), each atomically.
  public func write(to folder: String) throws(OutputError) {
    try OutputStore.makeFolder(folder, followingLink: false)
    let columns = self.columns
    let rowHeader = grouping.rawValue
    try AtomicFile.write(to: folder + "/matrix.csv") { emit in
      _ = emit(CSV.line([rowHeader] + columns))
      for row in rowNames {
        let counts = matrix[row] ?? [:]
        if !emit(CSV.line([row] + columns.map { String(counts[$0] ?? 0) })) { return }
      }
    }
    try AtomicFile.write(to: folder + "/documents.csv") { emit in
      _ = emit(CSV.line(["source", "doc_id", "year"] + columns))
      for row in documentRows {
        let fields =
          [row.source, row.docID, row.year.map(String.init) ?? ""]
          + columns.map { String(row.counts[$0] ?? 0) }
        if !emit(CSV.line(fields)) { return }
      }
    }
    try AtomicFile.write(to: folder + "/cooccurrence.csv") { emit in
      _ = emit(CSV.line(["code_a", "code_b", "sentences"]))
      let pairs = cooccurrence.sorted { left, right in
        left.value != right.value
          ? left.value > right.value : left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
      }
      for (pair, count) in pairs {
        let codes = pair.split(separator: ",", maxSplits: 1).map(String.init)
        if !emit(CSV.line(codes + [String(count)])) { return }
      }
    }
    let rule = self.rule
    try AtomicFile.write(to: folder + "/partnerships.jsonl") { emit in
      for summary in summaries() {
        if !emit(summary.lineBytes(rule)) { return }
      }
    }
  }
}

/// CSV as RFC 4180 writes it: fields quoted when they hold a comma, quote or line break, quotes
/// doubled, lines ended with CR LF.
enum CSV {
  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  static func line(_ fields: [String]) -> [UInt8] {
    Array((fields.map(field).joined(separator: ",") + "\r\n").utf8)
  }
}
