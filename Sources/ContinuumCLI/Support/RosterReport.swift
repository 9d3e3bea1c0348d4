import EventPlanning
import EventScenario
import LinearModel

/// The roster in the three formats of `continuum solve`: JSON
/// (docs/roster-format.md), CSV (one line per assignment) and a table.
/// Nothing time-dependent is written, so equal inputs give equal bytes.
enum RosterReport {
    static func json(_ plan: EventPlan, _ scenario: Scenario) -> String {
        let horizon = scenario.horizon
        func time(_ slot: Int) -> String { horizon.time(ofSlot: slot).description }
        var json = JSONWriter()
        json.beginObject()
        json.field("format", "continuum-roster/1")
        json.field("scenario", scenario.name)
        json.field("status", plan.termination.rawValue)
        json.field("objective", rounded(plan.objective))
        json.field("bound", rounded(plan.bound))
        json.field("gap", plan.gap.map { ($0 * 1e6).rounded() / 1e6 })
        json.beginObject("cost")
        json.field("staff", rounded(plan.staffCost))
        json.field("shortfall", rounded(plan.shortfallCost))
        json.endObject()
        json.beginArray("assignments")
        for a in plan.assignments {
            json.beginObject()
            json.field("person", scenario.people[a.person].id)
            json.field("zone", scenario.zones[a.zone].id)
            json.field("role", a.role)
            json.field("start", time(a.startSlot))
            json.field("end", time(a.endSlot))
            json.field("patrol", a.patrol.map { plan.patrols[$0].id })
            json.beginArray("breaks")
            for b in WorkBreaks.breaks(of: a, in: scenario) {
                json.beginObject()
                json.field("start", horizon.start.adding(minutes: b.lowerBound).description)
                json.field("end", horizon.start.adding(minutes: b.upperBound).description)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.beginArray("patrols")
        for patrol in plan.patrols {
            json.beginObject()
            json.field("id", patrol.id)
            json.field("zone", scenario.zones[patrol.zone].id)
            json.field("template", scenario.patrolTemplates[patrol.template].id)
            json.field("radio", patrol.radio)
            json.field("start", time(patrol.startSlot))
            json.field("end", time(patrol.endSlot))
            json.beginArray("members")
            for member in patrol.members { json.element(scenario.people[member].id) }
            json.endArray()
            json.field("leader", scenario.people[patrol.leader].id)
            json.endObject()
        }
        json.endArray()
        json.beginArray("shortfalls")
        for shortfall in plan.shortfalls {
            let demand = scenario.demands[shortfall.demand]
            json.beginObject()
            json.field("zone", scenario.zones[demand.zone].id)
            json.field("requirement", demand.id)
            json.field("start", time(shortfall.startSlot))
            json.field("end", time(shortfall.endSlot))
            json.field("missing", shortfall.missing)
            json.field("reason", shortfall.reason)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    /// Money to the cent, so that printing never shows float noise.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func csv(_ plan: EventPlan, _ scenario: Scenario) -> String {
        var lines = ["person,corps,zone,role,start,end,patrol,breaks"]
        for a in plan.assignments {
            let person = scenario.people[a.person]
            let breaks = WorkBreaks.breaks(of: a, in: scenario).map {
                "\(scenario.horizon.start.adding(minutes: $0.lowerBound))/\(scenario.horizon.start.adding(minutes: $0.upperBound))"
            }
            lines.append([person.id, person.corps.rawValue, scenario.zones[a.zone].id, a.role,
                          scenario.horizon.time(ofSlot: a.startSlot).description,
                          scenario.horizon.time(ofSlot: a.endSlot).description,
                          a.patrol.map { plan.patrols[$0].id } ?? "",
                          breaks.joined(separator: " ")].map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func table(_ plan: EventPlan, _ scenario: Scenario) -> String {
        let horizon = scenario.horizon
        func clock(_ slot: Int) -> String {
            let time = horizon.time(ofSlot: slot)
            let day = time.minutes(since: horizon.start.adding(minutes: -horizon.start.minuteOfDay)) / 1440
            return (day > 0 ? "d\(day + 1) " : "") + TimeOfDay(minutes: time.minuteOfDay).description
        }
        var out: [String] = []
        out.append("\(scenario.name)")
        out.append("status \(plan.termination.rawValue)   objective \(Format.number(rounded(plan.objective)))   "
                   + "bound \(Format.number(rounded(plan.bound)))   gap \(Format.percent(plan.gap))")
        out.append("staff cost \(Format.number(rounded(plan.staffCost)))   shortfall cost "
                   + "\(Format.number(rounded(plan.shortfallCost)))   people \(plan.statistics.people) "
                   + "(\(plan.statistics.classes) classes)   assignments \(plan.assignments.count)   "
                   + "patrols \(plan.patrols.count)   shortfalls \(plan.shortfalls.count)")
        out.append("")
        out.append("ROSTER")
        var rows = [["person", "corps", "zone", "role", "from", "to", "patrol"]]
        for a in plan.assignments {
            let person = scenario.people[a.person]
            rows.append([person.id, person.corps.rawValue, scenario.zones[a.zone].id, a.role, clock(a.startSlot),
                         clock(a.endSlot), a.patrol.map { plan.patrols[$0].id } ?? "-"])
        }
        out.append(contentsOf: aligned(rows))
        out.append("")
        out.append("PATROLS")
        rows = [["patrol", "zone", "template", "radio", "from", "to", "leader", "members"]]
        for patrol in plan.patrols {
            rows.append([patrol.id, scenario.zones[patrol.zone].id, scenario.patrolTemplates[patrol.template].id,
                         patrol.radio, clock(patrol.startSlot), clock(patrol.endSlot),
                         scenario.people[patrol.leader].id,
                         patrol.members.map { scenario.people[$0].id }.joined(separator: " ")])
        }
        out.append(contentsOf: aligned(rows))
        out.append("")
        out.append(contentsOf: coverage(plan, scenario, clock: clock))
        out.append("")
        out.append("SHORTFALLS")
        rows = [["zone", "requirement", "from", "to", "missing", "reason"]]
        for s in plan.shortfalls {
            let demand = scenario.demands[s.demand]
            rows.append([scenario.zones[demand.zone].id, demand.id, clock(s.startSlot), clock(s.endSlot),
                         String(s.missing), s.reason])
        }
        if plan.shortfalls.isEmpty { rows.append(["(none)", "", "", "", "", ""]) }
        out.append(contentsOf: aligned(rows))
        return out.joined(separator: "\n") + "\n"
    }

    /// Coverage per demand and hour: covered/needed, at the worst slot of each hour.
    private static func coverage(_ plan: EventPlan, _ scenario: Scenario, clock: (Int) -> String) -> [String] {
        let horizon = scenario.horizon
        let slotsPerColumn = max(1, 60 / horizon.slotMinutes)
        var out = ["COVERAGE (covered/needed, worst slot of each hour)"]
        var missingAt: [Int: [Int: Int]] = [:]
        for s in plan.shortfalls {
            for slot in s.startSlot..<s.endSlot { missingAt[s.demand, default: [:]][slot] = s.missing }
        }
        var rows: [[String]] = []
        for (d, demand) in scenario.demands.enumerated() {
            guard let a = horizon.slot(at: demand.window.start), let b = horizon.slot(at: demand.window.end) else { continue }
            var cells: [String] = []
            var slot = a
            while slot < b {
                let upper = min(b, slot + slotsPerColumn)
                let worst = (slot..<upper).map { missingAt[d]?[$0] ?? 0 }.max() ?? 0
                cells.append("\(clock(slot)) \(demand.count - worst)/\(demand.count)")
                slot = upper
            }
            rows.append([scenario.zones[demand.zone].id, demand.id, cells.joined(separator: "  ")])
        }
        out.append(contentsOf: aligned([["zone", "requirement", "coverage"]] + rows))
        return out
    }

    private static func aligned(_ rows: [[String]]) -> [String] {
        guard let columns = rows.map(\.count).max() else { return [] }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() where i < columns - 1 { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i < row.count - 1 ? cell + String(repeating: " ", count: widths[i] - cell.count) : cell
            }.joined(separator: "  ")
        }
    }
}
