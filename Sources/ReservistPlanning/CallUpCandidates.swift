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
        let rules = scenario.rules
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
        let reach = MissionReach(scenario)
        let missionFirst = scenario.missions.map(\.firstDay), missionLast = scenario.missions.map(\.lastDay)
        let workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
        // Reservists in fixed chunks, built in parallel and joined in order: the same arrays for any
        // number of cores.
        let reservistCount = scenario.reservists.count
        let chunkCount = min(16, max(1, reservistCount / 256))
        var parts = [Part](repeating: Part(), count: chunkCount)
        let missionDayStart = missionDayStart, needed = needed, priority = priority
        parts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: chunkCount) { k in
                var part = Part()
                var reachable: [(mission: Int, cost: Double)] = []
                for index in (k * reservistCount / chunkCount)..<((k + 1) * reservistCount / chunkCount) {
                    defer { part.counts.append(Int32(part.day.count)) }
                    let reservist = scenario.reservists[index]
                    guard index % stride == 0, reservist.remainingDays > 0, !reservist.availableDays.isEmpty else { continue }
                    reach.missions(of: reservist, into: &reachable)
                    guard !reachable.isEmpty else { continue }
                    let first = reservist.firstCallableDay(in: scenario)
                    let quotaBlocked = reservist.workingDaysLeft(rules) == 0
                    for d in reservist.availableDays where d >= first && d < scenario.dayCount {
                        if quotaBlocked && workingDay[d] { continue }
                        for (m, c) in reachable {
                            // Flat lookups: copying a `Mission` here (its arrays retained and released) was the hot spot.
                            let firstDay = missionFirst[m]
                            guard d >= firstDay, d <= missionLast[m] else { continue }
                            let md = Int(missionDayStart[m]) + d - firstDay
                            // A call-up costing at least the shortfall price is never better than the
                            // shortfall itself: leaving it out changes no optimum and no bound.
                            guard needed[md] > 0, c < priority[md] else { continue }
                            part.day.append(Int16(d))
                            part.missionDay.append(Int32(md))
                            part.cost.append(c)
                        }
                    }
                }
                out[k] = part
            }
        }
        let total = parts.reduce(0) { $0 + $1.day.count }
        day.reserveCapacity(total)
        missionDay.reserveCapacity(total)
        cost.reserveCapacity(total)
        entryReservist.reserveCapacity(total)
        reservistStart.reserveCapacity(reservistCount + 1)
        for part in parts {
            let base = Int32(day.count)
            day.append(contentsOf: part.day)
            missionDay.append(contentsOf: part.missionDay)
            cost.append(contentsOf: part.cost)
            var previous: Int32 = 0
            for end in part.counts {
                for _ in previous..<end { entryReservist.append(Int32(reservistStart.count - 1)) }
                reservistStart.append(base + end)
                previous = end
            }
        }
        parts = []
        // Reverse index by counting sort.
        var counts = [Int32](repeating: 0, count: needed.count + 1)
        for md in missionDay { counts[Int(md) + 1] += 1 }
        for i in 0..<needed.count { counts[i + 1] += counts[i] }
        byMissionDayStart = counts
        var cursor = counts
        byMissionDay = [Int32](repeating: 0, count: missionDay.count)
        for (e, md) in missionDay.enumerated() {
            byMissionDay[Int(cursor[Int(md)])] = Int32(e)
            cursor[Int(md)] += 1
        }
        // Cheapest first within each mission-day (ties: entry order), mission-days in parallel.
        let costs = cost, starts = byMissionDayStart, mdCount = needed.count
        byMissionDay.withUnsafeMutableBufferPointer { order in
            nonisolated(unsafe) let order = order
            DispatchQueue.concurrentPerform(iterations: 16) { k in
                var keyed: [(Double, Int32)] = []
                for md in (k * mdCount / 16)..<((k + 1) * mdCount / 16) {
                    let range = Int(starts[md])..<Int(starts[md + 1])
                    keyed.removeAll(keepingCapacity: true)
                    for i in range { keyed.append((costs[Int(order[i])], order[i])) }
                    keyed.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                    for (offset, pair) in keyed.enumerated() { order[range.lowerBound + offset] = pair.1 }
                }
            }
        }
    }

    /// One chunk of reservists' entries, with each reservist's end offset.
    private struct Part {
        var day: [Int16] = []
        var missionDay: [Int32] = []
        var cost: [Double] = []
        var counts: [Int32] = []
    }

    var missionDayCount: Int { needed.count }
    var entryCount: Int { day.count }
}
