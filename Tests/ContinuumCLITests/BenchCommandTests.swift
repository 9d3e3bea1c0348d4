import Foundation
import Testing

/// `continuum bench generator` and `continuum bench ladder` at tiny sizes, through the built
/// binary: the shape of their reports and figures that must hold whatever the machine's speed
/// (positive, consistent with each other), never a timing threshold.
@Suite(.serialized) struct BenchCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static var curtois: String { root.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/curtois").path }
    static var hasGlpsol: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/glpsol")
        }
    }

    /// A folder holding copies of two bundled scenarios (one of each kind), removed after `body`.
    private func withScenarios<T>(_ body: (String) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["concert.json", "reservists-small.json"] {
            try FileManager.default.copyItem(atPath: Self.path("Scenarios/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        return try body(folder.path)
    }

    private func generatorArguments(_ scenarios: String, format: String) -> [String] {
        ["bench", "generator", "--format", format, "--scenarios", scenarios, "--sizes", "300",
         "--mathprog-model", Self.path("Benchmarks/mathprog/reservists.mod"),
         "--curtois", Self.curtois, "--curtois-instances", "1"]
    }

    @Test func generatorJSONReportsConsistentFiguresForEveryModel() throws {
        try withScenarios { scenarios in
            let run = try Binary.run(generatorArguments(scenarios, format: "json"))
            #expect(run.status == 0, "\(run.stderr)")
            let report = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let models = try #require(report["models"] as? [[String: Any]])
            var expected = ["concert", "reservists-small", "reservists-300x10x30"]
            if FileManager.default.fileExists(atPath: "\(Self.curtois)/Instance1.txt") { expected.append("curtois-Instance1") }
            #expect(models.compactMap { $0["model"] as? String } == expected)
            for model in models {
                let name = model["model"] as? String ?? "?"
                let nonzeros = try #require(model["nonzeros"] as? Double)
                let seconds = try #require(model["seconds"] as? Double)
                #expect(nonzeros > 0 && (model["rows"] as? Double ?? 0) > 0 && (model["columns"] as? Double ?? 0) > 0, "\(name)")
                #expect(seconds > 0, "\(name)")
                let rate = try #require(model["nnz_per_second"] as? Double)
                #expect(abs(rate - nonzeros / seconds) <= 0.01 * rate + 1, "\(name): \(rate) vs \(nonzeros / seconds)")
                let bytes = try #require(model["bytes_per_nnz"] as? Double)
                let peak = try #require(model["peak_bytes"] as? Double)
                #expect(bytes >= 0 && abs(bytes - peak / nonzeros) <= 0.01 * bytes + 0.001, "\(name)")
                #expect((model["raw_glpk_seconds"] as? Double ?? 0) > 0, "\(name)")
                #expect(model["raw_glpk_nonzeros"] as? Double == nonzeros, "\(name): GLPK holds the same matrix")
                if model["family"] as? String == "reservists", Self.hasGlpsol {
                    #expect((model["mathprog_seconds"] as? Double ?? 0) > 0, "\(name): \(model["note"] ?? "")")
                    // The MathProg model generates the same network: same rows and nonzeros.
                    #expect(model["mathprog_nonzeros"] as? Double == nonzeros, "\(name)")
                    #expect(model["mathprog_rows"] as? Double == model["rows"] as? Double, "\(name)")
                } else {
                    #expect(model["mathprog_seconds"] is NSNull, "\(name)")
                }
            }
            let targets = try #require(report["targets"] as? [[String: Any]])
            #expect(targets.count == 3)
            for target in targets {
                #expect(["met", "not met", "not measured"].contains(target["met"] as? String ?? ""))
            }
        }
    }

    @Test func generatorTextPrintsTheTableAndTheTargets() throws {
        try withScenarios { scenarios in
            let run = try Binary.run(generatorArguments(scenarios, format: "text") + ["--curtois-instances", ""])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("model") == true)
            #expect(lines.contains { $0.hasPrefix("reservists-300x10x30 ") })
            #expect(lines.contains("Targets:"))
            for target in ["throughput >= 0.5x raw GLPK", "throughput >= 10x MathProg", "<= 200 peak bytes per nonzero"] {
                #expect(lines.contains { $0.contains(target) && ($0.contains(" met ") || $0.contains("not met") || $0.contains("not measured")) },
                        "\(target)")
            }
        }
    }

    @Test func generatorRejectsBadSizes() throws {
        let run = try Binary.run(["bench", "generator", "--sizes", "300,lots"])
        #expect(run.status == 64)
    }

    @Test func ladderPrintsMarkdownAndCSVAndWritesBothFiles() throws {
        try withScenarios { scenarios in
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-ladder-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: output) }
            let run = try Binary.run(["bench", "ladder", "--scenarios", scenarios, "--sizes", "300", "--time-limit", "10",
                                      "--output-dir", output.path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("| scenario | rows | columns | nonzeros | build s | solve s | status | gap | peak memory | commit | machine |"))
            let files = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            #expect(files.count == 2 && files[0].hasPrefix("ladder-") && files[0].hasSuffix(".csv") && files[1].hasSuffix(".md"), "\(files)")
            let csv = try String(contentsOfFile: output.appendingPathComponent(files[0]).path, encoding: .utf8)
            #expect(run.stdout.contains(csv), "stdout holds the same CSV")
            let lines = csv.split(separator: "\n").map(String.init)
            #expect(lines.first == "scenario,rows,columns,nonzeros,build_seconds,solve_seconds,wall_seconds,status,gap,peak_bytes,commit,machine")
            let records = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(records.map { $0[0] } == ["concert", "reservists-small", "reservists-300x10x30"])
            let commit = files[0].dropFirst("ladder-".count).dropLast(".csv".count)
            for record in records {
                #expect(record.count >= 12, "\(record)")
                let rows = Int(record[1]) ?? 0, columns = Int(record[2]) ?? 0, nonzeros = Int(record[3]) ?? 0
                #expect(rows > 0 && columns > 0 && nonzeros >= columns, "\(record)")
                let build = Double(record[4]) ?? -1, solve = Double(record[5]) ?? -1, wall = Double(record[6]) ?? -1
                #expect(build >= 0 && solve >= 0 && wall > 0, "\(record)")
                #expect(build + solve <= wall + 0.01, "the planner's times fit in the child's wall time: \(record)")
                #expect(["optimal", "gap-reached", "time-limit"].contains(record[7]), "\(record)")
                #expect(record[8].isEmpty || (Double(record[8]) ?? -1) >= 0, "\(record)")
                #expect((Int(record[9]) ?? 0) > 1_000_000, "a peak resident set in bytes: \(record)")
                #expect(record[10] == String(commit))
                #expect(record[11].contains("cores"))
            }
        }
    }
}
