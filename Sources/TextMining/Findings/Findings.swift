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
  /// Count readers' comments under web pages' stories; false (the default) counts only what
  /// the documents themselves say.
  public var includesReaderComments: Bool
  public var rule: VerdictRule

  /// The row of records about no partnership, and of documents without a year.
  public static let none = "(none)"
  public static let unknownYear = "(unknown)"
  static let polarities = ["positive", "negative", "neutral"]

  /// The codes seen, numbered in the order met; a count's column is its code's number, its
  /// polarity and its hedging (`columnID`), so counting a record hashes one string, not three.
  private var codeIDs: [String: Int] = [:]
  private var codeNames: [String] = []
  /// Each row's counts, by column number.
  private var matrix: [String: [Int]] = [:]
  /// Each document's row of `documents.csv`, kept on disk until the columns are known.
  private var documentRows = RowSpill()
  /// Pairs of code numbers (the first's name sorting first) and the sentences they share.
  private var cooccurrence: [UInt64: Int] = [:]
  private var partnershipIndex: [String: Int] = [:]
  private var partnerships: [PartnershipSummary] = []
  /// Unhedged negative governance and delivery mentions by code, with the first few examples.
  private(set) var issueCounts: [String: Int] = [:]
  private(set) var issueExamples: [String: [VerdictTally.Cited]] = [:]
  /// Documents and records read.
  public private(set) var documentCount = 0
  public private(set) var recordCount = 0

  /// Starts empty.
  public init(
    grouping: Grouping = .partnership, includesHedged: Bool = true,
    includesReaderComments: Bool = false, rule: VerdictRule
  ) {
    self.grouping = grouping
    self.includesHedged = includesHedged
    self.includesReaderComments = includesReaderComments
    self.rule = rule
  }

  /// The column a record counts in: `code:polarity`, or `code:polarity:hedged`.
  static func column(code: String, polarity: String, hedged: Bool) -> String {
    hedged ? "\(code):\(polarity):hedged" : "\(code):\(polarity)"
  }

  /// Columns per code: three polarities, unhedged and hedged.
  private static let columnsPerCode = 6

  /// A column's number: the code's, then the polarity's, then hedged or not; nil for a
  /// polarity that is none of the three.
  private static func columnID(code: Int, polarity: String, hedged: Bool) -> Int? {
    let polarityIndex: Int
    switch polarity {
    case "positive": polarityIndex = 0
    case "negative": polarityIndex = 1
    case "neutral": polarityIndex = 2
    default: return nil
    }
    return code * columnsPerCode + polarityIndex * 2 + (hedged ? 1 : 0)
  }

  /// A column number's name.
  private func columnName(_ id: Int) -> String {
    let code = codeNames[id / Self.columnsPerCode]
    let rest = id % Self.columnsPerCode
    return Self.column(code: code, polarity: Self.polarities[rest / 2], hedged: rest % 2 == 1)
  }

  private mutating func codeID(_ code: String) -> Int {
    if let id = codeIDs[code] { return id }
    let id = codeNames.count
    codeIDs[code] = id
    codeNames.append(code)
    return id
  }

  /// Adds one to a row's count, widening the row to `width` columns first if it is narrower.
  private static func increment(_ counts: inout [Int], _ column: Int, _ width: Int) {
    if counts.count < width {
      counts.append(contentsOf: repeatElement(0, count: width - counts.count))
    }
    counts[column] += 1
  }

  /// One sentence of a document, to find the codes it holds together.
  /// Hashed and compared by its UTF-8 bytes: String's own hashing normalises non-ASCII text
  /// first, which costs more than the rest of counting a record.
  private struct SentenceKey: Hashable {
    var block: Int
    var sentence: String

    func hash(into hasher: inout Hasher) {
      hasher.combine(block)
      var sentence = sentence
      sentence.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (left: SentenceKey, right: SentenceKey) -> Bool {
      guard left.block == right.block, left.sentence.utf8.count == right.sentence.utf8.count
      else { return false }
      var first = left.sentence
      var second = right.sentence
      return first.withUTF8 { a in
        second.withUTF8 { b in
          guard let a = a.baseAddress, let b = b.baseAddress else { return true }
          return memcmp(a, b, left.sentence.utf8.count) == 0
        }
      }
    }
  }

  /// Adds one document's records.
  public mutating func add(_ document: OutputReader.Document, _ records: [OutputReader.Record]) {
    documentCount += 1
    var documentCounts: [Int: Int] = [:]
    var sentenceCodes: [SentenceKey: Set<Int>] = [:]
    var lastPartnership: (name: String, index: Int)?
    for record in records {
      if record.hedged, !includesHedged { continue }
      if record.isReaderComment, !includesReaderComments { continue }
      recordCount += 1
      let code = codeID(record.code)
      let row: String
      switch grouping {
      case .partnership: row = record.partnership ?? Self.none
      case .document: row = document.source
      case .folder:
        row = document.source.split(separator: "/").dropLast().joined(separator: "/")
      case .year: row = document.year.map(String.init) ?? Self.unknownYear
      }
      if let column = Self.columnID(code: code, polarity: record.polarity, hedged: record.hedged) {
        Self.increment(&matrix[row, default: []], column, codeNames.count * Self.columnsPerCode)
        documentCounts[column, default: 0] += 1
      }
      sentenceCodes[SentenceKey(block: record.block, sentence: record.sentence), default: []]
        .insert(code)
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
      let index: Int
      if let last = lastPartnership, last.name == name {
        index = last.index
      } else if let known = partnershipIndex[name] {
        index = known
      } else {
        index = partnerships.count
        partnershipIndex[name] = index
        partnerships.append(PartnershipSummary(name: name))
      }
      lastPartnership = (name, index)
      partnerships[index].add(record, document: document, rule: rule)
    }
    documentRows.append(
      prefix: CSV.line([document.source, document.docID, document.year.map(String.init) ?? ""])
        .dropLast(2),
      pairs: documentCounts.map { (UInt32($0.key), UInt32($0.value)) })
    for codes in sentenceCodes.values where codes.count > 1 {
      let sorted = codes.sorted { codeNames[$0].utf8.lexicographicallyPrecedes(codeNames[$1].utf8) }
      for (index, first) in sorted.enumerated() {
        for second in sorted[(index + 1)...] {
          cooccurrence[UInt64(first) << 32 | UInt64(second), default: 0] += 1
        }
      }
    }
  }

  /// The columns, in a stable order: each code (sorted) with each polarity, then, when hedged
  /// mentions are counted, the hedged columns in the same order.
  var columns: [String] {
    let sorted = codeNames.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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
  public func count(row: String, column: String) -> Int {
    guard let counts = matrix[row], let id = columnIDs[column], id < counts.count else { return 0 }
    return counts[id]
  }

  /// Each column's number, by name.
  private var columnIDs: [String: Int] {
    var ids: [String: Int] = [:]
    for id in 0..<(codeNames.count * Self.columnsPerCode) { ids[columnName(id)] = id }
    return ids
  }

  /// Each partnership's summary, by name.
  func summaries() -> [PartnershipSummary] {
    partnerships.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
  }

  /// Each partnership's overall verdict, by name.
  public var verdicts: [String: String] {
    Dictionary(
      partnerships.map { ($0.name, $0.overall.verdict(rule).verdict) },
      uniquingKeysWith: { first, _ in first })
  }

  /// Each partnership's verdict per year of publication, by name.
  public var yearlyVerdicts: [String: [(year: Int, verdict: String)]] {
    Dictionary(
      partnerships.map { summary in
        (
          summary.name,
          summary.years.keys.sorted().compactMap { year in
            summary.years[year].map { (year, $0.verdict(rule).verdict) }
          }
        )
      }, uniquingKeysWith: { first, _ in first })
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
    let ids = columnIDs
    let columnNumbers = columns.map { ids[$0] ?? -1 }
    try AtomicFile.write(to: folder + "/matrix.csv") { emit in
      _ = emit(CSV.line([rowHeader] + columns))
      for row in rowNames {
        let counts = matrix[row] ?? []
        let cells = columnNumbers.map { $0 >= 0 && $0 < counts.count ? counts[$0] : 0 }
        if !emit(CSV.countsLine(Array(CSV.field(row).utf8), cells)) { return }
      }
    }
    if let failure = documentRows.failure {
      throw OutputError(path: folder + "/documents.csv", reason: failure)
    }
    try AtomicFile.write(to: folder + "/documents.csv") { emit throws(OutputError) in
      _ = emit(CSV.line(["source", "doc_id", "year"] + columns))
      // Where each column number lands in the sorted columns.
      let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
      let slots = (0..<(codeNames.count * Self.columnsPerCode)).map { position[columnName($0)] }
      var failed = false
      documentRows.forEachRow { prefix, pairs in
        guard !failed else { return }
        var counts = [Int](repeating: 0, count: columns.count)
        for (id, count) in pairs {
          if let slot = slots[Int(id)] { counts[slot] = Int(count) }
        }
        if !emit(CSV.countsLine(prefix, counts)) { failed = true }
      }
      if let failure = documentRows.failure {
        throw OutputError(path: folder + "/documents.csv", reason: failure)
      }
    }
    try AtomicFile.write(to: folder + "/cooccurrence.csv") { emit in
      _ = emit(CSV.line(["code_a", "code_b", "sentences"]))
      let pairs = cooccurrence.map { key, count in
        (first: codeNames[Int(key >> 32)], second: codeNames[Int(key & 0xFFFF_FFFF)], count: count)
      }.sorted { left, right in
        left.count != right.count
          ? left.count > right.count
          : "\(left.first),\(left.second)".utf8.lexicographicallyPrecedes(
            "\(right.first),\(right.second)".utf8)
      }
      for pair in pairs {
        if !emit(CSV.line([pair.first, pair.second, String(pair.count)])) { return }
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

/// Rows of counts written to an anonymous temporary file (removed by the system when closed or
/// when the process ends) and read back in order, so that a table with one row per document
/// costs no memory per document. A row is its fixed text and (column number, count) pairs.
final class RowSpill {
  private var file: UnsafeMutablePointer<FILE>?
  private var buffer: [UInt8] = []
  /// Why the file could not be made, written or read back, if it could not.
  private(set) var failure: String?
  /// Rows appended, to check that as many are read back.
  private var rowCount = 0

  init() {}

  deinit { if let file { fclose(file) } }

  func append(prefix: some Collection<UInt8>, pairs: [(UInt32, UInt32)]) {
    guard failure == nil else { return }
    if file == nil {
      file = tmpfile()
      if file == nil {
        failure = "cannot make a temporary file (\(String(cString: strerror(errno))))"
        return
      }
    }
    buffer.removeAll(keepingCapacity: true)
    func put(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }
    put(UInt32(prefix.count))
    buffer.append(contentsOf: prefix)
    put(UInt32(pairs.count))
    for (id, count) in pairs {
      put(id)
      put(count)
    }
    if fwrite(buffer, 1, buffer.count, file) != buffer.count {
      failure = "cannot write a temporary file (\(String(cString: strerror(errno))))"
    }
    rowCount += 1
  }

  /// Calls `body` with each row, in the order appended.
  func forEachRow(_ body: ([UInt8], [(UInt32, UInt32)]) -> Void) {
    guard let file, failure == nil else { return }
    if fflush(file) != 0 || ferror(file) != 0 {
      failure = "cannot write a temporary file (\(String(cString: strerror(errno))))"
      return
    }
    rewind(file)
    func read(_ count: Int) -> [UInt8]? {
      var bytes = [UInt8](repeating: 0, count: count)
      return fread(&bytes, 1, count, file) == count ? bytes : nil
    }
    func number() -> UInt32? {
      guard let bytes = read(4) else { return nil }
      return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }
    var rowsRead = 0
    while rowsRead < rowCount {
      guard let length = number() else {
        failure = "a temporary file was cut short"
        return
      }
      guard let prefix = read(Int(length)), let count = number() else {
        failure = "a temporary file was cut short"
        return
      }
      var pairs: [(UInt32, UInt32)] = []
      pairs.reserveCapacity(Int(count))
      for _ in 0..<count {
        guard let id = number(), let value = number() else {
          failure = "a temporary file was cut short"
          return
        }
        pairs.append((id, value))
      }
      body(prefix, pairs)
      rowsRead += 1
    }
    fseek(file, 0, SEEK_END)
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

  /// A line of fields already written (`prefix`, no trailing comma) followed by counts: the
  /// tables' rows, thousands of cells each, made without a string per cell.
  static func countsLine(_ prefix: [UInt8], _ counts: [Int]) -> [UInt8] {
    var line = prefix
    line.reserveCapacity(prefix.count + counts.count * 2 + 2)
    for count in counts {
      line.append(UInt8(ascii: ","))
      if count == 0 {
        line.append(UInt8(ascii: "0"))
      } else {
        line.append(contentsOf: String(count).utf8)
      }
    }
    line.append(contentsOf: [0x0D, 0x0A])
    return line
  }
}
