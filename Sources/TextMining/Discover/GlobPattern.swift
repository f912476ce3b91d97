/// A path pattern such as `**/*.html`, matched against paths relative to a sources root.
///
/// `*` matches any characters within one path segment, `?` one character, `[abc]` and `[a-z]`
/// one of a set (`[!abc]` none of it), `{html,htm}` one of the alternatives, and a `**` segment
/// any number of segments, none included. Matching ignores case, since report archives mix
/// `.HTM` and `.htm`.
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  /// The pattern with its braces expanded, cut into segments.
  private let alternatives: [[[Unicode.Scalar]]]

  /// Why a pattern is malformed, with the 0-based scalar offset of the problem.
  public struct SyntaxError: Error, Equatable {
    public var offset: Int
    public var message: String
  }

  /// Compiles a pattern.
  ///
  /// - Throws: `SyntaxError` for an empty or absolute pattern, `..`, or an unclosed `[` or `{`.
  public init(_ pattern: String) throws(SyntaxError) {
    let scalars = Array(pattern.lowercased().unicodeScalars)
    guard !scalars.isEmpty else { throw SyntaxError(offset: 0, message: "empty pattern") }
    guard scalars.first != "/" else {
      throw SyntaxError(
        offset: 0,
        message: "pattern '\(pattern)' is absolute; patterns are relative to a source folder")
    }
    try Self.checkBrackets(scalars, pattern: pattern)
    var budget = Self.maxAlternatives
    let expanded = try Self.expandBraces(
      scalars, offset: 0, pattern: pattern, budget: &budget)
    var alternatives: [[[Unicode.Scalar]]] = []
    for alternative in expanded {
      let segments = alternative.split(separator: "/", omittingEmptySubsequences: true).map(
        Array.init)
      if let dots = segments.firstIndex(where: { $0 == [".", "."] }) {
        throw SyntaxError(offset: dots, message: "pattern '\(pattern)' may not contain '..'")
      }
      alternatives.append(segments)
    }
    self.pattern = pattern
    self.alternatives = alternatives
  }

  public var description: String { pattern }

  /// Whether a relative path (segments separated by `/`) matches.
  public func matches(_ relativePath: String) -> Bool {
    let segments = relativePath.lowercased().unicodeScalars.split(separator: "/").map(Array.init)
    return alternatives.contains { Self.match(pattern: $0[...], path: segments[...]) }
  }

  private static func match(
    pattern: ArraySlice<[Unicode.Scalar]>, path: ArraySlice<[Unicode.Scalar]>
  ) -> Bool {
    guard let first = pattern.first else { return path.isEmpty }
    if first == ["*", "*"] {
      let rest = pattern.dropFirst()
      var remaining = path
      while true {
        if match(pattern: rest, path: remaining) { return true }
        guard !remaining.isEmpty else { return false }
        remaining = remaining.dropFirst()
      }
    }
    guard let segment = path.first, matchSegment(first[...], segment[...]) else { return false }
    return match(pattern: pattern.dropFirst(), path: path.dropFirst())
  }

  private static func matchSegment(
    _ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>
  ) -> Bool {
    var p = pattern.startIndex
    var n = name.startIndex
    var starP: Int?
    var starN = 0
    while n < name.endIndex {
      if p < pattern.endIndex {
        let c = pattern[p]
        if c == "*" {
          starP = p
          starN = n
          p += 1
          continue
        }
        if c == "?" {
          p += 1
          n += 1
          continue
        }
        if c == "[", let (matched, next) = matchClass(pattern, at: p, scalar: name[n]) {
          if matched {
            p = next
            n += 1
            continue
          }
        } else if c == name[n] {
          p += 1
          n += 1
          continue
        }
      }
      guard let star = starP else { return false }
      p = star + 1
      starN += 1
      n = starN
    }
    while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
    return p == pattern.endIndex
  }

  /// Matches `[...]` at `start`; returns whether the scalar is in the set and the index after `]`.
  private static func matchClass(
    _ pattern: ArraySlice<Unicode.Scalar>, at start: Int, scalar: Unicode.Scalar
  ) -> (Bool, Int)? {
    var index = start + 1
    var negated = false
    if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" {
      negated = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.endIndex, pattern[index] != "]" || first {
      first = false
      let low = pattern[index]
      if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
        if low <= scalar && scalar <= pattern[index + 2] { matched = true }
        index += 3
      } else {
        if low == scalar { matched = true }
        index += 1
      }
    }
    guard index < pattern.endIndex else { return nil }
    return (matched != negated, index + 1)
  }

  private static func checkBrackets(_ scalars: [Unicode.Scalar], pattern: String)
    throws(SyntaxError)
  {
    var index = 0
    while index < scalars.count {
      if scalars[index] == "[" {
        var end = index + 1
        if end < scalars.count, scalars[end] == "!" || scalars[end] == "^" { end += 1 }
        if end < scalars.count, scalars[end] == "]" { end += 1 }
        while end < scalars.count, scalars[end] != "]" { end += 1 }
        guard end < scalars.count else {
          throw SyntaxError(offset: index, message: "unclosed '[' in pattern '\(pattern)'")
        }
        index = end
      }
      index += 1
    }
  }

  /// Expands the first `{a,b}` group (recursively), keeping nesting right.
  /// The most alternatives a pattern's braces may expand to: each group multiplies them, so a
  /// hostile pattern of a few dozen groups would otherwise take all memory and time.
  static let maxAlternatives = 1024

  private static func expandBraces(
    _ scalars: [Unicode.Scalar], offset: Int, pattern: String, budget: inout Int
  )
    throws(SyntaxError) -> [[Unicode.Scalar]]
  {
    guard let open = scalars.firstIndex(of: "{") else {
      if let close = scalars.firstIndex(of: "}") {
        throw SyntaxError(offset: offset + close, message: "unmatched '}' in pattern '\(pattern)'")
      }
      budget -= 1
      guard budget >= 0 else {
        throw SyntaxError(
          offset: offset,
          message:
            "the braces of pattern '\(pattern)' expand to more than \(maxAlternatives) alternatives"
        )
      }
      return [scalars]
    }
    var depth = 0
    var close: Int?
    var commas: [Int] = []
    for index in open..<scalars.count {
      switch scalars[index] {
      case "{": depth += 1
      case "}":
        depth -= 1
        if depth == 0 { close = index }
      case "," where depth == 1: commas.append(index)
      default: break
      }
      if close != nil { break }
    }
    guard let close else {
      throw SyntaxError(offset: offset + open, message: "unclosed '{' in pattern '\(pattern)'")
    }
    let prefix = Array(scalars[..<open])
    let suffix = Array(scalars[(close + 1)...])
    let bounds = [open] + commas + [close]
    var results: [[Unicode.Scalar]] = []
    for index in 0..<(bounds.count - 1) {
      let option = Array(scalars[(bounds[index] + 1)..<bounds[index + 1]])
      results += try expandBraces(
        prefix + option + suffix, offset: offset, pattern: pattern, budget: &budget)
    }
    return results
  }
}
