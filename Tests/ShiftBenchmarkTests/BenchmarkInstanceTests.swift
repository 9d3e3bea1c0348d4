import Foundation
import ShiftBenchmark
import Testing

/// The shared Curtois & Qu instances: every one parses, Instance1 has the documented sizes, and the
/// objective arithmetic matches FORMAT.md's sanity check.
@Suite(.enabled(if: Paths.curtoisAvailable, Paths.curtoisMissing))
struct BenchmarkInstanceTests {
    /// Instance names from best_known.csv (the instances present in the shared folder).
    static func bestKnownNames() throws -> [String] {
        let text = try String(contentsOf: Paths.curtois.appendingPathComponent("best_known.csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    @Test func everySharedInstanceParses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.curtois.path)
            .filter { $0.hasPrefix("Instance") && $0.hasSuffix(".txt") }.sorted()
        let listed = try Self.bestKnownNames()
        #expect(files.count >= 13, "expected the 13 shared instances, found \(files)")
        #expect(Set(files.map { ShiftInstanceReader.defaultName(forPath: $0) }) == Set(listed),
                "the instance files and best_known.csv disagree")
        for file in files {
            let instance = try ShiftInstanceReader.read(path: Paths.curtois.appendingPathComponent(file).path)
            #expect(instance.name == String(file.dropLast(4)))
            #expect(instance.days > 0 && instance.days % 7 == 0)
            #expect(!instance.shifts.isEmpty && !instance.staff.isEmpty)
            #expect(instance.cover.count == instance.days)
            #expect(instance.cover.allSatisfy { $0.count == instance.shifts.count })
            // Every shared instance lists every (day, shift) with weights 100 / 1 (FORMAT.md).
            #expect(instance.cover.joined().allSatisfy { $0.weightUnder == 100 && $0.weightOver == 1 }, "\(file)")
            #expect(instance.staff.allSatisfy { $0.maxShifts.count == instance.shifts.count })
            let weights = Set((instance.onRequests + instance.offRequests).map(\.weight))
            #expect(weights.isSubset(of: [1, 2, 3]), "\(file): request weights \(weights)")
        }
    }

    @Test func instance1Sizes() throws {
        let i = try Paths.instance("Instance1")
        #expect(i.name == "Instance1")
        #expect(i.days == 14)
        #expect(i.weekends == 2)
        #expect(i.shifts.map(\.id) == ["D"])
        #expect(i.shifts[0].minutes == 480 && i.shifts[0].forbiddenNext.isEmpty)
        #expect(i.staff.map(\.id) == ["A", "B", "C", "D", "E", "F", "G", "H"])
        let a = i.staff[0]
        #expect(a.maxShifts == [14] && a.maxTotalMinutes == 4320 && a.minTotalMinutes == 3360)
        #expect(a.maxConsecutiveShifts == 5 && a.minConsecutiveShifts == 2 && a.minConsecutiveDaysOff == 2 && a.maxWeekends == 1)
        #expect(i.staff.map(\.daysOff) == [[0], [5], [8], [2], [9], [5], [1], [7]])
        #expect(i.onRequests.count == 21 && i.offRequests.count == 5)
        #expect(i.onRequests.map(\.weight).reduce(0, +) == 37)
        #expect(i.cover.map { $0[0].requirement } == [5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4])
    }

    @Test func instance20Resolution() throws {
        let i = try Paths.instance("Instance20")
        #expect(i.days == 182 && i.shifts.count == 6 && i.staff.count == 50)
        // p1,480,a1|a2|d1|d2
        #expect(i.shifts.map(\.id) == ["a1", "a2", "d1", "d2", "p1", "p2"])
        #expect(i.shifts[4].forbiddenNext == [0, 1, 2, 3])
        // A,a1=0|a2=0|d1=182|d2=182|p1=182|p2=182,56160,54960,5,2,2,13
        #expect(i.staff[0].maxShifts == [0, 0, 182, 182, 182, 182])
        #expect(i.staff[0].daysOff.first == 19)
        #expect(i.staff.last?.id == "AX")
    }

    /// FORMAT.md: Instance1 with everyone off scores 7137 (71 missing × 100 + 37 on-request weight);
    /// the empty roster breaks MinTotalMinutes for everyone and nothing else.
    @Test func instance1EmptyRosterSanityCheck() throws {
        let i = try Paths.instance("Instance1")
        let report = ShiftRosterChecker.check(i, ShiftRoster(employees: i.staff.count, days: i.days))
        #expect(report.objective == 7137)
        #expect(report.parts == ShiftObjectiveParts(onRequests: 37, offRequests: 0, coverUnder: 7100, coverOver: 0))
        #expect(report.violations.map(\.rule) == Array(repeating: "min-total-minutes", count: 8))
        #expect(report.violations.map(\.employee) == i.staff.map(\.id))
        #expect(report.violations.allSatisfy { $0.day == nil && $0.message.contains("at least 3360") })
        #expect(!report.isClean)
    }

    /// Everyone on D every day of Instance1: over-cover, every off-request broken, and the rules that
    /// a full row breaks (max total, max consecutive, max weekends, days off).
    @Test func instance1FullRoster() throws {
        let i = try Paths.instance("Instance1")
        let full = ShiftRoster(shift: Array(repeating: Array(repeating: 0, count: 14), count: 8))
        let report = ShiftRosterChecker.check(i, full)
        let requirement = i.cover.map { $0[0].requirement }.reduce(0, +)
        #expect(report.parts == ShiftObjectiveParts(onRequests: 0, offRequests: 11, coverUnder: 0, coverOver: 8 * 14 - requirement))
        for person in i.staff {
            let rules = report.violations.filter { $0.employee == person.id }.map(\.rule)
            #expect(rules == ["max-total-minutes", "max-consecutive-shifts", "max-weekends", "day-off"], "\(person.id)")
        }
        // 4320 minutes = 9 shifts: the 10th, on day 9, passes the limit.
        #expect(report.violations(of: "max-total-minutes").allSatisfy { $0.day == 9 })
        #expect(report.violations(of: "max-weekends").allSatisfy { $0.day == 12 })
        #expect(report.violations(of: "day-off").map(\.day) == i.staff.map { $0.daysOff[0] })
    }

    /// Files from the original site use CRLF: the same instance results.
    @Test func crlfGivesTheSameInstance() throws {
        let path = Paths.curtois.appendingPathComponent("Instance2.txt").path
        let lf = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!lf.contains("\r"))
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = try ShiftInstanceReader.read(path: path)
        let b = try ShiftInstanceReader.parse(text: crlf, name: "Instance2")
        #expect(fingerprint(a) == fingerprint(b))
        #expect(b.days == 14 && b.shifts.count == 2 && b.staff.count == 14)
    }
}

/// Every field of an instance as text, for comparisons.
func fingerprint(_ i: ShiftInstance) -> String {
    var s = "\(i.name) \(i.days)\n"
    for t in i.shifts { s += "shift \(t.id) \(t.minutes) \(t.forbiddenNext)\n" }
    for e in i.staff {
        s += "staff \(e.id) \(e.maxShifts) \(e.maxTotalMinutes) \(e.minTotalMinutes) \(e.maxConsecutiveShifts) "
            + "\(e.minConsecutiveShifts) \(e.minConsecutiveDaysOff) \(e.maxWeekends) \(e.daysOff)\n"
    }
    for r in i.onRequests { s += "on \(r.employee) \(r.day) \(r.shift) \(r.weight)\n" }
    for r in i.offRequests { s += "off \(r.employee) \(r.day) \(r.shift) \(r.weight)\n" }
    for (d, row) in i.cover.enumerated() {
        for (t, c) in row.enumerated() { s += "cover \(d) \(t) \(c.requirement) \(c.weightUnder) \(c.weightOver)\n" }
    }
    return s
}
