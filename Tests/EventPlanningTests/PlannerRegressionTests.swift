import EventChecker
import EventPlanning
import EventScenario
import Testing

/// Scenario shapes where the planner is known to be wrong (reported; not fixed here).
enum KnownIssues {
    /// With `reservistsPairedWithActive`, the planner admits no reservist to a template whose leader
    /// role admits a corps other than national police and gendarmerie, even beside an active leader.
    static func reservistsShutOut(_ s: Scenario) -> Bool {
        s.rules.reservistsPairedWithActive && s.people.contains(where: \.corps.isReservist)
            && s.patrolTemplates.contains { !$0.roles[0].requirement.corps.allSatisfy(\.isActiveStateForce) }
    }

    /// The planner admits municipal police whose commune has no joint-patrol convention only to
    /// templates where every role admits municipal police alone, so an all-municipal patrol of a
    /// template that other corps could also fill is never formed.
    static func municipalShutOut(_ s: Scenario) -> Bool {
        s.people.contains { p in
            p.corps == .municipalPolice && p.commune.flatMap { s.communes[$0].convention }?.jointPatrols != true
        } && s.patrolTemplates.contains { t in
            t.roles.allSatisfy { $0.requirement.corps.contains(.municipalPolice) }
                && !t.roles.allSatisfy { $0.requirement.corps == [.municipalPolice] }
        }
    }
}

/// Minimal scenarios on which the planner returns a plan it calls optimal although a cheaper roster,
/// accepted by RosterChecker and by the independent rules, exists (or returns an invalid roster).
/// Each test first proves the cheaper roster valid, then records the planner's failure as a known issue.
@Suite struct PlannerRegressionTests {
    static func at(_ hour: Int) -> Timestamp { Timestamp(iso8601: String(format: "2026-05-30T%02d:00:00+02:00", hour))! }

    static func person(_ id: String, _ corps: Corps, _ status: LegalStatus = .none, radios: [String] = ["INPT"],
                       commune: Int? = nil, site: Int? = nil, hoursThisWeek: Double = 0) -> Person {
        Person(id: id, corps: corps, status: status, qualifications: [], sex: nil, commune: commune, radios: radios,
               site: site, publicRoadAuthorised: false, availability: [TimeWindow(start: at(6), end: at(23))],
               lastShiftEnd: nil, hoursThisWeek: hoursThisWeek, costPerHour: 30)
    }

    /// One venue zone `z` of site `s` in commune `c`, 06:00-23:00, hourly slots.
    static func scenario(_ rules: Rules, templates: [PatrolTemplate] = [], demands: [Demand], people: [Person],
                         convention: Convention? = nil) -> Scenario {
        var rules = rules
        rules.breakMinutes = 0   // the hand-written rosters below list no breaks; breaks have their own tests
        return Scenario(name: "known issue", horizon: Horizon(start: at(6), end: at(23), slotMinutes: 60), rules: rules,
                 communes: [Commune(id: "c", name: "C", convention: convention)], sites: [Site(id: "s", name: "S")],
                 zones: [Zone(id: "z", name: "Z", kind: .venue, commune: 0, site: 0)], patrolTemplates: templates,
                 demands: demands, people: people)
    }

    static func shifts(_ hours: Double, _ starts: String...) -> [ShiftTemplate] {
        [ShiftTemplate(startTimes: starts.map { TimeOfDay($0)! }, hours: hours)]
    }

    static func post(_ id: String, _ from: Int, _ to: Int, _ corps: [Corps], count: Int = 1, priority: Double) -> Demand {
        Demand(id: id, zone: 0, window: TimeWindow(start: at(from), end: at(to)),
               need: .post(role: "guard", requirement: RoleRequirement(corps: corps)), count: count, priority: priority,
               publicOrder: false)
    }

    static func onPost(_ person: String, _ from: Int, _ to: Int) -> Roster.Assignment {
        Roster.Assignment(person: person, zone: "z", role: "guard", start: at(from), end: at(to), patrol: nil)
    }

    /// A patrol P1 of template `template` 10:00-18:00 on `radio`: (person, role) pairs, the leader first.
    static func patrol(_ template: String, _ radio: String, _ members: [(String, String)]) -> (Roster.Patrol, [Roster.Assignment]) {
        (Roster.Patrol(id: "P1", zone: "z", template: template, radio: radio, start: at(10), end: at(18),
                       members: members.map(\.0), leader: members[0].0),
         members.map { Roster.Assignment(person: $0.0, zone: "z", role: $0.1, start: at(10), end: at(18), patrol: "P1") })
    }

    /// `roster` breaks no rule (checker and independent rules), costs `cost`, and the brute force finds nothing cheaper.
    func expectValidAndOptimal(_ scenario: Scenario, _ roster: Roster, cost: Double) {
        let report = RosterChecker.check(scenario: scenario, roster: roster)
        #expect(report.violations.isEmpty, "\(report.violations.map(\.description))")
        #expect(abs(report.recomputedObjective - cost) < 1e-9)
        let independent = IndependentRules(scenario).violations(of: roster)
        #expect(independent.violations.isEmpty, "\(independent.violations)")
        #expect(abs(independent.objective - cost) < 1e-9)
        #expect(abs(ExhaustiveSearch.optimum(scenario).cost - cost) < 1e-9)
    }

    /// Two interchangeable agents with 38 h worked (cap 48) can each take one 6-hour shift more, not two.
    /// The weekly-hours row of the class allows 3 shifts in all; disaggregation then cannot place the
    /// third (`unplacedAssignments` 1), so the 16:00 post stays empty although covering it with the
    /// second agent (and leaving one morning place empty) is far cheaper.
    @Test func weeklyCapOfInterchangeablePeopleIsNotOverPlanned() throws {
        var rules = Rules()
        rules.minRestHours = 2
        rules.shiftTemplates = Self.shifts(6, "08:00", "16:00")
        let scenario = Self.scenario(rules, demands: [
            Self.post("morning", 8, 14, [.nationalPolice], count: 2, priority: 100),
            Self.post("evening", 16, 22, [.nationalPolice], priority: 1000),
        ], people: [Self.person("a1", .nationalPolice, hoursThisWeek: 38), Self.person("a2", .nationalPolice, hoursThisWeek: 38)])
        // 2 × 6 h × 30 staff + 6 h × 100 for the missing morning agent.
        let better = Roster(objective: 960, assignments: [Self.onPost("a1", 8, 14), Self.onPost("a2", 16, 22)],
                            patrols: [], shortfalls: [Roster.Shortfall(zone: "z", requirement: "morning", start: Self.at(8),
                                                                       end: Self.at(14), missing: 1)])
        expectValidAndOptimal(scenario, better, cost: 960)

        let plan = try EventPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
                #expect(plan.statistics.unplacedAssignments == 0)
        #expect(plan.objective <= 960 + 1e-6, "planner \(plan.objective)")
    }

    /// Two demands for the same post role of one zone, at different times, ask for different corps.
    /// The planner uses the first demand's requirement for both: it puts the private agent on the
    /// evening post that asks for national police (a `post-corps` violation) and leaves the police
    /// officer idle.
    @Test func eachDemandOfAPostRoleKeepsItsOwnRequirement() throws {
        var rules = Rules()
        rules.shiftTemplates = Self.shifts(4, "08:00", "16:00")
        let scenario = Self.scenario(rules, demands: [
            Self.post("morning", 8, 12, [.privateSecurity], priority: 100),
            Self.post("evening", 16, 20, [.nationalPolice], priority: 1000),
        ], people: [Self.person("ps", .privateSecurity, site: 0), Self.person("np", .nationalPolice)])
        let better = Roster(objective: 240, assignments: [Self.onPost("ps", 8, 12), Self.onPost("np", 16, 20)],
                            patrols: [], shortfalls: [])
        expectValidAndOptimal(scenario, better, cost: 240)

        let plan = try EventPlanner.plan(scenario)
        let report = RosterChecker.check(scenario: scenario, roster: PlanRoster.roster(plan, scenario))
                #expect(report.violations.isEmpty, "\(report.violations.map(\.description))")
        #expect(plan.objective <= 240 + 1e-6, "planner \(plan.objective)")
    }

    /// When municipal police may lead (as in the bundled concert), two municipal agents of a commune
    /// without a convention may form a patrol of a template that a national-police officer could
    /// also lead: the patrol has no other corps. The planner never forms it (bound 4000 > 480).
    @Test func municipalAgentsWithoutConventionMayPatrolTogether() throws {
        var rules = Rules()
        rules.leaderCorps = [.nationalPolice, .gendarmerie, .municipalPolice]
        rules.leaderStatus = [.opj, .apj, .apjAdjoint]
        rules.shiftTemplates = Self.shifts(8, "10:00")
        let template = PatrolTemplate(id: "local", roles: [
            PatrolRole(id: "lead", count: 1, requirement: RoleRequirement(corps: [.nationalPolice, .municipalPolice],
                                                                          status: [.opj, .apj, .apjAdjoint])),
            PatrolRole(id: "member", count: 1, requirement: RoleRequirement(corps: [.municipalPolice, .nationalPolice])),
        ])
        let scenario = Self.scenario(rules, templates: [template], demands: [
            Demand(id: "watch", zone: 0, window: TimeWindow(start: Self.at(10), end: Self.at(18)), need: .patrols(template: 0),
                   count: 1, priority: 500, publicOrder: false),
        ], people: [Self.person("pm1", .municipalPolice, .apjAdjoint, radios: ["PM"], commune: 0),
                    Self.person("pm2", .municipalPolice, .apjAdjoint, radios: ["PM"], commune: 0)])
        #expect(KnownIssues.municipalShutOut(scenario))
        let (patrol, assignments) = Self.patrol("local", "PM", [("pm1", "lead"), ("pm2", "member")])
        expectValidAndOptimal(scenario, Roster(objective: 480, assignments: assignments, patrols: [patrol], shortfalls: []),
                              cost: 480)

        let plan = try EventPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
                #expect(plan.objective <= 480 + 1e-6, "planner \(plan.objective)")
        #expect(plan.bound <= 480 + 1e-6, "the bound \(plan.bound) is not a lower bound")
    }

    /// A gendarmerie reservist beside a national-police leader is a valid patrol (paired with an active
    /// member), but when the template's leader role also admits municipal police the planner keeps
    /// reservists out of it altogether (bound 4000 > 480).
    @Test func reservistsMayJoinAnActiveLeaderOfAMixedTemplate() throws {
        var rules = Rules()
        rules.leaderCorps = [.nationalPolice, .gendarmerie, .municipalPolice]
        rules.leaderStatus = [.opj, .apj, .apjAdjoint]
        rules.shiftTemplates = Self.shifts(8, "10:00")
        let template = PatrolTemplate(id: "mixed", roles: [
            PatrolRole(id: "lead", count: 1, requirement: RoleRequirement(corps: [.nationalPolice, .municipalPolice],
                                                                          status: [.opj, .apj])),
            PatrolRole(id: "member", count: 1, requirement: RoleRequirement(corps: [.gendarmerieReservist])),
        ])
        let scenario = Self.scenario(rules, templates: [template], demands: [
            Demand(id: "watch", zone: 0, window: TimeWindow(start: Self.at(10), end: Self.at(18)), need: .patrols(template: 0),
                   count: 1, priority: 500, publicOrder: false),
        ], people: [Self.person("np", .nationalPolice, .opj), Self.person("gr", .gendarmerieReservist)])
        #expect(KnownIssues.reservistsShutOut(scenario))
        let (patrol, assignments) = Self.patrol("mixed", "INPT", [("np", "lead"), ("gr", "member")])
        expectValidAndOptimal(scenario, Roster(objective: 480, assignments: assignments, patrols: [patrol], shortfalls: []),
                              cost: 480)

        let plan = try EventPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
                #expect(plan.objective <= 480 + 1e-6, "planner \(plan.objective)")
        #expect(plan.bound <= 480 + 1e-6, "the bound \(plan.bound) is not a lower bound")
    }
}
