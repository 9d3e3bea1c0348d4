import EventScenario

/// Re-verifies a roster against its scenario alone, independently of the
/// optimisation model that produced it: every hard rule of
/// docs/scenario-format.md, then coverage, shortfalls and the objective are
/// recomputed from scratch. Runs in O(A log A + P + D·S) for A assignments,
/// P patrols, D demands of S slots: assignments are indexed by person, patrol
/// and (zone, role); coverage is one difference array per demanded (zone,
/// template/role), never a scan over all assignments per slot.
public enum RosterChecker {
    public static func check(scenario: Scenario, roster: Roster) -> CheckReport {
        var checker = Checker(scenario: scenario, roster: roster)
        return checker.run()
    }
}

/// What a role or post asks of the person who fills it, and where it comes from.
struct Requirement {
    var requirement: RoleRequirement
    /// `role leader of template duo` or `post search-f of demand d-gate`.
    var source: String
}

struct Checker {
    let scenario: Scenario
    let roster: Roster
    let rules: Rules
    let horizon: Horizon
    /// The horizon start's UTC offset: shift templates and daily hours are local to it.
    let localOffset: Int64
    let slotSeconds: Int64

    let personIndex: [String: Int]
    let zoneIndex: [String: Int]
    let templateIndex: [String: Int]
    let demandIndex: [String: Int]
    /// First patrol of each id.
    var patrolIndex: [String: Int] = [:]

    /// Per assignment: the person, zone and patrol index (-1 unknown or none), and whether start < end.
    var assignmentPerson: [Int]
    var assignmentZone: [Int]
    var assignmentPatrol: [Int]
    var assignmentValid: [Bool]
    /// Assignment indices of each roster patrol.
    var assignmentsByPatrol: [[Int]]

    /// Demands by (zone, post role) and by (zone, template).
    let postDemands: [PostKey: [Int]]
    let patrolDemands: [PatrolKey: [Int]]

    var violations: [Violation] = []

    struct PostKey: Hashable {
        var zone: Int
        var role: String
    }

    struct PatrolKey: Hashable {
        var zone: Int
        var template: Int
    }

    init(scenario: Scenario, roster: Roster) {
        self.scenario = scenario
        self.roster = roster
        rules = scenario.rules
        horizon = scenario.horizon
        localOffset = Int64(scenario.horizon.start.offsetSeconds)
        slotSeconds = Int64(max(1, scenario.horizon.slotMinutes)) * 60
        personIndex = Self.index(scenario.people.map(\.id))
        zoneIndex = Self.index(scenario.zones.map(\.id))
        templateIndex = Self.index(scenario.patrolTemplates.map(\.id))
        demandIndex = Self.index(scenario.demands.map(\.id))
        var posts: [PostKey: [Int]] = [:]
        var patrols: [PatrolKey: [Int]] = [:]
        for (d, demand) in scenario.demands.enumerated() {
            switch demand.need {
            case .patrols(let template): patrols[PatrolKey(zone: demand.zone, template: template), default: []].append(d)
            case .post(let role, _): posts[PostKey(zone: demand.zone, role: role), default: []].append(d)
            }
        }
        postDemands = posts
        patrolDemands = patrols
        let count = roster.assignments.count
        assignmentPerson = Array(repeating: -1, count: count)
        assignmentZone = Array(repeating: -1, count: count)
        assignmentPatrol = Array(repeating: -1, count: count)
        assignmentValid = Array(repeating: false, count: count)
        assignmentsByPatrol = Array(repeating: [], count: roster.patrols.count)
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    mutating func run() -> CheckReport {
        if let name = roster.scenario, name != scenario.name {
            add(.scenarioMismatch, "the roster was written for scenario \"\(name)\", not \"\(scenario.name)\"")
        }
        indexPatrols()
        for i in roster.assignments.indices { checkAssignment(i) }
        checkPeople()
        checkPins()
        for p in roster.patrols.indices { checkPatrol(p) }
        let totals = checkCoverageAndObjective()
        violations.sort(by: Violation.ordered)
        return CheckReport(violations: violations, recomputedObjective: totals.staff + totals.shortfall,
                           staffCost: totals.staff, shortfallCost: totals.shortfall,
                           reportedObjective: roster.objective, shortfalls: totals.shortfalls)
    }

    // MARK: - Helpers

    mutating func add(_ rule: RuleID, person: String? = nil, zone: String? = nil, start: Timestamp? = nil,
                      end: Timestamp? = nil, _ message: String) {
        violations.append(Violation(rule: rule, person: person, zone: zone, start: start, end: end, message: message))
    }

    /// `2026-05-30T14:00` in the horizon's local time.
    func clock(_ time: Timestamp) -> String {
        String(Timestamp(epochSeconds: time.epochSeconds, offsetSeconds: Int32(localOffset)).description.prefix(16))
    }

    func span(_ start: Timestamp, _ end: Timestamp) -> String { "\(clock(start))-\(clock(end).suffix(5))" }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Seconds since the local midnight (horizon offset) of `time`'s day, and that midnight's day number.
    func localDay(_ time: Timestamp) -> (day: Int64, second: Int64) {
        let local = time.epochSeconds + localOffset
        let day = Self.floorDiv(local, 86400)
        return (day, local - day * 86400)
    }

    func onGrid(_ time: Timestamp) -> Bool {
        let delta = time.epochSeconds - horizon.start.epochSeconds
        return ((delta % slotSeconds) + slotSeconds) % slotSeconds == 0
    }

    /// Reports start >= end, off-grid and outside-horizon times; returns whether start < end.
    mutating func checkTimes(_ start: Timestamp, _ end: Timestamp, person: String?, zone: String?,
                             what: String) -> Bool {
        guard start < end else {
            add(.timeOrder, person: person, zone: zone, start: start, end: end,
                "\(what) starts at \(start) but ends at \(end)")
            return false
        }
        let offGrid = [start, end].filter { !onGrid($0) }
        if !offGrid.isEmpty {
            add(.offGrid, person: person, zone: zone, start: start, end: end,
                "\(what): \(offGrid.map(\.description).joined(separator: " and ")) not on the \(horizon.slotMinutes)-minute slot grid from \(horizon.start)")
        }
        if start < horizon.start || end > horizon.end {
            add(.outsideHorizon, person: person, zone: zone, start: start, end: end,
                "\(what) \(span(start, end)) is not inside the horizon \(horizon.start) - \(horizon.end)")
        }
        return true
    }

    /// The parts of `requirement` that `person` does not meet, as (rule for posts, text).
    static func unmet(_ requirement: RoleRequirement, _ person: Person) -> [(RuleID, String)] {
        var result: [(RuleID, String)] = []
        if !requirement.corps.contains(person.corps) {
            result.append((.postCorps, "corps \(person.corps.rawValue) is not one of \(requirement.corps.map(\.rawValue).joined(separator: ", "))"))
        }
        if !requirement.status.isEmpty, !requirement.status.contains(person.status) {
            result.append((.postStatus, "status \(person.status.rawValue) is not one of \(requirement.status.map(\.rawValue).joined(separator: ", "))"))
        }
        let missing = requirement.qualifications.filter { !person.qualifications.contains($0) }
        if !missing.isEmpty {
            result.append((.postQualification, "lacks the qualification\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))"))
        }
        if let sex = requirement.sex, person.sex != sex {
            result.append((.postSex, "requires sex \(sex.rawValue), person's sex is \(person.sex?.rawValue ?? "not given")"))
        }
        return result
    }

    // MARK: - Patrol index

    mutating func indexPatrols() {
        for (p, patrol) in roster.patrols.enumerated() {
            if patrolIndex[patrol.id] == nil {
                patrolIndex[patrol.id] = p
            } else {
                add(.duplicateID, zone: patrol.zone, start: patrol.start, end: patrol.end,
                    "patrol id \(patrol.id) is used by more than one patrol (this one is ignored for membership)")
            }
        }
    }

    // MARK: - Assignments

    mutating func checkAssignment(_ i: Int) {
        let a = roster.assignments[i]
        let who = a.person, where_ = a.zone
        func report(_ rule: RuleID, _ message: String) -> Violation {
            Violation(rule: rule, person: who, zone: where_, start: a.start, end: a.end, message: message)
        }
        var found: [Violation] = []
        let person = personIndex[a.person] ?? -1
        let zone = zoneIndex[a.zone] ?? -1
        if person < 0 { found.append(report(.unknownReference, "person \(a.person) is not in the scenario")) }
        if zone < 0 { found.append(report(.unknownReference, "zone \(a.zone) is not in the scenario")) }
        var patrol = -1
        if let id = a.patrol {
            if let p = patrolIndex[id] {
                patrol = p
                assignmentsByPatrol[p].append(i)
            } else {
                found.append(report(.unknownReference, "patrol \(id) is not among the roster's patrols"))
            }
        }
        assignmentPerson[i] = person
        assignmentZone[i] = zone
        assignmentPatrol[i] = patrol
        violations.append(contentsOf: found)
        let valid = checkTimes(a.start, a.end, person: who, zone: where_, what: "assignment")
        assignmentValid[i] = valid
        if valid { checkShiftTemplate(a) }

        // The requirements of the role held.
        var requirements: [Requirement] = []
        var demandsForPublicOrder: [Int] = []
        if a.patrol != nil {
            if patrol >= 0 {
                let rosterPatrol = roster.patrols[patrol]
                if let t = templateIndex[rosterPatrol.template] {
                    let template = scenario.patrolTemplates[t]
                    if let role = template.roles.first(where: { $0.id == a.role }) {
                        requirements.append(Requirement(requirement: role.requirement,
                                                        source: "role \(role.id) of template \(template.id)"))
                    } else {
                        add(.unknownReference, person: who, zone: where_, start: a.start, end: a.end,
                            "role \(a.role) is not a role of template \(template.id) (patrol \(rosterPatrol.id); roles: \(template.roles.map(\.id).joined(separator: ", ")))")
                    }
                    if zone >= 0 { demandsForPublicOrder = patrolDemands[PatrolKey(zone: zone, template: t)] ?? [] }
                }
            }
        } else if zone >= 0 {
            let demands = postDemands[PostKey(zone: zone, role: a.role)] ?? []
            if demands.isEmpty {
                let roles = Set(scenario.demands.compactMap { d -> String? in
                    if d.zone == zone, case .post(let role, _) = d.need { return role }
                    return nil
                }).sorted()
                add(.postRole, person: who, zone: where_, start: a.start, end: a.end,
                    "no demand at zone \(a.zone) has the post role \(a.role)"
                        + (roles.isEmpty ? " (the zone has no post demand)" : " (post roles there: \(roles.joined(separator: ", ")))"))
            } else {
                // The demands this agent serves: those overlapping the shift; if none does, all of
                // the zone's demands for this role (the agent must qualify for at least the post).
                let overlapping = valid ? demands.filter {
                    let w = scenario.demands[$0].window
                    return w.start < a.end && a.start < w.end
                } : []
                let relevant = overlapping.isEmpty ? demands : overlapping
                var seen = Set<RoleRequirement>()
                for d in relevant {
                    let demand = scenario.demands[d]
                    if case .post(_, let requirement) = demand.need, seen.insert(requirement).inserted {
                        requirements.append(Requirement(requirement: requirement,
                                                        source: "post \(a.role) of demand \(demand.id)"))
                    }
                }
                demandsForPublicOrder = demands
            }
        }

        guard person >= 0 else { return }
        let p = scenario.people[person]
        if valid, !p.availability.contains(where: { $0.start <= a.start && a.end <= $0.end }) {
            let windows = p.availability.isEmpty ? "none"
                : p.availability.map { span($0.start, $0.end) }.joined(separator: ", ")
            add(.availability, person: who, zone: where_, start: a.start, end: a.end,
                "shift \(span(a.start, a.end)) lies within none of the person's availability windows (\(windows))")
        }
        for requirement in requirements {
            let unmet = Self.unmet(requirement.requirement, p)
            if a.patrol != nil {
                if !unmet.isEmpty {
                    add(.roleRequirement, person: who, zone: where_, start: a.start, end: a.end,
                        "\(requirement.source): \(unmet.map(\.1).joined(separator: "; "))")
                }
            } else {
                for (rule, text) in unmet {
                    add(rule, person: who, zone: where_, start: a.start, end: a.end, "\(requirement.source): \(text)")
                }
            }
        }
        guard zone >= 0 else { return }
        let z = scenario.zones[zone]
        switch p.corps {
        case .municipalPolice:
            checkMunicipal(a, p, z, requirements: requirements, valid: valid)
        case .privateSecurity:
            let ownSite = p.site != nil && z.site == p.site
            let road = z.kind == .publicRoad && p.publicRoadAuthorised
            if !ownSite && !road {
                let site = p.site.map { scenario.sites[$0].id } ?? "none"
                let zoneSite = z.site.map { scenario.sites[$0].id } ?? "none"
                let why = z.kind == .publicRoad ? "a public-road zone, and the agent is not authorised on the public road"
                    : "zone site \(zoneSite), not the agent's site \(site)"
                add(.privateSite, person: who, zone: where_, start: a.start, end: a.end,
                    "private security may act only on its own site (\(site)): \(z.id) is \(why)")
            }
        case .transportSecurity:
            if z.kind != .transport {
                add(.transportPremises, person: who, zone: where_, start: a.start, end: a.end,
                    "transport security acts only in transport zones; \(z.id) is a \(z.kind.rawValue) zone")
            }
        case .policeReservist:
            if valid {
                for d in demandsForPublicOrder {
                    let demand = scenario.demands[d]
                    if demand.publicOrder, demand.window.start < a.end, a.start < demand.window.end {
                        add(.policeReservistPublicOrder, person: who, zone: where_, start: a.start, end: a.end,
                            "police reservists never work a public-order demand; this shift serves \(demand.id) (\(span(demand.window.start, demand.window.end)))")
                    }
                }
            }
        default:
            break
        }
    }

    mutating func checkShiftTemplate(_ a: Roster.Assignment) {
        let (_, second) = localDay(a.start)
        let seconds = a.end.epochSeconds - a.start.epochSeconds
        let matches = rules.shiftTemplates.contains { template in
            abs(Double(seconds) - template.hours * 3600) < 0.5
                && template.startTimes.contains { Int64($0.minutes % 1440) * 60 == second }
        }
        if !matches {
            let templates = rules.shiftTemplates.map {
                "\($0.startTimes.map(\.description).joined(separator: "/")) for \(Self.number($0.hours)) h"
            }
            add(.shiftTemplate, person: a.person, zone: a.zone, start: a.start, end: a.end,
                "shift \(span(a.start, a.end)) (\(Self.number(Double(seconds) / 3600)) h) matches no shift template ("
                    + (templates.isEmpty ? "the scenario has none" : templates.joined(separator: "; ")) + ")")
        }
    }

    // MARK: - Municipal police

    /// Whether local minute `m` (0..<1440) lies in `hours`; `start == end` admits nothing, `00:00-24:00` everything.
    static func admits(_ hours: DailyHours, _ m: Int) -> Bool {
        let s = hours.start.minutes, e = hours.end.minutes
        if s < e { return s <= m && m < e }
        if s > e { return m >= s || m < e }
        return false
    }

    /// The first local minute of [start, end) outside `hours`, counted in minutes since the local epoch.
    func firstMinuteOutside(_ hours: DailyHours, from start: Int64, to end: Int64) -> Int64? {
        let s = Int64(hours.start.minutes), e = Int64(hours.end.minutes)
        var t = start
        while t < end {
            let m = ((t % 1440) + 1440) % 1440
            guard Self.admits(hours, Int(m)) else { return t }
            // Jump to the end of the allowed stretch containing t.
            let step = s < e ? e - m : m >= s ? 1440 - m + e : e - m
            t += max(1, step)
        }
        return nil
    }

    mutating func checkMunicipal(_ a: Roster.Assignment, _ p: Person, _ z: Zone, requirements: [Requirement],
                                 valid: Bool) {
        let convention = p.commune.flatMap { scenario.communes[$0].convention }
        let communeID = p.commune.map { scenario.communes[$0].id }
        if p.commune != z.commune {
            add(.municipalTerritory, person: a.person, zone: a.zone, start: a.start, end: a.end,
                "municipal police of \(communeID ?? "no commune") acts only in its own commune; \(z.id) is in \(scenario.communes[z.commune].id)")
        }
        if valid {
            let hours = convention?.hours ?? rules.municipalHoursWithoutConvention
            let from = Self.floorDiv(a.start.epochSeconds + localOffset, 60)
            let to = -Self.floorDiv(-(a.end.epochSeconds + localOffset), 60)
            if let outside = firstMinuteOutside(hours, from: from, to: to) {
                let time = Timestamp(epochSeconds: outside * 60 - localOffset, offsetSeconds: Int32(localOffset))
                let basis = convention == nil ? "hours without a convention" : "convention hours of \(communeID ?? "?")"
                add(.municipalHours, person: a.person, zone: a.zone, start: a.start, end: a.end,
                    "shift \(span(a.start, a.end)) works at \(clock(time).suffix(5)), outside the municipal \(basis) \(hours.start)-\(hours.end)")
            }
        }
        if convention?.armed != true {
            for requirement in requirements where requirement.requirement.qualifications.contains("armed") {
                add(.municipalArmed, person: a.person, zone: a.zone, start: a.start, end: a.end,
                    "\(requirement.source) needs `armed`, but \(convention == nil ? "commune \(communeID ?? "?") has no convention" : "the convention of \(communeID ?? "?") does not allow arms")")
            }
        }
    }

    // MARK: - People: overlap, rest, weekly hours

    mutating func checkPeople() {
        var byPerson = Array(repeating: [Int](), count: scenario.people.count)
        for i in roster.assignments.indices where assignmentPerson[i] >= 0 && assignmentValid[i] {
            byPerson[assignmentPerson[i]].append(i)
        }
        let assignments = roster.assignments
        let minRest = rules.minRestHours * 3600
        for (person, indices) in byPerson.enumerated() where !indices.isEmpty {
            let p = scenario.people[person]
            let sorted = indices.sorted {
                let a = assignments[$0], b = assignments[$1]
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                return $0 < $1
            }
            let first = assignments[sorted[0]]
            if let last = p.lastShiftEnd, Double(first.start.epochSeconds - last.epochSeconds) < minRest - 1e-6 {
                add(.rest, person: p.id, zone: first.zone, start: first.start, end: first.end,
                    "only \(Self.number(Double(first.start.epochSeconds - last.epochSeconds) / 3600)) h rest after the last shift ending \(last), below the \(Self.number(rules.minRestHours)) h minimum")
            }
            var latest = sorted[0]
            var hours = Double(first.end.epochSeconds - first.start.epochSeconds) / 3600
            for i in sorted.dropFirst() {
                let a = assignments[i], previous = assignments[latest]
                hours += Double(a.end.epochSeconds - a.start.epochSeconds) / 3600
                if a.start < previous.end {
                    add(.overlap, person: p.id, zone: a.zone, start: a.start, end: a.end,
                        "overlaps the assignment at \(previous.zone) \(span(previous.start, previous.end))")
                } else {
                    let rest = Double(a.start.epochSeconds - previous.end.epochSeconds)
                    if rest < minRest - 1e-6 {
                        add(.rest, person: p.id, zone: a.zone, start: a.start, end: a.end,
                            "only \(Self.number(rest / 3600)) h rest after the shift at \(previous.zone) \(span(previous.start, previous.end)), below the \(Self.number(rules.minRestHours)) h minimum")
                    }
                }
                if a.end > previous.end { latest = i }
            }
            if p.hoursThisWeek + hours > rules.weeklyHoursCap + 1e-9 {
                add(.weeklyHours, person: p.id, start: first.start, end: assignments[latest].end,
                    "\(Self.number(p.hoursThisWeek)) h already worked + \(Self.number(hours)) h planned = \(Self.number(p.hoursThisWeek + hours)) h, above the weekly cap of \(Self.number(rules.weeklyHoursCap)) h")
            }
            if rules.weeklyRestHours > 0 && rules.weeklyRestCorps.contains(p.corps) {
                checkWeeklyRest(p, sorted.map { assignments[$0] })
            }
            if rules.breakMinutes > 0 { checkBreaks(p, sorted.map { assignments[$0] }) }
        }
    }

    /// In every 7-day week from the horizon start, the longest stretch free of work (time of
    /// the week beyond the horizon is free) must reach `weeklyRestHours`.
    mutating func checkWeeklyRest(_ p: Person, _ work: [Roster.Assignment]) {
        let rest = Int64((rules.weeklyRestHours * 3600).rounded(.up))
        let week: Int64 = 7 * 86_400
        var weekStart = horizon.start.epochSeconds
        while weekStart < horizon.end.epochSeconds {
            let weekEnd = weekStart + week
            defer { weekStart = weekEnd }
            var free = weekStart
            var longest: Int64 = 0
            var any = false
            for a in work where a.end.epochSeconds > weekStart && a.start.epochSeconds < weekEnd {
                any = true
                longest = max(longest, a.start.epochSeconds - free)
                free = max(free, a.end.epochSeconds)
            }
            guard any else { continue }
            longest = max(longest, weekEnd - free)
            if longest < rest {
                let from = Timestamp(epochSeconds: weekStart, offsetSeconds: Int32(localOffset))
                let to = Timestamp(epochSeconds: weekEnd, offsetSeconds: Int32(localOffset))
                add(.weeklyRest, person: p.id, start: from, end: to,
                    "the longest time free of work in the week \(span(from, to)) is \(Self.number(Double(longest) / 3600)) h, below the weekly rest of \(Self.number(rules.weeklyRestHours)) h")
            }
        }
    }

    /// Nobody works more than `breakAfterHours` in a row: breaks of at least `breakMinutes` inside
    /// assignments, or gaps that long between them, cut the work into stretches within the limit.
    mutating func checkBreaks(_ p: Person, _ work: [Roster.Assignment]) {
        let limit = Int64((rules.breakAfterHours * 3600).rounded(.down))
        let shortest = Int64(rules.breakMinutes) * 60
        var pieces: [(start: Int64, end: Int64)] = []
        for a in work {
            var cursor = a.start.epochSeconds
            for b in a.breaks.sorted(by: { $0.start < $1.start }) {
                let from = b.start.epochSeconds, to = b.end.epochSeconds
                guard from >= cursor, to <= a.end.epochSeconds, from < to else {
                    add(.workBreak, person: p.id, zone: a.zone, start: a.start, end: a.end,
                        "break \(span(b.start, b.end)) is empty, outside the assignment \(span(a.start, a.end)) or overlaps another break")
                    continue
                }
                guard to - from >= shortest else {
                    add(.workBreak, person: p.id, zone: a.zone, start: b.start, end: b.end,
                        "break \(span(b.start, b.end)) lasts \(Self.number(Double(to - from) / 60)) min, shorter than the \(rules.breakMinutes) min a break needs")
                    continue
                }
                pieces.append((cursor, from))
                cursor = to
            }
            pieces.append((cursor, a.end.epochSeconds))
        }
        var index = 0
        while index < pieces.count {
            let start = pieces[index].start
            var end = pieces[index].end
            index += 1
            while index < pieces.count && pieces[index].start - end < shortest {
                end = max(end, pieces[index].end)
                index += 1
            }
            if end - start > limit {
                let from = Timestamp(epochSeconds: start, offsetSeconds: Int32(localOffset))
                let to = Timestamp(epochSeconds: end, offsetSeconds: Int32(localOffset))
                add(.workBreak, person: p.id, start: from, end: to,
                    "works \(Self.number(Double(end - start) / 3600)) h in a row \(span(from, to)) without a \(rules.breakMinutes)-minute break; the limit is \(Self.number(rules.breakAfterHours)) h")
            }
        }
    }

    /// Every pin of the scenario appears in the roster: same person, zone, role and times, in a
    /// patrol of the pinned template (patrol pins) or at a post (post pins).
    mutating func checkPins() {
        for (i, pin) in scenario.pins.enumerated() {
            let person = scenario.people[pin.person].id, zone = scenario.zones[pin.zone].id
            let template = pin.template.map { scenario.patrolTemplates[$0].id }
            let found = roster.assignments.contains { a in
                guard a.person == person, a.zone == zone, a.role == pin.role,
                      a.start == pin.window.start, a.end == pin.window.end else { return false }
                guard let template else { return a.patrol == nil }
                return roster.patrols.contains { $0.id == a.patrol && $0.template == template }
            }
            if !found {
                add(.pin, person: person, zone: zone, start: pin.window.start, end: pin.window.end,
                    "pinned[\(i)]: \(person) is pinned as \(pin.role)\(template.map { " in a \($0) patrol" } ?? "") at \(zone) \(span(pin.window.start, pin.window.end)), but the roster does not have it")
            }
        }
    }
}
