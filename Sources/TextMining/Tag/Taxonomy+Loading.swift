import Foundation

extension Taxonomy {
  /// Loads and checks a taxonomy file.
  ///
  /// The file is YAML: `name`, `version`, optional `description` and `codebook`, and
  /// `categories`, a mapping of category name to `description` and `codes`; each code maps to a
  /// `label` and `phrases`, each phrase a string or `{text: ..., polarity: negative}`.
  ///
  /// - Parameter path: the file, as the user named it (used in messages).
  /// - Returns: the taxonomy with its phrases compiled.
  /// - Throws: `ConfigurationError` as `file:line:column: message`.
  public static func load(from path: String) throws(ConfigurationError) -> Taxonomy {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ConfigurationError(file: path, message: "cannot read the taxonomy file (\(Self.reason(error)))")
    }
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw ConfigurationError(file: path, message: "the taxonomy file is not UTF-8 text")
    }
    return try parse(text, file: path, sha256: ContentHash.hex(of: bytes))
  }

  /// Parses taxonomy YAML text (see `load(from:)`).
  public static func parse(_ text: String, file: String, sha256: String) throws(ConfigurationError) -> Taxonomy {
    let root = try YAMLNode.parse(text, file: file)
    var name: String?
    var version: String?
    var categories: [Category] = []
    var categoriesNode: YAMLNode?
    for (key, _, value) in try root.mapping(
      allowedKeys: ["name", "version", "description", "codebook", "categories"], what: "the taxonomy")
    {
      switch key {
      case "name": name = try value.nonEmptyString(what: "'name'")
      case "version": version = try value.nonEmptyString(what: "'version'")
      case "categories":
        categoriesNode = value
        for (categoryName, keyNode, categoryValue) in try value.mapping(allowedKeys: [], what: "'categories'") {
          categories.append(try parseCategory(categoryName, keyNode: keyNode, value: categoryValue))
        }
      default: break
      }
    }
    guard let name else { throw root.error("the taxonomy has no 'name'") }
    guard let version else { throw root.error("the taxonomy has no 'version'") }
    guard !categories.isEmpty else {
      throw (categoriesNode ?? root).error("the taxonomy has no categories")
    }
    return try Taxonomy(name: name, version: version, sha256: sha256, categories: categories, file: file)
  }

  private static func parseCategory(_ name: String, keyNode: YAMLNode, value: YAMLNode) throws(ConfigurationError) -> Category {
    guard isIdentifier(name) else {
      throw keyNode.error("category name '\(name)' must be lower case letters, digits and underscores")
    }
    var description = ""
    var codes: [CodeDefinition] = []
    for (key, _, entry) in try value.mapping(allowedKeys: ["description", "codes"], what: "category '\(name)'") {
      switch key {
      case "description": description = try entry.string(what: "'description'")
      default:
        for (codeName, codeKey, codeValue) in try entry.mapping(allowedKeys: [], what: "codes of '\(name)'") {
          guard isIdentifier(codeName) else {
            throw codeKey.error("code name '\(codeName)' must be lower case letters, digits and underscores")
          }
          codes.append(try parseCode(Code(category: name, name: codeName), value: codeValue))
        }
      }
    }
    guard !codes.isEmpty else { throw value.error("category '\(name)' has no codes") }
    return Category(name: name, description: description, codes: codes)
  }

  private static func parseCode(_ code: Code, value: YAMLNode) throws(ConfigurationError) -> CodeDefinition {
    var label = ""
    var phrases: [Phrase] = []
    for (key, _, entry) in try value.mapping(allowedKeys: ["label", "phrases"], what: "code '\(code)'") {
      switch key {
      case "label": label = try entry.string(what: "'label'")
      default:
        for item in try entry.sequence(what: "phrases of '\(code)'") {
          phrases.append(try parsePhrase(item, code: code))
        }
      }
    }
    guard !phrases.isEmpty else { throw value.error("code '\(code)' has no phrases") }
    return CodeDefinition(code: code, label: label, phrases: phrases)
  }

  private static func parsePhrase(_ item: YAMLNode, code: Code) throws(ConfigurationError) -> Phrase {
    if item.isScalar {
      return Phrase(text: try item.nonEmptyString(what: "a phrase of '\(code)'"), polarity: nil, line: item.line, column: item.column)
    }
    var text: String?
    var polarity: Polarity?
    for (key, _, value) in try item.mapping(allowedKeys: ["text", "polarity"], what: "a phrase of '\(code)'") {
      switch key {
      case "text": text = try value.nonEmptyString(what: "'text'")
      default:
        let word = try value.string(what: "'polarity'")
        guard let parsed = Polarity(rawValue: word) else {
          throw value.error("unknown polarity '\(word)'; expected positive, negative or neutral")
        }
        polarity = parsed
      }
    }
    guard let text else { throw item.error("a phrase of '\(code)' has no 'text'") }
    return Phrase(text: text, polarity: polarity, line: item.line, column: item.column)
  }

  private static func isIdentifier(_ name: String) -> Bool {
    !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
      let message = strerror(Int32(underlying.code))
    {
      return String(cString: message)
    }
    return nsError.localizedDescription
  }
}
