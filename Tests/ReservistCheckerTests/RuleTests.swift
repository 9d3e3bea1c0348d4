import Foundation
import ReservistChecker
import ReservistScenario
import Testing

/// One test per hard rule of docs/reservist-format.md: the clean plan passes, a single breach
/// gives the rule, reservist, mission and date it should, and nothing else.
@Suite struct RuleTests {
    typealias Callup = ReservistPlan.Callup

    @Test func cleanPlanPasses() {
        let report = ReservistChecker.check(scenario: Fixture.scenario(), plan: Fixture.plan())
        #expect(report.isClean, "\(report.violations)")
        #expect(report.objective == 850)
        #expect(report.daysCalled == 10)
        #expect(report.reservistsUsed == 2)
        #expect(report.coverage == Fixture.plan().coverage)
    }

    @Test func availability() {
        var scenario = Fixture.scenario()
        scenario.reservists[0].availableDays = [0, 1, 3, 4, 5]
        let report = Fixture.check(scenario, Fixture.plan())
        #expect(summary(report) == ["availability R1 M-A 2026-06-03"])
        #expect(report.violations.first?.message.contains("not available") == true)
    }

    @Test func daysOutsideTheHorizonAreNeverAvailable() {
        var scenario = Fixture.scenario()
        scenario.missions[0].lastDay = 14   // a mission running past the horizon (the reader forbids it)
        scenario.missions[0].needed = Array(repeating: 1, count: 15)
        scenario.reservists[0].availableDays = Array(0..<15)
        var plan = Fixture.plan()
        plan.callups[0].days = Fixture.days(0...4) + [Fixture.day(14)]
        #expect(summary(Fixture.check(scenario, plan)) == ["availability R1 M-A 2026-06-15"])
    }

    @Test func oneMissionPerDay() {
        var plan = Fixture.plan()
        plan.callups.append(Callup(reservist: "R1", mission: "M-C", days: [Fixture.day(3)]))
        let report = Fixture.check(Fixture.scenario(), plan)
        #expect(summary(report) == ["one-mission-per-day R1 M-C 2026-06-04"])
        #expect(report.violations.first?.message.contains("M-A") == true)
    }

    @Test func theSameMissionTwiceADayIsOneMissionTooMany() {
        var plan = Fixture.plan()
        plan.callups.append(Callup(reservist: "R1", mission: "M-A", days: [Fixture.day(4)]))
        plan.callups.append(Callup(reservist: "R2", mission: "M-C", days: [Fixture.day(10)]))
        #expect(summary(Fixture.check(Fixture.scenario(), plan)) == ["one-mission-per-day R1 M-A 2026-06-05"])
    }

    @Test func annualCap() {
        var scenario = Fixture.scenario()
        scenario.reservists[0].daysServed = 56   // 56 + 5 = 61 > 60, the fifth day is one too many
        let report = Fixture.check(scenario, Fixture.plan())
        #expect(summary(report) == ["annual-cap R1 M-A 2026-06-05"])
        #expect(report.violations.first?.message.contains("61") == true)
        scenario.reservists[0].daysServed = 55
        #expect(Fixture.check(scenario, Fixture.plan()).isClean)
    }

    @Test func notice() {
        var scenario = Fixture.scenario()
        // 2026-05-04 + 30 days = 2026-06-03: days 0 and 1 are too early for R1; R3 starts on day 2.
        scenario.planningDate = Fixture.date("2026-05-04")
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == [
            "notice R1 M-A 2026-06-01", "notice R1 M-A 2026-06-02",
        ])
        // The reactivity clause shortens the notice to 15 days.
        scenario.reservists[0].reactivity = true
        #expect(Fixture.check(scenario, Fixture.plan()).isClean)
        scenario.rules.reactivityNoticeDays = 29
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == ["notice R1 M-A 2026-06-01"])
    }

    @Test func travelUsesTheRoadFactor() {
        var scenario = Fixture.scenario()
        // 0.1° of latitude north: 11.12 km great-circle, 13.90 km by road (× 1.25).
        scenario.reservists[0].home = Location(latitude: 44.94, longitude: -0.58)
        scenario.reservists[0].maxTravelKm = 12
        let report = Fixture.check(scenario, Fixture.plan())
        #expect(summary(report) == ["travel R1 M-A 2026-06-01"])
        #expect(report.violations.first?.message.contains("13.9 km") == true)
        scenario.reservists[0].maxTravelKm = 14
        #expect(Fixture.check(scenario, Fixture.plan()).isClean)
        scenario.rules.roadFactor = 1.3   // 14.46 km
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == ["travel R1 M-A 2026-06-01"])
    }

    @Test func skill() {
        var scenario = Fixture.scenario()
        scenario.missions[1].skill = "driver"   // R3 on M-B has no skill
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == ["skill R3 M-B 2026-06-03"])
        scenario.missions[0].skill = "driver"   // R1 has it
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == ["skill R3 M-B 2026-06-03"])
    }

    @Test func policeReservistsStayOffPublicOrder() {
        var scenario = Fixture.scenario()
        scenario.missions[1].publicOrder = true
        #expect(summary(Fixture.check(scenario, Fixture.plan())) == ["police-public-order R3 M-B 2026-06-03"])
        // A gendarmerie reservist may serve there.
        scenario.reservists[2].corps = .gendarmerieReservist
        #expect(Fixture.check(scenario, Fixture.plan()).isClean)
    }

    @Test func employerQuotaCountsWorkingDaysOnly() {
        var scenario = Fixture.scenario()
        scenario.reservists[1].employerDaysUsed = 6
        var plan = Fixture.plan()
        // Friday 5th, the weekend, Monday 8th and Tuesday 9th: 6 + 3 working days = 9 > 8, from the Tuesday.
        plan.callups.append(Callup(reservist: "R2", mission: "M-C", days: Fixture.days(4...8)))
        let report = Fixture.check(scenario, plan)
        #expect(summary(report) == ["employer-quota R2 M-C 2026-06-09"])
        #expect(report.violations.first?.message.contains("= 9") == true)
        scenario.reservists[1].employerConsent = true
        #expect(Fixture.check(scenario, plan).isClean)
        scenario.reservists[1].employerConsent = false
        scenario.reservists[1].salaried = false
        #expect(Fixture.check(scenario, plan).isClean)
    }

    @Test func activeStaff() {
        var plan = Fixture.plan()
        plan.callups.append(Callup(reservist: "R1", mission: "M-B", days: [Fixture.day(5)]))
        #expect(summary(Fixture.check(Fixture.scenario(), plan)) == ["active-staff - M-B 2026-06-06"])
        var scenario = Fixture.scenario()
        scenario.missions[1].activeStaff = [1, 1, 1, 2, 1]   // per day: two allowed on day 5
        #expect(Fixture.check(scenario, plan).isClean)
        scenario.missions[1].activeStaff = nil
        #expect(Fixture.check(scenario, plan).isClean)
    }

    @Test func unknownReferences() {
        var plan = Fixture.plan()
        plan.callups.append(Callup(reservist: "R9", mission: "M-C", days: [Fixture.day(7)]))
        plan.callups.append(Callup(reservist: "R2", mission: "M-Z", days: [Fixture.day(8)]))
        var balanced = Fixture.balanced(plan, Fixture.scenario())
        balanced.coverage.append(ReservistPlan.CoverageEntry(department: "99", date: Fixture.day(1), needed: 1,
                                                             covered: 1, missing: 0))
        let report = ReservistChecker.check(scenario: Fixture.scenario(), plan: balanced)
        #expect(summary(report) == [
            "unknown-reference - - 2026-06-02", "unknown-reference R2 M-Z 2026-06-09", "unknown-reference R9 M-C 2026-06-08",
        ])
        // Call-ups with an unknown side count for nothing.
        #expect(report.daysCalled == 10)
    }

    @Test func daysOutsideTheMission() {
        var plan = Fixture.plan()
        plan.callups[0].days = Fixture.days(0...5)
        let report = Fixture.check(Fixture.scenario(), plan)
        #expect(summary(report) == ["outside-mission R1 M-A 2026-06-06"])
        // Still a called (and paid) day, but no cover.
        #expect(report.daysCalled == 11)
        #expect(report.pay == 930)
        #expect(report.missingDays == 0)
    }

    @Test func scenarioName() {
        var plan = Fixture.plan()
        plan.scenario = "Winter"
        #expect(summary(ReservistChecker.check(scenario: Fixture.scenario(), plan: plan)) == ["scenario-mismatch - - -"])
        plan.scenario = nil
        #expect(ReservistChecker.check(scenario: Fixture.scenario(), plan: plan).isClean)
    }

    @Test func violationsSortByRuleReservistMissionDate() {
        var scenario = Fixture.scenario()
        scenario.reservists[2].availableDays = [2, 4, 6]
        scenario.reservists[0].availableDays = [1, 2, 3]
        scenario.missions[1].publicOrder = true
        let report = Fixture.check(scenario, Fixture.plan())
        #expect(summary(report) == [
            "availability R1 M-A 2026-06-01", "availability R1 M-A 2026-06-05",
            "availability R3 M-B 2026-06-04", "availability R3 M-B 2026-06-06",
            "police-public-order R3 M-B 2026-06-03",
        ])
        #expect(report.violations.map(\.description).allSatisfy { !$0.contains("\n") })
        #expect(report.violations[0].description == "availability: R1 on M-A 2026-06-01: the reservist is not available on 2026-06-01")
    }
}
