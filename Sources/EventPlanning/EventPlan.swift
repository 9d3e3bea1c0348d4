import EventScenario
import LinearModel

/// The planner's answer: who works where, the patrols, what is missing and
/// why, with the objective and a valid bound on the whole problem.
public struct EventPlan: Sendable {
    public struct Assignment: Sendable {
        public var person: Int
        public var zone: Int
        public var role: String
        public var startSlot: Int
        public var endSlot: Int
        /// Index into `patrols`, nil for a post.
        public var patrol: Int?
    }

    public struct Patrol: Sendable {
        public var id: String
        public var zone: Int
        public var template: Int
        public var radio: String
        public var startSlot: Int
        public var endSlot: Int
        /// Members in role order; the first leads.
        public var members: [Int]
        public var leader: Int { members[0] }
    }

    public struct Shortfall: Sendable {
        public var demand: Int
        public var startSlot: Int
        public var endSlot: Int
        public var missing: Int
        public var reason: String
    }

    public var termination: TerminationReason
    public var objective: Double
    public var bound: Double
    public var staffCost: Double
    public var shortfallCost: Double
    public var assignments: [Assignment]
    public var patrols: [Patrol]
    public var shortfalls: [Shortfall]
    public var statistics: Statistics

    public var gap: Double? { relativeGap(objective: objective, bound: bound) }

    /// What the solve looked like, for reports and benchmarks.
    public struct Statistics: Sendable {
        public var people = 0
        public var classes = 0
        public var shifts = 0
        public var components = 0
        public var columns = 0
        public var integerColumns = 0
        public var rows = 0
        public var nonzeros = 0
        public var seconds = 0.0
        /// Of `seconds`: building the models (classes, components, layouts, constraint
        /// families), summed over components (which may be built in parallel).
        public var buildSeconds = 0.0
        /// People the model planned that could not be given a personal schedule (should be 0).
        public var unplacedAssignments = 0
    }
}
