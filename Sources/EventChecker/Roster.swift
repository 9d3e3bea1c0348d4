import EventScenario

/// A decoded `continuum-roster/1` document (docs/roster-format.md): what a solve
/// claims, to be re-verified by `RosterChecker` against the scenario alone.
/// Ids are kept as written (unresolved), so that a roster naming an unknown
/// person or zone can still be read and reported on.
public struct Roster: Sendable, Equatable {
    public static let format = "continuum-roster/1"

    /// The scenario's name as written in the roster, if any.
    public var scenario: String?
    /// How the solve ended: `optimal`, `gap-reached`, `time-limit`, `interrupted`, …
    public var status: String
    /// Staff cost + shortfall cost, as reported.
    public var objective: Double
    public var bound: Double?
    public var gap: Double?
    /// The reported split of the objective, if present.
    public var cost: Cost?
    public var assignments: [Assignment]
    public var patrols: [Patrol]
    public var shortfalls: [Shortfall]

    public init(scenario: String? = nil, status: String = "optimal", objective: Double, bound: Double? = nil,
                gap: Double? = nil, cost: Cost? = nil, assignments: [Assignment], patrols: [Patrol],
                shortfalls: [Shortfall]) {
        self.scenario = scenario
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.cost = cost
        self.assignments = assignments
        self.patrols = patrols
        self.shortfalls = shortfalls
    }

    public struct Cost: Sendable, Equatable {
        public var staff: Double
        public var shortfall: Double
        public init(staff: Double, shortfall: Double) {
            self.staff = staff
            self.shortfall = shortfall
        }
    }

    /// One person on one shift at one place, in a patrol role (`patrol` set) or a post role.
    public struct Assignment: Sendable, Equatable {
        public var person: String
        public var zone: String
        public var role: String
        public var start: Timestamp
        public var end: Timestamp
        public var patrol: String?
        /// Breaks taken on post during the assignment (rules `breakAfterHours`, `breakMinutes`).
        public var breaks: [Break]
        public init(person: String, zone: String, role: String, start: Timestamp, end: Timestamp, patrol: String?,
                    breaks: [Break] = []) {
            self.breaks = breaks
            self.person = person
            self.zone = zone
            self.role = role
            self.start = start
            self.end = end
            self.patrol = patrol
        }
    }

    /// A break `[start, end)` inside an assignment.
    public struct Break: Sendable, Equatable {
        public var start: Timestamp
        public var end: Timestamp
        public init(start: Timestamp, end: Timestamp) {
            self.start = start
            self.end = end
        }
    }

    public struct Patrol: Sendable, Equatable {
        public var id: String
        public var zone: String
        public var template: String
        public var radio: String
        public var start: Timestamp
        public var end: Timestamp
        public var members: [String]
        public var leader: String
        public init(id: String, zone: String, template: String, radio: String, start: Timestamp, end: Timestamp,
                    members: [String], leader: String) {
            self.id = id
            self.zone = zone
            self.template = template
            self.radio = radio
            self.start = start
            self.end = end
            self.members = members
            self.leader = leader
        }
    }

    /// `missing` patrols or agents of demand `requirement` in every slot of `[start, end)`.
    public struct Shortfall: Sendable, Equatable {
        public var zone: String
        /// The demand's id.
        public var requirement: String
        public var start: Timestamp
        public var end: Timestamp
        public var missing: Int
        public var reason: String?
        public init(zone: String, requirement: String, start: Timestamp, end: Timestamp, missing: Int,
                    reason: String? = nil) {
            self.zone = zone
            self.requirement = requirement
            self.start = start
            self.end = end
            self.missing = missing
            self.reason = reason
        }
    }
}
