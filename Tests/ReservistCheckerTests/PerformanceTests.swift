import Foundation
import ReservistChecker
import ReservistScenario
import Testing

/// 30 000 reservists, 1 000 missions over 90 days in 100 departments, 300 000 called days.
@Suite struct PerformanceTests {
    static func largeCase() -> (ReservistScenario, ReservistPlan) {
        let dayCount = 90, missionCount = 1000, reservistCount = 30_000
        let departments = (0..<100).map { Department(id: String(format: "%02d", $0 + 1), name: "D\($0 + 1)") }
        func place(_ k: Int) -> Location { Location(latitude: 43 + Double(k % 50) * 0.1, longitude: -1 + Double(k / 50) * 0.2) }
        var missions: [Mission] = []
        for m in 0..<missionCount {
            let staff: [Int]? = m % 5 == 0 ? Array(repeating: 4, count: dayCount) : nil
            let skill: String? = m % 3 == 0 ? "driver" : nil
            missions.append(Fixture.mission(String(format: "M%04d", m), department: m % 100, location: place(m),
                                            days: 0...(dayCount - 1), skill: skill, need: 3, priority: 400,
                                            publicOrder: m % 2 == 0, activeStaff: staff))
        }
        var reservists: [Reservist] = []
        let allDays = Array(0..<dayCount)
        for r in 0..<reservistCount {
            let m = r % missionCount
            let pay = 80 + Double(r % 7)
            reservists.append(Fixture.reservist(String(format: "R%06d", r), department: m % 100, home: place(m), pay: pay,
                                                skills: ["driver"], available: allDays, cap: 60, served: r % 30,
                                                salaried: r % 4 == 0, consent: true, maxTravelKm: 100))
        }
        let scenario = ReservistScenario(
            name: "Large", planningDate: Fixture.date("2026-04-01"), startDate: Fixture.start, dayCount: dayCount,
            rules: ReservistRules(), departments: departments, reservists: reservists, missions: missions)
        // Reservist r serves mission r mod 1000 for 10 days in block (r / 1000) mod 9: 30 per mission, 3.3 a day.
        let callups = (0..<reservistCount).map { r in
            let first = ((r / missionCount) % 9) * 10
            return ReservistPlan.Callup(reservist: reservists[r].id, mission: missions[r % missionCount].id,
                                        days: Fixture.days(first...(first + 9)))
        }
        let plan = ReservistPlan(objective: 0, totals: ReservistPlan.Totals(
            pay: 0, travel: 0, fairness: 0, shortfall: 0, daysCalled: 0, reservistsUsed: 0, capUse: nil, missingDays: 0,
            continuity: nil), callups: callups, coverage: [])
        return (scenario, Fixture.balanced(plan, scenario))
    }

    @Test func thirtyThousandReservistsAndThreeHundredThousandDays() {
        let (scenario, plan) = Self.largeCase()
        let clock = ContinuousClock()
        var report: ReservistCheckReport?
        let elapsed = clock.measure { report = ReservistChecker.check(scenario: scenario, plan: plan) }
        #expect(report?.isClean == true, "\(report?.violations.prefix(3) ?? [])")
        #expect(report?.daysCalled == 300_000)
        #expect(report?.reservistsUsed == 30_000)
        #expect(report?.coverage.count == 100 * 90)
        #if DEBUG
        let limit = Duration.seconds(10)
        #else
        let limit = Duration.seconds(1)
        #endif
        #expect(elapsed < limit, "checking took \(elapsed)")
    }

    @Test func aBrokenLargePlanIsReportedInOrder() {
        var (scenario, plan) = Self.largeCase()
        scenario.reservists[29_999].availableDays = []
        // R000005 (M0005, days 0-9) also on day 89, where M0005 already has its 3: paid, but no cover.
        plan.callups[5].days.append(Fixture.day(89))
        let report = ReservistChecker.check(scenario: scenario, plan: plan)
        let rules = Set(report.violations.map(\.rule))
        #expect(rules == [.availability, .objectiveMismatch, .totalsMismatch])
        // R029999 serves M0999 in block 29 mod 9 = 2: days 20-29.
        #expect(report.violations.filter { $0.rule == .availability }.map(\.date) == Array(Fixture.days(20...29)))
        #expect(report.violations.first?.reservist == "R029999")
        #expect(report.violations.filter { $0.rule == .totalsMismatch }.map(\.message).joined().contains("daysCalled 300000, recomputed 300001"))
    }
}
