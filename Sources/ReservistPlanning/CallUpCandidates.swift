import ReservistScenario

/// Every call-up a hard rule allows, as flat arrays: for reservist r, entries
/// `reservistStart[r] ..< reservistStart[r+1]` give (day, mission-day, daily cost),
/// ordered by day. The reverse index lists, for each mission-day, its entries.
/// Availability, notice, travel limit, skill and police reservists off public
/// order are applied here; cap, employer quota, one mission a day and active
/// staff are left to the solver.
struct CallUpCandidates {
    let scenario: ReservistScenario
    /// Mission-day numbering: mission m, day d is `missionDayStart[m] + d - firstDay`.
    private(set) var missionDayStart: [Int32] = []
    private(set) var missionDayMission: [Int32] = []
    private(set) var missionDayDay: [Int16] = []
    private(set) var needed: [Int32] = []
    /// Reservists allowed on the mission-day (activeStaff, or needed when unpaired).
    private(set) var limit: [Int32] = []
    private(set) var priority: [Double] = []

    private(set) var reservistStart: [Int32] = [0]
    private(set) var day: [Int16] = []
    private(set) var missionDay: [Int32] = []
    private(set) var cost: [Double] = []

    /// Reverse index: entries of mission-day md are `byMissionDay[byMissionDayStart[md] ..< …[md+1]]`.
    private(set) var byMissionDayStart: [Int32] = []
    private(set) var byMissionDay: [Int32] = []
    /// Reservist of each entry.
    private(set) var entryReservist: [Int32] = []

    /// - Parameter stride: keep only every `stride`-th reservist (the others get no entry): a
    ///   sample from which the whole instance's size is estimated before it is built.
    init(scenario: ReservistScenario, sampleEvery stride: Int = 1) {
        self.scenario = scenario
        let rules = scenario.rules
        for mission in scenario.missions {
            missionDayStart.append(Int32(needed.count))
            for (offset, count) in mission.needed.enumerated() {
                missionDayMission.append(Int32(missionDayStart.count - 1))
                missionDayDay.append(Int16(mission.firstDay + offset))
                needed.append(Int32(count))
                limit.append(Int32(min(count, mission.activeStaff?[offset] ?? count)))
                priority.append(mission.priority)
            }
        }
        // Missions grouped by department, with a bounding circle to skip far departments fast.
        var byDepartment = Array(repeating: [Int](), count: scenario.departments.count)
        for (m, mission) in scenario.missions.enumerated() { byDepartment[mission.department].append(m) }
        let circles: [(Location, Double)?] = byDepartment.map { missions in
            guard !missions.isEmpty else { return nil }
            let lat = missions.reduce(0.0) { $0 + scenario.missions[$1].location.latitude } / Double(missions.count)
            let lon = missions.reduce(0.0) { $0 + scenario.missions[$1].location.longitude } / Double(missions.count)
            let centre = Location(latitude: lat, longitude: lon)
            return (centre, missions.map { centre.kilometres(to: scenario.missions[$0].location) }.max() ?? 0)
        }
        let missionFirst = scenario.missions.map(\.firstDay), missionLast = scenario.missions.map(\.lastDay)
        let missionSkill = scenario.missions.map(\.skill), missionPublicOrder = scenario.missions.map(\.publicOrder)
        let missionLocation = scenario.missions.map(\.location)
        let workingDay = (0..<scenario.dayCount).map { scenario.isWorkingDay($0) }
        var reachable: [(mission: Int, cost: Double)] = []
        var options: [(day: Int, md: Int, cost: Double)] = []
        for (index, reservist) in scenario.reservists.enumerated() {
            defer { reservistStart.append(Int32(day.count)) }
            guard index % stride == 0, reservist.remainingDays > 0, !reservist.availableDays.isEmpty else { continue }
            reachable.removeAll(keepingCapacity: true)
            let reach = reservist.maxTravelKm / rules.roadFactor
            for (k, circle) in circles.enumerated() {
                guard let (centre, radius) = circle, reservist.home.kilometres(to: centre) - radius <= reach + 1 else { continue }
                for m in byDepartment[k] {
                    if let skill = missionSkill[m], !reservist.skills.contains(skill) { continue }
                    if missionPublicOrder[m] && reservist.corps == .policeReservist { continue }
                    let km = reservist.home.kilometres(to: missionLocation[m]) * rules.roadFactor
                    guard km <= reservist.maxTravelKm else { continue }
                    reachable.append((m, reservist.dailyPay + 2 * km * rules.travelAllowancePerKm))
                }
            }
            guard !reachable.isEmpty else { continue }
            let first = scenario.firstCallableDay(noticeDays: reservist.reactivity ? rules.reactivityNoticeDays
                                                                                   : rules.defaultNoticeDays)
            let quotaBlocked = reservist.salaried && !reservist.employerConsent
                && rules.employerQuotaDays - reservist.employerDaysUsed <= 0
            options.removeAll(keepingCapacity: true)
            for d in reservist.availableDays where d >= first && d < scenario.dayCount {
                if quotaBlocked && workingDay[d] { continue }
                for (m, c) in reachable {
                    // Flat lookups: copying a `Mission` here (its arrays retained and released) was the hot spot.
                    let firstDay = missionFirst[m]
                    let md = Int(missionDayStart[m]) + d - firstDay
                    guard d >= firstDay, d <= missionLast[m], needed[md] > 0 else { continue }
                    // A call-up costing at least the shortfall price is never better than the
                    // shortfall itself: leaving it out changes no optimum and no bound.
                    guard c < priority[md] else { continue }
                    options.append((d, md, c))
                }
            }
            for option in options {
                day.append(Int16(option.day))
                missionDay.append(Int32(option.md))
                cost.append(option.cost)
                entryReservist.append(Int32(reservistStart.count - 1))
            }
        }
        // Reverse index by counting sort.
        var counts = [Int32](repeating: 0, count: needed.count + 1)
        for md in missionDay { counts[Int(md) + 1] += 1 }
        for i in 0..<needed.count { counts[i + 1] += counts[i] }
        byMissionDayStart = counts
        var cursor = counts
        byMissionDay = [Int32](repeating: 0, count: missionDay.count)
        for (e, md) in missionDay.enumerated() {
            byMissionDay[Int(cursor[Int(md)])] = Int32(e)
            cursor[Int(md)] += 1
        }
        // Cheapest first within each mission-day (ties: entry order).
        let costs = cost
        for md in 0..<needed.count {
            let range = Int(byMissionDayStart[md])..<Int(byMissionDayStart[md + 1])
            byMissionDay[range].sort { (costs[Int($0)], $0) < (costs[Int($1)], $1) }
        }
    }

    var missionDayCount: Int { needed.count }
    var entryCount: Int { day.count }
}
