import Engine
import Foundation
import LinearModel
import ReservistScenario

/// Plans reservist call-ups for a season: one minimum-cost flow over every
/// reservist, day and mission (see `CallUpNetwork`), decomposed by department and
/// solved with GLPK's simplex, then stints lengthened by cost-neutral swaps.
public enum ReservistPlanner {
    /// Plans the season: the whole call-up flow with GLPK's simplex when it is small
    /// enough (proven optimal), otherwise the Lagrangian relaxation of its coverage rows
    /// (a valid bound) with a repair heuristic (the plan).
    /// Problems with up to this many allowed call-ups (reservist, day, mission) are solved
    /// whole as a network, to proven optimality.
    public static let monolithicArcLimit = 150_000

    public static func plan(_ scenario: ReservistScenario, timeLimit: Double = 60) throws -> CallUpPlan {
        let start = ContinuousClock.now
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - instant
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        // Every allowed call-up, once; the network is built only when it is small enough.
        let candidates = CallUpCandidates(scenario: scenario)
        let candidatesSeconds = seconds(since: start)
        if candidates.entryCount <= monolithicArcLimit {
            let whole = CallUpNetwork(scenario: scenario)
            let buildSeconds = seconds(since: start)
            let solution = try FlowSolution(network: whole)
            var assigned = Array(repeating: [(day: Int, mission: Int)](), count: scenario.reservists.count)
            for (r, day, m) in solution.assignments { assigned[r].append((day, m)) }
            var stints = StintImprover(scenario: scenario, assigned: assigned)
            let swaps = stints.improve()
            var plan = summarize(scenario, stints.assigned)
            plan.bound = min(plan.objective, solution.boundEuros)
            plan.termination = .optimal
            plan.statistics.reservists = scenario.reservists.count
            plan.statistics.missions = scenario.missions.count
            plan.statistics.missionDays = scenario.missions.reduce(0) { $0 + $1.needed.filter { $0 > 0 }.count }
            plan.statistics.vertices = solution.vertices
            plan.statistics.arcs = solution.arcs
            plan.statistics.subproblems = 1
            plan.statistics.buildSeconds = buildSeconds
            plan.statistics.continuitySwaps = swaps
            plan.statistics.seconds = seconds(since: start)
            plan.statistics.solveSeconds = plan.statistics.seconds
            return plan
        }
        // Too large to solve whole: Lagrangian relaxation of the coverage rows (bound) with a
        // repair heuristic (plan), see `LagrangianCallUp`.
        // The search stops at 85 % of the limit: repair, swaps and the report follow it.
        let deadline = start.advanced(by: .milliseconds(Int64(timeLimit * 850)))
        let lagrangian = LagrangianCallUp(scenario: scenario, candidates: candidates)
        let outcome = lagrangian.solve(deadline: deadline)
        let solveSeconds = seconds(since: start)
        var stints = StintImprover(scenario: scenario, assigned: outcome.assigned)
        let swaps = stints.improve()
        var plan = summarize(scenario, stints.assigned)
        plan.bound = min(plan.objective, outcome.bound)
        let gap = relativeGap(objective: plan.objective, bound: plan.bound) ?? 1
        plan.termination = gap == 0 ? .optimal : (ContinuousClock.now >= deadline ? .timeLimit : .gapReached)
        plan.statistics.reservists = scenario.reservists.count
        plan.statistics.missions = scenario.missions.count
        plan.statistics.missionDays = scenario.missions.reduce(0) { $0 + $1.needed.filter { $0 > 0 }.count }
        plan.statistics.vertices = 0
        plan.statistics.arcs = candidates.entryCount
        plan.statistics.solveSeconds = solveSeconds
        plan.statistics.continuitySwaps = swaps
        plan.statistics.subproblems = outcome.iterations
        plan.statistics.buildSeconds = candidatesSeconds
        plan.statistics.seconds = seconds(since: start)
        return plan
    }

    /// Totals, call-ups and coverage recomputed from the assignments alone.
    static func summarize(_ scenario: ReservistScenario, _ assigned: [[(day: Int, mission: Int)]]) -> CallUpPlan {
        let rules = scenario.rules
        var pay = 0.0, travel = 0.0, fairness = 0.0
        var callUps: [CallUpPlan.CallUp] = []
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
                callUps.append(CallUpPlan.CallUp(reservist: r, mission: m, days: byMission[m]!))
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
            CallUpPlan.Coverage(department: key / (scenario.dayCount + 1), day: key % (scenario.dayCount + 1),
                                   needed: byDepartmentDay[key]!.needed, covered: byDepartmentDay[key]!.covered)
        }
        let capacity = scenario.reservists.reduce(0) { $0 + $1.remainingDays }
        let objective = pay + travel + fairness + shortfall
        return CallUpPlan(termination: .optimal, objective: objective, bound: objective, pay: pay, travel: travel,
                             fairness: fairness, shortfall: shortfall, callUps: callUps, coverage: coverage,
                             daysCalled: daysCalled, reservistsUsed: used,
                             capUse: capacity > 0 ? Double(daysCalled) / Double(capacity) : 0,
                             missingDays: missingDays,
                             continuity: daysCalled > 0 ? Double(continued) / Double(daysCalled) : 0,
                             statistics: CallUpPlan.Statistics())
    }
}

/// A call-up network solved as a flow with GLPK (see `CallUpNetwork`).
struct FlowSolution: Sendable {
    /// (reservist, day, mission) of every unit of flow on an assignment arc.
    var assignments: [(Int, Int, Int)]
    /// The flow optimum in euros.
    var boundEuros: Double
    var vertices: Int
    var arcs: Int

    init(network built: CallUpNetwork) throws {
        let result = try GLPKSolver().solve(built.network)
        guard result.termination == .optimal, let optimum = result.objective else {
            throw ReservistPlanningError.noFlow("department flow not solved: \(result.termination.rawValue)")
        }
        assignments = built.assignmentArcs.indices.compactMap { k in
            result.flow[Int(built.assignmentArcs[k])] > 0
                ? (Int(built.arcReservist[k]), Int(built.arcDay[k]), Int(built.arcMission[k])) : nil
        }
        boundEuros = optimum
        vertices = built.network.vertexCount
        arcs = built.network.arcCount
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
