import ArgumentParser
import Foundation
import LinearModel
import ShiftBenchmark
import ShiftRostering

/// `continuum bench …`: reproducible solver-speed figures.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks: Curtois & Qu instances, the constraint generator, the scenario ladder.",
        subcommands: [BenchCurtois.self, BenchGenerator.self, BenchLadder.self, BenchGeneratorOne.self, BenchLadderOne.self]
    )
}

struct BenchCurtois: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curtois",
        abstract: "Solve Curtois & Qu instances and compare with the best known values.",
        discussion: """
        Each instance is imported into Continuum's rostering rules and solved with GLPK (LP bound, \
        branch and cut, large-neighbourhood search). Every roster is re-verified by an independent \
        checker against the benchmark's hard rules, and its objective recomputed; a roster that breaks \
        a rule is reported as a failure. Best known values come from best_known.csv beside the instances.
        """
    )

    @Argument(help: "Instance files (InstanceN.txt).")
    var files: [String]

    @Option(name: .long, help: "Seconds per instance (default 60).")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Write each roster as DIR/<instance>.roster.csv.")
    var rosterDir: String?

    @Option(name: .long, help: "Seed of the neighbourhood search.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Forward GLPK's own log to stderr.")
    var verbose = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    struct Row {
        var instance: String
        var objective: Int?
        var bound: Int
        var bestKnown: Int?
        var seconds: Double
        var status: String
        var violations: Int
    }

    func run() throws {
        var rows: [Row] = []
        var failed = false
        // Every instance is read before anything is solved or written: a bad file stops the run at
        // once (exit 65), without minutes of solving first and without creating the roster folder.
        var instances: [(file: String, instance: ShiftInstance)] = []
        for file in files {
            do {
                instances.append((file, try ShiftInstanceReader.read(path: file)))
            } catch {
                throw CLIFailure(.inputError, error.description)
            }
        }
        if let rosterDir { try FileManager.default.createDirectory(atPath: rosterDir, withIntermediateDirectories: true) }
        for (file, instance) in instances {
            var options = ShiftRosterOptions()
            options.timeLimit = timeLimit
            options.seed = seed
            options.verbose = verbose
            options.progress = ProgressReporter.standardError()
            printError("\(instance.name): \(instance.staff.count) staff, \(instance.days) days, \(instance.shifts.count) shift types")
            let result = try ShiftRosterSolver.solve(instance, options: options)
            let report = ShiftRosterChecker.check(instance, result.roster)
            let hasRoster = result.termination != .infeasible && result.termination != .noFeasiblePointFound
            var status = result.termination.rawValue
            if hasRoster && !report.isClean {
                status = "invalid-roster"
                failed = true
                for violation in report.violations.prefix(10) { printError("  violation: \(violation)") }
            } else if hasRoster && report.objective != result.objective {
                status = "objective-mismatch"
                failed = true
                printError("  objective \(result.objective) but the checker recomputes \(report.objective)")
            }
            if let rosterDir, hasRoster {
                try OutputFile.write(ShiftRosterCSV.write(result.roster, instance),
                                     to: "\(rosterDir)/\(instance.name).roster.csv")
            }
            let row = Row(instance: instance.name, objective: hasRoster ? report.objective : nil, bound: result.bound,
                          bestKnown: Self.bestKnown(for: file, name: instance.name), seconds: result.seconds,
                          status: status, violations: report.violations.count)
            printError("  objective \(row.objective.map(String.init) ?? "-")  bound \(row.bound)  best known "
                       + "\(row.bestKnown.map(String.init) ?? "-")  \(Format.seconds(row.seconds))  \(status)")
            rows.append(row)
        }
        try OutputFile.write(format == .json ? json(rows) : text(rows), to: nil)
        if failed { throw CLIFailure(.violations, "a roster broke the benchmark's rules") }
    }

    private func text(_ rows: [Row]) -> String {
        var lines = ["instance    objective  bound  best_known  seconds  status"]
        for row in rows {
            lines.append([row.instance.padding(toLength: 10, withPad: " ", startingAt: 0),
                          (row.objective.map(String.init) ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0),
                          String(row.bound).padding(toLength: 5, withPad: " ", startingAt: 0),
                          (row.bestKnown.map(String.init) ?? "-").padding(toLength: 10, withPad: " ", startingAt: 0),
                          String(format: "%7.1f", row.seconds), row.status].joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ rows: [Row]) -> String {
        var json = JSONWriter()
        json.beginArray()
        for row in rows {
            json.beginObject()
            json.field("instance", row.instance)
            json.field("objective", row.objective.map(Double.init))
            json.field("bound", Double(row.bound))
            json.field("best_known", row.bestKnown.map(Double.init))
            json.field("seconds", (row.seconds * 1000).rounded() / 1000)
            json.field("status", row.status)
            json.endObject()
        }
        json.endArray()
        return json.text
    }

    /// The best known upper bound from best_known.csv beside the instance, if any.
    static func bestKnown(for file: String, name: String) -> Int? {
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        guard let text = try? String(contentsOf: folder.appendingPathComponent("best_known.csv"), encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.count >= 2, fields[0] == name { return Int(fields[1]) }
        }
        return nil
    }
}
