/// Folds a word token to the form phrases are matched on: lower case, no possessive, singular.
///
/// The same folding applies to taxonomy phrases and to document text, so it only needs to be
/// consistent, not linguistically exact:
///
///     TokenNormalizer.normalize("LSPs")          // "lsp"
///     TokenNormalizer.normalize("Boundaries")    // "boundary"
///     TokenNormalizer.normalize("partnership’s") // "partnership"
///     TokenNormalizer.normalize("VCS")           // "vcs" (words under four bytes keep their s)
///     TokenNormalizer.normalize("Organizations") // "organisation" (American spellings fold to British)
///     TokenNormalizer.normalize("neighborhood")  // "neighbourhood"
enum TokenNormalizer {
  /// The normalised form of one word token.
  static func normalize<S: StringProtocol>(_ token: S) -> String {
    var bytes = Array(Self.visible(String(token)).lowercased().utf8)
    fold(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The normalised last word of a phrase or a name: "Community Empowerment Network" →
  /// "network". Nil for an empty text.
  static func lastWord(of text: String) -> String? {
    text.split(separator: " ").last.map { normalize($0) }
  }

  /// Writes the normalised UTF-8 of a token into `scratch`, avoiding allocations.
  ///
  /// ASCII tokens, nearly all of them, are lower-cased byte by byte; others go through
  /// `String.lowercased()`. The bytes equal `normalize(_:)` of the same token.
  static func normalize(utf8 token: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8]) {
    scratch.removeAll(keepingCapacity: true)
    if token.allSatisfy({ $0 < 0x80 }) {
      for byte in token { scratch.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
    } else {
      scratch.append(contentsOf: visible(String(decoding: token, as: UTF8.self)).lowercased().utf8)
    }
    fold(&scratch)
  }

  /// The string without default-ignorable code points (soft hyphens, zero-width spaces and
  /// joiners, bidirectional controls, variation selectors): invisible, so "tr\u{AD}ust"
  /// matches "trust". The offsets of a match still span the characters as written.
  /// ASCII text holds none, and the others are found by a range check, so the tokens of a
  /// sentence cost no Unicode property lookups.
  static func visible(_ string: String) -> String {
    guard string.utf8.contains(where: { $0 >= 0xC2 }),
      string.unicodeScalars.contains(where: { Unicode.isDefaultIgnorable($0.value) })
    else { return string }
    var result = String.UnicodeScalarView()
    result.append(
      contentsOf: string.unicodeScalars.lazy.filter { !Unicode.isDefaultIgnorable($0.value) })
    return String(result)
  }

  /// Whether a word of at most four bytes is one `normalizeASCII` leaves as it is: lower-case
  /// ASCII letters only, and not four ending in s (a plural or possessive fold needs four
  /// bytes or an apostrophe, a spelling fold five).
  @inline(__always)
  static func foldsToItself(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !word.isEmpty, word.count <= 4 else { return false }
    for byte in word where byte < UInt8(ascii: "a") || byte > UInt8(ascii: "z") { return false }
    return word.count < 4 || word[3] != UInt8(ascii: "s")
  }

  /// The fast path of `normalize(utf8:into:)` for an ASCII token (a right single quote, as in
  /// "partner’s", is allowed), written into `out`, which must hold `token.count + 3` bytes (an
  /// American whole word's British form may be longer: "program", "programme").
  /// Returns the normalised length, or nil for a token with another non-ASCII character: those
  /// take the general path. The bytes equal the general path's.
  static func normalizeASCII(
    _ token: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>
  ) -> Int? {
    var count = 0
    var index = 0
    while index < token.count {
      let byte = token[index]
      if byte < 0x80 {
        out[count] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        count += 1
        index += 1
      } else if byte == 0xE2, index + 2 < token.count, token[index + 1] == 0x80,
        token[index + 2] == 0x99
      {
        // The right single quote of "partner’s", which lower-casing leaves as it is.
        out[count] = 0xE2
        out[count + 1] = 0x80
        out[count + 2] = 0x99
        count += 3
        index += 3
      } else {
        return nil
      }
    }
    let s = UInt8(ascii: "s")
    if count >= 2, out[count - 1] == s, out[count - 2] == 0x27 {
      count -= 2
    } else if count >= 4, out[count - 1] == s, ends(out, count - 1, "\u{2019}") {
      count -= 4
    } else if count >= 1, out[count - 1] == 0x27 {
      count -= 1
    } else if ends(out, count, "\u{2019}") {
      count -= 3
    }
    if count >= 4, out[count - 1] == s {
      if count > 4, ends(out, count, "ies") {
        count -= 2
        out[count - 1] = UInt8(ascii: "y")
      } else if ends(out, count, "sses") || ends(out, count, "xes") || ends(out, count, "ches")
        || ends(out, count, "shes")
      {
        count -= 2
      } else if !(ends(out, count, "ss") || ends(out, count, "us") || ends(out, count, "is")) {
        count -= 1
      }
    }
    // British spelling: each suffix fold (`suffixFolds`, in the same order) turns the z second
    // in the suffix into an s and keeps the length; whole words go the general way.
    let last = out[max(count - 1, 0)]
    if count > 5,
      last == UInt8(ascii: "e") || last == UInt8(ascii: "g") || last == UInt8(ascii: "d")
        || last == UInt8(ascii: "n")
    {
      if let length = zSuffixLength(out, count) {
        out[count - length + 1] = s
        return count
      }
    }
    if count >= 5, count <= 12, isLetter(out[0], in: americanFirstLetters),
      isLetter(out[count - 1], in: americanLastLetters)
    {
      // One of the few American whole words ("center", "program"): compared byte by byte,
      // without a String, and written out in its British form.
      for (american, british) in americanWordBytes where american.count == count {
        var same = true
        for index in 0..<count where out[index] != american[index] {
          same = false
          break
        }
        guard same else { continue }
        for index in 0..<british.count { out[index] = british[index] }
        return british.count
      }
    }
    return count
  }

  /// The American whole words and their British forms as bytes, for the fast path. A British
  /// form is at most two bytes longer than its American one ("program", "programme").
  private static let americanWordBytes: [(american: [UInt8], british: [UInt8])] =
    americanWords.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), Array($0.value.utf8)) }

  /// First and last letters of the American words, as bit sets over a to z (bit 0 is a): the
  /// fast path's filter, which must not touch an array.
  private static let americanFirstLetters: UInt32 = letterSet(
    americanWords.keys.compactMap { $0.utf8.first })
  private static let americanLastLetters: UInt32 = letterSet(
    americanWords.keys.compactMap { $0.utf8.last })

  private static func letterSet(_ bytes: [UInt8]) -> UInt32 {
    bytes.reduce(0) { $0 | (1 << UInt32($1 - UInt8(ascii: "a"))) }
  }

  @inline(__always)
  private static func isLetter(_ byte: UInt8, in set: UInt32) -> Bool {
    byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
      && set & (1 << UInt32(byte - UInt8(ascii: "a"))) != 0
  }

  /// The length of the first of the z suffixes that the `count` bytes at `word` end with and
  /// are longer than, in `suffixFolds` order.
  @inline(__always)
  private static func zSuffixLength(_ word: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int? {
    if count > 7, ends(word, count, "ization") { return 7 }
    if count > 5, ends(word, count, "izing") { return 5 }
    if count > 4, ends(word, count, "ized") { return 4 }
    if count > 3, ends(word, count, "ize") { return 3 }
    if count > 5, ends(word, count, "yzing") { return 5 }
    if count > 4, ends(word, count, "yzed") { return 4 }
    if count > 3, ends(word, count, "yze") { return 3 }
    return nil
  }

  /// Whether a word's normalised form is sure to hold a non-ASCII character: it has a non-ASCII
  /// character other than the right single quote (which folding may drop) and the Kelvin sign
  /// (whose lower case is an ASCII k).
  static func cannotFoldToASCII(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    var foreign = false
    while index < word.count {
      let byte = word[index]
      if byte < 0x80 {
        index += 1
      } else if byte == 0xE2, index + 2 < word.count, word[index + 1] == 0x80,
        word[index + 2] == 0x99
      {
        index += 3
      } else if byte == 0xE2, index + 2 < word.count, word[index + 1] == 0x84,
        word[index + 2] == 0xAA
      {
        return false
      } else if let width = Unicode.defaultIgnorableWidth(word, at: index) {
        // Invisible, and dropped by normalisation.
        index += width
      } else {
        foreign = true
        index += 1
      }
    }
    return foreign
  }

  /// Whether the `count` bytes at `word` end with `suffix`.
  @inline(__always)
  private static func ends(
    _ word: UnsafeMutablePointer<UInt8>, _ count: Int, _ suffix: StaticString
  ) -> Bool {
    let length = suffix.utf8CodeUnitCount
    guard count >= length else { return false }
    let tail = word + (count - length)
    let head = suffix.utf8Start
    for index in 0..<length where tail[index] != head[index] { return false }
    return true
  }

  private static let rightQuote: [UInt8] = [0xE2, 0x80, 0x99]

  /// Drops a possessive ('s, ’s, or a bare apostrophe) and folds a plural, on lower-case UTF-8.
  private static func fold(_ word: inout [UInt8]) {
    if word.last == UInt8(ascii: "s"), word.dropLast().last == 0x27 {
      word.removeLast(2)
    } else if word.last == UInt8(ascii: "s"), word.dropLast().suffix(3).elementsEqual(rightQuote) {
      word.removeLast(4)
    } else if word.last == 0x27 {
      word.removeLast()
    } else if word.suffix(3).elementsEqual(rightQuote) {
      word.removeLast(3)
    }
    defer { britishSpelling(&word) }
    guard word.count >= 4, word.last == UInt8(ascii: "s") else { return }
    if ends(word, "ies"), word.count > 4 {
      word.removeLast(3)
      word.append(UInt8(ascii: "y"))
    } else if ends(word, "sses") || ends(word, "xes") || ends(word, "ches") || ends(word, "shes") {
      word.removeLast(2)
    } else if !(ends(word, "ss") || ends(word, "us") || ends(word, "is")) {
      word.removeLast()
    }
  }

  /// American spellings that differ from British ones by more than a suffix.
  private static let americanWords: [String: String] = [
    "neighborhood": "neighbourhood", "neighbor": "neighbour", "neighboring": "neighbouring",
    "center": "centre",
    "program": "programme", "behavior": "behaviour", "labor": "labour", "favor": "favour",
    "honor": "honour",
    "defense": "defence", "license": "licence", "catalog": "catalogue", "fulfill": "fulfil",
    "enroll": "enrol",
    "judgment": "judgement", "endeavor": "endeavour", "rumor": "rumour", "vigor": "vigour",
  ]

  /// First and last bytes of the American words, a cheap filter before the dictionary lookup:
  /// bit 0 of entry b is set when some word starts with byte b, bit 1 when some word ends with it.
  private static let americanEdgeBytes: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for word in americanWords.keys {
      if let first = word.utf8.first { table[Int(first)] |= 1 }
      if let last = word.utf8.last { table[Int(last)] |= 2 }
    }
    return table
  }()

  /// Folds American spellings to British ones: -ize/-yze forms to -ise/-yse (in words of more
  /// than five letters) and a short list of whole words.
  private static let suffixFolds: [(american: [UInt8], british: [UInt8])] = [
    ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("ize", "ise"),
    ("yzing", "ysing"),
    ("yzed", "ysed"), ("yze", "yse"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  private static func britishSpelling(_ word: inout [UInt8]) {
    // Every folded suffix ends in e, g, d or n; most words end otherwise and return at once.
    if word.count > 5, let last = word.last,
      last == UInt8(ascii: "e") || last == UInt8(ascii: "g") || last == UInt8(ascii: "d")
        || last == UInt8(ascii: "n")
    {
      for fold in suffixFolds
      where word.count > fold.american.count
        && word.suffix(fold.american.count).elementsEqual(fold.american)
      {
        word.removeLast(fold.american.count)
        word.append(contentsOf: fold.british)
        return
      }
    }
    guard word.count >= 5, word.count <= 12, let first = word.first, let last = word.last,
      americanEdgeBytes[Int(first)] & 1 != 0, americanEdgeBytes[Int(last)] & 2 != 0,
      let british = americanWords[String(decoding: word, as: UTF8.self)]
    else { return }
    word = Array(british.utf8)
  }

  private static func ends(_ word: [UInt8], _ suffix: StaticString) -> Bool {
    let count = suffix.utf8CodeUnitCount
    guard word.count >= count else { return false }
    return suffix.withUTF8Buffer { word.suffix(count).elementsEqual($0) }
  }
}
