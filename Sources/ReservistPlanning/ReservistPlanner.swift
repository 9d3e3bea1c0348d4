import Engine
import Foundation
import LinearModel
import ReservistScenario

/// Plans reservist call-ups for a season: one minimum-cost flow over every
/// reservist, day and mission (see `CallUpNetwork`), solved by GLPK's RELAX-IV
/// to proven optimality, then stints lengthened by cost-neutral swaps.
public enum ReservistPlanner {
    public static func plan(_ scenario: ReservistScenario) throws -> ReservistPlan {
        let start = ContinuousClock.now
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - instant
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let built = CallUpNetwork(scenario: scenario)
        let buildSeconds = seconds(since: start)
        let solveStart = ContinuousClock.now
        let result = try GLPKSolver().solve(built.network)
        let solveSeconds = seconds(since: solveStart)
        guard result.termination == .optimal, let optimum = result.objective else {
            throw ReservistPlanningError.noFlow("the call-up network has no feasible flow (\(result.termination.rawValue))")
        }
        // Assigned (reservist, mission, day) triples.
        var assigned = Array(repeating: [(day: Int, mission: Int)](), count: scenario.reservists.count)
        for k in built.assignmentArcs.indices where result.flow[Int(built.assignmentArcs[k])] > 0 {
            assigned[Int(built.arcReservist[k])].append((Int(built.arcDay[k]), Int(built.arcMission[k])))
        }
        var stints = StintImprover(scenario: scenario, network: built, assigned: assigned)
        let swaps = stints.improve()
        var plan = summarize(scenario, stints.assigned)
        // RELAX-IV optimised costs rounded to the cent: every called day may differ by
        // half a cent from its exact cost, so the proven bound allows for that.
        plan.bound = min(plan.objective, optimum / CallUpNetwork.centsPerEuro - 0.005 * Double(built.totalNeeded))
        plan.termination = .optimal
        plan.statistics.reservists = scenario.reservists.count
        plan.statistics.missions = scenario.missions.count
        plan.statistics.missionDays = scenario.missions.reduce(0) { $0 + $1.needed.filter { $0 > 0 }.count }
        plan.statistics.vertices = built.network.vertexCount
        plan.statistics.arcs = built.network.arcCount
        plan.statistics.buildSeconds = buildSeconds
        plan.statistics.solveSeconds = solveSeconds
        plan.statistics.continuitySwaps = swaps
        plan.statistics.seconds = seconds(since: start)
        return plan
    }

    /// Totals, call-ups and coverage recomputed from the assignments alone.
    static func summarize(_ scenario: ReservistScenario, _ assigned: [[(day: Int, mission: Int)]]) -> ReservistPlan {
        let rules = scenario.rules
        var pay = 0.0, travel = 0.0, fairness = 0.0
        var callUps: [ReservistPlan.CallUp] = []
        var covered = scenario.missions.map { Array(repeating: 0, count: $0.needed.count) }
        var daysCalled = 0, used = 0, continued = 0
        for (r, days) in assigned.enumerated() where !days.isEmpty {
            let reservist = scenario.reservists[r]
            used += 1
            daysCalled += days.count
            fairness += Double(max(0, days.count - rules.fairShareDays)) * rules.fairnessPenaltyPerDay
            let sorted = days.sorted { ($0.day, $0.mission) < ($1.day, $1.mission) }
            var byMission: [Int: [Int]] = [:]
            var previous: (day: Int, mission: Int)?
            for entry in sorted {
                let mission = scenario.missions[entry.mission]
                let km = reservist.home.kilometres(to: mission.location) * rules.roadFactor
                pay += reservist.dailyPay
                travel += 2 * km * rules.travelAllowancePerKm
                covered[entry.mission][entry.day - mission.firstDay] += 1
                byMission[entry.mission, default: []].append(entry.day)
                if let previous, previous.mission == entry.mission, previous.day == entry.day - 1 { continued += 1 }
                previous = entry
            }
            for m in byMission.keys.sorted(by: { byMission[$0]![0] < byMission[$1]![0] || (byMission[$0]![0] == byMission[$1]![0] && $0 < $1) }) {
                callUps.append(ReservistPlan.CallUp(reservist: r, mission: m, days: byMission[m]!))
            }
        }
        var shortfall = 0.0, missingDays = 0
        var byDepartmentDay: [Int: (needed: Int, covered: Int)] = [:]
        for (m, mission) in scenario.missions.enumerated() {
            for (offset, needed) in mission.needed.enumerated() where needed > 0 {
                let missing = max(0, needed - covered[m][offset])
                missingDays += missing
                shortfall += Double(missing) * mission.priority
                let key = mission.department * (scenario.dayCount + 1) + mission.firstDay + offset
                let entry = byDepartmentDay[key] ?? (0, 0)
                byDepartmentDay[key] = (entry.needed + needed, entry.covered + min(needed, covered[m][offset]))
            }
        }
        let coverage = byDepartmentDay.keys.sorted().map { key in
            ReservistPlan.Coverage(department: key / (scenario.dayCount + 1), day: key % (scenario.dayCount + 1),
                                   needed: byDepartmentDay[key]!.needed, covered: byDepartmentDay[key]!.covered)
        }
        let capacity = scenario.reservists.reduce(0) { $0 + $1.remainingDays }
        let objective = pay + travel + fairness + shortfall
        return ReservistPlan(termination: .optimal, objective: objective, bound: objective, pay: pay, travel: travel,
                             fairness: fairness, shortfall: shortfall, callUps: callUps, coverage: coverage,
                             daysCalled: daysCalled, reservistsUsed: used,
                             capUse: capacity > 0 ? Double(daysCalled) / Double(capacity) : 0,
                             missingDays: missingDays,
                             continuity: daysCalled > 0 ? Double(continued) / Double(daysCalled) : 0,
                             statistics: ReservistPlan.Statistics())
    }
}

public enum ReservistPlanningError: Error, CustomStringConvertible {
    case noFlow(String)
    public var description: String {
        switch self {
        case .noFlow(let message): return message
        }
    }
}
