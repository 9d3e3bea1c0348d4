import EventChecker
import EventScenario
import Foundation
import Testing

/// 5 000 people and 12 000 assignments over a week of 15-minute slots.
@Suite struct PerformanceTests {
    static func largeCase() -> (Scenario, Roster) {
        let start = Timestamp(iso8601: "2026-05-25T06:00:00+02:00")!
        func at(day: Int, hour: Int) -> Timestamp { start.adding(minutes: day * 1440 + (hour - 6) * 60) }
        var scenario = Fixture.scenario()
        scenario.horizon = Horizon(start: start, end: start.adding(minutes: 7 * 1440), slotMinutes: 15)
        let zoneCount = 50
        scenario.zones = (0..<zoneCount).map { Zone(id: "z\($0)", name: "Z\($0)", kind: .perimeter, commune: 0, site: nil) }
        let week = TimeWindow(start: scenario.horizon.start, end: scenario.horizon.end)
        scenario.demands = (0..<zoneCount).flatMap { z in [
            Demand(id: "p\(z)", zone: z, window: week, need: .patrols(template: 0), count: 2, priority: 100, publicOrder: true),
            Demand(id: "g\(z)", zone: z, window: week, need: .post(role: "guard", requirement: RoleRequirement(corps: [.gendarmerie])),
                   count: 1, priority: 10, publicOrder: false),
        ] }
        scenario.people = (0..<5000).map { k in
            k % 2 == 0
                ? Fixture.person(String(format: "np-%05d", k), .nationalPolice, status: .apj, cost: 40)
                : Fixture.person(String(format: "gn-%05d", k), .gendarmerie, status: .apj, cost: 35)
        }
        for i in scenario.people.indices { scenario.people[i].availability = [week] }
        var assignments: [Roster.Assignment] = []
        var patrols: [Roster.Patrol] = []
        for pair in 0..<2500 {
            let leader = scenario.people[2 * pair].id, partner = scenario.people[2 * pair + 1].id
            for day in [pair % 3, pair % 3 + 3] {
                let id = "P\(pair)-\(day)", zone = "z\(pair % zoneCount)"
                let (s, e) = (at(day: day, hour: 14), at(day: day, hour: 22))
                patrols.append(Roster.Patrol(id: id, zone: zone, template: "duo", radio: "INPT", start: s, end: e,
                                             members: [leader, partner], leader: leader))
                assignments.append(Roster.Assignment(person: leader, zone: zone, role: "leader", start: s, end: e, patrol: id))
                assignments.append(Roster.Assignment(person: partner, zone: zone, role: "partner", start: s, end: e, patrol: id))
            }
        }
        for k in stride(from: 1, to: 4000, by: 2) {   // 2 000 gendarmes guard on day 6
            let zone = "z\(k % zoneCount)"
            assignments.append(Roster.Assignment(person: scenario.people[k].id, zone: zone, role: "guard",
                                                 start: at(day: 6, hour: 14), end: at(day: 6, hour: 22), patrol: nil))
        }
        let roster = Roster(objective: 0, assignments: assignments, patrols: patrols, shortfalls: [])
        return (scenario, Fixture.balanced(roster, scenario))
    }

    @Test func fiveThousandPeopleAndTwelveThousandAssignments() {
        let (scenario, roster) = Self.largeCase()
        #expect(roster.assignments.count == 12_000)
        let clock = ContinuousClock()
        var report: CheckReport?
        let elapsed = clock.measure { report = RosterChecker.check(scenario: scenario, roster: roster) }
        #expect(report?.isClean == true, "\(report?.violations.prefix(3) ?? [])")
        #if DEBUG
        let limit = Duration.seconds(10)
        #else
        let limit = Duration.seconds(1)
        #endif
        print("EventChecker performance: 5 000 people, 12 000 assignments checked in \(elapsed)")
        #expect(elapsed < limit, "check took \(elapsed)")
        // A breach among 12 000 assignments is still found.
        var broken = roster
        broken.assignments[7_777].start = broken.assignments[7_777].start.adding(minutes: 15)
        let brokenReport = RosterChecker.check(scenario: scenario, roster: broken)
        #expect(brokenReport.violations.contains { $0.rule == .shiftTemplate && $0.person == roster.assignments[7_777].person })
    }
}
