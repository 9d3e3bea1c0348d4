import Foundation
import Testing
import ReservistScenario

/// Paths in the repository.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let smallScenario = path("Scenarios/reservists-small.json")
}

/// The error `body` throws; records a failure (and returns nil) when it does not throw.
func readError(_ body: () throws(ReservistInputError) -> ReservistScenario,
               sourceLocation: SourceLocation = #_sourceLocation) -> ReservistInputError? {
    do {
        let scenario = try body()
        Issue.record("expected an error, read scenario \(scenario.name)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Parses `text` as a file named `base.json`.
func parse(_ text: String) throws(ReservistInputError) -> ReservistScenario {
    try ReservistReader.parse(data: Data(text.utf8), fileName: "base.json")
}

/// A folder of its own under the temporary directory, removed by `remove()`.
struct TemporaryFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("continuum-reservists-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Total reservist-days needed on each day of the horizon, over the missions `include` accepts.
func dailyDemand(_ scenario: ReservistScenario, include: (Mission) -> Bool = { _ in true }) -> [Int] {
    var demand = [Int](repeating: 0, count: scenario.dayCount)
    for mission in scenario.missions where include(mission) {
        for (k, n) in mission.needed.enumerated() { demand[mission.firstDay + k] += n }
    }
    return demand
}

/// The most days each reservist could serve (notice, employer quota, cap), travel and skills aside.
func effectiveSupply(_ scenario: ReservistScenario) -> Int {
    let standard = scenario.firstCallableDay(noticeDays: scenario.rules.defaultNoticeDays)
    let reactive = scenario.firstCallableDay(noticeDays: scenario.rules.reactivityNoticeDays)
    var total = 0
    for r in scenario.reservists {
        var working = 0, weekend = 0
        for d in r.availableDays where d >= (r.reactivity ? reactive : standard) {
            if scenario.isWorkingDay(d) { working += 1 } else { weekend += 1 }
        }
        if r.salaried && !r.employerConsent {
            working = min(working, max(0, scenario.rules.employerQuotaDays - r.employerDaysUsed))
        }
        total += min(working + weekend, r.remainingDays)
    }
    return total
}
