import EventChecker
import EventScenario
import Testing

/// Territory and powers: municipal police, private and transport security, police reservists.
@Suite struct PowersRuleTests {
    @Test func municipalPoliceStaysInItsCommune() {
        let roster = Fixture.replacing(Fixture.roster(), "pm-bourg", with: Fixture.assignment("pm-bourg", "road", "watch"))
        let report = Fixture.check(roster)
        #expect(reports(report, .municipalTerritory, person: "pm-bourg", zone: "road"))
        #expect(Fixture.rules(report) == [.municipalTerritory])
    }

    @Test func municipalHoursWithoutConvention() {
        // Bourg has no convention: 06:00-23:00.
        var roster = Fixture.replacing(Fixture.roster(), "pm-bourg", with: Fixture.assignment("pm-bourg", "square", "watch", "06:00", "14:00"))
        #expect(Fixture.check(roster).isClean)
        roster = Fixture.replacing(Fixture.roster(), "pm-bourg", with: Fixture.assignment("pm-bourg", "square", "watch", "22:00", "06:00", endDay: 31))
        let report = Fixture.check(roster)
        #expect(reports(report, .municipalHours, person: "pm-bourg", zone: "square"))
        #expect(Fixture.rules(report) == [.municipalHours])
        #expect(report.violations.first?.message.contains("at 23:00") == true)
        var scenario = Fixture.scenario()
        scenario.rules.municipalHoursWithoutConvention = .allDay
        #expect(Fixture.check(roster, scenario).isClean)
    }

    @Test func municipalConventionHoursAcrossMidnight() {
        // Ville: 06:00-02:00. A night shift 22:00-06:00 breaks it at 02:00.
        let night = Fixture.replacing(Fixture.roster(), "pm-ville", with: Fixture.assignment("pm-ville", "road", "watch", "22:00", "06:00", endDay: 31))
        var report = Fixture.check(night)
        #expect(reports(report, .municipalHours, person: "pm-ville", zone: "road"))
        #expect(report.violations.first?.message.contains("at 02:00") == true)
        // Hours 22:00-06:00: the night shift fits, the day shift does not.
        var scenario = Fixture.scenario()
        scenario.communes[0].convention!.hours = Fixture.hours("22:00", "06:00")
        #expect(Fixture.check(night, scenario).isClean)
        report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .municipalHours, person: "pm-ville", zone: "road"))
        #expect(Fixture.rules(report) == [.municipalHours])
    }

    @Test func municipalAllDayConventionAndEmptyHours() {
        // Hameau: 00:00-24:00, the clean roster's 22:00-06:00 plaza shift passes; equal
        // start and end admit nothing.
        var scenario = Fixture.scenario()
        scenario.communes[2].convention!.hours = Fixture.hours("06:00", "06:00")
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .municipalHours, person: "pm-hameau", zone: "plaza"))
        #expect(Fixture.rules(report) == [.municipalHours])
    }

    /// P2: an armed trio on the road (np-2 leading, pm-ville as armed escort, gn-2) instead of pm-ville's post.
    private func armedTrio() -> Roster {
        var roster = Fixture.replacing(Fixture.roster(), "pm-ville", with: Fixture.assignment("pm-ville", "road", "escort", patrol: "P2"))
        roster.assignments.append(Fixture.assignment("np-2", "road", "leader", patrol: "P2"))
        roster.assignments.append(Fixture.assignment("gn-2", "road", "partner", patrol: "P2"))
        roster.patrols.append(Roster.Patrol(id: "P2", zone: "road", template: "armed-trio", radio: "INPT",
                                            start: Fixture.time("14:00"), end: Fixture.time("22:00"),
                                            members: ["np-2", "pm-ville", "gn-2"], leader: "np-2"))
        return roster
    }

    @Test func municipalPoliceArmedOnlyUnderAnArmedConvention() {
        #expect(Fixture.check(armedTrio()).isClean)
        var scenario = Fixture.scenario()
        scenario.communes[0].convention!.armed = false
        let report = Fixture.check(armedTrio(), scenario)
        #expect(reports(report, .municipalArmed, person: "pm-ville", zone: "road"))
        #expect(Fixture.rules(report) == [.municipalArmed])
    }

    @Test func municipalJointPatrolsOnlyUnderAConvention() {
        var scenario = Fixture.scenario()
        scenario.communes[0].convention!.jointPatrols = false
        var report = Fixture.check(armedTrio(), scenario)
        #expect(reports(report, .municipalJointPatrol, person: "pm-ville", zone: "road"))
        #expect(Fixture.rules(report) == [.municipalJointPatrol])
        scenario.communes[0].convention = nil
        report = Fixture.check(armedTrio(), scenario)
        #expect(reports(report, .municipalJointPatrol, person: "pm-ville", zone: "road"))
        #expect(reports(report, .municipalArmed, person: "pm-ville", zone: "road"))
    }

    @Test func privateSecurityStaysOnItsSite() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-1", with: Fixture.assignment("ps-hall", "gate-a", "search-f"))
        let report = Fixture.check(roster)
        #expect(reports(report, .privateSite, person: "ps-hall", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.privateSite])
    }

    @Test func privateSecurityOnThePublicRoadNeedsAuthorisation() {
        let roster = Fixture.replacing(Fixture.roster(), "ps-road", with: Fixture.assignment("ps-3", "road", "steward"))
        let report = Fixture.check(roster)
        #expect(reports(report, .privateSite, person: "ps-3", zone: "road"))
        #expect(Fixture.rules(report) == [.privateSite])
    }

    @Test func transportSecurityOnlyInTransportZones() {
        var scenario = Fixture.scenario()
        scenario.zones[2].kind = .perimeter
        let report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .transportPremises, person: "ts-1", zone: "station"))
        #expect(Fixture.rules(report) == [.transportPremises])
    }

    @Test func policeReservistsNeverOnPublicOrder() {
        var roster = Fixture.roster()
        roster.assignments[0] = Fixture.assignment("pr-1", "gate-a", "partner", patrol: "P1")
        roster.patrols[0].members = ["np-1", "pr-1"]
        let report = Fixture.check(roster)
        #expect(reports(report, .policeReservistPublicOrder, person: "pr-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.policeReservistPublicOrder])
        var scenario = Fixture.scenario()
        scenario.demands[0].publicOrder = false
        #expect(Fixture.check(roster, scenario).isClean)
    }

    @Test func policeReservistOnAPublicOrderPost() {
        var scenario = Fixture.scenario()
        scenario.demands[2].publicOrder = true
        if case .post(let role, var requirement) = scenario.demands[2].need {
            requirement.corps.append(.policeReservist)
            scenario.demands[2].need = .post(role: role, requirement: requirement)
        }
        let roster = Fixture.replacing(Fixture.roster(), "ts-1", with: Fixture.assignment("pr-1", "station", "guard"))
        let report = Fixture.check(roster, scenario)
        #expect(reports(report, .policeReservistPublicOrder, person: "pr-1", zone: "station"))
        #expect(Fixture.rules(report) == [.policeReservistPublicOrder])
    }
}
