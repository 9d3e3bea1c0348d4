import Foundation
import Testing

/// `continuum solve --verbose` on reservist scenarios: a timed line per phase on stderr, and the
/// same plan as without it.
struct VerboseReservistSolveTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The phase lines (`[   1.23 s] …`) of a run's stderr, without their times.
    private func phases(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("["), let close = line.firstIndex(of: "]"),
                  line[line.index(after: line.startIndex)..<close].hasSuffix(" s") else { return nil }
            return String(line[line.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func smallScenarioSolvedWholeLogsTheFlowAndTheSwaps() throws {
        let scenario = Self.root.appendingPathComponent("Scenarios/reservists-small.json").path
        let verbose = try Binary.run(["solve", scenario, "--format", "json", "--verbose"])
        let quiet = try Binary.run(["solve", scenario, "--format", "json"])
        #expect(verbose.status == 0 && quiet.status == 0, "\(verbose.stderr)")
        #expect(verbose.stdout == quiet.stdout && !quiet.stdout.isEmpty)
        let lines = phases(verbose.stderr)
        #expect(lines.first?.hasPrefix("scenario read: 12 reservists, 4 missions") == true, "\(lines)")
        #expect(lines.contains { $0.hasSuffix("allowed call-ups built") || $0.contains("allowed call-ups built in") })
        #expect(lines.contains { $0.hasPrefix("whole call-up flow solved by GLPK's simplex in") })
        #expect(lines.contains { $0.contains("continuity swap") })
        #expect(lines.last == "plan written")
        #expect(phases(quiet.stderr).filter { !$0.hasPrefix("incumbent") }.isEmpty, "no phase lines without --verbose")
        // The summary counts call-ups, not the network's arcs.
        let summary = try #require(verbose.stderr.split(separator: "\n").first { $0.hasPrefix("solved in") })
        let built = try #require(lines.first { $0.contains("allowed call-ups built") })
        let count = try #require(built.split(separator: " ").first)
        #expect(summary.contains(" \(count) allowed call-ups, one flow LP ("), "\(summary) vs \(built)")
    }

    @Test func generatedInstanceLogsEachAuctionAndRepair() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-verbose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("r.json").path
        let generated = try Binary.run(["generate", "reservists", "--reservists", "1000", "--departments", "10", "--days", "30",
                                        "--seed", "4", "--output", scenario])
        #expect(generated.status == 0, "\(generated.stderr)")
        let verbose = try Binary.run(["solve", scenario, "--format", "json", "--gap", "0.01", "--verbose"])
        let quiet = try Binary.run(["solve", scenario, "--format", "json", "--gap", "0.01"])
        #expect(verbose.status == 0 && quiet.status == 0, "\(verbose.stderr)")
        #expect(verbose.stdout == quiet.stdout && !quiet.stdout.isEmpty)
        let lines = phases(verbose.stderr)
        #expect(lines.contains { $0.hasPrefix("auction from zero prices, ε ") && $0.contains(" bids in ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("repaired: plan ") }, "\(lines)")
        #expect(lines.last == "plan written")
        // Phase times never go backwards. (Progress lines, printed once a run passes a second, as on
        // a loaded machine, round to a tenth: "[ 1.0 s] incumbent" may follow "[ 1.04 s] repaired".)
        let times = verbose.stderr.split(separator: "\n").compactMap { line -> Double? in
            guard line.hasPrefix("["), !line.contains("] incumbent "), let close = line.firstIndex(of: "]") else { return nil }
            return Double(line[line.index(after: line.startIndex)..<close].dropLast(2).trimmingCharacters(in: .whitespaces))
        }
        #expect(times.count >= 4 && times == times.sorted(), "\(times)")
    }
}
