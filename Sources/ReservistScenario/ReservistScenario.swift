/// A national reservist call-up problem (docs/reservist-format.md), read and
/// cross-checked: references resolved to indices, days as indices into the
/// horizon (day 0 = `startDate`).
public struct ReservistScenario: Sendable {
    public var name: String
    /// The day call-up notices are sent: no call-up inside the notice period after it.
    public var planningDate: CivilDate
    public var startDate: CivilDate
    public var dayCount: Int
    public var rules: ReservistRules
    public var departments: [Department]
    public var reservists: [Reservist]
    public var missions: [Mission]

    public init(name: String, planningDate: CivilDate, startDate: CivilDate, dayCount: Int, rules: ReservistRules,
                departments: [Department], reservists: [Reservist], missions: [Mission]) {
        self.name = name
        self.planningDate = planningDate
        self.startDate = startDate
        self.dayCount = dayCount
        self.rules = rules
        self.departments = departments
        self.reservists = reservists
        self.missions = missions
    }

    /// The calendar date of day `index`.
    public func date(ofDay index: Int) -> CivilDate { startDate.adding(days: index) }
    /// Whether day `index` is a working day (Monday to Friday) for the employer quota.
    public func isWorkingDay(_ index: Int) -> Bool { date(ofDay: index).weekday <= 5 }
    /// The first day index a reservist with `noticeDays` may be called for.
    public func firstCallableDay(noticeDays: Int) -> Int { planningDate.adding(days: noticeDays).days(since: startDate) }
}

/// A date without time, `YYYY-MM-DD` (proleptic Gregorian).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        daysSinceEpoch = CivilDate.days(year: year, month: month, day: day)
    }

    public static func < (a: Self, b: Self) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }
    public func days(since other: CivilDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }
    /// ISO weekday: 1 Monday ... 7 Sunday.
    public var weekday: Int { ((daysSinceEpoch % 7 + 7 + 3) % 7) + 1 }

    public var description: String {
        let z = daysSinceEpoch + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}

public struct ReservistRules: Sendable {
    /// Working days a salaried reservist's employer must grant each year; beyond, consent is needed.
    public var employerQuotaDays = 8
    public var defaultNoticeDays = 30
    public var reactivityNoticeDays = 15
    /// Travel allowance, EUR per km, paid for the return trip of every day called.
    public var travelAllowancePerKm = 0.2
    /// Road distance = great-circle distance × this factor.
    public var roadFactor = 1.25
    /// Days in the horizon beyond which each extra day of one reservist costs `fairnessPenaltyPerDay`.
    public var fairShareDays = 10
    public var fairnessPenaltyPerDay = 15.0
    public init() {}
}

public enum ReservistCorps: String, Sendable, CaseIterable {
    case gendarmerieReservist = "gendarmerie-reservist"
    case policeReservist = "police-reservist"
}

public struct Department: Sendable {
    /// INSEE code, for example "33" or "2A".
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A point on Earth, degrees.
public struct Location: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in km (haversine, Earth radius 6371 km).
    public func kilometres(to other: Location) -> Double {
        kilometres(to: other, cosLatitude: cosLatitude, otherCosLatitude: other.cosLatitude)
    }

    /// cos(latitude), as `kilometres(to:)` uses it.
    public var cosLatitude: Double { cos(latitude * (Double.pi / 180)) }

    /// `kilometres(to:)` with both points' `cosLatitude` given (computed once per point by a caller
    /// that measures many pairs): the same arithmetic, hence bit for bit the same distance.
    @inline(__always)
    public func kilometres(to other: Location, cosLatitude: Double, otherCosLatitude: Double) -> Double {
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad, dLon = (other.longitude - longitude) * rad
        let sinLat = sin(dLat / 2), sinLon = sin(dLon / 2)
        let a = sinLat * sinLat + cosLatitude * otherCosLatitude * sinLon * sinLon
        return 2 * 6371 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Reservist: Sendable {
    public var id: String
    public var corps: ReservistCorps
    public var department: Int
    public var home: Location
    public var rank: String
    public var dailyPay: Double
    /// Sorted, without duplicates.
    public var skills: [String]
    /// Day indices the reservist is available, ascending.
    public var availableDays: [Int]
    public var annualCap: Int
    public var daysServed: Int
    public var salaried: Bool
    public var employerConsent: Bool
    /// Working days already granted by the employer this year (counts toward the quota).
    public var employerDaysUsed: Int
    /// Reactivity clause: 15 days' notice instead of 30.
    public var reactivity: Bool
    public var maxTravelKm: Double

    public init(id: String, corps: ReservistCorps, department: Int, home: Location, rank: String, dailyPay: Double,
                skills: [String], availableDays: [Int], annualCap: Int, daysServed: Int, salaried: Bool,
                employerConsent: Bool, employerDaysUsed: Int, reactivity: Bool, maxTravelKm: Double) {
        self.id = id
        self.corps = corps
        self.department = department
        self.home = home
        self.rank = rank
        self.dailyPay = dailyPay
        self.skills = skills
        self.availableDays = availableDays
        self.annualCap = annualCap
        self.daysServed = daysServed
        self.salaried = salaried
        self.employerConsent = employerConsent
        self.employerDaysUsed = employerDaysUsed
        self.reactivity = reactivity
        self.maxTravelKm = maxTravelKm
    }

    /// Days left under the annual cap.
    public var remainingDays: Int { max(0, annualCap - daysServed) }
}

public struct Mission: Sendable {
    public var id: String
    public var department: Int
    public var location: Location
    public var firstDay: Int
    /// Inclusive.
    public var lastDay: Int
    /// A skill every reservist on the mission must have, if any.
    public var skill: String?
    /// Reservists needed on each day of the mission (index 0 = `firstDay`).
    public var needed: [Int]
    /// Cost of one uncovered reservist-day.
    public var priority: Double
    /// Public-order mission: police reservists may not take part.
    public var publicOrder: Bool
    /// Reservists serve beside active staff: at most `activeStaff[day]` reservists that day.
    public var activeStaff: [Int]?

    public init(id: String, department: Int, location: Location, firstDay: Int, lastDay: Int, skill: String?,
                needed: [Int], priority: Double, publicOrder: Bool, activeStaff: [Int]?) {
        self.id = id
        self.department = department
        self.location = location
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.skill = skill
        self.needed = needed
        self.priority = priority
        self.publicOrder = publicOrder
        self.activeStaff = activeStaff
    }

    public var days: ClosedRange<Int> { firstDay...lastDay }
}

// Value equality (synthesised; added for the reader's and generator's round-trip checks).
extension ReservistScenario: Equatable {}
extension ReservistRules: Equatable {}
extension Department: Equatable {}
extension Reservist: Equatable {}
extension Mission: Equatable {}
