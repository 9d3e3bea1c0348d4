import Foundation
import Testing

/// `continuum solve` on the bundled event scenarios, as a user runs it: the built binary, its exit
/// status, stdout, stderr and output file, then `continuum check` on what it wrote.
/// Serialized: the match scenarios keep both cores busy, and running them side by side would only
/// bring their 60-second limits closer.
@Suite(.serialized) struct SolveCommandTests {
    /// The repository root: Tests/ContinuumCLITests/ -> ../..
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name).json").path }

    static let scenarios = ["concert", "psq-week", "match-at-risk", "match-understaffed"]

    /// A fresh folder, removed after `body`.
    private func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-solve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// `solve --format json -o FILE`: the roster's text and parsed document.
    private func solveToFile(_ name: String, in folder: URL) throws -> (text: String, roster: [String: Any], path: String) {
        let target = folder.appendingPathComponent("\(name).roster.json").path
        let run = try Binary.run(["solve", Self.scenario(name), "--format", "json", "-o", target, "--time-limit", "60"])
        #expect(run.status == 0, "\(name): \(run.stderr)")
        #expect(run.stdout.isEmpty, "\(name): the roster goes to the file, not stdout")
        let text = try String(contentsOfFile: target, encoding: .utf8)
        return (text, try object(text), target)
    }

    @Test(arguments: scenarios)
    func solvedRosterPassesTheChecker(name: String) throws {
        try withFolder { folder in
            let (_, roster, path) = try solveToFile(name, in: folder)
            #expect(roster["format"] as? String == "continuum-roster/1")
            let status = try #require(roster["status"] as? String)
            #expect(["optimal", "gap-reached", "time-limit"].contains(status), "\(name): status \(status)")
            let objective = try #require(roster["objective"] as? Double)
            let bound = try #require(roster["bound"] as? Double)
            #expect(bound <= objective + 1e-6)
            let assignments = try #require(roster["assignments"] as? [[String: Any]])
            let patrols = try #require(roster["patrols"] as? [[String: Any]])
            #expect(!assignments.isEmpty && !patrols.isEmpty, "\(name): an empty roster")
            let scenarioName = try scenarioDocument(name)["name"] as? String
            #expect(roster["scenario"] as? String == scenarioName && scenarioName != nil)

            // Scenarios/README.md: people enough to cover all of it except for the understaffed match.
            let shortfalls = try #require(roster["shortfalls"] as? [[String: Any]])
            if name == "match-understaffed" {
                #expect(!shortfalls.isEmpty)
            } else if status == "optimal" {
                #expect(shortfalls.isEmpty, "\(name): \(shortfalls.prefix(3))")
            }

            let check = try Binary.run(["check", Self.scenario(name), path])
            #expect(check.status == 0, "\(name): \(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("clean: no violation"), "\(name): \(check.stdout)")
        }
    }

    /// The understaffed match cannot be covered: its shortfalls name, in words, the zone and a role of the demand.
    @Test func understaffedMatchReportsShortfallsWithReasons() throws {
        try withFolder { folder in
            let (_, roster, _) = try solveToFile("match-understaffed", in: folder)
            let shortfalls = try #require(roster["shortfalls"] as? [[String: Any]])
            #expect(!shortfalls.isEmpty)
            let document = try scenarioDocument("match-understaffed")
            let demands = try #require(document["demand"] as? [[String: Any]])
            let templates = try #require(document["patrolTemplates"] as? [[String: Any]])
            var roleIDs: [String: [String]] = [:]
            for template in templates {
                let roles = (template["roles"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                roleIDs[template["id"] as? String ?? ""] = roles
            }
            var demandRoles: [String: (zone: String, roles: [String])] = [:]
            for demand in demands {
                let roles: [String]
                if let patrols = demand["patrols"] as? [String: Any] {
                    roles = roleIDs[patrols["template"] as? String ?? ""] ?? []
                } else {
                    roles = [((demand["post"] as? [String: Any])?["role"] as? String) ?? "?"]
                }
                demandRoles[demand["id"] as? String ?? ""] = (demand["zone"] as? String ?? "", roles)
            }
            for shortfall in shortfalls {
                let requirement = try #require(shortfall["requirement"] as? String)
                let demand = try #require(demandRoles[requirement], "unknown demand \(requirement)")
                let zone = try #require(shortfall["zone"] as? String)
                let reason = try #require(shortfall["reason"] as? String)
                #expect(zone == demand.zone)
                #expect((shortfall["missing"] as? Int ?? 0) > 0)
                #expect(reason.contains(zone), "\(requirement): \(reason)")
                #expect(demand.roles.contains { reason.contains("role '\($0)'") },
                        "\(requirement): \(reason) names none of the roles \(demand.roles)")
            }
        }
    }

    @Test func jsonOutputIsIdenticalRunAfterRun() throws {
        try withFolder { folder in
            let first = try solveToFile("concert", in: folder).text
            let second = try solveToFile("concert", in: folder).text
            #expect(!first.isEmpty && first == second)
            let arguments = ["solve", Self.scenario("psq-week"), "--format", "json", "--time-limit", "60"]
            let a = try Binary.run(arguments), b = try Binary.run(arguments)
            #expect(a.status == 0 && b.status == 0)
            #expect(!a.stdout.isEmpty && a.stdout == b.stdout)
        }
    }

    @Test func tableFormatHasTheRosterHeader() throws {
        let run = try Binary.run(["solve", Self.scenario("concert"), "--format", "table", "--time-limit", "60"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.isEmpty == false)
        #expect(lines.contains { $0.hasPrefix("status ") && $0.contains("objective") })
        let roster = try #require(lines.firstIndex(of: "ROSTER"))
        #expect(lines[roster + 1].split(separator: " ") == ["person", "corps", "zone", "role", "from", "to", "patrol"])
        #expect(lines.count > roster + 2 && !lines[roster + 2].isEmpty, "no assignment under the header")
        for section in ["PATROLS", "SHORTFALLS"] { #expect(lines.contains(section)) }
        #expect(lines.contains { $0.hasPrefix("COVERAGE") })
    }

    @Test func csvFormatHasTheHeaderAndOneLinePerAssignment() throws {
        try withFolder { folder in
            let run = try Binary.run(["solve", Self.scenario("concert"), "--format", "csv", "--time-limit", "60"])
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "person,corps,zone,role,start,end,patrol,breaks")
            #expect(lines.count > 1)
            for line in lines { #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 8, "\(line)") }
            // As many lines as the JSON roster has assignments.
            let json = try solveToFile("concert", in: folder).roster
            #expect(lines.count - 1 == (json["assignments"] as? [Any])?.count)
        }
    }

    @Test func missingScenarioIsOneErrorLineAndExit65() throws {
        try withFolder { folder in
            let target = folder.appendingPathComponent("roster.json").path
            let missing = folder.appendingPathComponent("no-such-scenario.json").path
            let run = try Binary.run(["solve", missing, "--format", "json", "-o", target])
            expectInputError(run, naming: "no-such-scenario.json")
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test(arguments: [
        ("truncated.json", #"{"format": "continuum-event/1", "name": "cut", "horizon": {"#),
        ("unknown-field.json", #"""
        {"format": "continuum-event/1", "name": "typo",
         "horizon": {"start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T20:00:00+02:00", "slotMinutes": 60},
         "rules": {"shiftTemplates": [{"startTimes": ["12:00"], "hours": 8}], "minRestHour": 11},
         "communes": [], "sites": [], "zones": [], "patrolTemplates": [], "demand": [], "people": []}
        """#),
    ])
    func malformedScenarioIsOneErrorLineAndExit65(file: String, text: String) throws {
        try withFolder { folder in
            let scenario = folder.appendingPathComponent(file)
            try Data(text.utf8).write(to: scenario)
            let target = folder.appendingPathComponent("roster.json").path
            let run = try Binary.run(["solve", scenario.path, "--format", "json", "-o", target])
            expectInputError(run, naming: file)
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [file])
        }
    }

    private func expectInputError(_ run: BinaryRun, naming file: String) {
        #expect(run.status == 65, "status \(run.status): \(run.stderr)")
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("error: ") == true, "\(run.stderr)")
        #expect(run.stderr.contains(file), "the message should name the file: \(run.stderr)")
    }

    private func scenarioDocument(_ name: String) throws -> [String: Any] {
        try object(try String(contentsOfFile: Self.scenario(name), encoding: .utf8))
    }
}
