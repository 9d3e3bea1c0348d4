import Dispatch
import ReservistScenario

/// Every call-up a hard rule allows, as flat arrays: for reservist r, entries
/// `reservistStart[r] ..< reservistStart[r+1]` give (day, mission-day, daily cost),
/// ordered by day. The reverse index lists, for each mission-day, its entries.
/// Availability, notice, travel limit, skill and police reservists off public
/// order are applied here; cap, employer quota, one mission a day and active
/// staff are left to the solver.
struct CallUpCandidates {
    let scenario: ReservistScenario
    /// Mission-day numbering: mission m, day d is `missionDayStart[m] + d - firstDay`.
    private(set) var missionDayStart: [Int32] = []
    private(set) var missionDayMission: [Int32] = []
    private(set) var missionDayDay: [Int16] = []
    private(set) var needed: [Int32] = []
    /// Reservists allowed on the mission-day (activeStaff, or needed when unpaired).
    private(set) var limit: [Int32] = []
    private(set) var priority: [Double] = []

    private(set) var reservistStart: [Int32] = [0]
    private(set) var day: [Int16] = []
    private(set) var missionDay: [Int32] = []
    private(set) var cost: [Double] = []

    /// Reverse index: entries of mission-day md are `byMissionDay[byMissionDayStart[md] ..< …[md+1]]`.
    private(set) var byMissionDayStart: [Int32] = []
    private(set) var byMissionDay: [Int32] = []
    /// Reservist of each entry.
    private(set) var entryReservist: [Int32] = []

    /// - Parameter stride: keep only every `stride`-th reservist (the others get no entry): a
    ///   sample from which the whole instance's size is estimated before it is built.
    init(scenario: ReservistScenario, sampleEvery stride: Int = 1) {
        self.scenario = scenario
        for mission in scenario.missions {
            missionDayStart.append(Int32(needed.count))
            for (offset, count) in mission.needed.enumerated() {
                missionDayMission.append(Int32(missionDayStart.count - 1))
                missionDayDay.append(Int16(mission.firstDay + offset))
                needed.append(Int32(count))
                limit.append(Int32(min(count, mission.activeStaff?[offset] ?? count)))
                priority.append(mission.priority)
            }
        }
        join(buildParts(sampleEvery: stride))
        indexByMissionDay()
    }

    /// Reservists in fixed chunks, built in parallel (joined in order: the same arrays for any
    /// number of cores).
    private func buildParts(sampleEvery stride: Int) -> [Part] {
        let scenario = scenario, rules = scenario.rules
        let reach = MissionReach(scenario)
        let missionFirst = scenario.missions.map(\.firstDay), missionLast = scenario.missions.map(\.lastDay)
        let workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
        let reservistCount = scenario.reservists.count
        let chunkCount = min(16, max(1, reservistCount / 256))
        var parts = [Part](repeating: Part(), count: chunkCount)
        let missionDayStart = missionDayStart, needed = needed, priority = priority
        let dayCount = scenario.dayCount
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunkCount) { k in
                var part = Part()
                part.firstReservist = k * reservistCount / chunkCount
                var reachable: [(mission: Int, cost: Double)] = []
                // The reservist's callable days, ascending and once each (availableDays may repeat a day).
                var days: [Int] = []
                var callable = [Bool](repeating: false, count: dayCount)
                // Call-ups in mission order, then placed in day order (stable within a day).
                var found: [(slot: Int32, missionDay: Int32, cost: Double)] = []
                var perDay: [Int32] = []
                for index in part.firstReservist..<((k + 1) * reservistCount / chunkCount) {
                    defer { part.counts.append(Int32(part.day.count)) }
                    let reservist = scenario.reservists[index]
                    guard index % stride == 0, reservist.remainingDays > 0, !reservist.availableDays.isEmpty else { continue }
                    reach.missions(of: reservist, into: &reachable)
                    guard !reachable.isEmpty else { continue }
                    let first = reservist.firstCallableDay(in: scenario)
                    let quotaBlocked = reservist.workingDaysLeft(rules) == 0
                    for d in reservist.availableDays where d >= max(0, first) && d < dayCount && !(quotaBlocked && workingDay[d]) {
                        callable[d] = true
                    }
                    days.removeAll(keepingCapacity: true)
                    for d in 0..<dayCount where callable[d] {
                        days.append(d)
                        callable[d] = false
                    }
                    found.removeAll(keepingCapacity: true)
                    perDay.removeAll(keepingCapacity: true)
                    perDay.append(contentsOf: repeatElement(0, count: days.count + 1))
                    for (m, c) in reachable {
                        // Flat lookups: copying a `Mission` here (its arrays retained and released) was the hot spot.
                        let firstDay = missionFirst[m], lastDay = missionLast[m]
                        // The first callable day on or after the mission's first (binary search).
                        var lo = 0, hi = days.count
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if days[mid] < firstDay { lo = mid + 1 } else { hi = mid }
                        }
                        var i = lo
                        while i < days.count && days[i] <= lastDay {
                            let md = Int(missionDayStart[m]) + days[i] - firstDay
                            // A call-up costing at least the shortfall price is never better than the
                            // shortfall itself: leaving it out changes no optimum and no bound.
                            if needed[md] > 0 && c < priority[md] {
                                found.append((Int32(i), Int32(md), c))
                                perDay[i + 1] += 1
                            }
                            i += 1
                        }
                    }
                    // Day order, and within a day the order of `reachable` (counting sort, stable).
                    for i in 0..<days.count { perDay[i + 1] += perDay[i] }
                    let base = part.day.count
                    part.day.append(contentsOf: repeatElement(0, count: found.count))
                    part.missionDay.append(contentsOf: repeatElement(0, count: found.count))
                    part.cost.append(contentsOf: repeatElement(0, count: found.count))
                    for call in found {
                        let at = base + Int(perDay[Int(call.slot)])
                        perDay[Int(call.slot)] += 1
                        part.day[at] = Int16(days[Int(call.slot)])
                        part.missionDay[at] = call.missionDay
                        part.cost[at] = call.cost
                    }
                }
                out[k] = part
            }
        }
        return parts
    }

    /// The chunks joined in order, each copied in parallel at its offset.
    private mutating func join(_ parts: [Part]) {
        var offset = [0]
        for part in parts { offset.append(offset[offset.count - 1] + part.day.count) }
        let offsets = offset, total = offset[parts.count]
        var starts = [Int32](repeating: 0, count: scenario.reservists.count + 1)
        var owner = [Int32](repeating: 0, count: total)
        day = [Int16](repeating: 0, count: total)
        missionDay = [Int32](repeating: 0, count: total)
        cost = [Double](repeating: 0, count: total)
        day.withUnsafeMutableBufferPointer { dayOut in
            missionDay.withUnsafeMutableBufferPointer { missionDayOut in
                cost.withUnsafeMutableBufferPointer { costOut in
                    owner.withUnsafeMutableBufferPointer { ownerOut in
                        starts.withUnsafeMutableBufferPointer { startOut in
                            nonisolated(unsafe) let dayOut = dayOut, missionDayOut = missionDayOut, costOut = costOut
                            nonisolated(unsafe) let ownerOut = ownerOut, startOut = startOut
                            DispatchQueue.concurrentPerform(iterations: parts.count) { k in
                                let part = parts[k], base = offsets[k]
                                for i in part.day.indices {
                                    dayOut[base + i] = part.day[i]
                                    missionDayOut[base + i] = part.missionDay[i]
                                    costOut[base + i] = part.cost[i]
                                }
                                var previous = 0
                                for (j, end) in part.counts.enumerated() {
                                    let r = part.firstReservist + j
                                    for i in previous..<Int(end) { ownerOut[base + i] = Int32(r) }
                                    startOut[r + 1] = Int32(base + Int(end))
                                    previous = Int(end)
                                }
                            }
                        }
                    }
                }
            }
        }
        reservistStart = starts
        entryReservist = owner
    }

    /// The reverse index, cheapest first within each mission-day (ties: entry order): a counting sort
    /// in fixed pieces of entries (parallel, the same result as a sequential one) that carries each
    /// entry's cost, so that the per-mission-day sorts, also in parallel, read memory in order.
    private mutating func indexByMissionDay() {
        let total = entryCount, mdCount = needed.count
        let pieces = 8
        var histogram = [Int32](repeating: 0, count: pieces * mdCount)
        let mdOf = missionDay, costOf = cost
        histogram.withUnsafeMutableBufferPointer { h in
            nonisolated(unsafe) let h = h
            DispatchQueue.concurrentPerform(iterations: pieces) { k in
                for e in (k * total / pieces)..<((k + 1) * total / pieces) { h[k * mdCount + Int(mdOf[e])] += 1 }
            }
        }
        // Start of (piece k, md) = start of md + what pieces before k hold of md.
        var mdStart = [Int32](repeating: 0, count: mdCount + 1)
        for md in 0..<mdCount {
            var sum: Int32 = 0
            for k in 0..<pieces {
                let count = histogram[k * mdCount + md]
                histogram[k * mdCount + md] = mdStart[md] + sum
                sum += count
            }
            mdStart[md + 1] = mdStart[md] + sum
        }
        var order = [Int32](repeating: 0, count: total)
        var orderCost = [Double](repeating: 0, count: total)
        order.withUnsafeMutableBufferPointer { o in
            orderCost.withUnsafeMutableBufferPointer { oc in
                histogram.withUnsafeMutableBufferPointer { cursor in
                    nonisolated(unsafe) let o = o, oc = oc, cursor = cursor
                    DispatchQueue.concurrentPerform(iterations: pieces) { k in
                        for e in (k * total / pieces)..<((k + 1) * total / pieces) {
                            let at = Int(cursor[k * mdCount + Int(mdOf[e])])
                            cursor[k * mdCount + Int(mdOf[e])] += 1
                            o[at] = Int32(e)
                            oc[at] = costOf[e]
                        }
                    }
                }
            }
        }
        let sortedCost = orderCost, starts = mdStart
        orderCost = []
        order.withUnsafeMutableBufferPointer { order in
            nonisolated(unsafe) let order = order
            DispatchQueue.concurrentPerform(iterations: 16) { k in
                var keyed: [CostKey] = []
                for md in (k * mdCount / 16)..<((k + 1) * mdCount / 16) {
                    let range = Int(starts[md])..<Int(starts[md + 1])
                    keyed.removeAll(keepingCapacity: true)
                    for i in range { keyed.append(CostKey(sortedCost[i], order[i])) }
                    keyed.withUnsafeMutableBufferPointer { CostKey.sort($0) }
                    for (offset, key) in keyed.enumerated() { order[range.lowerBound + offset] = key.entry }
                }
            }
        }
        byMissionDayStart = mdStart
        byMissionDay = order
    }

    /// A call-up keyed by its cost for sorting: ascending cost, then entry.
    private struct CostKey {
        /// The cost's bits, mapped so that unsigned order is numeric order.
        var key: UInt64
        var entry: Int32

        init(_ cost: Double, _ entry: Int32) {
            let bits = cost.bitPattern
            key = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
            self.entry = entry
        }

        @inline(__always) static func < (a: CostKey, b: CostKey) -> Bool {
            a.key < b.key || (a.key == b.key && a.entry < b.entry)
        }

        /// Quicksort (median of three, insertion sort below 16): keys are distinct, so stability is moot.
        static func sort(_ a: UnsafeMutableBufferPointer<CostKey>) {
            var stack: [(Int, Int)] = [(0, a.count - 1)]
            while let (low, high) = stack.popLast() {
                var lo = low, hi = high
                while hi - lo > 16 {
                    let mid = (lo + hi) / 2
                    if a[mid] < a[lo] { a.swapAt(mid, lo) }
                    if a[hi] < a[lo] { a.swapAt(hi, lo) }
                    if a[hi] < a[mid] { a.swapAt(hi, mid) }
                    let pivot = a[mid]
                    var i = lo, j = hi
                    while i <= j {
                        while a[i] < pivot { i += 1 }
                        while pivot < a[j] { j -= 1 }
                        if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
                    }
                    // Recurse into the smaller side later, loop on the larger one.
                    if j - lo < hi - i { stack.append((lo, j)); lo = i } else { stack.append((i, hi)); hi = j }
                }
                if hi > lo {
                    for i in (lo + 1)...hi {
                        let x = a[i]
                        var j = i - 1
                        while j >= lo && x < a[j] { a[j + 1] = a[j]; j -= 1 }
                        a[j + 1] = x
                    }
                }
            }
        }
    }

    /// One chunk of reservists' entries, with each reservist's end offset.
    private struct Part {
        var firstReservist = 0
        var day: [Int16] = []
        var missionDay: [Int32] = []
        var cost: [Double] = []
        var counts: [Int32] = []
    }

    var missionDayCount: Int { needed.count }
    var entryCount: Int { day.count }
}
