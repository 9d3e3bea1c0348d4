import EventScenario

/// Recomputes coverage from the roster and explains every gap in words a
/// planner understands: which role nobody could hold, or that everyone who
/// could was already busy, or that covering cost more than the priority.
struct ShortfallDiagnosis {
    let index: PlanningIndex
    let assignments: [EventPlan.Assignment]
    let patrols: [EventPlan.Patrol]

    func shortfalls() -> [EventPlan.Shortfall] {
        let scenario = index.scenario
        // Coverage intervals per duty.
        var intervals = Array(repeating: [(Int, Int)](), count: index.duties.count)
        var dutyOfKey: [String: Int] = [:]
        for (k, duty) in index.duties.enumerated() {
            switch duty.kind {
            case .patrol(let template): dutyOfKey["\(duty.zone)|P|\(template)"] = k
            case .post(let role, _): dutyOfKey["\(duty.zone)|R|\(role)"] = k
            }
        }
        for patrol in patrols {
            if let k = dutyOfKey["\(patrol.zone)|P|\(patrol.template)"] {
                intervals[k].append((patrol.startSlot, patrol.endSlot))
            }
        }
        for a in assignments where a.patrol == nil {
            if let k = dutyOfKey["\(a.zone)|R|\(a.role)"] { intervals[k].append((a.startSlot, a.endSlot)) }
        }
        var result: [EventPlan.Shortfall] = []
        for (d, demand) in scenario.demands.enumerated() {
            let k = index.dutyOfDemand[d]
            guard let a = scenario.horizon.slot(at: demand.window.start),
                  let b = scenario.horizon.slot(at: demand.window.end), a < b else { continue }
            var covered = [Int](repeating: 0, count: b - a)
            for (start, end) in intervals[k] {
                for slot in max(start, a)..<max(max(start, a), min(end, b)) { covered[slot - a] += 1 }
            }
            var slot = a
            while slot < b {
                let missing = max(0, demand.count - covered[slot - a])
                var end = slot + 1
                while end < b && max(0, demand.count - covered[end - a]) == missing { end += 1 }
                if missing > 0 {
                    result.append(EventPlan.Shortfall(demand: d, startSlot: slot, endSlot: end, missing: missing,
                                                      reason: reason(demand: d, duty: k, from: slot, to: end)))
                }
                slot = end
            }
        }
        return result.sorted {
            (scenario.demands[$0.demand].zone, $0.demand, $0.startSlot)
                < (scenario.demands[$1.demand].zone, $1.demand, $1.startSlot)
        }
    }

    private func clock(_ slot: Int) -> String {
        let time = index.scenario.horizon.time(ofSlot: slot)
        return TimeOfDay(minutes: time.minuteOfDay).description
    }

    private func reason(demand d: Int, duty k: Int, from a: Int, to b: Int) -> String {
        let scenario = index.scenario
        let demand = scenario.demands[d]
        let zone = scenario.zones[demand.zone].id
        let when = "\(clock(a))-\(clock(b))"
        let shifts = index.shifts.indices.filter { index.shifts[$0].startSlot <= a && index.shifts[$0].endSlot > a }
        if shifts.isEmpty {
            return "no shift template covers \(zone) at \(clock(a)); add a shift starting earlier or ending later"
        }
        // The role with the fewest people who could hold it then.
        let duty = index.duties[k]
        let roles: [(name: String, requirement: RoleRequirement, targets: [Target])]
        switch duty.kind {
        case .patrol(let template):
            roles = scenario.patrolTemplates[template].roles.enumerated().map { r, role in
                (role.id, role.requirement, index.targetsOfDuty[k].filter { $0.role == r })
            }
        case .post(let role, _):
            guard case .post(_, let requirement) = demand.need else { return "nothing can cover it" }
            roles = [(role, requirement, index.targetsOfDuty[k])]
        }
        var tightest: (name: String, requirement: RoleRequirement, eligible: [Int])?
        for role in roles {
            var people: [Int] = []
            for (c, cls) in index.classes.enumerated() {
                let holds = index.eligibleTargets[c].contains { target in
                    role.targets.contains(target)
                        && shifts.contains { s in index.shiftsOfClass[c].contains(s) && index.mayAssign(class: c, target: target, shift: s) }
                }
                if holds { people.append(contentsOf: cls.members) }
            }
            if tightest == nil || people.count < tightest!.eligible.count { tightest = (role.name, role.requirement, people) }
        }
        guard let tightest else { return "nothing can cover it" }
        if tightest.eligible.isEmpty {
            return "nobody available in \(zone) at \(when) may hold role '\(tightest.name)' "
                + "(needs \(describe(tightest.requirement))\(duty.networks.isEmpty ? "" : ", a shared radio")"
                + "\(demand.publicOrder ? ", no police reservist on public order" : ""))"
        }
        let busy = Set(assignments.lazy.filter { $0.startSlot < b && $0.endSlot + index.restSlots > a }.map(\.person))
        let free = tightest.eligible.filter { !busy.contains($0) }
        if free.isEmpty {
            return "all \(tightest.eligible.count) people who may hold role '\(tightest.name)' "
                + "(\(describe(tightest.requirement))) in \(zone) are on duty or resting at \(when)"
        }
        return "\(free.count) people who may hold role '\(tightest.name)' were free, but covering \(zone) at \(when) "
            + "would cost more than its priority (\(demand.priority) per missing hour) or break their rest or weekly hours"
    }

    private func describe(_ requirement: RoleRequirement) -> String {
        var parts = [requirement.corps.map(\.rawValue).joined(separator: " or ")]
        if !requirement.status.isEmpty { parts.append(requirement.status.map(\.rawValue).joined(separator: "/")) }
        if !requirement.qualifications.isEmpty { parts.append(requirement.qualifications.joined(separator: ", ")) }
        if let sex = requirement.sex { parts.append(sex == .female ? "female" : "male") }
        return parts.joined(separator: ", ")
    }
}
