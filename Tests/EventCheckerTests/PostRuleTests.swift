import EventChecker
import EventScenario
import Testing

@Suite struct PostRuleTests {
    @Test func postRoleMustBeDemandedInTheZone() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-1", with: Fixture.assignment("ps-1", "gate-a", "search"))
        let report = Fixture.check(roster)
        #expect(reports(report, .postRole, person: "ps-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.postRole])
        #expect(report.violations.first?.message.contains("search-f") == true)
    }

    @Test func postCorps() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-1", with: Fixture.assignment("np-f", "gate-a", "search-f"))
        let report = Fixture.check(roster)
        #expect(reports(report, .postCorps, person: "np-f", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.postCorps])
    }

    @Test func postStatus() {
        var scenario = Fixture.scenario()
        scenario.demands[1].need = .post(role: "search-f", requirement: RoleRequirement(
            corps: [.privateSecurity], status: [.apj], qualifications: ["pat-down"], sex: .female))
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .postStatus, person: "ps-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.postStatus])
    }

    @Test func postQualification() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-1", with: Fixture.assignment("ps-3", "gate-a", "search-f"))
        let report = Fixture.check(roster)
        #expect(reports(report, .postQualification, person: "ps-3", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.postQualification])
        #expect(report.violations.first?.message.contains("pat-down") == true)
    }

    @Test func postSex() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-1", with: Fixture.assignment("ps-2", "gate-a", "search-f"))
        let report = Fixture.check(roster)
        #expect(reports(report, .postSex, person: "ps-2", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.postSex])
    }

    @Test func armedPostForUnarmedMunicipalPolice() {
        var scenario = Fixture.scenario()
        scenario.demands[3].need = .post(role: "watch", requirement: RoleRequirement(corps: [.municipalPolice], qualifications: ["armed"]))
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .municipalArmed, person: "pm-bourg", zone: "square"))
        #expect(reports(report, .postQualification, person: "pm-bourg", zone: "square"))
        #expect(Fixture.rules(report) == [.municipalArmed, .postQualification])
    }
}
