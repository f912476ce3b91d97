import Foundation
import Testing

/// The library's folders are layers: each may use the types of the layers below it and none
/// above, and only `Interop/` sees C. CONTRIBUTING.md draws the same picture.
///
/// The check reads the sources: every type declared at the top level of a file belongs to the
/// file's folder, and a file may not name a type of a later folder (comments and string
/// literals aside).
@Suite struct LayeringTests {
  /// The folders of `Sources/TextMining`, lowest first.
  static let layers = [
    "Support", "Model", "Interop", "Discover", "Decode", "Extract", "Segment", "Tag", "Emit",
    "Pipeline", "Evaluate", "Findings",
  ]

  static var libraryFolder: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/TextMining").path
  }

  struct SourceFile {
    var path: String
    var layer: String
    var code: String
  }

  /// Every Swift file of the library, with comments and string literals blanked out.
  static func sources() throws -> [SourceFile] {
    var files: [SourceFile] = []
    let root = libraryFolder
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
      guard relative.hasSuffix(".swift") else { continue }
      let layer = String(relative.split(separator: "/")[0])
      let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
      files.append(SourceFile(path: relative, layer: layer, code: withoutCommentsAndStrings(text)))
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The text with `//` and `/* */` comments and string literals replaced by spaces.
  static func withoutCommentsAndStrings(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out = bytes
    var index = 0
    func blank(_ from: Int, _ to: Int) {
      for i in from..<min(to, bytes.count) where bytes[i] != UInt8(ascii: "\n") {
        out[i] = UInt8(ascii: " ")
      }
    }
    func starts(_ s: String, at i: Int) -> Bool {
      let p = Array(s.utf8)
      return i + p.count <= bytes.count && Array(bytes[i..<(i + p.count)]) == p
    }
    while index < bytes.count {
      if starts("//", at: index) {
        var end = index
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        blank(index, end)
        index = end
      } else if starts("/*", at: index) {
        var end = index + 2
        while end < bytes.count && !starts("*/", at: end) { end += 1 }
        blank(index, end + 2)
        index = end + 2
      } else if starts("\"\"\"", at: index) {
        var end = index + 3
        while end < bytes.count && !starts("\"\"\"", at: end) { end += 1 }
        blank(index, end + 3)
        index = end + 3
      } else if bytes[index] == UInt8(ascii: "\"") {
        var end = index + 1
        while end < bytes.count && bytes[end] != UInt8(ascii: "\"")
          && bytes[end] != UInt8(ascii: "\n")
        {
          end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        blank(index, end + 1)
        index = end + 1
      } else {
        index += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Names declared at the top level of a file (types, and type aliases).
  static func declaredTypes(in code: String) -> [String] {
    var names: [String] = []
    let keywords: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
    let modifiers: Set<Substring> = [
      "public", "internal", "private", "fileprivate", "package", "final", "open", "nonisolated",
      "indirect",
    ]
    for line in code.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
      let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
      var i = 0
      while i < words.count && (modifiers.contains(words[i]) || words[i].hasPrefix("@")) { i += 1 }
      if i + 1 < words.count && keywords.contains(words[i]) { names.append(String(words[i + 1])) }
    }
    return names
  }

  static func identifiers(in code: String) -> Set<String> {
    Set(code.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
  }

  @Test func everyFolderIsALayer() throws {
    let folders = Set(try Self.sources().map(\.layer))
    #expect(
      folders.subtracting(Self.layers).isEmpty,
      "folders missing from LayeringTests.layers: \(folders.subtracting(Self.layers).sorted())")
  }

  @Test func noFileUsesATypeOfALaterLayer() throws {
    let files = try Self.sources()
    var owner: [String: String] = [:]
    for file in files {
      for name in Self.declaredTypes(in: file.code) { owner[name] = file.layer }
    }
    var violations: [String] = []
    for file in files {
      guard let rank = Self.layers.firstIndex(of: file.layer) else { continue }
      for name in Self.identifiers(in: file.code).sorted() {
        guard let layer = owner[name], let other = Self.layers.firstIndex(of: layer), other > rank
        else { continue }
        violations.append("\(file.path) uses \(name) from \(layer)/")
      }
    }
    #expect(
      violations.isEmpty, "\(violations.count) upward uses:\n\(violations.joined(separator: "\n"))")
  }

  @Test func onlyInteropSeesC() throws {
    var violations: [String] = []
    for file in try Self.sources() where file.layer != "Interop" {
      if file.code.contains("import CTextShim") {
        violations.append("\(file.path) imports CTextShim")
      }
      // The shim's functions, types and constants are all named tm_ or TM_; OpaquePointer is how
      // Swift holds its handles.
      for name in Self.identifiers(in: file.code).sorted()
      where name.hasPrefix("tm_") || name.hasPrefix("TM_") || name == "OpaquePointer" {
        violations.append("\(file.path) holds a C type or calls C (\(name))")
      }
    }
    #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
  }
}
