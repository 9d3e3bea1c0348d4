import ArgumentParser
import Engine
import EventPlanning
import EventScenario
import Foundation
import LinearModel
import ReservistPlanning
import ReservistScenario
import ShiftBenchmark
import ShiftRostering

/// `continuum bench generator`: how fast and how lean the constraint generator
/// is, against two anchors on the same models: raw GLPK fed the finished rows
/// (the floor) and GLPK's own MathProg translator.
struct BenchGenerator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generator",
        abstract: "Measure the constraint generator against raw GLPK and MathProg on the same models.",
        discussion: """
        Every model is built in a child process of its own (this executable, re-invoked): the domain \
        data are loaded or generated first, untimed; then the peak resident set is reset \
        (/proc/self/clear_refs) and the model is built from them and timed. Peak bytes per nonzero \
        are the growth of the peak resident set (VmHWM) during the build over its resident set \
        (VmRSS) before, divided by the nonzeros. The same child then times the raw-GLPK floor: \
        glp_create_prob, glp_add_cols and bounds, glp_add_rows and bounds, one glp_set_mat_row per \
        row from the finished arrays. For reservist models the child also writes MathProg data, and \
        glpsol --math Benchmarks/mathprog/reservists.mod --data FILE --check (translation and \
        generation, no solve) is timed as a child process. Wall and CPU seconds are both reported; the \
        ratios compare CPU seconds, which other work on a shared machine does not inflate. Targets: \
        build throughput at least 0.5x the raw-GLPK floor, at least 10x MathProg, at most 200 peak \
        bytes per nonzero.
        """
    )

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Generated reservist instances: comma-separated numbers of reservists (101 departments, 90 days; below 1000: 10 departments, 30 days).")
    var sizes: String = "300,3000,10000,15000"

    @Option(name: .long, help: "Skip generated instances whose estimated nonzeros exceed this.")
    var maxNonzeros: Int = 100_000_000

    @Option(name: .long, help: "Folder of the bundled scenarios (every *.json in it).")
    var scenarios: String = "Scenarios"

    @Option(name: .long, help: "Folder of Curtois & Qu instances (skipped when missing).")
    var curtois: String = "../shared/benchmarks/curtois"

    @Option(name: .long, help: "Curtois instance numbers to build, comma-separated (empty: none).")
    var curtoisInstances: String = "1,8,16,20"

    @Option(name: .long, help: "The MathProg model of the reservist call-up.")
    var mathprogModel: String = "Benchmarks/mathprog/reservists.mod"

    @Option(name: .long, help: "Run MathProg only on models with at most this many nonzeros (default 2 000 000: it takes about 13 CPU seconds per million).")
    var mathprogMaxNonzeros: Int = 2_000_000

    @Option(name: .long, help: "Seed of the generated instances.")
    var seed: UInt64 = 1

    func validate() throws {
        guard parsedSizes != nil else { throw ValidationError("--sizes must be comma-separated positive integers, such as 300,3000") }
        guard parsedCurtois != nil else { throw ValidationError("--curtois-instances must be comma-separated instance numbers") }
    }

    var parsedSizes: [Int]? { Self.integers(sizes) }
    var parsedCurtois: [Int]? { Self.integers(curtoisInstances) }

    static func integers(_ text: String) -> [Int]? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Int($0) }
        return values.count == parts.count && values.allSatisfy({ $0 > 0 }) ? values : nil
    }

    /// One measured model.
    struct Row {
        var model: String
        var family: String
        var nonzeros = 0, rows = 0, columns = 0, components = 1
        var seconds = 0.0, cpuSeconds = 0.0
        var peakBytes = 0
        var rawSeconds: Double?, rawCPUSeconds: Double?
        var rawNonzeros = 0
        var mathprogSeconds: Double?, mathprogCPUSeconds: Double?
        var mathprogPeakBytes: Int?
        var mathprogRows: Int?, mathprogNonzeros: Int?
        var note: String?

        var nnzPerSecond: Double? { seconds > 0 ? Double(nonzeros) / seconds : nil }
        var bytesPerNonzero: Double? { nonzeros > 0 ? Double(peakBytes) / Double(nonzeros) : nil }
        var nnzPerCPUSecond: Double? { cpuSeconds > 0 ? Double(nonzeros) / cpuSeconds : nil }
        /// Our throughput as a multiple of the floor's, on CPU seconds (the machine may be shared):
        /// rawCPUSeconds / cpuSeconds.
        var floorRatio: Double? { rawCPUSeconds.flatMap { cpuSeconds > 0 ? $0 / cpuSeconds : nil } }
        var mathprogRatio: Double? { mathprogCPUSeconds.flatMap { cpuSeconds > 0 ? $0 / cpuSeconds : nil } }
        var floorRatioWall: Double? { rawSeconds.flatMap { seconds > 0 ? $0 / seconds : nil } }
        var mathprogRatioWall: Double? { mathprogSeconds.flatMap { seconds > 0 ? $0 / seconds : nil } }
    }

    func run() throws {
        let executable = ChildProcess.currentExecutable
        let glpsol = ChildProcess.which("glpsol")
        let modelAvailable = FileManager.default.fileExists(atPath: mathprogModel)
        if glpsol == nil { printError("note: glpsol not found (Debian: apt-get install glpk-utils); MathProg times are null") }
        if !modelAvailable { printError("note: \(mathprogModel) not found; MathProg times are null") }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        var sources: [(name: String, family: String, spec: String)] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let path = "\(scenarios)/\(file)"
            let name = String(file.dropLast(5))
            sources.append(ScenarioKind.detect(path: path) == .reservists ? (name, "reservists", "reservist-file:\(path)")
                                                                          : (name, "event", "event:\(path)"))
        }
        for n in parsedSizes ?? [] {
            let (departments, days) = n < 1000 ? (10, 30) : (101, 90)
            // Measured at 101 departments and 90 days: about 6.3 n^1.5 nonzeros (3 000: 1.0 M, 15 000: 11.9 M).
            if n >= 1000, 6.3 * pow(Double(n), 1.5) > Double(maxNonzeros) {
                printError("skipping \(n) reservists: beyond --max-nonzeros \(maxNonzeros)")
                continue
            }
            sources.append(("reservists-\(n)x\(departments)x\(days)", "reservists", "generated:\(n),\(departments),\(days),\(seed)"))
        }
        if FileManager.default.fileExists(atPath: curtois) {
            for k in parsedCurtois ?? [] where FileManager.default.fileExists(atPath: "\(curtois)/Instance\(k).txt") {
                sources.append(("curtois-Instance\(k)", "curtois", "curtois:\(curtois)/Instance\(k).txt"))
            }
        }

        var rows: [Row] = []
        for source in sources {
            var row = Row(model: source.name, family: source.family)
            let dat = "\(work)/\(source.name).dat"
            var arguments = ["bench", "generator-one", "--source", source.spec]
            let wantsMathProg = source.family == "reservists" && glpsol != nil && modelAvailable
            if wantsMathProg { arguments += ["--mathprog-data", dat, "--mathprog-max-nonzeros", String(mathprogMaxNonzeros)] }
            printError("\(source.name): building")
            let child = try ChildProcess.run(executable, arguments)
            guard child.status == 0, let measured = Self.parse(child.stdout) else {
                throw CLIFailure(.internalError, "bench generator: \(source.name) failed (exit \(child.status)): "
                                 + child.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            row.nonzeros = measured["nonzeros"].map { Int($0) } ?? 0
            row.rows = measured["rows"].map { Int($0) } ?? 0
            row.columns = measured["columns"].map { Int($0) } ?? 0
            row.components = measured["components"].map { Int($0) } ?? 1
            row.seconds = measured["seconds"] ?? 0
            row.cpuSeconds = measured["cpu_seconds"] ?? 0
            row.rawCPUSeconds = measured["raw_glpk_cpu_seconds"]
            row.peakBytes = measured["peak_bytes"].map { Int($0) } ?? 0
            row.rawSeconds = measured["raw_glpk_seconds"]
            row.rawNonzeros = measured["raw_glpk_nonzeros"].map { Int($0) } ?? 0
            if row.rawNonzeros != row.nonzeros {
                row.note = "GLPK counted \(row.rawNonzeros) nonzeros"
            }
            if source.family != "reservists" {
                row.note = row.note ?? "no MathProg model for this family"
            } else if glpsol == nil {
                row.note = "glpsol not found"
            } else if !modelAvailable {
                row.note = "\(mathprogModel) not found"
            } else if row.nonzeros > mathprogMaxNonzeros {
                row.note = "MathProg skipped: beyond --mathprog-max-nonzeros"
            } else if let glpsol {
                printError("\(source.name): glpsol --check")
                let translated = try ChildProcess.run(glpsol, ["--math", mathprogModel, "--data", dat, "--check"])
                try? FileManager.default.removeItem(atPath: dat)
                if translated.status == 0 {
                    row.mathprogSeconds = translated.seconds
                    row.mathprogCPUSeconds = translated.cpuSeconds
                    row.mathprogPeakBytes = translated.peakBytes
                    let figures = Self.glpsolFigures(translated.stdout)
                    // GLPK counts the objective as a row of its own, with its nonzeros.
                    if let r = figures.rows { row.mathprogRows = r - 1 }
                    if let m = figures.matrix, let o = figures.objective { row.mathprogNonzeros = m - o }
                    if row.mathprogRows != row.rows || row.mathprogNonzeros != row.nonzeros {
                        row.note = "MathProg generated \(row.mathprogRows.map(String.init) ?? "?") rows, "
                            + "\(row.mathprogNonzeros.map(String.init) ?? "?") nonzeros"
                    }
                } else {
                    row.note = "glpsol failed (exit \(translated.status)): "
                        + (translated.stdout + translated.stderr).split(separator: "\n").suffix(2).joined(separator: " ")
                }
            }
            printError("  \(row.nonzeros) nonzeros in \(Format.seconds(row.seconds)); raw GLPK "
                       + "\(row.rawSeconds.map(Format.seconds) ?? "-"); MathProg \(row.mathprogSeconds.map(Format.seconds) ?? "-")")
            rows.append(row)
        }
        try OutputFile.write(format == .json ? json(rows) : text(rows), to: nil)
    }

    // MARK: Targets

    static let floorTarget = 0.5, mathprogTarget = 10.0, bytesTarget = 200.0

    /// Each target on the largest model that has the figure, then how many models meet it.
    private func verdicts(_ rows: [Row]) -> [(name: String, value: String, met: Bool?, detail: String)] {
        func verdict(_ name: String, _ figure: (Row) -> Double?, _ isMet: (Double) -> Bool, _ show: (Double) -> String)
            -> (String, String, Bool?, String) {
            let measured = rows.filter { figure($0) != nil }
            guard let largest = measured.max(by: { $0.nonzeros < $1.nonzeros }), let value = figure(largest) else {
                return (name, "-", nil, "no measurement")
            }
            let meeting = measured.filter { isMet(figure($0)!) }.count
            return (name, show(value), isMet(value),
                    "on \(largest.model) (\(largest.nonzeros) nonzeros); \(meeting) of \(measured.count) models meet it")
        }
        return [
            verdict("throughput >= 0.5x raw GLPK", \.floorRatio, { $0 >= Self.floorTarget }) { String(format: "%.2fx", $0) },
            verdict("throughput >= 10x MathProg", \.mathprogRatio, { $0 >= Self.mathprogTarget }) { String(format: "%.1fx", $0) },
            verdict("<= 200 peak bytes per nonzero", \.bytesPerNonzero, { $0 <= Self.bytesTarget }) { String(format: "%.1f B", $0) },
        ]
    }

    // MARK: Reports

    private func text(_ rows: [Row]) -> String {
        var lines: [String] = []
        let header = ["model", "nonzeros", "rows", "columns", "build s", "cpu s", "nnz/s", "B/nnz", "raw GLPK cpu s",
                      "vs raw", "MathProg cpu s", "vs MathProg"]
        var table: [[String]] = [header]
        for row in rows {
            table.append([row.model, String(row.nonzeros), String(row.rows), String(row.columns),
                          String(format: "%.3f", row.seconds), String(format: "%.3f", row.cpuSeconds),
                          row.nnzPerSecond.map { String(format: "%.3g", $0) } ?? "-",
                          row.bytesPerNonzero.map { String(format: "%.1f", $0) } ?? "-",
                          row.rawCPUSeconds.map { String(format: "%.3f", $0) } ?? "-",
                          row.floorRatio.map { String(format: "%.2fx", $0) } ?? "-",
                          row.mathprogCPUSeconds.map { String(format: "%.3f", $0) } ?? "-",
                          row.mathprogRatio.map { String(format: "%.1fx", $0) } ?? "-"])
        }
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        for (r, cells) in table.enumerated() {
            lines.append(cells.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  "))
            if r == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        lines.append("")
        lines.append("build s: wall; cpu s: CPU (user + system). vs raw: raw-GLPK CPU seconds / build CPU seconds "
                     + "(our throughput as a multiple of the floor's); vs MathProg: glpsol --check CPU seconds / build CPU "
                     + "seconds. CPU time, not wall time, because the machine may be shared; both are in --format json.")
        for row in rows where row.note != nil { lines.append("\(row.model): \(row.note!)") }
        lines.append("")
        lines.append("Targets:")
        for v in verdicts(rows) {
            let state = v.met.map { $0 ? "met" : "not met" } ?? "not measured"
            lines.append("  \(v.name): \(v.value) \(state) (\(v.detail))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ rows: [Row]) -> String {
        func rounded(_ value: Double?, _ digits: Double = 1e6) -> Double? { value.map { ($0 * digits).rounded() / digits } }
        var json = JSONWriter()
        json.beginObject()
        json.beginArray("models")
        for row in rows {
            json.beginObject()
            json.field("model", row.model)
            json.field("family", row.family)
            json.field("nonzeros", row.nonzeros)
            json.field("rows", row.rows)
            json.field("columns", row.columns)
            json.field("components", row.components)
            json.field("seconds", rounded(row.seconds))
            json.field("cpu_seconds", rounded(row.cpuSeconds))
            json.field("nnz_per_second", row.nnzPerSecond.map { $0.rounded() })
            json.field("nnz_per_cpu_second", row.nnzPerCPUSecond.map { $0.rounded() })
            json.field("peak_bytes", row.peakBytes)
            json.field("bytes_per_nnz", rounded(row.bytesPerNonzero, 1000))
            json.field("raw_glpk_seconds", rounded(row.rawSeconds))
            json.field("raw_glpk_cpu_seconds", rounded(row.rawCPUSeconds))
            json.field("raw_glpk_nonzeros", row.rawNonzeros)
            json.field("mathprog_seconds", rounded(row.mathprogSeconds))
            json.field("mathprog_cpu_seconds", rounded(row.mathprogCPUSeconds))
            json.field("mathprog_peak_bytes", row.mathprogPeakBytes.map(Double.init))
            json.field("mathprog_rows", row.mathprogRows.map(Double.init))
            json.field("mathprog_nonzeros", row.mathprogNonzeros.map(Double.init))
            json.field("vs_raw_glpk", rounded(row.floorRatio, 1000))
            json.field("vs_mathprog", rounded(row.mathprogRatio, 1000))
            json.field("vs_raw_glpk_wall", rounded(row.floorRatioWall, 1000))
            json.field("vs_mathprog_wall", rounded(row.mathprogRatioWall, 1000))
            json.field("note", row.note)
            json.endObject()
        }
        json.endArray()
        json.beginArray("targets")
        for v in verdicts(rows) {
            json.beginObject()
            json.field("target", v.name)
            json.field("value", v.value)
            json.field("met", v.met.map { $0 ? "met" : "not met" } ?? "not measured")
            json.field("detail", v.detail)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    // MARK: Parsing

    /// The child's one-line JSON object of numbers.
    static func parse(_ text: String) -> [String: Double]? {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var result: [String: Double] = [:]
        for (key, value) in object {
            if let number = value as? NSNumber { result[key] = number.doubleValue }
        }
        return result
    }

    /// glpsol's "--- Problem Characteristics ---" figures.
    static func glpsolFigures(_ output: String) -> (rows: Int?, matrix: Int?, objective: Int?) {
        var rows: Int?, matrix: Int?, objective: Int?
        for line in output.split(separator: "\n") {
            let value = line.split(separator: "=").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if line.hasPrefix("Number of rows") { rows = value }
            if line.hasPrefix("Number of non-zeros (matrix)") { matrix = value }
            if line.hasPrefix("Number of non-zeros (objrow)") { objective = value }
        }
        return (rows, matrix, objective)
    }
}

/// `continuum bench generator-one --source KIND:VALUE`: one measured build, in
/// a process of its own (see `BenchGenerator`). Prints one JSON object.
struct BenchGeneratorOne: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generator-one", abstract: "One build of bench generator (internal).", shouldDisplay: false)

    @Option(name: .long, help: "event:PATH, reservist-file:PATH, generated:N,D,T,SEED or curtois:PATH.")
    var source: String

    @Option(name: .long, help: "Also write the MathProg data of a reservist model here.")
    var mathprogData: String?

    @Option(name: .long, help: "Write the MathProg data only up to this many nonzeros.")
    var mathprogMaxNonzeros: Int = Int.max

    func run() throws {
        guard let colon = source.firstIndex(of: ":") else { throw ValidationError("--source KIND:VALUE") }
        let kind = source[..<colon], value = String(source[source.index(after: colon)...])
        var models: [LinearModel] = []
        var reservists: ReservistScenario?
        var cpuSeconds = 0.0
        func timed(_ body: () -> [LinearModel]) -> (Double, Int, Int) {
            let reset = ProcessMemory.resetPeak()
            let before = ProcessMemory.residentBytes
            let cpu = RawGLPKLoad.processCPUSeconds()
            let started = ContinuousClock.now
            models = body()
            let elapsed = ContinuousClock.now - started
            cpuSeconds = RawGLPKLoad.processCPUSeconds() - cpu
            let peak = ProcessMemory.peakBytes
            return (elapsed.inSeconds,
                    max(0, peak - before), reset ? 1 : 0)
        }
        let measured: (Double, Int, Int)
        do {
            switch kind {
            case "event":
                let scenario = try ScenarioReader.read(path: value)
                measured = timed { EventPlanner.models(scenario) }
            case "reservist-file":
                let scenario = try ReservistReader.read(path: value)
                reservists = scenario
                measured = timed { [CallUpModel.linearModel(scenario)] }
            case "generated":
                let numbers = value.split(separator: ",").compactMap { Int($0) }
                guard numbers.count == 4 else { throw ValidationError("generated:N,D,T,SEED") }
                let scenario = ReservistGenerator.generate(reservists: numbers[0], departments: numbers[1],
                                                           days: numbers[2], seed: UInt64(numbers[3]))
                reservists = scenario
                measured = timed { [CallUpModel.linearModel(scenario)] }
            case "curtois":
                let instance = try ShiftInstanceReader.read(path: value)
                measured = timed { [ShiftRosterSolver.model(for: instance).0] }
            default:
                throw ValidationError("unknown source kind \(kind)")
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CLIFailure(.inputError, "\(error)")
        }
        let (seconds, peakGrowth, reset) = measured
        var rawSeconds = 0.0, rawNonzeros = 0, rawCPUSeconds = 0.0
        for model in models {
            let raw = try RawGLPKLoad.measure(model)
            rawCPUSeconds += raw.cpuSeconds
            rawSeconds += raw.seconds
            rawNonzeros += raw.nonzeros
        }
        let nonzeros = models.reduce(0) { $0 + $1.nonzeroCount }
        let rows = models.reduce(0) { $0 + $1.rowCount }, columns = models.reduce(0) { $0 + $1.columnCount }
        let components = models.count
        if let mathprogData, let reservists, nonzeros <= mathprogMaxNonzeros {
            models = []   // free the models before writing the data
            let bytes = CallUpModel.mathProgData(reservists)
            guard FileManager.default.createFile(atPath: mathprogData, contents: Data(bytes)) else {
                throw CLIFailure(.ioError, "cannot write \(mathprogData)")
            }
        }
        var json = JSONWriter()
        json.beginObject()
        json.field("nonzeros", nonzeros)
        json.field("rows", rows)
        json.field("columns", columns)
        json.field("components", components)
        json.field("seconds", seconds)
        json.field("cpu_seconds", cpuSeconds)
        json.field("peak_bytes", peakGrowth)
        json.field("peak_reset", reset)
        json.field("raw_glpk_seconds", rawSeconds)
        json.field("raw_glpk_nonzeros", rawNonzeros)
        json.field("raw_glpk_cpu_seconds", rawCPUSeconds)
        json.endObject()
        try OutputFile.write(json.text, to: nil)
    }
}
