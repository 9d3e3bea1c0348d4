import ArgumentParser
import EventPlanning
import EventScenario
import Foundation
import ReservistPlanning
import ReservistScenario

/// `continuum bench ladder`: the bundled scenarios and generated ones of growing
/// size, each solved in a child process of its own, as a Markdown and a CSV table.
struct BenchLadder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Solve the bundled scenarios and generated ones of growing size; Markdown and CSV tables.",
        discussion: """
        Each scenario is solved by this executable re-invoked as a child process, so that its peak \
        resident set is its own: the child's VmHWM at exit (/proc/self/status). wait4's ru_maxrss is \
        not used: Linux folds the spawning parent's peak into it at exec. Build seconds are the planner's model \
        building (events: classes, components, constraint families; reservists: the allowed \
        call-ups, plus the network when it is solved whole); solve seconds the rest of the planner's \
        run. Reservist instances too large to solve whole are solved by Lagrangian relaxation: no \
        whole LP is built, so rows and nonzeros are empty and columns count the allowed call-ups. \
        With --output-dir, the tables are also written to DIR/ladder-<commit>.md and .csv.
        """
    )

    @Option(name: .long, help: "Seconds per scenario, as solve's --time-limit (default 60).")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Also write ladder-<commit>.md and ladder-<commit>.csv in this folder.")
    var outputDir: String?

    @Option(name: .long, help: "Folder of the bundled scenarios (every *.json in it).")
    var scenarios: String = "Scenarios"

    @Option(name: .long, help: "Generated reservist instances: comma-separated numbers of reservists (101 departments, 90 days; below 1000: 10 departments, 30 days).")
    var sizes: String = "300,3000,30000"

    @Option(name: .long, help: "Seed of the generated instances.")
    var seed: UInt64 = 1

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard BenchGenerator.integers(sizes) != nil || sizes.isEmpty else {
            throw ValidationError("--sizes must be comma-separated positive integers, such as 300,3000")
        }
    }

    struct Row {
        var scenario: String
        var rows: Int?, columns: Int?, nonzeros: Int?
        var buildSeconds = 0.0, solveSeconds = 0.0, wallSeconds = 0.0
        var status = ""
        var gap: Double?
        var peakBytes = 0
        var note: String?
    }

    func run() throws {
        let executable = ChildProcess.currentExecutable
        let commit = BenchEnvironment.commit
        let machine = "\(BenchEnvironment.cores) cores, " + String(format: "%.1f GiB", Double(BenchEnvironment.memoryBytes) / 1_073_741_824)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-ladder-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        var inputs: [(name: String, path: String)] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in files { inputs.append((String(file.dropLast(5)), "\(scenarios)/\(file)")) }
        for n in BenchGenerator.integers(sizes) ?? [] {
            let (departments, days) = n < 1000 ? (10, 30) : (101, 90)
            let name = "reservists-\(n)x\(departments)x\(days)"
            let path = "\(work)/\(name).json"
            let scenario = ReservistGenerator.generate(reservists: n, departments: departments, days: days, seed: seed)
            try OutputFile.write(ReservistGenerator.json(scenario), to: path)
            inputs.append((name, path))
        }
        var rows: [Row] = []
        for input in inputs {
            printError("\(input.name): solving (limit \(Format.seconds(timeLimit)))")
            let child = try ChildProcess.run(executable, ["bench", "ladder-one", input.path, "--time-limit", String(timeLimit)])
            var row = Row(scenario: input.name, wallSeconds: child.seconds, peakBytes: child.peakBytes)
            if child.status == 0, let measured = BenchGenerator.parse(child.stdout) {
                row.rows = measured["rows"].map { Int($0) }
                row.columns = measured["columns"].map { Int($0) }
                row.nonzeros = measured["nonzeros"].map { Int($0) }
                row.buildSeconds = measured["build_seconds"] ?? 0
                row.solveSeconds = measured["solve_seconds"] ?? 0
                row.gap = measured["gap"]
                row.peakBytes = measured["peak_bytes"].map { Int($0) } ?? child.peakBytes
                row.status = Self.string("status", in: child.stdout) ?? "?"
                row.note = Self.string("note", in: child.stdout)
            } else {
                row.status = "failed (exit \(child.status))"
                row.note = child.stderr.split(separator: "\n").last.map(String.init)
            }
            printError("  \(row.status), build \(Format.seconds(row.buildSeconds)), solve \(Format.seconds(row.solveSeconds)), "
                       + "peak \(row.peakBytes / 1_048_576) MiB")
            rows.append(row)
        }
        let markdown = Self.markdown(rows, commit: commit, machine: machine, timeLimit: timeLimit)
        let csv = Self.csv(rows, commit: commit, machine: machine)
        if let outputDir {
            try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
            try OutputFile.write(markdown, to: "\(outputDir)/ladder-\(commit).md")
            try OutputFile.write(csv, to: "\(outputDir)/ladder-\(commit).csv")
        }
        try OutputFile.write(markdown + "\n" + csv, to: nil)
        if rows.contains(where: { $0.status.hasPrefix("failed") }) {
            throw CLIFailure(.internalError, "bench ladder: a scenario failed")
        }
    }

    static var buildKind: String {
        #if DEBUG
        "debug"
        #else
        "release"
        #endif
    }

    static func markdown(_ rows: [Row], commit: String, machine: String, timeLimit: Double) -> String {
        func count(_ value: Int?) -> String { value.map(String.init) ?? "-" }
        var lines = ["# Scenario ladder", "",
                     "Commit \(commit), \(machine), \(buildKind) build, time limit \(Format.number(timeLimit)) s per scenario "
                        + "(`continuum bench ladder`). Peak memory: the child process's VmHWM at exit.", "",
                     "| scenario | rows | columns | nonzeros | build s | solve s | status | gap | peak memory | commit | machine |",
                     "|---|---:|---:|---:|---:|---:|---|---:|---:|---|---|"]
        for row in rows {
            lines.append("| \(row.scenario) | \(count(row.rows)) | \(count(row.columns)) | \(count(row.nonzeros)) | "
                         + String(format: "%.3f | %.3f", row.buildSeconds, row.solveSeconds)
                         + " | \(row.status) | \(Format.percent(row.gap)) | "
                         + String(format: "%.1f MiB", Double(row.peakBytes) / 1_048_576) + " | \(commit) | \(machine) |")
        }
        let notes = rows.filter { $0.note != nil }
        if !notes.isEmpty {
            lines.append("")
            for row in notes { lines.append("- \(row.scenario): \(row.note!)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csv(_ rows: [Row], commit: String, machine: String) -> String {
        func count(_ value: Int?) -> String { value.map(String.init) ?? "" }
        var lines = ["scenario,rows,columns,nonzeros,build_seconds,solve_seconds,wall_seconds,status,gap,peak_bytes,commit,machine"]
        for row in rows {
            lines.append([row.scenario, count(row.rows), count(row.columns), count(row.nonzeros),
                          String(format: "%.3f", row.buildSeconds), String(format: "%.3f", row.solveSeconds),
                          String(format: "%.3f", row.wallSeconds), row.status,
                          row.gap.map { String(format: "%.6g", $0) } ?? "", String(row.peakBytes), commit,
                          "\"\(machine)\""].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A string field of the child's JSON object.
    static func string(_ key: String, in text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        return object[key] as? String
    }
}

/// `continuum bench ladder-one SCENARIO`: one solve of the ladder, in a process
/// of its own. Prints one JSON object (sizes, build and solve seconds, status, gap).
struct BenchLadderOne: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder-one", abstract: "One solve of bench ladder (internal).", shouldDisplay: false)

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(name: .long, help: "Seconds.")
    var timeLimit: Double = 20

    func run() throws {
        var json = JSONWriter()
        json.beginObject()
        do {
            if ScenarioKind.detect(path: scenario) == .reservists {
                let loaded = try ReservistReader.read(path: scenario)
                let plan = try ReservistPlanner.plan(loaded, timeLimit: timeLimit)
                let s = plan.statistics
                let whole = s.wholeFlow
                json.field("rows", whole ? Double(s.vertices) : nil)
                json.field("columns", s.arcs)
                json.field("nonzeros", whole ? Double(2 * s.arcs) : nil)
                json.field("build_seconds", s.buildSeconds)
                json.field("solve_seconds", max(0, s.seconds - s.buildSeconds))
                json.field("status", plan.termination.rawValue)
                json.field("gap", plan.gap)
                json.field("note", whole ? "one min-cost flow LP (vertices x arcs)"
                                         : "auctions and Lagrangian relaxation over \(s.callUps) allowed call-ups, \(s.subproblems) iterations: no whole LP")
            } else {
                let loaded = try ScenarioReader.read(path: scenario)
                var options = EventPlanOptions()
                options.timeLimit = timeLimit
                let plan = try EventPlanner.plan(loaded, options: options)
                let s = plan.statistics
                json.field("rows", s.rows)
                json.field("columns", s.columns)
                json.field("nonzeros", s.nonzeros)
                json.field("build_seconds", s.buildSeconds)
                json.field("solve_seconds", max(0, s.seconds - s.buildSeconds))
                json.field("status", plan.termination.rawValue)
                json.field("gap", plan.gap)
                json.field("note", s.components > 1 ? "\(s.components) components, sizes summed" : nil)
            }
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure.from(error)
        }
        // The peak of this process's own address space. wait4's ru_maxrss is not used: Linux
        // folds in the parent's peak at exec (the spawning address space), which hides small runs.
        json.field("peak_bytes", ProcessMemory.peakBytes)
        json.endObject()
        try OutputFile.write(json.text, to: nil)
    }
}
