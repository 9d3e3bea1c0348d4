import ReservistScenario

/// Which missions a reservist may ever be called to, and at what daily cost: the skill, police
/// reservists off public order and the travel limit, with cost = pay + 2 × road km × allowance.
/// Missions are grouped by department with a bounding circle, so a reservist skips whole
/// departments beyond reach (triangle inequality) instead of measuring every mission.
/// Built once per scenario; `CallUpCandidates` and `CallUpNetwork` both ask it.
struct MissionReach: Sendable {
    private let rules: ReservistRules
    private let byDepartment: [[Int]]
    private let circles: [(centre: Location, radius: Double)?]
    /// Flat per-mission facts, so that the loops never copy a `Mission` (its arrays retained and released).
    private let skill: [String?]
    private let publicOrder: [Bool]
    private let location: [Location]

    init(_ scenario: ReservistScenario) {
        rules = scenario.rules
        skill = scenario.missions.map(\.skill)
        publicOrder = scenario.missions.map(\.publicOrder)
        let location = scenario.missions.map(\.location)
        self.location = location
        var byDepartment = Array(repeating: [Int](), count: scenario.departments.count)
        for (m, mission) in scenario.missions.enumerated() { byDepartment[mission.department].append(m) }
        self.byDepartment = byDepartment
        circles = byDepartment.map { missions in
            guard !missions.isEmpty else { return nil }
            let lat = missions.reduce(0.0) { $0 + location[$1].latitude } / Double(missions.count)
            let lon = missions.reduce(0.0) { $0 + location[$1].longitude } / Double(missions.count)
            let centre = Location(latitude: lat, longitude: lon)
            return (centre, missions.map { centre.kilometres(to: location[$0]) }.max() ?? 0)
        }
    }

    /// Replaces `reachable` with the missions `reservist` may do and their daily costs, by
    /// department then mission order.
    func missions(of reservist: Reservist, into reachable: inout [(mission: Int, cost: Double)]) {
        reachable.removeAll(keepingCapacity: true)
        let reach = reservist.maxTravelKm / rules.roadFactor
        for (k, circle) in circles.enumerated() {
            guard let (centre, radius) = circle, reservist.home.kilometres(to: centre) - radius <= reach + 1 else { continue }
            for m in byDepartment[k] {
                if let cost = dailyCost(of: reservist, on: m) { reachable.append((m, cost)) }
            }
        }
    }

    /// The daily cost of `reservist` on mission m, or nil when its skill, corps or travel limit forbids it.
    func dailyCost(of reservist: Reservist, on m: Int) -> Double? {
        if let skill = skill[m], !reservist.skills.contains(skill) { return nil }
        if publicOrder[m] && reservist.corps == .policeReservist { return nil }
        let km = reservist.home.kilometres(to: location[m]) * rules.roadFactor
        guard km <= reservist.maxTravelKm else { return nil }
        return reservist.dailyPay + 2 * km * rules.travelAllowancePerKm
    }
}
