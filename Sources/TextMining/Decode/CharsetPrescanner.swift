import Foundation

/// Finds the charset an HTML page declares, on raw bytes: an XML declaration's `encoding`, or a
/// `<meta>` tag.
///
/// Looks for `<meta charset="...">` and `<meta http-equiv="Content-Type" content="...;
/// charset=...">` (any attribute order, any case, quoted or not), as the HTML standard's prescan
/// does, within the bytes given.
enum CharsetPrescanner {
  /// The declared charset label, or nil: an XML declaration's `encoding` (XHTML), else a meta tag.
  static func declaredCharset(in bytes: ArraySlice<UInt8>) -> String? {
    let lower = bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }
    if lower.starts(with: Array("<?xml".utf8)), let end = lower.firstIndex(of: UInt8(ascii: ">")) {
      let declaration = String(decoding: lower[..<end], as: UTF8.self)
      if let range = declaration.range(of: "encoding") {
        let rest = declaration[range.upperBound...].drop(while: {
          $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'"
        })
        let label = rest.prefix(while: { !" \"'?".contains($0) })
        if !label.isEmpty { return String(label) }
      }
    }
    let meta = Array("<meta".utf8)
    var index = 0
    while index + meta.count <= lower.count {
      guard lower[index] == 0x3C, lower[index..<(index + meta.count)].elementsEqual(meta) else {
        index += 1
        continue
      }
      var end = index + meta.count
      while end < lower.count, lower[end] != 0x3E { end += 1 }
      let tag = String(decoding: lower[index..<end], as: UTF8.self)
      if let label = charset(inMetaTag: tag) { return label }
      index = end
    }
    return nil
  }

  /// The value after "charset=" in a lowercased meta tag's text.
  private static func charset(inMetaTag tag: String) -> String? {
    guard let range = tag.range(of: "charset") else { return nil }
    var rest = tag[range.upperBound...].drop(while: { $0 == " " })
    guard rest.first == "=" else { return nil }
    rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
    let label = rest.prefix(while: { !" \"';/>\t\n\r".contains($0) })
    return label.isEmpty ? nil : String(label)
  }
}
