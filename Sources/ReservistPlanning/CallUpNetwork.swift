import LinearModel
import ReservistScenario

/// The call-up problem as a minimum-cost flow (totally unimodular, so the
/// simplex's basic optimum is integral: the integer optimum, proven):
///
///     source S ──(cap min(left, fair), 0)──────────▶ R_r   reservist r, `left` = days under the cap
///     S ──(cap left − fair, fairness penalty)──────▶ R_r   days beyond the fair share
///     R_r ──(cap quota, 0)─────────────────────────▶ W_r   working days, salaried without consent
///     R_r or W_r ──(cap 1, 0)──────────────────────▶ Y_rd  r on day d: one mission a day
///     Y_rd ──(cap 1, pay + 2·km·allowance)─────────▶ D_md  mission m on day d (demand: needed)
///     (or P_md ──(cap activeStaff, 0)──▶ D_md when reservists are paired with active staff)
///     S ──(cap needed, priority)───────────────────▶ D_md  the shortfall
///
/// Arcs exist only where every hard rule holds: availability, notice, travel
/// limit, skill, police reservists off public order. A day with one possible
/// mission skips Y_rd. Costs are in euros, exact.
public struct CallUpNetwork {
    let scenario: ReservistScenario
    public internal(set) var network = FlowNetwork()
    /// Assignment arcs: arcs `assignmentArcs[k]` is reservist `arcReservist[k]` on `arcMission[k]`, day `arcDay[k]`.
    var assignmentArcs: [Int32] = []
    var arcReservist: [Int32] = []
    var arcMission: [Int32] = []
    var arcDay: [Int16] = []
    /// First mission-day vertex of each mission (index by day − firstDay), -1 where nothing is needed.
    var demandVertex: [[Int32]] = []
    var totalNeeded = 0

    public init(scenario: ReservistScenario) {
        self.scenario = scenario
        let rules = scenario.rules
        let source = network.addVertex()
        // Mission-days.
        var entryVertex: [[Int32]] = []   // where reservist arcs enter (P_md or D_md)
        for mission in scenario.missions {
            var demands: [Int32] = [], entries: [Int32] = []
            for (offset, needed) in mission.needed.enumerated() {
                guard needed > 0 else {
                    demands.append(-1)
                    entries.append(-1)
                    continue
                }
                totalNeeded += needed
                let d = network.addVertex(supply: -needed)
                network.addSupply(needed, at: source)
                network.addArc(from: source, to: d, capacity: needed, cost: mission.priority)
                demands.append(d)
                if let active = mission.activeStaff?[offset] {
                    let pairing = network.addVertex()
                    network.addArc(from: pairing, to: d, capacity: min(needed, active), cost: 0)
                    entries.append(pairing)
                } else {
                    entries.append(d)
                }
            }
            demandVertex.append(demands)
            entryVertex.append(entries)
        }
        // Missions active on each day, by department is not needed: the travel filter decides.
        var missionsOnDay = Array(repeating: [Int](), count: scenario.dayCount)
        for (m, mission) in scenario.missions.enumerated() {
            for day in mission.days where mission.needed[day - mission.firstDay] > 0 { missionsOnDay[day].append(m) }
        }
        // Flat per-mission facts, so that the loops below never copy a `Mission`.
        let missionFirst = scenario.missions.map(\.firstDay)
        let missionLast = scenario.missions.map(\.lastDay)
        let workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
        let reach = MissionReach(scenario)
        func isActive(_ m: Int, _ day: Int) -> Bool {
            day >= missionFirst[m] && day <= missionLast[m] && entryVertex[m][day - missionFirst[m]] >= 0
        }
        var allowed: [(mission: Int, cost: Double)] = []
        var reachable: [Int] = []
        var isReachable = [Bool](repeating: false, count: scenario.missions.count)
        var costOf = [Double](repeating: 0, count: scenario.missions.count)
        var candidates: [Int] = []
        for (r, reservist) in scenario.reservists.enumerated() {
            guard reservist.remainingDays > 0, !reservist.availableDays.isEmpty else { continue }
            // Missions this reservist may ever do, with their daily cost, in mission order.
            for m in reachable { isReachable[m] = false }
            reachable.removeAll(keepingCapacity: true)
            reach.missions(of: reservist, into: &allowed)
            for (m, cost) in allowed {
                reachable.append(m)
                isReachable[m] = true
                costOf[m] = cost
            }
            reachable.sort()
            guard !reachable.isEmpty else { continue }
            let firstDay = reservist.firstCallableDay(in: scenario)
            var chain = ReservistChain(source: source, reservist: reservist, rules: rules)
            for day in reservist.availableDays where day >= firstDay && day < scenario.dayCount {
                let working = workingDay[day]
                if working && chain.quota == 0 { continue }
                candidates.removeAll(keepingCapacity: true)
                if reachable.count < 16 {
                    for m in reachable where isActive(m, day) { candidates.append(m) }
                } else {
                    for m in missionsOnDay[day] where isReachable[m] { candidates.append(m) }
                }
                guard !candidates.isEmpty else { continue }
                let parent = chain.dayVertex(in: &network, working: working, choices: candidates.count)
                for m in candidates {
                    let arc = network.addArc(from: parent, to: entryVertex[m][day - missionFirst[m]], capacity: 1,
                                             cost: costOf[m])
                    assignmentArcs.append(Int32(arc))
                    arcReservist.append(Int32(r))
                    arcMission.append(Int32(m))
                    arcDay.append(Int16(day))
                }
            }
        }
    }
}

/// One reservist's side of the call-up flow: S → R_r (the annual cap, split at the fair share) →
/// W_r (the employer quota, working days only) → Y_rd (one mission a day, when the day offers more
/// than one) → mission-days. Vertices are added as the reservist's days with call-ups are met, so a
/// reservist without any adds nothing. Serves `CallUpNetwork` and the polishing flow.
struct ReservistChain {
    private let source: Int32
    private let left: Int
    /// Working days left under the employer quota (`Int.max`: no quota).
    let quota: Int
    private let rules: ReservistRules
    private var reservistVertex: Int32 = -1
    private var workingVertex: Int32 = -1

    init(source: Int32, reservist: Reservist, rules: ReservistRules) {
        self.source = source
        left = reservist.remainingDays
        quota = reservist.workingDaysLeft(rules)
        self.rules = rules
    }

    /// The vertex from which a day's `choices` call-ups leave (one arc each to their mission-days).
    mutating func dayVertex(in network: inout FlowNetwork, working: Bool, choices: Int) -> Int32 {
        if reservistVertex < 0 {
            reservistVertex = network.addVertex()
            let fair = min(left, rules.fairShareDays)
            if fair > 0 { _ = network.addArc(from: source, to: reservistVertex, capacity: fair, cost: 0) }
            if left > fair {
                _ = network.addArc(from: source, to: reservistVertex, capacity: left - fair, cost: rules.fairnessPenaltyPerDay)
            }
        }
        var parent = reservistVertex
        if working && quota != Int.max {
            if workingVertex < 0 {
                workingVertex = network.addVertex()
                _ = network.addArc(from: reservistVertex, to: workingVertex, capacity: quota, cost: 0)
            }
            parent = workingVertex
        }
        if choices > 1 {
            let y = network.addVertex()
            _ = network.addArc(from: parent, to: y, capacity: 1, cost: 0)
            parent = y
        }
        return parent
    }
}
