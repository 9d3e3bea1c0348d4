import Engine
import EventScenario
import Foundation
import LinearModel

/// Options of `EventPlanner.plan`.
public struct EventPlanOptions: Sendable {
    /// Wall-clock limit for the whole plan, seconds, counted from `start`.
    public var timeLimit: Double = 60
    /// When the run began (the CLI passes its own start, so reading the scenario counts).
    public var start: ContinuousClock.Instant = .now
    /// Memory the run may use; checked against an estimate before the models are built.
    public var memory = MemoryBudget.machine
    /// Stop improving a component once its gap is below this.
    public var relativeGap = 1e-4
    /// Components solved at once, each on a dedicated thread.
    public var threads = 2
    public var verbose = false
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var interrupt: InterruptFlag?
    /// When set, each component's model is also written there as free MPS (`component-N.mps`).
    public var exportDirectory: String?
    public init() {}
}

/// Plans an event: aggregates people into classes, splits the problem into
/// independent components, and solves each with GLPK in three steps:
///
/// 1. the LP relaxation, whose value is a valid bound;
/// 2. a primal heuristic: patrol counts rounded from the LP and fixed, the
///    remaining (nearly totally unimodular) assignment problem solved as a MIP;
/// 3. GLPK's branch and cut on the whole component, seeded with that incumbent.
///
/// The class-level solution is then turned into named people, patrols and shortfalls.
public enum EventPlanner {
    public static func plan(_ scenario: Scenario, options: EventPlanOptions = EventPlanOptions()) throws -> EventPlan {
        let clock = ContinuousClock.now
        let index = PlanningIndex(scenario: scenario)
        let components = index.components()
        // At most one assignment column per class, shift and target the class may hold; about
        // 200 bytes each once in GLPK with their rows.
        let columns = index.classes.indices.reduce(0.0) {
            $0 + Double(index.shiftsOfClass[$1].count) * Double(index.eligibleTargets[$1].count)
        }
        try options.memory.check(columns * 200, for: "up to \(Int(columns)) assignment columns of \(index.classes.count) classes of people")
        // The solves stop at 90 % of the limit: naming people, diagnosing shortfalls and
        // writing the roster follow them.
        let deadline = options.start.advanced(by: .milliseconds(Int64(options.timeLimit * 900)))
        let pins = try index.resolvePins()
        let indexed = ContinuousClock.now - clock
        // The largest component reports progress; the others are usually instant.
        let largest = components.indices.max { components[$0].classes.count < components[$1].classes.count } ?? 0
        let solutions = try DedicatedThreads.map(Array(components.indices), threads: options.threads) { c in
            try ComponentSolver(index: index, component: components[c], number: c, options: options, pins: pins,
                                deadline: deadline, reportsProgress: c == largest).solve()
        }
        var plan = Disaggregation(index: index, solutions: solutions).plan()
        plan.statistics.people = scenario.people.count
        plan.statistics.classes = index.classes.count
        plan.statistics.shifts = index.shifts.count
        plan.statistics.components = components.count
        plan.statistics.columns = solutions.reduce(0) { $0 + $1.columns }
        plan.statistics.integerColumns = solutions.reduce(0) { $0 + $1.integerColumns }
        plan.statistics.rows = solutions.reduce(0) { $0 + $1.rows }
        plan.statistics.nonzeros = solutions.reduce(0) { $0 + $1.nonzeros }
        plan.statistics.buildSeconds = indexed.inSeconds
            + solutions.reduce(0) { $0 + $1.buildSeconds }
        plan.bound = min(solutions.reduce(0) { $0 + $1.bound }, plan.objective)
        plan.termination = Self.combine(solutions.map(\.termination))
        let elapsed = ContinuousClock.now - clock
        plan.statistics.seconds = elapsed.inSeconds
        return plan
    }

    /// The weakest termination among the components: optimal only if all are.
    static func combine(_ reasons: [TerminationReason]) -> TerminationReason {
        let order: [TerminationReason] = [.interrupted, .timeLimit, .iterationLimit, .numericalFailure,
                                          .gapReached, .optimal]
        for reason in order where reasons.contains(reason) { return reason }
        return reasons.first ?? .optimal
    }
}

/// The solved values of one component, at class level.
struct ComponentSolution: Sendable {
    var layout: ColumnLayoutValues
    var values: [Double]
    var objective: Double
    var bound: Double
    var termination: TerminationReason
    var columns: Int
    var integerColumns: Int
    var rows: Int
    var nonzeros: Int
    /// Seconds spent building the component's model (layout and constraint families).
    var buildSeconds = 0.0
}

/// The parts of a component's column layout the disaggregation needs (Sendable copies).
struct ColumnLayoutValues: Sendable {
    var xClass: [Int32], xShift: [Int32], xTarget: [Int32]
    var targets: [Target]
    var patrolDuty: [Int32], patrolNetwork: [Int32], patrolShift: [Int32]
    var pBase: Int
}

struct ComponentSolver {
    let index: PlanningIndex
    let component: Component
    let number: Int
    let options: EventPlanOptions
    let pins: [ResolvedPin]
    let deadline: ContinuousClock.Instant
    let reportsProgress: Bool

    private var remaining: Double {
        let left = deadline - ContinuousClock.now
        return max(0.05, left.inSeconds)
    }

    private func parameters(share: Double, incumbent: [Double]? = nil) -> SolveParameters {
        var parameters = SolveParameters()
        parameters.timeLimit = remaining * share
        parameters.relativeGap = options.relativeGap
        parameters.verbose = options.verbose
        parameters.interrupt = options.interrupt
        parameters.incumbent = incumbent
        if reportsProgress { parameters.progress = options.progress }
        return parameters
    }

    func solve() throws -> ComponentSolution {
        let building = ContinuousClock.now
        let layout = ColumnLayout(index: index, component: component)
        let (model, pinOfRow) = layout.model(pins: pins)
        let built = ContinuousClock.now - building
        let buildSeconds = built.inSeconds
        if let folder = options.exportDirectory {
            try ModelFile.write(model, to: "\(folder)/component-\(number + 1).mps", format: .freeMPS)
        }
        let solver = GLPKSolver()
        let values = ColumnLayoutValues(xClass: layout.xClass, xShift: layout.xShift, xTarget: layout.xTarget,
                                        targets: layout.targets, patrolDuty: layout.patrolDuty,
                                        patrolNetwork: layout.patrolNetwork, patrolShift: layout.patrolShift,
                                        pBase: layout.pBase)
        func solution(_ point: [Double], _ objective: Double, _ bound: Double, _ reason: TerminationReason) -> ComponentSolution {
            ComponentSolution(layout: values, values: point, objective: objective, bound: bound, termination: reason,
                              columns: model.columnCount, integerColumns: model.columnIsInteger.filter { $0 }.count,
                              rows: model.rowCount, nonzeros: model.nonzeroCount, buildSeconds: buildSeconds)
        }

        // 1. The LP relaxation: a valid bound, and the guide for rounding.
        let relaxation = try solver.solve(model.relaxed(), parameters(share: 0.4))
        if relaxation.termination == .infeasible {
            // Only pins can make a component infeasible (coverage is soft): name the culprits.
            throw try conflict(model.relaxed(), solver, pinOfRow)
        }
        guard relaxation.point != .none else {
            // Every column is bounded below by 0 and shortfalls absorb all demand,
            // so "all zero, all missing" is feasible: only a limit can land here. The rest
            // of the time goes to branch and cut from that point, bounded by GLPK's own bound.
            let empty = emptyPoint(model, layout)
            var best = empty, bestObjective = model.objectiveValue(of: empty), bound = 0.0
            var reason = relaxation.termination
            if relaxation.termination == .timeLimit, options.interrupt?.isRaised != true {
                let full = try solver.solve(model, parameters(share: 1, incumbent: empty))
                if full.point != .none, let objective = full.objective, objective < bestObjective - 1e-9 {
                    best = full.values
                    bestObjective = objective
                }
                bound = max(0, min(full.bound ?? 0, bestObjective))
                reason = full.termination == .optimal ? .optimal : full.termination
            }
            if !pinOfRow.isEmpty && !model.isFeasible(best) {
                throw PinConflict(pins: pinOfRow, problem: "no plan honouring them was found within the time limit",
                                  fix: "allow more time, or check that each pinned person can be given these places")
            }
            return solution(best, bestObjective, bound, reason)
        }
        let bound = relaxation.objective ?? 0
        if model.isFeasible(relaxation.values) {
            return solution(relaxation.values, relaxation.objective!, bound, .optimal)
        }

        // 2. Round patrol counts, fix them, solve the rest.
        var incumbent: [Double]?
        for rounding in [FloatingPointRoundingRule.toNearestOrAwayFromZero, .down] {
            var fixed = model
            for q in layout.patrolDuty.indices {
                let value = (relaxation.values[layout.pBase + q] - 1e-6).rounded(rounding)
                fixed.setBounds(of: ColumnID(layout.pBase + q), lower: max(0, value), upper: max(0, value))
            }
            let heuristic = try solver.solve(fixed, parameters(share: 0.3))
            if heuristic.point != .none, model.isFeasible(heuristic.values) {
                incumbent = heuristic.values
                break
            }
        }
        let start = incumbent ?? emptyPoint(model, layout)
        let startObjective = model.objectiveValue(of: start)
        if let gap = relativeGap(objective: startObjective, bound: bound), gap <= options.relativeGap {
            return solution(start, startObjective, min(bound, startObjective), gap == 0 ? .optimal : .gapReached)
        }

        // 3. Branch and cut on the whole component from that incumbent.
        let full = try solver.solve(model, parameters(share: 1, incumbent: incumbent ?? (pinOfRow.isEmpty ? start : nil)))
        if full.termination == .infeasible { throw try conflict(model, solver, pinOfRow) }
        if incumbent == nil && !pinOfRow.isEmpty && full.point == .none {
            throw PinConflict(pins: pinOfRow, problem: "no plan honouring them was found within the time limit",
                              fix: "allow more time, or check that each pinned person can be given these places")
        }
        var best = start
        var bestObjective = model.objectiveValue(of: start)
        // With pins the empty start breaks them: any point GLPK found replaces it, whatever its cost.
        if full.point != .none, full.objective! < bestObjective - 1e-9 || !model.isFeasible(best) {
            best = full.values
            bestObjective = full.objective!
        }
        let finalBound = max(bound, full.bound ?? bound)
        let reason: TerminationReason = relativeGap(objective: bestObjective, bound: finalBound).map {
            $0 <= max(options.relativeGap, 1e-9) ? (full.termination == .optimal ? .optimal : .gapReached) : full.termination
        } ?? full.termination
        return solution(best, bestObjective, min(finalBound, bestObjective), reason)
    }

    /// A smallest set of this component's pins that still leaves `model` infeasible (a deletion
    /// filter: each pin's row is freed in turn and stays free when the rest remain infeasible).
    private func conflict(_ model: LinearModel, _ solver: GLPKSolver, _ pinOfRow: [Int]) throws -> PinConflict {
        var model = model
        let first = model.rowCount - pinOfRow.count
        var kept: [Int] = []
        for i in pinOfRow.indices {
            model.setBounds(of: RowID(first + i), lower: -.infinity, upper: .infinity)
            if try solver.solve(model, parameters(share: 0.5)).termination == .infeasible { continue }
            model.setBounds(of: RowID(first + i), lower: 1, upper: .infinity)
            kept.append(pinOfRow[i])
        }
        return PinConflict(pins: kept.isEmpty ? pinOfRow : kept,
                           problem: "together they leave no possible plan (a patrol around a pinned person cannot be completed, or the pinned shifts break the rest, weekly-hours or weekly-rest rules)",
                           fix: "remove or move one of these pins")
    }

    /// Nobody works, every demand is missing, every weekly rest starts with its week: always feasible.
    private func emptyPoint(_ model: LinearModel, _ layout: ColumnLayout) -> [Double] {
        var point = [Double](repeating: 0, count: model.columnCount)
        for (position, g) in layout.segments.enumerated() {
            point[layout.uBase + position] = Double(index.scenario.demands[index.segments[g].demand].count)
        }
        for g in layout.restGroupClass.indices {
            point[layout.yBase + Int(layout.restGroupStart[g])] = Double(index.classes[Int(layout.restGroupClass[g])].members.count)
        }
        return point
    }
}
