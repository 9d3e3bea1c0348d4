import StrictJSON
import ReservistScenario

/// The rule a violation breaks. Raw values are stable (they appear in reports and scripts
/// may match on them). Violations sort by the order of declaration here: references and
/// dates first, then the hard rules in the order of docs/reservist-format.md, then the
/// recomputed objective, totals and coverage.
public enum ReservistRule: String, Sendable, CaseIterable, Comparable {
    /// A reservist, mission or department the plan names does not exist in the scenario.
    case unknownReference = "unknown-reference"
    /// The plan was written for a scenario of another name.
    case scenarioMismatch = "scenario-mismatch"
    /// A day of a call-up outside its mission's `start`..`end` (hence possibly outside the horizon).
    case outsideMission = "outside-mission"
    /// Rule 1: a day the reservist is not available.
    case availability
    /// Rule 1: a reservist called twice the same day (two missions, or the same one twice).
    case oneMissionPerDay = "one-mission-per-day"
    /// Rule 2: `daysServed` + days called above `annualCap`.
    case annualCap = "annual-cap"
    /// Rule 3: a day before `planningDate` + notice (30 days, 15 with `reactivity`).
    case notice
    /// Rule 4: road km (great-circle × `roadFactor`) from home to the mission above `maxTravelKm`.
    case travel
    /// Rule 5: the mission's skill is not among the reservist's skills.
    case skill
    /// Rule 6: a police reservist on a `publicOrder` mission.
    case policePublicOrder = "police-public-order"
    /// Rule 7: salaried without consent, `employerDaysUsed` + working days called above `employerQuotaDays`.
    case employerQuota = "employer-quota"
    /// Rule 8: more reservists on a mission-day than its `activeStaff`.
    case activeStaff = "active-staff"
    /// The reported objective disagrees with the recomputation, or the bound exceeds it.
    case objectiveMismatch = "objective-mismatch"
    /// A reported total (pay, travel, fairness, shortfall, days, reservists, capUse, missingDays, continuity) differs.
    case totalsMismatch = "totals-mismatch"
    /// A coverage entry differs from the recomputation, is missing, extra, repeated or out of order.
    case coverageMismatch = "coverage-mismatch"

    private static let order: [ReservistRule: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    public static func < (a: Self, b: Self) -> Bool { order[a]! < order[b]! }
}

/// One breach: which rule, which reservist, which mission, which date, and a sentence explaining it.
public struct ReservistViolation: Sendable, Equatable, CustomStringConvertible {
    public var rule: ReservistRule
    public var reservist: String?
    public var mission: String?
    public var date: CivilDate?
    public var message: String

    public init(rule: ReservistRule, reservist: String? = nil, mission: String? = nil, date: CivilDate? = nil,
                message: String) {
        self.rule = rule
        self.reservist = reservist
        self.mission = mission
        self.date = date
        self.message = message
    }

    /// `rule: reservist on mission date: message`, with `-` for what is absent.
    public var description: String {
        singleLine("\(rule.rawValue): \(reservist ?? "-") on \(mission ?? "-") \(date.map { "\($0)" } ?? "-"): \(message)")
    }

    /// The report order: rule, reservist, mission, date, message (absent fields first).
    static func ordered(_ a: ReservistViolation, _ b: ReservistViolation) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.reservist != b.reservist { return (a.reservist ?? "") < (b.reservist ?? "") }
        if a.mission != b.mission { return (a.mission ?? "") < (b.mission ?? "") }
        let aDate = a.date?.daysSinceEpoch ?? .min, bDate = b.date?.daysSinceEpoch ?? .min
        if aDate != bDate { return aDate < bDate }
        return a.message < b.message
    }
}

/// The checker's verdict and its own recomputation of the plan's objective, totals and coverage.
public struct ReservistCheckReport: Sendable {
    /// Sorted by rule, reservist, mission, date.
    public var violations: [ReservistViolation]
    /// pay + travel + fairness + shortfall, recomputed from the scenario and the plan's call-ups.
    public var objective: Double
    public var pay: Double
    public var travel: Double
    public var fairness: Double
    public var shortfall: Double
    /// Called reservist-days (each day of each call-up of a known reservist and mission).
    public var daysCalled: Int
    /// Reservists with at least one called day.
    public var reservistsUsed: Int
    /// Σ over mission-days of max(0, needed − called).
    public var missingDays: Int
    /// Days called / Σ remaining cap of all reservists (0 when no cap remains).
    public var capUse: Double
    /// Share of called days continuing the same reservist's previous day on the same mission (0 with no day).
    public var continuity: Double
    /// The recomputed coverage, one entry per department and date with any need, by department order then date.
    public var coverage: [ReservistPlan.CoverageEntry]
    /// The objective the plan reports.
    public var reportedObjective: Double

    public init(violations: [ReservistViolation], objective: Double, pay: Double, travel: Double, fairness: Double,
                shortfall: Double, daysCalled: Int, reservistsUsed: Int, missingDays: Int, capUse: Double,
                continuity: Double, coverage: [ReservistPlan.CoverageEntry], reportedObjective: Double) {
        self.violations = violations
        self.objective = objective
        self.pay = pay
        self.travel = travel
        self.fairness = fairness
        self.shortfall = shortfall
        self.daysCalled = daysCalled
        self.reservistsUsed = reservistsUsed
        self.missingDays = missingDays
        self.capUse = capUse
        self.continuity = continuity
        self.coverage = coverage
        self.reportedObjective = reportedObjective
    }

    public var isClean: Bool { violations.isEmpty }

    /// The recomputed totals, in the plan's shape.
    public var totals: ReservistPlan.Totals {
        ReservistPlan.Totals(pay: pay, travel: travel, fairness: fairness, shortfall: shortfall, daysCalled: daysCalled,
                             reservistsUsed: reservistsUsed, capUse: capUse, missingDays: missingDays,
                             continuity: continuity)
    }
}
