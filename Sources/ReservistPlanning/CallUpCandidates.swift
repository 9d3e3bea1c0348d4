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

    /// Per reservist: days left under the annual cap, and working days left under the employer
    /// quota (`Int32.max`: no quota), as the solver's limits.
    private(set) var daysLeft: [Int32] = []
    private(set) var workingDaysLeft: [Int32] = []

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
        daysLeft = scenario.reservists.map { Int32(clamping: $0.remainingDays) }
        workingDaysLeft = scenario.reservists.map { Int32(clamping: $0.workingDaysLeft(scenario.rules)) }
        var parts = buildParts(sampleEvery: stride)
        let offsets = fill(&parts)
        indexByMissionDay(&parts, entryOffsets: offsets)
    }

    /// Pass one of the build: reservists in fixed chunks, in parallel. Each chunk lists its
    /// (reservist, mission) pairs with at least one call-up (their entries share the pair's cost),
    /// counts the entries of each reservist and of each mission-day, and stores no entry: `fill`
    /// writes them straight into the final arrays once their places are known (count, then fill).
    private func buildParts(sampleEvery stride: Int) -> [Part] {
        let scenario = scenario, rules = scenario.rules
        let reach = MissionReach(scenario)
        let reservistCount = scenario.reservists.count
        let chunkCount = min(16, max(1, reservistCount / 256))
        var parts = [Part](repeating: Part(), count: chunkCount)
        let spans = MissionSpans(self), mdCount = needed.count
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunkCount) { k in
                var part = Part()
                part.firstReservist = k * reservistCount / chunkCount
                part.perMissionDay = [Int32](repeating: 0, count: mdCount)
                var reachable: [(mission: Int, cost: Double)] = []
                var days = CallableDays(scenario)
                var entries: Int32 = 0
                for index in part.firstReservist..<((k + 1) * reservistCount / chunkCount) {
                    defer {
                        part.counts.append(entries)
                        part.reservistPairEnd.append(Int32(part.pairMission.count))
                    }
                    let reservist = scenario.reservists[index]
                    guard index % stride == 0, reservist.remainingDays > 0, !reservist.availableDays.isEmpty else { continue }
                    reach.missions(of: reservist, into: &reachable)
                    guard !reachable.isEmpty else { continue }
                    days.compute(for: reservist, rules: rules)
                    part.perMissionDay.withUnsafeMutableBufferPointer { mdCounts in
                        for (m, c) in reachable {
                            var found: Int32 = 0
                            spans.forEachCallUp(mission: m, cost: c, on: days.days) { _, md in
                                found += 1
                                mdCounts[md] += 1
                            }
                            guard found > 0 else { continue }
                            entries += found
                            part.pairMission.append(Int32(m))
                            part.pairCost.append(c)
                            part.pairReservist.append(Int32(index))
                            part.pairEnd.append(entries)
                        }
                    }
                }
                out[k] = part
            }
        }
        return parts
    }

    /// Pass two: every entry written once into the final arrays, in parallel by chunk (each chunk
    /// writes only its own reservists' entries and starts; see `write(_:at:into:)`). Each chunk
    /// also records where its pairs' entries went (`pairEntry`, for the reverse index).
    /// - Returns: each chunk's first entry, then the entry count.
    private mutating func fill(_ parts: inout [Part]) -> [Int] {
        var offset = [0]
        for part in parts { offset.append(offset[offset.count - 1] + Int(part.counts.last ?? 0)) }
        let offsets = offset, total = offset[parts.count]
        let writer = ChunkWriter(scenario: scenario, spans: MissionSpans(self))
        var starts = [Int32](repeating: 0, count: scenario.reservists.count + 1)
        var pairEntries = [[Int32]](repeating: [], count: parts.count)
        let snapshot = parts
        entryReservist = [Int32](unsafeUninitializedCapacity: total) { reservistOut, reservistDone in
            day = [Int16](unsafeUninitializedCapacity: total) { dayOut, dayDone in
                missionDay = [Int32](unsafeUninitializedCapacity: total) { missionDayOut, missionDayDone in
                    cost = [Double](unsafeUninitializedCapacity: total) { costOut, costDone in
                        starts.withUnsafeMutableBufferPointer { startOut in
                            pairEntries.withUnsafeMutableBufferPointer { pairOut in
                                nonisolated(unsafe) let out = EntryBuffers(day: dayOut, missionDay: missionDayOut, cost: costOut,
                                                                           reservist: reservistOut, start: startOut)
                                nonisolated(unsafe) let pairOut = pairOut
                                DispatchQueue.concurrentPerform(iterations: snapshot.count) { k in
                                    pairOut[k] = writer.write(snapshot[k], at: offsets[k], into: out)
                                }
                            }
                        }
                        costDone = total
                    }
                    missionDayDone = total
                }
                dayDone = total
            }
            reservistDone = total
        }
        for k in parts.indices { parts[k].pairEntry = pairEntries[k] }
        reservistStart = starts
        return offsets
    }

    /// An array of `count` elements that `fill(k, buffer)`, run in parallel for k in `0 ..< pieces`,
    /// writes together, each element exactly once (it is not zeroed first).
    private static func filled<T>(_ count: Int, _ pieces: Int,
                                  _ fill: @Sendable (Int, UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: pieces) { k in fill(k, buffer) }
            initialized = count
        }
    }

    /// The reverse index, cheapest first within each mission-day (ties: entry order). A
    /// (reservist, mission) pair's entries share its cost, and a mission-day holds at most one entry
    /// of a reservist, so sorting each mission's pairs by (cost, reservist) orders all its
    /// mission-days at once: each mission's pairs are sorted, then their entries dealt to its
    /// mission-days in that order. Missions are independent, so this runs in parallel; the result
    /// does not depend on the number of cores. Empties `parts` first (the peak memory is the build's).
    private mutating func indexByMissionDay(_ parts: inout [Part], entryOffsets: [Int]) {
        let mdCount = needed.count, missionCount = missionDayStart.count
        // Each mission-day's start: its entries counted chunk by chunk.
        var mdStart = [Int32](repeating: 0, count: mdCount + 1)
        for md in 0..<mdCount {
            var sum: Int32 = 0
            for part in parts { sum += part.perMissionDay[md] }
            mdStart[md + 1] = mdStart[md] + sum
        }
        // The chunks' counts are no longer needed, nor, once listed, their pairs.
        for k in parts.indices { parts[k].perMissionDay = [] }
        var pairs = pairLists(parts, entryOffsets: entryOffsets)
        parts = []
        let starts = mdStart, pairStarts = pairs.missionStart, firsts = pairs.first, entries = pairs.entries
        let slots = pairs.slots, pieces = 16, mdFirst = missionDayStart
        let order: [Int32] = pairs.keys.withUnsafeMutableBufferPointer { keys in
            nonisolated(unsafe) let keys = keys
            // Every entry is dealt to exactly one place of `order`.
            return Self.filled(entryCount, pieces) { piece, order in
                var next: [Int32] = []
                for m in (piece * missionCount / pieces)..<((piece + 1) * missionCount / pieces) {
                    let from = Int(pairStarts[m]), to = Int(pairStarts[m + 1])
                    guard from < to else { continue }
                    PairKey.sort(UnsafeMutableBufferPointer(rebasing: keys[from..<to]))
                    let firstMD = Int(mdFirst[m]), lastMD = m + 1 < mdFirst.count ? Int(mdFirst[m + 1]) : mdCount
                    next.removeAll(keepingCapacity: true)
                    next.append(contentsOf: starts[firstMD..<lastMD])
                    for i in from..<to {
                        let p = Int(keys[i].pair)
                        for q in Int(firsts[p])..<Int(firsts[p + 1]) {
                            let slot = Int(slots[q])
                            order[Int(next[slot])] = entries[q]
                            next[slot] += 1
                        }
                    }
                }
            }
        }
        byMissionDayStart = mdStart
        byMissionDay = order
    }

    /// The chunks' (reservist, mission) pairs bucketed by mission, in chunk order (so reservist
    /// order): mission m's keys are `keys[missionStart[m] ..< missionStart[m + 1]]`; pair p's entries
    /// are `entries[first[p] ..< first[p + 1]]` (global entry numbers), with their mission-day's place
    /// in the mission in `slots`.
    private struct PairLists {
        var missionStart: [Int32]
        var keys: [PairKey]
        var first: [Int32]
        var entries: [Int32]
        var slots: [Int16]
    }

    private func pairLists(_ parts: [Part], entryOffsets: [Int]) -> PairLists {
        let missionCount = missionDayStart.count
        var pairOffset = [0]
        for part in parts { pairOffset.append(pairOffset[pairOffset.count - 1] + part.pairMission.count) }
        let pairCount = pairOffset[parts.count]
        // Where chunk k's pairs of mission m go: after mission m's pairs of the chunks before k.
        var cursor = [Int32](repeating: 0, count: parts.count * missionCount)
        for (k, part) in parts.enumerated() { for m in part.pairMission { cursor[k * missionCount + Int(m)] += 1 } }
        var missionStart = [Int32](repeating: 0, count: missionCount + 1)
        for m in 0..<missionCount {
            var sum: Int32 = 0
            for k in parts.indices {
                let count = cursor[k * missionCount + m]
                cursor[k * missionCount + m] = missionStart[m] + sum
                sum += count
            }
            missionStart[m + 1] = missionStart[m] + sum
        }
        let pairOffsets = pairOffset, mdFirst = missionDayStart, mdOf = missionDay
        var first = [Int32](repeating: 0, count: pairCount + 1)
        let keys: [PairKey] = first.withUnsafeMutableBufferPointer { firstOut in
            cursor.withUnsafeMutableBufferPointer { cursor in
                nonisolated(unsafe) let firstOut = firstOut, cursor = cursor
                return Self.filled(pairCount, parts.count) { k, keys in
                    let part = parts[k], entryBase = entryOffsets[k], pairBase = pairOffsets[k]
                    for (j, m) in part.pairMission.enumerated() {
                        let at = Int(cursor[k * missionCount + Int(m)])
                        cursor[k * missionCount + Int(m)] += 1
                        keys[at] = PairKey(part.pairCost[j], part.pairReservist[j], Int32(pairBase + j))
                        firstOut[pairBase + j + 1] = Int32(entryBase + Int(part.pairEnd[j]))
                    }
                }
            }
        }
        let entries: [Int32] = Self.filled(entryCount, parts.count) { k, entriesOut in
            let part = parts[k], entryBase = entryOffsets[k]
            for (q, local) in part.pairEntry.enumerated() { entriesOut[entryBase + q] = Int32(entryBase + Int(local)) }
        }
        let slots: [Int16] = Self.filled(entryCount, parts.count) { k, slotsOut in
            let part = parts[k], entryBase = entryOffsets[k]
            var q = 0
            for (j, m) in part.pairMission.enumerated() {
                let end = Int(part.pairEnd[j])
                while q < end {
                    slotsOut[entryBase + q] = Int16(mdOf[entryBase + Int(part.pairEntry[q])] - mdFirst[Int(m)])
                    q += 1
                }
            }
        }
        return PairLists(missionStart: missionStart, keys: keys, first: first, entries: entries, slots: slots)
    }

    /// A (reservist, mission) pair keyed by its cost for sorting: ascending cost, then reservist.
    private struct PairKey {
        /// The cost's bits, mapped so that unsigned order is numeric order.
        var key: UInt64
        var reservist: Int32
        /// The pair's number (chunk by chunk, in each chunk's order).
        var pair: Int32

        init(_ cost: Double, _ reservist: Int32, _ pair: Int32) {
            let bits = cost.bitPattern
            key = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
            self.reservist = reservist
            self.pair = pair
        }

        @inline(__always) static func < (a: PairKey, b: PairKey) -> Bool {
            a.key < b.key || (a.key == b.key && a.reservist < b.reservist)
        }

        /// Quicksort (median of three, insertion sort below 16): a mission has one pair per
        /// reservist, so keys are distinct and stability is moot.
        static func sort(_ a: UnsafeMutableBufferPointer<PairKey>) {
            guard a.count > 1 else { return }
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

    /// One chunk of reservists: each reservist's end offset in entries and in pairs (within the chunk).
    fileprivate struct Part {
        var firstReservist = 0
        var counts: [Int32] = []
        var reservistPairEnd: [Int32] = []
        /// Its (reservist, mission) pairs: pair j's entries are at `pairEntry[pairEnd[j-1] ..< pairEnd[j]]`
        /// (positions in this chunk, written by `fill`).
        var pairMission: [Int32] = []
        var pairCost: [Double] = []
        var pairReservist: [Int32] = []
        var pairEnd: [Int32] = []
        var pairEntry: [Int32] = []
        /// Entries per mission-day.
        var perMissionDay: [Int32] = []
    }

    var missionDayCount: Int { needed.count }
    var entryCount: Int { day.count }
}

/// A reservist's callable days, ascending and once each (availableDays may repeat a day): on or
/// after its notice, and off working days once its employer quota is used up. Reuses its buffers.
private struct CallableDays {
    private let dayCount: Int
    private let workingDay: [Bool]
    private let scenario: ReservistScenario
    private var callable: [Bool]
    private(set) var days: [Int] = []

    init(_ scenario: ReservistScenario) {
        self.scenario = scenario
        dayCount = scenario.dayCount
        workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
        callable = [Bool](repeating: false, count: scenario.dayCount)
    }

    mutating func compute(for reservist: Reservist, rules: ReservistRules) {
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
    }
}

/// Each mission's days and mission-days, flat (the loops never copy a `Mission`: its arrays
/// retained and released were the hot spot).
private struct MissionSpans {
    let first: [Int], last: [Int]
    let missionDayStart: [Int32], needed: [Int32], priority: [Double]

    init(_ c: CallUpCandidates) {
        first = c.scenario.missions.map(\.firstDay)
        last = c.scenario.missions.map(\.lastDay)
        missionDayStart = c.missionDayStart
        needed = c.needed
        priority = c.priority
    }

    /// Calls `body(slot, md)` for each callable day `days[slot]` of mission m, in day order, whose
    /// mission-day md needs reservists. A call-up costing at least the shortfall price is never
    /// better than the shortfall itself: leaving it out changes no optimum and no bound.
    @inline(__always)
    func forEachCallUp(mission m: Int, cost: Double, on days: [Int], _ body: (Int, Int) -> Void) {
        let firstDay = first[m], lastDay = last[m]
        // The first callable day on or after the mission's first (binary search).
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] < firstDay { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < days.count && days[i] <= lastDay {
            let md = Int(missionDayStart[m]) + days[i] - firstDay
            if needed[md] > 0 && cost < priority[md] { body(i, md) }
            i += 1
        }
    }
}

/// The final entry arrays and reservist starts, written in place by `ChunkWriter`.
private struct EntryBuffers {
    let day: UnsafeMutableBufferPointer<Int16>
    let missionDay: UnsafeMutableBufferPointer<Int32>
    let cost: UnsafeMutableBufferPointer<Double>
    let reservist: UnsafeMutableBufferPointer<Int32>
    let start: UnsafeMutableBufferPointer<Int32>
}

/// Writes one chunk's entries (pass two of the build) from its pairs.
private struct ChunkWriter {
    let scenario: ReservistScenario
    let spans: MissionSpans

    /// The chunk's entries from `base` on: a reservist's call-ups in day order, and within a day in
    /// pair order (counting sort, stable); its reservists' starts.
    /// - Returns: where each pair's entries went (positions in the chunk, in pair order).
    func write(_ part: CallUpCandidates.Part, at base: Int, into out: EntryBuffers) -> [Int32] {
        var pairEntry = [Int32](repeating: 0, count: Int(part.counts.last ?? 0))
        var days = CallableDays(scenario)
        var found: [(slot: Int32, missionDay: Int32, cost: Double)] = []
        var perDay: [Int32] = []
        var previous = 0, firstPair = 0
        for (j, end) in part.counts.enumerated() {
            let r = part.firstReservist + j, lastPair = Int(part.reservistPairEnd[j])
            defer {
                out.start[r + 1] = Int32(base + Int(end))
                previous = Int(end)
                firstPair = lastPair
            }
            guard firstPair < lastPair else { continue }
            days.compute(for: scenario.reservists[r], rules: scenario.rules)
            found.removeAll(keepingCapacity: true)
            perDay.removeAll(keepingCapacity: true)
            perDay.append(contentsOf: repeatElement(0, count: days.days.count + 1))
            for p in firstPair..<lastPair {
                let c = part.pairCost[p]
                spans.forEachCallUp(mission: Int(part.pairMission[p]), cost: c, on: days.days) { slot, md in
                    found.append((Int32(slot), Int32(md), c))
                    perDay[slot + 1] += 1
                }
            }
            for i in 0..<days.days.count { perDay[i + 1] += perDay[i] }
            for (q, call) in found.enumerated() {
                let slot = Int(call.slot)
                let at = previous + Int(perDay[slot])
                perDay[slot] += 1
                out.day[base + at] = Int16(days.days[slot])
                out.missionDay[base + at] = call.missionDay
                out.cost[base + at] = call.cost
                out.reservist[base + at] = Int32(r)
                pairEntry[previous + q] = Int32(at)
            }
        }
        return pairEntry
    }
}
