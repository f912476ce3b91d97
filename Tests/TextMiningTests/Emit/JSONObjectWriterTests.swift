import Foundation
import Testing

@testable import TextMining

@Suite struct JSONObjectWriterTests {
  @Test func keepsKeyOrderAndEscapesOnlyWhatJSONNeeds() throws {
    var object = JSONObjectWriter()
    object.write("z", "web/a.html")
    object.write("a", "“quoted” \"plain\" back\\slash\nline\ttab\u{01} £ 🤝")
    object.write("n", 3)
    object.write("none", nil as String?)
    object.write("flag", false)
    #expect(
      object.line
        == #"{"z":"web/a.html","a":"“quoted” \"plain\" back\\slash\nline\ttab\u0001 £ 🤝","n":3,"none":null,"flag":false}"#
    )
    let parsed = try JSONSerialization.jsonObject(with: Data(object.lineBytes)) as? [String: Any]
    #expect(parsed?["a"] as? String == "“quoted” \"plain\" back\\slash\nline\ttab\u{01} £ 🤝")
  }

  @Test func writesEvidenceRecordKeysInSchemaOrder() throws {
    let record = EvidenceRecord(
      docID: "abc", source: "a.html", title: nil,
      code: Code(category: "success_factor", name: "trust"), match: "trust",
      polarity: .neutral, isHedged: false, partnership: nil, sentence: "Trust / trust.", block: 2,
      charStart: 10,
      charEnd: 15, line: 7, taxonomyName: "t", taxonomyVersion: "1", taxonomySHA256: "ff",
      pipeline: "p")
    let line = String(decoding: record.jsonLine, as: UTF8.self)
    #expect(
      line
        == #"{"schema":"lspminer.evidence/1","doc_id":"abc","source":"a.html","title":null,"published":null,"code":"success_factor.trust","category":"success_factor","match":"trust","polarity":"neutral","hedged":false,"partnership":null,"sentence":"Trust / trust.","block":2,"char_start":10,"char_end":15,"line":7,"taxonomy":{"name":"t","version":"1","sha256":"ff"},"pipeline":"p"}"#
        + "\n")
  }

  @Test func aReadersCommentCarriesReaderCommentAfterLineAndOtherRecordsDoNot() throws {
    var record = EvidenceRecord(
      docID: "abc", source: "a.html", title: nil,
      code: Code(category: "governance", name: "community_engagement"), match: "asked",
      polarity: .negative, isHedged: false, partnership: nil, sentence: "Never asked.", block: 9,
      charStart: 6, charEnd: 11, line: 40, taxonomyName: "t", taxonomyVersion: "1",
      taxonomySHA256: "ff", pipeline: "p")
    #expect(!String(decoding: record.jsonLine, as: UTF8.self).contains("reader_comment"))
    record.isReaderComment = true
    let line = String(decoding: record.jsonLine, as: UTF8.self)
    #expect(line.contains(#""line":40,"reader_comment":true,"taxonomy":{"#))
    let parsed = try JSONSerialization.jsonObject(with: Data(record.jsonLine)) as? [String: Any]
    #expect(parsed?["reader_comment"] as? Bool == true)
  }

  @Test func batchEncodingEqualsRecordByRecordEncoding() throws {
    func record(_ doc: String, _ sentence: String, _ match: String, taxonomy: String = "t")
      -> EvidenceRecord
    {
      EvidenceRecord(
        docID: doc, source: doc + ".html", title: doc == "a" ? "Title \"A\"" : nil,
        code: Code(category: "partnership", name: "lsp"), match: match, polarity: .negative,
        isHedged: true,
        partnership: doc == "a" ? "Kelbrook LSP" : nil, sentence: sentence, block: 1, charStart: 0,
        charEnd: 3,
        line: 2, taxonomyName: taxonomy, taxonomyVersion: "1", taxonomySHA256: "ff", pipeline: "p")
    }
    let records = [
      record("a", "One LSP.", "LSP"), record("a", "One LSP.", "LSP"),
      record("a", "Two LSPs.", "LSPs"),
      record("b", "Two LSPs.", "LSPs"), record("b", "Two LSPs.", "LSPs", taxonomy: "u"),
    ]
    var batch: [UInt8] = []
    EvidenceRecord.appendJSONLines(records, to: &batch)
    #expect(batch == records.flatMap(\.jsonLine))
    for line in batch.split(separator: UInt8(ascii: "\n")) {
      #expect(try JSONSerialization.jsonObject(with: Data(line)) is [String: Any])
    }
  }
}
