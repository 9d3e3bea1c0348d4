import Foundation
import Testing
import ReservistScenario

/// One France-wide scenario shared by the shape checks (generating it once keeps the suite fast).
let france = ReservistGenerator.generate(reservists: 3000, departments: 101, days: 90, seed: 1)

@Suite("Generator")
struct GeneratorTests {
    @Test("the same seed writes the same JSON; another seed writes another")
    func determinism() {
        let a = ReservistGenerator.json(ReservistGenerator.generate(reservists: 400, departments: 12, days: 40, seed: 7))
        let b = ReservistGenerator.json(ReservistGenerator.generate(reservists: 400, departments: 12, days: 40, seed: 7))
        let c = ReservistGenerator.json(ReservistGenerator.generate(reservists: 400, departments: 12, days: 40, seed: 8))
        #expect(a == b)
        #expect(a != c)
        #expect(ReservistGenerator.json(france) == ReservistGenerator.json(ReservistGenerator.generate(reservists: 3000, departments: 101, days: 90, seed: 1)))
    }

    @Test("the JSON reads back to an equal scenario", arguments: [
        (3000, 101, 90, UInt64(1)), (0, 3, 30, 2), (1, 1, 1, 3), (50, 101, 7, 4), (200, 110, 366, 5), (500, 5, 120, UInt64.max),
    ])
    func roundTrip(_ reservists: Int, _ departments: Int, _ days: Int, _ seed: UInt64) throws {
        let scenario = reservists == 3000 ? france : ReservistGenerator.generate(reservists: reservists, departments: departments, days: days, seed: seed)
        let text = ReservistGenerator.json(scenario)
        let back = try ReservistReader.parse(data: Data(text.utf8), fileName: "generated.json")
        #expect(back == scenario)
        // And writing it again gives the same text.
        #expect(ReservistGenerator.json(back) == text)
    }

    @Test("writes every documented field in a fixed order, one item per line")
    func layout() throws {
        let text = ReservistGenerator.json(ReservistGenerator.generate(reservists: 5, departments: 2, days: 10, seed: 3))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "{")
        #expect(lines[1] == "  \"format\": \"continuum-reservists/1\",")
        let reservistLine = try #require(lines.first { $0.hasPrefix("    { \"id\": \"R") })
        let keys = ["\"id\"", "\"corps\"", "\"department\"", "\"home\"", "\"rank\"", "\"dailyPay\"", "\"skills\"", "\"available\"",
                    "\"annualCap\"", "\"daysServed\"", "\"salaried\"", "\"employerConsent\"", "\"employerDaysUsed\"", "\"reactivity\"",
                    "\"maxTravelKm\""]
        let positions = keys.map { reservistLine.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 }.sorted() == positions.compactMap { $0 })
        let missionLine = try #require(lines.first { $0.hasPrefix("    { \"id\": \"M-") })
        for key in ["\"location\"", "\"start\"", "\"end\"", "\"skill\"", "\"needed\"", "\"priority\"", "\"publicOrder\"", "\"activeStaff\""] {
            #expect(missionLine.contains(key))
        }
        #expect(lines.filter { $0.hasPrefix("    { \"id\": \"R") }.count == 5)
    }

    @Test("sizes: exactly the reservists, departments and days asked for; unique ids")
    func sizes() {
        #expect(france.reservists.count == 3000)
        #expect(france.departments.count == 101)
        #expect(france.dayCount == 90)
        #expect(Set(france.reservists.map(\.id)).count == 3000)
        #expect(Set(france.missions.map(\.id)).count == france.missions.count)
        #expect(france.reservists.first?.id == "R000001" && france.reservists.last?.id == "R003000")
        #expect(france.missions.count >= 101)
        let small = ReservistGenerator.generate(reservists: 12, departments: 3, days: 14, seed: 9)
        #expect(small.reservists.count == 12 && small.departments.count == 3 && small.dayCount == 14)
        #expect(Set(small.reservists.map(\.department)) == [0, 1, 2])
        let synthetic = ReservistGenerator.generate(reservists: 10, departments: 103, days: 5, seed: 1)
        #expect(synthetic.departments.map(\.id).suffix(2) == ["X102", "X103"])
    }

    @Test("real departments: INSEE order with Corsica after 19, overseas last, centres in France")
    func departments() {
        let ids = france.departments.map(\.id)
        #expect(ids.prefix(3) == ["01", "02", "03"])
        #expect(ids[18...21] == ["19", "2A", "2B", "21"])
        #expect(ids.suffix(6) == ["95", "971", "972", "973", "974", "976"])
        #expect(Set(ids).count == 101)
        #expect(france.departments[33].name == "Gironde" && france.departments[75].name == "Paris")
        for d in FrenchDepartment.all.prefix(96) {
            #expect((41...51.2).contains(d.centre.latitude) && (-5...9.6).contains(d.centre.longitude), "\(d.id)")
        }
        #expect(FrenchDepartment.all.filter(\.overseas).count == 5)
        #expect(FrenchDepartment.all.filter(\.hasSummerPeak).map(\.id).contains("33"))
        #expect(!FrenchDepartment.all.filter(\.hasSummerPeak).map(\.id).contains("75"))
    }

    @Test("department sizes follow the population")
    func departmentSizes() {
        var count = [Int](repeating: 0, count: 101)
        for r in france.reservists { count[r.department] += 1 }
        let nord = count[france.departments.firstIndex { $0.id == "59" }!]
        let lozere = count[france.departments.firstIndex { $0.id == "48" }!]
        #expect(count.allSatisfy { $0 >= 1 })
        #expect(nord > 20 * lozere, "Nord \(nord), Lozère \(lozere)")
        var demand = [Int](repeating: 0, count: 101)
        for m in france.missions { demand[m.department] += m.needed.reduce(0, +) }
        #expect(demand[france.departments.firstIndex { $0.id == "59" }!] > 10 * demand[france.departments.firstIndex { $0.id == "48" }!])
    }

    @Test("reservists: corps, caps, pay, employers, reactivity, travel and homes are realistic")
    func reservists() {
        let n = Double(france.reservists.count)
        let police = france.reservists.filter { $0.corps == .policeReservist }
        let gendarmes = france.reservists.filter { $0.corps == .gendarmerieReservist }
        #expect((0.12...0.18).contains(Double(police.count) / n))
        #expect(gendarmes.allSatisfy { [60, 150, 210].contains($0.annualCap) && (41...160).contains($0.dailyPay) })
        #expect(police.allSatisfy { [90, 150].contains($0.annualCap) && (74...240).contains($0.dailyPay) })
        #expect(Double(gendarmes.filter { $0.annualCap == 60 }.count) / Double(gendarmes.count) > 0.7)
        #expect(gendarmes.contains { $0.annualCap == 210 } && police.contains { $0.annualCap == 150 })
        #expect(france.reservists.allSatisfy { (0...30).contains($0.daysServed) && (40...150).contains($0.maxTravelKm) })
        let salaried = france.reservists.filter(\.salaried)
        #expect((0.55...0.65).contains(Double(salaried.count) / n))
        #expect((0.25...0.35).contains(Double(salaried.filter(\.employerConsent).count) / Double(salaried.count)))
        #expect(france.reservists.allSatisfy { $0.salaried || (!$0.employerConsent && $0.employerDaysUsed == 0) })
        #expect((0.17...0.23).contains(Double(france.reservists.filter(\.reactivity).count) / n))
        let table = FrenchDepartment.all
        for r in france.reservists {
            let place = table[r.department]
            #expect(abs(r.home.latitude - place.centre.latitude) <= place.spread + 1e-9, "\(r.id)")
            #expect(r.home.kilometres(to: place.centre) < 150, "\(r.id)")
        }
    }

    @Test("skills: driving common; motorcycling, OPJ, nautical and cyber rare; nautical mostly on the coast")
    func skills() {
        func share(_ skill: String, _ people: [Reservist]) -> Double {
            Double(people.filter { $0.skills.contains(skill) }.count) / Double(max(1, people.count))
        }
        let all = france.reservists
        #expect((0.45...0.65).contains(share("driver", all)))
        for skill in ["motorcyclist", "opj", "nautical", "cyber"] {
            #expect((0.005...0.12).contains(share(skill, all)), "\(skill)")
        }
        let coast = all.filter { FrenchDepartment.all[$0.department].coastal }
        let inland = all.filter { !FrenchDepartment.all[$0.department].coastal }
        #expect(share("nautical", coast) > 3 * share("nautical", inland))
        #expect(all.allSatisfy { $0.skills == $0.skills.sorted() && Set($0.skills).count == $0.skills.count })
        // Nautical missions only on the coast.
        #expect(france.missions.filter { $0.skill == "nautical" }.allSatisfy { FrenchDepartment.all[$0.department].coastal })
        #expect(france.missions.contains { $0.skill == "nautical" })
    }

    @Test("availability: about a quarter of the days, in blocks")
    func availability() {
        let total = france.reservists.reduce(0) { $0 + $1.availableDays.count }
        let share = Double(total) / Double(france.reservists.count * france.dayCount)
        #expect((0.2...0.32).contains(share), "\(share)")
        #expect(france.reservists.allSatisfy { !$0.availableDays.isEmpty && $0.availableDays == Array(Set($0.availableDays)).sorted() })
        #expect(france.reservists.allSatisfy { $0.availableDays.allSatisfy { (0..<90).contains($0) } })
        // Blocks: most available days have an available neighbour.
        var isolated = 0
        for r in france.reservists {
            let days = Set(r.availableDays)
            isolated += r.availableDays.filter { !days.contains($0 - 1) && !days.contains($0 + 1) }.count
        }
        #expect(Double(isolated) / Double(total) < 0.05)
        // Some reservists are available for more than their cap leaves them.
        #expect(france.reservists.contains { $0.availableDays.count > $0.remainingDays })
    }

    @Test("missions: in their department, 1-30 a day, some paired, some public order; notice dated 20 days before")
    func missions() {
        #expect(france.planningDate == france.startDate.adding(days: -20))
        #expect(france.firstCallableDay(noticeDays: 30) == 10)
        for m in france.missions {
            let place = FrenchDepartment.all[m.department]
            #expect(m.id.hasPrefix("M-\(place.id)-"))
            #expect(m.location.kilometres(to: place.centre) < 120, "\(m.id)")
            #expect(m.needed.count == m.lastDay - m.firstDay + 1 && m.firstDay >= 0 && m.lastDay < 90)
            #expect(m.needed.allSatisfy { (1...30).contains($0) }, "\(m.id)")
            #expect(m.priority > 0)
            if let staff = m.activeStaff { #expect(staff.count == m.needed.count) }
        }
        #expect(france.missions.contains { $0.activeStaff != nil })
        #expect(france.missions.contains { $0.activeStaff == nil })
        let publicOrder = Double(france.missions.filter(\.publicOrder).count) / Double(france.missions.count)
        #expect((0.1...0.6).contains(publicOrder))
        #expect(france.missions.contains { $0.needed.count == 2 && $0.publicOrder && france.date(ofDay: $0.lastDay).description == "2026-07-14" })
        // Every department has work.
        #expect(Set(france.missions.map(\.department)).count == 101)
    }

    @Test("demand is 60-80 % of what the reservists could supply")
    func demandAgainstSupply() {
        let demand = dailyDemand(france).reduce(0, +)
        let ratio = Double(demand) / Double(effectiveSupply(france))
        #expect((0.6...0.8).contains(ratio), "\(ratio)")
    }

    @Test("coastal departments peak in July-August")
    func coastalSummerPeak() {
        let coastal = dailyDemand(france) { FrenchDepartment.all[$0.department].hasSummerPeak }
        let inland = dailyDemand(france) { !FrenchDepartment.all[$0.department].coastal }
        func mean(_ values: [Int], months: Set<Int>) -> Double {
            let days = (0..<france.dayCount).filter { months.contains(france.date(ofDay: $0).month) }
            return Double(days.reduce(0) { $0 + values[$1] }) / Double(days.count)
        }
        let coastalJune = mean(coastal, months: [6]), coastalSummer = mean(coastal, months: [7, 8])
        #expect(coastalSummer > 1.5 * coastalJune, "June \(coastalJune), July-August \(coastalSummer)")
        // Inland demand has no such peak.
        let inlandJune = mean(inland, months: [6]), inlandSummer = mean(inland, months: [7, 8])
        #expect(inlandSummer < 1.3 * inlandJune, "June \(inlandJune), July-August \(inlandSummer)")
    }

    @Test("a horizon without summer and a one-department run still work")
    func otherHorizons() throws {
        let winter = ReservistGenerator.generate(reservists: 300, departments: 20, days: 60, seed: 2, start: try #require(CivilDate("2026-01-05")),
                                                 planningDate: CivilDate("2025-11-20"))
        #expect(winter.planningDate.description == "2025-11-20")
        #expect(winter.missions.allSatisfy { $0.skill != "nautical" })
        #expect(try ReservistReader.parse(data: Data(ReservistGenerator.json(winter).utf8), fileName: "w") == winter)
        let one = ReservistGenerator.generate(reservists: 0, departments: 1, days: 3, seed: 0)
        #expect(one.departments.map(\.id) == ["01"] && !one.missions.isEmpty)
    }

    @Test("30 000 reservists in 101 departments over 90 days: generated, written and read back")
    func scale() throws {
        let started = Date()
        let scenario = ReservistGenerator.generate(reservists: 30_000, departments: 101, days: 90, seed: 1)
        let text = ReservistGenerator.json(scenario)
        let generated = Date().timeIntervalSince(started)
        #expect(scenario.reservists.count == 30_000)
        #expect((8_000_000...25_000_000).contains(text.utf8.count), "\(text.utf8.count) bytes")
        let back = try ReservistReader.parse(data: Data(text.utf8), fileName: "big.json")
        #expect(back.reservists.count == 30_000 && back.missions.count == scenario.missions.count)
        #expect(back.reservists[29_999] == scenario.reservists[29_999])
        // Generous: debug builds are several times slower than release.
        #expect(generated < 60)
    }
}
