/// A table laid out in columns of plain text, as a PDF converter or a typist leaves it, read
/// cell by cell: a cell that wraps onto the lines below is one unit.
///
///     Ref  Risk                         L  I  Mitigation                   Owner
///     ---  ---------------------------  -  -  ---------------------------  ----------
///     R1   Recession increases          4  4  Refocus WNF on rapid         EWP Chair
///          worklessness faster than           response to redundancies
///
/// gives the cells "Ref", "Risk", ... then "R1", "Recession increases worklessness faster
/// than", "4", "4", "Refocus WNF on rapid response to redundancies", "EWP Chair".
///
/// Columns are the runs of character positions that hold text on some line of the table, split
/// at positions that are blank on every line. A line whose first column is blank goes on the row
/// above; a header over two lines ("Target" over "2010/11") is one row the same way.
struct TextTable {
  /// The indices of the table's lines in the document's lines (rules included).
  var lines: [Int]
  /// The rows, top to bottom, each its non-empty cells left to right, white space collapsed.
  var rows: [[String]]
  /// For each row, the index of its first line in the document's lines.
  var rowLines: [Int]

  /// The tables among a document's lines. A table is a run of non-blank lines, not page
  /// furniture, of which at least two hold three or more cells set apart by gaps of two
  /// spaces or more, and where every line is such a row, a rule ("---  ----"), or a line that
  /// starts blank in the first column and so goes on the row above.
  static func tables(in lines: [PlainTextExtractor.Line], skipping furniture: Set<Int>) -> [TextTable] {
    var tables: [TextTable] = []
    var index = 0
    while index < lines.count {
      guard !furniture.contains(index), startsTable(at: index, in: lines, skipping: furniture) else {
        index += 1
        continue
      }
      // Grow the run: rows, rules and continuations, past page furniture, to a blank line.
      var members = [index]
      var next = index + 1
      var afterFurniture = false
      while next < lines.count {
        if furniture.contains(next) {
          afterFurniture = true
          next += 1
          continue
        }
        if lines[next].length == 0 {
          // A blank line ends the table, unless a page break is beside it.
          var ahead = next
          while ahead < lines.count, lines[ahead].length == 0, !furniture.contains(ahead) { ahead += 1 }
          guard ahead < lines.count, furniture.contains(ahead) || afterFurniture else { break }
          next = ahead
          continue
        }
        afterFurniture = false
        let raw = lines[next].raw
        guard cells(of: raw).count >= 2 || PlainTextExtractor.isRule(lines[next].text) || raw.first == " " else { break }
        members.append(next)
        next += 1
      }
      if let table = read(lines: members, of: lines) { tables.append(table) }
      index = max(next, index + 1)
    }
    return tables
  }

  /// Whether a table starts at a line: it and the next line hold three or more cells, or the
  /// next two lines too hold two (a label and a figure: "Board meetings held      4").
  private static func startsTable(at index: Int, in lines: [PlainTextExtractor.Line], skipping furniture: Set<Int>) -> Bool {
    guard lines[index].length > 0, !PlainTextExtractor.isRule(lines[index].text) else { return false }
    // The line and the next two of the run that are neither rules nor page furniture.
    var run = [index]
    var position = index + 1
    while run.count < 3, position < lines.count, lines[position].length > 0 || furniture.contains(position) {
      if !furniture.contains(position), !PlainTextExtractor.isRule(lines[position].text) { run.append(position) }
      position += 1
    }
    let counts = run.map { cells(of: lines[$0].raw) }
    guard counts.count >= 2 else { return false }
    if counts[0].count >= 3 { return counts[1].count >= 2 || lines[run[1]].raw.first == " " }
    guard counts.count == 3 else { return false }
    return counts.allSatisfy { $0.count == 2 && isFigure($0[1]) }
  }

  /// A cell that is a figure: digits with their signs and separators ("1,930", "78%", "£3.6m").
  private static func isFigure(_ cell: Substring) -> Bool {
    cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || ",.%£$€-–/() ".contains($0) || $0 == "m" || $0 == "k" }
  }

  /// The pieces of a line set apart by gaps of two spaces or more. Two spaces after a full
  /// stop, as typists leave them, part no cells.
  private static func cells(of raw: Substring) -> [Substring] {
    var cells: [Substring] = []
    for piece in raw.split(separator: "  ", omittingEmptySubsequences: true).map({ $0.drop { $0 == " " } }) where !piece.isEmpty {
      if let last = cells.last, let end = last.last, ".!?;:,".contains(end) {
        cells[cells.count - 1] = raw[last.startIndex..<piece.endIndex]
      } else {
        cells.append(piece)
      }
    }
    return cells
  }

  /// Reads the cells of a run of lines by their columns.
  private static func read(lines members: [Int], of lines: [PlainTextExtractor.Line]) -> TextTable? {
    let kept = members.filter { !PlainTextExtractor.isRule(lines[$0].text) }
    let texts = kept.map { Array(lines[$0].raw) }
    guard let width = texts.map(\.count).max(), width > 0 else { return nil }
    // A position is inside a column when some line has text there.
    var used = [Bool](repeating: false, count: width)
    for text in texts {
      for (position, character) in text.enumerated() where character != " " { used[position] = true }
    }
    var columns: [Range<Int>] = []
    var start: Int?
    for position in 0...width {
      let isUsed = position < width && used[position]
      if isUsed, start == nil { start = position }
      if !isUsed, let begun = start {
        columns.append(begun..<position)
        start = nil
      }
    }
    guard columns.count >= 2 else { return nil }
    var rows: [[String]] = []
    var rowLines: [Int] = []
    for (text, member) in zip(texts, kept) {
      let pieces = columns.map { column -> String in
        guard column.lowerBound < text.count else { return "" }
        return String(text[column.lowerBound..<min(column.upperBound, text.count)]).trimmingSpaces
      }
      // A line with its first column blank goes on the row above, and so does one whose cells
      // all go on, in lower case, cells of the row above: a cell that wrapped ("tighten" under
      // "Partners withdraw as budgets").
      let goesOn =
        rows.last.map { above in
          pieces.indices.allSatisfy { column in
            pieces[column].isEmpty || (!above[column].isEmpty && pieces[column].first!.isLowercase)
          }
        } ?? false
      if pieces[0].isEmpty || goesOn, var row = rows.popLast() {
        // A line that starts blank goes on the row above, column by column.
        for (column, piece) in pieces.enumerated() where !piece.isEmpty {
          row[column] = row[column].isEmpty ? piece : row[column] + " " + piece
        }
        rows.append(row)
      } else {
        rows.append(pieces)
        rowLines.append(member)
      }
    }
    return TextTable(lines: members, rows: rows.map { $0.filter { !$0.isEmpty } }, rowLines: rowLines)
  }
}

extension String {
  /// The string without spaces at either end.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
