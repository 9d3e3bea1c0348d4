import EventScenario

/// Small scenarios written in Swift, independent of the file reader.
enum ScenarioBuilder {
    static func time(_ hour: Int, _ minute: Int = 0, day: Int = 30) -> Timestamp {
        Timestamp(iso8601: String(format: "2026-05-%02dT%02d:%02d:00+02:00", day, hour, minute))!
    }

    static let everywhere = TimeWindow(start: time(0), end: time(0, day: 31))

    static func person(_ id: String, _ corps: Corps, status: LegalStatus = .none, qualifications: [String] = [],
                       sex: Sex? = nil, commune: Int? = nil, radios: [String] = ["INPT"], site: Int? = nil,
                       cost: Double = 30, availability: [TimeWindow]? = nil, hoursThisWeek: Double = 0,
                       lastShiftEnd: Timestamp? = nil) -> Person {
        Person(id: id, corps: corps, status: status, qualifications: qualifications.sorted(), sex: sex,
               commune: commune, radios: radios.sorted(), site: site, publicRoadAuthorised: false,
               availability: availability ?? [TimeWindow(start: time(12), end: time(0, day: 31))],
               lastShiftEnd: lastShiftEnd, hoursThisWeek: hoursThisWeek, costPerHour: cost)
    }

    /// A perimeter patrolled by mixed State/municipal patrols and a gate with a female search post.
    static func small(people: [Person]? = nil, patrols: Int = 2, searchers: Int = 1,
                      convention: Convention? = Convention(jointPatrols: true, hours: .allDay, armed: false))
        -> Scenario {
        var rules = Rules()
        rules.shiftTemplates = [ShiftTemplate(startTimes: [TimeOfDay("12:00")!, TimeOfDay("16:00")!], hours: 8),
                                ShiftTemplate(startTimes: [TimeOfDay("14:00")!, TimeOfDay("18:00")!], hours: 6)]
        let horizon = Horizon(start: time(12), end: time(0, day: 31), slotMinutes: 60)
        let mixed = PatrolTemplate(id: "mixed", roles: [
            PatrolRole(id: "leader", count: 1,
                       requirement: RoleRequirement(corps: [.nationalPolice, .gendarmerie], status: [.opj, .apj])),
            PatrolRole(id: "member", count: 1,
                       requirement: RoleRequirement(corps: [.nationalPolice, .gendarmerie, .municipalPolice,
                                                            .gendarmerieReservist])),
        ])
        let demands = [
            Demand(id: "perimeter-patrols", zone: 0, window: TimeWindow(start: time(14), end: time(22)),
                   need: .patrols(template: 0), count: patrols, priority: 500, publicOrder: false),
            Demand(id: "gate-search", zone: 1, window: TimeWindow(start: time(16), end: time(0, day: 31)),
                   need: .post(role: "search-f", requirement: RoleRequirement(corps: [.privateSecurity],
                                                                             qualifications: ["pat-down"], sex: .female)),
                   count: searchers, priority: 300, publicOrder: false),
        ]
        let defaultPeople = [
            person("np-1", .nationalPolice, status: .opj, cost: 50),
            person("np-2", .nationalPolice, status: .apj, cost: 45),
            person("np-3", .nationalPolice, status: .apj, cost: 45),
            person("pm-1", .municipalPolice, status: .apjAdjoint, commune: 0, cost: 35),
            person("pm-2", .municipalPolice, status: .apjAdjoint, commune: 0, cost: 35),
            person("ps-1", .privateSecurity, qualifications: ["pat-down"], sex: .female, radios: ["SITE"], site: 0, cost: 25),
            person("ps-2", .privateSecurity, qualifications: ["pat-down"], sex: .female, radios: ["SITE"], site: 0, cost: 25),
            person("ps-3", .privateSecurity, qualifications: ["pat-down"], sex: .male, radios: ["SITE"], site: 0, cost: 20),
        ]
        return Scenario(
            name: "small", horizon: horizon, rules: rules,
            communes: [Commune(id: "saint-denis", name: "Saint-Denis", convention: convention)],
            sites: [Site(id: "stadium", name: "Stadium")],
            zones: [Zone(id: "perimeter", name: "Perimeter", kind: .perimeter, commune: 0, site: nil),
                    Zone(id: "gate-a", name: "Gate A", kind: .venue, commune: 0, site: 0)],
            patrolTemplates: [mixed], demands: demands, people: people ?? defaultPeople)
    }
}
