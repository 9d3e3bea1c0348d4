/// Writes realistic reservist call-up scenarios, deterministically for a seed (its own SplitMix64
/// streams: never Swift's random generator, never a dictionary's order).
///
/// - Departments are the real ones (FrenchDepartment.all, in INSEE order, metropolitan first);
///   past 101, synthetic ones ("X102", ...) are added.
/// - Reservists are shared among departments by population (at least one each when there are
///   enough), 85 % gendarmerie and 15 % police; ranks and daily pay follow the corps (gendarmerie
///   EUR 41-160, police EUR 74-240); annual caps mostly 60 (gendarmerie; some 150 or 210) or 90
///   (police volunteers; 150 for retired police); 0-30 days already served; 60 % salaried, 30 % of
///   them with their employer's consent; 20 % with the reactivity clause; 40-150 km of travel;
///   homes scattered around the department's centre; about a quarter of the days available, in
///   blocks (weekends, whole weeks, a few ranges); driving common, motorcycling, OPJ
///   qualification, nautical (coast) and cyber skills rare.
/// - Missions lie in their department. Each department's demand is 55-85 % of what its reservists
///   could supply (available days after notice, under the cap and the employer quota), spread over
///   routine patrols, events (some of public order, with a Fête nationale on 13-14 July), missions
///   needing a skill, and in metropolitan coastal departments beach and tourism security and
///   nautical patrols in July-August, so that coastal demand peaks in summer. Some missions pair
///   reservists with active staff (`activeStaff`). Needs are 1-30 reservists a day.
/// - `planningDate` defaults to 20 days before `start`: the first 10 days fall inside the 30-day
///   notice, so only reservists with the reactivity clause can be called for them.
public enum ReservistGenerator {
    public static func generate(reservists: Int, departments: Int, days: Int, seed: UInt64,
                                start: CivilDate = CivilDate("2026-06-01")!, planningDate: CivilDate? = nil) -> ReservistScenario {
        precondition(reservists >= 0, "reservists must not be negative")
        precondition(departments >= 1, "at least one department")
        precondition((1...366).contains(days), "days must be 1...366")
        var generator = Generator(reservistCount: reservists, departmentCount: departments, dayCount: days, seed: seed,
                                  start: start, planningDate: planningDate ?? start.adding(days: -20))
        return generator.run()
    }

    /// The department table the generator uses for `count` departments: the first `count` real
    /// ones, then synthetic ones in metropolitan France.
    public static func departmentTable(_ count: Int) -> [FrenchDepartment] {
        var table = Array(FrenchDepartment.all.prefix(count))
        var rng = SplitMix64(seed: 0x5EED_DE9A, stream: 7)
        while table.count < count {
            let n = table.count + 1
            let lat = 43.5 + 5.5 * rng.unit(), lon = -0.5 + 6.5 * rng.unit()
            table.append(FrenchDepartment(id: "X\(n)", name: "Département \(n)",
                                          centre: Location(latitude: (lat * 100).rounded() / 100, longitude: (lon * 100).rounded() / 100),
                                          population: 150 + rng.int(0...850), coastal: rng.chance(0.2), overseas: false, spread: 0.35))
        }
        return table
    }
}

// MARK: - Pseudo-random numbers

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and the same on every platform.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// An independent stream for `stream` (a phase or a department) under `seed`.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: stream &* 0xD1B5_4A32_D192_ED03 ^ 0x243F_6A88_85A3_08D3)
        state = seed ^ mixer.next()
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in `range` (multiply-high; the bias is below 2^-40 for the small ranges used here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let count = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: count).high)
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// In (-1, 1), peaked at 0 (the sum of two uniforms).
    mutating func centred() -> Double { unit() + unit() - 1 }

    mutating func pick<T>(_ items: [(T, Double)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var x = unit() * total
        for (item, weight) in items {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1].0
    }
}

// MARK: - The generator

private struct Generator {
    let reservistCount: Int
    let departmentCount: Int
    let dayCount: Int
    let seed: UInt64
    let start: CivilDate
    let planningDate: CivilDate
    let rules = ReservistRules()
    let table: [FrenchDepartment]

    /// Per day: ISO weekday, month, day of the month.
    let weekday: [Int]
    let month: [Int]
    let dayOfMonth: [Int]
    /// Day indices of the Saturdays, and of the Mondays (the first may be negative: a week begun before day 0).
    let saturdays: [Int]
    let mondays: [Int]

    init(reservistCount: Int, departmentCount: Int, dayCount: Int, seed: UInt64, start: CivilDate, planningDate: CivilDate) {
        self.reservistCount = reservistCount
        self.departmentCount = departmentCount
        self.dayCount = dayCount
        self.seed = seed
        self.start = start
        self.planningDate = planningDate
        table = ReservistGenerator.departmentTable(departmentCount)
        var weekday: [Int] = [], month: [Int] = [], dayOfMonth: [Int] = []
        for d in 0..<dayCount {
            let date = start.adding(days: d)
            weekday.append(date.weekday)
            let c = date.components
            month.append(c.month)
            dayOfMonth.append(c.day)
        }
        self.weekday = weekday
        self.month = month
        self.dayOfMonth = dayOfMonth
        var saturdays = weekday[0] == 7 ? [-1] : []
        saturdays += (0..<dayCount).filter { weekday[$0] == 6 }
        self.saturdays = saturdays
        let firstMonday = -(weekday[0] - 1)
        mondays = Array(stride(from: firstMonday, to: dayCount, by: 7))
    }

    func isWeekend(_ d: Int) -> Bool { weekday[d] >= 6 }
    func isSummer(_ d: Int) -> Bool { month[d] == 7 || month[d] == 8 }
    /// 14 July and 15 August.
    func isHoliday(_ d: Int) -> Bool { (month[d] == 7 && dayOfMonth[d] == 14) || (month[d] == 8 && dayOfMonth[d] == 15) }

    mutating func run() -> ReservistScenario {
        let departments = table.map { Department(id: $0.id, name: $0.name) }
        let counts = apportion(reservistCount, weights: table.map { Double($0.population) }, atLeastOne: reservistCount >= departmentCount)
        let idWidth = max(6, String(reservistCount).count)
        var reservists: [Reservist] = []
        reservists.reserveCapacity(reservistCount)
        var supply = [Double](repeating: 0, count: departmentCount)
        var scratch = [Bool](repeating: false, count: dayCount)
        let scenarioShell = ReservistScenario(name: "", planningDate: planningDate, startDate: start, dayCount: dayCount, rules: rules,
                                              departments: [], reservists: [], missions: [])
        let firstCallable = scenarioShell.firstCallableDay(noticeDays: rules.defaultNoticeDays)
        let firstCallableReactive = scenarioShell.firstCallableDay(noticeDays: rules.reactivityNoticeDays)
        for d in 0..<departmentCount {
            var rng = SplitMix64(seed: seed, stream: 1_000 + UInt64(d))
            for _ in 0..<counts[d] {
                let number = reservists.count + 1
                let digits = String(number)
                let id = "R" + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
                let r = reservist(id: id, department: d, rng: &rng, scratch: &scratch)
                supply[d] += Double(Self.supply(of: r, firstCallable: r.reactivity ? firstCallableReactive : firstCallable,
                                                weekday: weekday, quota: rules.employerQuotaDays))
                reservists.append(r)
            }
        }
        var missions: [Mission] = []
        for d in 0..<departmentCount {
            var rng = SplitMix64(seed: seed, stream: 2_000 + UInt64(d))
            missions += departmentMissions(d, supply: supply[d], rng: &rng)
        }
        let name = "Generated: \(reservistCount) reservists, \(departmentCount) departments, \(dayCount) days from \(start) (seed \(seed))"
        return ReservistScenario(name: name, planningDate: planningDate, startDate: start, dayCount: dayCount, rules: rules,
                                 departments: departments, reservists: reservists, missions: missions)
    }

    /// Largest-remainder shares of `total` by `weights` (ties to the lower index).
    func apportion(_ total: Int, weights: [Double], atLeastOne: Bool) -> [Int] {
        var counts = [Int](repeating: atLeastOne ? 1 : 0, count: weights.count)
        let rest = total - (atLeastOne ? weights.count : 0)
        let sum = weights.reduce(0, +)
        guard rest > 0, sum > 0 else { return counts }
        var fractions: [(Double, Int)] = []
        var given = 0
        for (i, w) in weights.enumerated() {
            let exact = Double(rest) * w / sum
            let whole = Int(exact)
            counts[i] += whole
            given += whole
            fractions.append((exact - Double(whole), i))
        }
        fractions.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        for k in 0..<(rest - given) { counts[fractions[k % fractions.count].1] += 1 }
        return counts
    }

    /// The most days a reservist could serve, travel and skills aside: available days after the
    /// notice, within the employer quota (working days, without consent) and the remaining cap.
    static func supply(of r: Reservist, firstCallable: Int, weekday: [Int], quota: Int) -> Int {
        var working = 0, weekend = 0
        for d in r.availableDays where d >= firstCallable {
            if weekday[d] <= 5 { working += 1 } else { weekend += 1 }
        }
        if r.salaried && !r.employerConsent { working = min(working, max(0, quota - r.employerDaysUsed)) }
        return min(working + weekend, r.remainingDays)
    }

    // MARK: Reservists

    static let gendarmerieRanks: [((String, Int), Double)] = [
        (("gendarme", 45), 38), (("brigadier", 50), 12), (("brigadier-chef", 55), 10), (("maréchal des logis", 62), 12),
        (("maréchal des logis-chef", 72), 8), (("adjudant", 82), 7), (("adjudant-chef", 92), 5), (("aspirant", 75), 2),
        (("sous-lieutenant", 95), 2), (("lieutenant", 108), 2), (("capitaine", 125), 1.5), (("commandant", 150), 0.5),
    ]
    static let retiredPoliceRanks: [((String, Int), Double)] = [
        (("gardien de la paix", 90), 40), (("brigadier", 105), 20), (("brigadier-chef", 120), 15), (("major", 140), 12),
        (("lieutenant", 165), 6), (("capitaine", 195), 5), (("commandant", 225), 2),
    ]
    static let seniorRanks: Set<String> = ["adjudant", "adjudant-chef", "aspirant", "sous-lieutenant", "lieutenant", "capitaine",
                                           "commandant", "major"]

    func reservist(id: String, department d: Int, rng: inout SplitMix64, scratch: inout [Bool]) -> Reservist {
        let place = table[d]
        let police = rng.chance(0.15)
        let retired = police && rng.chance(0.35)
        let rank: String, pay: Int, cap: Int
        if !police {
            let (name, base) = rng.pick(Self.gendarmerieRanks)
            rank = name
            pay = min(160, base + rng.int(0...8))
            cap = rng.pick([(60, 78), (150, 17), (210, 5)])
        } else if retired {
            let (name, base) = rng.pick(Self.retiredPoliceRanks)
            rank = name
            pay = min(240, base + rng.int(0...12))
            cap = 150
        } else {
            rank = "réserviste volontaire"
            pay = 74 + rng.int(0...10)
            cap = 90
        }
        let daysServed = rng.chance(0.4) ? 0 : rng.int(1...30)
        let salaried = !retired && rng.chance(0.63)
        let consent = salaried && rng.chance(0.30)
        let employerDaysUsed = salaried ? rng.pick([(0, 4), (1, 1), (2, 1), (3, 1), (4, 1), (5, 0.6), (6, 0.4)]) : 0
        let reactivity = rng.chance(0.20)
        let maxTravel = 40 + 10 * rng.int(0...11)
        let lat = place.centre.latitude + place.spread * rng.centred()
        let lon = place.centre.longitude + place.spread * rng.centred() / max(0.3, cos(place.centre.latitude * .pi / 180))
        var skills: [String] = []
        if rng.chance(0.03) { skills.append("cyber") }
        if rng.chance(0.55) { skills.append("driver") }
        if rng.chance(0.07) { skills.append("motorcyclist") }
        if rng.chance(place.coastal ? 0.12 : 0.015) { skills.append("nautical") }
        if rng.chance(retired ? 0.30 : Self.seniorRanks.contains(rank) ? 0.25 : 0.02) { skills.append("opj") }
        let available = availability(rng: &rng, scratch: &scratch)
        return Reservist(id: id, corps: police ? .policeReservist : .gendarmerieReservist, department: d,
                         home: Location(latitude: round4(lat), longitude: round4(lon)), rank: rank, dailyPay: Double(pay),
                         skills: skills, availableDays: available, annualCap: cap, daysServed: daysServed, salaried: salaried,
                         employerConsent: consent, employerDaysUsed: employerDaysUsed, reactivity: reactivity,
                         maxTravelKm: Double(maxTravel))
    }

    /// About a quarter of the days in all, in blocks: weekends, whole weeks or ranges. Most
    /// reservists give 11 % to 30 % of the days (plus what blocks add); one in ten (students,
    /// the retired) gives 45 % to 75 %, more than the annual cap leaves to some of them.
    func availability(rng: inout SplitMix64, scratch: inout [Bool]) -> [Int] {
        let wide = rng.chance(0.1)
        let fraction = wide ? 0.45 + 0.30 * rng.unit() : 0.11 + 0.19 * rng.unit()
        let target = max(1, Int((Double(dayCount) * fraction).rounded()))
        let style = wide ? rng.pick([(1, 50.0), (2, 50.0)]) : rng.pick([(0, 35.0), (1, 30.0), (2, 35.0)])  // weekends, weeks, ranges
        var count = 0
        func mark(_ from: Int, _ to: Int) {
            let lo = max(0, from), hi = min(dayCount - 1, to)
            guard lo <= hi else { return }
            for d in lo...hi where !scratch[d] {
                scratch[d] = true
                count += 1
            }
        }
        var attempts = 0
        while count < target && attempts < 200 {
            attempts += 1
            // One block in six breaks the habit.
            let kind = rng.chance(1.0 / 6) ? rng.int(0...2) : style
            switch kind {
            case 0 where !saturdays.isEmpty:
                let s = saturdays[rng.int(0...(saturdays.count - 1))]
                mark(rng.chance(0.25) ? s - 1 : s, s + 1)
            case 1:
                let m = mondays[rng.int(0...(mondays.count - 1))]
                mark(m, m + 6)
            default:
                let length = rng.int(2...10)
                let from = rng.int(-(length - 1)...(dayCount - 1))
                mark(from, from + length - 1)
            }
        }
        var days: [Int] = []
        days.reserveCapacity(count)
        for d in 0..<dayCount where scratch[d] {
            days.append(d)
            scratch[d] = false
        }
        return days
    }

    // MARK: Missions

    enum Kind { case routine, event, skilled, tourism, nautical }

    /// A mission before it gets its id.
    struct Draft {
        var first: Int
        var needed: [Int]
        var skill: String?
        var priority: Double
        var publicOrder: Bool
        var pairing = 0.0
    }

    func departmentMissions(_ d: Int, supply: Double, rng: inout SplitMix64) -> [Mission] {
        let place = table[d]
        let summerDays = (0..<dayCount).filter(isSummer)
        let summer = place.hasSummerPeak && summerDays.count >= 7
        // Demand: 55-85 % of the department's supply; a few reservist-days even without reservists.
        let target = max(Double(min(dayCount, 5)), supply * (0.55 + 0.30 * rng.unit()))
        let shares: [(Kind, Double)] = summer
            ? [(.tourism, 0.40), (.nautical, 0.05), (.event, 0.15), (.skilled, 0.10), (.routine, 0.30)]
            : [(.routine, 0.55), (.event, 0.25), (.skilled, 0.20)]
        var drafts: [Draft] = []
        // The Fête nationale: fireworks and a parade on 13-14 July, public order.
        if !place.overseas, let july14 = (0..<dayCount).first(where: { month[$0] == 7 && dayOfMonth[$0] == 14 }), rng.chance(0.8) {
            let first = max(0, july14 - 1)
            let size = max(2, min(30, Int(target * 0.03 / Double(july14 - first + 1))))
            drafts.append(Draft(first: first, needed: (first...july14).map { $0 == july14 ? size : max(1, size / 2) },
                                skill: nil, priority: Double(100 * rng.int(8...15)), publicOrder: true))
        }
        for (kind, share) in shares {
            var budget = target * share
            var made = 0
            while budget >= 1 && made < 5_000 {
                var draft = self.draft(kind, budget: budget, summerDays: summerDays, place: place, rng: &rng)
                let total = draft.needed.reduce(0, +)
                if Double(total) > budget * 1.3 {
                    // Scale down to the budget, keeping at least one reservist a day.
                    let f = budget / Double(total)
                    draft.needed = draft.needed.map { max(1, Int((Double($0) * f).rounded())) }
                }
                budget -= Double(draft.needed.reduce(0, +))
                drafts.append(draft)
                made += 1
            }
        }
        var missions: [Mission] = []
        let width = max(3, String(drafts.count).count)
        for (k, draft) in drafts.enumerated() {
            let digits = String(k + 1)
            let id = "M-\(place.id)-" + String(repeating: "0", count: width - digits.count) + digits
            let lat = place.centre.latitude + 0.8 * place.spread * rng.centred()
            let lon = place.centre.longitude + 0.8 * place.spread * rng.centred() / max(0.3, cos(place.centre.latitude * .pi / 180))
            var activeStaff: [Int]?
            if draft.pairing > 0 && rng.chance(draft.pairing) {
                if rng.chance(0.6) {
                    let peak = draft.needed.max() ?? 1
                    activeStaff = [Int](repeating: max(1, Int((Double(peak) * (0.6 + 0.6 * rng.unit())).rounded())), count: draft.needed.count)
                } else {
                    activeStaff = draft.needed.map { max(0, Int((Double($0) * (0.7 + 0.6 * rng.unit())).rounded())) }
                }
            }
            missions.append(Mission(id: id, department: d, location: Location(latitude: round4(lat), longitude: round4(lon)),
                                    firstDay: draft.first, lastDay: draft.first + draft.needed.count - 1, skill: draft.skill,
                                    needed: draft.needed, priority: draft.priority, publicOrder: draft.publicOrder,
                                    activeStaff: activeStaff))
        }
        return missions
    }

    /// A span of `length` days at a random place in the horizon.
    func span(_ length: Int, rng: inout SplitMix64) -> Int {
        rng.int(0...(dayCount - min(length, dayCount)))
    }

    /// Up to `length` days starting anywhere from `length - 1` days before the horizon, cut to
    /// the horizon: every day is equally likely to be covered (a span placed inside the horizon
    /// would cover its middle more often than its ends).
    func clippedSpan(_ length: Int, rng: inout SplitMix64) -> ClosedRange<Int> {
        let first = rng.int(-(length - 1)...(dayCount - 1))
        return max(0, first)...min(dayCount - 1, first + length - 1)
    }

    func draft(_ kind: Kind, budget: Double, summerDays: [Int], place: FrenchDepartment, rng: inout SplitMix64) -> Draft {
        switch kind {
        case .routine:
            // Patrols and brigade reinforcement over weeks; more on weekends for some.
            let days = clippedSpan(max(1, min(rng.int(min(14, dayCount)...dayCount), Int(budget))), rng: &rng)
            let first = days.lowerBound
            let base = rng.int(1...max(1, min(12, Int(budget / Double(days.count)))))
            let weekendBoost = rng.chance(0.45)
            let needed = days.map { d in min(30, weekendBoost && isWeekend(d) ? base + (base + 1) / 2 : base) }
            return Draft(first: first, needed: needed, skill: rng.chance(0.2) ? "driver" : nil,
                         priority: Double(10 * rng.int(15...45)), publicOrder: rng.chance(0.1), pairing: 0.2)
        case .event:
            // Festivals, concerts, sports: 1-4 days, often from a Friday or a Saturday.
            let length = min(dayCount, rng.int(1...4))
            var first = span(length, rng: &rng)
            if rng.chance(0.7), let weekendStart = (first..<min(dayCount - length + 1, first + 7)).first(where: { weekday[$0] >= 5 }) {
                first = weekendStart
            }
            let peak = rng.int(5...max(5, min(30, Int(budget / Double(length)))))
            let middle = first + length / 2
            let needed = (first..<(first + length)).map { $0 == middle ? peak : max(1, peak * 2 / 3) }
            return Draft(first: first, needed: needed, skill: nil, priority: Double(100 * rng.int(6...15)),
                         publicOrder: rng.chance(0.6), pairing: 0.3)
        case .skilled:
            let skill = rng.pick([("motorcyclist", 0.35), ("opj", 0.25), ("driver", 0.30),
                                  (place.population >= 800 ? "cyber" : "driver", 0.10)])
            switch skill {
            case "motorcyclist":
                // Road safety: mostly weekends.
                let days = clippedSpan(max(1, min(rng.int(min(14, dayCount)...dayCount), Int(budget * 2))), rng: &rng)
                let first = days.lowerBound
                let peak = rng.int(1...4)
                let needed = days.map { isWeekend($0) ? peak : 1 }
                return Draft(first: first, needed: needed, skill: skill, priority: Double(10 * rng.int(30...70)), publicOrder: false)
            case "opj", "cyber":
                let days = clippedSpan(max(1, min(rng.int(min(7, dayCount)...min(dayCount, 60)), Int(budget))), rng: &rng)
                let n = skill == "opj" ? rng.int(1...2) : 1
                return Draft(first: days.lowerBound, needed: [Int](repeating: n, count: days.count), skill: skill,
                             priority: Double(10 * rng.int(50...100)), publicOrder: false)
            default:
                // Escorts and transport.
                let days = clippedSpan(max(1, min(rng.int(min(7, dayCount)...min(dayCount, 30)), Int(budget))), rng: &rng)
                let n = rng.int(1...max(1, min(5, Int(budget / Double(days.count)))))
                return Draft(first: days.lowerBound, needed: [Int](repeating: n, count: days.count), skill: skill,
                             priority: Double(10 * rng.int(30...60)), publicOrder: false, pairing: 0.1)
            }
        case .tourism, .nautical:
            // Beach and tourism security in July-August: weekends and the two holidays peak, and
            // the heart of the season (14 July to 20 August) is busier.
            let lo = summerDays.first!, hi = summerDays.last!
            let first = min(hi, lo + rng.int(0...7)), last = max(first, hi - rng.int(0...7))
            let length = last - first + 1
            if kind == .nautical {
                let n = rng.int(1...max(1, min(4, Int(budget / Double(length)))))
                return Draft(first: first, needed: (first...last).map { isWeekend($0) || isHoliday($0) ? n + 1 : n },
                             skill: "nautical", priority: Double(10 * rng.int(40...80)), publicOrder: false)
            }
            let base = Double(rng.int(1...max(1, min(18, Int(budget / Double(length) / 1.3)))))
            let needed = (first...last).map { d -> Int in
                var f = 1.0
                if isWeekend(d) { f *= 1.3 }
                if isHoliday(d) { f *= 1.5 }
                let heart = (month[d] == 7 && dayOfMonth[d] >= 14) || (month[d] == 8 && dayOfMonth[d] <= 20)
                if heart { f *= 1.2 }
                return max(1, min(30, Int((base * f).rounded())))
            }
            return Draft(first: first, needed: needed, skill: rng.chance(0.1) ? "driver" : nil,
                         priority: Double(10 * rng.int(30...80)), publicOrder: rng.chance(0.1), pairing: 0.25)
        }
    }
}

/// Rounded to 4 decimals (about 10 m), so that coordinates print short and read back exactly.
private func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
