import Engine
import Foundation
import LinearModel
import ReservistScenario

/// How a reservist plan is searched for.
public struct ReservistPlanOptions: Sendable {
    /// Seconds for the whole run, counted from `start` (reading the file is part of it).
    public var timeLimit: Double = 60
    public var start: ContinuousClock.Instant = .now
    /// Stop once (objective − bound) / objective is at most this.
    public var relativeGap: Double = 1e-4
    public var interrupt: InterruptFlag?
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Receives a line per phase (call-ups built, each auction, repairs, stints), for `--verbose`.
    public var log: (@Sendable (String) -> Void)?
    /// Writes the whole call-up flow as `DIR/callup-flow.mps` when it is solved whole.
    public var exportDirectory: String?
    /// Problems with up to this many allowed call-ups (reservist, day, mission) are first tried
    /// whole as a network with GLPK's simplex (proven optimal when it finishes in time).
    /// Measured: GLPK's simplex takes about 17 s on 20 000 such arcs and minutes on 80 000.
    public var monolithicArcLimit = 8_000
    /// Memory the run may use; checked against an estimate before the call-ups are built.
    public var memory = MemoryBudget.machine
    public init() {}

    /// Bytes per allowed call-up at the peak of a run (candidate arrays while the reverse index is
    /// built from the chunks' pairs, the Lagrangian's marks, the auctions' plans); measured 43
    /// (845 MiB peak RSS for 20.4 M call-ups) on 30 000 reservists and 40 on 30 M call-ups,
    /// rounded up.
    static let bytesPerCallUp = 50.0
}

/// Plans reservist call-ups for a season: one minimum-cost flow over every
/// reservist, day and mission (see `CallUpNetwork`), solved whole with GLPK's simplex
/// when small, otherwise by ε-auctions and the Lagrangian relaxation of its coverage rows (a
/// valid bound; see `LagrangianCallUp`), then stints lengthened by cost-neutral swaps.
public enum ReservistPlanner {
    public static func plan(_ scenario: ReservistScenario, timeLimit: Double = 60) throws -> CallUpPlan {
        var options = ReservistPlanOptions()
        options.timeLimit = timeLimit
        return try plan(scenario, options: options)
    }

    public static func plan(_ scenario: ReservistScenario, options: ReservistPlanOptions) throws -> CallUpPlan {
        let start = options.start
        let deadline = start.advanced(by: .milliseconds(Int64(options.timeLimit * 1000)))
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let d = ContinuousClock.now - instant
            return d.inSeconds
        }
        func remaining() -> Double { max(0, options.timeLimit - seconds(since: start)) }
        // The size, estimated from a sample of about a thousand reservists, before anything large is built.
        let stride = max(1, scenario.reservists.count / 1000)
        let sampling = ContinuousClock.now
        let sampled = Double(CallUpCandidates(scenario: scenario, sampleEvery: stride).entryCount) * Double(stride)
        try options.memory.check(sampled * ReservistPlanOptions.bytesPerCallUp,
                                 for: "about \(Int(sampled)) allowed call-ups of \(scenario.reservists.count) reservists")
        // Building them all takes about `stride` times the sample; when that alone would overrun
        // the limit, stop now rather than late.
        let buildEstimate = seconds(since: sampling) * Double(stride)
        if stride > 1 && buildEstimate > 0.8 * remaining() {
            throw ReservistPlanningError.tooSlow(
                "too large for a \(String(format: "%g", options.timeLimit)) s run on this machine: building the about \(Int(sampled)) "
                + "allowed call-ups of \(scenario.reservists.count) reservists alone would take about "
                + "\(Int(buildEstimate.rounded())) s; raise --time-limit, or split the season or the territory")
        }
        // Every allowed call-up, once; the network is built only when it is small enough.
        let building = ContinuousClock.now
        let candidates = CallUpCandidates(scenario: scenario)
        options.log?("\(candidates.entryCount) allowed call-ups built in \(PhaseLog.seconds(seconds(since: building)))")
        let buildSeconds = seconds(since: start)
        var statistics = CallUpPlan.Statistics()
        statistics.reservists = scenario.reservists.count
        statistics.missions = scenario.missions.count
        statistics.missionDays = scenario.missions.reduce(0) { $0 + $1.needed.filter { $0 > 0 }.count }
        statistics.callUps = candidates.entryCount
        statistics.arcs = candidates.entryCount
        statistics.buildSeconds = buildSeconds
        /// The plan of `assigned` once stints are lengthened by cost-neutral swaps, and the swaps made.
        func improvedPlan(_ assigned: [[(day: Int, mission: Int)]]) -> (CallUpPlan, Int) {
            var stints = StintImprover(scenario: scenario, candidates: candidates, assigned: assigned)
            let improving = ContinuousClock.now
            let swaps = stints.improve()
            options.log?("\(swaps) continuity swap\(swaps == 1 ? "" : "s") in \(PhaseLog.seconds(seconds(since: improving)))")
            return (summarize(scenario, stints.assigned), swaps)
        }
        if candidates.entryCount <= options.monolithicArcLimit {
            let whole = CallUpNetwork(scenario: scenario)
            if let folder = options.exportDirectory {
                try ModelFile.write(whole.network.linearModel(), to: "\(folder)/callup-flow.mps", format: .freeMPS)
            }
            let flowing = ContinuousClock.now
            if let solution = try FlowSolution(network: whole, timeLimit: remaining() * 0.5) {
                options.log?("whole call-up flow solved by GLPK's simplex in \(PhaseLog.seconds(seconds(since: flowing)))")
                var assigned = Array(repeating: [(day: Int, mission: Int)](), count: scenario.reservists.count)
                for (r, day, m) in solution.assignments { assigned[r].append((day, m)) }
                var (plan, swaps) = improvedPlan(assigned)
                plan.bound = min(plan.objective, solution.boundEuros)
                plan.termination = .optimal
                plan.statistics = statistics
                plan.statistics.vertices = solution.vertices
                plan.statistics.arcs = solution.arcs
                plan.statistics.subproblems = 1
                plan.statistics.wholeFlow = true
                plan.statistics.continuitySwaps = swaps
                plan.statistics.seconds = seconds(since: start)
                plan.statistics.solveSeconds = plan.statistics.seconds - buildSeconds
                return plan
            }
            // GLPK did not finish in half the time left: the Lagrangian search takes over.
            options.log?("whole call-up flow not solved in half the time left: auctions take over")
        }
        // Auctions and the Lagrangian relaxation of the coverage rows (bound and plan), see
        // `LagrangianCallUp`. It keeps a reserve for the swaps and the report that follow.
        let lagrangian = LagrangianCallUp(scenario: scenario, candidates: candidates)
        let outcome = lagrangian.solve(start: start, deadline: deadline, targetGap: options.relativeGap,
                                       interrupt: options.interrupt, progress: options.progress, log: options.log)
        let solveSeconds = seconds(since: start) - buildSeconds
        var (plan, swaps) = improvedPlan(outcome.assigned)
        plan.bound = min(plan.objective, outcome.bound)
        let gap = relativeGap(objective: plan.objective, bound: plan.bound) ?? 1
        if options.interrupt?.isRaised == true {
            plan.termination = .interrupted
        } else if gap == 0 {
            plan.termination = .optimal
        } else if gap <= options.relativeGap {
            plan.termination = .gapReached
        } else {
            plan.termination = outcome.stoppedByTime ? .timeLimit : .gapReached
        }
        plan.statistics = statistics
        plan.statistics.solveSeconds = solveSeconds
        plan.statistics.continuitySwaps = swaps
        plan.statistics.subproblems = outcome.iterations
        plan.statistics.auctions = outcome.auctions.count
        plan.statistics.auctionBids = outcome.auctions.reduce(0) { $0 + $1.bids }
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

    /// Nil when GLPK ran out of time.
    init?(network built: CallUpNetwork, timeLimit: Double) throws {
        // No mission needs anyone (no missions, or every need 0): nothing flows and nothing is
        // missing. GLPK is not asked, as it refuses a model without columns.
        guard built.network.arcCount > 0 else {
            assignments = []
            boundEuros = 0
            vertices = built.network.vertexCount
            arcs = 0
            return
        }
        let result = try GLPKSolver().solve(built.network, timeLimit: timeLimit)
        if result.termination == .timeLimit { return nil }
        guard result.termination == .optimal, let optimum = result.objective else {
            throw ReservistPlanningError.noFlow("call-up flow not solved: \(result.termination.rawValue)")
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

/// How phase lines (`ReservistPlanOptions.log`) write times and amounts.
enum PhaseLog {
    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}

public enum ReservistPlanningError: Error, CustomStringConvertible {
    case noFlow(String)
    /// The instance cannot even be built within the time limit.
    case tooSlow(String)
    public var description: String {
        switch self {
        case .noFlow(let message), .tooSlow(let message): return message
        }
    }
}
