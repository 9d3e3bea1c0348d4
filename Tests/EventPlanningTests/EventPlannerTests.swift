import EventPlanning
import EventScenario
import Testing

@Suite struct EventPlannerTests {
    @Test func smallScenarioIsCoveredAtLowestCost() throws {
        let scenario = ScenarioBuilder.small()
        let plan = try EventPlanner.plan(scenario)
        #expect(plan.termination == .optimal)
        // The brute force of ExhaustiveSearch over all 455 625 configurations finds 3160, of which
        // 2000 is shortfall: no template shift covers 14:00-22:00 with three leaders only.
        #expect(abs(plan.objective - 3160) < 1e-6)
        #expect(plan.patrols.count >= 2)
        for patrol in plan.patrols {
            let leader = scenario.people[patrol.leader]
            #expect(leader.corps == .nationalPolice)
            #expect(patrol.members.count == 2)
        }
        let searchers = plan.assignments.filter { $0.role == "search-f" }
        #expect(!searchers.isEmpty)
        for a in searchers { #expect(scenario.people[a.person].sex == .female) }
        #expect(abs(plan.objective - (plan.staffCost + plan.shortfallCost)) < 1e-6)
        #expect(plan.bound <= plan.objective + 1e-6)
    }

    @Test func missingFemaleSearcherIsAShortfallWithAReason() throws {
        var scenario = ScenarioBuilder.small()
        scenario.people.removeAll { $0.sex == .female }
        let plan = try EventPlanner.plan(scenario)
        let shortfall = try #require(plan.shortfalls.first { scenario.demands[$0.demand].id == "gate-search" })
        #expect(shortfall.missing == 1)
        #expect(shortfall.reason.contains("search-f") && shortfall.reason.contains("female"))
    }

    @Test func municipalPoliceWithoutConventionNeverJoinStatePatrols() throws {
        let scenario = ScenarioBuilder.small(convention: nil)
        let plan = try EventPlanner.plan(scenario)
        for patrol in plan.patrols {
            #expect(patrol.members.allSatisfy { scenario.people[$0].corps != .municipalPolice })
        }
    }
}
