import EventScenario

/// SplitMix64: a small seeded generator whose sequence depends on the seed only.
/// The helpers below are written out (rather than `Int.random(in:using:)`) so that
/// the scenarios of a seed never change with the standard library's algorithms.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 ^ 0xD1B5_4A32_D192_ED03 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (the modulo bias is irrelevant here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Each item kept with `probability`, in order.
    mutating func subset<T>(_ items: [T], _ probability: Double) -> [T] {
        items.filter { _ in chance(probability) }
    }

    /// As `subset`, but never empty (one random item when nothing was kept).
    mutating func nonEmptySubset<T>(_ items: [T], _ probability: Double) -> [T] {
        let kept = subset(items, probability)
        return kept.isEmpty ? [pick(items)] : kept
    }
}

/// Seeded random scenarios that respect every invariant the scenario reader
/// enforces (docs/scenario-format.md): ids unique, leader roles first with
/// count 1 and only leader corps and statuses, patrol sizes within the rules,
/// times on the hourly grid inside the horizon, non-overlapping demands per
/// zone and template (or post role), municipal police with a commune, private
/// security with a site, availability windows disjoint, `lastShiftEnd` not
/// after the horizon start.
enum RandomScenarios {
    /// Sizes of what is drawn.
    struct Shape {
        var zones: ClosedRange<Int>
        var communes: ClosedRange<Int>
        var sites: ClosedRange<Int>
        var patrolTemplates: ClosedRange<Int>
        var demands: ClosedRange<Int>
        var people: ClosedRange<Int>
        var shiftTemplates: ClosedRange<Int>
        var startTimesPerTemplate: ClosedRange<Int>
        var horizonHours: ClosedRange<Int>
        var demandCount: ClosedRange<Int>
        /// Probability that a person is an exact copy of an earlier one (same class for the planner).
        var twins: Double
        /// Probability of the variant where municipal police may lead (as in the bundled concert).
        var municipalLeaders: Double
        /// Whether patrols of three are as likely as patrols of two (otherwise one template in three).
        var sizeThree: Bool
        /// Probability that a demand asks for patrols rather than agents at a post.
        var patrolDemands: Double
        /// Scales the probability of every narrowing draw (restricted availability, rest carried in,
        /// hours already worked, narrow role requirements): below 1, more people may hold more roles.
        var strictness: Double
        /// Probability that a demand's window lies inside a shift that fits the horizon.
        var demandsInShifts: Double

        /// Property tests: 1-3 zones, 1-2 communes, 0-1 sites, 1-2 patrol templates, 1-4 demands,
        /// 2-10 people, 2-4 shift templates, hourly slots over 6-30 hours.
        static let small = Shape(zones: 1...3, communes: 1...2, sites: 0...1, patrolTemplates: 1...2, demands: 1...4,
                                 people: 2...10, shiftTemplates: 2...4, startTimesPerTemplate: 1...2,
                                 horizonHours: 6...30, demandCount: 1...2, twins: 0.2, municipalLeaders: 0.15,
                                 sizeThree: true, patrolDemands: 0.55, strictness: 1,
                                 demandsInShifts: 0.6)

        /// Exhaustive tests: 2-4 people, 1-2 zones, 1-2 demands, and 1-2 shift templates of one start
        /// time each over at most 23 hours, hence 1-2 shift instances.
        static let tiny = Shape(zones: 1...2, communes: 1...2, sites: 0...1, patrolTemplates: 1...2, demands: 1...2,
                                people: 2...4, shiftTemplates: 1...2, startTimesPerTemplate: 1...1,
                                horizonHours: 6...23, demandCount: 1...2, twins: 0.25, municipalLeaders: 0.2,
                                sizeThree: false, patrolDemands: 0.6, strictness: 0.4,
                                demandsInShifts: 0.9)
    }

    static func small(seed: UInt64) -> Scenario { make(seed: seed, shape: .small) }

    static func tiny(seed: UInt64) -> Scenario { make(seed: seed &+ 0x7117, shape: .tiny) }

    static let offsets: [Int32] = [7200, 7200, 0, -14400, 19800]   // +02:00, Z, -04:00, +05:30
    static let radios = ["INPT", "RUBIS", "PM", "SITE"]
    static let qualifications = ["armed", "pat-down", "first-aid", "driver"]
    static let postRoles = ["guard", "search", "watch"]
    static let communeHours: [DailyHours] = [
        .allDay, hours(6, 23), hours(10, 26), hours(22, 30), hours(8, 20), hours(14, 24),
    ]

    /// Daily hours from `start` to `end` o'clock; an end past 24 wraps (`hours(22, 30)` is 22:00-06:00).
    static func hours(_ start: Int, _ end: Int) -> DailyHours {
        DailyHours(start: TimeOfDay(minutes: start * 60),
                   end: TimeOfDay(minutes: end == 24 ? 1440 : (end % 24) * 60))
    }

    static func make(seed: UInt64, shape: Shape) -> Scenario {
        var random = SeededRandom(seed: seed)
        let strict = shape.strictness
        let offset = random.pick(offsets)
        // 2026-05-30T00:00 local, then a random whole hour.
        let midnight = Timestamp(epochSeconds: 1_780_099_200 - Int64(offset), offsetSeconds: offset)
        let start = midnight.adding(minutes: 60 * random.int(0...23))
        let length = random.int(shape.horizonHours)
        let horizon = Horizon(start: start, end: start.adding(minutes: 60 * length), slotMinutes: 60)
        func at(_ hour: Int) -> Timestamp { horizon.time(ofSlot: hour) }
        func localHour(_ time: Timestamp) -> Int { time.minuteOfDay / 60 }

        // Rules.
        var rules = Rules()
        rules.minRestHours = random.pick([11, 11, 8, 4, 2, 0, 0])
        rules.weeklyHoursCap = random.pick([48, 48, 40, 20])
        rules.maxReservistShare = random.pick([0.5, 0.5, 0.34, 0.67, 1, 0])
        rules.reservistsPairedWithActive = random.chance(0.7)
        if random.chance(0.2) { rules.municipalHoursWithoutConvention = random.pick(communeHours) }
        let municipalLeaders = random.chance(shape.municipalLeaders)
        if municipalLeaders {
            rules.leaderCorps = [.nationalPolice, .gendarmerie, .municipalPolice]
            rules.leaderStatus = [.opj, .apj, .apjAdjoint]
        }
        // Shift templates: the first start time of the first template always fits the horizon, later
        // ones mostly do; `fitted` keeps the slot ranges of those, for demands to fall in.
        var fitted: [(start: Int, end: Int)] = []
        for t in 0..<random.int(shape.shiftTemplates) {
            let hours = random.int(2...min(12, length))
            var startTimes: [TimeOfDay] = []
            for k in 0..<random.int(shape.startTimesPerTemplate) {
                var hour = random.int(0...23)
                if (t == 0 && k == 0) || random.chance(0.75) {
                    let a = random.int(0...(length - hours))
                    fitted.append((a, a + hours))
                    hour = localHour(at(a))
                }
                let time = TimeOfDay(minutes: hour * 60)
                if !startTimes.contains(time) { startTimes.append(time) }
            }
            rules.shiftTemplates.append(ShiftTemplate(startTimes: startTimes, hours: Double(hours)))
        }

        // Communes, sites, zones.
        let communes = (0..<random.int(shape.communes)).map { c in
            Commune(id: "c\(c)", name: "Commune \(c)",
                    convention: random.chance(0.6)
                        ? Convention(jointPatrols: random.chance(0.6), hours: random.pick(communeHours),
                                     armed: random.chance(0.5))
                        : nil)
        }
        let sites = (0..<random.int(shape.sites)).map { Site(id: "s\($0)", name: "Site \($0)") }
        let zones = (0..<random.int(shape.zones)).map { z in
            let kind = random.pick(ZoneKind.allCases + [.publicRoad, .venue])
            let site = !sites.isEmpty && (kind == .venue || random.chance(0.3)) ? random.int(0...(sites.count - 1)) : nil
            return Zone(id: "z\(z)", name: "Zone \(z)", kind: kind, commune: random.int(0...(communes.count - 1)),
                        site: site)
        }

        // People (first, so that requirements can be drawn from what is there).
        let stateForces: [Corps] = [.nationalPolice, .gendarmerie]
        var people: [Person] = []
        for p in 0..<random.int(shape.people) {
            if !people.isEmpty, random.chance(shape.twins) {
                var twin = random.pick(people)
                twin.id = "p\(p)"
                people.append(twin)
                continue
            }
            var corps: Corps
            if p == 0 || random.chance(p == 1 ? 0.6 : 0.3) {
                corps = random.pick(stateForces)
            } else {
                corps = random.pick(Corps.allCases)
            }
            if corps == .privateSecurity && sites.isEmpty { corps = .gendarmerieReservist }
            let status: LegalStatus = corps.isActiveStateForce
                ? (p == 0 ? random.pick([.opj, .apj]) : random.pick([.opj, .apj, .apj, .apj, .apjAdjoint, .none]))
                : corps == .municipalPolice ? random.pick([.apjAdjoint, .apjAdjoint, .none, .apj])
                : random.pick([.none, .none, .apjAdjoint, .apj])
            var radios: [String]
            switch corps {
            case .municipalPolice: radios = random.nonEmptySubset(["PM", "INPT"], 0.6)
            case .privateSecurity: radios = random.nonEmptySubset(["SITE", "INPT"], 0.4)
            case .transportSecurity: radios = random.nonEmptySubset(["RUBIS", "INPT"], 0.6)
            default: radios = random.chance(0.85) ? ["INPT"] + random.subset(["RUBIS"], 0.3) : ["RUBIS"]
            }
            if random.chance(0.05 * strict) { radios = [] }
            if random.chance(0.1) { radios.append(random.pick(Self.radios)) }
            var availability = [TimeWindow(start: horizon.start, end: horizon.end)]
            if random.chance(0.25 * strict) {
                let a = random.int(0...(length / 2))
                let b = random.int(max(a + 1, length / 2)...length)
                availability = [TimeWindow(start: at(a), end: at(b))]
                if b + 1 < length, random.chance(0.5) {
                    availability.append(TimeWindow(start: at(random.int((b + 1)...(length - 1))), end: horizon.end))
                }
            }
            let lastShiftEnd = random.chance(0.25 * strict) ? horizon.start.adding(minutes: -60 * random.int(0...14)) : nil
            people.append(Person(
                id: "p\(p)", corps: corps, status: status,
                qualifications: Array(Set(random.subset(qualifications, 0.35))).sorted(),
                sex: random.chance(0.85) ? random.pick(Sex.allCases) : nil,
                commune: corps == .municipalPolice ? random.int(0...(communes.count - 1)) : nil,
                radios: Array(Set(radios)).sorted(),
                site: corps == .privateSecurity ? random.int(0...(sites.count - 1)) : nil,
                publicRoadAuthorised: corps == .privateSecurity && random.chance(0.5),
                availability: availability, lastShiftEnd: lastShiftEnd,
                hoursThisWeek: random.chance(1 - 0.4 * strict) ? 0 : Double(random.pick([8, 20, 30, 36, 40, 44, 46])),
                costPerHour: Double(random.int(30...100)) / 2))
        }
        let present = Corps.allCases.filter { c in people.contains { $0.corps == c } }

        // Patrol templates.
        var templates: [PatrolTemplate] = []
        for t in 0..<random.int(shape.patrolTemplates) {
            var leaderCorps: [Corps] = municipalLeaders && random.chance(0.6)
                ? random.nonEmptySubset([.nationalPolice, .gendarmerie, .municipalPolice], 0.6)
                : random.nonEmptySubset(stateForces, 0.7)
            var leaderStatus: [LegalStatus] = random.chance(0.7) ? rules.leaderStatus : random.nonEmptySubset(rules.leaderStatus, 0.5)
            // Mostly, someone present may lead.
            let leaders = people.filter { rules.leaderCorps.contains($0.corps) && rules.leaderStatus.contains($0.status) }
            if !leaders.isEmpty, random.chance(1 - 0.2 * strict) {
                let leader = random.pick(leaders)
                leaderCorps = rules.leaderCorps.filter { leaderCorps.contains($0) || $0 == leader.corps }
                leaderStatus = rules.leaderStatus.filter { leaderStatus.contains($0) || $0 == leader.status }
            }
            var roles = [PatrolRole(id: "lead", count: 1,
                                    requirement: RoleRequirement(corps: leaderCorps, status: leaderStatus,
                                                                 qualifications: random.chance(0.1 * strict) ? ["armed"] : []))]
            func memberRequirement() -> RoleRequirement {
                var corps = random.chance(1 - 0.7 * strict) ? Corps.allCases : random.nonEmptySubset(Corps.allCases, 0.4)
                if random.chance(0.7) { corps = Corps.allCases.filter { corps.contains($0) || $0.isActiveStateForce } }
                if municipalLeaders && random.chance(0.5) { corps = [.municipalPolice] + corps.filter { $0 != .municipalPolice } }
                if random.chance(0.6) {
                    let someone = random.pick(people).corps
                    corps = Corps.allCases.filter { corps.contains($0) || $0 == someone }
                }
                return RoleRequirement(corps: corps,
                                       status: random.chance(0.1 * strict) ? [.opj, .apj, .apjAdjoint] : [],
                                       qualifications: random.chance(0.12 * strict) ? [random.pick(qualifications)] : [],
                                       sex: random.chance(0.08 * strict) ? random.pick(Sex.allCases) : nil)
            }
            switch random.int(0...(shape.sizeThree ? 3 : 5)) {
            case 0: roles.append(PatrolRole(id: "member", count: 2, requirement: memberRequirement()))
            case 1:
                roles.append(PatrolRole(id: "second", count: 1, requirement: memberRequirement()))
                roles.append(PatrolRole(id: "third", count: 1, requirement: memberRequirement()))
            default: roles.append(PatrolRole(id: "member", count: 1, requirement: memberRequirement()))
            }
            templates.append(PatrolTemplate(id: "t\(t)", roles: roles))
        }

        // Demands: patrols or posts; a (zone, template or role) already demanded gets a disjoint window.
        var demands: [Demand] = []
        var postRequirements: [String: RoleRequirement] = [:]
        for d in 0..<random.int(shape.demands) {
            let zone = random.int(0...(zones.count - 1))
            var a = random.int(0...(length - 1))
            var b = random.int((a + 1)...min(length, a + random.int(2...24)))
            if random.chance(shape.demandsInShifts) {   // inside a shift that fits
                let shift = random.pick(fitted)
                a = random.int(shift.start...(shift.end - 1))
                b = random.int((a + 1)...shift.end)
            }
            let window = TimeWindow(start: at(a), end: at(b))
            let need: Demand.Need
            if random.chance(shape.patrolDemands) {
                need = .patrols(template: random.int(0...(templates.count - 1)))
            } else {
                let role = random.pick(postRoles)
                // One requirement per (zone, role): two demands of a post role ask for the same agents.
                let key = "\(zone)|\(role)"
                var corps = random.chance(0.75) ? random.nonEmptySubset(present, 0.5) : random.nonEmptySubset(Corps.allCases, 0.35)
                if random.chance(0.35) {   // corps whose territory is limited: the powers rules come into play
                    let limited: [Corps] = [.municipalPolice, .transportSecurity, .privateSecurity]
                    corps = Corps.allCases.filter { corps.contains($0) || limited.contains($0) }
                }
                let requirement = postRequirements[key] ?? RoleRequirement(
                    corps: corps,
                    status: random.chance(0.15 * strict) ? [.opj, .apj] : [],
                    qualifications: random.chance(0.3 * strict) ? [random.pick(qualifications)] : [],
                    sex: random.chance(0.15 * strict) ? random.pick(Sex.allCases) : nil)
                postRequirements[key] = requirement
                need = .post(role: role, requirement: requirement)
            }
            let clash = demands.contains { other in
                guard other.zone == zone, other.window.start < window.end, window.start < other.window.end else { return false }
                switch (other.need, need) {
                case (.patrols(let x), .patrols(let y)): return x == y
                case (.post(let x, _), .post(let y, _)): return x == y
                default: return false
                }
            }
            if clash { continue }
            demands.append(Demand(id: "d\(d)", zone: zone, window: window, need: need,
                                  count: random.int(shape.demandCount),
                                  priority: Double(random.pick([10, 60, 200, 500, 1000, 1000, 2500])),
                                  publicOrder: random.chance(0.35)))
        }

        return Scenario(name: "random \(seed)", horizon: horizon, rules: rules, communes: communes, sites: sites,
                        zones: zones, patrolTemplates: templates, demands: demands, people: people)
    }
}
