import Dispatch
import Foundation
import TextMining

/// What `lspminer run` does when it is stopped with SIGTERM (systemd, `kill`) or SIGINT
/// (Ctrl-C): it removes the temporary files being written, then dies of
/// the same signal, so its parent sees how it ended. Outputs already renamed into place stay;
/// the next run carries on from them.
enum StopSignals {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers; call once, after the lock is taken.
  static func install() {
    for number in [SIGTERM, SIGINT] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        TemporaryFiles.shared.removeAll()
        signal(number, SIG_DFL)
        kill(getpid(), number)
      }
      source.resume()
      sources.append(source)
    }
  }
}
