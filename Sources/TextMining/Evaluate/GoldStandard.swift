import Foundation

/// A gold standard in the codebook's format: one JSON object per coded sentence.
///
///     {"doc": "html/a.html", "sentence": "…", "codes": [{"code": "success_factor.trust",
///      "polarity": "negative", "hedged": false}]}
public struct GoldStandard: Sendable {
  /// One coded sentence.
  public struct Sentence: Sendable, Equatable {
    /// The document, as a source path or a file name.
    public var doc: String
    /// The sentence as it reads in the extracted text.
    public var sentence: String
    /// The codes of the sentence, each once.
    public var codes: [CodedValue]
    /// Where the line is, for messages (`file:line`).
    public var location: String
  }

  /// A code with its attributes, in gold or predicted.
  public struct CodedValue: Sendable, Equatable {
    public var code: Code
    public var polarity: Polarity
    public var isHedged: Bool
    /// The partnership the mention is about, when the line gives one: `.some(nil)` for a gold
    /// `"partnership": null`, nil where the gold says nothing about attribution.
    public var partnership: String??

    public init(code: Code, polarity: Polarity, isHedged: Bool, partnership: String?? = nil) {
      self.code = code
      self.polarity = polarity
      self.isHedged = isHedged
      self.partnership = partnership
    }
  }

  /// The coded sentences in file order.
  public var sentences: [Sentence]

  /// A gold standard of these sentences.
  public init(sentences: [Sentence]) {
    self.sentences = sentences
  }

  /// The documents named, in first-seen order.
  public var documents: [String] {
    var seen: Set<String> = []
    return sentences.compactMap { seen.insert($0.doc).inserted ? $0.doc : nil }
  }

  /// Loads a gold file, or every `.jsonl` file of a folder in name order.
  ///
  /// - Throws: `ConfigurationError` at `file:line` for a line that is not a gold record.
  public static func load(from path: String) throws(ConfigurationError) -> GoldStandard {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ConfigurationError(file: path, message: "gold file does not exist")
    }
    var files = [path]
    if isDirectory.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files = names.filter { $0.hasSuffix(".jsonl") }.sorted().map { path + "/" + $0 }
      guard !files.isEmpty else {
        throw ConfigurationError(file: path, message: "no .jsonl gold files in the folder")
      }
    }
    var sentences: [Sentence] = []
    for file in files {
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        throw ConfigurationError(file: file, message: "cannot read the gold file as UTF-8")
      }
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where !line.allSatisfy(\.isWhitespace) {
        sentences.append(try parse(line: String(line), file: file, number: index + 1))
      }
    }
    return GoldStandard(sentences: sentences)
  }

  static func parse(line: String, file: String, number: Int) throws(ConfigurationError) -> Sentence
  {
    func problem(_ message: String) -> ConfigurationError {
      ConfigurationError(file: file, line: number, column: 1, message: message)
    }
    guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    else {
      throw problem("not a JSON object")
    }
    guard let doc = object["doc"] as? String, !doc.isEmpty else { throw problem("missing 'doc'") }
    guard let sentence = object["sentence"] as? String, !sentence.isEmpty else {
      throw problem("missing 'sentence'")
    }
    guard let codes = object["codes"] as? [[String: Any]] else {
      throw problem("missing 'codes' list")
    }
    var values: [CodedValue] = []
    for entry in codes {
      guard let raw = entry["code"] as? String, let code = Code(rawValue: raw) else {
        throw problem("a code is missing or not category.name")
      }
      let polarityText = entry["polarity"] as? String ?? "neutral"
      guard let polarity = Polarity(rawValue: polarityText) else {
        throw problem("unknown polarity '\(polarityText)' of \(raw)")
      }
      guard !values.contains(where: { $0.code == code }) else {
        throw problem("\(raw) is listed twice")
      }
      var partnership: String?? = nil
      if let value = entry["partnership"] {
        if value is NSNull {
          partnership = .some(nil)
        } else if let name = value as? String, !name.isEmpty {
          partnership = .some(name)
        } else {
          throw problem("the partnership of \(raw) is neither a name nor null")
        }
      }
      values.append(
        CodedValue(
          code: code, polarity: polarity, isHedged: entry["hedged"] as? Bool ?? false,
          partnership: partnership))
    }
    return Sentence(doc: doc, sentence: sentence, codes: values, location: "\(file):\(number)")
  }
}

/// How partnership names are compared: Unicode NFKC, case folded, white space collapsed, a
/// leading "the" and a trailing possessive dropped ("the Oakridge Partnership's" is "oakridge
/// partnership").
public enum PartnershipKey {
  /// The comparison form of a name.
  public static func of(_ name: String) -> String {
    var words = SentenceKey.of(name).split(separator: " ").map(String.init)
    if words.first == "the" { words.removeFirst() }
    if let last = words.last {
      for suffix in ["'s", "’s", "'", "’"] where last.hasSuffix(suffix) {
        words[words.count - 1] = String(last.dropLast(suffix.count))
        break
      }
    }
    return words.joined(separator: " ")
  }
}

/// How sentences are compared: Unicode NFKC, case folded, white space collapsed, and a hyphen
/// between two letters dropped. The sentence only says which unit the codes belong to, and
/// annotators write a word broken over a line end either way: the codebook keeps its hyphen
/// ("indic-" + "ators" reads "indic-ators"), later briefs write it whole ("indicators"); both
/// name one unit, as "co-operation" and "cooperation" name one word.
public enum SentenceKey {
  /// The comparison form of a sentence.
  public static func of(_ sentence: String) -> String {
    let folded = sentence.precomposedStringWithCompatibilityMapping.lowercased()
    let characters = Array(
      folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    var result = ""
    result.reserveCapacity(characters.count)
    for (index, character) in characters.enumerated() {
      if character == "-", index > 0, index + 1 < characters.count,
        characters[index - 1].isLetter, characters[index + 1].isLetter
      {
        continue
      }
      result.append(character)
    }
    return result
  }
}
