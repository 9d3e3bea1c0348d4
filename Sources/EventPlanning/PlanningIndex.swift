import EventScenario

/// One expanded shift: `[startSlot, endSlot)` on the horizon's slot grid.
public struct ShiftSlot: Hashable, Sendable {
    public var startSlot: Int
    public var endSlot: Int
    public var hours: Double
}

/// People who are interchangeable for every rule and cost: the planner
/// decides how many of a class do what, then names individuals afterwards.
public struct PersonClass: Sendable {
    /// A representative (the first member, in file order).
    public var representative: Int
    /// Members, in file order.
    public var members: [Int]
}

/// A place of work that demand asks for: patrols of a template in a zone, or a post role in a zone.
public struct Duty: Sendable {
    public enum Kind: Sendable {
        case patrol(template: Int)
        case post(role: String, requirement: RoleRequirement)
    }
    public var zone: Int
    public var kind: Kind
    /// Demands served by this duty, in file order (their windows do not overlap).
    public var demands: [Int]
    /// The kinds of patrol this duty may field (patrol duties only): each a radio network
    /// and a variant, after dominance pruning. Targets index into these.
    public var networks: [String] = []
    public var variants: [PatrolVariant] = []
}

/// Who leads a patrol, which decides who else may join it:
/// - `activeLed`: an active police officer or gendarme leads: reservists may join (they are paired),
///   municipal agents only under a convention allowing joint patrols;
/// - `municipalOnly`: municipal agents only, never a joint patrol, so no convention is needed;
/// - `otherLed`: someone else leads: no reservist (no pairing is guaranteed), municipal agents only
///   under a joint-patrol convention.
public enum PatrolVariant: Sendable, Hashable { case activeLed, municipalOnly, otherLed }

/// Where an assignment puts a person: a role of a patrol duty on a network, or a post duty.
public struct Target: Hashable, Sendable {
    public var duty: Int
    /// Index in `Duty.networks` (patrols), -1 for posts.
    public var network: Int
    /// Role index in the patrol template (patrols), -1 for posts.
    public var role: Int
}

/// A stretch of a demand's window over which the set of shifts covering it is constant,
/// so one shortfall variable stands for all its slots.
public struct CoverageSegment: Sendable {
    public var demand: Int
    public var startSlot: Int
    public var endSlot: Int
    /// Shifts whose interval contains the whole segment.
    public var coveringShifts: [Int]
}

/// Everything the model builder needs, derived once from the scenario: shifts,
/// classes, duties, eligibility and coverage segments. All lists are in a
/// deterministic order that depends only on the scenario's content and order.
public struct PlanningIndex: Sendable {
    public let scenario: Scenario
    public private(set) var shifts: [ShiftSlot] = []
    public private(set) var classes: [PersonClass] = []
    /// Class of each person.
    public private(set) var classOfPerson: [Int] = []
    public private(set) var duties: [Duty] = []
    /// Targets of each duty (patrol: network-major, role-minor; post: one).
    public private(set) var targetsOfDuty: [[Target]] = []
    /// For each class: allowed shifts, ascending.
    public private(set) var shiftsOfClass: [[Int]] = []
    /// For each class and target, whether the class may hold it (shift-independent rules).
    public private(set) var eligibleTargets: [[Target]] = []
    public private(set) var segments: [CoverageSegment] = []
    /// `publicOrderShift[duty][shift]`: the duty is public order during that shift.
    public private(set) var publicOrderShift: [[Bool]] = []
    public let restSlots: Int
    /// The duty serving each demand.
    public private(set) var dutyOfDemand: [Int] = []
    /// Each demand's window in slots.
    private var demandSlots: [Range<Int>] = []
    /// Coverage segments of each duty, in order.
    public private(set) var segmentsOfDuty: [[Int]] = []
    /// Weeks (7 days from the horizon start) in which the weekly rest can bind: less than
    /// `weeklyRestHours` of the week lie beyond the horizon's end. Slots may run past the horizon.
    public private(set) var restWeeks: [Range<Int>] = []
    /// `weeklyRestHours` in slots (rounded up: shifts start on the grid), and more than `restSlots`
    /// (the reader makes the weekly rest longer than the daily one; only rounding could tie them).
    public let weeklyRestSlots: Int

    public init(scenario: Scenario) {
        self.scenario = scenario
        let slotMinutes = scenario.horizon.slotMinutes
        // Two shifts of a person are at least a break apart, so that work stretches never join.
        restSlots = max(Int((scenario.rules.minRestHours * 60 / Double(slotMinutes)).rounded(.up)),
                        (scenario.rules.breakMinutes + slotMinutes - 1) / slotMinutes)
        weeklyRestSlots = max(Int((scenario.rules.weeklyRestHours * 60 / Double(slotMinutes)).rounded(.up)), restSlots + 1)
        shifts = Self.expandShifts(scenario)
        restWeeks = Self.bindingRestWeeks(scenario, restSlots: weeklyRestSlots)
        buildClasses()
        buildTasks()
        buildEligibility()
        buildSegments()
    }

    // MARK: Shifts

    static func expandShifts(_ scenario: Scenario) -> [ShiftSlot] {
        let horizon = scenario.horizon
        let start = horizon.start
        // Local midnight of the horizon's first day, in its own offset.
        let firstMidnight = start.adding(minutes: -start.minuteOfDay)
        let days = horizon.end.minutes(since: firstMidnight) / 1440 + 1
        var seen = Set<ShiftSlot>()
        var result: [ShiftSlot] = []
        for template in scenario.rules.shiftTemplates {
            let lengthMinutes = Int((template.hours * 60).rounded())
            for day in 0..<days {
                for time in template.startTimes {
                    let shiftStart = firstMidnight.adding(minutes: day * 1440 + time.minutes)
                    let shiftEnd = shiftStart.adding(minutes: lengthMinutes)
                    guard shiftStart >= horizon.start, shiftEnd <= horizon.end,
                          let a = horizon.slot(at: shiftStart), let b = horizon.slot(at: shiftEnd), a < b else { continue }
                    let shift = ShiftSlot(startSlot: a, endSlot: b, hours: Double(lengthMinutes) / 60)
                    if seen.insert(shift).inserted { result.append(shift) }
                }
            }
        }
        return result.sorted { ($0.startSlot, $0.endSlot) < ($1.startSlot, $1.endSlot) }
    }

    // MARK: Weekly rest

    /// The weeks whose rest the model must place: with a positive rest, every 7-day week
    /// from the horizon start that overlaps the horizon, unless `weeklyRestHours` of it lie beyond the end.
    static func bindingRestWeeks(_ scenario: Scenario, restSlots: Int) -> [Range<Int>] {
        let rules = scenario.rules
        guard rules.weeklyRestHours > 0, !rules.weeklyRestCorps.isEmpty else { return [] }
        let slotMinutes = scenario.horizon.slotMinutes
        let horizonSlots = scenario.horizon.end.minutes(since: scenario.horizon.start) / slotMinutes
        let weekSlots = 7 * 1440 / slotMinutes
        var weeks: [Range<Int>] = []
        var start = 0
        while start < horizonSlots {
            let end = start + weekSlots
            if end - horizonSlots < restSlots { weeks.append(start..<end) }
            start = end
        }
        return weeks
    }

    /// Whether `person` must get the weekly rest in the weeks of `restWeeks`.
    public func hasWeeklyRest(_ person: Person) -> Bool {
        !restWeeks.isEmpty && scenario.rules.weeklyRestCorps.contains(person.corps)
    }

    // MARK: Classes

    private struct ClassKey: Hashable {
        var corps: Corps
        var status: LegalStatus
        var qualifications: [String]
        var sex: Sex?
        var commune: Int?
        var radios: [String]
        var site: Int?
        var publicRoad: Bool
        var availability: [TimeWindow]
        var lastShiftEnd: Timestamp?
        var lastShiftOffset: Int32?
        var hours: Double
        var cost: Double
        /// Set to the person's index when the weekly cap or the weekly rest may bind: such people
        /// are never pooled, because the cap (or rest) of a pool is not that of each member.
        var alone: Int?
    }

    /// The most hours one person could work in the horizon: the heaviest chain of
    /// shifts each starting at least the minimum rest after the previous one ends.
    static func longestChainHours(_ shifts: [ShiftSlot], restSlots: Int) -> Double {
        var best = [Double](repeating: 0, count: shifts.count)
        for i in shifts.indices {
            var before = 0.0
            for j in 0..<i where shifts[j].endSlot + restSlots <= shifts[i].startSlot { before = max(before, best[j]) }
            best[i] = before + shifts[i].hours
        }
        return best.max() ?? 0
    }

    private mutating func buildClasses() {
        var classIndex: [ClassKey: Int] = [:]
        classOfPerson = Array(repeating: 0, count: scenario.people.count)
        let chain = Self.longestChainHours(shifts, restSlots: restSlots)
        // Pinned people are never pooled: the pin names them.
        let pinned = Set(scenario.pins.map(\.person))
        let longest = shifts.map(\.hours).max() ?? 0
        for (i, person) in scenario.people.enumerated() {
            let capMayBind = chain > longest + 1e-9 && person.hoursThisWeek + chain > scenario.rules.weeklyHoursCap + 1e-9
                || (!restWeeks.isEmpty && scenario.rules.weeklyRestCorps.contains(person.corps))
                || pinned.contains(i)
            let key = ClassKey(corps: person.corps, status: person.status, qualifications: person.qualifications,
                               sex: person.sex, commune: person.commune, radios: person.radios, site: person.site,
                               publicRoad: person.publicRoadAuthorised, availability: person.availability,
                               lastShiftEnd: person.lastShiftEnd, lastShiftOffset: person.lastShiftEnd?.offsetSeconds,
                               hours: person.hoursThisWeek, cost: person.costPerHour, alone: capMayBind ? i : nil)
            if let existing = classIndex[key] {
                classes[existing].members.append(i)
                classOfPerson[i] = existing
            } else {
                classIndex[key] = classes.count
                classOfPerson[i] = classes.count
                classes.append(PersonClass(representative: i, members: [i]))
            }
        }
    }

    // MARK: Tasks

    private mutating func buildTasks() {
        var byKey: [String: Int] = [:]
        for (d, demand) in scenario.demands.enumerated() {
            let key: String
            switch demand.need {
            case .patrols(let template): key = "\(demand.zone)|P|\(template)"
            case .post(let role, _): key = "\(demand.zone)|R|\(role)"
            }
            if let existing = byKey[key] {
                duties[existing].demands.append(d)
            } else {
                byKey[key] = duties.count
                let kind: Duty.Kind
                switch demand.need {
                case .patrols(let template): kind = .patrol(template: template)
                case .post(let role, let requirement): kind = .post(role: role, requirement: requirement)
                }
                duties.append(Duty(zone: demand.zone, kind: kind, demands: [d]))
            }
        }
        dutyOfDemand = Array(repeating: -1, count: scenario.demands.count)
        for (k, duty) in duties.enumerated() {
            for d in duty.demands { dutyOfDemand[d] = k }
        }
        demandSlots = scenario.demands.map { demand in
            let a = scenario.horizon.slot(at: demand.window.start) ?? 0
            return a..<max(a, scenario.horizon.slot(at: demand.window.end) ?? 0)
        }
        publicOrderShift = duties.map { duty in
            shifts.map { shift in
                duty.demands.contains { d in
                    let demand = scenario.demands[d]
                    guard demand.publicOrder else { return false }
                    let a = scenario.horizon.slot(at: demand.window.start) ?? 0
                    let b = scenario.horizon.slot(at: demand.window.end) ?? 0
                    return a < shift.endSlot && shift.startSlot < b
                }
            }
        }
    }

    // MARK: Eligibility

    private mutating func buildEligibility() {
        let rules = scenario.rules
        let horizon = scenario.horizon
        shiftsOfClass = classes.map { cls in
            let person = scenario.people[cls.representative]
            return shifts.indices.filter { s in
                let shift = shifts[s]
                let window = TimeWindow(start: horizon.time(ofSlot: shift.startSlot), end: horizon.time(ofSlot: shift.endSlot))
                guard person.availability.contains(where: { $0.contains(window) }) else { return false }
                if let last = person.lastShiftEnd,
                   window.start < last.adding(minutes: Int((rules.minRestHours * 60).rounded(.up))) { return false }
                if person.hoursThisWeek + shift.hours > rules.weeklyHoursCap + 1e-9 { return false }
                if person.corps == .municipalPolice {
                    let hours = municipalHours(of: person)
                    if !Self.covers(hours, from: window.start, minutes: window.end.minutes(since: window.start)) { return false }
                }
                return true
            }
        }
        // Patrol kinds of each duty: (radio, variant) pairs. Within a variant, network A is
        // dropped when another, B, is held, role by role, by everyone who holds A (ties: the
        // smaller name stays): any patrol on A could use B instead.
        for k in duties.indices {
            guard case .patrol(let template) = duties[k].kind else { continue }
            let roles = scenario.patrolTemplates[template].roles
            for variant in variants(of: template) {
                var holders: [String: [Set<Int>]] = [:]
                for (c, cls) in classes.enumerated() {
                    let person = scenario.people[cls.representative]
                    guard mayWork(person, in: duties[k]) else { continue }
                    for r in roles.indices where fits(person, template: template, role: r, variant: variant) {
                        for radio in person.radios {
                            holders[radio, default: Array(repeating: [], count: roles.count)][r].insert(c)
                        }
                    }
                }
                let names = holders.keys.sorted().filter { name in holders[name]!.allSatisfy { !$0.isEmpty } }
                func covers(_ b: String, _ a: String) -> Bool {
                    zip(holders[a]!, holders[b]!).allSatisfy { $0.isSubset(of: $1) }
                }
                for name in names where !names.contains(where: { other in
                    other != name && covers(other, name) && (!covers(name, other) || other < name)
                }) {
                    duties[k].networks.append(name)
                    duties[k].variants.append(variant)
                }
            }
        }
        targetsOfDuty = duties.enumerated().map { k, duty in
            switch duty.kind {
            case .patrol(let template):
                let roles = scenario.patrolTemplates[template].roles.count
                return duty.networks.indices.flatMap { n in (0..<roles).map { Target(duty: k, network: n, role: $0) } }
            case .post:
                return [Target(duty: k, network: -1, role: -1)]
            }
        }
        eligibleTargets = classes.map { cls in
            let person = scenario.people[cls.representative]
            var result: [Target] = []
            for (k, duty) in duties.enumerated() where mayWork(person, in: duty) {
                for target in targetsOfDuty[k] where mayHold(person, target) { result.append(target) }
            }
            return result
        }
    }

    /// Hours a municipal agent may work: the convention's, or the default without one.
    func municipalHours(of person: Person) -> DailyHours {
        guard let commune = person.commune, let convention = scenario.communes[commune].convention else {
            return scenario.rules.municipalHoursWithoutConvention
        }
        return convention.hours
    }

    /// Whether daily `hours` contain every minute of `[start, start + minutes)`.
    static func covers(_ hours: DailyHours, from start: Timestamp, minutes: Int) -> Bool {
        if hours.start.minutes == 0 && hours.end.minutes == 1440 { return true }
        if hours.start == hours.end { return false }
        var t = start.minuteOfDay
        for _ in 0..<minutes {
            let inside = hours.start < hours.end
                ? (t >= hours.start.minutes && t < hours.end.minutes)
                : (t >= hours.start.minutes || t < hours.end.minutes)
            if !inside { return false }
            t = (t + 1) % 1440
        }
        return true
    }

    /// Territory and powers that depend on the zone only.
    func mayWork(_ person: Person, in duty: Duty) -> Bool {
        let zone = scenario.zones[duty.zone]
        switch person.corps {
        case .municipalPolice: return person.commune == zone.commune
        case .privateSecurity: return (zone.site != nil && zone.site == person.site)
            || (zone.kind == .publicRoad && person.publicRoadAuthorised)
        case .transportSecurity: return zone.kind == .transport
        default: return true
        }
    }

    /// Whether `person` meets a role requirement, with the municipal arms rule.
    func meets(_ person: Person, _ requirement: RoleRequirement) -> Bool {
        guard requirement.corps.contains(person.corps) else { return false }
        if !requirement.status.isEmpty && !requirement.status.contains(person.status) { return false }
        if let sex = requirement.sex, person.sex != sex { return false }
        for q in requirement.qualifications where !person.qualifications.contains(q) { return false }
        if person.corps == .municipalPolice && requirement.qualifications.contains("armed") {
            let convention = person.commune.flatMap { scenario.communes[$0].convention }
            if convention?.armed != true { return false }
        }
        return true
    }

    /// The patrol variants a template can field.
    func variants(of template: Int) -> [PatrolVariant] {
        let roles = scenario.patrolTemplates[template].roles
        var result: [PatrolVariant] = []
        if roles[0].requirement.corps.contains(where: \.isActiveStateForce) { result.append(.activeLed) }
        if roles.allSatisfy({ $0.requirement.corps.contains(.municipalPolice) }) { result.append(.municipalOnly) }
        if roles[0].requirement.corps.contains(where: { !$0.isActiveStateForce }) { result.append(.otherLed) }
        return result
    }

    /// Whether `person` may hold role `r` of `template` in a patrol of `variant`.
    func fits(_ person: Person, template: Int, role r: Int, variant: PatrolVariant) -> Bool {
        guard meets(person, scenario.patrolTemplates[template].roles[r].requirement) else { return false }
        let jointAllowed = person.commune.flatMap { scenario.communes[$0].convention }?.jointPatrols == true
        if person.corps.isReservist && reservistLimit(of: template) == 0 { return false }
        switch variant {
        case .activeLed:
            if r == 0 && !person.corps.isActiveStateForce { return false }
            if person.corps == .municipalPolice && !jointAllowed { return false }
        case .municipalOnly:
            if person.corps != .municipalPolice { return false }
        case .otherLed:
            if r == 0 && person.corps.isActiveStateForce { return false }
            if person.corps.isReservist && scenario.rules.reservistsPairedWithActive { return false }
            if person.corps == .municipalPolice && !jointAllowed { return false }
        }
        return true
    }

    /// Most reservists one patrol of `template` may hold.
    func reservistLimit(of template: Int) -> Int {
        let size = scenario.patrolTemplates[template].size
        return Int((scenario.rules.maxReservistShare * Double(size) + 1e-9).rounded(.down))
    }

    private func mayHold(_ person: Person, _ target: Target) -> Bool {
        let duty = duties[target.duty]
        switch duty.kind {
        case .patrol(let template):
            return person.radios.contains(duty.networks[target.network])
                && fits(person, template: template, role: target.role, variant: duty.variants[target.network])
        case .post:
            // Shift by shift, `mayAssign` asks for every overlapping demand's requirement.
            return duty.demands.contains { d in
                guard case .post(_, let requirement) = scenario.demands[d].need else { return false }
                return meets(person, requirement)
            }
        }
    }

    /// Whether `class` may hold `target` on `shift` (adds the rules that depend on time).
    public func mayAssign(class c: Int, target: Target, shift: Int) -> Bool {
        let p = classes[c].representative
        if scenario.people[p].corps == .policeReservist && publicOrderShift[target.duty][shift] { return false }
        guard case .post = duties[target.duty].kind else { return true }
        // A post agent meets the requirement of every demand of the post overlapping the shift.
        let span = shifts[shift]
        var overlapping = 0
        for d in duties[target.duty].demands {
            let slots = demandSlots[d]
            guard slots.lowerBound < span.endSlot, span.startSlot < slots.upperBound else { continue }
            overlapping += 1
            guard case .post(_, let requirement) = scenario.demands[d].need, meets(scenario.people[p], requirement) else { return false }
        }
        return overlapping > 0
    }

    // MARK: Coverage segments

    private mutating func buildSegments() {
        let horizon = scenario.horizon
        segmentsOfDuty = Array(repeating: [], count: duties.count)
        for (k, duty) in duties.enumerated() {
            for d in duty.demands {
                let demand = scenario.demands[d]
                guard let a = horizon.slot(at: demand.window.start), let b = horizon.slot(at: demand.window.end) else { continue }
                var boundaries = Set([a, b])
                for shift in shifts {
                    if shift.startSlot > a && shift.startSlot < b { boundaries.insert(shift.startSlot) }
                    if shift.endSlot > a && shift.endSlot < b { boundaries.insert(shift.endSlot) }
                }
                let cuts = boundaries.sorted()
                for (from, to) in zip(cuts, cuts.dropFirst()) {
                    let covering = shifts.indices.filter { shifts[$0].startSlot <= from && shifts[$0].endSlot >= to }
                    segmentsOfDuty[k].append(segments.count)
                    segments.append(CoverageSegment(demand: d, startSlot: from, endSlot: to, coveringShifts: covering))
                }
            }
        }
    }
}
