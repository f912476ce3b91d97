extension PipelineRunner {
  /// How far a run has got: documents and source bytes done, out of the totals found.
  public struct Progress: Sendable, Equatable {
    public var documentsDone: Int
    public var documentCount: Int
    public var bytesDone: Int
    public var byteCount: Int

    /// Creates a progress value.
    public init(documentsDone: Int, documentCount: Int, bytesDone: Int, byteCount: Int) {
      self.documentsDone = documentsDone
      self.documentCount = documentCount
      self.bytesDone = bytesDone
      self.byteCount = byteCount
    }
  }

  /// What a run did.
  public struct Report: Sendable {
    /// Documents seen, including failed ones.
    public var documentCount = 0
    /// Documents processed or kept.
    public var okCount = 0
    /// Sources not seen by the earlier run.
    public var newCount = 0
    /// Sources whose bytes changed since the earlier run.
    public var changedCount = 0
    /// Sources kept as the earlier run left them.
    public var unchangedCount = 0
    /// Sources the earlier run had that are gone.
    public var removedCount = 0
    /// Time summed over documents for each stage (CPU time across jobs, not wall time).
    public var timings = StageTimings()
    /// Wall time to discover, read and hash the sources.
    public var discoverAndHash = Duration.zero
    /// Wall time of the whole run.
    public var total = Duration.zero
    /// Documents whose bytes equal an earlier source's.
    public var duplicateCount = 0
    /// The documents that failed, in source order.
    public var failures: [DocumentFailure] = []
    /// Documents whose evidence was written with part of them left out (over-long sentences),
    /// in source order.
    public var partials: [DocumentFailure] = []
    /// Evidence records written.
    public var recordCount = 0
    /// Bytes of source read.
    public var byteCount = 0
    /// Stale evidence and text files removed.
    public var removedFileCount = 0
    /// Sources that could not be read (or listed) this time whose earlier evidence was kept.
    public var keptCount = 0
    /// Archives among the sources.
    public var archiveCount = 0
    /// Archives whose size, modification time and hash were unchanged, so that they were not
    /// expanded to list their members.
    public var unchangedArchiveCount = 0
    /// Times an archive was walked (expanded), to list its members or to process some of them.
    public var archiveWalkCount = 0

    /// Whether every document succeeded.
    public var succeeded: Bool { failures.isEmpty }
  }

  /// Why a run stopped before it wrote its outputs.
  public enum RunError: Error, CustomStringConvertible {
    /// The output folder or an index file could not be written.
    case output(OutputError)
    /// The output folder is a source folder or lies inside one.
    case outputInSources(output: String, source: String)
    /// More sources have gone than `limits.max_removed_share` allows.
    case tooManyRemovals(removed: Int, known: Int, share: Double, examples: [String])

    public var description: String {
      switch self {
      case .output(let error): error.description
      case .outputInSources(let output, let source):
        output == source
          ? "the output folder '\(output)' is a source folder; outputs would be read back as documents: choose another --output"
          : "the output folder '\(output)' is inside the source folder '\(source)'; outputs would land among the sources: choose another --output"
      case .tooManyRemovals(let removed, let known, let share, let examples):
        "\(removed) of the \(known) sources an earlier run found are gone (more than limits.max_removed_share, "
          + "\(Int((share * 100).rounded())) %), for example \(examples.map { "'\($0)'" }.joined(separator: ", ")); "
          + "is a source folder empty or not mounted? Nothing was changed. If they were removed on purpose, run again with --allow-removals"
      }
    }
  }
}

extension PipelineRunner.Report {
  /// Counts one source's outcome; `earlier` is what the earlier run made of the same source.
  mutating func count(_ outcome: DocumentJob.Outcome, earlier: RunState.Previous?) {
    if let earlier {
      if outcome.reusedLine != nil {
        unchangedCount += 1
      } else if earlier.docID != outcome.record.docID {
        changedCount += 1
      }
    } else {
      newCount += 1
    }
    if let failure = outcome.failure {
      switch failure.outcome {
      case .partial: partials.append(failure)
      case .kept, .failed: failures.append(failure)
      }
    }
    if outcome.isKept { keptCount += 1 }
    documentCount += 1
    byteCount = byteCount.saturatingAdd(outcome.record.byteCount ?? 0)
    recordCount = recordCount.saturatingAdd(outcome.reusedRecordCount ?? outcome.record.recordCount)
    timings.add(outcome.timings)
    switch outcome.record.status {
    case .ok: okCount += 1
    case .duplicate: duplicateCount += 1
    case .failed: break
    }
  }
}
