/// Prose wrapped by hand with `<br>`: each line a block of its own would cut sentences in two
/// ("The Millbeck Community Partnership (MCP) is the Local Strategic" / "Partnership for
/// Millbeck."). Old table layouts and text pasted with soft line breaks are written so.
///
/// A run of lines broken by `<br>` (in a paragraph, a cell or an item) is read as wrapped prose
/// the way a plain-text file is: its lines run close to one width, and some go on in lower
/// case. In such a run a line near the width that does not end its sentence goes on into the
/// next. Addresses, menus and lists of names are short or uneven lines and stay apart.
enum HTMLLineBreaks {
  /// The fewest lines a run needs before its widths say anything.
  static let shortestRun = 3

  /// The blocks with each run of hand-wrapped lines joined.
  static func joiningWrappedLines(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
    guard blocks.contains(where: \.endsAtBreak) else { return blocks }
    var joined: [HTMLBlock] = []
    joined.reserveCapacity(blocks.count)
    var index = 0
    while index < blocks.count {
      guard blocks[index].endsAtBreak else {
        joined.append(blocks[index])
        index += 1
        continue
      }
      // The run goes on while a <br> ends each block, and takes the block after the last one.
      var end = index + 1
      while end < blocks.count, blocks[end].kind == blocks[index].kind,
        blocks[end].line - blocks[end - 1].line <= 1
      {
        end += 1
        if !blocks[end - 1].endsAtBreak { break }
      }
      joined += join(blocks[index..<end])
      index = end
    }
    return joined
  }

  private static func join(_ run: ArraySlice<HTMLBlock>) -> [HTMLBlock] {
    guard run.count >= shortestRun else { return Array(run) }
    let lengths = run.map(\.text.count).sorted()
    let width = lengths[min(lengths.count - 1, (lengths.count * 9) / 10)]
    let near = lengths.filter { Double($0) >= Double(width) * 0.75 && $0 <= width + 5 }.count
    let lowerStarts = run.dropFirst().filter { $0.text.first?.isLowercase == true }.count
    guard width >= 40, width <= 200, near * 3 >= run.count, lowerStarts * 4 >= run.count - 1
    else { return Array(run) }
    var joined: [HTMLBlock] = []
    var current: HTMLBlock?
    for block in run {
      if var open = current {
        // A word broken at its hyphen ("co-" over "operation") is joined with its hyphen.
        let broken =
          open.text.hasSuffix("-") && open.text.dropLast().last?.isLetter == true
          && block.text.first?.isLowercase == true
        open.text += (broken ? "" : " ") + block.text
        if open.kind == .line { open.kind = .paragraph }
        current = open
      } else {
        current = block
      }
      // A line near the width that has not ended its sentence goes on.
      if let open = current,
        !(Double(block.text.count) >= Double(width) * 0.6
          && !endsSentence(block.text))
      {
        joined.append(open)
        current = nil
      }
    }
    if let open = current { joined.append(open) }
    return joined
  }

  /// Whether a line ends a sentence or introduces what follows (closing quotes and brackets
  /// aside).
  private static func endsSentence(_ text: String) -> Bool {
    let trimmed = text.reversed().drop { "\"'\u{201D}\u{2019})]".contains($0) || $0 == " " }
    guard let last = trimmed.first else { return true }
    return ".!?:;".contains(last)
  }
}
