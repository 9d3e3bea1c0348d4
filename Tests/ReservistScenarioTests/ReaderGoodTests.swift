import Foundation
import Testing
import ReservistScenario

@Suite("Reader: good files")
struct ReaderGoodTests {
    @Test("reads the bundled small scenario with every value resolved")
    func smallScenario() throws {
        let s = try ReservistReader.read(path: Repository.smallScenario)
        #expect(s.name.hasPrefix("Atlantic coast"))
        #expect(s.startDate.description == "2026-07-06")
        #expect(s.planningDate.description == "2026-06-10")
        #expect(s.dayCount == 14)
        #expect(s.departments.map(\.id) == ["17", "33", "40"])
        #expect(s.reservists.count == 12)
        #expect(s.missions.count == 4)
        // Notice: 30 days after 2026-06-10 is day 4 (2026-07-10); 15 days is before the start.
        #expect(s.firstCallableDay(noticeDays: s.rules.defaultNoticeDays) == 4)
        #expect(s.firstCallableDay(noticeDays: s.rules.reactivityNoticeDays) < 0)

        func reservist(_ id: String) throws -> Reservist { try #require(s.reservists.first { $0.id == id }) }
        let r01 = try reservist("R01")
        #expect(r01.availableDays == Array(0...13))
        #expect(r01.remainingDays == 5)
        #expect(r01.reactivity)
        #expect(r01.department == 1)
        #expect(r01.home == Location(latitude: 44.65, longitude: -1.15))
        // Defaults: a police reservist's cap is 90; rank "", travel 100 km, no skills, not salaried.
        let r03 = try reservist("R03")
        #expect(r03.corps == .policeReservist)
        #expect(r03.annualCap == 90)
        #expect(r03.availableDays == [7, 8])
        let r08 = try reservist("R08")
        #expect(r08.rank == "")
        #expect(r08.annualCap == 60)
        #expect(r08.daysServed == 0)
        #expect(r08.maxTravelKm == 100)
        #expect(r08.skills.isEmpty)
        #expect(!r08.salaried && !r08.employerConsent && r08.employerDaysUsed == 0 && !r08.reactivity)
        // Skills come sorted.
        #expect(try reservist("R12").skills == ["driver", "opj"])
        #expect(try reservist("R06").skills == ["driver", "nautical"])
        #expect(try reservist("R07").availableDays == [5, 6, 12, 13])

        let beach = try #require(s.missions.first { $0.id == "M-33-001" })
        #expect(beach.days == 0...13)
        #expect(beach.needed == [2, 2, 2, 2, 2, 3, 3, 2, 3, 2, 2, 2, 3, 3])
        #expect(beach.activeStaff == nil)
        #expect(beach.skill == nil)
        let fireworks = try #require(s.missions.first { $0.id == "M-33-002" })
        #expect(fireworks.publicOrder)
        #expect(fireworks.activeStaff == [2, 3])
        #expect(fireworks.needed == [2, 4])
        let nautical = try #require(s.missions.first { $0.id == "M-40-001" })
        #expect(nautical.skill == "nautical")
        #expect(nautical.needed == [Int](repeating: 1, count: 9))
        // Omitted publicOrder and skill take their defaults; a number activeStaff applies to every day.
        let royan = try #require(s.missions.first { $0.id == "M-17-001" })
        #expect(!royan.publicOrder && royan.skill == nil)
        #expect(royan.activeStaff == [Int](repeating: 2, count: 7))
        #expect(royan.department == 0)
        #expect(royan.priority == 300)
    }

    @Test("the small scenario sets up every rule it claims to")
    func smallScenarioExercisesRules() throws {
        let s = try ReservistReader.read(path: Repository.smallScenario)
        func reservist(_ id: String) -> Reservist? { s.reservists.first { $0.id == id } }
        func distance(_ r: Reservist, _ missionID: String) -> Double? {
            s.missions.first { $0.id == missionID }.map { r.home.kilometres(to: $0.location) * s.rules.roadFactor }
        }
        // Cap: R01 is available 14 days but has 5 left.
        #expect(try #require(reservist("R01")).availableDays.count > (try #require(reservist("R01"))).remainingDays)
        // Employer quota: R11 has used all 8 working days and is available only Monday to Friday.
        let r11 = try #require(reservist("R11"))
        #expect(r11.salaried && !r11.employerConsent && r11.employerDaysUsed >= s.rules.employerQuotaDays)
        #expect(r11.availableDays.allSatisfy { s.isWorkingDay($0) })
        // Travel: R06 has the nautical skill but lives too far from the nautical mission; R07 is near.
        let r06 = try #require(reservist("R06")), r07 = try #require(reservist("R07"))
        #expect(try #require(distance(r06, "M-40-001")) > r06.maxTravelKm)
        #expect(try #require(distance(r07, "M-40-001")) <= r07.maxTravelKm)
        // Police reservist beside a public-order mission.
        #expect(try #require(reservist("R03")).corps == .policeReservist)
        #expect(try #require(s.missions.first { $0.id == "M-33-002" }).publicOrder)
        // Pairing: on 14 July the fireworks need 4 but only 3 reservists may serve beside active staff.
        let fireworks = try #require(s.missions.first { $0.id == "M-33-002" })
        #expect(zip(fireworks.needed, try #require(fireworks.activeStaff)).contains { $0 > $1 })
        // Shortfall: the nautical mission needs someone every day from 11 to 19 July, and only
        // R06 (too far) and R07 (weekends) have the skill.
        let sailors = s.reservists.filter { $0.skills.contains("nautical") }
        #expect(sailors.map(\.id) == ["R06", "R07"])
    }

    @Test("the minimal scenario: optional sections absent, empty lists, a leading byte-order mark")
    func minimal() throws {
        let text = """
        {"format": "continuum-reservists/1", "name": "Empty", "planningDate": "2026-05-01", "start": "2026-06-01", "days": 1,
         "departments": [], "reservists": [], "missions": []}
        """
        let s = try ReservistReader.parse(data: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)), fileName: "m.json")
        #expect(s.dayCount == 1)
        #expect(s.rules == ReservistRules())
        #expect(s.reservists.isEmpty && s.missions.isEmpty && s.departments.isEmpty)
    }

    @Test("merges overlapping availability into sorted unique days; reads rules, escapes and whole-number decimals")
    func availabilityAndRules() throws {
        let text = #"""
        {"format": "continuum-reservists/1", "name": "Caf\u00e9 \"test\"", "planningDate": "2026-05-01", "start": "2026-06-01", "days": 30,
         "rules": {"employerQuotaDays": 5, "roadFactor": 1.4, "travelAllowancePerKm": 0.25, "fairShareDays": 3,
                   "fairnessPenaltyPerDay": 20, "defaultNoticeDays": 21, "reactivityNoticeDays": 7},
         "departments": [{"id": "2A", "name": "Corse-du-Sud"}],
         "reservists": [{"id": "R1", "corps": "gendarmerie-reservist", "department": "2A", "home": {"lat": 41.9, "lon": 8.7},
                         "dailyPay": 60.5, "skills": ["nautical", "driver", "nautical"],
                         "available": ["2026-06-20", "2026-06-03/2026-06-05", "2026-06-04/2026-06-07", "2026-06-30", "2026-06-01"],
                         "annualCap": 1.5e2, "maxTravelKm": 42.5}],
         "missions": [{"id": "M1", "department": "2A", "location": {"lat": 41.92, "lon": 8.74}, "start": "2026-06-30",
                       "end": "2026-06-30", "needed": [3], "priority": 0, "activeStaff": 0}]}
        """#
        let s = try parse(text)
        #expect(s.name == "Café \"test\"")
        let r = try #require(s.reservists.first)
        #expect(r.availableDays == [0, 2, 3, 4, 5, 6, 19, 29])
        #expect(r.skills == ["driver", "nautical"])
        #expect(r.annualCap == 150)
        #expect(r.dailyPay == 60.5)
        #expect(r.maxTravelKm == 42.5)
        var rules = ReservistRules()
        rules.employerQuotaDays = 5
        rules.roadFactor = 1.4
        rules.travelAllowancePerKm = 0.25
        rules.fairShareDays = 3
        rules.fairnessPenaltyPerDay = 20
        rules.defaultNoticeDays = 21
        rules.reactivityNoticeDays = 7
        #expect(s.rules == rules)
        #expect(s.missions[0].days == 29...29)
        #expect(s.missions[0].activeStaff == [0])
    }

    @Test("reads a file through its path like the same bytes through parse")
    func pathAndDataAgree() throws {
        let fromPath = try ReservistReader.read(path: Repository.smallScenario)
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.smallScenario))
        #expect(try ReservistReader.parse(data: data, fileName: "x") == fromPath)
    }
}
