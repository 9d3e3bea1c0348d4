import ReservistScenario

/// Lengthens stints without raising the cost: when reservist r works mission m
/// on day d and another reservist s works m on day d+1, r and s exchange their
/// day-(d+1) duties if both may, the cost does not rise (costs are per
/// reservist and mission, so only a tie or a gain passes) and no limit is broken.
///
/// State is flat: the mission of each (reservist, day), and each mission-day's crew in one
/// array (an exchange swaps two names, so no crew changes size).
struct StintImprover {
    let scenario: ReservistScenario
    var assigned: [[(day: Int, mission: Int)]]
    private let reach: MissionReach
    private let dayCount: Int
    /// Mission of (reservist r, day d) at `r * dayCount + d`, or -1.
    private var missionOf: [Int32]
    /// Whether r may be called on day d (available, after its notice), at `r * dayCount + d`.
    private let callable: [Bool]
    /// The mission-day numbering and needs of `CallUpCandidates`, and each mission's days.
    private let missionDayStart: [Int32]
    private let needed: [Int32]
    private let firstDay: [Int]
    private let lastDay: [Int]

    init(scenario: ReservistScenario, candidates: CallUpCandidates, assigned: [[(day: Int, mission: Int)]]) {
        self.scenario = scenario
        self.assigned = assigned
        reach = MissionReach(scenario)
        let dayCount = scenario.dayCount
        self.dayCount = dayCount
        var missionOf = [Int32](repeating: -1, count: scenario.reservists.count * dayCount)
        for (r, days) in assigned.enumerated() {
            for entry in days { missionOf[r * dayCount + entry.day] = Int32(entry.mission) }
        }
        self.missionOf = missionOf
        var callable = [Bool](repeating: false, count: scenario.reservists.count * dayCount)
        for (r, reservist) in scenario.reservists.enumerated() {
            let first = reservist.firstCallableDay(in: scenario)
            for d in reservist.availableDays where d >= first && d < dayCount { callable[r * dayCount + d] = true }
        }
        self.callable = callable
        missionDayStart = candidates.missionDayStart
        needed = candidates.needed
        firstDay = scenario.missions.map(\.firstDay)
        lastDay = scenario.missions.map(\.lastDay)
    }

    /// Mission-day of mission m on `day`, or nil outside its days.
    private func missionDay(_ m: Int, _ day: Int) -> Int? {
        day >= firstDay[m] && day <= lastDay[m] ? Int(missionDayStart[m]) + day - firstDay[m] : nil
    }

    /// The daily cost of r on m on `day`, or nil where a hard rule forbids it.
    private func cost(_ r: Int, _ m: Int, _ day: Int) -> Double? {
        guard let md = missionDay(m, day), needed[md] > 0, callable[r * dayCount + day] else { return nil }
        return reach.dailyCost(of: scenario.reservists[r], on: m)
    }

    /// - Returns: the number of swaps made.
    mutating func improve() -> Int {
        // Reservists on each mission-day, in reservist order: `crew[crewStart[md] ..< crewStart[md + 1]]`.
        var crewStart = [Int32](repeating: 0, count: needed.count + 1)
        for days in assigned {
            for entry in days { crewStart[missionDay(entry.mission, entry.day)! + 1] += 1 }
        }
        for md in 0..<needed.count { crewStart[md + 1] += crewStart[md] }
        var cursor = crewStart
        var crew = [Int32](repeating: 0, count: Int(crewStart[needed.count]))
        for (r, days) in assigned.enumerated() {
            for entry in days {
                let md = missionDay(entry.mission, entry.day)!
                crew[Int(cursor[md])] = Int32(r)
                cursor[md] += 1
            }
        }
        /// Replaces `from` by `to` in the crew of mission-day md.
        func rename(_ md: Int, _ from: Int, _ to: Int) {
            for k in Int(crewStart[md])..<Int(crewStart[md + 1]) where crew[k] == Int32(from) { crew[k] = Int32(to) }
        }
        var swaps = 0
        for r in assigned.indices {
            for entry in assigned[r].sorted(by: { $0.day < $1.day }) {
                let m = entry.mission, next = entry.day + 1
                guard missionOf[r * dayCount + entry.day] == Int32(m), next < dayCount,
                      missionOf[r * dayCount + next] != Int32(m),
                      let rOnM = cost(r, m, next) else { continue }
                // r must be busy elsewhere that day: taking m then frees its other mission for s (r
                // gaining a day and s losing one would change counts and quotas; not tried).
                let elsewhere = Int(missionOf[r * dayCount + next])
                guard elsewhere >= 0, let md = missionDay(m, next) else { continue }
                for k in Int(crewStart[md])..<Int(crewStart[md + 1]) {
                    let s = Int(crew[k])
                    guard s != r, missionOf[s * dayCount + entry.day] != Int32(m) else { continue }
                    guard let sOnM = cost(s, m, next), let sOnOther = cost(s, elsewhere, next),
                          let rOnOther = cost(r, elsewhere, next) else { continue }
                    // Exchange: r takes m, s takes r's other mission.
                    let delta = rOnM + sOnOther - rOnOther - sOnM
                    guard delta <= 1e-9 else { continue }
                    missionOf[r * dayCount + next] = Int32(m)
                    missionOf[s * dayCount + next] = Int32(elsewhere)
                    crew[k] = Int32(r)
                    rename(missionDay(elsewhere, next)!, r, s)
                    swaps += 1
                    break
                }
            }
        }
        if swaps > 0 {
            for r in assigned.indices {
                assigned[r] = assigned[r].map { ($0.day, Int(missionOf[r * dayCount + $0.day])) }
            }
        }
        return swaps
    }
}
