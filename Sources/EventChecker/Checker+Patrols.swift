import EventScenario

extension Checker {
    /// Membership, size, composition, leader, radio, reservists and municipal joint patrols of one patrol.
    mutating func checkPatrol(_ p: Int) {
        let patrol = roster.patrols[p]
        let zoneID = patrol.zone
        func add(_ rule: RuleID, person: String? = nil, _ message: String) {
            self.add(rule, person: person, zone: zoneID, start: patrol.start, end: patrol.end, message)
        }
        let zone = zoneIndex[patrol.zone] ?? -1
        if zone < 0 { add(.unknownReference, "patrol \(patrol.id): zone \(patrol.zone) is not in the scenario") }
        let templateIndex = self.templateIndex[patrol.template]
        if templateIndex == nil {
            add(.unknownReference, "patrol \(patrol.id): template \(patrol.template) is not in the scenario")
        }
        _ = checkTimes(patrol.start, patrol.end, person: nil, zone: zoneID, what: "patrol \(patrol.id)")
        guard patrolIndex[patrol.id] == p else { return }  // a duplicate id: reported already

        // Membership: the members list and the assignments naming the patrol agree.
        var members: [String] = []
        var seen = Set<String>()
        for member in patrol.members {
            if seen.insert(member).inserted {
                members.append(member)
            } else {
                add(.patrolMembership, person: member, "patrol \(patrol.id) lists \(member) more than once")
            }
        }
        for member in members where personIndex[member] == nil {
            add(.unknownReference, person: member, "patrol \(patrol.id): member \(member) is not in the scenario")
        }
        var byPerson: [String: [Int]] = [:]
        for i in assignmentsByPatrol[p] { byPerson[roster.assignments[i].person, default: []].append(i) }
        /// The role each member holds in the patrol (from the first of their assignments with it).
        var roleOf: [String: String] = [:]
        for member in members {
            guard let indices = byPerson[member] else {
                add(.patrolMembership, person: member,
                    "listed in patrol \(patrol.id) but has no assignment with patrol \(patrol.id)")
                continue
            }
            roleOf[member] = roster.assignments[indices[0]].role
            if indices.count > 1 {
                add(.patrolMembership, person: member,
                    "has \(indices.count) assignments with patrol \(patrol.id); a member holds one")
            }
            for i in indices {
                let a = roster.assignments[i]
                if a.zone != patrol.zone || a.start != patrol.start || a.end != patrol.end {
                    self.add(.patrolMembership, person: member, zone: a.zone, start: a.start, end: a.end,
                             "assignment with patrol \(patrol.id) at \(a.zone) \(span(a.start, a.end)) differs from the patrol's \(patrol.zone) \(span(patrol.start, patrol.end))")
                }
            }
        }
        for (person, indices) in byPerson where !seen.contains(person) {
            for i in indices {
                let a = roster.assignments[i]
                self.add(.patrolMembership, person: person, zone: a.zone, start: a.start, end: a.end,
                         "has an assignment with patrol \(patrol.id) but is not among its members (\(patrol.members.joined(separator: ", ")))")
            }
        }

        // Size and composition.
        let size = members.count
        var sizeIssues: [String] = []
        if size < rules.patrolMinSize || size > rules.patrolMaxSize {
            sizeIssues.append("outside the patrol size rules \(rules.patrolMinSize)-\(rules.patrolMaxSize)")
        }
        let template = templateIndex.map { scenario.patrolTemplates[$0] }
        if let template, size != template.size {
            sizeIssues.append("template \(template.id) has \(template.size)")
        }
        if !sizeIssues.isEmpty {
            add(.patrolSize, "patrol \(patrol.id) has \(size) member\(size == 1 ? "" : "s"): \(sizeIssues.joined(separator: "; "))")
        }
        if let template {
            var counts: [String: Int] = [:]
            for role in roleOf.values { counts[role, default: 0] += 1 }
            let differences = template.roles.compactMap { role -> String? in
                let held = counts[role.id] ?? 0
                return held == role.count ? nil : "\(role.id) \(held) of \(role.count)"
            }
            if !differences.isEmpty {
                add(.patrolComposition, "patrol \(patrol.id) does not match template \(template.id): \(differences.joined(separator: ", "))")
            }
        }

        // Leader.
        if !seen.contains(patrol.leader) {
            add(.patrolLeader, person: patrol.leader,
                "leader \(patrol.leader) is not among the members of patrol \(patrol.id)")
        } else {
            if let template, let first = template.roles.first, let role = roleOf[patrol.leader], role != first.id {
                add(.patrolLeader, person: patrol.leader,
                    "leader of patrol \(patrol.id) holds role \(role), not the leader's role \(first.id) of template \(template.id)")
            }
            if let l = personIndex[patrol.leader] {
                let leader = scenario.people[l]
                var issues: [String] = []
                if !rules.leaderCorps.contains(leader.corps) {
                    issues.append("corps \(leader.corps.rawValue) is not a leader corps (\(rules.leaderCorps.map(\.rawValue).joined(separator: ", ")))")
                }
                if !rules.leaderStatus.contains(leader.status) {
                    issues.append("status \(leader.status.rawValue) is not a leader status (\(rules.leaderStatus.map(\.rawValue).joined(separator: ", ")))")
                }
                if !issues.isEmpty {
                    add(.patrolLeader, person: patrol.leader,
                        "leader of patrol \(patrol.id): \(issues.joined(separator: "; "))")
                }
            }
        }

        // Radio, reservists, municipal joint patrols.
        let people = members.compactMap { id in personIndex[id].map { scenario.people[$0] } }
        for person in people where !person.radios.contains(patrol.radio) {
            add(.patrolRadio, person: person.id,
                "patrol \(patrol.id) works on \(patrol.radio); \(person.id) has \(person.radios.isEmpty ? "no radio" : person.radios.joined(separator: ", "))")
        }
        let reservists = people.filter { $0.corps.isReservist }
        if size > 0, Double(reservists.count) > rules.maxReservistShare * Double(size) + 1e-9 {
            add(.reservistShare,
                "patrol \(patrol.id) has \(reservists.count) reservist\(reservists.count == 1 ? "" : "s") of \(size) members, above the share \(Self.number(rules.maxReservistShare))")
        }
        if rules.reservistsPairedWithActive, !reservists.isEmpty, !people.contains(where: { $0.corps.isActiveStateForce }) {
            add(.reservistPairing,
                "patrol \(patrol.id) has reservists (\(reservists.map(\.id).joined(separator: ", "))) but no active national-police or gendarmerie member")
        }
        let others = people.filter { $0.corps != .municipalPolice }
        if !others.isEmpty {
            for person in people where person.corps == .municipalPolice {
                let commune = person.commune.map { scenario.communes[$0] }
                guard commune?.convention?.jointPatrols != true else { continue }
                let why = commune?.convention == nil ? "commune \(commune?.id ?? "?") has no convention"
                    : "the convention of \(commune!.id) does not allow joint patrols"
                add(.municipalJointPatrol, person: person.id,
                    "patrol \(patrol.id) mixes municipal police with \(others.map(\.corps.rawValue).joined(separator: ", ")), but \(why)")
            }
        }
    }
}
