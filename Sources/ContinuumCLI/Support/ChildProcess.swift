import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and measures it the way the benchmarks
/// need: wall time from spawn to exit and the child's own peak resident set
/// (`ru_maxrss` of `wait4`), so that every measured run has a memory figure
/// of its own. Output goes to files, never through pipes.
struct ChildProcess {
    var status: Int32
    /// Wall seconds from spawn to exit.
    var seconds: Double
    /// The child's peak resident set, bytes.
    var peakBytes: Int
    /// The child's CPU seconds, user + system (`wait4`'s rusage).
    var cpuSeconds: Double
    var stdout: String
    var stderr: String

    /// Runs `executable` (a path, or a name looked up in PATH) with `arguments`.
    /// With `forwardStderr`, the child's stderr goes to ours instead of being captured.
    static func run(_ executable: String, _ arguments: [String], forwardStderr: Bool = false) throws -> ChildProcess {
        let folder = FileManager.default.temporaryDirectory.path
        let token = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let outPath = "\(folder)/continuum-child-\(token).out", errPath = "\(folder)/continuum-child-\(token).err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if !forwardStderr { posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let code = executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, nil, argv, environ)
            : posix_spawnp(&pid, executable, &actions, nil, argv, environ)
        guard code == 0 else {
            throw CLIFailure(.internalError, "cannot run \(executable): \(String(cString: strerror(code)))")
        }
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) < 0 {
            guard errno == EINTR else { throw CLIFailure(.internalError, "cannot wait for \(executable)") }
        }
        let elapsed = ContinuousClock.now - started
        let exited = waitStatus & 0x7f == 0
        let status = exited ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return ChildProcess(status: status, seconds: elapsed.inSeconds,
                            peakBytes: Int(usage.ru_maxrss) * 1024, cpuSeconds: ProcessMemory.seconds(usage),
                            stdout: read(outPath), stderr: read(errPath))
    }

    /// The running executable, to re-invoke it for a measured child run.
    static var currentExecutable: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    /// The first executable called `name` in PATH, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// This process's memory as Linux reports it in /proc/self/status.
enum ProcessMemory {
    /// Resident set now, bytes (VmRSS).
    static var residentBytes: Int { field("VmRSS:") }
    /// Peak resident set since start or the last `resetPeak()`, bytes (VmHWM).
    static var peakBytes: Int { field("VmHWM:") }

    /// Resets VmHWM to the current resident set (writes 5 to /proc/self/clear_refs,
    /// Linux 4.0+). Returns false when the kernel refused.
    @discardableResult
    static func resetPeak() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return write(fd, "5", 1) == 1
    }

    /// User + system seconds of a resource usage record.
    static func seconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
    }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return (Int(String(digits)) ?? 0) * 1024
        }
        return 0
    }
}

/// The machine and the code a benchmark ran on.
enum BenchEnvironment {
    static var cores: Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    static var memoryBytes: Int {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            return (Int(String(line.filter(\.isNumber))) ?? 0) * 1024
        }
        return 0
    }

    static var cpu: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    /// "2 cores, 23.4 GiB, <cpu>".
    static var machine: String {
        "\(cores) cores, " + String(format: "%.1f GiB", Double(memoryBytes) / 1_073_741_824) + ", \(cpu)"
    }

    /// `git rev-parse --short HEAD` (with "+dirty" when tracked files changed), else "unknown".
    static var commit: String {
        guard let head = try? ChildProcess.run("git", ["rev-parse", "--short", "HEAD"]), head.status == 0 else { return "unknown" }
        let hash = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !hash.isEmpty else { return "unknown" }
        if let status = try? ChildProcess.run("git", ["status", "--porcelain", "--untracked-files=no"]),
           status.status == 0, !status.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return hash + "+dirty"
        }
        return hash
    }
}
