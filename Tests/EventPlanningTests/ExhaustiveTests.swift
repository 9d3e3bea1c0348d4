import EventChecker
import EventPlanning
import EventScenario
import Testing

extension RandomScenarios {
    /// A tiny scenario (`Shape.tiny`) whose enumeration is neither trivial nor long: seeds whose
    /// brute force would have fewer than `minimum` or more than `maximum` configurations to visit
    /// are replaced by the next variant of the same seed.
    static func tinyBounded(seed: UInt64, minimum: Int = 24, maximum: Int = 20_000) -> Scenario {
        var variant: UInt64 = 0
        while true {
            let scenario = tiny(seed: seed &* 1_000 &+ variant)
            if (minimum...maximum).contains(ExhaustiveSearch.leafBound(scenario)) { return scenario }
            variant += 1
        }
    }
}

/// The planner against an independent brute-force optimiser (ExhaustiveSearch) on tiny scenarios.
@Suite struct ExhaustiveTests {
    static let seeds: [UInt64] = Array(1...240)

    static var exact: EventPlanOptions {
        var options = EventPlanOptions()
        options.relativeGap = 0
        return options
    }

    @Test(arguments: seeds)
    func plannerObjectiveIsTheBruteForceMinimum(seed: UInt64) throws {
        let scenario = RandomScenarios.tinyBounded(seed: seed)
        let optimum = ExhaustiveSearch.optimum(scenario)
        let plan = try EventPlanner.plan(scenario, options: Self.exact)
        let roster = PlanRoster.roster(plan, scenario)
        let independent = IndependentRules(scenario).violations(of: roster)
        #expect(independent.violations.isEmpty, "seed \(seed): \(independent.violations)")
        #expect(RosterChecker.check(scenario: scenario, roster: roster).violations.isEmpty, "seed \(seed)")
        #expect(plan.termination == .optimal, "seed \(seed): \(plan.termination)")
        let comparison = {
            #expect(abs(plan.objective - optimum.cost) <= 1e-6,
                    "seed \(seed): planner \(plan.objective) (staff \(plan.staffCost), shortfall \(plan.shortfallCost)), brute force \(optimum.cost) (staff \(optimum.staff), shortfall \(optimum.shortfall))\(describe(scenario, optimum))")
            #expect(plan.bound <= optimum.cost + 1e-6, "seed \(seed): bound \(plan.bound) above the optimum \(optimum.cost)")
        }
        comparison()
    }

    /// The tiny scenarios are small enough to enumerate yet not trivial.
    @Test func tinyScenariosAreTinyAndVaried() throws {
        var withPatrols = 0, withPosts = 0, mixed = 0, idleOptimum = 0, severalShiftOptions = 0, knownIssues = 0
        for seed in Self.seeds {
            let scenario = RandomScenarios.tinyBounded(seed: seed)
            let rules = IndependentRules(scenario)
            #expect((2...4).contains(scenario.people.count) && (1...2).contains(scenario.zones.count))
            #expect((1...2).contains(scenario.demands.count) && (1...2).contains(rules.shifts.count))
            #expect((24...20_000).contains(ExhaustiveSearch.leafBound(scenario)))
            let optimum = ExhaustiveSearch.optimum(scenario)
            let choices = optimum.schedule.flatMap { $0 }
            if choices.contains(where: { $0.role >= 0 }) { withPatrols += 1 }
            if choices.contains(where: { $0.role < 0 }) { withPosts += 1 }
            if choices.isEmpty { idleOptimum += 1 }
            if optimum.shortfall > 0 && optimum.staff > 0 { mixed += 1 }
            if ExhaustiveSearch.options(rules).contains(where: { $0.contains { $0.count > 1 } }) { severalShiftOptions += 1 }
            if KnownIssues.reservistsShutOut(scenario) || KnownIssues.municipalShutOut(scenario) { knownIssues += 1 }
        }
        #expect(withPatrols >= 40, "\(withPatrols) optima with patrols")
        #expect(withPosts >= 25, "\(withPosts) optima with posts")
        #expect(mixed >= 40, "\(mixed) optima with both staff and shortfall")
        #expect(idleOptimum >= 10, "\(idleOptimum) optima where nobody works")
        #expect(severalShiftOptions >= 5, "\(severalShiftOptions) scenarios where someone may work two shifts")
        #expect(knownIssues <= 40, "\(knownIssues) of \(Self.seeds.count) scenarios fall under a known issue")
    }

    // MARK: The brute force itself, on answers computed by hand

    static func at(_ hour: Int) -> Timestamp { Timestamp(iso8601: String(format: "2026-05-30T%02d:00:00+02:00", hour))! }

    static func person(_ id: String, _ corps: Corps, _ status: LegalStatus = .none, radios: [String] = ["INPT"],
                       cost: Double = 30) -> Person {
        Person(id: id, corps: corps, status: status, qualifications: [], sex: nil, commune: nil, radios: radios,
               site: nil, publicRoadAuthorised: false, availability: [TimeWindow(start: at(12), end: at(23))],
               lastShiftEnd: nil, hoursThisWeek: 0, costPerHour: cost)
    }

    /// A duo patrol (national-police leader, any-State member) wanted 16:00-20:00 on a 14:00-22:00 shift.
    static func duo(_ people: [Person], priority: Double = 1000, publicOrder: Bool = false, count: Int = 1) -> Scenario {
        var rules = Rules()
        rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("14:00")!], hours: 8)]
        let template = PatrolTemplate(id: "duo", roles: [
            PatrolRole(id: "lead", count: 1, requirement: RoleRequirement(corps: [.nationalPolice], status: [.opj, .apj])),
            PatrolRole(id: "member", count: 1, requirement: RoleRequirement(corps: Corps.allCases)),
        ])
        return Scenario(
            name: "duo", horizon: Horizon(start: at(12), end: at(23), slotMinutes: 60), rules: rules,
            communes: [Commune(id: "c", name: "C", convention: nil)], sites: [],
            zones: [Zone(id: "z", name: "Z", kind: .perimeter, commune: 0, site: nil)], patrolTemplates: [template],
            demands: [Demand(id: "d", zone: 0, window: TimeWindow(start: at(16), end: at(20)), need: .patrols(template: 0),
                             count: count, priority: priority, publicOrder: publicOrder)],
            people: people)
    }

    @Test func bruteForceStaffsAPatrolWhenItIsCheaperThanTheShortfall() throws {
        let people = [Self.person("lead", .nationalPolice, .opj, cost: 40), Self.person("member", .nationalPolice, cost: 30)]
        #expect(ExhaustiveSearch.optimum(Self.duo(people)).cost == 8 * (40 + 30))
        // 4 missing patrol-hours at 10 cost less than 8 hours of two people.
        #expect(ExhaustiveSearch.optimum(Self.duo(people, priority: 10)).cost == 40)
        // Two patrols wanted, one possible.
        #expect(ExhaustiveSearch.optimum(Self.duo(people, count: 2)).cost == 560 + 4 * 1000)
    }

    @Test func bruteForceRefusesPatrolsThatBreakARule() throws {
        let lead = Self.person("lead", .nationalPolice, .opj, cost: 40)
        // No common radio network.
        #expect(ExhaustiveSearch.optimum(Self.duo([lead, Self.person("m", .nationalPolice, radios: ["RUBIS"])])).cost == 4000)
        // A police reservist never works public order; a gendarmerie reservist may.
        #expect(ExhaustiveSearch.optimum(Self.duo([lead, Self.person("m", .policeReservist)], publicOrder: true)).cost == 4000)
        #expect(ExhaustiveSearch.optimum(Self.duo([lead, Self.person("m", .gendarmerieReservist)], publicOrder: true)).cost == 560)
        // Transport security only in transport zones.
        #expect(ExhaustiveSearch.optimum(Self.duo([lead, Self.person("m", .transportSecurity)])).cost == 4000)
        // The leader must hold a leader status.
        #expect(ExhaustiveSearch.optimum(Self.duo([Self.person("l", .nationalPolice, .apjAdjoint),
                                                   Self.person("m", .nationalPolice, .opj)])).cost == 560 - 80)
    }

    @Test func plannerAgreesOnTheHandComputedAnswers() throws {
        let lead = Self.person("lead", .nationalPolice, .opj, cost: 40)
        let cases: [(Scenario, Double)] = [
            (Self.duo([lead, Self.person("member", .nationalPolice, cost: 30)]), 560),
            (Self.duo([lead, Self.person("member", .nationalPolice, cost: 30)], priority: 10), 40),
            (Self.duo([lead, Self.person("m", .nationalPolice, radios: ["RUBIS"])]), 4000),
            (Self.duo([lead, Self.person("m", .policeReservist)], publicOrder: true), 4000),
            (Self.duo([lead, Self.person("m", .gendarmerieReservist)], publicOrder: true), 560),
        ]
        for (scenario, expected) in cases {
            let plan = try EventPlanner.plan(scenario, options: Self.exact)
            #expect(abs(plan.objective - expected) < 1e-6)
            #expect(abs(ExhaustiveSearch.optimum(scenario).cost - expected) < 1e-6)
        }
    }

    /// Two patrols of three with at most one reservist each (share 0.34): a gendarmerie reservist can
    /// only be `second`, a police reservist only `third`. Both are cheap, so both work, and they must
    /// land in different patrols.
    @Test func reservistsOfDifferentRolesAreDealtToDifferentPatrols() throws {
        var rules = Rules()
        rules.maxReservistShare = 0.34
        rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("14:00")!], hours: 8)]
        let template = PatrolTemplate(id: "trio", roles: [
            PatrolRole(id: "lead", count: 1, requirement: RoleRequirement(corps: [.nationalPolice], status: [.opj, .apj])),
            PatrolRole(id: "second", count: 1, requirement: RoleRequirement(corps: [.nationalPolice, .gendarmerieReservist])),
            PatrolRole(id: "third", count: 1, requirement: RoleRequirement(corps: [.nationalPolice, .policeReservist])),
        ])
        var scenario = Self.duo([], count: 2)
        scenario.rules = rules
        scenario.patrolTemplates = [template]
        scenario.people = [Self.person("l1", .nationalPolice, .opj, cost: 40), Self.person("l2", .nationalPolice, .apj, cost: 40),
                           Self.person("n1", .nationalPolice, cost: 40), Self.person("n2", .nationalPolice, cost: 40),
                           Self.person("gr", .gendarmerieReservist, cost: 10), Self.person("pr", .policeReservist, cost: 10)]
        let plan = try EventPlanner.plan(scenario, options: Self.exact)
        let roster = PlanRoster.roster(plan, scenario)
        #expect(plan.patrols.count == 2)
        #expect(Set(roster.assignments.map(\.person)) == ["l1", "l2", "n1", "n2", "gr", "pr"])
        for patrol in plan.patrols {
            #expect(patrol.members.filter { scenario.people[$0].corps.isReservist }.count == 1, "\(roster.patrols)")
        }
        #expect(IndependentRules(scenario).violations(of: roster).violations.isEmpty)
        #expect(RosterChecker.check(scenario: scenario, roster: roster).violations.isEmpty)
        #expect(abs(plan.objective - ExhaustiveSearch.optimum(scenario).cost) < 1e-6)
        #expect(abs(plan.objective - 8 * (4 * 40 + 2 * 10)) < 1e-6)
    }

    /// One agent, posts 08:00-12:00 and 14:00-18:00: two shifts when 2 h of rest suffice, one when 3 h are needed.
    /// (Rest 3 h: the afternoon post, worth more, is staffed: 4 h × 30 + the morning's 4 h × 40 missing.)
    @Test(arguments: [(2.0, 240.0), (3.0, 280.0)])
    func oneAgentWorksTwoShiftsOnlyWhenRestAllows(rest: Double, expected: Double) throws {
        var rules = Rules()
        rules.minRestHours = rest
        rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("08:00")!, TimeOfDay("14:00")!], hours: 4)]
        let guardPost = Demand.Need.post(role: "guard", requirement: RoleRequirement(corps: [.nationalPolice]))
        var scenario = Self.duo([Self.person("np", .nationalPolice)])
        scenario.horizon = Horizon(start: Self.at(6), end: Self.at(20), slotMinutes: 60)
        scenario.rules = rules
        scenario.people[0].availability = [TimeWindow(start: Self.at(6), end: Self.at(20))]
        scenario.demands = [
            Demand(id: "am", zone: 0, window: TimeWindow(start: Self.at(8), end: Self.at(12)), need: guardPost, count: 1,
                   priority: 40, publicOrder: false),
            Demand(id: "pm", zone: 0, window: TimeWindow(start: Self.at(14), end: Self.at(18)), need: guardPost, count: 1,
                   priority: 50, publicOrder: false),
        ]
        let plan = try EventPlanner.plan(scenario, options: Self.exact)
        #expect(abs(ExhaustiveSearch.optimum(scenario).cost - expected) < 1e-6)
        #expect(abs(plan.objective - expected) < 1e-6)
        #expect(plan.assignments.count == (rest == 2 ? 2 : 1))
        #expect(IndependentRules(scenario).violations(of: PlanRoster.roster(plan, scenario)).violations.isEmpty)
    }

    private func describe(_ scenario: Scenario, _ optimum: ExhaustiveSearch.Optimum) -> String {
        let rules = IndependentRules(scenario)
        let lines = optimum.schedule.enumerated().flatMap { p, choices in
            choices.map { c in "\(scenario.people[p].id) \(rules.places[c.place]) role \(c.role) \(rules.shifts[c.shift].start)-\(rules.shifts[c.shift].end)" }
        }
        return "; brute-force optimum: " + (lines.isEmpty ? "nobody works" : lines.joined(separator: ", "))
    }
}
