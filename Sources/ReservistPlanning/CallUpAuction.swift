import Dispatch
import ReservistScenario

/// An ε-auction for the call-up problem (Bertsekas's auction for transportation problems, with
/// reservists as bidders whose demand is a bundle of days).
///
/// Mission-day md offers `limit[md]` places. A reservist covering md through call-up e earns
/// a_e = priority[md] − cost_e > 0 (what the call-up saves against the shortfall) and pays the
/// place's price p. Its own problem at given prices is the Lagrangian subproblem of
/// `LagrangianCallUp` with π = priority − p: at most one call-up a day, at most `cap` days, at most
/// `quota` working days, a penalty α per day beyond the fair share. That valuation is a laminar
/// matroid with a concave reward, hence gross substitutes: while prices only rise, a reservist
/// keeps what it holds and only adds. So, starting from zero prices:
///
/// - a reservist who is not content keeps the places it holds (prices only rose since it bought
///   them) and adds its best days at current prices (a place at its mission-day's cheapest price),
///   bidding for each: price = a_e − w + ε, where w is the value of its best alternative (the
///   second-best call-up that day, the best day left out that could replace it, or the fairness
///   threshold of its last day). The place's holder, if any, is displaced and bids again;
/// - every bid raises a price by at least ε and no price exceeds max a_e, so the auction ends, in
///   ε-complementary slackness: every reservist's bundle is within ε a call-up of its best at
///   the final prices, and a place nobody holds was never bid for, so its price is still its
///   starting price: 0 from a cold start.
///
/// The places held are a feasible plan, and from a cold start π = priority − (cheapest place's
/// price) is a Lagrangian point whose bound is within about ε per call-up of that plan (it is
/// evaluated exactly afterwards, so the bound's validity never rests on the auction). A warm start
/// just below known good prices takes few bids; places left free at a positive price then weaken
/// that bound, but the plan is as good a heuristic as ever.
///
/// Bidders are taken from a first-in first-out queue in batches; a batch's bids are computed in
/// parallel against the same prices and applied in queue order (a bid that no longer beats the
/// cheapest place sends its bidder back to the queue), so the result does not depend on the
/// number of cores.
struct CallUpAuction {
    let candidates: CallUpCandidates
    let scenario: ReservistScenario
    let epsilon: Double

    /// Where each mission-day's places and each reservist-day's call-ups lie (the same for every
    /// auction on these call-ups: built once per solve and shared).
    private let layout: Layout
    /// The mutable state, in place (never copied on write: deciders read it on every core).
    private let state: AuctionState
    private var queued: [Bool] = []
    private var queue: [Int32] = []
    private var queueHead = 0
    private let cap: [Int32]
    private let quota: [Int32]
    /// Bids that took a place.
    private(set) var bids = 0
    /// Reservists decided together, against the same prices.
    static let batchSize = 128
    static let chunkCount = 8

    /// - Parameter startingPrices: a price per mission-day for all its places (zero by default). With
    ///   prices that are not zero the end state may leave places free at a positive price, so the
    ///   multipliers are no longer ε-optimal; the plan is still feasible (a warm-started primal heuristic).
    /// - Parameter layout: `Layout(candidates: c, scenario: scenario)`, when the caller runs several
    ///   auctions on the same call-ups (built here otherwise).
    init(candidates c: CallUpCandidates, scenario: ReservistScenario, epsilon: Double, startingPrices: [Double]? = nil,
         layout: Layout? = nil) {
        self.candidates = c
        self.scenario = scenario
        self.epsilon = epsilon
        cap = c.daysLeft
        quota = c.workingDaysLeft
        let layout = layout ?? Layout(candidates: c, scenario: scenario)
        self.layout = layout
        let slotStart = layout.slotStart
        state = AuctionState(places: Int(slotStart[c.missionDayCount]), missionDays: c.missionDayCount,
                             reservistDays: layout.dayWorking.count)
        for md in 0..<c.missionDayCount {
            let price = max(0, startingPrices?[md] ?? 0)
            for s in Int(slotStart[md])..<Int(slotStart[md + 1]) { state.slotPrice[s] = price }
            state.cheapestSlot[md] = c.limit[md] > 0 ? slotStart[md] : -1
            state.wage[md] = c.limit[md] > 0 ? c.priority[md] - price : -.infinity
        }
        queued = [Bool](repeating: false, count: scenario.reservists.count)
        for r in 0..<scenario.reservists.count where c.reservistStart[r] < c.reservistStart[r + 1] {
            queue.append(Int32(r))
            queued[r] = true
        }
    }

    /// A warm start `margin` below the prices that the multipliers π stand for (priority − π, as
    /// `multipliers` gives them).
    init(candidates c: CallUpCandidates, scenario: ReservistScenario, epsilon: Double, below multipliers: [Double], by margin: Double,
         layout: Layout? = nil) {
        let starting = (0..<c.missionDayCount).map { c.priority[$0] - multipliers[$0] - margin }
        self.init(candidates: c, scenario: scenario, epsilon: epsilon, startingPrices: starting, layout: layout)
    }

    /// Where each mission-day's places and each reservist-day's call-ups lie.
    struct Layout: Sendable {
        /// Places of mission-day md are `slotStart[md] ..< slotStart[md + 1]`.
        let slotStart: [Int32]
        /// Reservist-days: r's days with call-ups are `dayStart[r] ..< dayStart[r + 1]`; day k's
        /// entries are `dayFirst[k] ..< dayFirst[k + 1]`, on a working day when `dayWorking[k]`.
        let dayStart: [Int32]
        let dayFirst: [Int32]
        let dayWorking: [Bool]

        init(candidates c: CallUpCandidates, scenario: ReservistScenario) {
            var slotStart: [Int32] = [0]
            slotStart.reserveCapacity(c.missionDayCount + 1)
            for md in 0..<c.missionDayCount { slotStart.append(slotStart[md] + max(0, c.limit[md])) }
            let workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
            var dayStart: [Int32] = [0], dayFirst: [Int32] = [], dayWorking: [Bool] = []
            dayStart.reserveCapacity(scenario.reservists.count + 1)
            for r in 0..<scenario.reservists.count {
                var e = Int(c.reservistStart[r])
                let to = Int(c.reservistStart[r + 1])
                while e < to {
                    let d = c.day[e]
                    dayFirst.append(Int32(e))
                    dayWorking.append(workingDay[Int(d)])
                    while e < to && c.day[e] == d { e += 1 }
                }
                dayStart.append(Int32(dayFirst.count))
            }
            dayFirst.append(Int32(c.entryCount))
            self.slotStart = slotStart
            self.dayStart = dayStart
            self.dayFirst = dayFirst
            self.dayWorking = dayWorking
        }
    }

    /// Prices as Lagrangian multipliers: π = priority − the cheapest place's price (priority where
    /// the mission-day has no place).
    var multipliers: [Double] {
        (0..<candidates.missionDayCount).map { md in
            max(0, state.wage[md] == -.infinity ? candidates.priority[md] : state.wage[md])
        }
    }

    /// The held entries, in entry order.
    var plan: [Int32] {
        var result: [Int32] = []
        for s in state.slotHolder.indices where state.slotHolder[s] >= 0 { result.append(state.slotHolder[s]) }
        return result.sorted()
    }

    /// Bids until every reservist is content, or `shouldStop` (asked between batches) says so;
    /// the plan is feasible at every point.
    /// - Returns: true when the auction ended by itself.
    mutating func run(shouldStop: () -> Bool) -> Bool {
        var scratches = (0..<Self.chunkCount).map { _ in DecisionScratch() }
        var batch: [Int32] = []
        while queueHead < queue.count {
            if shouldStop() { return false }
            let end = min(queue.count, queueHead + Self.batchSize)
            batch.removeAll(keepingCapacity: true)
            batch.append(contentsOf: queue[queueHead..<end])
            queueHead = end
            if queueHead >= 1 << 20 {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            for r in batch { queued[Int(r)] = false }
            decide(batch, into: &scratches)
            // Apply in batch order: chunk k holds the decisions of batch[k·size/chunks ..< (k+1)·size/chunks].
            for k in scratches.indices {
                for bid in scratches[k].bids {
                    place(Int(bid.entry), day: Int(bid.day), missionDay: Int(bid.missionDay), bidder: Int(bid.reservist), price: bid.price)
                }
            }
        }
        return true
    }

    /// Every bidder's decision, computed in parallel against the current prices.
    private func decide(_ batch: [Int32], into scratches: inout [DecisionScratch]) {
        let count = batch.count, chunks = Self.chunkCount
        nonisolated(unsafe) let shared = self
        scratches.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out, bounds = state.dayBound
            DispatchQueue.concurrentPerform(iterations: chunks) { k in
                out[k].bids.removeAll(keepingCapacity: true)
                for i in (k * count / chunks)..<((k + 1) * count / chunks) {
                    shared.decide(Int(batch[i]), bounds: bounds, into: &out[k])
                }
            }
        }
    }

    /// Reservist r's bids at current prices. r keeps what it holds (prices only rose since it bought
    /// it) and adds its best days while they pay: days are examined best bound first, and a day's
    /// value is recomputed only when its bound is on top (lazy greedy). Writes only r's own bounds.
    private func decide(_ r: Int, bounds: UnsafeMutableBufferPointer<Double>, into out: inout DecisionScratch) {
        let c = candidates, rules = scenario.rules
        let first = Int(layout.dayStart[r]), last = Int(layout.dayStart[r + 1])
        guard first < last else { return }
        var taken = 0, workingTaken = 0
        out.state.removeAll(keepingCapacity: true)
        for k in first..<last {
            let held = state.dayHeld[k] >= 0
            if held {
                taken += 1
                if layout.dayWorking[k] { workingTaken += 1 }
            }
            // 0: open and not yet recomputed, 1: open and exact, 2: held or added.
            out.state.append(DayState(mark: held ? 2 : 0, entry: -1, second: -.infinity))
        }
        let capacity = Int(cap[r]), workingCapacity = Int(quota[r])
        // The open day with the best value (working days only, none, or either), exact.
        func top(_ working: Bool?, _ out: inout DecisionScratch) -> (index: Int, value: Double)? {
            while true {
                var best = -1, bound = -Double.infinity
                for i in out.state.indices where out.state[i].mark < 2 {
                    if let working, layout.dayWorking[first + i] != working { continue }
                    let b = bounds[first + i]
                    if b > bound { best = i; bound = b }
                }
                guard best >= 0, bound > -Double.infinity else { return nil }
                if out.state[best].mark == 1 { return (best, bound) }
                // Recompute: best and second-best call-up of that day.
                var value = -Double.infinity, second = -Double.infinity, entry = -1
                for e in Int(layout.dayFirst[first + best])..<Int(layout.dayFirst[first + best + 1]) {
                    let v = state.wage[Int(c.missionDay[e])] - c.cost[e]
                    if v > value { second = value; value = v; entry = e } else if v > second { second = v }
                }
                bounds[first + best] = value
                out.state[best] = DayState(mark: 1, entry: Int32(entry), second: second)
            }
        }
        out.added.removeAll(keepingCapacity: true)
        while taken < capacity {
            let quotaFull = workingTaken >= workingCapacity
            guard let (i, value) = top(quotaFull ? false : nil, &out) else { break }
            let threshold = taken >= rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0
            guard value > threshold else { break }
            out.state[i].mark = 2
            out.added.append(i)
            taken += 1
            if layout.dayWorking[first + i] { workingTaken += 1 }
        }
        guard !out.added.isEmpty else { return }
        // The best alternative to each new call-up: the day's second best, the best day left out
        // that could take its place, or the threshold of the last day in.
        let marginal = taken - 1 >= rules.fairShareDays ? rules.fairnessPenaltyPerDay : 0.0
        let quotaFull = workingTaken >= workingCapacity
        let leftOut = top(false, &out)?.value ?? -.infinity
        let leftOutWorking = top(true, &out)?.value ?? -.infinity
        for i in out.added {
            let day = out.state[i]
            var alternative = max(day.second, marginal, leftOut)
            if layout.dayWorking[first + i] || !quotaFull { alternative = max(alternative, leftOutWorking) }
            let e = Int(day.entry), md = c.missionDay[e]
            out.bids.append(Bid(entry: day.entry, day: Int32(first + i), missionDay: md, reservist: Int32(r),
                                price: c.priority[Int(md)] - c.cost[e] - alternative + epsilon))
        }
    }

    private func refreshCheapest(_ md: Int) {
        let from = Int(layout.slotStart[md]), to = Int(layout.slotStart[md + 1])
        guard from < to else { return }
        let price = state.slotPrice, holder = state.slotHolder
        var best = from
        for s in from + 1..<to where price[s] < price[best] || (price[s] == price[best] && holder[s] < 0 && holder[best] >= 0) {
            best = s
        }
        state.cheapestSlot[md] = Int32(best)
        state.wage[md] = candidates.priority[md] - price[best]
    }

    private mutating func requeue(_ r: Int) {
        guard !queued[r] else { return }
        queued[r] = true
        queue.append(Int32(r))
    }

    /// Entry e (reservist-day k of `bidder`, on mission-day md) bids `price` for md's cheapest place:
    /// it wins when the place is free at no more than that, or held at less; otherwise its reservist
    /// decides again later. (Everything it touches is indexed by place, mission-day or reservist-day,
    /// never by entry: the entry arrays are the large ones.)
    private mutating func place(_ e: Int, day k: Int, missionDay md: Int, bidder: Int, price: Double) {
        let s = Int(state.cheapestSlot[md])
        let holder = Int(state.slotHolder[s])
        guard holder < 0 ? price >= state.slotPrice[s] : price > state.slotPrice[s] else {
            requeue(bidder)
            return
        }
        bids += 1
        if holder >= 0 {
            let lost = Int(state.slotDay[s])
            state.dayHeld[lost] = -1
            state.dayBound[lost] = .infinity
            requeue(Int(state.slotReservist[s]))
        }
        state.slotHolder[s] = Int32(e)
        state.slotReservist[s] = Int32(bidder)
        state.slotPrice[s] = price
        state.slotDay[s] = Int32(k)
        state.dayHeld[k] = Int32(e)
        refreshCheapest(md)
    }
}

/// The auction's mutable arrays, allocated once and written in place. Deciders running in parallel
/// read prices and write only their own reservists' `dayBound`; bids are applied on one thread.
private final class AuctionState {
    let slotPrice: UnsafeMutableBufferPointer<Double>
    /// Entry holding each place, or -1; the holder's reservist-day and reservist.
    let slotHolder: UnsafeMutableBufferPointer<Int32>
    let slotDay: UnsafeMutableBufferPointer<Int32>
    let slotReservist: UnsafeMutableBufferPointer<Int32>
    /// Per mission-day: the cheapest place (-1 without places), and priority − its price (−∞ without places).
    let cheapestSlot: UnsafeMutableBufferPointer<Int32>
    let wage: UnsafeMutableBufferPointer<Double>
    /// Per reservist-day: the entry held (-1), and an upper bound on the best value of its entries at
    /// current prices (prices only rise, so a value once computed stays a bound); +∞ when unknown.
    let dayHeld: UnsafeMutableBufferPointer<Int32>
    let dayBound: UnsafeMutableBufferPointer<Double>

    init(places: Int, missionDays: Int, reservistDays: Int) {
        slotPrice = .allocate(capacity: places)
        slotPrice.initialize(repeating: 0)
        slotHolder = .allocate(capacity: places)
        slotHolder.initialize(repeating: -1)
        slotDay = .allocate(capacity: places)
        slotDay.initialize(repeating: -1)
        slotReservist = .allocate(capacity: places)
        slotReservist.initialize(repeating: -1)
        cheapestSlot = .allocate(capacity: missionDays)
        cheapestSlot.initialize(repeating: -1)
        wage = .allocate(capacity: missionDays)
        wage.initialize(repeating: -.infinity)
        dayHeld = .allocate(capacity: reservistDays)
        dayHeld.initialize(repeating: -1)
        dayBound = .allocate(capacity: reservistDays)
        dayBound.initialize(repeating: .infinity)
    }

    deinit {
        for buffer in [slotPrice, wage, dayBound] { buffer.deallocate() }
        for buffer in [slotHolder, slotDay, slotReservist, cheapestSlot, dayHeld] { buffer.deallocate() }
    }
}

private struct DayState {
    var mark: UInt8
    var entry: Int32
    var second: Double
}

/// One chunk's decisions and working buffers.
private struct DecisionScratch {
    var state: [DayState] = []
    var added: [Int] = []
    var bids: [Bid] = []
}

/// A bid for a mission-day's cheapest place.
private struct Bid {
    var entry: Int32
    /// The bidder's reservist-day.
    var day: Int32
    var missionDay: Int32
    var reservist: Int32
    var price: Double
}
