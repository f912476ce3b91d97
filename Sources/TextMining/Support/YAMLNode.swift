import Yams

/// A YAML node with its file, read with type checks that fail as located `ConfigurationError`s.
struct YAMLNode {
  let node: Node
  let file: String

  /// Parses YAML text into its root node.
  static func parse(_ text: String, file: String) throws(ConfigurationError) -> YAMLNode {
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ConfigurationError(file: file, message: "the file is empty; expected a YAML mapping")
      }
      return YAMLNode(node: node, file: file)
    } catch let error as ConfigurationError {
      throw error
    } catch let error as YamlError {
      switch error {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        throw ConfigurationError(
          file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)")
      default:
        throw ConfigurationError(file: file, message: "invalid YAML: \(error)")
      }
    } catch {
      throw ConfigurationError(file: file, message: "invalid YAML: \(error)")
    }
  }

  var line: Int { node.mark?.line ?? 0 }

  /// Whether the node is a quoted scalar (its text starts one column after its mark).
  var isQuoted: Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
  }
  var column: Int { node.mark?.column ?? 0 }

  /// An error located at this node.
  func error(_ message: String, columnOffset: Int = 0) -> ConfigurationError {
    ConfigurationError(file: file, line: line, column: column + columnOffset, message: message)
  }

  /// The entries of a mapping, in file order, checked against the allowed keys.
  func mapping(allowedKeys: [String], what: String) throws(ConfigurationError) -> [(
    key: String, keyNode: YAMLNode, value: YAMLNode
  )] {
    guard let mapping = node.mapping else {
      throw error("\(what) must be a mapping of keys to values")
    }
    var seen: Set<String> = []
    var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    for (key, value) in mapping {
      let keyNode = YAMLNode(node: key, file: file)
      guard let name = key.scalar?.string else {
        throw keyNode.error("keys of \(what) must be plain strings")
      }
      if !allowedKeys.isEmpty, !allowedKeys.contains(name) {
        throw keyNode.error(
          "unknown key '\(name)' in \(what); expected one of \(allowedKeys.joined(separator: ", "))"
        )
      }
      guard seen.insert(name).inserted else {
        throw keyNode.error("duplicate key '\(name)' in \(what)")
      }
      entries.append((name, keyNode, YAMLNode(node: value, file: file)))
    }
    return entries
  }

  /// The items of a sequence; a single scalar counts as a sequence of one.
  func sequence(what: String) throws(ConfigurationError) -> [YAMLNode] {
    if let sequence = node.sequence { return sequence.map { YAMLNode(node: $0, file: file) } }
    if node.scalar != nil { return [self] }
    throw error("\(what) must be a list")
  }

  /// Whether the node is a scalar (not a mapping or sequence).
  var isScalar: Bool { node.scalar != nil }

  /// A scalar's text.
  func string(what: String) throws(ConfigurationError) -> String {
    guard let scalar = node.scalar else { throw error("\(what) must be a string") }
    return scalar.string
  }

  /// A non-empty scalar's text.
  func nonEmptyString(what: String) throws(ConfigurationError) -> String {
    let value = try string(what: what).trimmingWhitespace
    guard !value.isEmpty else { throw error("\(what) must not be empty") }
    return value
  }

  /// A positive integer, allowing `_` separators.
  func positiveInt(what: String) throws(ConfigurationError) -> Int {
    let text = String(try string(what: what).filter { $0 != "_" })
    guard let value = Int(text), value > 0 else {
      throw error("\(what) must be a positive whole number, not '\(text)'")
    }
    return value
  }

  /// A positive integer no larger than `bound`; `reason` says why larger values are refused.
  func positiveInt(what: String, atMost bound: Int, reason: String) throws(ConfigurationError)
    -> Int
  {
    let value = try positiveInt(what: what)
    guard value <= bound else {
      throw error("\(what) is \(value), above its largest allowed value \(bound) (\(reason))")
    }
    return value
  }

  /// A positive number of seconds or the like, allowing a fraction (`0.5`) and `_` separators.
  func positiveNumber(what: String) throws(ConfigurationError) -> Double {
    let text = String(try string(what: what).filter { $0 != "_" })
    guard let value = Double(text), value.isFinite, value > 0 else {
      throw error("\(what) must be a positive number, not '\(text)'")
    }
    return value
  }

  /// A positive number no larger than `bound`; `reason` says why larger values are refused.
  func positiveNumber(what: String, atMost bound: Double, reason: String) throws(ConfigurationError)
    -> Double
  {
    let value = try positiveNumber(what: what)
    guard value <= bound else {
      throw error(
        "\(what) is \(ProcessingLimits.format(seconds: value)), above its largest allowed value \(ProcessingLimits.format(seconds: bound)) (\(reason))"
      )
    }
    return value
  }

  /// A boolean (`true`/`false`, `yes`/`no`).
  func bool(what: String) throws(ConfigurationError) -> Bool {
    switch try string(what: what).lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    case let other: throw error("\(what) must be true or false, not '\(other)'")
    }
  }
}

extension String {
  /// The string without leading and trailing white space.
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

}
