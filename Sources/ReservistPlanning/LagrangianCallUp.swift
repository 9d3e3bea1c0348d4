import Engine
import Foundation
import LinearModel
import ReservistScenario

/// Lagrangian relaxation of the call-up flow: the coverage rows
/// Σ_r x[r,m,d] + u[m,d] ≥ needed[m,d] and the pairing limits Σ_r x[r,m,d] ≤ limit[m,d] move into
/// the objective with prices 0 ≤ π[m,d] ≤ priority[m,d] (the limit's multiplier at its best,
/// priority − π, leaves needed − limit places short for sure). What is left splits by reservist:
///
///     L(π) = Σ_{m,d} (π·limit + priority·(needed − limit)) + Σ_r min over r's schedules of Σ (cost − π) − fairness terms
///
/// and each reservist's problem (at most one mission a day, at most `cap` days, at most
/// `quota` working days, a penalty α per day beyond the fair share) is a laminar matroid
/// with a concave reward: the greedy choice is optimal. Every L(π) is a valid lower bound
/// (weak duality); since the flow is totally unimodular its best value is the optimum.
/// Prices come from ε-auctions (`CallUpAuction`, whose held places are plans) and then
/// subgradient steps; auctions warm-started below the best prices, repaired (gaps filled with the
/// cheapest free reservists, dearer ones replaced), give the upper bound (see `solve`).
struct LagrangianCallUp {
    let candidates: CallUpCandidates
    let scenario: ReservistScenario

    struct Outcome {
        var assigned: [[(day: Int, mission: Int)]]
        var bound: Double
        var objective: Double
        var iterations: Int
        /// The search ended at its deadline (not at the gap, nor by an interrupt).
        var stoppedByTime: Bool
        /// The auctions from zero prices: their ε (the coarse phase ran at `coarseFactor` times it),
        /// bids placed by both phases, and whether they ran to their end.
        var auctions: [(epsilon: Double, bids: Int, complete: Bool)] = []
    }

    init(scenario: ReservistScenario, candidates: CallUpCandidates? = nil) {
        self.scenario = scenario
        self.candidates = candidates ?? CallUpCandidates(scenario: scenario)
    }

    /// Starting prices: on each mission-day, the cost of its `limit`-th cheapest call-up (what clearing
    /// that market alone would charge), at most the shortfall price.
    static func startingPrices(_ c: CallUpCandidates) -> [Double] {
        var price = [Double](repeating: 0, count: c.missionDayCount)
        for md in 0..<c.missionDayCount {
            let from = Int(c.byMissionDayStart[md]), to = Int(c.byMissionDayStart[md + 1])
            let k = Int(c.limit[md])
            // byMissionDay is sorted cheapest first: the limit-th cheapest clears this market alone.
            price[md] = k == 0 ? 0 : (to - from >= k ? min(c.priority[md], c.cost[Int(c.byMissionDay[from + k - 1])]) : c.priority[md])
        }
        return price
    }

    /// Searches until `deadline` minus a reserve for what follows (the last primal step,
    /// continuity swaps and the report: 2.5 times the last warm auction, three times the longest
    /// primal step, and at least 15 % of the run),
    /// until the gap reaches `targetGap`, or until `interrupt` is raised:
    ///
    /// 1. ε-auctions from zero prices (`CallUpAuction`), each with half the previous ε while the
    ///    next is predicted to fit in `auctionShare` of the time: near-optimal prices and plans fast.
    ///    Each runs at `coarseFactor` × ε, then warm at ε from its prices (ε-scaling);
    /// 2. projected, deflected subgradient steps from the best prices, which raise the bound;
    /// 3. primal steps at most a fifth of the time: an auction warm-started just below the best
    ///    prices, whose places are then repaired (gaps filled, cheaper reservists swapped in);
    /// 4. a last warm auction, and GLPK's simplex on the flow restricted to the promising call-ups
    ///    when that flow is small.
    ///
    /// With `auctionShare` 0 the auctions are skipped and the primal step is the plain repair of the
    /// reservists' own choices (the method before auctions, kept for tests and comparison).
    func solve(start: ContinuousClock.Instant = .now, deadline: ContinuousClock.Instant, targetGap: Double = 0.002,
               interrupt: InterruptFlag? = nil, progress: (@Sendable (SolveProgress) -> Void)? = nil,
               maxIterations: Int = .max, auctionShare: Double = 0.35, log: ((String) -> Void)? = nil) -> Outcome {
        let c = candidates
        let rules = scenario.rules
        let count = c.missionDayCount
        func seconds(_ d: Duration) -> Double { d.inSeconds }
        let total = seconds(deadline - start)
        var reserve = 0.15 * total
        var price = Self.startingPrices(c)
        var chosen = [Bool](repeating: false, count: c.entryCount)
        var coverage = [Int32](repeating: 0, count: count)
        var bestBound = -Double.infinity
        var bestValue = -Double.infinity   // for the step size
        var bestPrice = price
        var lastPrimal = ContinuousClock.now, primalCost = 0.0, lastPrimalIteration = 0
        var warmedAt = -1                  // iteration whose best prices the last warm auction started from
        var warmCost = 0.0                 // seconds the last warm auction took, repair included
        var bestPriceIteration = 0
        var best: (plan: [Int32], objective: Double)?
        var step = 2.0
        var sinceImprovement = 0
        var iterations = 0
        var stoppedByTime = false
        var auctions: [(epsilon: Double, bids: Int, complete: Bool)] = []
        let useAuctions = auctionShare > 0 && c.entryCount > 0
        // The reservists' subproblems run on every core, in a fixed number of chunks whose
        // results are added in chunk order: the same sums for any number of cores.
        let chunks = Self.chunks(c, count: 8)
        var scratches = chunks.map { _ in ReservistChoice() }
        var gradient = [Double](repeating: 0, count: count)
        var direction = [Double](repeating: 0, count: count)
        let deflection = 1.5
        // The auctions' ε and warm-start margin (each a pass over every call-up's cost: computed once).
        let coldEpsilon = Self.auctionEpsilon(c)
        let warmEpsilon = coldEpsilon / Self.warmEpsilonDivisor, warmMargin = coldEpsilon / Self.warmMarginDivisor

        /// The auctions' layout of places and reservist-days: built by the first auction, shared by all.
        var sharedLayout: CallUpAuction.Layout?
        func auctionLayout() -> CallUpAuction.Layout {
            if let sharedLayout { return sharedLayout }
            let layout = CallUpAuction.Layout(candidates: c, scenario: scenario)
            sharedLayout = layout
            return layout
        }
        /// L(π): the dualised rows' constant part plus every reservist's best schedule; marks
        /// `chosen` and counts `coverage`.
        func lagrangian(_ price: [Double]) -> Double {
            dualisedRows(price) + subproblems(price, chunks: chunks, into: &chosen, coverage: &coverage, scratch: &scratches)
        }
        func offer(_ candidate: (plan: [Int32], objective: Double)) {
            if best == nil || candidate.objective < best!.objective { best = candidate }
        }
        func repaired(_ auction: CallUpAuction) -> (plan: [Int32], objective: Double) {
            let began = ContinuousClock.now
            let (plan, objective) = repair([], feasible: auction.plan)
            log?("  repaired: plan \(PhaseLog.number(objective)) in \(PhaseLog.seconds(seconds(ContinuousClock.now - began)))")
            return (plan, objective)
        }
        /// Records L(π) when it beats the best bound.
        func consider(_ price: [Double]) {
            let value = lagrangian(price)
            if !bestBound.isFinite || value > bestBound {
                bestBound = value
                bestPrice = price
                bestValue = max(bestValue, value)
            }
        }
        /// An auction started `margin` below `prices` (few bids: they are near equilibrium), repaired.
        /// Its end prices are tried as multipliers too.
        func warmAuction(_ prices: [Double], margin: Double, epsilon: Double) -> (plan: [Int32], objective: Double) {
            let began = ContinuousClock.now
            // The last one runs in the reserve, with the swaps and the report after it.
            defer {
                warmCost = seconds(ContinuousClock.now - began)
                reserve = max(reserve, 2.5 * warmCost)
            }
            var auction = CallUpAuction(candidates: c, scenario: scenario, epsilon: epsilon, below: prices, by: margin,
                                        layout: auctionLayout())
            // It leaves half the reserve for what follows.
            let stop = deadline.advanced(by: .milliseconds(-Int64(reserve * 500)))
            let complete = auction.run { ContinuousClock.now >= stop || interrupt?.isRaised == true }
            if complete { consider(auction.multipliers) }
            logAuction("warm auction", auction, since: began, complete: complete)
            return repaired(auction)
        }
        /// The phase line of an auction: its ε, bids and time, and the best bound so far.
        func logAuction(_ title: String, _ auction: CallUpAuction, since began: ContinuousClock.Instant, complete: Bool) {
            log?("\(title), ε \(PhaseLog.number(auction.epsilon)): \(auction.bids) bids in "
                 + PhaseLog.seconds(seconds(ContinuousClock.now - began))
                 + (complete ? "; best bound \(PhaseLog.number(bestBound))" : " (stopped)"))
        }
        func gapReached() -> Bool {
            guard let best else { return false }
            return best.objective - bestBound <= targetGap * max(1, abs(best.objective))
        }

        if useAuctions {
            let auctionDeadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(auctionShare * seconds(deadline - .now) * 1000)))
            var epsilon = coldEpsilon
            while interrupt?.isRaised != true {
                let began = ContinuousClock.now
                let stopAuction = { ContinuousClock.now >= auctionDeadline || interrupt?.isRaised == true }
                let coarse = Self.coarseFactor * epsilon
                var auction = CallUpAuction(candidates: c, scenario: scenario, epsilon: coarse, layout: auctionLayout())
                var complete = auction.run(shouldStop: stopAuction)
                var auctionPrice = auction.multipliers
                var bids = auction.bids
                consider(auctionPrice)
                logAuction("auction from zero prices", auction, since: began, complete: complete)
                if complete {
                    // The same climb at ε from just below the coarse prices: few bids, as in any warm
                    // start; not repaired.
                    let scaled = ContinuousClock.now
                    auction = CallUpAuction(candidates: c, scenario: scenario, epsilon: epsilon, below: auctionPrice,
                                            by: Self.startBelow(auctionAt: coarse, warmMargin: warmMargin), layout: auctionLayout())
                    complete = auction.run(shouldStop: stopAuction)
                    bids += auction.bids
                    if complete {
                        auctionPrice = auction.multipliers
                        consider(auctionPrice)
                    }
                    logAuction("warm auction", auction, since: scaled, complete: complete)
                }
                // Warm starts just below its prices give better plans than repairing its own (kept
                // only when the auction was cut short). ε-scaling by warm starts: first at ε/5, then,
                // unless the gap is reached, at the fine ε from the best prices.
                if complete {
                    offer(warmAuction(auctionPrice, margin: Self.startBelow(auctionAt: epsilon, warmMargin: warmMargin), epsilon: epsilon / 5))
                    if !gapReached() {
                        offer(warmAuction(bestPrice, margin: 0.3 * epsilon + warmMargin, epsilon: warmEpsilon))
                    }
                } else {
                    offer(repaired(auction))
                }
                iterations += 1
                auctions.append((epsilon, bids, complete))
                progress?(SolveProgress(elapsed: seconds(ContinuousClock.now - start), incumbent: best!.objective,
                                        bound: bestBound, nodes: iterations))
                let took = seconds(ContinuousClock.now - began)
                if !complete || gapReached() { break }
                // Bids, hence time, grow about as 1/ε.
                if 2.2 * took > seconds(auctionDeadline - .now) || auctions.count >= Self.maxAuctions { break }
                epsilon /= 2
            }
            price = bestPrice
            bestPriceIteration = iterations
            lastPrimal = ContinuousClock.now
            lastPrimalIteration = iterations
        }
        while iterations < maxIterations && !(useAuctions && (gapReached() || interrupt?.isRaised == true)) {
            iterations += 1
            let value = lagrangian(price)
            if !bestBound.isFinite || value > bestBound + 1e-9 * max(1, abs(bestBound)) {
                bestBound = value
                bestPrice = price
                bestPriceIteration = iterations
            }
            if !bestValue.isFinite || value > bestValue + 1e-9 * max(1, abs(bestValue)) {
                bestValue = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 15 {
                    step *= 0.5
                    sinceImprovement = 0
                }
            }
            // Primal step: at most a fifth of the time, and at least every 20 passes (a warm auction:
            // at most a tenth, as the last one, from the best prices, is what counts most).
            let spacing = useAuctions ? 9.0 : 4.0
            if iterations == 1 || seconds(ContinuousClock.now - lastPrimal) >= spacing * primalCost
                || (!useAuctions && iterations - lastPrimalIteration >= 20) {
                let began = ContinuousClock.now
                if useAuctions && warmedAt != bestPriceIteration {
                    warmedAt = bestPriceIteration
                    offer(warmAuction(bestPrice, margin: warmMargin, epsilon: warmEpsilon))
                } else {
                    offer(repair(chosen))
                }
                primalCost = seconds(ContinuousClock.now - began)
                lastPrimal = ContinuousClock.now
                lastPrimalIteration = iterations
                reserve = max(reserve, 3 * primalCost)
            }
            let upper = best!.objective
            progress?(SolveProgress(elapsed: seconds(ContinuousClock.now - start), incumbent: upper, bound: bestBound,
                                    nodes: iterations))
            if gapReached() || interrupt?.isRaised == true { break }
            if seconds(deadline - ContinuousClock.now) <= reserve {
                stoppedByTime = true
                break
            }
            if step < 1e-4 {
                // The steps have died out: start again from the best prices with a fresh step.
                step = 0.5
                price = bestPrice
                continue
            }
            // Subgradient step (Polyak, towards the best plan's objective), projected on the
            // price box and deflected by the previous direction (Camerini–Fratta–Maffioli,
            // γ = 1.5) so that steps zigzag less.
            var product = 0.0, previousNorm = 0.0
            for md in 0..<count {
                var g = Double(c.limit[md] - coverage[md])
                if (g > 0 && price[md] >= c.priority[md]) || (g < 0 && price[md] <= 0) { g = 0 }
                gradient[md] = g
                product += g * direction[md]
                previousNorm += direction[md] * direction[md]
            }
            let beta = product < 0 && previousNorm > 0 ? -deflection * product / previousNorm : 0
            var norm = 0.0
            for md in 0..<count {
                direction[md] = gradient[md] + beta * direction[md]
                norm += direction[md] * direction[md]
            }
            guard norm > 0 else { break }
            let t = step * (upper - value) / norm
            for md in 0..<count {
                price[md] = min(c.priority[md], max(0, price[md] + t * direction[md]))
            }
        }
        // A last primal step from the best prices, unless the gap is closed or one already started there.
        if !gapReached() && interrupt?.isRaised != true {
            if useAuctions {
                // Only when it fits, with the swaps and the report after it (a loaded machine may
                // have eaten the reserve).
                let left = seconds(deadline - ContinuousClock.now)
                if warmedAt != bestPriceIteration && left > 1.5 * warmCost + 0.05 * total {
                    offer(warmAuction(bestPrice, margin: warmMargin, epsilon: warmEpsilon))
                }
            } else {
                var lastChoice = [Bool](repeating: false, count: c.entryCount)
                var scratch = ReservistChoice()
                for r in scenario.reservists.indices {
                    let from = Int(c.reservistStart[r]), to = Int(c.reservistStart[r + 1])
                    if from < to { _ = scratch.choose(r, from..<to, c, bestPrice, scenario, rules, into: &lastChoice) }
                }
                offer(repair(lastChoice))
            }
        }
        // Polish: the flow restricted to the call-ups that look worth it at the best prices
        // (reduced cost ≤ 0) and to the best plan, solved exactly by GLPK's simplex when small.
        let leftSeconds = seconds(deadline - ContinuousClock.now) - reserve
        if leftSeconds > 1, interrupt?.isRaised != true, !gapReached(),
           let polished = try? polish(bestPrice, keeping: best!.plan, timeLimit: leftSeconds),
           polished.objective < best!.objective - 1e-6 {
            best = polished
        }
        var assigned = Array(repeating: [(day: Int, mission: Int)](), count: scenario.reservists.count)
        for e in best!.plan {
            let md = Int(c.missionDay[Int(e)])
            assigned[Int(c.entryReservist[Int(e)])].append((Int(c.day[Int(e)]), Int(c.missionDayMission[md])))
        }
        return Outcome(assigned: assigned, bound: bestBound, objective: best!.objective, iterations: iterations,
                       stoppedByTime: stoppedByTime, auctions: auctions)
    }

    /// The first auction's ε: a fifth of the mean call-up cost (each auction's plan is within about
    /// ε a call-up of its bound).
    static func auctionEpsilon(_ c: CallUpCandidates) -> Double {
        guard c.entryCount > 0 else { return 1 }
        return max(0.01, c.cost.reduce(0, +) / Double(c.entryCount) / 5)
    }

    /// A warm-started auction's ε and how far below the given prices it starts, as divisors of the
    /// first auction's ε: a hundredth and a twentieth of the mean call-up cost.
    static let warmEpsilonDivisor = 20.0
    static let warmMarginDivisor = 4.0

    /// An auction from zero prices climbs to the final prices in steps of about its ε, so it runs
    /// at this multiple of ε and is then warm-started at ε (ε-scaling). Measured on generated
    /// instances with 101 departments, time to a 1 % gap: 30 000 reservists 12-19 % less (1.7 M + 2.3 M
    /// bids instead of 6.6 M), 10 000 17 % less, 3 000 from 13 % less to 28 % more (when the first
    /// plan misses the gap and one more warm auction runs). Factors 8-16 measured no better.
    static let coarseFactor = 6.0

    /// How far below an auction's end prices the next, finer one starts: they overshoot by up to that
    /// auction's ε (measured: ε alone is near the point where too many places stay free).
    static func startBelow(auctionAt epsilon: Double, warmMargin: Double) -> Double { 1.5 * epsilon + warmMargin }

    /// At most this many auctions (the last one's ε is the first one's / 2^(n−1)).
    static let maxAuctions = 6

    /// L(π) at `price` (one price per mission-day in `0 ... priority`): a valid lower bound on the
    /// optimum for any such prices.
    func bound(at price: [Double]) -> Double {
        let c = candidates
        var chosen = [Bool](repeating: false, count: c.entryCount)
        var coverage = [Int32](repeating: 0, count: c.missionDayCount)
        let chunks = Self.chunks(c, count: 8)
        var scratches = chunks.map { _ in ReservistChoice() }
        return dualisedRows(price) + subproblems(price, chunks: chunks, into: &chosen, coverage: &coverage, scratch: &scratches)
    }

    /// The part of L(π) from the dualised rows: Σ π·limit + priority·(needed − limit). A mission-day
    /// paired with active staff takes at most `limit` reservists: the other needed − limit are short
    /// whatever happens (dualising the limit with a multiplier μ = priority − π gives exactly this
    /// term), and the price applies to `limit` places.
    func dualisedRows(_ price: [Double]) -> Double {
        let c = candidates
        var value = 0.0
        for md in 0..<c.missionDayCount {
            value += price[md] * Double(c.limit[md]) + c.priority[md] * Double(c.needed[md] - c.limit[md])
        }
        return value
    }

    /// Reservist ranges with about the same number of call-ups each.
    static func chunks(_ c: CallUpCandidates, count: Int) -> [Range<Int>] {
        let reservists = c.reservistStart.count - 1
        let total = Int(c.reservistStart[reservists])
        var result: [Range<Int>] = []
        var from = 0
        for k in 1...count {
            var to = from
            let target = total * k / count
            while to < reservists && Int(c.reservistStart[to]) < target { to += 1 }
            if k == count { to = reservists }
            result.append(from..<to)
            from = to
        }
        return result
    }

    /// Every reservist's best schedule at `price`: marks `chosen`, counts `coverage`, and returns
    /// the sum of the reduced costs. Chunks run in parallel; their sums are added in chunk order.
    func subproblems(_ price: [Double], chunks: [Range<Int>], into chosen: inout [Bool],
                     coverage: inout [Int32], scratch: inout [ReservistChoice]) -> Double {
        let c = candidates, scenario = scenario, rules = scenario.rules
        let count = c.missionDayCount
        var values = [Double](repeating: 0, count: chunks.count)
        var counts = [Int32](repeating: 0, count: chunks.count * count)
        chosen.withUnsafeMutableBufferPointer { marks in
            values.withUnsafeMutableBufferPointer { valueOut in
                counts.withUnsafeMutableBufferPointer { countOut in
                    scratch.withUnsafeMutableBufferPointer { scratches in
                        nonisolated(unsafe) let marks = marks, valueOut = valueOut, countOut = countOut, scratches = scratches
                        DispatchQueue.concurrentPerform(iterations: chunks.count) { k in
                            var sum = 0.0
                            let base = k * count
                            for r in chunks[k] {
                                let from = Int(c.reservistStart[r]), to = Int(c.reservistStart[r + 1])
                                guard from < to else { continue }
                                sum += scratches[k].choose(r, from..<to, c, price, scenario, rules, marks: marks)
                                for e in scratches[k].taken { countOut[base + Int(c.missionDay[e])] += 1 }
                            }
                            valueOut[k] = sum
                        }
                    }
                }
            }
        }
        for md in 0..<count {
            var total: Int32 = 0
            for k in chunks.indices { total += counts[k * count + md] }
            coverage[md] = total
        }
        return values.reduce(0, +)
    }

    /// The call-up flow over a subset of the candidates, solved with GLPK.
    /// Networks beyond this many arcs are not polished: GLPK's simplex would not finish in time.
    static let polishArcLimit = 8_000

    func polish(_ price: [Double], keeping plan: [Int32], timeLimit: Double) throws -> (plan: [Int32], objective: Double) {
        let c = candidates
        let rules = scenario.rules
        var keep = [Bool](repeating: false, count: c.entryCount)
        for e in plan { keep[Int(e)] = true }
        for e in 0..<c.entryCount where c.cost[e] - price[Int(c.missionDay[e])] <= 0 { keep[e] = true }
        var network = FlowNetwork()
        let source = network.addVertex()
        var entry = [Int32](repeating: -1, count: c.missionDayCount)
        for md in 0..<c.missionDayCount where c.needed[md] > 0 {
            let needed = Int(c.needed[md])
            let d = network.addVertex(supply: -needed)
            network.addSupply(needed, at: source)
            network.addArc(from: source, to: d, capacity: needed, cost: c.priority[md])
            if c.limit[md] < c.needed[md] {
                let p = network.addVertex()
                network.addArc(from: p, to: d, capacity: Int(c.limit[md]), cost: 0)
                entry[md] = p
            } else {
                entry[md] = d
            }
        }
        var arcEntry: [Int32] = []
        var arcIndex: [Int] = []
        for r in scenario.reservists.indices {
            let from = Int(c.reservistStart[r]), to = Int(c.reservistStart[r + 1])
            var chain = ReservistChain(source: source, reservist: scenario.reservists[r], rules: rules)
            var e = from
            while e < to {
                let d = c.day[e]
                var dayEntries: [Int] = []
                while e < to && c.day[e] == d {
                    if keep[e] { dayEntries.append(e) }
                    e += 1
                }
                guard !dayEntries.isEmpty else { continue }
                let parent = chain.dayVertex(in: &network, working: scenario.isWorkingDay(Int(d)), choices: dayEntries.count)
                for k in dayEntries {
                    arcIndex.append(network.addArc(from: parent, to: entry[Int(c.missionDay[k])], capacity: 1, cost: c.cost[k]))
                    arcEntry.append(Int32(k))
                }
            }
        }
        guard network.arcCount <= Self.polishArcLimit else {
            throw ReservistPlanningError.noFlow("polishing network too large (\(network.arcCount) arcs)")
        }
        let result = try GLPKSolver().solve(network, timeLimit: timeLimit)
        guard result.termination == .optimal, let objective = result.objective else {
            throw ReservistPlanningError.noFlow("polishing flow not solved")
        }
        var chosen: [Int32] = []
        for (a, k) in zip(arcIndex, arcEntry) where result.flow[a] > 0 { chosen.append(k) }
        return (chosen, objective)
    }

    /// Turns the reservists' own choices into a plan that respects every
    /// mission-day's limit, then fills gaps with the cheapest free reservists.
    /// - Returns: chosen entries and the plan's objective.
    /// - Parameter feasible: when given, a plan that already respects every limit (an auction's
    ///   places): it is kept whole, without the first pass over every call-up.
    func repair(_ chosen: [Bool], feasible: [Int32]? = nil) -> ([Int32], Double) {
        let c = candidates
        let rules = scenario.rules
        let dayCount = scenario.dayCount
        var used = [Bool](repeating: false, count: scenario.reservists.count * dayCount)
        var days = [Int32](repeating: 0, count: scenario.reservists.count)
        var working = [Int32](repeating: 0, count: scenario.reservists.count)
        var taken = [Bool](repeating: false, count: c.entryCount)
        var coverage = [Int32](repeating: 0, count: c.missionDayCount)
        // Flat per-reservist limits and per-day facts: the loops below never copy a `Reservist`.
        let remaining = c.daysLeft, quotaLeft = c.workingDaysLeft
        let workingDay = (0..<dayCount).map { scenario.isWorkingDay($0) }
        for e32 in feasible ?? [] {
            let e = Int(e32), r = Int(c.entryReservist[e]), d = Int(c.day[e])
            used[r * dayCount + d] = true
            days[r] += 1
            if workingDay[d] { working[r] += 1 }
            taken[e] = true
            coverage[Int(c.missionDay[e])] += 1
        }
        // Keep the choices, cheapest first on each mission-day, up to its limit.
        for md in 0..<c.missionDayCount where feasible == nil {
            for k in Int(c.byMissionDayStart[md])..<Int(c.byMissionDayStart[md + 1]) {
                let e = Int(c.byMissionDay[k])
                guard chosen[e], coverage[md] < c.limit[md] else { continue }
                let r = Int(c.entryReservist[e]), d = Int(c.day[e])
                guard !used[r * dayCount + d] else { continue }
                used[r * dayCount + d] = true
                days[r] += 1
                if workingDay[d] { working[r] += 1 }
                taken[e] = true
                coverage[md] += 1
            }
        }
        // Fill gaps, most valuable mission-days first.
        // (Sort closures read local arrays: capturing `c` copied the whole struct on every comparison.)
        let priority = c.priority, cost = c.cost
        let order = (0..<c.missionDayCount).sorted { (priority[$0], -$0) > (priority[$1], -$1) }
        // (A taken call-up's reservist-day is used: `used` alone rules both out, and a mission-day's
        // entries all fall on its own day.)
        for md in order where coverage[md] < c.limit[md] {
            let d = Int(c.missionDayDay[md])
            for k in Int(c.byMissionDayStart[md])..<Int(c.byMissionDayStart[md + 1]) {
                guard coverage[md] < c.limit[md] else { break }
                let e = Int(c.byMissionDay[k])
                let r = Int(c.entryReservist[e])
                guard !used[r * dayCount + d], days[r] < remaining[r] else { continue }
                if workingDay[d] && working[r] >= quotaLeft[r] { continue }
                let marginal = c.cost[e] + (Int(days[r]) >= rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0)
                guard marginal < c.priority[md] else { continue }
                used[r * dayCount + d] = true
                days[r] += 1
                if workingDay[d] { working[r] += 1 }
                taken[e] = true
                coverage[md] += 1
            }
        }
        // Replace: on each mission-day, a taken call-up gives way to a cheaper free reservist. The
        // taken call-ups are visited dearest first (list order: cost, then entry), the free ones
        // cheapest first with one pointer per mission-day; only the taken call-ups are listed, so
        // the dear end of each mission-day's list is never read.
        var takenStart = [Int32](repeating: 0, count: c.missionDayCount + 1)
        var takenList: [Int32] = []
        do {
            var takenEntries: [Int32] = []
            takenEntries.reserveCapacity(Int(coverage.reduce(0, +)))
            for e in 0..<c.entryCount where taken[e] { takenEntries.append(Int32(e)) }
            for e in takenEntries { takenStart[Int(c.missionDay[Int(e)]) + 1] += 1 }
            for md in 0..<c.missionDayCount { takenStart[md + 1] += takenStart[md] }
            var cursor = takenStart
            takenList = [Int32](repeating: 0, count: takenEntries.count)
            for e in takenEntries {
                let md = Int(c.missionDay[Int(e)])
                takenList[Int(cursor[md])] = e
                cursor[md] += 1
            }
        }
        for md in 0..<c.missionDayCount {
            let from = Int(c.byMissionDayStart[md]), to = Int(c.byMissionDayStart[md + 1])
            let dear = Int(takenStart[md])..<Int(takenStart[md + 1])
            guard !dear.isEmpty else { continue }
            takenList[dear].sort { (cost[Int($0)], $0) > (cost[Int($1)], $1) }
            var cheap = from
            for e32 in takenList[dear] {
                let e = Int(e32)
                // The pointer has passed e: every taken call-up left is cheaper than the free ones behind it.
                guard cheap < to, (c.cost[Int(c.byMissionDay[cheap])], c.byMissionDay[cheap]) < (c.cost[e], e32) else { break }
                let r = Int(c.entryReservist[e]), d = Int(c.day[e])
                let saving = c.cost[e] + (Int(days[r]) > rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0)
                while cheap < to {
                    let e2 = Int(c.byMissionDay[cheap])
                    guard (c.cost[e2], e2) < (c.cost[e], e) else { break }
                    cheap += 1
                    let r2 = Int(c.entryReservist[e2]), d2 = d
                    guard r2 != r, !used[r2 * dayCount + d2], days[r2] < remaining[r2] else { continue }
                    if workingDay[d2] && working[r2] >= quotaLeft[r2] { continue }
                    let extra = c.cost[e2] + (Int(days[r2]) >= rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0)
                    guard extra < saving - 1e-9 else { continue }
                    taken[e] = false
                    used[r * dayCount + d] = false
                    days[r] -= 1
                    if workingDay[d] { working[r] -= 1 }
                    taken[e2] = true
                    used[r2 * dayCount + d2] = true
                    days[r2] += 1
                    if workingDay[d2] { working[r2] += 1 }
                    break
                }
            }
        }
        var objective = 0.0
        var plan: [Int32] = []
        for e in 0..<c.entryCount where taken[e] {
            plan.append(Int32(e))
            objective += c.cost[e]
        }
        for r in scenario.reservists.indices {
            objective += Double(max(0, Int(days[r]) - rules.fairShareDays)) * rules.fairnessPenaltyPerDay
        }
        for md in 0..<c.missionDayCount {
            objective += Double(max(0, Int(c.needed[md] - coverage[md]))) * c.priority[md]
        }
        return (plan, objective)
    }
}

/// One reservist's best schedule at given prices (reused buffers, no allocation per reservist).
struct ReservistChoice {
    private var bestOfDay: [(gain: Double, entry: Int, working: Bool)] = []
    private(set) var taken: [Int] = []

    /// Chooses the schedule, marks it in `chosen` (clearing the reservist's other entries),
    /// and returns its reduced cost (≤ 0).
    mutating func choose(_ r: Int, _ entries: Range<Int>, _ c: CallUpCandidates, _ price: [Double],
                         _ scenario: ReservistScenario, _ rules: ReservistRules, into chosen: inout [Bool]) -> Double {
        chosen.withUnsafeMutableBufferPointer { choose(r, entries, c, price, scenario, rules, marks: $0) }
    }

    /// As `choose(…into:)`, writing only the reservist's own entries of `chosen`, so that
    /// reservists of disjoint ranges may be chosen on different threads. `entries` lists the
    /// reservist's call-ups, in day order.
    mutating func choose<Entries: Sequence<Int>>(_ r: Int, _ entries: Entries, _ c: CallUpCandidates, _ price: [Double],
                                                _ scenario: ReservistScenario, _ rules: ReservistRules,
                                                marks chosen: UnsafeMutableBufferPointer<Bool>) -> Double {
        bestOfDay.removeAll(keepingCapacity: true)
        taken.removeAll(keepingCapacity: true)
        var day = -1, bestGain = 0.0, bestEntry = -1
        for e in entries {
            let d = Int(c.day[e])
            if d != day {
                if bestEntry >= 0 { bestOfDay.append((bestGain, bestEntry, scenario.isWorkingDay(day))) }
                day = d
                bestGain = 0
                bestEntry = -1
            }
            chosen[e] = false
            let gain = price[Int(c.missionDay[e])] - c.cost[e]
            if gain > bestGain { bestGain = gain; bestEntry = e }
        }
        if bestEntry >= 0 { bestOfDay.append((bestGain, bestEntry, scenario.isWorkingDay(day))) }
        guard !bestOfDay.isEmpty else { return 0 }
        bestOfDay.sort { ($0.gain, -$0.entry) > ($1.gain, -$1.entry) }
        let reservist = scenario.reservists[r]
        let cap = reservist.remainingDays
        let quota = reservist.workingDaysLeft(rules)
        var total = 0.0, workingTaken = 0
        for option in bestOfDay {
            guard taken.count < cap else { break }
            if option.working && workingTaken >= quota { continue }
            let threshold = taken.count >= rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0
            guard option.gain > threshold else { break }
            taken.append(option.entry)
            chosen[option.entry] = true
            if option.working { workingTaken += 1 }
            total -= option.gain - threshold
        }
        return total
    }
}

