import Foundation

/// Runs the built `continuum` binary and captures what it prints.
struct BinaryRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The process ended by a signal (a crash, a trap, an abort); `status` is then the signal number.
    var killedBySignal = false
}

enum Binary {
    /// The `continuum` executable beside the test bundle.
    static var url: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("continuum")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("continuum")
    }

    /// Output goes to temporary files rather than pipes: Foundation's pipe
    /// reads trap on EINTR when tests run processes concurrently.
    /// With a `timeout`, a process still running after that many seconds is killed (SIGKILL: the
    /// binary handles SIGTERM itself, and a process stuck in a system call would not act on it);
    /// it then shows as `killedBySignal`.
    static func run(_ arguments: [String], timeout: TimeInterval? = nil) throws -> BinaryRun {
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("continuum-out-\(UUID().uuidString)")
        let errURL = folder.appendingPathComponent("continuum-err-\(UUID().uuidString)")
        // A file that could not be created makes FileHandle(forWritingTo:) below throw.
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return BinaryRun(status: process.terminationStatus,
                         stdout: try String(contentsOf: outURL, encoding: .utf8),
                         stderr: try String(contentsOf: errURL, encoding: .utf8),
                         killedBySignal: process.terminationReason == .uncaughtSignal)
    }
}
