import LinearModel
import ReservistScenario

/// Who is called up for which mission on which days, with coverage, totals,
/// the objective and a proven bound.
public struct CallUpPlan: Sendable {
    public struct CallUp: Sendable {
        public var reservist: Int
        public var mission: Int
        /// Day indices, ascending.
        public var days: [Int]
    }

    public struct Coverage: Sendable {
        public var department: Int
        public var day: Int
        public var needed: Int
        public var covered: Int
        public var missing: Int { max(0, needed - covered) }
    }

    public var termination: TerminationReason
    public var objective: Double
    public var bound: Double
    public var pay: Double
    public var travel: Double
    public var fairness: Double
    public var shortfall: Double
    public var callUps: [CallUp]
    public var coverage: [Coverage]
    public var daysCalled: Int
    public var reservistsUsed: Int
    public var capUse: Double
    public var missingDays: Int
    public var continuity: Double
    public var statistics: Statistics

    public var gap: Double? { relativeGap(objective: objective, bound: bound) }

    public struct Statistics: Sendable {
        public var reservists = 0
        public var missions = 0
        public var missionDays = 0
        /// Call-ups the hard rules allow (reservist, day, mission).
        public var callUps = 0
        /// The flow network's size when it was solved whole (arcs: its LP's columns); else arcs = call-ups.
        public var vertices = 0
        public var arcs = 0
        public var buildSeconds = 0.0
        public var solveSeconds = 0.0
        public var seconds = 0.0
        public var continuitySwaps = 0
        /// The flow was solved whole by GLPK (else by auctions and the Lagrangian search).
        public var wholeFlow = false
        /// 1 when the flow was solved whole, else the Lagrangian iterations (auctions included).
        public var subproblems = 0
        /// ε-auctions run from zero prices, and the bids they placed (with the warm phase at ε that
        /// follows each one).
        public var auctions = 0
        public var auctionBids = 0
    }
}
