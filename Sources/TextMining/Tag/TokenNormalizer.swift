/// Folds a word token to the form phrases are matched on: lower case, no possessive, singular.
///
/// The same folding applies to taxonomy phrases and to document text, so it only needs to be
/// consistent, not linguistically exact:
///
///     TokenNormalizer.normalize("LSPs")          // "lsp"
///     TokenNormalizer.normalize("Boundaries")    // "boundary"
///     TokenNormalizer.normalize("partnership’s") // "partnership"
///     TokenNormalizer.normalize("VCS")           // "vcs" (words under four letters keep their s)
enum TokenNormalizer {
  /// The normalised form of one word token.
  static func normalize<S: StringProtocol>(_ token: S) -> String {
    var word = token.lowercased()
    if word.hasSuffix("'s") || word.hasSuffix("’s") {
      word.removeLast(2)
    } else if word.hasSuffix("'") || word.hasSuffix("’") {
      word.removeLast()
    }
    return singular(word)
  }

  private static func singular(_ word: String) -> String {
    let utf8 = word.utf8
    guard utf8.count >= 4, utf8.last == UInt8(ascii: "s") else { return word }
    if word.hasSuffix("ies"), utf8.count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
      return String(word.dropLast(2))
    }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
    return String(word.dropLast())
  }
}
