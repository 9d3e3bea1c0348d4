import ReservistScenario

/// A decoded `continuum-reservist-plan/1` document (docs/reservist-format.md): what a solve
/// claims, to be re-verified by `ReservistChecker` against the scenario alone. Ids are kept
/// as written (unresolved), so that a plan naming an unknown reservist, mission or
/// department can still be read and reported on.
public struct ReservistPlan: Sendable, Equatable {
    public static let format = "continuum-reservist-plan/1"

    /// The scenario's name as written in the plan, if any.
    public var scenario: String?
    /// How the solve ended: `optimal`, `gap-reached`, `time-limit`, …
    public var status: String
    /// Pay + travel + fairness + shortfall, as reported.
    public var objective: Double
    public var bound: Double?
    public var gap: Double?
    public var totals: Totals
    /// Sorted by reservist, then first day (the checker does not rely on it).
    public var callups: [Callup]
    /// One entry per department and date with any need, by department order then date.
    public var coverage: [CoverageEntry]

    public init(scenario: String? = nil, status: String = "optimal", objective: Double, bound: Double? = nil,
                gap: Double? = nil, totals: Totals, callups: [Callup], coverage: [CoverageEntry]) {
        self.scenario = scenario
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.totals = totals
        self.callups = callups
        self.coverage = coverage
    }

    /// The reported split of the objective and the plan's statistics.
    public struct Totals: Sendable, Equatable {
        /// Σ `dailyPay` over called reservist-days.
        public var pay: Double
        /// Σ 2 × road km × `travelAllowancePerKm` over called reservist-days.
        public var travel: Double
        /// `fairnessPenaltyPerDay` × Σ max(0, days called − `fairShareDays`).
        public var fairness: Double
        /// Σ `priority` × missing over mission-days.
        public var shortfall: Double
        public var daysCalled: Int
        public var reservistsUsed: Int
        /// Days called / Σ remaining cap of all reservists; `nil` when the plan leaves it out (or null).
        public var capUse: Double?
        /// Σ missing over mission-days.
        public var missingDays: Int
        /// Share of called days continuing the same reservist's previous day on the same mission; `nil` if absent.
        public var continuity: Double?

        public init(pay: Double, travel: Double, fairness: Double, shortfall: Double, daysCalled: Int,
                    reservistsUsed: Int, capUse: Double?, missingDays: Int, continuity: Double?) {
            self.pay = pay
            self.travel = travel
            self.fairness = fairness
            self.shortfall = shortfall
            self.daysCalled = daysCalled
            self.reservistsUsed = reservistsUsed
            self.capUse = capUse
            self.missingDays = missingDays
            self.continuity = continuity
        }
    }

    /// One reservist called for one mission on some days (ascending, no repeats when read from JSON).
    public struct Callup: Sendable, Equatable {
        public var reservist: String
        public var mission: String
        public var days: [CivilDate]
        public init(reservist: String, mission: String, days: [CivilDate]) {
            self.reservist = reservist
            self.mission = mission
            self.days = days
        }
    }

    /// Need and cover of one department on one date, summed over its missions:
    /// `needed` = Σ needed, `missing` = Σ max(0, needed − called), `covered` = `needed` − `missing`
    /// (reservists beyond a mission's need do not count as cover).
    public struct CoverageEntry: Sendable, Equatable {
        public var department: String
        public var date: CivilDate
        public var needed: Int
        public var covered: Int
        public var missing: Int
        public init(department: String, date: CivilDate, needed: Int, covered: Int, missing: Int) {
            self.department = department
            self.date = date
            self.needed = needed
            self.covered = covered
            self.missing = missing
        }
    }
}
