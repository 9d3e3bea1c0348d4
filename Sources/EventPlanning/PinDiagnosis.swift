import EventScenario

/// Pins that no plan can honour, found before any model is built or, for conflicts that only
/// the model reveals, by a deletion filter over the pins of an infeasible component.
public struct PinConflict: Error, CustomStringConvertible {
    /// Indices into `Scenario.pins` (`pinned[i]` in the file).
    public var pins: [Int]
    public var problem: String
    public var fix: String

    public var description: String {
        "contradictory pins \(pins.map { "pinned[\($0)]" }.joined(separator: ", ")): \(problem); \(fix)"
    }
}

/// Where each pin goes in the model: its shift, its duty and the targets that hold its role.
struct ResolvedPin {
    var pin: Int
    var shift: Int
    var duty: Int
    /// Patrol role index in the template, -1 for a post.
    var role: Int
}

extension PlanningIndex {
    /// Resolves every pin to a shift, duty and role the pinned person may hold, or throws a
    /// `PinConflict` naming the pin and what is wrong: a time that is no shift, a role no demand
    /// asks for, a person the role's requirements or territory rules exclude, or pins that
    /// together exceed the weekly cap.
    func resolvePins() throws(PinConflict) -> [ResolvedPin] {
        var resolved: [ResolvedPin] = []
        var hours: [Int: (total: Double, pins: [Int])] = [:]
        for (i, pin) in scenario.pins.enumerated() {
            let person = scenario.people[pin.person]
            let start = scenario.horizon.slot(at: pin.window.start), end = scenario.horizon.slot(at: pin.window.end)
            guard let s = shifts.firstIndex(where: { $0.startSlot == start && $0.endSlot == end }) else {
                throw PinConflict(pins: [i], problem: "\(pin.window.start) to \(pin.window.end) is not a shift of the shift templates",
                                  fix: "pin a shift that a template starts and lasts, or add that template")
            }
            guard let k = duties.firstIndex(where: { duty in
                guard duty.zone == pin.zone else { return false }
                switch duty.kind {
                case .patrol(let template): return template == pin.template
                case .post(let role, _): return pin.template == nil && role == pin.role
                }
            }) else {
                throw PinConflict(pins: [i], problem: "no demand of zone \(scenario.zones[pin.zone].id) asks for \(pin.template == nil ? "post role" : "patrols with role") \(pin.role)",
                                  fix: "pin a role that a demand of that zone asks for")
            }
            var role = -1
            if case .patrol(let template) = duties[k].kind {
                role = scenario.patrolTemplates[template].roles.firstIndex { $0.id == pin.role } ?? -1
            }
            let c = classOfPerson[pin.person]
            let holdable = shiftsOfClass[c].contains(s) && targetsOfDuty[k].contains { target in
                target.role == role && eligibleTargets[c].contains(target) && mayAssign(class: c, target: target, shift: s)
            }
            guard holdable else {
                throw PinConflict(pins: [i], problem: "\(person.id) (\(person.corps.rawValue)) may not hold \(pin.role) at \(scenario.zones[pin.zone].id) from \(pin.window.start) to \(pin.window.end): the role's requirements, the territory and powers of the corps, the rest after the last shift or the weekly cap exclude it",
                                  fix: "pin someone who may hold that role there, or change the role")
            }
            resolved.append(ResolvedPin(pin: i, shift: s, duty: k, role: role))
            let entry = hours[pin.person] ?? (person.hoursThisWeek, [])
            hours[pin.person] = (entry.total + shifts[s].hours, entry.pins + [i])
        }
        for person in hours.keys.sorted() where hours[person]!.total > scenario.rules.weeklyHoursCap + 1e-9 {
            let entry = hours[person]!
            throw PinConflict(pins: entry.pins, problem: "\(scenario.people[person].id)'s pins make \(entry.total) h this week with the hours already worked, above weeklyHoursCap \(scenario.rules.weeklyHoursCap)",
                              fix: "remove a pin or raise the cap")
        }
        return resolved
    }
}
