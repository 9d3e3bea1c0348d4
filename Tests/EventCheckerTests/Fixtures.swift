import EventChecker
import EventScenario
import Foundation
import Testing

/// A small scenario built in Swift and a roster that satisfies every rule of it.
///
/// Horizon 2026-05-30 06:00 to 2026-05-31 06:00 (+02:00), one-hour slots, shifts of 8 h at
/// 06:00, 14:00 and 22:00. Communes: `ville` (convention: joint patrols, 06:00-02:00, armed),
/// `bourg` (no convention), `hameau` (convention: no joint patrols, 00:00-24:00, unarmed).
enum Fixture {
    static let offset: Int32 = 7200

    /// `time("14:00")` is 2026-05-30T14:00:00+02:00; `day: 31` for the next day.
    static func time(_ clock: String, day: Int = 30) -> Timestamp {
        Timestamp(iso8601: "2026-05-\(day)T\(clock):00+02:00")!
    }

    static let allCorps: [Corps] = [.nationalPolice, .gendarmerie, .municipalPolice, .policeReservist,
                                    .gendarmerieReservist]

    static func person(_ id: String, _ corps: Corps, status: LegalStatus = .none, qualifications: [String] = [],
                       sex: Sex? = nil, commune: Int? = nil, radios: [String] = ["INPT"], site: Int? = nil,
                       publicRoad: Bool = false, availability: [TimeWindow]? = nil, lastShiftEnd: Timestamp? = nil,
                       hoursThisWeek: Double = 0, cost: Double) -> Person {
        Person(id: id, corps: corps, status: status, qualifications: qualifications.sorted(), sex: sex,
               commune: commune, radios: radios.sorted(), site: site, publicRoadAuthorised: publicRoad,
               availability: availability ?? [TimeWindow(start: time("06:00"), end: time("06:00", day: 31))],
               lastShiftEnd: lastShiftEnd, hoursThisWeek: hoursThisWeek, costPerHour: cost)
    }

    static func hours(_ start: String, _ end: String) -> DailyHours {
        DailyHours(start: TimeOfDay(start)!, end: TimeOfDay(end)!)
    }

    static func scenario() -> Scenario {
        var rules = Rules()
        rules.shiftTemplates = [ShiftTemplate(startTimes: ["06:00", "14:00", "22:00"].map { TimeOfDay($0)! }, hours: 8)]
        rules.breakMinutes = 0   // breaks have their own tests (BreakRuleTests)
        let communes = [
            Commune(id: "ville", name: "Ville", convention: Convention(jointPatrols: true, hours: hours("06:00", "02:00"), armed: true)),
            Commune(id: "bourg", name: "Bourg", convention: nil),
            Commune(id: "hameau", name: "Hameau", convention: Convention(jointPatrols: false, hours: hours("00:00", "24:00"), armed: false)),
        ]
        let sites = [Site(id: "stade", name: "Stade"), Site(id: "hall", name: "Hall")]
        let zones = [
            Zone(id: "gate-a", name: "Gate A", kind: .venue, commune: 0, site: 0),   // 0
            Zone(id: "road", name: "Road", kind: .publicRoad, commune: 0, site: nil), // 1
            Zone(id: "station", name: "Station", kind: .transport, commune: 0, site: nil), // 2
            Zone(id: "square", name: "Square", kind: .perimeter, commune: 1, site: nil), // 3
            Zone(id: "plaza", name: "Plaza", kind: .fanZone, commune: 2, site: nil), // 4
            Zone(id: "hall-floor", name: "Hall floor", kind: .venue, commune: 0, site: 1), // 5
        ]
        let leader = RoleRequirement(corps: [.nationalPolice, .gendarmerie], status: [.opj, .apj])
        let templates = [
            PatrolTemplate(id: "duo", roles: [
                PatrolRole(id: "leader", count: 1, requirement: leader),
                PatrolRole(id: "partner", count: 1, requirement: RoleRequirement(corps: allCorps)),
            ]),
            PatrolTemplate(id: "armed-trio", roles: [
                PatrolRole(id: "leader", count: 1, requirement: leader),
                PatrolRole(id: "escort", count: 1, requirement: RoleRequirement(
                    corps: [.nationalPolice, .gendarmerie, .municipalPolice], qualifications: ["armed"])),
                PatrolRole(id: "partner", count: 1, requirement: RoleRequirement(corps: allCorps)),
            ]),
        ]
        let day = TimeWindow(start: time("14:00"), end: time("22:00"))
        let municipal = RoleRequirement(corps: [.municipalPolice])
        let demands = [
            Demand(id: "d-gate-patrol", zone: 0, window: day, need: .patrols(template: 0), count: 1, priority: 100, publicOrder: true),
            Demand(id: "d-gate-search", zone: 0, window: day,
                   need: .post(role: "search-f", requirement: RoleRequirement(corps: [.privateSecurity], qualifications: ["pat-down"], sex: .female)),
                   count: 1, priority: 50, publicOrder: false),
            Demand(id: "d-station", zone: 2, window: day,
                   need: .post(role: "guard", requirement: RoleRequirement(corps: [.transportSecurity])),
                   count: 1, priority: 10, publicOrder: false),
            Demand(id: "d-square-watch", zone: 3, window: day, need: .post(role: "watch", requirement: municipal),
                   count: 1, priority: 5, publicOrder: false),
            Demand(id: "d-road-watch", zone: 1, window: day, need: .post(role: "watch", requirement: municipal),
                   count: 1, priority: 5, publicOrder: false),
            Demand(id: "d-road-steward", zone: 1, window: day,
                   need: .post(role: "steward", requirement: RoleRequirement(corps: [.privateSecurity])),
                   count: 1, priority: 2, publicOrder: false),
            Demand(id: "d-plaza-night", zone: 4, window: TimeWindow(start: time("22:00"), end: time("06:00", day: 31)),
                   need: .post(role: "watch", requirement: municipal), count: 1, priority: 5, publicOrder: false),
        ]
        let people = [
            person("np-1", .nationalPolice, status: .opj, sex: .male, cost: 40),
            person("gn-1", .gendarmerie, status: .apj, radios: ["INPT", "RUBIS"], cost: 35),
            person("ps-1", .privateSecurity, qualifications: ["pat-down"], sex: .female, radios: ["SITE"], site: 0, cost: 20),
            person("ts-1", .transportSecurity, radios: [], cost: 25),
            person("pm-bourg", .municipalPolice, commune: 1, radios: ["PM-SD"], cost: 30),
            person("pm-ville", .municipalPolice, qualifications: ["armed"], commune: 0, cost: 30),
            person("pm-hameau", .municipalPolice, commune: 2, cost: 30),
            person("ps-road", .privateSecurity, site: 0, publicRoad: true, cost: 22),
            // Not in the clean roster.
            person("np-2", .nationalPolice, status: .apj, cost: 40),
            person("gn-2", .gendarmerie, cost: 35),
            person("pr-1", .policeReservist, cost: 15),
            person("gr-1", .gendarmerieReservist, status: .apj, cost: 15),
            person("gr-2", .gendarmerieReservist, cost: 15),
            person("ps-2", .privateSecurity, qualifications: ["pat-down"], sex: .male, radios: ["INPT"], site: 0, cost: 20),
            person("ps-3", .privateSecurity, sex: .female, site: 0, cost: 20),
            person("ps-hall", .privateSecurity, qualifications: ["pat-down"], sex: .female, site: 1, cost: 20),
            person("np-f", .nationalPolice, status: .apj, qualifications: ["pat-down"], sex: .female, cost: 40),
        ]
        return Scenario(
            name: "Fixture match", horizon: Horizon(start: time("06:00"), end: time("06:00", day: 31), slotMinutes: 60),
            rules: rules, communes: communes, sites: sites, zones: zones, patrolTemplates: templates,
            demands: demands, people: people)
    }

    static func assignment(_ person: String, _ zone: String, _ role: String, _ start: String = "14:00",
                           _ end: String = "22:00", endDay: Int = 30, patrol: String? = nil) -> Roster.Assignment {
        Roster.Assignment(person: person, zone: zone, role: role, start: time(start),
                          end: time(end, day: endDay), patrol: patrol)
    }

    /// Staff cost of the clean roster: 8 h × (40 + 35 + 20 + 25 + 30 + 30 + 30 + 22) = 1856.
    static let cleanObjective = 1856.0

    static func roster() -> Roster {
        Roster(
            scenario: "Fixture match", status: "optimal", objective: cleanObjective, bound: cleanObjective, gap: 0,
            cost: Roster.Cost(staff: cleanObjective, shortfall: 0),
            assignments: [
                assignment("gn-1", "gate-a", "partner", patrol: "P1"),
                assignment("np-1", "gate-a", "leader", patrol: "P1"),
                assignment("pm-bourg", "square", "watch"),
                assignment("pm-hameau", "plaza", "watch", "22:00", "06:00", endDay: 31),
                assignment("pm-ville", "road", "watch"),
                assignment("ps-1", "gate-a", "search-f"),
                assignment("ps-road", "road", "steward"),
                assignment("ts-1", "station", "guard"),
            ],
            patrols: [
                Roster.Patrol(id: "P1", zone: "gate-a", template: "duo", radio: "INPT", start: time("14:00"),
                              end: time("22:00"), members: ["np-1", "gn-1"], leader: "np-1"),
            ],
            shortfalls: [])
    }

    /// The roster with its objective, cost split and shortfalls replaced by the checker's own
    /// recomputation, so that a test sees only the violation it provokes.
    static func balanced(_ roster: Roster, _ scenario: Scenario) -> Roster {
        let report = RosterChecker.check(scenario: scenario, roster: roster)
        var result = roster
        result.objective = report.recomputedObjective
        result.cost = Roster.Cost(staff: report.staffCost, shortfall: report.shortfallCost)
        result.bound = nil
        result.shortfalls = report.shortfalls
        return result
    }

    static func check(_ roster: Roster, _ scenario: Scenario = scenario(), balance: Bool = true) -> CheckReport {
        RosterChecker.check(scenario: scenario, roster: balance ? balanced(roster, scenario) : roster)
    }

    static func rules(_ report: CheckReport) -> Set<RuleID> { Set(report.violations.map(\.rule)) }

    /// Replaces the assignment of `person` (the first one) with `replacement`.
    static func replacing(_ roster: Roster, _ person: String, with replacement: Roster.Assignment) -> Roster {
        var result = roster
        let i = result.assignments.firstIndex { $0.person == person }!
        result.assignments[i] = replacement
        return result
    }

    /// The roster as `continuum-roster/1` JSON.
    static func json(_ roster: Roster) -> String {
        func q(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "null" }
        func n(_ x: Double?) -> String { x.map { "\($0)" } ?? "null" }
        let assignments = roster.assignments.map {
            "{\"person\": \(q($0.person)), \"zone\": \(q($0.zone)), \"role\": \(q($0.role)), \"start\": \(q($0.start.description)), \"end\": \(q($0.end.description)), \"patrol\": \(q($0.patrol))}"
        }
        let patrols = roster.patrols.map {
            "{\"id\": \(q($0.id)), \"zone\": \(q($0.zone)), \"template\": \(q($0.template)), \"radio\": \(q($0.radio)), \"start\": \(q($0.start.description)), \"end\": \(q($0.end.description)), \"members\": [\($0.members.map(q).joined(separator: ", "))], \"leader\": \(q($0.leader))}"
        }
        let shortfalls = roster.shortfalls.map {
            "{\"zone\": \(q($0.zone)), \"requirement\": \(q($0.requirement)), \"start\": \(q($0.start.description)), \"end\": \(q($0.end.description)), \"missing\": \($0.missing), \"reason\": \(q($0.reason))}"
        }
        let cost = roster.cost.map { "{\"staff\": \($0.staff), \"shortfall\": \($0.shortfall)}" } ?? "null"
        return """
        {
          "format": "continuum-roster/1",
          "scenario": \(q(roster.scenario)),
          "status": \(q(roster.status)),
          "objective": \(roster.objective),
          "bound": \(n(roster.bound)),
          "gap": \(n(roster.gap)),
          "cost": \(cost),
          "assignments": [
            \(assignments.joined(separator: ",\n    "))
          ],
          "patrols": [
            \(patrols.joined(separator: ",\n    "))
          ],
          "shortfalls": [
            \(shortfalls.joined(separator: ",\n    "))
          ]
        }
        """
    }
}

/// Whether `report` has a violation of `rule` for `person` at `zone`.
func reports(_ report: CheckReport, _ rule: RuleID, person: String?, zone: String?) -> Bool {
    report.violations.contains { $0.rule == rule && $0.person == person && $0.zone == zone }
}
