import Engine
import Foundation
import LinearModel
import ReservistScenario

/// Plans reservist call-ups for a season: one minimum-cost flow over every
/// reservist, day and mission (see `CallUpNetwork`), decomposed by department and
/// solved with GLPK's simplex, then stints lengthened by cost-neutral swaps.
public enum ReservistPlanner {
    /// Plans the season department by department.
    ///
    /// 1. **Bound.** Each department's missions are solved as a flow (in parallel,
    ///    on dedicated threads) with every reservist who can reach them at full
    ///    strength. Reservists shared between departments are thus counted twice,
    ///    a relaxation, and the fairness penalty is superadditive, so the sum of
    ///    these optima is a valid lower bound of the whole problem.
    /// 2. **Plan.** The department solutions are merged in department order; a
    ///    day that a reservist already works elsewhere, or beyond the cap or the
    ///    employer quota, is dropped, and each department that lost days is solved
    ///    again with what the others leave of every reservist.
    /// Networks up to this many arcs are solved whole, to proven optimality.
    public static let monolithicArcLimit = 150_000

    public static func plan(_ scenario: ReservistScenario, threads: Int = 2) throws -> CallUpPlan {
        let start = ContinuousClock.now
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - instant
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let whole = CallUpNetwork(scenario: scenario)
        if whole.network.arcCount <= monolithicArcLimit {
            let solution = try DepartmentSolution(network: whole)
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
            plan.statistics.continuitySwaps = swaps
            plan.statistics.seconds = seconds(since: start)
            plan.statistics.solveSeconds = plan.statistics.seconds
            return plan
        }
        var missionsOf = Array(repeating: [Int](), count: scenario.departments.count)
        for (m, mission) in scenario.missions.enumerated() { missionsOf[mission.department].append(m) }
        let departments = missionsOf.indices.filter { !missionsOf[$0].isEmpty }
        let missionsByDepartment = missionsOf

        // 1. Independent department flows: the bound, and a first plan.
        let first = try DedicatedThreads.map(departments, threads: threads) { k in
            try DepartmentSolution(scenario: scenario, missions: missionsByDepartment[k], usage: nil)
        }
        let bound = first.reduce(0) { $0 + $1.boundEuros }
        var vertices = first.reduce(0) { $0 + $1.vertices }, arcs = first.reduce(0) { $0 + $1.arcs }

        // 2. Merge in department order; repair what conflicts.
        var assigned = Array(repeating: [(day: Int, mission: Int)](), count: scenario.reservists.count)
        var usage = CallUpNetwork.Usage.none(scenario.reservists.count)
        var conflicted: [Int] = []
        for (position, solution) in first.enumerated() {
            var lost = false
            for (r, day, m) in solution.assignments {
                let reservist = scenario.reservists[r]
                let working = scenario.isWorkingDay(day)
                let quotaLeft = reservist.salaried && !reservist.employerConsent
                    ? scenario.rules.employerQuotaDays - reservist.employerDaysUsed - usage.workingDays[r] : Int.max
                if usage.busyDays[r].contains(day) || usage.days[r] >= reservist.remainingDays
                    || (working && quotaLeft <= 0) {
                    lost = true
                    continue
                }
                usage.busyDays[r].insert(day)
                usage.days[r] += 1
                if working { usage.workingDays[r] += 1 }
                assigned[r].append((day, m))
            }
            if lost { conflicted.append(position) }
        }
        for position in conflicted {
            let k = departments[position]
            let inDepartment = Set(missionsOf[k])
            // Release this department's own days, then solve it against what the others use.
            for r in assigned.indices where assigned[r].contains(where: { inDepartment.contains($0.mission) }) {
                for entry in assigned[r] where inDepartment.contains(entry.mission) {
                    usage.busyDays[r].remove(entry.day)
                    usage.days[r] -= 1
                    if scenario.isWorkingDay(entry.day) { usage.workingDays[r] -= 1 }
                }
                assigned[r].removeAll { inDepartment.contains($0.mission) }
            }
            let repaired = try DepartmentSolution(scenario: scenario, missions: missionsOf[k], usage: usage)
            vertices += repaired.vertices
            arcs += repaired.arcs
            for (r, day, m) in repaired.assignments {
                usage.busyDays[r].insert(day)
                usage.days[r] += 1
                if scenario.isWorkingDay(day) { usage.workingDays[r] += 1 }
                assigned[r].append((day, m))
            }
        }
        let solveSeconds = seconds(since: start)
        var stints = StintImprover(scenario: scenario, assigned: assigned)
        let swaps = stints.improve()
        var plan = summarize(scenario, stints.assigned)
        plan.bound = min(plan.objective, bound)
        plan.termination = relativeGap(objective: plan.objective, bound: plan.bound) == 0 ? .optimal : .gapReached
        plan.statistics.reservists = scenario.reservists.count
        plan.statistics.missions = scenario.missions.count
        plan.statistics.missionDays = scenario.missions.reduce(0) { $0 + $1.needed.filter { $0 > 0 }.count }
        plan.statistics.vertices = vertices
        plan.statistics.arcs = arcs
        plan.statistics.solveSeconds = solveSeconds
        plan.statistics.continuitySwaps = swaps
        plan.statistics.subproblems = departments.count + conflicted.count
        plan.statistics.repairedDepartments = conflicted.count
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

/// One department's missions solved as a flow (see `CallUpNetwork`).
struct DepartmentSolution: Sendable {
    /// (reservist, day, mission) of every unit of flow on an assignment arc.
    var assignments: [(Int, Int, Int)]
    /// The flow optimum in euros.
    var boundEuros: Double
    var vertices: Int
    var arcs: Int

    init(scenario: ReservistScenario, missions: [Int], usage: CallUpNetwork.Usage?) throws {
        try self.init(network: CallUpNetwork(scenario: scenario, missions: missions, usage: usage))
    }

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
