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
  static func tables(
    in lines: [PlainTextExtractor.Line], skipping furniture: Set<Int>, words: HyphenatedWords
  ) -> [TextTable] {
    var tables: [TextTable] = []
    var index = 0
    while index < lines.count {
      guard !furniture.contains(index), startsTable(at: index, in: lines, skipping: furniture)
      else {
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
          while ahead < lines.count, lines[ahead].length == 0, !furniture.contains(ahead) {
            ahead += 1
          }
          guard ahead < lines.count, furniture.contains(ahead) || afterFurniture else { break }
          next = ahead
          continue
        }
        // A box drawn with bars is read row by row by its bars, not by columns.
        if isBoxed(lines[next].text) { break }
        let raw = lines[next].raw
        let rowCells = cells(of: raw)
        // A line of one cell that goes on in lower case is the row above wrapping, its text run
        // up to the next column ("key benefits, NRF neighbourhoods (2002)" under "Working-age
        // residents claiming").
        let wraps = rowCells.count == 1 && rowCells[0].first?.isLowercase == true
        guard
          rowCells.count >= 2 || PlainTextExtractor.isRule(lines[next].text)
            || raw.first == " " || wraps
        else { break }
        // Past a page break the table goes on only with a row of its own kind: a contents
        // list of titles and page numbers does not take in the next page's "1  Summary" and
        // its numbered paragraphs.
        if afterFurniture, raw.first != " ", !PlainTextExtractor.isRule(lines[next].text) {
          // A table whose rows all end in a figure (a contents list's page numbers) goes on
          // only with another such row.
          let figureRows = members.allSatisfy { member in
            let memberRaw = lines[member].raw
            if memberRaw.first == " " || PlainTextExtractor.isRule(lines[member].text) {
              return true
            }
            return cells(of: memberRaw).last.map(isFigure) ?? false
          }
          if figureRows, !(rowCells.last.map(isFigure) ?? false) { break }
        }
        afterFurniture = false
        members.append(next)
        next += 1
      }
      if let table = read(lines: members, of: lines, words: words) { tables.append(table) }
      index = max(next, index + 1)
    }
    return tables
  }

  /// Whether a table starts at a line: it and the next line hold three or more cells, or the
  /// next two lines too hold two (a label and a figure: "Board meetings held      4").
  private static func startsTable(
    at index: Int, in lines: [PlainTextExtractor.Line], skipping furniture: Set<Int>
  ) -> Bool {
    guard lines[index].length > 0, !PlainTextExtractor.isRule(lines[index].text),
      !isBoxed(lines[index].text)
    else {
      return false
    }
    // The line and the next two of the run that are neither rules nor page furniture.
    var run = [index]
    var position = index + 1
    while run.count < 3, position < lines.count,
      lines[position].length > 0 || furniture.contains(position)
    {
      if !furniture.contains(position), !PlainTextExtractor.isRule(lines[position].text) {
        run.append(position)
      }
      position += 1
    }
    let counts = run.map { cells(of: lines[$0].raw) }
    guard counts.count >= 2 else { return false }
    if counts[0].count >= 3 { return counts[1].count >= 2 || lines[run[1]].raw.first == " " }
    guard counts.count == 3 else { return false }
    return counts.allSatisfy { $0.count == 2 && isFigure($0[1]) }
  }

  /// A row of a box drawn with bars ("| Area   |  2006  |"), whose cells the bars set apart.
  static func isBoxed(_ text: Substring) -> Bool {
    text.first == "|" && text.dropFirst().contains("|")
  }

  /// Numbering of an item: "A", "iv", "R1", "3", "4.1", with or without a full stop.
  static func isNumbering(_ cell: String) -> Bool {
    let text = cell.hasSuffix(".") ? String(cell.dropLast()) : cell
    guard !text.isEmpty, text.count <= 8 else { return false }
    if text.count == 1, text.first?.isLetter == true { return true }
    if let first = text.first, first.isUppercase, text.count <= 4,
      text.dropFirst().allSatisfy(\.isNumber), text.count > 1
    {
      return true
    }
    if text.allSatisfy({ $0.isNumber || $0 == "." }), text.first?.isNumber == true {
      return text.split(separator: ".").allSatisfy { $0.count <= 3 }
    }
    return text.count <= 4
      && (text.allSatisfy { "ivxl".contains($0) } || text.allSatisfy { "IVXL".contains($0) })
  }

  /// A cell that is a figure: digits with their signs and separators ("1,930", "78%", "£3.6m").
  private static func isFigure(_ cell: Substring) -> Bool {
    cell.contains(where: \.isNumber)
      && cell.allSatisfy { $0.isNumber || ",.%£$€-–/() ".contains($0) || $0 == "m" || $0 == "k" }
  }

  /// The pieces of a line set apart by gaps of two spaces or more. Two spaces after a full
  /// stop, as typists leave them, part no cells.
  private static func cells(of raw: Substring) -> [Substring] {
    placedCells(of: raw).map(\.text)
  }

  /// The cells of a line with the column (in characters) where each starts.
  private static func placedCells(of raw: Substring) -> [(start: Int, text: Substring)] {
    var cells: [(start: Int, text: Substring)] = []
    // Most lines have no gap at all: one cell, found without walking the characters.
    var previous: UInt8 = 0
    var hasGap = false
    for byte in raw.utf8 {
      if byte == 0x09 || (byte == 0x20 && previous == 0x20) {
        hasGap = true
        break
      }
      previous = byte
    }
    if !hasGap {
      let leading = raw.utf8.prefix { $0 == 0x20 }.count
      var text = raw.dropFirst(leading)
      while text.last == " " { text = text.dropLast() }
      return text.isEmpty ? [] : [(leading, text)]
    }
    var position = 0
    var index = raw.startIndex
    var gap = 0
    while index < raw.endIndex {
      if raw[index] == " " || raw[index] == "\t" {
        gap += raw[index] == "\t" ? 2 : 1
        raw.formIndex(after: &index)
        position += 1
        continue
      }
      var end = index
      var endPosition = position
      // A cell runs to a gap of two spaces or more.
      while end < raw.endIndex {
        let next = raw.index(after: end)
        if raw[end] == "\t"
          || (raw[end] == " " && (next == raw.endIndex || raw[next] == " " || raw[next] == "\t"))
        {
          break
        }
        end = next
        endPosition += 1
      }
      let piece = raw[index..<end]
      if let last = cells.last, gap == 2, let mark = last.text.last, ".!?;:,".contains(mark) {
        cells[cells.count - 1].text = raw[last.text.startIndex..<end]
      } else {
        cells.append((position, piece))
      }
      gap = 0
      index = end
      position = endPosition
    }
    return cells
  }

  /// A cell cut where a column starts, when what starts exactly there after a single space is a
  /// figure: text that ran up to the next column ("neighbourhoods (2002)", with "(2002)" under
  /// "Baseline"). Words are never cut off (the columns of two tables read as one may not line
  /// up), nor is a cell that only crosses a column start mid-word.
  private static func split(_ cell: (start: Int, text: Substring), at anchors: [Int]) -> [(
    start: Int, text: Substring
  )] {
    let end = cell.start + cell.text.count
    guard let anchor = anchors.first(where: { $0 > cell.start + 2 && $0 < end }) else {
      return [cell]
    }
    let offset = anchor - cell.start
    let cut = cell.text.index(cell.text.startIndex, offsetBy: offset)
    guard cell.text[cell.text.index(before: cut)] == " ", cell.text[cut] != " ",
      isFigure(cell.text[cut...])
    else { return [cell] }
    let head = cell.text[..<cell.text.index(before: cut)]
    return [(cell.start, head)] + split((anchor, cell.text[cut...]), at: anchors)
  }

  /// Reads the cells of a run of lines by their columns. The columns start where the cells of
  /// the fullest lines start, give or take two characters (typists misalign by one or two);
  /// every cell goes to the last column that starts at or before it.
  private static func read(
    lines members: [Int], of lines: [PlainTextExtractor.Line], words: HyphenatedWords
  ) -> TextTable? {
    let kept = members.filter { !PlainTextExtractor.isRule(lines[$0].text) }
    let placed = kept.map { placedCells(of: lines[$0].raw) }
    guard let most = placed.map(\.count).max(), most >= 2 else { return nil }
    var anchors: [Int] = []
    for start in placed.filter({ $0.count == most }).flatMap({ $0.map(\.start) }).sorted() {
      if let last = anchors.last, start - last <= 2 { continue }
      anchors.append(start)
    }
    // A list of contents ("3  Leadership and governance      2") is no table: its lines, page
    // numbers that never go down, are units whole.
    let lastCells = placed.compactMap { $0.last.flatMap { Int($0.text) } }
    if placed.count >= 3, lastCells.count == placed.count, lastCells.allSatisfy({ $0 < 1000 }),
      lastCells == lastCells.sorted()
    {
      return nil
    }
    var grid: [[String]] = placed.map { cells in
      var pieces = [String](repeating: "", count: anchors.count)
      for cell in cells.flatMap({ split($0, at: anchors) }) {
        let column = anchors.lastIndex { $0 <= cell.start + 2 } ?? 0
        pieces[column] =
          pieces[column].isEmpty ? String(cell.text) : pieces[column] + " " + cell.text
      }
      return pieces
    }
    // Numbering set apart from its item ("A  Strategic leadership") under a heading that spans
    // both ("Framework area") is part of the item, as numbering is in a paragraph.
    if grid.count >= 2 {
      for column in stride(from: anchors.count - 1, to: 0, by: -1)
      where grid[0][column].isEmpty && !grid[0][column - 1].isEmpty
        && grid.dropFirst().allSatisfy({
          $0[column - 1].isEmpty || Self.isNumbering($0[column - 1])
        })
        && grid.dropFirst().contains(where: { !$0[column - 1].isEmpty })
      {
        for row in grid.indices {
          let joined = [grid[row][column - 1], grid[row][column]].filter { !$0.isEmpty }.joined(
            separator: " ")
          grid[row][column - 1] = joined
          grid[row].remove(at: column)
        }
      }
    }
    var rows: [[String]] = []
    var rowLines: [Int] = []
    for (pieces, member) in zip(grid, kept) {
      // A line with its first column blank goes on the row above, and so does one whose cells
      // all go on, in lower case, cells of the row above: a cell that wrapped ("tighten" under
      // "Partners withdraw as budgets").
      // So does a line whose first cell goes on in lower case ("neighbourhoods" under "Safer"),
      // or that fills a cell the row above left open on a comma ("Insp. Gareth Lomas,").
      let goesOn =
        rows.last.map { above in
          let allLowerCase = pieces.indices.allSatisfy { column in
            pieces[column].isEmpty
              || (!above[column].isEmpty && pieces[column].first?.isLowercase == true)
          }
          let firstGoesOn = !above[0].isEmpty && pieces[0].first?.isLowercase == true
          let leftOpen = pieces.indices.contains { column in
            !pieces[column].isEmpty && above[column].last.map { ",-&(".contains($0) } == true
          }
          return allLowerCase || firstGoesOn || leftOpen
        } ?? false
      if pieces[0].isEmpty || goesOn, var row = rows.popLast() {
        // A word hyphenated at the cell's edge ("Likeli-" over "hood") joins as in a paragraph.
        for (column, piece) in pieces.enumerated() where !piece.isEmpty {
          if row[column].isEmpty {
            row[column] = piece
            continue
          }
          switch words.joining(row[column], piece[...]) {
          case .withoutHyphen: row[column] = row[column].dropLast() + piece
          case .withHyphen: row[column] += piece
          case .notHyphenated: row[column] += " " + piece
          }
        }
        rows.append(row)
      } else {
        rows.append(pieces)
        rowLines.append(member)
      }
    }
    return TextTable(
      lines: members, rows: rows.map { $0.filter { !$0.isEmpty } }, rowLines: rowLines)
  }
}

extension String {
  /// The string without spaces at either end.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
