import Foundation
import ReservistChecker
import ReservistScenario
import Testing

/// The objective, totals and coverage recomputed on a hand-computed example, and the mismatches reported.
@Suite struct ObjectiveTests {
    typealias Callup = ReservistPlan.Callup
    typealias Entry = ReservistPlan.CoverageEntry

    /// Allowance 0.25 EUR/km, road factor 1.5, fair share 2 days, 15 EUR a day beyond.
    /// `R1` (pay 80) lives 0.1° of latitude south of both missions: 6371 × 0.1 × π/180 = 11.119492664 km
    /// great-circle, 16.679238997 km by road, 2 × 16.679238997 × 0.25 = 8.339619498 EUR a day.
    /// `R2` (pay 100, 50 of 60 days served) lives on the spot.
    /// `M1` days 0-3 needs 2, 1, 1, 1 (priority 400); `M2` days 0-1 needs 3 a day (priority 50).
    /// Plan: R1 on M1 days 0-3, R2 on M2 day 0.
    static func scenario() -> ReservistScenario {
        var rules = ReservistRules()
        rules.travelAllowancePerKm = 0.25
        rules.roadFactor = 1.5
        rules.fairShareDays = 2
        rules.fairnessPenaltyPerDay = 15
        let site = Location(latitude: 44.1, longitude: 0)
        return ReservistScenario(
            name: "Hand", planningDate: Fixture.date("2026-04-01"), startDate: Fixture.start, dayCount: 4, rules: rules,
            departments: [Department(id: "33", name: "Gironde")],
            reservists: [
                Fixture.reservist("R1", home: Location(latitude: 44.0, longitude: 0), available: [0, 1, 2, 3]),
                Fixture.reservist("R2", home: site, pay: 100, available: [0, 1, 2, 3], served: 50),
            ],
            missions: [
                Fixture.mission("M1", department: 0, location: site, days: 0...3, needed: [2, 1, 1, 1], priority: 400),
                Fixture.mission("M2", department: 0, location: site, days: 0...1, need: 3, priority: 50),
            ])
    }

    static let callups = [
        Callup(reservist: "R1", mission: "M1", days: Fixture.days(0...3)),
        Callup(reservist: "R2", mission: "M2", days: [Fixture.day(0)]),
    ]

    // pay 4 × 80 + 100 = 420; travel 4 × 8.339619498 = 33.358477993; fairness (4 − 2) × 15 = 30;
    // shortfall: M1 day 0 misses 1 (400), M2 misses 2 then 3 (5 × 50 = 250) = 650.
    static let handTotals = ReservistPlan.Totals(
        pay: 420, travel: 33.358477993, fairness: 30, shortfall: 650, daysCalled: 5, reservistsUsed: 2,
        capUse: 5.0 / 70, missingDays: 6, continuity: 0.6)
    static let handObjective = 1133.358477993
    static let handCoverage = [
        Entry(department: "33", date: Fixture.day(0), needed: 5, covered: 2, missing: 3),
        Entry(department: "33", date: Fixture.day(1), needed: 4, covered: 1, missing: 3),
        Entry(department: "33", date: Fixture.day(2), needed: 1, covered: 1, missing: 0),
        Entry(department: "33", date: Fixture.day(3), needed: 1, covered: 1, missing: 0),
    ]

    static func plan() -> ReservistPlan {
        ReservistPlan(scenario: "Hand", objective: handObjective, bound: 1100, gap: 0.03, totals: handTotals,
                      callups: callups, coverage: handCoverage)
    }

    @Test func recomputesTheHandComputedObjective() {
        let report = ReservistChecker.check(scenario: Self.scenario(), plan: Self.plan())
        #expect(report.isClean, "\(report.violations)")
        #expect(abs(report.pay - 420) < 1e-9)
        #expect(abs(report.travel - 33.358477993) < 1e-6)
        #expect(abs(report.fairness - 30) < 1e-9)
        #expect(abs(report.shortfall - 650) < 1e-9)
        #expect(abs(report.objective - Self.handObjective) < 1e-6)
        #expect(report.daysCalled == 5)
        #expect(report.reservistsUsed == 2)
        #expect(report.missingDays == 6)
        #expect(abs(report.capUse - 5.0 / 70) < 1e-12)
        #expect(abs(report.continuity - 0.6) < 1e-12)
        #expect(report.coverage == Self.handCoverage)
        #expect(report.reportedObjective == Self.handObjective)
    }

    @Test func objectiveToleranceIsOneCentOrOnePartPerMillion() {
        var plan = Self.plan()
        plan.objective += 0.009
        #expect(ReservistChecker.check(scenario: Self.scenario(), plan: plan).isClean)
        plan.objective += 0.002
        #expect(summary(ReservistChecker.check(scenario: Self.scenario(), plan: plan)) == ["objective-mismatch - - -"])
        #expect(ReservistChecker.agrees(1_000_000, 1_000_000.9))
        #expect(!ReservistChecker.agrees(1_000_000, 1_000_001.1))
        #expect(ReservistChecker.agrees(0, 0.01))
        #expect(!ReservistChecker.agrees(0, 0.0101))
    }

    @Test func boundAboveTheObjectiveIsReported() {
        var plan = Self.plan()
        plan.bound = Self.handObjective + 5
        let report = ReservistChecker.check(scenario: Self.scenario(), plan: plan)
        #expect(summary(report) == ["objective-mismatch - - -"])
        #expect(report.violations.first?.message.contains("bound") == true)
    }

    @Test(arguments: ["pay", "travel", "fairness", "shortfall", "daysCalled", "reservistsUsed", "capUse",
                      "missingDays", "continuity"])
    func eachTotalIsCompared(field: String) {
        var plan = Self.plan()
        switch field {
        case "pay": plan.totals.pay += 1
        case "travel": plan.totals.travel -= 1
        case "fairness": plan.totals.fairness = 45
        case "shortfall": plan.totals.shortfall = 600
        case "daysCalled": plan.totals.daysCalled = 4
        case "reservistsUsed": plan.totals.reservistsUsed = 1
        case "capUse": plan.totals.capUse = 0.5
        case "missingDays": plan.totals.missingDays = 5
        default: plan.totals.continuity = 0.8
        }
        let report = ReservistChecker.check(scenario: Self.scenario(), plan: plan)
        #expect(summary(report) == ["totals-mismatch - - -"])
        #expect(report.violations.first?.message.contains("reports \(field) ") == true, "\(report.violations)")
    }

    @Test func absentSharesAreNotCompared() {
        var plan = Self.plan()
        plan.totals.capUse = nil
        plan.totals.continuity = nil
        #expect(ReservistChecker.check(scenario: Self.scenario(), plan: plan).isClean)
    }

    @Test func fairnessCountsEveryReservistBeyondTheFairShare() {
        var plan = Self.plan()
        plan.callups[1].days = Fixture.days(0...1)    // R2: 2 days, still the fair share
        plan.callups.append(Callup(reservist: "R2", mission: "M1", days: Fixture.days(2...3)))   // now 4
        let report = ReservistChecker.check(scenario: Self.scenario(), plan: plan)
        #expect(abs(report.fairness - 60) < 1e-9)
        #expect(abs(report.pay - 720) < 1e-9)
        // M1 days 2-3 now has 2 for a need of 1: the extra reservist is no cover, M2 misses 2 + 2.
        #expect(abs(report.shortfall - 400 - 200) < 1e-9)
        #expect(report.coverage[2] == Entry(department: "33", date: Fixture.day(2), needed: 1, covered: 1, missing: 0))
        // Continued: R1 days 1-3, R2 day 1 (M2) and day 3 (M1), not day 2 (another mission).
        #expect(report.continuity == 5.0 / 8)
    }

    @Test func coverageEntriesAreRecomputed() {
        func check(_ edit: (inout [Entry]) -> Void) -> [String] {
            var plan = Self.plan()
            edit(&plan.coverage)
            return summary(ReservistChecker.check(scenario: Self.scenario(), plan: plan))
        }
        #expect(check { _ in } == [])
        #expect(check { $0[1].covered = 2 } == ["coverage-mismatch - - 2026-06-02"])
        #expect(check { $0[0].missing = 0; $0[0].covered = 5 } == ["coverage-mismatch - - 2026-06-01"])
        #expect(check { $0.remove(at: 2) } == ["coverage-mismatch - - 2026-06-03"])
        #expect(check { $0.append(Entry(department: "33", date: Fixture.day(3), needed: 1, covered: 1, missing: 0)) }
            == ["coverage-mismatch - - 2026-06-04"])
        #expect(check { $0.swapAt(0, 1) } == ["coverage-mismatch - - 2026-06-01"])
        #expect(check { $0.append(Entry(department: "33", date: Fixture.day(9), needed: 0, covered: 0, missing: 0)) }
            == ["coverage-mismatch - - 2026-06-10"])
        #expect(check { $0 = [] } == ["coverage-mismatch - - 2026-06-01"])
    }

    @Test func coverageSumsMissionsOfADepartmentAndKeepsDepartmentOrder() {
        let report = ReservistChecker.check(scenario: Fixture.scenario(), plan: Fixture.plan())
        #expect(report.coverage.map(\.department) == Array(repeating: "33", count: 5) + Array(repeating: "75", count: 5))
        var scenario = Fixture.scenario()
        scenario.missions[2].needed = Array(repeating: 2, count: 14)   // M-C now needs 2 a day in 33, days 0-13
        let more = ReservistChecker.check(scenario: scenario, plan: Fixture.plan())
        #expect(more.coverage.first == Entry(department: "33", date: Fixture.day(0), needed: 3, covered: 1, missing: 2))
        #expect(more.coverage.filter { $0.department == "33" }.count == 14)
        #expect(more.missingDays == 28)
        #expect(abs(more.shortfall - 2800) < 1e-9)
    }
}
