import Foundation

/// Checks a taxonomy for cues and exclusions that do no work, alone and against a corpus's
/// output, for the people who maintain the codebook (`lspminer lint`).
///
/// Alone, the taxonomy is checked for:
/// - cues that never fire on their own words (a longer cue, an exclusion, a name or a sense
///   rule takes them), which can therefore never fire anywhere;
/// - exclusions that contain no cue of any code, which can never block anything.
///
/// Against an output folder, also for:
/// - codes with cues that have no record in the output;
/// - cues that fire far more often than the rest of their code (a sign that they are matching
///   another sense of the word): at least `dominantMinimum` records, at least half of the code's,
///   and at least `dominantFactor` times as many as the code's next cue;
/// - exclusions that never matched in the output's texts (`text/`), so never blocked anything.
public struct TaxonomyLint {
  /// One thing found, at the phrase in the taxonomy file where there is one.
  public struct Warning: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case neverFires = "never-fires"
      case deadExclusion = "dead-exclusion"
      case silentCode = "silent-code"
      case dominantCue = "dominant-cue"
      case unusedExclusion = "unused-exclusion"
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    public var message: String
  }

  /// What an output showed.
  public struct OutputCounts: Sendable {
    public var documents = 0
    public var records = 0
    /// Documents whose text was read again for the exclusion check.
    public var texts = 0
  }

  public let taxonomy: Taxonomy
  public var tagger: TaxonomyTagger
  public var segmenter: any Segmenter
  /// The thresholds of the dominant-cue check.
  public var dominantMinimum = 20
  public var dominantFactor = 5

  public init(taxonomy: Taxonomy, tagger: TaxonomyTagger, segmenter: any Segmenter) {
    self.taxonomy = taxonomy
    self.tagger = tagger
    self.segmenter = segmenter
  }

  private var matcher: PhraseMatcher { taxonomy.matcher }

  /// Each code's definition by code.
  private var definitions: [Code: Codebook.CodeDefinition] {
    Dictionary(taxonomy.codes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Where an entry is written in the taxonomy file.
  private func position(of entry: Int) -> (line: Int, column: Int) {
    let item = matcher.entries[entry]
    let definition = definitions[item.code]
    let phrases = item.isExclusion ? definition?.exclusions : definition?.phrases
    let phrase = phrases?.first { $0.text == item.phrase }
    return (phrase?.line ?? 0, phrase?.column ?? 0)
  }

  private func segmented(_ text: String) -> SegmentedText? {
    try? segmenter.segment(
      ExtractedText(title: nil, blocks: [Block(kind: .paragraph, text: text, line: 1)]))
  }

  /// The matcher's entries that are the codebook's own cues and exclusions (the matcher also
  /// holds the participation rules' words, which are no code's).
  private var codebookEntries: [Int] {
    let codes = Set(taxonomy.codes.map(\.code))
    return matcher.entries.indices.filter { codes.contains(matcher.entries[$0].code) }
  }

  /// The checks of the taxonomy alone.
  public func taxonomyWarnings() -> [Warning] {
    var warnings: [Warning] = []
    let entries = codebookEntries
    for index in entries where !matcher.entries[index].isExclusion {
      let entry = matcher.entries[index]
      // "#" stands for any number.
      var text = entry.phrase.split(separator: " ").map { $0 == "#" ? "12" : String($0) }.joined(
        separator: " ")
      // A plural-only cue is tried in the plural ("results").
      if entry.isPluralOnly {
        text += ["s", "x", "ch", "sh"].contains(where: { text.hasSuffix($0) }) ? "es" : "s"
      }
      // A cue that needs a companion (`with`) is tried after a plain cue of one of its
      // companions ("police covers"): one that needs no companion or blocker itself, since
      // companions are taken only from such cues. With none (the names code) it is not tried.
      let companions = entry.constraints?.companions ?? []
      if !companions.isEmpty {
        let all = definitions
        guard
          let cue = companions.lazy.compactMap({ all[$0] }).flatMap(\.phrases).first(where: {
            !$0.isPluralOnly && !$0.text.contains("#") && $0.companions.isEmpty
              && $0.companionWords.isEmpty && $0.blockers.isEmpty
          })?.text
        else { continue }
        text = cue + " " + text
      } else if let word = entry.constraints?.companionWords.min() {
        // A cue that needs a companion word (`with_words`) is tried with one after it.
        text += " " + word
      }
      guard let segmented = segmented(text) else { continue }
      let analysis = tagger.analysis(of: segmented)
      if analysis.mentions.contains(where: { $0.code == entry.code }) { continue }
      let sentence = analysis.sentences.values.first
      // The companion's own cue and mention are not what took the cue's words.
      let others = sentence?.matchedEntries.filter {
        $0 != index && !companions.contains(matcher.entries[$0].code)
      }
      let reason: String
      if sentence?.blocked.isEmpty == false {
        reason = "a blocking word (without) stands in its clause"
      } else if sentence?.unaccompanied.isEmpty == false {
        reason = "its companion's cue does not stand in its clause"
      } else if let exclusion = sentence?.exclusions.first {
        reason =
          "the exclusion '\(exclusion.entry.phrase)' of \(exclusion.entry.code) takes its words"
      } else if let other = others?.first {
        reason =
          "the cue '\(matcher.entries[other].phrase)' of \(matcher.entries[other].code) takes its words"
      } else if let name = sentence?.names.first {
        reason = "it is read as part of a partnership name (\(name.name))"
      } else if let coded = analysis.mentions.first(where: { !companions.contains($0.code) }) {
        reason = "its words are tagged \(coded.code) instead"
      } else if sentence?.jobTitles.isEmpty == false {
        reason = "it is read as a job title"
      } else {
        reason = "the tagger's sense rules drop it"
      }
      let (line, column) = position(of: index)
      warnings.append(
        Warning(
          kind: .neverFires, line: line, column: column,
          message:
            "cue '\(entry.phrase)' of \(entry.code) never fires on its own words: \(reason)"))
    }
    // An exclusion may block a participation cue too ("member noted" blocks the cue "member"),
    // so those cues count here, though they are not tried as cues of their own above.
    let codebookSet = Set(entries)
    let cueForms = matcher.entries.indices.filter {
      !matcher.entries[$0].isExclusion
        && (codebookSet.contains($0) || ParticipationRules.isCue(matcher.entries[$0].code))
    }.flatMap { index in
      matcher.entryForms[index].map { (index, $0) }
    }
    for index in entries where matcher.entries[index].isExclusion {
      let entry = matcher.entries[index]
      let contains = matcher.entryForms[index].contains { form in
        cueForms.contains { _, cue in Self.contains(form, cue) }
      }
      guard !contains else { continue }
      let (line, column) = position(of: index)
      warnings.append(
        Warning(
          kind: .deadExclusion, line: line, column: column,
          message:
            "exclusion '\(entry.phrase)' of \(entry.code) contains no cue of any code, so it can never block one"
        ))
    }
    return warnings
  }

  /// Whether `part` appears in `whole` as a run of tokens.
  private static func contains(_ whole: [Int32], _ part: [Int32]) -> Bool {
    guard !part.isEmpty, part.count <= whole.count else { return false }
    for start in 0...(whole.count - part.count) where whole[start] == part[0] {
      if Array(whole[start..<(start + part.count)]) == part { return true }
    }
    return false
  }

  /// The checks against an output: its records, and its texts (`text/`) where it kept them.
  public func outputWarnings(_ reader: inout OutputReader) throws -> ([Warning], OutputCounts) {
    var counts = OutputCounts()
    var recordsByCode: [Code: Int] = [:]
    var recordsByEntry: [Int: Int] = [:]
    var matchedEntries: [Int: Int] = [:]
    let textFolder = reader.folder + "/text"
    let hasTexts = FileManager.default.fileExists(atPath: textFolder)
    try reader.forEachDocument { document, records in
      counts.documents += 1
      for record in records {
        counts.records += 1
        guard let code = Code(rawValue: record.code) else { continue }
        recordsByCode[code, default: 0] += 1
        if let entry = matcher.entry(spelledBy: record.match), matcher.entries[entry].code == code {
          recordsByEntry[entry, default: 0] += 1
        }
      }
      guard hasTexts,
        let data = FileManager.default.contents(atPath: "\(textFolder)/\(document.docID).txt")
      else { return }
      counts.texts += 1
      let blocks = String(decoding: data, as: UTF8.self).components(separatedBy: "\n\n")
        .enumerated().map { Block(kind: .paragraph, text: $1, line: $0 + 1) }
      guard let segmented = try? segmenter.segment(ExtractedText(title: nil, blocks: blocks))
      else { return }
      for sentence in tagger.analysis(of: segmented).sentences.values {
        for entry in sentence.matchedEntries { matchedEntries[entry, default: 0] += 1 }
      }
    }
    var warnings: [Warning] = []
    let name = (reader.folder as NSString).lastPathComponent
    for definition in taxonomy.codes where !definition.phrases.isEmpty {
      let code = definition.code
      let cues = matcher.entries.indices.filter {
        matcher.entries[$0].code == code && !matcher.entries[$0].isExclusion
      }
      let total = recordsByCode[code] ?? 0
      if total == 0 {
        let (line, column) = cues.first.map(position(of:)) ?? (0, 0)
        warnings.append(
          Warning(
            kind: .silentCode, line: line, column: column,
            message:
              "code \(code) has \(cues.count) cues and no record in \(name) (\(counts.documents) documents)"
          ))
        continue
      }
      let ranked = cues.map { ($0, recordsByEntry[$0] ?? 0) }.sorted { $0.1 > $1.1 }
      guard ranked.count >= 2, let (top, topCount) = ranked.first else { continue }
      let next = ranked[1].1
      if topCount >= dominantMinimum, topCount * 2 >= total,
        topCount >= dominantFactor * max(1, next)
      {
        let (line, column) = position(of: top)
        warnings.append(
          Warning(
            kind: .dominantCue, line: line, column: column,
            message:
              "cue '\(matcher.entries[top].phrase)' gives \(topCount) of \(code)'s \(total) records in \(name), the next cue \(next): check that it is not matching another sense"
          ))
      }
    }
    if hasTexts {
      for index in codebookEntries
      where matcher.entries[index].isExclusion && matchedEntries[index] == nil {
        let entry = matcher.entries[index]
        let (line, column) = position(of: index)
        warnings.append(
          Warning(
            kind: .unusedExclusion, line: line, column: column,
            message:
              "exclusion '\(entry.phrase)' of \(entry.code) never matched in \(name)'s \(counts.texts) texts"
          ))
      }
    }
    return (warnings, counts)
  }
}
