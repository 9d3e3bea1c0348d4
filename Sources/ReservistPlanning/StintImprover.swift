import ReservistScenario

/// Lengthens stints without raising the cost: when reservist r works mission m
/// on day d and another reservist s works m on day d+1, r and s exchange their
/// day-(d+1) duties if both may, the cost does not rise (costs are per
/// reservist and mission, so only a tie or a gain passes) and no limit is broken.
struct StintImprover {
    let scenario: ReservistScenario
    var assigned: [[(day: Int, mission: Int)]]
    private var missionOf: [Int64: Int] = [:]       // (reservist, day) -> mission
    private let reach: MissionReach

    init(scenario: ReservistScenario, assigned: [[(day: Int, mission: Int)]]) {
        self.scenario = scenario
        self.assigned = assigned
        reach = MissionReach(scenario)
        for (r, days) in assigned.enumerated() {
            for entry in days { missionOf[Self.key2(r, entry.day)] = entry.mission }
        }
    }

    /// The daily cost of r on m on `day`, or nil where a hard rule forbids it.
    private func cost(_ r: Int, _ m: Int, _ day: Int) -> Double? {
        let reservist = scenario.reservists[r], mission = scenario.missions[m]
        guard mission.days.contains(day), mission.needed[day - mission.firstDay] > 0,
              reservist.availableDays.contains(day), day >= reservist.firstCallableDay(in: scenario) else { return nil }
        return reach.dailyCost(of: reservist, on: m)
    }

    private static func key2(_ r: Int, _ d: Int) -> Int64 { (Int64(r) << 16) | Int64(d) }

    /// - Returns: the number of swaps made.
    mutating func improve() -> Int {
        // Reservists on each mission-day.
        var crew: [Int64: [Int]] = [:]
        for (r, days) in assigned.enumerated() {
            for entry in days { crew[Self.key2(entry.mission, entry.day), default: []].append(r) }
        }
        var swaps = 0
        for r in assigned.indices {
            for entry in assigned[r].sorted(by: { $0.day < $1.day }) {
                let m = entry.mission, next = entry.day + 1
                guard missionOf[Self.key2(r, entry.day)] == m, next < scenario.dayCount,
                      missionOf[Self.key2(r, next)] != m,
                      let rOnM = cost(r, m, next) else { continue }
                let others = crew[Self.key2(m, next)] ?? []
                let rElsewhere = missionOf[Self.key2(r, next)]
                for s in others where s != r && missionOf[Self.key2(s, entry.day)] != m {
                    guard let sOnM = cost(s, m, next) else { continue }
                    let delta: Double
                    if let other = rElsewhere {
                        // Exchange: r takes m, s takes r's other mission.
                        guard let sOnOther = cost(s, other, next), let rOnOther = cost(r, other, next) else { continue }
                        delta = rOnM + sOnOther - rOnOther - sOnM
                    } else {
                        continue // r would gain a day and s lose one: counts and quotas change; skipped.
                    }
                    guard delta <= 1e-9 else { continue }
                    let other = rElsewhere!
                    missionOf[Self.key2(r, next)] = m
                    missionOf[Self.key2(s, next)] = other
                    crew[Self.key2(m, next)] = others.map { $0 == s ? r : $0 }
                    crew[Self.key2(other, next), default: []] = (crew[Self.key2(other, next)] ?? []).map { $0 == r ? s : $0 }
                    swaps += 1
                    break
                }
            }
        }
        if swaps > 0 {
            for r in assigned.indices {
                assigned[r] = assigned[r].map { ($0.day, missionOf[Self.key2(r, $0.day)]!) }
            }
        }
        return swaps
    }
}
