import EventChecker
import EventScenario
import Testing

@Suite struct PatrolRuleTests {
    @Test func membersAndPatrolAssignmentsMustAgree() {
        // gn-1's assignment names P1 but the patrol no longer lists gn-1.
        var roster = Fixture.roster()
        roster.patrols[0].members = ["np-1"]
        var report = Fixture.check(roster)
        #expect(reports(report, .patrolMembership, person: "gn-1", zone: "gate-a"))
        // A listed member whose assignment is elsewhere.
        roster = Fixture.roster()
        roster.assignments[0] = Fixture.assignment("gn-1", "road", "partner", patrol: "P1")
        report = Fixture.check(roster)
        #expect(reports(report, .patrolMembership, person: "gn-1", zone: "road"))
        // A listed member without any assignment with the patrol.
        roster = Fixture.roster()
        roster.patrols[0].members.append("np-2")
        report = Fixture.check(roster)
        #expect(reports(report, .patrolMembership, person: "np-2", zone: "gate-a"))
        #expect(!Fixture.rules(Fixture.check(Fixture.roster())).contains(.patrolMembership))
    }

    @Test func patrolSizeMustMatchRulesAndTemplate() {
        var roster = Fixture.roster()
        roster.patrols[0].members.append("np-2")
        roster.assignments.append(Fixture.assignment("np-2", "gate-a", "partner", patrol: "P1"))
        var report = Fixture.check(roster)
        #expect(reports(report, .patrolSize, person: nil, zone: "gate-a"))
        #expect(report.violations.first { $0.rule == .patrolSize }?.message.contains("template duo has 2") == true)
        #expect(Fixture.rules(report) == [.patrolSize, .patrolComposition])
        // Within the template but outside the size rules.
        var scenario = Fixture.scenario()
        scenario.rules.patrolMinSize = 3
        scenario.rules.patrolMaxSize = 4
        report = Fixture.check(Fixture.roster(), scenario)
        #expect(Fixture.rules(report) == [.patrolSize])
        #expect(report.violations.first?.message.contains("outside the patrol size rules 3-4") == true)
    }

    @Test func roleCountsMustMatchTheTemplate() {
        var roster = Fixture.roster()
        roster.assignments[0].role = "leader"   // gn-1: two leaders, no partner
        let report = Fixture.check(roster)
        #expect(reports(report, .patrolComposition, person: nil, zone: "gate-a"))
        #expect(Fixture.rules(report) == [.patrolComposition])
    }

    @Test func leaderMustBeAMemberInTheFirstRoleWithLeaderCorpsAndStatus() {
        var roster = Fixture.roster()
        roster.patrols[0].leader = "gn-1"   // gn-1 holds `partner`
        var report = Fixture.check(roster)
        #expect(reports(report, .patrolLeader, person: "gn-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.patrolLeader])

        roster = Fixture.roster()
        roster.patrols[0].leader = "np-2"
        report = Fixture.check(roster)
        #expect(reports(report, .patrolLeader, person: "np-2", zone: "gate-a"))

        var scenario = Fixture.scenario()
        scenario.rules.leaderStatus = [.apj]   // np-1 is OPJ
        report = Fixture.check(Fixture.roster(), scenario)
        #expect(reports(report, .patrolLeader, person: "np-1", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.patrolLeader])
    }

    @Test func everyMemberNeedsThePatrolRadio() {
        var roster = Fixture.roster()
        roster.patrols[0].radio = "RUBIS"   // gn-1 has it, np-1 has not
        let report = Fixture.check(roster)
        #expect(reports(report, .patrolRadio, person: "np-1", zone: "gate-a"))
        #expect(report.violations.count == 1)
    }

    /// P1 with gr-1 (gendarmerie reservist) instead of gn-1.
    private func reservistRoster(leader: String = "np-1", partner: String = "gr-1") -> Roster {
        var roster = Fixture.roster()
        roster.assignments[0] = Fixture.assignment(partner, "gate-a", "partner", patrol: "P1")
        roster.assignments[1] = Fixture.assignment(leader, "gate-a", "leader", patrol: "P1")
        roster.patrols[0].members = [leader, partner]
        roster.patrols[0].leader = leader
        return roster
    }

    @Test func reservistShareIsCapped() {
        #expect(Fixture.check(reservistRoster()).isClean)   // 1 of 2 = the 0.5 cap
        var scenario = Fixture.scenario()
        scenario.rules.maxReservistShare = 0.4
        let report = Fixture.check(reservistRoster(), scenario)
        #expect(reports(report, .reservistShare, person: nil, zone: "gate-a"))
        #expect(Fixture.rules(report) == [.reservistShare])
    }

    @Test func reservistsArePairedWithAnActiveMember() {
        var scenario = Fixture.scenario()
        scenario.rules.maxReservistShare = 1
        scenario.rules.leaderCorps.append(.gendarmerieReservist)
        scenario.patrolTemplates[0].roles[0].requirement.corps.append(.gendarmerieReservist)
        let roster = reservistRoster(leader: "gr-1", partner: "gr-2")
        let report = Fixture.check(roster, scenario)
        #expect(reports(report, .reservistPairing, person: nil, zone: "gate-a"))
        #expect(Fixture.rules(report) == [.reservistPairing])
        scenario.rules.reservistsPairedWithActive = false
        #expect(Fixture.check(roster, scenario).isClean)
    }

    @Test func roleRequirementHoldsForWhoFillsIt() {
        // Private security may not be a duo partner.
        let roster = reservistRoster(partner: "ps-2")
        let report = Fixture.check(roster)
        #expect(reports(report, .roleRequirement, person: "ps-2", zone: "gate-a"))
        #expect(Fixture.rules(report) == [.roleRequirement])
        #expect(report.violations.first?.message.contains("corps private-security") == true)
        // A leader without the leader role's status.
        var scenario = Fixture.scenario()
        scenario.rules.leaderStatus.append(.none)
        let weak = Fixture.check(reservistRoster(leader: "gn-2", partner: "gn-1"), scenario)
        #expect(reports(weak, .roleRequirement, person: "gn-2", zone: "gate-a"))
        #expect(Fixture.rules(weak) == [.roleRequirement])
    }
}
