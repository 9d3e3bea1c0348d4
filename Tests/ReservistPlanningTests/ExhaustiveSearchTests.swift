import Engine
import Foundation
@testable import ReservistPlanning
import ReservistChecker
import ReservistScenario
import Testing

/// Tiny random instances solved by trying every plan: each reservist, each day, stays home or works
/// one mission of that day; the independent checker keeps the plans that break no hard rule and
/// prices them. The planner (whole flow) must find that optimum; the decomposed search (auctions and
/// Lagrangian) must bracket it with its plan and its bound.
@Suite struct ExhaustiveSearchTests {
    static let start = CivilDate("2026-06-05")!   // a Friday: days 1 and 2 are a weekend

    /// Three reservists, three days, two missions, with every rule in play: travel limit, skill,
    /// police reservists off public order, notice (reactivity), employer quota, cap, fairness,
    /// active staff.
    static func scenario(seed: UInt64) -> ReservistScenario {
        var random = SplitMix64(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var rules = ReservistRules()
        rules.fairShareDays = 1
        rules.fairnessPenaltyPerDay = Double(10 * pick(4))
        rules.employerQuotaDays = 1
        rules.reactivityNoticeDays = 1
        rules.defaultNoticeDays = 3 + pick(2)
        let base = Location(latitude: 44.84, longitude: -0.58)
        func near(_ km: Double) -> Location { Location(latitude: base.latitude + km / 111, longitude: base.longitude) }
        let reservists = (0..<3).map { k in
            Reservist(id: "R\(k)", corps: pick(3) == 0 ? .policeReservist : .gendarmerieReservist, department: 0,
                      home: near(Double(pick(30))), rank: "gendarme", dailyPay: Double(60 + 10 * pick(5)),
                      skills: pick(3) != 0 ? ["driver"] : [], availableDays: (0..<3).filter { _ in pick(5) != 0 },
                      annualCap: 1 + pick(3), daysServed: 0, salaried: pick(2) == 0, employerConsent: false,
                      employerDaysUsed: 0, reactivity: pick(2) == 0, maxTravelKm: Double(30 + 30 * pick(3)))
        }
        let missions = (0..<2).map { k in
            let first = pick(2)
            let last = first + pick(3 - first)
            let needed = (first...last).map { _ in 1 + pick(2) }
            return Mission(id: "M\(k)", department: 0, location: near(Double(pick(30))), firstDay: first, lastDay: last,
                           skill: pick(4) == 0 ? "driver" : nil, needed: needed, priority: Double(150 + 40 * pick(6)),
                           publicOrder: pick(3) == 0, activeStaff: pick(3) == 0 ? needed.map { _ in pick(2) } : nil)
        }
        return ReservistScenario(name: "Tiny \(seed)", planningDate: start.adding(days: -3), startDate: start, dayCount: 3,
                                 rules: rules, departments: [Department(id: "33", name: "Gironde")],
                                 reservists: reservists, missions: missions)
    }

    /// The cheapest plan that breaks no hard rule, by trying them all.
    static func exhaustiveOptimum(_ scenario: ReservistScenario) -> Double {
        let slots = scenario.reservists.indices.flatMap { r in (0..<scenario.dayCount).map { (r, $0) } }
        let options = slots.map { _, day in
            [nil] + scenario.missions.indices.filter { scenario.missions[$0].days.contains(day) }.map(Optional.some)
        }
        let bookkeeping: Set<ReservistRule> = [.objectiveMismatch, .totalsMismatch, .coverageMismatch]
        var choice = [Int](repeating: 0, count: slots.count)
        var best = Double.infinity
        while true {
            var days: [String: [CivilDate]] = [:]
            for (k, (r, day)) in slots.enumerated() {
                if let m = options[k][choice[k]] {
                    days["\(scenario.reservists[r].id)|\(scenario.missions[m].id)", default: []].append(scenario.date(ofDay: day))
                }
            }
            let callups = days.keys.sorted().map { key in
                let parts = key.split(separator: "|").map(String.init)
                return ReservistPlan.Callup(reservist: parts[0], mission: parts[1], days: days[key]!)
            }
            let plan = ReservistPlan(scenario: scenario.name, objective: 0,
                                     totals: ReservistPlan.Totals(pay: 0, travel: 0, fairness: 0, shortfall: 0, daysCalled: 0,
                                                                  reservistsUsed: 0, capUse: nil, missingDays: 0, continuity: nil),
                                     callups: callups, coverage: [])
            let report = ReservistChecker.check(scenario: scenario, plan: plan)
            if report.violations.allSatisfy({ bookkeeping.contains($0.rule) }) { best = min(best, report.objective) }
            // Next choice (odometer).
            var k = 0
            while k < slots.count {
                choice[k] += 1
                if choice[k] < options[k].count { break }
                choice[k] = 0
                k += 1
            }
            if k == slots.count { return best }
        }
    }

    @Test(arguments: UInt64(1)...10)
    func plannerEqualsExhaustiveSearch(seed: UInt64) throws {
        let scenario = Self.scenario(seed: seed)
        let optimum = Self.exhaustiveOptimum(scenario)
        #expect(optimum.isFinite)
        let whole = try ReservistPlanner.plan(scenario)
        #expect(abs(whole.objective - optimum) < 1e-6, "planner \(whole.objective), exhaustive \(optimum)")
        #expect(whole.bound <= optimum + 1e-6)
        var options = ReservistPlanOptions()
        options.monolithicArcLimit = 0
        options.relativeGap = 0
        options.timeLimit = 3
        let decomposed = try ReservistPlanner.plan(scenario, options: options)
        #expect(decomposed.bound <= optimum + 1e-6, "bound \(decomposed.bound), exhaustive \(optimum)")
        #expect(decomposed.objective >= optimum - 1e-6)
        #expect(decomposed.objective <= optimum * 1.01 + 1e-6, "plan \(decomposed.objective), exhaustive \(optimum)")
    }
}
