import EventChecker
import EventPlanning
import EventScenario
import Testing

/// The weekly rest (constraint family `WeeklyRest`, with the rest intervals of `RestAndOverlap`):
/// a week-long post covered around the clock by 12-hour shifts.
@Suite struct WeeklyRestTests {
    static func at(day: Int, _ hour: Int) -> Timestamp {
        Timestamp(iso8601: String(format: "2026-06-%02dT%02d:00:00+02:00", day, hour))!
    }

    /// One guard post, 24/7 for a week, 12-hour shifts at 07:00 and 19:00; a national-police officer
    /// (under the rule) and a gendarme (not under it) available all week, weekly cap out of the way.
    static func scenario(weeklyRest: Double = 35, corps: [Corps] = [.nationalPolice]) -> Scenario {
        var rules = Rules()
        rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("07:00")!, TimeOfDay("19:00")!], hours: 12)]
        rules.weeklyHoursCap = 168
        rules.weeklyRestHours = weeklyRest
        rules.weeklyRestCorps = corps
        let week = TimeWindow(start: at(day: 1, 7), end: at(day: 8, 7))
        func person(_ id: String, _ corps: Corps) -> Person {
            Person(id: id, corps: corps, status: .apj, qualifications: [], sex: nil, commune: nil, radios: ["INPT"],
                   site: nil, publicRoadAuthorised: false, availability: [week], lastShiftEnd: nil, hoursThisWeek: 0,
                   costPerHour: 30)
        }
        let post = Demand(id: "guard", zone: 0, window: week,
                          need: .post(role: "guard", requirement: RoleRequirement(corps: [.nationalPolice, .gendarmerie])),
                          count: 1, priority: 1000, publicOrder: false)
        return Scenario(name: "week", horizon: Horizon(start: week.start, end: week.end, slotMinutes: 60), rules: rules,
                        communes: [Commune(id: "c", name: "C", convention: nil)], sites: [],
                        zones: [Zone(id: "z", name: "Z", kind: .publicRoad, commune: 0, site: nil)],
                        patrolTemplates: [], demands: [post], people: [person("np", .nationalPolice), person("gd", .gendarmerie)])
    }

    static func longestFreeHours(_ plan: EventPlan, person: Int, horizonSlots: Int) -> Int {
        let work = plan.assignments.filter { $0.person == person }.sorted { $0.startSlot < $1.startSlot }
        var free = 0, longest = 0
        for a in work {
            longest = max(longest, a.startSlot - free)
            free = max(free, a.endSlot)
        }
        return max(longest, horizonSlots - free)
    }

    @Test func withoutTheRuleBothWorkEveryDay() throws {
        let plan = try EventPlanner.plan(Self.scenario(corps: []))
        #expect(plan.termination == .optimal)
        #expect(plan.shortfalls.isEmpty)
        #expect(plan.assignments.filter { $0.person == 0 }.count == 7)
    }

    @Test func theOfficerGetsThirtyFiveHoursAndOneShiftStaysUncovered() throws {
        let scenario = Self.scenario()
        let plan = try EventPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
        // Six shifts at most (three, a day off, three): one 12-hour shift is missing.
        #expect(plan.assignments.filter { $0.person == 0 }.count == 6)
        #expect(plan.shortfalls.map { $0.endSlot - $0.startSlot }.reduce(0, +) == 12)
        #expect(Self.longestFreeHours(plan, person: 0, horizonSlots: 168) >= 35)
        let report = RosterChecker.check(scenario: scenario, roster: PlanRoster.roster(plan, scenario))
        #expect(report.violations.isEmpty, "\(report.violations.map(\.description))")
    }

    @Test func theCheckerFlagsARosterWithoutTheRest() throws {
        let free = try EventPlanner.plan(Self.scenario(corps: []))
        let scenario = Self.scenario()
        let report = RosterChecker.check(scenario: scenario, roster: PlanRoster.roster(free, scenario))
        let rules = Set(report.violations.map(\.rule))
        #expect(rules.contains(.weeklyRest))
        #expect(report.violations.filter { $0.rule == .weeklyRest }.allSatisfy { $0.person == "np" })
    }

    @Test func aWeekMostlyBeyondTheHorizonNeedsNoPlacement() throws {
        // 36 hours of a 7-day week lie inside a horizon: 132 h beyond it are free.
        var scenario = Self.scenario()
        scenario.horizon = Horizon(start: Self.at(day: 1, 7), end: Self.at(day: 2, 19), slotMinutes: 60)
        scenario.demands[0].window = TimeWindow(start: scenario.horizon.start, end: scenario.horizon.end)
        scenario.people = scenario.people.map { var p = $0; p.availability = [scenario.demands[0].window]; return p }
        let index = PlanningIndex(scenario: scenario)
        #expect(index.restWeeks.isEmpty)
        let plan = try EventPlanner.plan(scenario)
        #expect(plan.shortfalls.isEmpty)
    }
}
