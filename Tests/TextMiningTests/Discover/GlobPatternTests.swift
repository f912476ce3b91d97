import Testing

@testable import TextMining

@Suite struct GlobPatternTests {
  @Test(arguments: [
    ("**/*.html", "a.html", true),
    ("**/*.html", "web/2004/a.html", true),
    ("**/*.html", "a.htm", false),
    ("**/*.HTML", "dir/A.html", true),
    ("*.txt", "dir/a.txt", false),
    ("dir/*.txt", "dir/a.txt", true),
    ("**/*.{htm,html}", "x/y.htm", true),
    ("report-200[0-5].txt", "report-2003.txt", true),
    ("report-200[!0-5].txt", "report-2003.txt", false),
    ("gold/**", "gold/a/b.jsonl", true),
    ("gold/**", "golden/a.jsonl", false),
    ("a?c.txt", "abc.txt", true),
  ])
  func matches(pattern: String, path: String, expected: Bool) throws {
    #expect(try GlobPattern(pattern).matches(path) == expected)
  }

  @Test(arguments: ["", "/etc/*.html", "**/[abc.html", "**/*.{htm,html", "../*.txt", "a}.txt"])
  func rejectsMalformedPatterns(pattern: String) {
    #expect(throws: GlobPattern.SyntaxError.self) { try GlobPattern(pattern) }
  }

  @Test func reportsTheOffsetOfAnUnclosedBracket() {
    #expect(
      throws: GlobPattern.SyntaxError(offset: 3, message: "unclosed '[' in pattern '**/[abc'")
    ) {
      try GlobPattern("**/[abc")
    }
  }

  /// Found by the config fuzzer: each brace group multiplies the alternatives, so a few dozen
  /// groups took minutes and gigabytes. Now refused when the pipeline loads.
  @Test func bracesThatExpandPastTheLimitAreRefused() throws {
    let pattern = String(repeating: "{a,b}", count: 24) + "/*.html"
    let error = #expect(throws: GlobPattern.SyntaxError.self) { try GlobPattern(pattern) }
    #expect(error?.message.contains("expand to more than 1024 alternatives") == true)
    #expect(try GlobPattern(String(repeating: "{a,b}", count: 10)).matches("abababaaaa"))
  }
}
