import Foundation

/// One self-contained HTML page of an output's findings, for people: a heat map of partnerships
/// by codes, the verdict table with each verdict's cited sentences, a timeline of each
/// partnership's findings by year, the commonest governance and delivery issues with examples,
/// and how the output was made. No script, no network, no external file: inline CSS and SVG.
///
/// Every number on the page is in an element with `data-` attributes (`data-row`, `data-code`,
/// `data-positive`, `data-negative`), so a test can check the page against `matrix.csv`.
public struct FindingsReport {
  /// How the output was made, for the page's last section.
  public struct Provenance: Sendable {
    public var pipeline: String
    public var taxonomy: String
    public var taxonomyVersion: String
    public var taxonomySHA256: String
    /// When the output's last run finished (from `runs/`), or nil.
    public var finished: String?

    public init(
      pipeline: String, taxonomy: String, taxonomyVersion: String, taxonomySHA256: String,
      finished: String?
    ) {
      self.pipeline = pipeline
      self.taxonomy = taxonomy
      self.taxonomyVersion = taxonomyVersion
      self.taxonomySHA256 = taxonomySHA256
      self.finished = finished
    }
  }

  /// The categories the heat map shows.
  static let judgedCategories = ["success_factor", "governance", "delivery", "circle"]

  /// The most partnerships the heat map and timelines show: those with the most findings.
  public var maxPartnerships = 40

  public init() {}

  /// The finish time of an output's last run, from the names in its `runs/` folder.
  public static func lastRun(in output: String) -> String? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: output + "/runs")) ?? []
    return names.filter { $0.hasSuffix(".json") }.max().map { String($0.dropLast(5)) }
  }

  /// The page.
  public func html(_ findings: Findings, provenance: Provenance) -> String {
    let rule = findings.rule
    let summaries = findings.summaries().sorted { left, right in
      let leftCount = left.overall.positiveFindings + left.overall.negativeFindings
      let rightCount = right.overall.positiveFindings + right.overall.negativeFindings
      return leftCount != rightCount
        ? leftCount > rightCount : left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
    }
    let shown = Array(summaries.prefix(maxPartnerships))
    let codes = findings.columns.compactMap { column -> String? in
      let parts = column.split(separator: ":")
      guard parts.count == 2, parts[1] == "positive",
        Self.judgedCategories.contains(String(parts[0].split(separator: ".")[0]))
      else { return nil }
      return String(parts[0])
    }
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>lspminer findings: \(Self.escape(provenance.pipeline))</title>
      <style>
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222}
      h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse}td,th{padding:3px 6px;border:1px solid #ddd;text-align:left;vertical-align:top}
      .heat td.cell{text-align:center;min-width:2.2em;font-variant-numeric:tabular-nums}
      .heat th.code{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal;font-size:12px}
      .virtuous{color:#176b2c;font-weight:600}.vicious{color:#a3161d;font-weight:600}.mixed{color:#8a5a00;font-weight:600}
      .insufficient{color:#777}details{margin:.2em 0}summary{cursor:pointer}
      blockquote{margin:.3em 0 .3em 1em;padding-left:.6em;border-left:3px solid #ccc}
      .where{color:#666;font-size:12px}.timeline svg{display:block}
      </style></head><body>
      <h1>Findings: \(Self.escape(provenance.pipeline))</h1>
      <p>\(findings.documentCount) documents, \(findings.recordCount) evidence records, \(summaries.count) partnerships.</p>

      """
    // The heat map.
    page += "<h2>Partnerships by code</h2>\n"
    page +=
      "<p>Each cell counts the partnership's unhedged positive and negative mentions of a code; green where positive ones outnumber negative ones, red the other way. The \(shown.count) partnerships with the most findings are shown; <code>matrix.csv</code> has them all.</p>\n"
    page += "<table class=\"heat\"><tr><th>partnership</th>"
    for code in codes { page += "<th class=\"code\">\(Self.escape(code))</th>" }
    page += "</tr>\n"
    for summary in shown {
      page += "<tr><th>\(Self.escape(summary.name))</th>"
      for code in codes {
        let positive = findings.count(
          row: summary.name,
          column: Findings.column(code: code, polarity: "positive", hedged: false))
        let negative = findings.count(
          row: summary.name,
          column: Findings.column(code: code, polarity: "negative", hedged: false))
        let text = positive + negative == 0 ? "" : "\(positive)/\(negative)"
        page +=
          "<td class=\"cell\" style=\"background:\(Self.colour(positive, negative))\" data-row=\"\(Self.escape(summary.name))\" data-code=\"\(code)\" data-positive=\"\(positive)\" data-negative=\"\(negative)\" title=\"\(positive) positive, \(negative) negative\">\(text)</td>"
      }
      page += "</tr>\n"
    }
    page += "</table>\n"
    // The verdicts.
    page += "<h2>Circle verdicts</h2>\n"
    page +=
      "<p>The rule: unhedged positive and negative findings weigh 1, explicit circle mentions \(rule.circleWeight); with fewer than \(rule.minEvidence) findings there is insufficient evidence; a virtuous share of \(rule.virtuousShare) or more is virtuous, \(rule.viciousShare) or less vicious, mixed between. Open a verdict for the sentences it rests on.</p>\n"
    page +=
      "<table class=\"verdicts\"><tr><th>partnership</th><th>verdict</th><th>years</th><th>trajectory</th></tr>\n"
    for summary in summaries {
      let (verdict, trail, cited) = summary.overall.verdict(rule)
      let years =
        summary.firstYear.map { first in
          summary.lastYear.map { $0 == first ? "\(first)" : "\(first)-\($0)" } ?? "\(first)"
        } ?? ""
      page += "<tr><td>\(Self.escape(summary.name))</td><td>"
      page +=
        "<details><summary class=\"\(verdict.split(separator: " ")[0])\" data-verdict=\"\(verdict)\">\(verdict)</summary>"
      page += "<p>" + trail.map(Self.escape).joined(separator: "<br>") + "</p>"
      for record in cited {
        page +=
          "<blockquote>\(Self.escape(record.sentence))<br><span class=\"where\">\(Self.escape(record.source))\(record.line.map { ":\($0)" } ?? "") · \(record.code) · \(record.polarity)</span></blockquote>"
      }
      page +=
        "</details></td><td>\(years)</td><td>\(Self.escape(summary.trajectory(rule) ?? ""))</td></tr>\n"
    }
    page += "</table>\n"
    // The timelines.
    page += "<h2>Findings by year</h2>\n"
    page +=
      "<p>Unhedged positive findings above the line, negative below, by year of publication, for partnerships with dated documents.</p>\n"
    for summary in shown where !summary.years.isEmpty {
      page += "<div class=\"timeline\"><h3>\(Self.escape(summary.name))</h3>"
      page += Self.timeline(summary)
      page += "</div>\n"
    }
    // The commonest issues.
    page += "<h2>The commonest governance and delivery issues</h2>\n<ol>\n"
    let issues = findings.issueCounts.sorted { left, right in
      left.value != right.value ? left.value > right.value : left.key < right.key
    }.prefix(10)
    for (code, count) in issues {
      page +=
        "<li><strong>\(Self.escape(code))</strong>: <span data-issue=\"\(code)\">\(count)</span> negative mentions"
      for example in findings.issueExamples[code] ?? [] {
        page +=
          "<blockquote>\(Self.escape(example.sentence))<br><span class=\"where\">\(Self.escape(example.source))\(example.line.map { ":\($0)" } ?? "")</span></blockquote>"
      }
      page += "</li>\n"
    }
    page += "</ol>\n"
    // Provenance.
    page += """
      <h2>How this was made</h2>
      <table class="provenance">
      <tr><th>pipeline</th><td>\(Self.escape(provenance.pipeline))</td></tr>
      <tr><th>taxonomy</th><td>\(Self.escape(provenance.taxonomy)) \(Self.escape(provenance.taxonomyVersion)) (sha256 \(provenance.taxonomySHA256))</td></tr>
      <tr><th>documents</th><td>\(findings.documentCount)</td></tr>
      <tr><th>evidence records</th><td>\(findings.recordCount)</td></tr>
      <tr><th>last run</th><td>\(Self.escape(provenance.finished ?? "unknown"))</td></tr>
      <tr><th>tool</th><td>\(Self.escape(PipelineRunner.toolVersion))</td></tr>
      </table>
      </body></html>

      """
    return page
  }

  /// A partnership's findings per year as an inline SVG bar chart.
  static func timeline(_ summary: PartnershipSummary) -> String {
    let years = summary.years.keys.sorted()
    let largest = max(
      1, summary.years.values.map { max($0.positiveFindings, $0.negativeFindings) }.max() ?? 1)
    let barWidth = 36
    let half = 50
    let width = years.count * (barWidth + 8) + 8
    var svg =
      "<svg width=\"\(width)\" height=\"\(2 * half + 20)\" viewBox=\"0 0 \(width) \(2 * half + 20)\" role=\"img\" aria-label=\"findings by year\">"
    svg += "<line x1=\"0\" y1=\"\(half)\" x2=\"\(width)\" y2=\"\(half)\" stroke=\"#999\"/>"
    for (index, year) in years.enumerated() {
      guard let tally = summary.years[year] else { continue }
      let x = 8 + index * (barWidth + 8)
      let up = tally.positiveFindings * (half - 4) / largest
      let down = tally.negativeFindings * (half - 4) / largest
      svg +=
        "<rect x=\"\(x)\" y=\"\(half - up)\" width=\"\(barWidth)\" height=\"\(up)\" fill=\"#3a9b55\" data-year=\"\(year)\" data-positive=\"\(tally.positiveFindings)\"><title>\(year): \(tally.positiveFindings) positive</title></rect>"
      svg +=
        "<rect x=\"\(x)\" y=\"\(half)\" width=\"\(barWidth)\" height=\"\(down)\" fill=\"#c8414a\" data-year=\"\(year)\" data-negative=\"\(tally.negativeFindings)\"><title>\(year): \(tally.negativeFindings) negative</title></rect>"
      svg +=
        "<text x=\"\(x + barWidth / 2)\" y=\"\(2 * half + 16)\" font-size=\"11\" text-anchor=\"middle\">\(year)</text>"
    }
    return svg + "</svg>"
  }

  /// A cell's colour: white when even, greener as positive mentions lead, redder as negative ones.
  static func colour(_ positive: Int, _ negative: Int) -> String {
    let total = positive + negative
    guard total > 0 else { return "#ffffff" }
    let balance = Double(positive - negative) / Double(total)
    let strength = Int(min(1, Double(total) / 5) * abs(balance) * 150)
    return balance >= 0
      ? String(format: "#%02x%02x%02x", 255 - strength, 255, 255 - strength)
      : String(format: "#%02x%02x%02x", 255, 255 - strength, 255 - strength)
  }

  /// Text for HTML: `&`, `<`, `>` and quotes as entities.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}
