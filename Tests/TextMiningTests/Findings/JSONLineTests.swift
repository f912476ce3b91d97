import Foundation
import Testing

@testable import TextMining

/// The line scanner the output reader uses instead of a JSON tree: it must accept what any
/// JSON writer may produce, reject what is not one JSON object, and decode the fields asked for
/// exactly as a full parser does.
@Suite struct JSONLineTests {
  /// A line scanned over bytes that live as long as it does; nil when refused.
  private final class Scanned {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    var line = JSONLine()
    let accepted: Bool

    init(_ text: String) {
      bytes = .allocate(capacity: text.utf8.count)
      _ = bytes.initialize(from: text.utf8)
      accepted = line.scan(UnsafeBufferPointer(bytes))
    }

    deinit { bytes.deallocate() }
  }

  private func scanned(_ text: String) -> JSONLineReading? {
    let scanned = Scanned(text)
    return scanned.accepted ? JSONLineReading(scanned: scanned) : nil
  }

  /// The fields of a scanned line.
  private struct JSONLineReading {
    fileprivate let scanned: Scanned
    func string(_ key: StaticString) -> String? { scanned.line.string(key) }
    func int(_ key: StaticString) -> Int? { scanned.line.int(key) }
    func bool(_ key: StaticString) -> Bool? { scanned.line.bool(key) }
    func has(_ key: StaticString) -> Bool { scanned.line.has(key) }
    // (The line is a class member, so its lookups may move its search hint.)
  }

  @Test func fieldsAreDecodedAsAFullParserDecodesThem() throws {
    let text = #"""
       { "code" : "success_factor.trust", "block": 12, "hedged": true, "line": null,
      "sentence": "A \"quoted\" word,\ta tab, caf\u00e9, \ud83d\ude00 and a \/ slash",
      "nested": {"a": [1, 2.5e-3, {"b": "}"}], "c": "]"}, "negative": -7, "partnership": "Ōakridge" }
      """#.replacingOccurrences(of: "\n", with: " ")
    let line = try #require(scanned(text))
    do {
      #expect(line.string("code") == "success_factor.trust")
      #expect(line.int("block") == 12)
      #expect(line.bool("hedged") == true)
      #expect(line.has("line") && line.int("line") == nil && line.string("line") == nil)
      #expect(line.string("sentence") == "A \"quoted\" word,\ta tab, café, 😀 and a / slash")
      #expect(line.int("negative") == -7)
      #expect(line.string("partnership") == "Ōakridge")
      #expect(line.string("nested") == nil)
      #expect(!line.has("missing"))
      // What JSONSerialization gives for the same line.
      let object =
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
      #expect(line.string("sentence") == object["sentence"] as? String)
    }
  }

  @Test func anEscapedNameIsReadAndARepeatedNameGivesItsFirstValue() throws {
    let line = try #require(scanned(#"{"c\u006fde":"a","code":"b","n":1,"n":2,"m":3}"#))
    #expect(line.string("code") == "a")
    #expect(line.int("n") == 1)
    #expect(line.int("m") == 3)
    #expect(line.int("n") == 1)
    let repeated = try #require(scanned(#"{"a":1,"b":2,"a":3}"#))
    #expect(repeated.int("b") == 2)
    #expect(repeated.int("a") == 1)
    #expect(scanned(#"{"c\u006fde":"a"}"#)?.string("code") == "a")
  }

  @Test(arguments: [
    #"{"schema":"lspminer.evi"#, #"{"a":1"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{"a":01}"#,
    #"{"a":1.}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":tru}"#, #"{"a":[1,}"#,
    #"{"a":{"b":1}"#, #"["a"]"#, #""a""#, "", "   ", #"{"a":1} x"#, "{\"a\":\"tab\there\"}",
    #"{a:1}"#, #"{"a":-}"#, #"{"a":1e}"#,
  ])
  func whatIsNotOneJSONObjectIsRefused(text: String) {
    #expect(scanned(text) == nil)
  }

  @Test func deepNestingIsRefusedNotRecursedInto() {
    let deep =
      #"{"a":"# + String(repeating: "[", count: 100_000)
      + String(
        repeating: "]", count: 100_000) + "}"
    #expect(scanned(deep) == nil)
    let shallow =
      #"{"a":"# + String(repeating: "[", count: 10)
      + String(
        repeating: "]", count: 10) + "}"
    #expect(scanned(shallow) != nil)
  }

  @Test func wholeNumbersOnlyAreIntegers() throws {
    let line = try #require(scanned(#"{"a":1.5,"b":1e3,"c":99999999999999999999,"d":0}"#))
    #expect(line.int("a") == nil)
    #expect(line.int("b") == nil)
    #expect(line.int("c") == nil)
    #expect(line.int("d") == 0)
  }
}
