import ReservistScenario
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which missions a reservist may ever be called to, and at what daily cost: the skill, police
/// reservists off public order and the travel limit, with cost = pay + 2 × road km × allowance.
/// Missions are grouped by department with a bounding circle, so a reservist skips whole
/// departments beyond reach (triangle inequality) instead of measuring every mission; a
/// trigonometry-free lower bound on the distance rejects most of the rest before the exact one.
/// Built once per scenario; `CallUpCandidates` and `CallUpNetwork` both ask it.
struct MissionReach: Sendable {
    private let rules: ReservistRules
    private let byDepartment: [[Int]]
    private let circles: [(centre: Location, radius: Double)?]
    /// Flat per-mission facts, so that the loops never copy a `Mission` (its arrays retained and released).
    /// Index of each mission's skill in `skillNames`, or -1 when it needs none.
    private let skill: [Int32]
    private let skillNames: [String]
    private let publicOrder: [Bool]
    private let location: [Location]
    /// cos(latitude) of each mission, and of each department circle's centre (0 without one).
    private let cosLatitude: [Double]
    private let centreCosLatitude: [Double]

    init(_ scenario: ReservistScenario) {
        rules = scenario.rules
        skillNames = Array(Set(scenario.missions.compactMap(\.skill))).sorted()
        let skillIndex = Dictionary(uniqueKeysWithValues: skillNames.enumerated().map { ($1, Int32($0)) })
        skill = scenario.missions.map { $0.skill.map { skillIndex[$0]! } ?? -1 }
        publicOrder = scenario.missions.map(\.publicOrder)
        let location = scenario.missions.map(\.location)
        self.location = location
        cosLatitude = location.map(\.cosLatitude)
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
        centreCosLatitude = circles.map { $0?.centre.cosLatitude ?? 0 }
    }

    /// Replaces `reachable` with the missions `reservist` may do and their daily costs, by
    /// department then mission order.
    func missions(of reservist: Reservist, into reachable: inout [(mission: Int, cost: Double)]) {
        reachable.removeAll(keepingCapacity: true)
        let reach = reservist.maxTravelKm / rules.roadFactor
        let skills = skillMask(of: reservist)
        let home = reservist.home, cosHome = home.cosLatitude
        let limit = Self.haversineLimit(reach)
        for (k, circle) in circles.enumerated() {
            // A department whose circle is beyond reach (both tests are lower bounds on the distance).
            guard let (centre, radius) = circle,
                  !Self.surelyBeyond(home, centre, reach + radius + 1),
                  !Self.surelyBeyond(home, cosHome, centre, centreCosLatitude[k], Self.haversineBound(reach + radius + 1)) else { continue }
            for m in byDepartment[k] where skill[m] < 0 || skills[Int(skill[m])] {
                if let cost = travelCost(of: reservist, cosHome: cosHome, limit: limit, on: m) { reachable.append((m, cost)) }
            }
        }
    }

    /// The daily cost of `reservist` on mission m, or nil when its skill, corps or travel limit forbids it.
    func dailyCost(of reservist: Reservist, on m: Int) -> Double? {
        if skill[m] >= 0 && !reservist.skills.contains(skillNames[Int(skill[m])]) { return nil }
        return travelCost(of: reservist, cosHome: reservist.home.cosLatitude,
                          limit: Self.haversineLimit(reservist.maxTravelKm / rules.roadFactor), on: m)
    }

    /// Pay and travel allowance, or nil when the corps or the travel limit forbids the mission;
    /// `cosHome` and `limit` (the `haversineLimit` of the reservist's reach) are the reservist's, given
    /// by callers that test many missions.
    private func travelCost(of reservist: Reservist, cosHome: Double, limit: Double, on m: Int) -> Double? {
        if publicOrder[m] && reservist.corps == .policeReservist { return nil }
        // Cheap rejection first, then the exact distance.
        if Self.surelyBeyond(reservist.home, cosHome, location[m], cosLatitude[m], limit) { return nil }
        let km = reservist.home.kilometres(to: location[m], cosLatitude: cosHome, otherCosLatitude: cosLatitude[m]) * rules.roadFactor
        guard km <= reservist.maxTravelKm else { return nil }
        return reservist.dailyPay + 2 * km * rules.travelAllowancePerKm
    }

    /// Which of the missions' skills the reservist holds (by the index in `skillNames`).
    private func skillMask(of reservist: Reservist) -> [Bool] {
        skillNames.map { reservist.skills.contains($0) }
    }

    /// True when a and b are certainly more than `km` apart: their latitude arc alone (a lower
    /// bound on the great-circle distance) exceeds it, with a margin for rounding.
    private static func surelyBeyond(_ a: Location, _ b: Location, _ km: Double) -> Bool {
        abs(a.latitude - b.latitude) * (Double.pi / 180) * 6371 > km * (1 + 1e-9) + 1e-6
    }

    /// The haversine term h = sin²(d / 2R) of a distance d of `km`, with a margin for rounding (so
    /// that a lower bound on h above it proves the distance exceeds `km`); +∞ past half the globe.
    private static func haversineLimit(_ km: Double) -> Double {
        let halfAngle = km / (2 * 6371)
        guard halfAngle < Double.pi / 2 else { return .infinity }
        let s = sin(halfAngle)
        return s * s * (1 + 1e-9) + 1e-15
    }

    /// As `haversineLimit`, without trigonometry and a little looser (sin x ≤ x): for the
    /// departments' circles, tested once per reservist and department.
    private static func haversineBound(_ km: Double) -> Double {
        let halfAngle = km / (2 * 6371)
        return halfAngle * halfAngle * (1 + 1e-9) + 1e-15
    }

    /// True when a and b (with the cosines of their latitudes) are certainly farther apart than the
    /// distance whose `haversineLimit` is `limit`: h = sin²(Δφ/2) + cos φa cos φb sin²(Δλ/2) is
    /// bounded below with sin x ≥ x − x³/6 (x ≥ 0), without trigonometry.
    private static func surelyBeyond(_ a: Location, _ cosA: Double, _ b: Location, _ cosB: Double, _ limit: Double) -> Bool {
        let rad = Double.pi / 180
        let halfLat = abs(a.latitude - b.latitude) * (rad / 2)
        var lon = abs(a.longitude - b.longitude)
        if lon > 180 { lon = 360 - lon }    // sin²(Δλ/2) has period 2π
        let halfLon = lon * (rad / 2)
        let sLat = max(0, halfLat - halfLat * halfLat * halfLat / 6)
        let sLon = max(0, halfLon - halfLon * halfLon * halfLon / 6)
        return sLat * sLat + cosA * cosB * sLon * sLon > limit
    }
}
