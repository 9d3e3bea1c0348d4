import Foundation
import ReservistChecker
import ReservistScenario
import Testing

/// A small scenario built in Swift and a plan that satisfies every rule of it.
///
/// Horizon: 14 days from Monday 2026-06-01, planning date 2026-04-01 (every day is past the notice).
/// Departments `33` (index 0) and `75` (index 1). Everyone and everything sits in Bordeaux (0 km)
/// unless a test moves it.
/// - `R1` gendarme, pay 80, skill `driver`; `R2` gendarme, pay 100, salaried without consent;
///   `R3` police reservist of `75`, pay 90. All available every day, cap 60, nothing served.
/// - `M-A` (33) days 0-4, 1 a day, priority 400, public order;
///   `M-B` (75) days 2-6, 1 a day, priority 300, active staff 1;
///   `M-C` (33) days 0-13, no need, priority 100.
/// The clean plan: R1 on M-A days 0-4, R3 on M-B days 2-6.
enum Fixture {
    static let start = CivilDate("2026-06-01")!
    static let bordeaux = Location(latitude: 44.84, longitude: -0.58)

    static func day(_ index: Int) -> CivilDate { start.adding(days: index) }
    static func days(_ range: ClosedRange<Int>) -> [CivilDate] { range.map(day) }
    static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    static func reservist(_ id: String, corps: ReservistCorps = .gendarmerieReservist, department: Int = 0,
                          home: Location = bordeaux, pay: Double = 80, skills: [String] = [],
                          available: [Int] = Array(0..<14), cap: Int = 60, served: Int = 0, salaried: Bool = false,
                          consent: Bool = false, employerDaysUsed: Int = 0, reactivity: Bool = false,
                          maxTravelKm: Double = 100) -> Reservist {
        Reservist(id: id, corps: corps, department: department, home: home, rank: "gendarme", dailyPay: pay,
                  skills: skills.sorted(), availableDays: available, annualCap: cap, daysServed: served,
                  salaried: salaried, employerConsent: consent, employerDaysUsed: employerDaysUsed,
                  reactivity: reactivity, maxTravelKm: maxTravelKm)
    }

    static func mission(_ id: String, department: Int, location: Location = bordeaux, days: ClosedRange<Int>,
                        skill: String? = nil, needed: [Int]? = nil, need: Int = 1, priority: Double,
                        publicOrder: Bool = false, activeStaff: [Int]? = nil) -> Mission {
        Mission(id: id, department: department, location: location, firstDay: days.lowerBound, lastDay: days.upperBound,
                skill: skill, needed: needed ?? Array(repeating: need, count: days.count), priority: priority,
                publicOrder: publicOrder, activeStaff: activeStaff)
    }

    static func scenario() -> ReservistScenario {
        ReservistScenario(
            name: "Fixture", planningDate: date("2026-04-01"), startDate: start, dayCount: 14, rules: ReservistRules(),
            departments: [Department(id: "33", name: "Gironde"), Department(id: "75", name: "Paris")],
            reservists: [
                reservist("R1", skills: ["driver"]),
                reservist("R2", pay: 100, salaried: true),
                reservist("R3", corps: .policeReservist, department: 1, pay: 90),
            ],
            missions: [
                mission("M-A", department: 0, days: 0...4, priority: 400, publicOrder: true),
                mission("M-B", department: 1, days: 2...6, priority: 300, activeStaff: [1]),
                mission("M-C", department: 0, days: 0...13, need: 0, priority: 100),
            ])
    }

    /// The clean plan, totals written by hand.
    static func plan() -> ReservistPlan {
        ReservistPlan(
            scenario: "Fixture", status: "optimal", objective: 850, bound: 850, gap: 0,
            totals: ReservistPlan.Totals(pay: 850, travel: 0, fairness: 0, shortfall: 0, daysCalled: 10,
                                         reservistsUsed: 2, capUse: 10.0 / 180, missingDays: 0, continuity: 0.8),
            callups: [
                ReservistPlan.Callup(reservist: "R1", mission: "M-A", days: days(0...4)),
                ReservistPlan.Callup(reservist: "R3", mission: "M-B", days: days(2...6)),
            ],
            coverage: (0...4).map { ReservistPlan.CoverageEntry(department: "33", date: day($0), needed: 1, covered: 1, missing: 0) }
                + (2...6).map { ReservistPlan.CoverageEntry(department: "75", date: day($0), needed: 1, covered: 1, missing: 0) })
    }

    /// `plan` with its objective, totals and coverage replaced by the checker's recomputation, so that
    /// a test of one hard rule sees that rule's violations only.
    static func balanced(_ plan: ReservistPlan, _ scenario: ReservistScenario) -> ReservistPlan {
        let report = ReservistChecker.check(scenario: scenario, plan: plan)
        var plan = plan
        plan.objective = report.objective
        plan.bound = report.objective
        plan.totals = report.totals
        plan.coverage = report.coverage
        return plan
    }

    /// Checks `plan` balanced against `scenario`.
    static func check(_ scenario: ReservistScenario, _ plan: ReservistPlan) -> ReservistCheckReport {
        ReservistChecker.check(scenario: scenario, plan: balanced(plan, scenario))
    }

    /// The plan as the planner writes it (`--format json`).
    static func json(_ plan: ReservistPlan) -> String {
        func q(_ s: String?) -> String { s.map { "\"\($0)\"" } ?? "null" }
        func n(_ x: Double?) -> String { x.map { "\($0)" } ?? "null" }
        let t = plan.totals
        let callups = plan.callups.map {
            "{\"reservist\": \(q($0.reservist)), \"mission\": \(q($0.mission)), \"days\": [\($0.days.map { q($0.description) }.joined(separator: ", "))]}"
        }
        let coverage = plan.coverage.map {
            "{\"department\": \(q($0.department)), \"date\": \(q($0.date.description)), \"needed\": \($0.needed), \"covered\": \($0.covered), \"missing\": \($0.missing)}"
        }
        return """
        {
          "format": "continuum-reservist-plan/1",
          "scenario": \(q(plan.scenario)),
          "status": \(q(plan.status)), "objective": \(plan.objective), "bound": \(n(plan.bound)), "gap": \(n(plan.gap)),
          "totals": { "pay": \(t.pay), "travel": \(t.travel), "fairness": \(t.fairness), "shortfall": \(t.shortfall),
                      "daysCalled": \(t.daysCalled), "reservistsUsed": \(t.reservistsUsed), "capUse": \(n(t.capUse)), "missingDays": \(t.missingDays),
                      "continuity": \(n(t.continuity)) },
          "callups": [
            \(callups.joined(separator: ",\n    "))
          ],
          "coverage": [
            \(coverage.joined(separator: ",\n    "))
          ]
        }
        """
    }
}

/// `rule reservist mission date` of each violation, `-` for what is absent, in report order.
func summary(_ report: ReservistCheckReport) -> [String] {
    report.violations.map { "\($0.rule.rawValue) \($0.reservist ?? "-") \($0.mission ?? "-") \($0.date.map { "\($0)" } ?? "-")" }
}
