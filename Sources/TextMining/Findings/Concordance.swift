import Foundation

/// A concordance (keyword in context) of an output's evidence: each mention of the codes asked
/// for, with the text before and after it, read from the document's extracted text
/// (`text/<doc_id>.txt`, which records' offsets point into), or, in an output without texts
/// (the Spark job's), from the record's sentence.
public struct Concordance {
  /// One line of the concordance.
  public struct Line: Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var code: String
    public var polarity: String
    public var hedged: Bool
    public var partnership: String?
    /// The text before the match, white space folded to single spaces, at most `width` characters.
    public var left: String
    public var match: String
    public var right: String
    /// A reader's comment under a web page's story (`reader_comment`), not the page's own text.
    public var isReaderComment = false
  }

  /// Which mentions to show: codes or categories, and the filters.
  public struct Filter: Sendable {
    /// Codes (`success_factor.trust`) or whole categories (`governance`).
    public var codes: [String]
    public var partnership: String?
    public var polarity: String?
    public var hedged: Bool?
    public var year: Int?
    public var source: GlobPattern?

    public init(
      codes: [String], partnership: String? = nil, polarity: String? = nil, hedged: Bool? = nil,
      year: Int? = nil, source: GlobPattern? = nil
    ) {
      self.codes = codes
      self.partnership = partnership
      self.polarity = polarity
      self.hedged = hedged
      self.year = year
      self.source = source
    }

    func accepts(_ record: OutputReader.Record) -> Bool {
      (codes.contains(record.code) || codes.contains(record.category))
        && (partnership == nil || record.partnership == partnership)
        && (polarity == nil || record.polarity == polarity)
        && (hedged == nil || record.hedged == hedged)
    }

    func accepts(_ document: OutputReader.Document) -> Bool {
      (year == nil || document.year == year) && (source?.matches(document.source) ?? true)
    }
  }

  /// Calls `body` with each line, in source and text order.
  public static func lines(
    in reader: inout OutputReader, filter: Filter, width: Int, _ body: (Line) -> Void
  ) throws {
    let folder = reader.folder
    try reader.forEachDocument { document, records in
      guard filter.accepts(document) else { return }
      let wanted = records.filter(filter.accepts)
      guard !wanted.isEmpty else { return }
      func line(_ record: OutputReader.Record, in text: [Unicode.Scalar], _ span: Range<Int>)
        -> Line
      {
        Line(
          source: document.source, line: record.line, code: record.code,
          polarity: record.polarity, hedged: record.hedged, partnership: record.partnership,
          left: String(
            folded(text[max(0, span.lowerBound - width * 2)..<span.lowerBound]).suffix(width)),
          match: folded(text[span]),
          right: String(
            folded(text[span.upperBound..<min(text.count, span.upperBound + width * 2)]).prefix(
              width)), isReaderComment: record.isReaderComment)
      }
      guard let data = FileManager.default.contents(atPath: folder + "/text/\(document.docID).txt")
      else {
        // An output without texts (the Spark job's): the context is the record's sentence,
        // around the first place the match stands in it.
        for record in wanted {
          let sentence = Array(record.sentence.unicodeScalars)
          let match = Array(record.match.unicodeScalars)
          let start =
            match.isEmpty || match.count > sentence.count
            ? 0
            : (0...(sentence.count - match.count)).first {
              sentence[$0..<($0 + match.count)].elementsEqual(match)
            } ?? 0
          body(line(record, in: sentence, start..<min(sentence.count, start + match.count)))
        }
        return
      }
      let text = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
      for record in wanted {
        let start = min(max(0, record.charStart), text.count)
        body(line(record, in: text, start..<min(max(start, record.charEnd), text.count)))
      }
    }
  }

  /// Text with every run of white space (line breaks included) as one space.
  static func folded(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var result = String.UnicodeScalarView()
    var lastWasSpace = false
    for scalar in scalars {
      if scalar.properties.isWhitespace {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
      } else {
        result.append(scalar)
        lastWasSpace = false
      }
    }
    return String(result)
  }

  /// The line aligned on its match: the left context right-aligned in `width` columns, the
  /// match (between `highlight` codes, or two spaces when there are none), the right context,
  /// then `source:line` (and "reader's comment" for one).
  public static func format(_ line: Line, width: Int, highlight: (String, String)?) -> String {
    let pad = String(repeating: " ", count: max(0, width - line.left.count))
    let (open, close) = highlight ?? ("  ", "  ")
    let right = line.right + String(repeating: " ", count: max(0, width - line.right.count))
    let location = line.line.map { "\(line.source):\($0)" } ?? line.source
    return pad + line.left + open + line.match + close + right + "  " + location
      + (line.isReaderComment ? " (reader's comment)" : "")
  }

  /// The line as a JSON object (one JSON Lines record).
  public static func json(_ line: Line) -> String {
    var object = JSONObjectWriter()
    object.write("source", line.source)
    object.write("line", line.line)
    object.write("code", line.code)
    object.write("polarity", line.polarity)
    object.write("hedged", line.hedged)
    object.write("partnership", line.partnership)
    object.write("left", line.left)
    object.write("match", line.match)
    object.write("right", line.right)
    if line.isReaderComment { object.write("reader_comment", true) }
    return object.line
  }
}
