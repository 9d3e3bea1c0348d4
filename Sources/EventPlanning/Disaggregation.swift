import EventScenario
import LinearModel

/// Turns class-level counts into named people, patrols and shortfalls.
///
/// 1. Each class's shifts go to its members by start time, each to a member
///    who is free (previous shift ended at least the minimum rest before) and has
///    worked the fewest hours, within the weekly cap. The rest-and-overlap rows
///    guarantee enough free members (interval graphs are perfect).
/// 2. The people on a class-shift take its targets in order.
/// 3. Patrols are formed role by role, reservists first and dealt round-robin
///    across the patrols so that none gets more than the share allows.
/// 4. Coverage is recomputed from the roster itself; every missing slot becomes
///    a shortfall with the reason found by `ShortfallDiagnosis`.
struct Disaggregation {
    let index: PlanningIndex
    let solutions: [ComponentSolution]

    func plan() -> EventPlan {
        let scenario = index.scenario
        let rules = scenario.rules
        var assignments: [EventPlan.Assignment] = []
        var patrols: [EventPlan.Patrol] = []
        var unplaced = 0
        // Hours worked by each person, this week.
        var hours = scenario.people.map(\.hoursThisWeek)

        for solution in solutions {
            let layout = solution.layout
            let x = solution.values
            // Class-shift pairs with their people, in (class, shift start) order.
            var pairPeople: [Int64: [Int]] = [:]
            var pairs: [(c: Int, s: Int, count: Int)] = []
            var j = 0
            while j < layout.xClass.count {
                let c = Int(layout.xClass[j]), s = Int(layout.xShift[j])
                var total = 0
                while j < layout.xClass.count && Int(layout.xClass[j]) == c && Int(layout.xShift[j]) == s {
                    total += Int(x[j].rounded())
                    j += 1
                }
                if total > 0 { pairs.append((c, s, total)) }
            }
            let byClass = Dictionary(grouping: pairs.indices, by: { pairs[$0].c })
            for c in byClass.keys.sorted() {
                let ordered = byClass[c]!.sorted {
                    (index.shifts[pairs[$0].s].startSlot, index.shifts[pairs[$0].s].endSlot, $0)
                        < (index.shifts[pairs[$1].s].startSlot, index.shifts[pairs[$1].s].endSlot, $1)
                }
                // Members not yet free, by the slot they are free again; free members by hours worked.
                var waiting = MinHeap<Int>()
                var available = MinHeap<Double>()
                for m in index.classes[c].members { waiting.insert(firstFreeSlot(scenario.people[m]), m) }
                for p in ordered {
                    let shift = index.shifts[pairs[p].s]
                    while let next = waiting.min, next.key <= shift.startSlot {
                        _ = waiting.popMin()
                        available.insert(hours[next.value], next.value)
                    }
                    var chosen: [Int] = []
                    var tooManyHours: [Int] = []
                    while chosen.count < pairs[p].count, let next = available.popMin() {
                        if hours[next.value] + shift.hours > rules.weeklyHoursCap + 1e-9 {
                            tooManyHours.append(next.value)
                            continue
                        }
                        chosen.append(next.value)
                    }
                    for m in tooManyHours { available.insert(hours[m], m) }
                    unplaced += pairs[p].count - chosen.count
                    for m in chosen {
                        hours[m] += shift.hours
                        waiting.insert(shift.endSlot + index.restSlots, m)
                    }
                    pairPeople[key(c, pairs[p].s)] = chosen
                }
            }
            // 2. Targets in x-column order for each class-shift.
            var personOfTargetShift: [Int64: [Int]] = [:]
            var cursor: [Int64: Int] = [:]
            for j in layout.xClass.indices {
                let count = Int(x[j].rounded())
                guard count > 0 else { continue }
                let c = Int(layout.xClass[j]), s = Int(layout.xShift[j])
                let people = pairPeople[key(c, s)] ?? []
                let from = cursor[key(c, s), default: 0]
                let taken = Array(people[min(from, people.count)..<min(from + count, people.count)])
                cursor[key(c, s)] = from + count
                let t = Int(layout.xTarget[j])
                personOfTargetShift[key(t, s), default: []].append(contentsOf: taken)
                let target = layout.targets[t]
                if target.role < 0 {
                    let duty = index.duties[target.duty]
                    guard case .post(let role, _) = duty.kind else { continue }
                    let shift = index.shifts[s]
                    for person in taken {
                        assignments.append(EventPlan.Assignment(person: person, zone: duty.zone, role: role,
                                                                startSlot: shift.startSlot, endSlot: shift.endSlot,
                                                                patrol: nil))
                    }
                }
            }
            // 3. Patrols.
            for q in layout.patrolDuty.indices {
                let count = Int(x[layout.pBase + q].rounded())
                guard count > 0 else { continue }
                let k = Int(layout.patrolDuty[q]), n = Int(layout.patrolNetwork[q]), s = Int(layout.patrolShift[q])
                let duty = index.duties[k]
                guard case .patrol(let template) = duty.kind else { continue }
                let roles = scenario.patrolTemplates[template].roles
                let targetIDs = roles.indices.map { r in layout.targets.firstIndex(of: Target(duty: k, network: n, role: r))! }
                var members = Array(repeating: [Int](), count: count)
                var roleOf = Array(repeating: [String](), count: count)
                var pointer = 0
                var complete = true
                for (r, role) in roles.enumerated() {
                    var people = personOfTargetShift[key(targetIDs[r], s)] ?? []
                    people = people.filter { scenario.people[$0].corps.isReservist }
                        + people.filter { !scenario.people[$0].corps.isReservist }
                    if people.count < role.count * count { complete = false }
                    let reservists = people.filter { scenario.people[$0].corps.isReservist }.count
                    // Role r fills role.count places in each patrol, starting at `pointer`.
                    var filled = Array(repeating: 0, count: count)
                    var slot = pointer
                    for person in people {
                        var tries = 0
                        while filled[slot % count] >= role.count && tries < count {
                            slot += 1
                            tries += 1
                        }
                        let patrol = slot % count
                        members[patrol].append(person)
                        roleOf[patrol].append(role.id)
                        filled[patrol] += 1
                        slot += 1
                    }
                    pointer = (pointer + reservists) % count
                }
                let shift = index.shifts[s]
                for i in 0..<count {
                    let full = members[i].count == scenario.patrolTemplates[template].size
                    guard complete || full else {
                        // An incomplete patrol is not formed; its people stay idle.
                        unplaced += members[i].count
                        continue
                    }
                    let id = patrols.count
                    patrols.append(EventPlan.Patrol(id: String(format: "P%04d", id + 1), zone: duty.zone,
                                                    template: template, radio: duty.networks[n],
                                                    startSlot: shift.startSlot, endSlot: shift.endSlot,
                                                    members: members[i]))
                    for (person, role) in zip(members[i], roleOf[i]) {
                        assignments.append(EventPlan.Assignment(person: person, zone: duty.zone, role: role,
                                                                startSlot: shift.startSlot, endSlot: shift.endSlot,
                                                                patrol: id))
                    }
                }
            }
        }
        assignments.sort {
            ($0.person, $0.startSlot) < ($1.person, $1.startSlot)
        }
        let slotHours = Double(scenario.horizon.slotMinutes) / 60
        var staffCost = 0.0
        for a in assignments {
            staffCost += scenario.people[a.person].costPerHour * Double(a.endSlot - a.startSlot) * slotHours
        }
        let shortfalls = ShortfallDiagnosis(index: index, assignments: assignments, patrols: patrols).shortfalls()
        var shortfallCost = 0.0
        for shortfall in shortfalls {
            let slots = Double(shortfall.missing * (shortfall.endSlot - shortfall.startSlot))
            shortfallCost += scenario.demands[shortfall.demand].priority * slots * slotHours
        }
        var plan = EventPlan(termination: .optimal, objective: staffCost + shortfallCost, bound: 0,
                             staffCost: staffCost, shortfallCost: shortfallCost, assignments: assignments,
                             patrols: patrols, shortfalls: shortfalls, statistics: EventPlan.Statistics())
        plan.statistics.unplacedAssignments = unplaced
        return plan
    }

    /// The first slot at which a person may start, after the rest that follows their last shift.
    private func firstFreeSlot(_ person: Person) -> Int {
        guard let last = person.lastShiftEnd else { return Int.min }
        let minutes = last.minutes(since: index.scenario.horizon.start)
        let restMinutes = Int((index.scenario.rules.minRestHours * 60).rounded(.up))
        let slotMinutes = Double(index.scenario.horizon.slotMinutes)
        return Int((Double(minutes + restMinutes) / slotMinutes).rounded(.up))
    }

    private func key(_ a: Int, _ b: Int) -> Int64 { Int64(a) << 32 | Int64(b) }
}
