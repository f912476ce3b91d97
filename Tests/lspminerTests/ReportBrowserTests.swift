import Foundation
import Testing

/// The findings report in a real browser: Debian's chromium, headless, renders it to a PNG and
/// dumps its DOM after layout; the numbers on the page must equal `matrix.csv`'s, and the page
/// must log nothing to the console. Skipped, with a message, where chromium is not installed.
private let installedChromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

@Suite(
  .enabled(
    if: installedChromium != nil, "chromium is not installed; the report's browser test is skipped")
)
struct ReportBrowserTests {
  static let chromium = installedChromium

  private func browser(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium ?? "/usr/bin/chromium")
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu"] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }

  @Test func theReportShowsTheMatrixNumbersAndLogsNoErrors() throws {
    let cli = CommandLineTests()
    let folder = try cli.makeProject()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let corpus = CommandLineTests.repositoryRoot + "/corpus/findings"
    for name in try FileManager.default.contentsOfDirectory(atPath: corpus) {
      try FileManager.default.copyItem(
        atPath: corpus + "/" + name, toPath: folder + "/docs/" + name)
    }
    #expect(try cli.lspminer(["run", "--pipeline", "p.yml", "--quiet"], in: folder).status == 0)
    #expect(try cli.lspminer(["findings", "--pipeline", "p.yml"], in: folder).status == 0)
    let report = try cli.lspminer(["report", "--pipeline", "p.yml"], in: folder)
    #expect(report.status == 0, "\(report.stderr)")
    let page = folder + "/out/test-run/findings/report.html"
    // Self-contained: no script, no link to anything outside the page.
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))

    let png = folder + "/report.png"
    _ = try browser(["--screenshot=\(png)", "--window-size=1200,900", "file://\(page)"])
    let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
    #expect(size > 10_000)

    let (dom, log) = try browser([
      "--enable-logging=stderr", "--v=0", "--dump-dom", "file://\(page)",
    ])
    #expect(!log.contains("INFO:CONSOLE"), "\(log)")
    // Every heat-map cell against matrix.csv.
    let matrix = try String(
      contentsOfFile: folder + "/out/test-run/findings/matrix.csv", encoding: .utf8
    )
    .components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
    let header = try #require(matrix.first)
    var expected: [String: Int] = [:]
    for row in matrix.dropFirst() {
      for (index, value) in row.enumerated().dropFirst() {
        expected[row[0] + "|" + header[index]] = Int(value)
      }
    }
    let cell = try Regex(
      #"data-row="([^"]*)" data-code="([^"]*)" data-positive="(\d+)" data-negative="(\d+)""#)
    var checked = 0
    for match in dom.matches(of: cell) {
      let row = String(match.output[1].substring ?? "")
      let code = String(match.output[2].substring ?? "")
      #expect(Int(match.output[3].substring ?? "") == expected[row + "|" + code + ":positive"] ?? 0)
      #expect(Int(match.output[4].substring ?? "") == expected[row + "|" + code + ":negative"] ?? 0)
      checked += 1
    }
    #expect(checked > 50)
    // The partnerships written to be virtuous and vicious, and the one that climbs, are on the
    // page with their verdicts.
    #expect(dom.contains("Castlethorne Local Strategic Partnership"))
    #expect(dom.contains(#"data-verdict="virtuous""#))
    #expect(dom.contains(#"data-verdict="vicious""#))
  }
}
