import Dispatch
import Foundation
import LinearModel

/// Turns SIGINT and SIGTERM into a raised `InterruptFlag`: running solves stop
/// at their next check and the best plan found so far is written with status
/// `interrupted` (exit 130). A second signal exits at once.
enum SignalRelay {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "continuum.signals")

    /// Installs the relay (once per process) and returns the flag it raises.
    static func install() -> InterruptFlag {
        let flag = InterruptFlag()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if flag.isRaised {
                    FileHandle.standardError.write(Data("\ninterrupted again: stopping now\n".utf8))
                    exit(ExitStatus.interrupted.rawValue)
                }
                FileHandle.standardError.write(Data("\ninterrupt: finishing with the best plan so far (again to stop now)\n".utf8))
                flag.raise()
            }
            source.resume()
            sources.append(source)
        }
        return flag
    }
}
