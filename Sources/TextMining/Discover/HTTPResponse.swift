/// The HTTP/1.x response held in a WARC `response` record (status line, header fields, a blank
/// line, then the body), parsed as servers and crawlers really write it.
///
/// The parser is lenient where real archives are: lines may end in CR LF or a bare LF (or a mix
/// of both), `Name:value` needs no space, a line that starts with a space or tab continues the
/// field before it (obsolete line folding), and a line without a colon is skipped. Header bytes
/// are read as ISO-8859-1, one byte to one Unicode scalar, so a byte above 0x7F in a field is
/// kept as written rather than replaced. Every step is linear in the input: the parser reads
/// each header byte once and never looks at the body, and `dechunk(_:)` reads each body byte
/// once.
struct HTTPResponse {
  /// The status code of the status line (200 for `HTTP/1.1 200 OK`, `HTTP/1.0 200` or
  /// `HTTP/2 200`), or nil when the line has no three-digit code after the version.
  var statusCode: Int?
  /// The header fields in the order they were written, names as written and values without the
  /// white space around them; a folded field's lines are joined by one space.
  var fields: [(name: String, value: String)]
  /// The offset of the body in the parsed bytes: the byte after the blank line that ends the
  /// header block (the bytes' count when the body is empty).
  var bodyStart: Int

  /// Parses a response's status line and header block, or returns nil when the bytes do not
  /// start with `HTTP/` or end before the blank line that closes the header block.
  ///
  /// Only the header block is read; the body is left where `bodyStart` points.
  static func parse(_ bytes: [UInt8]) -> HTTPResponse? {
    guard bytes.starts(with: "HTTP/".utf8) else { return nil }
    var statusCode: Int?
    var fields: [(name: String, value: String)] = []
    // The field being read, kept as bytes until the next field starts, so that folded lines
    // can still be added to its value.
    var name: String?
    var value: [UInt8] = []
    var lineStart = 0
    var isStatusLine = true
    while true {
      guard let newline = bytes[lineStart...].firstIndex(of: lineFeed) else { return nil }
      var lineEnd = newline
      if lineEnd > lineStart, bytes[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
      let line = bytes[lineStart..<lineEnd]
      lineStart = newline + 1
      if isStatusLine {
        statusCode = Self.statusCode(of: line)
        isStatusLine = false
        continue
      }
      guard let first = line.first else { break }
      if isWhiteSpace(first) {
        // Obsolete line folding: more of the value before, or nothing when no field is open.
        let more = trimmed(line)
        if name != nil, !more.isEmpty {
          if !value.isEmpty { value.append(space) }
          value.append(contentsOf: more)
        }
        continue
      }
      if let name { fields.append((name, latin1(value[...]))) }
      name = nil
      guard let colon = line.firstIndex(of: colonByte) else { continue }
      let fieldName = trimmed(line[..<colon])
      guard !fieldName.isEmpty else { continue }
      name = latin1(fieldName)
      value = Array(trimmed(line[(colon + 1)...]))
    }
    if let name { fields.append((name, latin1(value[...]))) }
    return HTTPResponse(statusCode: statusCode, fields: fields, bodyStart: lineStart)
  }

  /// The values of every field called `name` (compared without regard to case), in order.
  func values(_ name: String) -> [String] {
    let wanted = name.lowercased()
    return fields.filter { $0.name.lowercased() == wanted }.map(\.value)
  }

  /// The comma-separated list elements of every field called `name`, in order: trimmed,
  /// lowercased, and without empty elements. A comma inside a quoted string does not split.
  ///
  /// `Transfer-Encoding: gzip` and `transfer-encoding:  Chunked` on two lines give
  /// `["gzip", "chunked"]`; `Content-Encoding: , gzip,,` gives `["gzip"]`.
  func list(_ name: String) -> [String] {
    var elements: [String] = []
    for value in values(name) {
      let scalars = Array(value.unicodeScalars)
      var start = 0
      var index = 0
      var isQuoted = false
      while index <= scalars.count {
        if index == scalars.count || (scalars[index] == "," && !isQuoted) {
          let element = trimmed(scalars[start..<index]).lowercased()
          if !element.isEmpty { elements.append(element) }
          start = index + 1
        } else if scalars[index] == "\"" {
          isQuoted.toggle()
        } else if scalars[index] == "\\", isQuoted {
          index += 1
        }
        index += 1
      }
    }
    return elements
  }

  /// The media type of the last `Content-Type` field, as `type/subtype` in lower case, or nil
  /// when there is no such field or its value does not start with a type and a subtype.
  ///
  /// `Content-Type: Text/HTML ; Charset="KOI8-R"` gives `text/html`.
  var mediaType: String? {
    guard let value = values("Content-Type").last else { return nil }
    let scalars = Array(value.unicodeScalars)
    let end = scalars.firstIndex(of: ";") ?? scalars.endIndex
    let type = trimmed(scalars[..<end]).lowercased()
    let parts = type.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    return type
  }

  /// The `charset` parameter of the last `Content-Type` field, as written (not lowercased) and
  /// without white space around it, or nil when the parameter is missing or empty.
  ///
  /// Parameter names are compared without regard to case, and a quoted value loses its quotes
  /// and backslash escapes, so `text/html; Charset="Shift_JIS"` gives `Shift_JIS`. A `;`
  /// inside a quoted value does not end it. When `charset` is given twice, the first counts.
  var charset: String? {
    guard let value = values("Content-Type").last else { return nil }
    let scalars = Array(value.unicodeScalars)
    // Each pass starts on the `;` before a parameter.
    guard var index = scalars.firstIndex(of: ";") else { return nil }
    while index < scalars.count {
      index += 1
      let nameStart = index
      while index < scalars.count, scalars[index] != "=", scalars[index] != ";" { index += 1 }
      let name = trimmed(scalars[nameStart..<index]).lowercased()
      guard index < scalars.count, scalars[index] == "=" else { continue }
      index += 1
      while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
      var parameter: [Unicode.Scalar] = []
      if index < scalars.count, scalars[index] == "\"" {
        index += 1
        while index < scalars.count, scalars[index] != "\"" {
          if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
          parameter.append(scalars[index])
          index += 1
        }
        // Anything between the closing quote and the next `;` is not part of the value.
        while index < scalars.count, scalars[index] != ";" { index += 1 }
      } else {
        let valueStart = index
        while index < scalars.count, scalars[index] != ";" { index += 1 }
        parameter.append(contentsOf: scalars[valueStart..<index])
      }
      if name == "charset" {
        let charset = trimmed(parameter[...])
        return charset.isEmpty ? nil : charset
      }
    }
    return nil
  }

  /// The transfer codings applied to the body, in the order they were applied (the last is
  /// the outermost; `chunked`, when present, is last).
  var transferCodings: [String] { list("Transfer-Encoding") }

  /// The content codings applied to the body, in the order they were applied, without
  /// `identity` (which means none).
  var contentCodings: [String] { list("Content-Encoding").filter { $0 != "identity" } }

  /// Undoes the chunked transfer coding: the chunks' data joined, or nil when the body is not
  /// validly chunked.
  ///
  /// Each chunk is a size in hexadecimal (either case), optional white space, an optional
  /// extension after `;`, a line end (CR LF or LF), that many bytes of data and another line
  /// end. Reading stops at the chunk of size 0 (its line end may be missing); the trailer
  /// fields after it are ignored. A body that ends after a chunk's data, without the last chunk,
  /// is accepted as it is (crawlers cut long responses short); one that ends inside a chunk's
  /// size line or data is not. A size that is not hexadecimal, overflows `Int` or runs past the
  /// end of the body gives nil.
  ///
  /// `1A\r\n` followed by 26 bytes, `\r\n`, then `0\r\n\r\n` gives the 26 bytes.
  static func dechunk(_ body: ArraySlice<UInt8>) -> [UInt8]? {
    var data: [UInt8] = []
    var index = body.startIndex
    while index < body.endIndex {
      var size = 0
      let digitsStart = index
      while index < body.endIndex, let digit = hexValue(body[index]) {
        let (shifted, overflowed) = size.multipliedReportingOverflow(by: 16)
        guard !overflowed else { return nil }
        size = shifted | digit
        index += 1
      }
      guard index > digitsStart else { return nil }
      while index < body.endIndex, isWhiteSpace(body[index]) { index += 1 }
      if index < body.endIndex, body[index] == semicolon {
        // A chunk extension: skipped up to the line end.
        index = body[index...].firstIndex(of: lineFeed) ?? body.endIndex
      }
      let dataStart = afterLineEnd(body, at: index)
      if size == 0, dataStart != nil || index == body.endIndex { return data }
      guard let dataStart else { return nil }
      guard size <= body.endIndex - dataStart else { return nil }
      index = dataStart + size
      data.append(contentsOf: body[dataStart..<index])
      if index == body.endIndex { break }
      guard let next = afterLineEnd(body, at: index) else {
        // Data then a lone CR at the very end is a chunk cut short by one byte, not bad data.
        if index + 1 == body.endIndex, body[index] == carriageReturn { break }
        return nil
      }
      index = next
    }
    return data
  }

  /// The code of a status line such as `HTTP/1.1 404 Not Found`, or nil when the version is not
  /// followed by white space and exactly three digits.
  private static func statusCode(of line: ArraySlice<UInt8>) -> Int? {
    guard let versionEnd = line.firstIndex(where: isWhiteSpace) else { return nil }
    let rest = line[versionEnd...].drop(while: isWhiteSpace)
    let digits = rest.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
    guard digits.count == 3 else { return nil }
    if digits.endIndex < rest.endIndex, !isWhiteSpace(rest[digits.endIndex]) { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }

  /// The offset after the line end (CR LF or LF) at `index`, or nil when none starts there.
  private static func afterLineEnd(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
    var index = index
    if index < bytes.endIndex, bytes[index] == carriageReturn { index += 1 }
    guard index < bytes.endIndex, bytes[index] == lineFeed else { return nil }
    return index + 1
  }
}

private let lineFeed: UInt8 = 0x0A
private let carriageReturn: UInt8 = 0x0D
private let space: UInt8 = 0x20
private let tab: UInt8 = 0x09
private let colonByte: UInt8 = 0x3A
private let semicolon: UInt8 = 0x3B

/// Whether a byte is optional white space in HTTP's sense: a space or a horizontal tab.
private func isWhiteSpace(_ byte: UInt8) -> Bool {
  byte == space || byte == tab
}

/// The value of a hexadecimal digit in either case, or nil for any other byte.
private func hexValue(_ byte: UInt8) -> Int? {
  switch byte {
  case 0x30...0x39: Int(byte - 0x30)
  case 0x41...0x46: Int(byte - 0x41 + 10)
  case 0x61...0x66: Int(byte - 0x61 + 10)
  default: nil
  }
}

/// The bytes without the spaces and tabs at either end.
private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
  guard let first = bytes.firstIndex(where: { !isWhiteSpace($0) }),
    let last = bytes.lastIndex(where: { !isWhiteSpace($0) })
  else { return bytes[bytes.endIndex...] }
  return bytes[first...last]
}

/// The scalars without the spaces and tabs at either end, as a string.
private func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
  let isText: (Unicode.Scalar) -> Bool = { $0 != " " && $0 != "\t" }
  guard let first = scalars.firstIndex(where: isText), let last = scalars.lastIndex(where: isText)
  else { return "" }
  return String(String.UnicodeScalarView(scalars[first...last]))
}

/// Bytes read as ISO-8859-1: each byte becomes the Unicode scalar of the same number, so no
/// byte is lost or replaced (0xE9 is `é`, as it is in Latin-1 header values).
private func latin1(_ bytes: ArraySlice<UInt8>) -> String {
  var text = String.UnicodeScalarView()
  text.reserveCapacity(bytes.count)
  for byte in bytes { text.append(Unicode.Scalar(byte)) }
  return String(text)
}
