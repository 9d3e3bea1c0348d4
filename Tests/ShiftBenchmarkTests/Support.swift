import Foundation
import ShiftBenchmark
import Testing

/// Paths of the shared benchmark and of the bad-instance fixtures, found from this file's path.
enum Paths {
    /// `Tests/ShiftBenchmarkTests`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `/work/shared/benchmarks/curtois` seen from `/work/main/Tests/ShiftBenchmarkTests`.
    static let curtois = testsFolder.appendingPathComponent("../../../shared/benchmarks/curtois").standardizedFileURL
    static let bad = testsFolder.appendingPathComponent("../Fixtures/curtois-bad").standardizedFileURL

    static var curtoisAvailable: Bool {
        FileManager.default.fileExists(atPath: curtois.appendingPathComponent("Instance1.txt").path)
    }
    static let curtoisMissing: Comment =
        "shared benchmark folder \(curtois.path) (../../../shared/benchmarks/curtois from Tests/ShiftBenchmarkTests) is absent: skipped"

    static func instance(_ name: String) throws -> ShiftInstance {
        try ShiftInstanceReader.read(path: curtois.appendingPathComponent("\(name).txt").path)
    }
}

/// Tiny hand-built instances: 14 days (two weeks, days 5-6 and 12-13 are weekends), shifts
/// D (480 min, no restriction) and N (600 min, may not be followed by D), loose limits unless given.
enum Tiny {
    static let days = 14

    static func employee(_ id: String, maxShifts: [Int] = [14, 14], maxTotal: Int = 100_000, minTotal: Int = 0,
                         maxConsecutive: Int = 14, minConsecutive: Int = 1, minDaysOff: Int = 1, maxWeekends: Int = 2,
                         daysOff: [Int] = []) -> Employee {
        Employee(id: id, maxShifts: maxShifts, maxTotalMinutes: maxTotal, minTotalMinutes: minTotal,
                 maxConsecutiveShifts: maxConsecutive, minConsecutiveShifts: minConsecutive,
                 minConsecutiveDaysOff: minDaysOff, maxWeekends: maxWeekends, daysOff: daysOff)
    }

    static func instance(_ staff: [Employee], onRequests: [Request] = [], offRequests: [Request] = [],
                         cover: [[Cover]]? = nil) -> ShiftInstance {
        let zero = Cover(requirement: 0, weightUnder: 0, weightOver: 0)
        return ShiftInstance(name: "tiny", days: days,
                             shifts: [ShiftType(id: "D", minutes: 480, forbiddenNext: []),
                                      ShiftType(id: "N", minutes: 600, forbiddenNext: [0])],
                             staff: staff, onRequests: onRequests, offRequests: offRequests,
                             cover: cover ?? Array(repeating: [zero, zero], count: days))
    }

    /// One employee with the given limits.
    static func one(_ employee: Employee) -> ShiftInstance { instance([employee]) }

    /// A row from a pattern such as `"DD.N.........."`: `D`, `N` or `.` (off) per day.
    static func row(_ pattern: String) -> [Int] {
        precondition(pattern.count == days, "pattern \(pattern) is not \(days) days")
        return pattern.map { $0 == "D" ? 0 : $0 == "N" ? 1 : -1 }
    }

    static func roster(_ patterns: String...) -> ShiftRoster { ShiftRoster(shift: patterns.map(row)) }
}

/// Checks a one-employee roster and returns its violations as `rule@day` strings.
func violations(_ instance: ShiftInstance, _ patterns: String...) -> [ShiftViolation] {
    ShiftRosterChecker.check(instance, ShiftRoster(shift: patterns.map(Tiny.row))).violations
}
