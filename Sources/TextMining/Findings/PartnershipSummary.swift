/// What the evidence says of one partnership: the names it was found under, its documents, its
/// counts by category and polarity, its years, and the tallies its verdicts come from.
struct PartnershipSummary {
  let name: String
  private(set) var aliases: Set<String> = []
  private(set) var documents = 0
  private var lastDocID = ""
  private(set) var counts: [String: [String: Int]] = [:]
  private(set) var firstYear: Int?
  private(set) var lastYear: Int?
  private(set) var overall = VerdictTally()
  private(set) var years: [Int: VerdictTally] = [:]

  init(name: String) { self.name = name }

  mutating func add(
    _ record: OutputReader.Record, document: OutputReader.Document, rule: VerdictRule
  ) {
    if document.docID != lastDocID {
      lastDocID = document.docID
      documents += 1
      if let year = document.year {
        firstYear = min(firstYear ?? year, year)
        lastYear = max(lastYear ?? year, year)
      }
    }
    if record.code == "partnership.named", record.match != name { aliases.insert(record.match) }
    counts[record.category, default: [:]][record.polarity, default: 0] += 1
    guard !record.hedged, record.polarity != "neutral",
      VerdictRule.categories.contains(record.category)
    else { return }
    let cited = VerdictTally.Cited(
      source: document.source, docID: document.docID, block: record.block,
      charStart: record.charStart, charEnd: record.charEnd, line: record.line, code: record.code,
      polarity: record.polarity, sentence: record.sentence)
    let isCircle = record.category == "circle"
    overall.add(cited, isCircle: isCircle, rule: rule)
    if let year = document.year {
      years[year, default: VerdictTally()].add(cited, isCircle: isCircle, rule: rule)
    }
  }

  /// The trajectory over the years with a verdict other than insufficient evidence: "broke
  /// out" when a vicious year is followed, later, by a virtuous one and the last is virtuous;
  /// "fell in" the other way round; "steady" otherwise; nil with fewer than two such years.
  func trajectory(_ rule: VerdictRule) -> String? {
    let verdicts = years.keys.sorted().compactMap { years[$0]?.verdict(rule).verdict }.filter {
      $0 != "insufficient evidence"
    }
    guard verdicts.count >= 2, let last = verdicts.last else { return nil }
    if last == "virtuous", verdicts.dropLast().contains("vicious") { return "broke out" }
    if last == "vicious", verdicts.dropLast().contains("virtuous") { return "fell in" }
    return "steady"
  }

  private static func citedObjects(_ cited: [VerdictTally.Cited]) -> [UInt8] {
    JSONObjectWriter.array(
      cited.map { record in
        var object = JSONObjectWriter()
        object.write("doc_id", record.docID)
        object.write("source", record.source)
        object.write("block", record.block)
        object.write("char_start", record.charStart)
        object.write("char_end", record.charEnd)
        object.write("line", record.line)
        object.write("code", record.code)
        object.write("polarity", record.polarity)
        object.write("sentence", record.sentence)
        return object
      })
  }

  /// The partnership's line of `partnerships.jsonl`.
  func lineBytes(_ rule: VerdictRule) -> [UInt8] {
    var object = JSONObjectWriter()
    object.write("schema", "lspminer.partnership/1")
    object.write("partnership", name)
    object.write(
      "aliases", strings: aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    object.write("documents", documents)
    object.write("first_year", firstYear)
    object.write("last_year", lastYear)
    var countsObject = JSONObjectWriter()
    for category in counts.keys.sorted() {
      var polarities = JSONObjectWriter()
      for polarity in Findings.polarities {
        polarities.write(polarity, counts[category]?[polarity] ?? 0)
      }
      countsObject.write(category, object: polarities)
    }
    object.write("counts", object: countsObject)
    let (verdict, trail, cited) = overall.verdict(rule)
    object.write("verdict", verdict)
    object.write("rule", strings: trail)
    object.write("cited", json: Self.citedObjects(cited))
    object.write("trajectory", trajectory(rule))
    let yearObjects = years.keys.sorted().compactMap { year -> JSONObjectWriter? in
      guard let tally = years[year] else { return nil }
      let (verdict, trail, cited) = tally.verdict(rule)
      var yearObject = JSONObjectWriter()
      yearObject.write("year", year)
      yearObject.write("verdict", verdict)
      yearObject.write("positive", tally.positiveFindings)
      yearObject.write("negative", tally.negativeFindings)
      yearObject.write("rule", strings: trail)
      yearObject.write("cited", json: Self.citedObjects(cited))
      return yearObject
    }
    object.write("years", json: JSONObjectWriter.array(yearObjects))
    return object.lineBytes
  }
}
