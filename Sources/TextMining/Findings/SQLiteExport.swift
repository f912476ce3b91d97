import Foundation
import GRDB

/// An output as one SQLite database, for analysts who would rather ask in SQL: the documents,
/// every evidence record, each partnership with its verdict, the verdicts per year with the
/// rule's steps, and the records each verdict cites; indexes on code, partnership and year, and
/// an FTS5 full-text index over the evidence sentences.
///
/// Built from the same stream `findings` reads, so it needs no more memory than `findings`
/// does; written to a temporary file beside the target and renamed into place, so a reader only
/// ever sees a whole database. `PRAGMA user_version` is the schema's version.
public enum SQLiteExport {
  /// The schema's version, in `PRAGMA user_version`.
  public static let version = 2

  /// What the database holds, table by table.
  public static let schema = """
    CREATE TABLE documents (
      doc_id TEXT PRIMARY KEY,
      source TEXT NOT NULL,
      title TEXT,
      published TEXT,
      year INTEGER,
      author TEXT,
      url TEXT,
      language TEXT,
      format TEXT,
      bytes INTEGER,
      records INTEGER NOT NULL
    );
    CREATE TABLE evidence (
      id INTEGER PRIMARY KEY,
      doc_id TEXT NOT NULL REFERENCES documents(doc_id),
      code TEXT NOT NULL,
      category TEXT NOT NULL,
      match TEXT NOT NULL,
      polarity TEXT NOT NULL,
      hedged INTEGER NOT NULL,
      partnership TEXT,
      sentence TEXT NOT NULL,
      block INTEGER NOT NULL,
      char_start INTEGER NOT NULL,
      char_end INTEGER NOT NULL,
      line INTEGER,
      year INTEGER,
      reader_comment INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE partnerships (
      partnership TEXT PRIMARY KEY,
      aliases TEXT NOT NULL,
      documents INTEGER NOT NULL,
      first_year INTEGER,
      last_year INTEGER,
      positive INTEGER NOT NULL,
      negative INTEGER NOT NULL,
      neutral INTEGER NOT NULL,
      verdict TEXT NOT NULL,
      trajectory TEXT
    );
    CREATE TABLE verdicts (
      partnership TEXT NOT NULL REFERENCES partnerships(partnership),
      year INTEGER,
      verdict TEXT NOT NULL,
      positive INTEGER NOT NULL,
      negative INTEGER NOT NULL,
      rule TEXT NOT NULL
    );
    CREATE TABLE citations (
      partnership TEXT NOT NULL REFERENCES partnerships(partnership),
      year INTEGER,
      rank INTEGER NOT NULL,
      doc_id TEXT NOT NULL REFERENCES documents(doc_id),
      source TEXT NOT NULL,
      block INTEGER NOT NULL,
      char_start INTEGER NOT NULL,
      char_end INTEGER NOT NULL,
      line INTEGER,
      code TEXT NOT NULL,
      polarity TEXT NOT NULL,
      sentence TEXT NOT NULL
    );
    """

  /// Built once the rows are in: faster than keeping them up to date row by row.
  static let indexes = """
    CREATE INDEX evidence_code ON evidence(code, polarity);
    CREATE INDEX evidence_partnership ON evidence(partnership, code);
    CREATE INDEX evidence_year ON evidence(year);
    CREATE INDEX evidence_doc ON evidence(doc_id);
    CREATE INDEX documents_year ON documents(year);
    CREATE INDEX verdicts_partnership ON verdicts(partnership, year);
    CREATE INDEX citations_partnership ON citations(partnership, year, rank);
    CREATE VIRTUAL TABLE evidence_fts USING fts5(
      sentence, content = 'evidence', content_rowid = 'id', tokenize = 'unicode61');
    INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild');
    """

  /// What was exported.
  public struct Summary: Sendable {
    public var documents = 0
    public var records = 0
    public var partnerships = 0
  }

  /// Reads the whole output through `reader` and writes the database to `path` (replacing a
  /// file there). Verdicts follow `rule`, as `findings` gives them.
  ///
  /// - Throws: `OutputError` naming `path` when the database cannot be written; the reader's
  ///   error when the output cannot be read. Nothing is left at `path` but a whole database.
  public static func write(
    to path: String, from reader: inout OutputReader, rule: VerdictRule
  ) throws -> Summary {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary =
      (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-sqlite"
    let descriptor = try AtomicFile.createTemporary(temporary, reportingAs: path)
    close(descriptor)
    defer { TemporaryFiles.shared.remove(temporary) }
    var summary = Summary()
    do {
      var configuration = Configuration()
      configuration.prepareDatabase { db in
        // A fresh file renamed into place when whole: no journal is needed.
        try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
      }
      let queue = try DatabaseQueue(path: temporary, configuration: configuration)
      try queue.write { db in
        try db.execute(sql: schema)
        summary = try fill(db, from: &reader, rule: rule)
        try db.execute(sql: indexes)
        try db.execute(sql: "PRAGMA user_version = \(version)")
      }
      try queue.close()
    } catch let error as OutputReader.ReadError {
      unlink(temporary)
      throw error
    } catch {
      unlink(temporary)
      throw OutputError(path: path, reason: "\(error)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw OutputError(path: path, reason: reason)
    }
    return summary
  }

  private static func fill(
    _ db: Database, from reader: inout OutputReader, rule: VerdictRule
  ) throws -> Summary {
    let insertDocument = try db.makeStatement(
      sql: """
        INSERT INTO documents (doc_id, source, title, published, year, author, url, language,
          format, bytes, records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertRecord = try db.makeStatement(
      sql: """
        INSERT INTO evidence (doc_id, code, category, match, polarity, hedged, partnership,
          sentence, block, char_start, char_end, line, year, reader_comment)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    var findings = Findings(rule: rule)
    var summary = Summary()
    var seen: Set<String> = []
    try reader.forEachDocument { document, records in
      // A doc_id listed twice (a hand-merged output) is exported once.
      guard seen.insert(document.docID).inserted else { return }
      summary.documents += 1
      try insertDocument.execute(arguments: [
        document.docID, document.source, document.title, document.published, document.year,
        document.author, document.url, document.language, document.format, document.bytes,
        records.count,
      ])
      for record in records {
        summary.records += 1
        try insertRecord.execute(arguments: [
          document.docID, record.code, record.category, record.match, record.polarity,
          record.hedged, record.partnership, record.sentence, record.block, record.charStart,
          record.charEnd, record.line, document.year, record.isReaderComment,
        ])
      }
      findings.add(document, records)
    }
    let insertPartnership = try db.makeStatement(
      sql: """
        INSERT INTO partnerships (partnership, aliases, documents, first_year, last_year,
          positive, negative, neutral, verdict, trajectory) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let insertVerdict = try db.makeStatement(
      sql: """
        INSERT INTO verdicts (partnership, year, verdict, positive, negative, rule)
          VALUES (?, ?, ?, ?, ?, ?)
        """)
    let insertCitation = try db.makeStatement(
      sql: """
        INSERT INTO citations (partnership, year, rank, doc_id, source, block, char_start,
          char_end, line, code, polarity, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for partnership in findings.summaries() {
      summary.partnerships += 1
      let total = { (polarity: String) in
        partnership.counts.values.reduce(0) { $0 + ($1[polarity] ?? 0) }
      }
      let overall = partnership.overall.verdict(rule)
      try insertPartnership.execute(arguments: [
        partnership.name,
        JSONObjectWriter.array(
          strings: partnership.aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }),
        partnership.documents, partnership.firstYear, partnership.lastYear, total("positive"),
        total("negative"), total("neutral"), overall.verdict, partnership.trajectory(rule),
      ])
      let tallies: [(Int?, VerdictTally)] =
        [(nil, partnership.overall)]
        + partnership.years.keys.sorted().compactMap { year in
          partnership.years[year].map { (year, $0) }
        }
      for (year, tally) in tallies {
        let (verdict, trail, cited) = tally.verdict(rule)
        try insertVerdict.execute(arguments: [
          partnership.name, year, verdict, tally.positiveFindings, tally.negativeFindings,
          trail.joined(separator: "\n"),
        ])
        for (rank, record) in cited.enumerated() {
          try insertCitation.execute(arguments: [
            partnership.name, year, rank + 1, record.docID, record.source, record.block,
            record.charStart, record.charEnd, record.line, record.code, record.polarity,
            record.sentence,
          ])
        }
      }
    }
    return summary
  }
}
