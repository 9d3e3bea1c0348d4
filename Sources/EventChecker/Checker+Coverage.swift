import EventScenario

extension Checker {
    /// What covers a demand: patrols of a zone and template, or agents of a zone and post role.
    struct CoverKey: Hashable {
        var zone: Int
        /// -1 for posts.
        var template: Int
        /// "" for patrols.
        var role: String
    }

    struct Totals {
        var staff: Double
        var shortfall: Double
        var shortfalls: [Roster.Shortfall]
    }

    /// Slots `[first, last)` fully inside `[start, end)`, clipped to the horizon.
    func slots(_ start: Timestamp, _ end: Timestamp) -> Range<Int> {
        let count = horizon.slotCount
        let from = start.epochSeconds - horizon.start.epochSeconds
        let to = end.epochSeconds - horizon.start.epochSeconds
        let first = -Self.floorDiv(-from, slotSeconds)
        let last = Self.floorDiv(to, slotSeconds)
        let lower = Int(max(0, min(Int64(count), first)))
        let upper = Int(max(0, min(Int64(count), last)))
        return lower..<max(lower, upper)
    }

    /// Recomputes coverage per demand and slot, the shortfall and staff costs, compares them with
    /// the roster's shortfalls and objective.
    mutating func checkCoverageAndObjective() -> Totals {
        let slotCount = horizon.slotCount
        let slotHours = Double(horizon.slotMinutes) / 60

        // Staff cost.
        var staff = 0.0
        for (i, a) in roster.assignments.enumerated() where assignmentPerson[i] >= 0 && a.start < a.end {
            staff += scenario.people[assignmentPerson[i]].costPerHour * Double(a.end.epochSeconds - a.start.epochSeconds) / 3600
        }

        // One difference array over the horizon's slots per demanded key.
        func key(_ demand: Demand) -> CoverKey {
            switch demand.need {
            case .patrols(let template): CoverKey(zone: demand.zone, template: template, role: "")
            case .post(let role, _): CoverKey(zone: demand.zone, template: -1, role: role)
            }
        }
        var coverage: [CoverKey: [Int32]] = [:]
        for demand in scenario.demands where coverage[key(demand)] == nil {
            coverage[key(demand)] = Array(repeating: 0, count: slotCount + 1)
        }
        func cover(_ key: CoverKey, _ start: Timestamp, _ end: Timestamp) {
            guard coverage[key] != nil else { return }
            let range = slots(start, end)
            guard !range.isEmpty else { return }
            coverage[key]![range.lowerBound] += 1
            coverage[key]![range.upperBound] -= 1
        }
        for patrol in roster.patrols {
            guard let zone = zoneIndex[patrol.zone], let template = templateIndex[patrol.template] else { continue }
            cover(CoverKey(zone: zone, template: template, role: ""), patrol.start, patrol.end)
        }
        for (i, a) in roster.assignments.enumerated() where a.patrol == nil && assignmentZone[i] >= 0 {
            cover(CoverKey(zone: assignmentZone[i], template: -1, role: a.role), a.start, a.end)
        }
        for k in coverage.keys {
            var running: Int32 = 0
            coverage[k]!.withUnsafeMutableBufferPointer { buffer in
                for s in buffer.indices {
                    running += buffer[s]
                    buffer[s] = running
                }
            }
        }

        // What the roster reports, per demand and slot.
        var reported: [Int: [Int]] = [:]
        for shortfall in roster.shortfalls {
            func add(_ rule: RuleID, _ message: String) {
                self.add(rule, zone: shortfall.zone, start: shortfall.start, end: shortfall.end, message)
            }
            guard let d = demandIndex[shortfall.requirement] else {
                add(.unknownReference, "shortfall names demand \(shortfall.requirement), which is not in the scenario")
                continue
            }
            let demand = scenario.demands[d]
            let demandZone = scenario.zones[demand.zone].id
            if shortfall.zone != demandZone {
                add(.shortfallMismatch, "shortfall of demand \(demand.id) names zone \(shortfall.zone), but the demand is at \(demandZone)")
            }
            guard checkTimes(shortfall.start, shortfall.end, person: nil, zone: shortfall.zone,
                             what: "shortfall of \(demand.id)") else { continue }
            if shortfall.start < demand.window.start || shortfall.end > demand.window.end {
                add(.shortfallMismatch, "shortfall \(span(shortfall.start, shortfall.end)) lies outside demand \(demand.id)'s window \(span(demand.window.start, demand.window.end))")
            }
            let window = slots(demand.window.start, demand.window.end)
            let range = slots(shortfall.start, shortfall.end).clamped(to: window)
            if reported[d] == nil { reported[d] = Array(repeating: 0, count: window.count) }
            for s in range { reported[d]![s - window.lowerBound] += shortfall.missing }
        }

        // Missing per demand and slot; shortfall cost; comparison with the report.
        var shortfallCost = 0.0
        var recomputed: [Roster.Shortfall] = []
        for (d, demand) in scenario.demands.enumerated() {
            let window = slots(demand.window.start, demand.window.end)
            let covered = coverage[key(demand)]!
            let zoneID = scenario.zones[demand.zone].id
            let claimed = reported[d]
            var run: (start: Int, missing: Int, claimed: Int)? = nil
            var missingRun: (start: Int, missing: Int)? = nil
            func closeMismatch(at s: Int) {
                guard let open = run else { return }
                let kind = open.claimed < open.missing ? "understates" : "overstates"
                self.add(.shortfallMismatch, zone: zoneID, start: horizon.time(ofSlot: open.start), end: horizon.time(ofSlot: s),
                         "demand \(demand.id): the roster reports \(open.claimed) missing, recomputed \(open.missing) (it \(kind) the shortfall)")
                run = nil
            }
            func closeMissing(at s: Int) {
                guard let open = missingRun else { return }
                recomputed.append(Roster.Shortfall(zone: zoneID, requirement: demand.id, start: horizon.time(ofSlot: open.start),
                                                   end: horizon.time(ofSlot: s), missing: open.missing))
                missingRun = nil
            }
            for s in window {
                let missing = max(0, demand.count - Int(covered[s]))
                shortfallCost += demand.priority * Double(missing) * slotHours
                if missingRun?.missing != missing { closeMissing(at: s) }
                if missing > 0, missingRun == nil { missingRun = (s, missing) }
                let said = claimed?[s - window.lowerBound] ?? 0
                if let open = run, open.missing != missing || open.claimed != said { closeMismatch(at: s) }
                if said != missing, run == nil { run = (s, missing, said) }
            }
            closeMissing(at: window.upperBound)
            closeMismatch(at: window.upperBound)
        }
        recomputed.sort {
            if $0.zone != $1.zone { return $0.zone < $1.zone }
            if $0.requirement != $1.requirement { return $0.requirement < $1.requirement }
            return $0.start < $1.start
        }

        // The objective, its split and its bound.
        let objective = staff + shortfallCost
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)) }
        if !close(roster.objective, objective) {
            add(.objectiveMismatch, "the roster reports objective \(Self.number(roster.objective)), recomputed \(Self.number(objective)) (staff \(Self.number(staff)) + shortfall \(Self.number(shortfallCost)))")
        }
        if let cost = roster.cost {
            if !close(cost.staff, staff) {
                add(.objectiveMismatch, "the roster reports staff cost \(Self.number(cost.staff)), recomputed \(Self.number(staff))")
            }
            if !close(cost.shortfall, shortfallCost) {
                add(.objectiveMismatch, "the roster reports shortfall cost \(Self.number(cost.shortfall)), recomputed \(Self.number(shortfallCost))")
            }
        }
        if let bound = roster.bound, bound > roster.objective, !close(bound, roster.objective) {
            add(.objectiveMismatch, "the reported bound \(Self.number(bound)) exceeds the reported objective \(Self.number(roster.objective)); a lower bound cannot")
        }
        return Totals(staff: staff, shortfall: shortfallCost, shortfalls: recomputed)
    }
}
