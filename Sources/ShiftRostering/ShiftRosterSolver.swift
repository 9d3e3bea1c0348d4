import Engine
import Foundation
import LinearModel
import ShiftBenchmark

public struct ShiftRosterOptions: Sendable {
    public var timeLimit = 60.0
    /// Seed of the neighbourhood choices.
    public var seed: UInt64 = 1
    public var verbose = false
    public var progress: (@Sendable (SolveProgress) -> Void)?
    public var interrupt: InterruptFlag?
    public init() {}
}

public struct ShiftRosterResult: Sendable {
    public var roster: ShiftRoster
    public var objective: Int
    /// Proven lower bound (the objective is integral, so bounds are rounded up).
    public var bound: Int
    public var termination: TerminationReason
    public var seconds: Double
    public var neighbourhoods: Int
    public var columns: Int
    public var rows: Int
}

/// Solves a shift-rostering instance with the engine: the LP relaxation for
/// the bound, GLPK's branch and cut for a first roster, large-neighbourhood
/// search with small GLPK sub-MIPs (a few employees, or a window of days,
/// re-optimised with the rest fixed) to improve it, and branch and cut again,
/// seeded with the best roster, to close the gap with what time remains.
public enum ShiftRosterSolver {
    public static func model(for instance: ShiftInstance, elastic: Bool = false) -> (LinearModel, RosterLayoutHandle) {
        let layout = RosterLayout(instance: instance, elastic: elastic)
        var model = LinearModel()
        layout.addColumns(to: &model)
        model.addRows([OneShiftPerDay(layout: layout), ForbiddenSuccessions(layout: layout),
                       ShiftTypeLimits(layout: layout), WorkingTime(layout: layout),
                       ConsecutiveShifts(layout: layout), Weekends(layout: layout), CoverBalance(layout: layout)])
        return (model, RosterLayoutHandle(layout: layout))
    }

    public static func solve(_ instance: ShiftInstance, options: ShiftRosterOptions = ShiftRosterOptions()) throws
        -> ShiftRosterResult {
        let start = ContinuousClock.now
        let deadline = start.advanced(by: .milliseconds(Int64(options.timeLimit * 1000)))
        func left() -> Double {
            let d = deadline - ContinuousClock.now
            return max(0, d.inSeconds)
        }
        let (model, handle) = model(for: instance)
        let layout = handle.layout
        let solver = GLPKSolver()
        func parameters(_ seconds: Double, incumbent: [Double]? = nil) -> SolveParameters {
            var p = SolveParameters()
            p.timeLimit = max(0.05, seconds)
            p.verbose = options.verbose
            p.interrupt = options.interrupt
            p.incumbent = incumbent
            p.progress = options.progress
            return p
        }

        // 1. The bound.
        let relaxation = try solver.solve(model.relaxed(), parameters(left() * 0.3))
        var bound = relaxation.termination == .optimal ? Int((relaxation.objective! - 1e-6).rounded(.up)) : 0

        // 2. A first roster from GLPK, with its feasibility pump: the hard limits on
        // working time and runs make plain branching slow to find any roster.
        var pump = parameters(min(left() * 0.15, 5))
        pump.feasibilityPump = true
        var first = try solver.solve(model, pump)
        if first.point == .none {
            // Phase one: minimum working time made elastic, GLPK's roster of that model,
            // then neighbourhood search until no minute is missing.
            // The empty roster, every minimum minute missing, is a feasible start of that model.
            let (elasticModel, elasticHandle) = Self.model(for: instance, elastic: true)
            var empty = elasticHandle.values(of: ShiftRoster(employees: instance.staff.count, days: instance.days))
            for (i, employee) in instance.staff.enumerated() {
                empty[elasticHandle.layout.shortBase + i] = Double(employee.minTotalMinutes)
            }
            var start = SolveResult(termination: .timeLimit, point: .feasible, values: empty,
                                    objective: elasticModel.objectiveValue(of: empty))
            if elasticModel.isFeasible(empty) {
                var search = NeighbourhoodSearch(model: elasticModel)
                search.subTimeLimit = 1
                search.interrupt = options.interrupt
                search.progress = options.progress
                var random = SplitMix64(seed: options.seed &+ 1)
                let phaseEnd = ContinuousClock.now.advanced(by: .milliseconds(Int64(left() * 0.6 * 1000)))
                let shortColumns = elasticHandle.layout.shortBase..<elasticModel.columnCount
                var outcome = try search.improve(start.values, deadline: phaseEnd,
                                                 until: { values in shortColumns.allSatisfy { values[$0] < 0.5 } }) { _ in
                    Self.neighbourhood(layout, extra: layout.xCount..<elasticModel.columnCount, random: &random, most: 2)
                }
                let strict = Array(outcome.values.prefix(model.columnCount))
                if model.isFeasible(strict) {
                    outcome.values = strict
                    start.values = strict
                    first = SolveResult(termination: .timeLimit, point: .feasible, values: strict,
                                        objective: model.objectiveValue(of: strict))
                }
            }
        }
        guard first.point != .none else {
            let reason: TerminationReason = first.termination == .infeasible ? .infeasible : .noFeasiblePointFound
            return ShiftRosterResult(roster: ShiftRoster(employees: instance.staff.count, days: instance.days),
                                     objective: 0, bound: bound, termination: reason, seconds: elapsed(start),
                                     neighbourhoods: 0, columns: model.columnCount, rows: model.rowCount)
        }
        if let b = first.bound { bound = max(bound, Int((b - 1e-6).rounded(.up))) }
        var best = first.values
        var bestObjective = Int(model.objectiveValue(of: best).rounded())

        // 3. Large-neighbourhood search.
        var iterations = 0
        if bestObjective > bound {
            var search = NeighbourhoodSearch(model: model)
            search.subTimeLimit = 2
            search.interrupt = options.interrupt
            search.progress = options.progress
            var random = SplitMix64(seed: options.seed)
            let lnsDeadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(left() * 0.75 * 1000)))
            let outcome = try search.improve(best, deadline: lnsDeadline, target: Double(bound), bound: Double(bound)) { _ in
                Self.neighbourhood(layout, extra: layout.xCount..<model.columnCount, random: &random)
            }
            iterations = outcome.iterations
            best = outcome.values
            bestObjective = Int(outcome.objective.rounded())
        }

        // 4. Branch and cut from the best roster, to prove or improve.
        var termination: TerminationReason = bestObjective <= bound ? .optimal : .timeLimit
        if bestObjective > bound, left() > 0.5, options.interrupt?.isRaised != true {
            let final = try solver.solve(model, parameters(left(), incumbent: best))
            if final.point != .none, let objective = final.objective, objective < Double(bestObjective) - 0.5 {
                best = final.values
                bestObjective = Int(objective.rounded())
            }
            if let b = final.bound { bound = max(bound, Int((b - 1e-6).rounded(.up))) }
            if final.termination == .optimal { bound = bestObjective }
            termination = bestObjective <= bound ? .optimal
                : (options.interrupt?.isRaised == true ? .interrupted : .timeLimit)
        }
        return ShiftRosterResult(roster: layout.roster(from: best), objective: bestObjective, bound: min(bound, bestObjective),
                                 termination: termination, seconds: elapsed(start), neighbourhoods: iterations,
                                 columns: model.columnCount, rows: model.rowCount)
    }

    /// Columns to free: every day of two to four employees (two times in three), or
    /// everyone over a window of 7 to 14 days; plus the weekend, cover and slack columns.
    static func neighbourhood(_ layout: RosterLayout, extra: Range<Int>, random: inout SplitMix64, most: Int = 4) -> [Int] {
        let employees = layout.employees, days = layout.days
        var free: [Int] = []
        if random.next() % 3 == 2 {
            let width = min(days, 7 + Int(random.next() % 8))
            let first = Int(random.next() % UInt64(days - width + 1))
            for j in 0..<layout.xCount where Int(layout.xDay[j]) >= first && Int(layout.xDay[j]) < first + width {
                free.append(j)
            }
        } else {
            let count = min(employees, 1 + Int(random.next() % UInt64(max(1, most))) + (most > 2 ? 1 : 0))
            var chosen = Set<Int>()
            while chosen.count < count { chosen.insert(Int(random.next() % UInt64(employees))) }
            for j in 0..<layout.xCount where chosen.contains(Int(layout.xEmployee[j])) { free.append(j) }
        }
        free.append(contentsOf: extra)
        return free
    }

    private static func elapsed(_ start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return d.inSeconds
    }
}

/// The model's column layout, opaque outside this module.
public struct RosterLayoutHandle {
    let layout: RosterLayout
    /// The model's column values of a roster.
    public func values(of roster: ShiftRoster) -> [Double] { layout.values(of: roster) }
}
