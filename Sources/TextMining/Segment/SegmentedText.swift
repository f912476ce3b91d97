/// One sentence of a document: a span of one block's text and the word tokens in it.
public struct Sentence: Sendable, Equatable {
  /// Index of the block the sentence is in.
  public var block: Int
  /// UTF-8 byte range of the sentence in the document text, white space trimmed.
  public var utf8Range: Range<Int>
  /// Indices of the sentence's tokens in `SegmentedText.tokens`.
  public var tokenIndices: Range<Int>
}

/// A document's text cut into sentences and word tokens.
public struct SegmentedText: Sendable {
  /// The extracted text the ranges refer to.
  public var extracted: ExtractedText
  /// `extracted.text`, computed once.
  public var text: String
  /// UTF-8 byte offset where each block starts in `text`.
  public var blockOffsets: [Int]
  /// The sentences in text order; none crosses a block boundary.
  public var sentences: [Sentence]
  /// Word tokens (letters, numbers; no spaces or punctuation) as UTF-8 byte ranges of `text`.
  public var tokens: [Range<Int>]
  /// The blocks that are entries of a reference list in the author-date form ("Venn, L. and
  /// Osei, K. (2005) 'Consulted to death? ...'"): their units cite a work and judge nothing.
  public var citationBlocks: Set<Int> = []

  /// The text of a UTF-8 byte range of `text`.
  public func string(utf8Range range: Range<Int>) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(text[start..<end])
  }
}

/// Why a text could not be segmented.
public enum SegmentationError: Error, Equatable, CustomStringConvertible {
  /// ICU refused the locale or the text.
  case icuFailed(locale: String)

  public var description: String {
    switch self {
    case .icuFailed(let locale): "ICU could not segment the text with locale '\(locale)'"
    }
  }
}

/// The segment stage: extracted text in, sentences and tokens out.
public protocol Segmenter: Sendable {
  /// Cuts a document's text into sentences and word tokens.
  ///
  /// - Parameter extracted: the document's blocks.
  /// - Returns: the sentences and tokens, with byte ranges into `extracted.text`.
  /// - Throws: `SegmentationError` when the break iterators fail.
  func segment(_ extracted: ExtractedText) throws(SegmentationError) -> SegmentedText
}
