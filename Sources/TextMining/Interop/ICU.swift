internal import CTextShim

/// Calls into ICU (converters and break iterators) through the CTextShim boundary.
enum ICU {
  /// Why a conversion to UTF-8 failed.
  enum ConversionFailure: Error, Equatable {
    /// ICU has no converter for the charset label.
    case unknownCharset
    /// The bytes hold an invalid or unmapped sequence starting at this byte offset.
    case invalidBytes(byteOffset: Int)
    /// Any other ICU failure.
    case failed
  }

  /// Converts bytes in a charset to a Swift string, refusing invalid or unmapped sequences.
  ///
  /// - Parameters:
  ///   - bytes: the encoded text, without a byte order mark.
  ///   - charset: an ICU converter name or alias, such as "windows-1252" or "UTF-16LE".
  /// - Returns: the decoded text, or why it could not be decoded.
  static func string(from bytes: UnsafeRawBufferPointer, charset: String) -> Result<
    String, ConversionFailure
  > {
    var length = 0
    var status = TM_CONVERT_OK
    var errorOffset = 0
    let converted = tm_convert_to_utf8(
      charset, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, &length,
      &status, &errorOffset)
    guard let converted else {
      switch status {
      case TM_CONVERT_UNKNOWN_CHARSET: return .failure(.unknownCharset)
      case TM_CONVERT_INVALID_BYTES: return .failure(.invalidBytes(byteOffset: errorOffset))
      default: return .failure(.failed)
      }
    }
    defer { tm_free(converted) }
    let buffer = UnsafeRawBufferPointer(start: converted, count: length)
    return .success(String(decoding: buffer, as: UTF8.self))
  }

  /// ICU's best guess at the charset of some bytes, its confidence (0-100) and the second-best
  /// guess's confidence, or nil.
  static func detectCharset(of bytes: [UInt8]) -> (name: String, confidence: Int, runnerUp: Int)? {
    var name = [CChar](repeating: 0, count: 64)
    var confidence: Int32 = 0
    var runnerUp: Int32 = 0
    let found = bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return name.withUnsafeMutableBufferPointer { out -> Bool in
        guard let outBase = out.baseAddress else { return false }
        return tm_detect_charset(base, buffer.count, outBase, out.count, &confidence, &runnerUp)
      }
    }
    guard found else { return nil }
    let label = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (label, Int(confidence), Int(runnerUp))
  }

  /// Sentence boundaries and word tokens of a UTF-8 text.
  struct Segments: Sendable {
    /// Sentence boundaries as UTF-8 byte offsets, from 0 to the text's byte count.
    var sentenceBoundaries: [Int]
    /// Word tokens (letters, numbers, ideographs) as UTF-8 byte ranges, in order.
    var wordRanges: [Range<Int>]
  }

  /// Finds sentence and word boundaries with ICU, working on the string's UTF-8 in place.
  ///
  /// - Parameters:
  ///   - text: the text to segment.
  ///   - locale: an ICU locale ID (`en_GB`; `@ss=standard` would add ICU's abbreviation suppressions).
  ///   - asciiFastPath: whether plain ASCII is split into words and sentences without ICU, by
  ///     the rules ICU applies to it under English locales (the same boundaries; false asks ICU
  ///     for every one, as the test that checks this does).
  /// - Returns: the segments, or `nil` when ICU failed (for example an unknown locale).
  static func segments(of text: String, locale: String, asciiFastPath: Bool = true) -> Segments? {
    var text = text
    return text.withUTF8 { utf8 -> Segments? in
      guard let base = utf8.baseAddress, utf8.count > 0 else {
        return Segments(sentenceBoundaries: [0], wordRanges: [])
      }
      var result = tm_segmentation()
      let status = base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
        tm_segment_with($0, utf8.count, locale, asciiFastPath, &result)
      }
      guard status == 0 else { return nil }
      defer { tm_segmentation_free(&result) }
      var boundaries: [Int] = []
      if let pointer = result.sentence_boundaries {
        boundaries = Array(
          UnsafeBufferPointer(start: pointer, count: result.sentence_boundary_count))
      }
      var words: [Range<Int>] = []
      if let tokens = result.tokens {
        words.reserveCapacity(result.token_count)
        for token in UnsafeBufferPointer(start: tokens, count: result.token_count) {
          // ICU breaks a word at a zero-width space; a word that only invisible characters
          // split ("tr\u{200B}ust") is one word.
          // (Such characters start with a byte of 0xC2 or more: a space is passed at once.)
          if let last = words.last, last.upperBound < token.start,
            utf8[last.upperBound] >= 0xC2,
            Unicode.isDefaultIgnorable(
              UnsafeBufferPointer(rebasing: utf8[last.upperBound..<token.start]))
          {
            words[words.count - 1] = last.lowerBound..<token.end
            continue
          }
          words.append(token.start..<token.end)
        }
      }
      return Segments(sentenceBoundaries: boundaries, wordRanges: words)
    }
  }
}
