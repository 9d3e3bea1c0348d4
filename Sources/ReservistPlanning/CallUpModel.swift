import LinearModel
import ReservistScenario

/// The call-up problem as the linear program the planner hands GLPK when it
/// solves the flow whole, for benchmarks and exports: `CallUpNetwork` then
/// `FlowNetwork.linearModel()`, exactly as `ReservistPlanner.plan` does (at any size).
public enum CallUpModel {
    /// One column per arc, one equality per vertex (see `CallUpNetwork`).
    public static func linearModel(_ scenario: ReservistScenario) -> LinearModel {
        CallUpNetwork(scenario: scenario).network.linearModel()
    }

    /// The data file of `Benchmarks/mathprog/reservists.mod`, written from the
    /// domain: season days, mission-days (need, priority, active staff),
    /// reservists (days left, employer quota) and every allowed call-up
    /// (reservist, day, mission-day, cost), by reservist and day and by
    /// mission-day. The model generated from it is the same network.
    public static func mathProgData(_ scenario: ReservistScenario) -> [UInt8] {
        let built = CallUpNetwork(scenario: scenario)
        let rules = scenario.rules
        var out = MathProgText()
        out.line("# Reservist call-up \(scenario.name): data for Benchmarks/mathprog/reservists.mod")
        out.line("data;")
        out.line("param T := \(scenario.dayCount);")
        out.line("param fairShare := \(rules.fairShareDays);")
        out.line("param penalty := \(rules.fairnessPenaltyPerDay);")
        out.text("param working :=")
        for day in 0..<scenario.dayCount { out.pair(day, scenario.isWorkingDay(day) ? 1 : 0) }
        out.line(";")
        // Mission-days with a need, numbered from 1 in mission and day order.
        var missionDay: [[Int]] = []
        var needs: [(md: Int, need: Int, priority: Double, active: Int?)] = []
        for mission in scenario.missions {
            missionDay.append(mission.needed.enumerated().map { offset, needed in
                guard needed > 0 else { return 0 }
                needs.append((needs.count + 1, needed, mission.priority, mission.activeStaff?[offset]))
                return needs.count
            })
        }
        out.text("set MD :=")
        for entry in needs { out.int(entry.md) }
        out.line(";")
        out.text("param need :=")
        for entry in needs { out.pair(entry.md, entry.need) }
        out.line(";")
        out.text("param priority :=")
        for entry in needs { out.int(entry.md); out.double(entry.priority) }
        out.line(";")
        out.text("set PAIRED :=")
        for entry in needs where entry.active != nil { out.int(entry.md) }
        out.line(";")
        out.text("param active :=")
        for entry in needs { if let active = entry.active { out.pair(entry.md, active) } }
        out.line(";")
        // Allowed call-ups, grouped by reservist then day (the network's arc order).
        let arcs = built.assignmentArcs.count
        var reservists: [Int] = []
        var k = 0
        while k < arcs {
            let r = Int(built.arcReservist[k])
            reservists.append(r)
            while k < arcs && Int(built.arcReservist[k]) == r { k += 1 }
        }
        out.text("set R :=")
        for r in reservists { out.int(r + 1) }
        out.line(";")
        out.text("param left :=")
        for r in reservists { out.pair(r + 1, scenario.reservists[r].remainingDays) }
        out.line(";")
        let quotaHolders = reservists.filter { scenario.reservists[$0].workingDaysLeft(rules) != Int.max }
        out.text("set RQ :=")
        for r in quotaHolders { out.int(r + 1) }
        out.line(";")
        out.text("param quota :=")
        for r in quotaHolders { out.pair(r + 1, scenario.reservists[r].workingDaysLeft(rules)) }
        out.line(";")
        func md(_ k: Int) -> Int {
            let m = Int(built.arcMission[k])
            return missionDay[m][Int(built.arcDay[k]) - scenario.missions[m].firstDay]
        }
        var inbound = Array(repeating: [Int](), count: needs.count + 1)
        k = 0
        while k < arcs {
            let r = Int(built.arcReservist[k])
            let first = k
            while k < arcs && Int(built.arcReservist[k]) == r { k += 1 }
            out.text("set D[\(r + 1)] :=")
            var j = first
            while j < k {
                out.int(Int(built.arcDay[j]))
                let day = built.arcDay[j]
                while j < k && built.arcDay[j] == day { j += 1 }
            }
            out.line(";")
            j = first
            while j < k {
                let day = built.arcDay[j]
                out.text("set C[\(r + 1),\(day)] :=")
                while j < k && built.arcDay[j] == day {
                    out.int(md(j))
                    inbound[md(j)].append(j)
                    j += 1
                }
                out.line(";")
            }
        }
        out.line("param cost :=")
        for j in 0..<arcs {
            out.int(Int(built.arcReservist[j]) + 1)
            out.int(Int(built.arcDay[j]))
            out.int(md(j))
            out.double(built.network.cost[Int(built.assignmentArcs[j])])
            out.line("")
        }
        out.line(";")
        for entry in needs {
            out.text("set IN[\(entry.md)] :=")
            for j in inbound[entry.md] {
                out.text(" (\(Int(built.arcReservist[j]) + 1),\(built.arcDay[j]))")
            }
            out.line(";")
        }
        out.line("end;")
        return out.bytes
    }
}

/// Appends MathProg data text to a byte buffer, numbers separated by spaces.
private struct MathProgText {
    var bytes: [UInt8] = []
    mutating func text(_ s: String) { bytes.append(contentsOf: s.utf8) }
    mutating func line(_ s: String) { bytes.append(contentsOf: s.utf8); bytes.append(10) }
    mutating func int(_ v: Int) { bytes.append(32); bytes.append(contentsOf: String(v).utf8) }
    mutating func double(_ v: Double) { bytes.append(32); bytes.append(contentsOf: v.description.utf8) }
    mutating func pair(_ key: Int, _ value: Int) { int(key); int(value) }
}
