import Engine
@testable import ReservistPlanning
import ReservistScenario
import Testing

/// `CallUpCandidates` (built in parallel chunks, mission by mission, with distance pre-filters)
/// against a plain reference written from the rules: every reservist, callable day and mission,
/// one by one.
@Suite struct CallUpCandidatesTests {
    struct Entry: Equatable, CustomStringConvertible {
        var reservist: Int
        var day: Int
        var missionDay: Int
        var cost: Double
        var description: String { "(r\(reservist) d\(day) md\(missionDay) \(cost))" }
    }

    /// The allowed call-ups by the rules, per reservist in day order, and within a day by
    /// department then mission (the order `CallUpCandidates` documents).
    static func reference(_ scenario: ReservistScenario, sampleEvery stride: Int = 1) -> [Entry] {
        let rules = scenario.rules
        var missionDayStart: [Int] = []
        var count = 0
        for mission in scenario.missions {
            missionDayStart.append(count)
            count += mission.needed.count
        }
        let order = scenario.missions.indices.sorted { (scenario.missions[$0].department, $0) < (scenario.missions[$1].department, $1) }
        var entries: [Entry] = []
        for (r, reservist) in scenario.reservists.enumerated() where r % stride == 0 && reservist.remainingDays > 0 {
            let first = reservist.firstCallableDay(in: scenario)
            let quotaBlocked = reservist.workingDaysLeft(rules) == 0
            for d in Set(reservist.availableDays).sorted() where d >= first && d >= 0 && d < scenario.dayCount {
                if quotaBlocked && scenario.isWorkingDay(d) { continue }
                for m in order {
                    let mission = scenario.missions[m]
                    guard mission.days.contains(d) else { continue }
                    let md = missionDayStart[m] + d - mission.firstDay
                    guard mission.needed[d - mission.firstDay] > 0 else { continue }
                    if let skill = mission.skill, !reservist.skills.contains(skill) { continue }
                    if mission.publicOrder && reservist.corps == .policeReservist { continue }
                    let km = reservist.home.kilometres(to: mission.location) * rules.roadFactor
                    guard km <= reservist.maxTravelKm else { continue }
                    let cost = reservist.dailyPay + 2 * km * rules.travelAllowancePerKm
                    guard cost < mission.priority else { continue }
                    entries.append(Entry(reservist: r, day: d, missionDay: md, cost: cost))
                }
            }
        }
        return entries
    }

    static func built(_ c: CallUpCandidates) -> [Entry] {
        (0..<c.entryCount).map {
            Entry(reservist: Int(c.entryReservist[$0]), day: Int(c.day[$0]), missionDay: Int(c.missionDay[$0]), cost: c.cost[$0])
        }
    }

    static func check(_ scenario: ReservistScenario, sampleEvery stride: Int = 1) {
        let c = CallUpCandidates(scenario: scenario, sampleEvery: stride)
        let expected = reference(scenario, sampleEvery: stride)
        let actual = built(c)
        #expect(actual.count == expected.count)
        if let k = actual.indices.first(where: { $0 < expected.count && actual[$0] != expected[$0] }) {
            Issue.record("first difference at \(k): \(actual[k]) instead of \(expected[k])")
        }
        // Reservist ranges.
        for r in scenario.reservists.indices {
            let range = Int(c.reservistStart[r])..<Int(c.reservistStart[r + 1])
            #expect(range.allSatisfy { Int(c.entryReservist[$0]) == r })
        }
        #expect(Int(c.reservistStart[scenario.reservists.count]) == c.entryCount)
        // Reverse index: every entry once, under its mission-day, cheapest first (ties: entry order).
        var seen = [Bool](repeating: false, count: c.entryCount)
        for md in 0..<c.missionDayCount {
            let list = (Int(c.byMissionDayStart[md])..<Int(c.byMissionDayStart[md + 1])).map { Int(c.byMissionDay[$0]) }
            for e in list {
                #expect(Int(c.missionDay[e]) == md && !seen[e])
                seen[e] = true
            }
            #expect(zip(list, list.dropFirst()).allSatisfy { (c.cost[$0], $0) < (c.cost[$1], $1) })
        }
        #expect(seen.allSatisfy { $0 })
    }

    @Test(arguments: [(UInt64(31), 200, 4, 20), (32, 700, 12, 45), (33, 1500, 30, 60), (34, 3000, 101, 30)])
    func generatedInstancesMatchTheReference(seed: UInt64, reservists: Int, departments: Int, days: Int) {
        let scenario = ReservistGenerator.generate(reservists: reservists, departments: departments, days: days, seed: seed)
        Self.check(scenario)
    }

    @Test func aSampleKeepsEveryStrideThReservist() {
        let scenario = ReservistGenerator.generate(reservists: 900, departments: 8, days: 30, seed: 35)
        Self.check(scenario, sampleEvery: 7)
    }

    /// Days given out of order, twice, or outside the season; a reservist with nothing left; a
    /// planning date after the start (negative first callable day); one with no travel limit.
    @Test func unusualReservistsMatchTheReference() {
        var scenario = ReservistGenerator.generate(reservists: 300, departments: 5, days: 40, seed: 36)
        var random = SplitMix64(seed: 37)
        for r in scenario.reservists.indices {
            var reservist = scenario.reservists[r]
            switch random.next() % 5 {
            case 0: reservist.availableDays = reservist.availableDays.reversed()
            case 1: reservist.availableDays += reservist.availableDays.prefix(3) + [-2, scenario.dayCount + 4]
            case 2: reservist.daysServed = reservist.annualCap
            case 3: reservist.maxTravelKm = .infinity
            default: break
            }
            scenario.reservists[r] = reservist
        }
        Self.check(scenario)
        scenario.planningDate = scenario.startDate.adding(days: 5)
        Self.check(scenario)
    }

    /// Travel limits set to exactly a mission's road distance (allowed) and just below it (not), so
    /// the distance pre-filters must never reject what the exact distance allows; then the whole map
    /// moved across the 180° meridian, where longitudes wrap.
    @Test func travelLimitsAtTheBoundaryAndAcrossTheAntimeridian() {
        var scenario = ReservistGenerator.generate(reservists: 400, departments: 6, days: 30, seed: 38)
        let roadFactor = scenario.rules.roadFactor
        for r in scenario.reservists.indices {
            let mission = scenario.missions[r % scenario.missions.count]
            let km = scenario.reservists[r].home.kilometres(to: mission.location) * roadFactor
            scenario.reservists[r].maxTravelKm = r % 2 == 0 ? km : km.nextDown
        }
        Self.check(scenario)
        // Centre the map on the meridian 180°: every longitude shifted, wrapped into [-180, 180).
        let shift = 180 - scenario.missions[0].location.longitude
        func moved(_ place: Location) -> Location {
            var longitude = place.longitude + shift
            if longitude >= 180 { longitude -= 360 }
            return Location(latitude: place.latitude, longitude: longitude)
        }
        for r in scenario.reservists.indices { scenario.reservists[r].home = moved(scenario.reservists[r].home) }
        for m in scenario.missions.indices { scenario.missions[m].location = moved(scenario.missions[m].location) }
        #expect(scenario.missions.contains { $0.location.longitude < 0 } && scenario.missions.contains { $0.location.longitude > 0 })
        Self.check(scenario)
    }
}
