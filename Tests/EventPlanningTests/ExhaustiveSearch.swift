import EventChecker
import EventScenario

/// The hard rules of docs/scenario-format.md and the objective of docs/roster-format.md,
/// written again from the documents alone: no EventPlanning code (and no EventChecker code;
/// `Roster` is only the input type of `violations(of:)`). Used by the brute-force optimiser
/// below and, in the property tests, as a second opinion beside `RosterChecker`.
struct IndependentRules {
    let scenario: Scenario
    /// Every expansion of every shift template inside the horizon, by start then end.
    let shifts: [Shift]
    /// What demand asks for: patrols of a template or agents of a post role, in a zone (first-demand order).
    let places: [Place]
    /// The horizon start's UTC offset: shift templates and daily hours are local to it.
    let localOffset: Int64

    struct Shift: Hashable {
        var start: Timestamp
        var end: Timestamp
        var hours: Double { Double(end.epochSeconds - start.epochSeconds) / 3600 }
    }

    enum Place: Hashable {
        case patrol(zone: Int, template: Int)
        case post(zone: Int, role: String)

        var zone: Int {
            switch self {
            case .patrol(let zone, _), .post(let zone, _): zone
            }
        }
    }

    init(_ scenario: Scenario) {
        self.scenario = scenario
        localOffset = Int64(scenario.horizon.start.offsetSeconds)
        shifts = Self.expand(scenario)
        var places: [Place] = []
        for demand in scenario.demands where !places.contains(Self.place(of: demand)) {
            places.append(Self.place(of: demand))
        }
        self.places = places
    }

    static func place(of demand: Demand) -> Place {
        switch demand.need {
        case .patrols(let template): .patrol(zone: demand.zone, template: template)
        case .post(let role, _): .post(zone: demand.zone, role: role)
        }
    }

    /// "Local start times (in the horizon start's offset) and length; expanded over every day;
    /// only shifts inside the horizon count."
    static func expand(_ scenario: Scenario) -> [Shift] {
        let horizon = scenario.horizon
        let offset = Int64(horizon.start.offsetSeconds)
        let local = horizon.start.epochSeconds + offset
        let firstMidnight = (local >= 0 ? local / 86400 : (local - 86399) / 86400) * 86400 - offset
        let slot = Int64(horizon.slotMinutes) * 60
        var result: [Shift] = []
        var day: Int64 = 0
        while firstMidnight + day * 86400 < horizon.end.epochSeconds {
            for template in scenario.rules.shiftTemplates {
                for time in template.startTimes {
                    let start = firstMidnight + day * 86400 + Int64(time.minutes) * 60
                    let end = start + Int64((template.hours * 3600).rounded())
                    guard start >= horizon.start.epochSeconds, end <= horizon.end.epochSeconds,
                          (start - horizon.start.epochSeconds) % slot == 0,
                          (end - horizon.start.epochSeconds) % slot == 0 else { continue }
                    let shift = Shift(start: Timestamp(epochSeconds: start, offsetSeconds: horizon.start.offsetSeconds),
                                      end: Timestamp(epochSeconds: end, offsetSeconds: horizon.start.offsetSeconds))
                    if !result.contains(shift) { result.append(shift) }
                }
            }
            day += 1
        }
        return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    // MARK: One person, one shift, one place

    func meets(_ person: Person, _ requirement: RoleRequirement) -> Bool {
        requirement.corps.contains(person.corps)
            && (requirement.status.isEmpty || requirement.status.contains(person.status))
            && requirement.qualifications.allSatisfy { person.qualifications.contains($0) }
            && (requirement.sex == nil || requirement.sex == person.sex)
    }

    private func overlaps(_ window: TimeWindow, _ shift: Shift) -> Bool {
        window.start < shift.end && shift.start < window.end
    }

    /// The demands a place serves.
    func demands(of place: Place) -> [Int] {
        scenario.demands.indices.filter { Self.place(of: scenario.demands[$0]) == place }
    }

    /// What holding `role` (template role index; ignored for posts) at `place` asks: the template
    /// role's requirement, or the post requirement of the place's demands the shift overlaps
    /// (all of them when it overlaps none).
    func requirements(_ place: Place, role: Int, shift: Shift) -> [RoleRequirement] {
        switch place {
        case .patrol(_, let template):
            return [scenario.patrolTemplates[template].roles[role].requirement]
        case .post:
            let all = demands(of: place)
            let overlapping = all.filter { overlaps(scenario.demands[$0].window, shift) }
            return (overlapping.isEmpty ? all : overlapping).compactMap {
                if case .post(_, let requirement) = scenario.demands[$0].need { return requirement }
                return nil
            }
        }
    }

    /// Whether local minute-of-day `m` lies in `hours` (`start == end` admits nothing).
    static func admits(_ hours: DailyHours, _ m: Int) -> Bool {
        let s = hours.start.minutes, e = hours.end.minutes
        if s < e { return s <= m && m < e }
        if s > e { return m >= s || m < e }
        return false
    }

    func municipalHours(_ person: Person) -> DailyHours {
        person.commune.flatMap { scenario.communes[$0].convention }?.hours ?? scenario.rules.municipalHoursWithoutConvention
    }

    /// Why `person` may not hold `role` at `place` during `shift` (empty: allowed), for the rules that
    /// concern one assignment: availability, rest after `lastShiftEnd`, the role's requirement,
    /// territory and powers of each corps.
    func problems(person p: Int, place: Place, role: Int, shift: Shift) -> [String] {
        let person = scenario.people[p]
        let zone = scenario.zones[place.zone]
        let rules = scenario.rules
        var found: [String] = []
        if !person.availability.contains(where: { $0.start <= shift.start && shift.end <= $0.end }) {
            found.append("unavailable")
        }
        if let last = person.lastShiftEnd,
           Double(shift.start.epochSeconds - last.epochSeconds) < rules.minRestHours * 3600 - 1e-6 {
            found.append("rest after lastShiftEnd")
        }
        let requirements = requirements(place, role: role, shift: shift)
        for requirement in requirements where !meets(person, requirement) { found.append("requirement") }
        switch person.corps {
        case .municipalPolice:
            if person.commune != zone.commune { found.append("municipal territory") }
            let convention = person.commune.flatMap { scenario.communes[$0].convention }
            if requirements.contains(where: { $0.qualifications.contains("armed") }) && convention?.armed != true {
                found.append("municipal arms")
            }
            let hours = municipalHours(person)
            var t = shift.start.epochSeconds + localOffset
            while t < shift.end.epochSeconds + localOffset {
                let minute = Int(((t % 86400) + 86400) % 86400 / 60)
                if !Self.admits(hours, minute) {
                    found.append("municipal hours")
                    break
                }
                t += 60
            }
        case .privateSecurity:
            let ownSite = person.site != nil && zone.site == person.site
            let road = zone.kind == .publicRoad && person.publicRoadAuthorised
            if !ownSite && !road { found.append("private site") }
        case .transportSecurity:
            if zone.kind != .transport { found.append("transport premises") }
        case .policeReservist:
            if demands(of: place).contains(where: {
                scenario.demands[$0].publicOrder && overlaps(scenario.demands[$0].window, shift)
            }) {
                found.append("police reservist on public order")
            }
        default:
            break
        }
        return found
    }

    /// Why a person may not work all of `shifts`: overlap, rest between shifts and after
    /// `lastShiftEnd`, the weekly cap.
    func scheduleProblems(person p: Int, shifts: [Shift]) -> [String] {
        let person = scenario.people[p]
        let rules = scenario.rules
        let sorted = shifts.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var found: [String] = []
        if let first = sorted.first, let last = person.lastShiftEnd,
           Double(first.start.epochSeconds - last.epochSeconds) < rules.minRestHours * 3600 - 1e-6 {
            found.append("rest after lastShiftEnd")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            if b.start < a.end {
                found.append("overlap")
            } else if Double(b.start.epochSeconds - a.end.epochSeconds) < rules.minRestHours * 3600 - 1e-6 {
                found.append("rest between shifts")
            }
        }
        if person.hoursThisWeek + sorted.reduce(0, { $0 + $1.hours }) > rules.weeklyHoursCap + 1e-9 {
            found.append("weekly hours")
        }
        return found
    }

    // MARK: One patrol

    /// Why `members` (person, template role index) are not one patrol of `template`: role counts,
    /// size, leader, one radio network (`radio`, or some common one when nil), reservist share and
    /// pairing, municipal police with other corps.
    func patrolProblems(template t: Int, members: [(person: Int, role: Int)], radio: String?) -> [String] {
        let template = scenario.patrolTemplates[t]
        let rules = scenario.rules
        var found: [String] = []
        for (r, role) in template.roles.enumerated() where members.filter({ $0.role == r }).count != role.count {
            found.append("composition")
        }
        if members.count != template.size || members.count < rules.patrolMinSize || members.count > rules.patrolMaxSize {
            found.append("size")
        }
        let people = members.map { scenario.people[$0.person] }
        if let leader = members.first(where: { $0.role == 0 }).map({ scenario.people[$0.person] }),
           !rules.leaderCorps.contains(leader.corps) || !rules.leaderStatus.contains(leader.status) {
            found.append("leader")
        }
        if let radio {
            if !people.allSatisfy({ $0.radios.contains(radio) }) { found.append("radio") }
        } else if commonRadios(people).isEmpty {
            found.append("radio")
        }
        let reservists = people.filter(\.corps.isReservist).count
        if Double(reservists) > rules.maxReservistShare * Double(people.count) + 1e-9 { found.append("reservist share") }
        if rules.reservistsPairedWithActive, reservists > 0, !people.contains(where: \.corps.isActiveStateForce) {
            found.append("reservist pairing")
        }
        if people.contains(where: { $0.corps != .municipalPolice }) {
            for person in people where person.corps == .municipalPolice {
                if person.commune.flatMap({ scenario.communes[$0].convention })?.jointPatrols != true {
                    found.append("municipal joint patrol")
                }
            }
        }
        return found
    }

    func commonRadios(_ people: [Person]) -> Set<String> {
        guard let first = people.first else { return [] }
        return people.dropFirst().reduce(Set(first.radios)) { $0.intersection($1.radios) }
    }

    // MARK: Cost

    /// Σ over demands and slots of priority × max(0, count − cover) × slot hours, where `cover(place, slot)`
    /// counts the patrols (or agents) of the place whose interval contains the slot.
    func shortfallCost(cover: (Place, Timestamp, Timestamp) -> Int) -> Double {
        let horizon = scenario.horizon
        let slotHours = Double(horizon.slotMinutes) / 60
        var total = 0.0
        for demand in scenario.demands {
            var t = demand.window.start
            while t < demand.window.end {
                let next = t.adding(minutes: horizon.slotMinutes)
                total += demand.priority * Double(max(0, demand.count - cover(Self.place(of: demand), t, next))) * slotHours
                t = next
            }
        }
        return total
    }

    // MARK: A whole roster

    /// Every rule a roster breaks, and its objective recomputed from its assignments and patrols.
    func violations(of roster: Roster) -> (violations: [String], objective: Double) {
        let personIndex = Dictionary(uniqueKeysWithValues: scenario.people.enumerated().map { ($1.id, $0) })
        let zoneIndex = Dictionary(uniqueKeysWithValues: scenario.zones.enumerated().map { ($1.id, $0) })
        let templateIndex = Dictionary(uniqueKeysWithValues: scenario.patrolTemplates.enumerated().map { ($1.id, $0) })
        let patrolIndex = Dictionary(roster.patrols.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [String] = []
        var shiftsOf: [Int: [Shift]] = [:]
        var membersOf: [Int: [(person: Int, role: Int)]] = [:]
        var staff = 0.0
        var covers: [(place: Place, start: Timestamp, end: Timestamp)] = []
        for a in roster.assignments {
            let what = "\(a.person) at \(a.zone) \(a.start)-\(a.end) as \(a.role)"
            guard let p = personIndex[a.person], let z = zoneIndex[a.zone] else {
                found.append("\(what): unknown person or zone")
                continue
            }
            let shift = Shift(start: a.start, end: a.end)
            if !shifts.contains(shift) { found.append("\(what): not a shift of the templates") }
            shiftsOf[p, default: []].append(shift)
            staff += scenario.people[p].costPerHour * shift.hours
            let place: Place
            var role = -1
            if let id = a.patrol {
                guard let q = patrolIndex[id], let t = templateIndex[roster.patrols[q].template],
                      let r = scenario.patrolTemplates[t].roles.firstIndex(where: { $0.id == a.role }) else {
                    found.append("\(what): unknown patrol, template or role")
                    continue
                }
                let patrol = roster.patrols[q]
                if patrol.zone != a.zone || patrol.start != a.start || patrol.end != a.end {
                    found.append("\(what): differs from its patrol \(id)")
                }
                if !patrol.members.contains(a.person) { found.append("\(what): not a member of \(id)") }
                place = .patrol(zone: z, template: t)
                role = r
                membersOf[q, default: []].append((p, r))
            } else {
                place = .post(zone: z, role: a.role)
                if !places.contains(place) { found.append("\(what): no demand for this post") }
                covers.append((place, a.start, a.end))
            }
            for problem in problems(person: p, place: place, role: role, shift: shift) {
                found.append("\(what): \(problem)")
            }
        }
        for (p, shifts) in shiftsOf {
            for problem in scheduleProblems(person: p, shifts: shifts) {
                found.append("\(scenario.people[p].id): \(problem)")
            }
        }
        for (q, patrol) in roster.patrols.enumerated() {
            guard let z = zoneIndex[patrol.zone], let t = templateIndex[patrol.template] else {
                found.append("patrol \(patrol.id): unknown zone or template")
                continue
            }
            let members = membersOf[q] ?? []
            if Set(members.map { scenario.people[$0.person].id }) != Set(patrol.members) || members.count != patrol.members.count {
                found.append("patrol \(patrol.id): members \(patrol.members) differ from its assignments")
            }
            if let leader = members.first(where: { $0.role == 0 }), scenario.people[leader.person].id != patrol.leader {
                found.append("patrol \(patrol.id): leader \(patrol.leader) does not hold the first role")
            }
            for problem in patrolProblems(template: t, members: members, radio: patrol.radio) {
                found.append("patrol \(patrol.id): \(problem)")
            }
            covers.append((.patrol(zone: z, template: t), patrol.start, patrol.end))
        }
        let shortfall = shortfallCost { place, start, end in
            covers.filter { $0.place == place && $0.start <= start && end <= $0.end }.count
        }
        return (found, staff + shortfall)
    }
}

/// A brute-force optimiser for tiny scenarios, independent of the planner: every person is idle
/// or works a set of shifts (several only when rest and weekly hours allow), each at one place in
/// one role; the people on one (zone, template, shift) must split into complete, valid patrols
/// (configurations where they cannot are skipped: a person outside a complete patrol is never
/// useful, and the configuration without that person is enumerated too); the cheapest
/// staff + shortfall cost wins. Branch and bound on the staff cost keeps it fast.
enum ExhaustiveSearch {
    struct Choice {
        var shift: Int
        var place: Int
        /// Template role index; -1 for a post.
        var role: Int
    }

    struct Optimum {
        var cost: Double
        var staff: Double
        var shortfall: Double
        /// Complete configurations evaluated.
        var leaves: Int
        /// Per person, the choices of one optimal configuration.
        var schedule: [[Choice]]
    }

    /// For each person, every admissible schedule (the empty one first).
    static func options(_ rules: IndependentRules) -> [[[Choice]]] {
        let scenario = rules.scenario
        let shiftCount = rules.shifts.count
        return scenario.people.indices.map { p in
            var result: [[Choice]] = [[]]
            // Single choices per shift.
            let single: [[Choice]] = rules.shifts.indices.map { s in
                var choices: [Choice] = []
                for (k, place) in rules.places.enumerated() {
                    let roles: [Int]
                    switch place {
                    case .patrol(_, let template): roles = Array(scenario.patrolTemplates[template].roles.indices)
                    case .post: roles = [-1]
                    }
                    for r in roles where rules.problems(person: p, place: place, role: r, shift: rules.shifts[s]).isEmpty {
                        choices.append(Choice(shift: s, place: k, role: r))
                    }
                }
                return choices
            }
            for mask in 1..<(1 << shiftCount) {
                let chosen = (0..<shiftCount).filter { mask & (1 << $0) != 0 }
                guard chosen.allSatisfy({ !single[$0].isEmpty }),
                      rules.scheduleProblems(person: p, shifts: chosen.map { rules.shifts[$0] }).isEmpty else { continue }
                var partial: [[Choice]] = [[]]
                for s in chosen {
                    partial = partial.flatMap { prefix in single[s].map { prefix + [$0] } }
                }
                result.append(contentsOf: partial)
            }
            return result
        }
    }

    /// Configurations the enumeration may visit at most (the product of the option counts).
    static func leafBound(_ scenario: Scenario) -> Int {
        options(IndependentRules(scenario)).reduce(1) { $0.multipliedReportingOverflow(by: $1.count).partialValue }
    }

    static func optimum(_ scenario: Scenario) -> Optimum {
        let rules = IndependentRules(scenario)
        let options = options(rules)
        let shiftCount = rules.shifts.count
        let placeCount = rules.places.count
        // Members of each (place, shift): (person, role).
        var members = Array(repeating: [(person: Int, role: Int)](), count: placeCount * max(1, shiftCount))
        var current = Array(repeating: [Choice](), count: scenario.people.count)
        let nobody = rules.shortfallCost { _, _, _ in 0 }
        var best = Optimum(cost: nobody, staff: 0, shortfall: nobody, leaves: 0,
                           schedule: Array(repeating: [], count: scenario.people.count))
        var leaves = 0

        func evaluate(staff: Double) {
            leaves += 1
            var units = Array(repeating: 0, count: members.count)
            for k in 0..<placeCount {
                for s in 0..<shiftCount {
                    let group = members[k * shiftCount + s]
                    guard !group.isEmpty else { continue }
                    switch rules.places[k] {
                    case .post:
                        units[k * shiftCount + s] = group.count
                    case .patrol(_, let template):
                        guard let patrols = partition(rules, template: template, group) else { return }
                        units[k * shiftCount + s] = patrols
                    }
                }
            }
            let shortfall = rules.shortfallCost { place, start, end in
                guard let k = rules.places.firstIndex(of: place) else { return 0 }
                var total = 0
                for s in 0..<shiftCount where rules.shifts[s].start <= start && end <= rules.shifts[s].end {
                    total += units[k * shiftCount + s]
                }
                return total
            }
            if staff + shortfall < best.cost - 1e-9 {
                best = Optimum(cost: staff + shortfall, staff: staff, shortfall: shortfall, leaves: 0, schedule: current)
            }
        }

        func search(_ p: Int, staff: Double) {
            if staff >= best.cost - 1e-9 && p > 0 { return }   // shortfalls only add
            if p == scenario.people.count {
                evaluate(staff: staff)
                return
            }
            let cost = scenario.people[p].costPerHour
            for option in options[p] {
                var extra = 0.0
                for choice in option {
                    members[choice.place * shiftCount + choice.shift].append((p, choice.role))
                    extra += cost * rules.shifts[choice.shift].hours
                }
                current[p] = option
                search(p + 1, staff: staff + extra)
                for choice in option { members[choice.place * shiftCount + choice.shift].removeLast() }
            }
            current[p] = []
        }

        search(0, staff: 0)
        best.leaves = leaves
        return best
    }

    /// The number of patrols `group` (people on one zone, template and shift) splits into, each
    /// complete and valid; nil when no such split exists.
    static func partition(_ rules: IndependentRules, template t: Int, _ group: [(person: Int, role: Int)]) -> Int? {
        let roles = rules.scenario.patrolTemplates[t].roles
        let count = group.filter { $0.role == 0 }.count / max(1, roles[0].count)
        guard count > 0 else { return nil }
        for (r, role) in roles.enumerated() where group.filter({ $0.role == r }).count != count * role.count {
            return nil
        }
        var patrols = Array(repeating: [(person: Int, role: Int)](), count: count)
        let ordered = group.sorted { ($0.role, $0.person) < ($1.role, $1.person) }
        func place(_ i: Int) -> Bool {
            if i == ordered.count {
                return patrols.allSatisfy { rules.patrolProblems(template: t, members: $0, radio: nil).isEmpty }
            }
            let member = ordered[i]
            var triedEmpty = false
            for q in 0..<count {
                let held = patrols[q].filter { $0.role == member.role }.count
                guard held < roles[member.role].count else { continue }
                if patrols[q].isEmpty {   // empty patrols are interchangeable
                    if triedEmpty { continue }
                    triedEmpty = true
                }
                patrols[q].append(member)
                if place(i + 1) { return true }
                patrols[q].removeLast()
            }
            return false
        }
        return place(0) ? count : nil
    }
}
