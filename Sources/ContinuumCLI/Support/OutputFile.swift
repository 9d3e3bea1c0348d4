import Foundation

/// Writes command output: to stdout, or atomically to a file (a temporary
/// file in the same folder, then a rename), so that an existing file is
/// replaced only by a complete new one and a failed run leaves nothing behind.
public enum OutputFile {
    public static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CLIFailure(.ioError, "cannot write \(path): \(reason)")
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure(.ioError, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Writes a line to stderr.
public func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
