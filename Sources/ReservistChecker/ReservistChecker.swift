import Foundation
import ReservistScenario

/// Re-verifies a reservist plan against its scenario alone, independently of the planner
/// that produced it: every hard rule of docs/reservist-format.md, then the objective, the
/// totals and the coverage are recomputed from scratch.
///
/// Runs in O(C + D log k + M + P·H) for C call-ups, D called days, k days of one reservist,
/// M mission-days, P departments and H horizon days: days are bucketed by reservist (a counting
/// sort) and counted per mission-day in flat arrays; each reservist-mission distance is computed once.
///
/// Where the format leaves room, the checker reads it so:
/// - a called day is each date of each call-up whose reservist and mission exist (call-ups naming an
///   unknown one are reported and otherwise ignored); a day outside its mission's `start`..`end` is
///   reported (`outside-mission`) yet still counts as called and paid, for every per-reservist rule,
///   but covers nothing;
/// - rules 4-6 concern a reservist-mission pair: one violation per pair, dated by the first day of
///   its first call-up; rules 2 and 7 give one violation per reservist, dated by the day the cap or
///   quota is first exceeded; rules 1 and 3 one per day; rule 8 one per mission-day (no reservist);
/// - `covered` of a coverage entry is Σ over the department's missions of min(called, needed), so
///   `covered` + `missing` = `needed`;
/// - `capUse` and `continuity` are compared only when the plan reports them (not null).
public enum ReservistChecker {
    public static func check(scenario: ReservistScenario, plan: ReservistPlan) -> ReservistCheckReport {
        var checker = Checker(scenario: scenario, plan: plan)
        return checker.run()
    }

    /// Whether a reported amount agrees with its recomputation: |a − b| ≤ max(0.01, 1e-6 × max(|a|, |b|)).
    public static func agrees(_ a: Double, _ b: Double) -> Bool {
        guard a.isFinite, b.isFinite else { return a == b }
        return abs(a - b) <= max(0.01, 1e-6 * max(abs(a), abs(b)))
    }

    /// Road distance of rule 4 and of the travel allowance: great-circle km × `roadFactor`.
    public static func roadKilometres(from home: Location, to place: Location, roadFactor: Double) -> Double {
        home.kilometres(to: place) * roadFactor
    }
}

private struct Entry {
    var reservist: Int
    var mission: Int
    /// Day index (day 0 = the scenario's start); may lie outside the horizon.
    var day: Int
    /// Rank of the mission's id in id order, so that same-day entries sort as the report does.
    var rank: Int
}

private struct Checker {
    let scenario: ReservistScenario
    let plan: ReservistPlan
    let rules: ReservistRules
    var violations: [ReservistViolation] = []

    init(scenario: ReservistScenario, plan: ReservistPlan) {
        self.scenario = scenario
        self.plan = plan
        rules = scenario.rules
    }

    mutating func add(_ rule: ReservistRule, reservist: String? = nil, mission: String? = nil, date: CivilDate? = nil,
                      _ message: String) {
        violations.append(ReservistViolation(rule: rule, reservist: reservist, mission: mission, date: date,
                                             message: message))
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    func date(_ day: Int) -> CivilDate { scenario.startDate.adding(days: day) }

    /// Reservists needed on day `day` (an index into the horizon) of mission `m`, 0 outside it.
    func needed(_ mission: Mission, _ day: Int) -> Int {
        let i = day - mission.firstDay
        guard i >= 0, day <= mission.lastDay, !mission.needed.isEmpty else { return 0 }
        return max(0, i < mission.needed.count ? mission.needed[i] : mission.needed[mission.needed.count - 1])
    }

    func activeStaff(_ mission: Mission, _ day: Int) -> Int? {
        guard let staff = mission.activeStaff, !staff.isEmpty else { return nil }
        let i = day - mission.firstDay
        return i < staff.count ? staff[i] : staff[staff.count - 1]
    }

    mutating func run() -> ReservistCheckReport {
        if let name = plan.scenario, name != scenario.name {
            add(.scenarioMismatch, "the plan was written for scenario \"\(name)\", not \"\(scenario.name)\"")
        }
        let reservists = scenario.reservists, missions = scenario.missions
        let reservistIndex = Self.index(reservists.map(\.id))
        let missionIndex = Self.index(missions.map(\.id))
        var missionRank = Array(repeating: 0, count: missions.count)
        for (rank, m) in missions.indices.sorted(by: { missions[$0].id < missions[$1].id }).enumerated() {
            missionRank[m] = rank
        }
        // Called reservists per mission-day, missions laid end to end.
        var missionOffset = Array(repeating: 0, count: missions.count + 1)
        for (m, mission) in missions.enumerated() {
            missionOffset[m + 1] = missionOffset[m] + max(0, mission.lastDay - mission.firstDay + 1)
        }
        var calledOn = Array(repeating: 0, count: missionOffset[missions.count])

        // Call-ups: references, rules 4-6 (once per call-up), pay and travel, days outside the mission.
        var entries: [Entry] = []
        entries.reserveCapacity(plan.callups.reduce(0) { $0 + $1.days.count })
        var kilometres: [Int: Double] = [:]
        var pay = 0.0, travel = 0.0
        for (c, callup) in plan.callups.enumerated() {
            let first = callup.days.first
            let r = reservistIndex[callup.reservist], m = missionIndex[callup.mission]
            if r == nil {
                add(.unknownReference, reservist: callup.reservist, mission: callup.mission, date: first,
                    "call-up \(c) names reservist \"\(callup.reservist)\", who is not in the scenario")
            }
            if m == nil {
                add(.unknownReference, reservist: callup.reservist, mission: callup.mission, date: first,
                    "call-up \(c) names mission \"\(callup.mission)\", which is not in the scenario")
            }
            guard let r, let m else { continue }
            let reservist = reservists[r], mission = missions[m]
            let key = r * missions.count + m
            let km: Double
            if let known = kilometres[key] {
                km = known
            } else {
                km = ReservistChecker.roadKilometres(from: reservist.home, to: mission.location, roadFactor: rules.roadFactor)
                kilometres[key] = km
                if km > reservist.maxTravelKm + 1e-9 {
                    add(.travel, reservist: reservist.id, mission: mission.id, date: first,
                        "\(Self.km(km)) km by road from home, above the reservist's limit of \(Self.amount(reservist.maxTravelKm)) km")
                }
                if let skill = mission.skill, !reservist.skills.contains(skill) {
                    let has = reservist.skills.isEmpty ? "none" : reservist.skills.joined(separator: ", ")
                    add(.skill, reservist: reservist.id, mission: mission.id, date: first,
                        "the mission requires skill \"\(skill)\"; the reservist has \(has)")
                }
                if mission.publicOrder, reservist.corps == .policeReservist {
                    add(.policePublicOrder, reservist: reservist.id, mission: mission.id, date: first,
                        "a police reservist on a public-order mission")
                }
            }
            let n = Double(callup.days.count)
            pay += n * reservist.dailyPay
            travel += n * 2 * km * rules.travelAllowancePerKm
            for day in callup.days {
                let d = day.days(since: scenario.startDate)
                if d < mission.firstDay || d > mission.lastDay {
                    add(.outsideMission, reservist: reservist.id, mission: mission.id, date: day,
                        "\(day) is outside the mission (\(date(mission.firstDay)) to \(date(mission.lastDay)))")
                } else {
                    calledOn[missionOffset[m] + d - mission.firstDay] += 1
                }
                entries.append(Entry(reservist: r, mission: m, day: d, rank: missionRank[m]))
            }
        }

        // Per reservist: rules 1-3 and 7, fairness, continuity.
        var start = Array(repeating: 0, count: reservists.count + 1)
        for entry in entries { start[entry.reservist + 1] += 1 }
        for r in reservists.indices { start[r + 1] += start[r] }
        var byReservist = entries
        var next = start
        for entry in entries {
            byReservist[next[entry.reservist]] = entry
            next[entry.reservist] += 1
        }
        entries = []
        let words = (scenario.dayCount + 63) / 64
        var available = [UInt64](repeating: 0, count: max(1, words))
        var fairness = 0.0, reservistsUsed = 0, continued = 0
        for r in reservists.indices where start[r + 1] > start[r] {
            byReservist[start[r]..<start[r + 1]].sort { $0.day != $1.day ? $0.day < $1.day : $0.rank < $1.rank }
            continued += checkReservist(r, byReservist[start[r]..<start[r + 1]], &available)
            let n = start[r + 1] - start[r]
            fairness += rules.fairnessPenaltyPerDay * Double(max(0, n - rules.fairShareDays))
            reservistsUsed += 1
        }
        let daysCalled = byReservist.count

        // Per mission-day: rule 8, shortfall, coverage per department and day.
        let dayCount = max(0, scenario.dayCount)
        let departmentCount = scenario.departments.count
        var coverNeeded = Array(repeating: 0, count: departmentCount * dayCount)
        var coverMissing = coverNeeded
        var shortfall = 0.0, missingDays = 0
        for (m, mission) in missions.enumerated() where mission.lastDay >= mission.firstDay {
            for d in mission.firstDay...mission.lastDay {
                let called = calledOn[missionOffset[m] + d - mission.firstDay]
                let need = needed(mission, d)
                let missing = max(0, need - called)
                shortfall += mission.priority * Double(missing)
                missingDays += missing
                if let staff = activeStaff(mission, d), called > staff {
                    add(.activeStaff, mission: mission.id, date: date(d),
                        "\(called) reservists on the mission, above its \(staff) active staff")
                }
                if (0..<departmentCount).contains(mission.department), (0..<dayCount).contains(d) {
                    coverNeeded[mission.department * dayCount + d] += need
                    coverMissing[mission.department * dayCount + d] += missing
                }
            }
        }
        var coverage: [ReservistPlan.CoverageEntry] = []
        for (p, department) in scenario.departments.enumerated() {
            for d in 0..<dayCount where coverNeeded[p * dayCount + d] > 0 {
                let need = coverNeeded[p * dayCount + d], missing = coverMissing[p * dayCount + d]
                coverage.append(ReservistPlan.CoverageEntry(department: department.id, date: date(d), needed: need,
                                                            covered: need - missing, missing: missing))
            }
        }
        checkCoverage(needed: coverNeeded, missing: coverMissing, dayCount: dayCount)

        // Objective and totals.
        let objective = pay + travel + fairness + shortfall
        let remaining = reservists.reduce(0) { $0 + $1.remainingDays }
        let capUse = remaining > 0 ? Double(daysCalled) / Double(remaining) : 0
        let continuity = daysCalled > 0 ? Double(continued) / Double(daysCalled) : 0
        if !ReservistChecker.agrees(plan.objective, objective) {
            add(.objectiveMismatch, "the plan reports objective \(Self.amount(plan.objective)), recomputed \(Self.amount(objective)) (pay \(Self.amount(pay)) + travel \(Self.amount(travel)) + fairness \(Self.amount(fairness)) + shortfall \(Self.amount(shortfall)))")
        }
        if let bound = plan.bound, bound > plan.objective, !ReservistChecker.agrees(bound, plan.objective) {
            add(.objectiveMismatch, "the reported bound \(Self.amount(bound)) exceeds the reported objective \(Self.amount(plan.objective)); a lower bound cannot")
        }
        let t = plan.totals
        for (name, reported, recomputed) in [("pay", t.pay, pay), ("travel", t.travel, travel),
                                             ("fairness", t.fairness, fairness), ("shortfall", t.shortfall, shortfall)]
        where !ReservistChecker.agrees(reported, recomputed) {
            add(.totalsMismatch, "the plan reports \(name) \(Self.amount(reported)), recomputed \(Self.amount(recomputed))")
        }
        for (name, reported, recomputed) in [("daysCalled", t.daysCalled, daysCalled),
                                             ("reservistsUsed", t.reservistsUsed, reservistsUsed),
                                             ("missingDays", t.missingDays, missingDays)] where reported != recomputed {
            add(.totalsMismatch, "the plan reports \(name) \(reported), recomputed \(recomputed)")
        }
        for (name, reported, recomputed) in [("capUse", t.capUse, capUse), ("continuity", t.continuity, continuity)] {
            if let reported, !ReservistChecker.agrees(reported, recomputed) {
                add(.totalsMismatch, "the plan reports \(name) \(Self.amount(reported)), recomputed \(Self.amount(recomputed))")
            }
        }

        violations.sort(by: ReservistViolation.ordered)
        return ReservistCheckReport(
            violations: violations, objective: objective, pay: pay, travel: travel, fairness: fairness,
            shortfall: shortfall, daysCalled: daysCalled, reservistsUsed: reservistsUsed, missingDays: missingDays,
            capUse: capUse, continuity: continuity, coverage: coverage, reportedObjective: plan.objective)
    }

    /// Rules 1-3 and 7 for reservist `r`, whose days are sorted by day then mission id.
    /// Returns how many of them continue the reservist's previous day on the same mission.
    mutating func checkReservist(_ r: Int, _ days: ArraySlice<Entry>, _ available: inout [UInt64]) -> Int {
        let reservist = scenario.reservists[r], missions = scenario.missions
        let dayCount = scenario.dayCount
        for w in available.indices { available[w] = 0 }
        for d in reservist.availableDays where d >= 0 && d < dayCount { available[d >> 6] |= 1 << UInt64(d & 63) }
        let notice = reservist.reactivity ? rules.reactivityNoticeDays : rules.defaultNoticeDays
        let firstCallable = scenario.firstCallableDay(noticeDays: notice)
        let quotaApplies = reservist.salaried && !reservist.employerConsent
        var capExceeded: Entry?, quotaExceeded: Entry?
        var workingDays = 0, called = 0, continued = 0
        // The previous and the current group of same-day entries.
        var previousGroup = days.startIndex..<days.startIndex, group = days.startIndex..<days.startIndex
        for i in days.indices {
            let entry = days[i]
            let mission = missions[entry.mission]
            let day = date(entry.day)
            called += 1
            if group.isEmpty || days[group.lowerBound].day != entry.day {
                previousGroup = group
                group = i..<i
            } else {
                let other = missions[days[i - 1].mission].id
                add(.oneMissionPerDay, reservist: reservist.id, mission: mission.id, date: day,
                    other == mission.id ? "called twice for the mission on \(day)"
                        : "also called for \(other) on \(day): at most one mission a day")
            }
            group = group.lowerBound..<(i + 1)
            if !previousGroup.isEmpty, days[previousGroup.lowerBound].day == entry.day - 1,
               days[previousGroup].contains(where: { $0.mission == entry.mission }) {
                continued += 1
            }
            let isAvailable = entry.day >= 0 && entry.day < dayCount
                && available[entry.day >> 6] & (1 << UInt64(entry.day & 63)) != 0
            if !isAvailable {
                add(.availability, reservist: reservist.id, mission: mission.id, date: day,
                    "the reservist is not available on \(day)")
            }
            if entry.day < firstCallable {
                add(.notice, reservist: reservist.id, mission: mission.id, date: day,
                    "called for \(day), before \(date(firstCallable)) (planning date \(scenario.planningDate) + \(notice) days' notice\(reservist.reactivity ? ", reactivity clause" : ""))")
            }
            if capExceeded == nil, reservist.daysServed + called > reservist.annualCap { capExceeded = entry }
            if quotaApplies, day.weekday <= 5 {
                workingDays += 1
                if quotaExceeded == nil, reservist.employerDaysUsed + workingDays > rules.employerQuotaDays {
                    quotaExceeded = entry
                }
            }
        }
        if let entry = capExceeded {
            add(.annualCap, reservist: reservist.id, mission: missions[entry.mission].id, date: date(entry.day),
                "\(reservist.daysServed) days served + \(called) called = \(reservist.daysServed + called), above the annual cap of \(reservist.annualCap) (exceeded on \(date(entry.day)))")
        }
        if let entry = quotaExceeded {
            add(.employerQuota, reservist: reservist.id, mission: missions[entry.mission].id, date: date(entry.day),
                "salaried without employer consent: \(reservist.employerDaysUsed) working days used + \(workingDays) called = \(reservist.employerDaysUsed + workingDays), above the employer quota of \(rules.employerQuotaDays) (exceeded on \(date(entry.day)))")
        }
        return continued
    }

    /// Compares the plan's coverage entries with the recomputed needs and shortfalls per department and day.
    mutating func checkCoverage(needed: [Int], missing: [Int], dayCount: Int) {
        let departments = scenario.departments
        let departmentIndex = Self.index(departments.map(\.id))
        var seen = Array(repeating: false, count: needed.count)
        var previousKey = -1, orderReported = false
        for (i, entry) in plan.coverage.enumerated() {
            guard let p = departmentIndex[entry.department] else {
                add(.unknownReference, date: entry.date,
                    "coverage entry \(i) names department \"\(entry.department)\", which is not in the scenario")
                continue
            }
            let d = entry.date.days(since: scenario.startDate)
            guard d >= 0, d < dayCount, needed[p * dayCount + d] > 0 else {
                add(.coverageMismatch, date: entry.date,
                    "coverage entry \(i): department \(entry.department) has no need on \(entry.date), so no entry is due")
                continue
            }
            let key = p * dayCount + d
            if seen[key] {
                add(.coverageMismatch, date: entry.date,
                    "coverage entry \(i) repeats department \(entry.department) on \(entry.date)")
                continue
            }
            seen[key] = true
            if key < previousKey, !orderReported {
                orderReported = true
                add(.coverageMismatch, date: entry.date,
                    "coverage entry \(i) (department \(entry.department), \(entry.date)) is out of order: entries go by department order, then date")
            }
            previousKey = max(previousKey, key)
            let need = needed[key], lack = missing[key]
            if entry.needed != need || entry.covered != need - lack || entry.missing != lack {
                add(.coverageMismatch, date: entry.date,
                    "department \(entry.department) on \(entry.date): the plan reports needed \(entry.needed), covered \(entry.covered), missing \(entry.missing); recomputed needed \(need), covered \(need - lack), missing \(lack)")
            }
        }
        for (p, department) in departments.enumerated() {
            var absent = 0, first = 0
            for d in 0..<dayCount where needed[p * dayCount + d] > 0 && !seen[p * dayCount + d] {
                if absent == 0 { first = d }
                absent += 1
            }
            if absent > 0 {
                add(.coverageMismatch, date: date(first),
                    "coverage has no entry for department \(department.id) on \(absent) date\(absent == 1 ? "" : "s") with need, the first \(date(first))")
            }
        }
    }

    /// `1234` for whole amounts, otherwise up to 4 decimals.
    static func amount(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func km(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Short names that stay unambiguous where ReservistPlanning (which has a `ReservistPlan` of its own)
/// is imported too: the enum `ReservistChecker` shadows this module's name, so
/// `ReservistChecker.ReservistPlan` cannot be written, but `ReservistChecker.Plan` can.
extension ReservistChecker {
    public typealias Plan = ReservistPlan
    public typealias PlanReader = ReservistPlanReader
    public typealias PlanError = ReservistPlanError
    public typealias Report = ReservistCheckReport
    public typealias Violation = ReservistViolation
    public typealias Rule = ReservistRule
}
