import StrictJSON
import EventScenario

/// The rule a violation breaks. Raw values are stable (they appear in reports
/// and scripts may match on them). Violations sort by the order of declaration
/// here: references and times first, then people, patrols, powers, posts, and
/// the recomputed totals last.
public enum RuleID: String, Sendable, CaseIterable, Comparable {
    /// A person, zone, patrol, template, role or demand the roster names does not exist.
    case unknownReference = "unknown-reference"
    /// Two patrols of the roster share an id.
    case duplicateID = "duplicate-id"
    /// The roster was written for a scenario of another name.
    case scenarioMismatch = "scenario-mismatch"
    /// An interval whose start is not before its end.
    case timeOrder = "time-order"
    /// A time not on the slot grid.
    case offGrid = "off-grid"
    /// A time outside the horizon.
    case outsideHorizon = "outside-horizon"
    /// An assignment that is not one expansion of a shift template.
    case shiftTemplate = "shift-template"
    /// An assignment outside every availability window of the person.
    case availability
    /// A person in two places at once.
    case overlap
    /// Less than `minRestHours` between two shifts, or after `lastShiftEnd`.
    case rest
    /// `hoursThisWeek` + planned hours above `weeklyHoursCap`.
    case weeklyHours = "weekly-hours"
    /// A person of `weeklyRestCorps` without `weeklyRestHours` free in a row in a week from the horizon start.
    case weeklyRest = "weekly-rest"
    /// An assignment longer than `breakAfterHours` without the breaks it needs, or a malformed break.
    case workBreak = "break"
    /// A pinned assignment of the scenario that the roster does not contain.
    case pin
    /// Patrol members and patrol assignments disagree (missing, extra, other zone or times).
    case patrolMembership = "patrol-membership"
    /// Patrol size outside the rules or different from its template's.
    case patrolSize = "patrol-size"
    /// Role counts of a patrol differ from its template's.
    case patrolComposition = "patrol-composition"
    /// The leader is not a member, does not hold the first role, or lacks leaderCorps/leaderStatus.
    case patrolLeader = "patrol-leader"
    /// A member without the patrol's radio network.
    case patrolRadio = "patrol-radio"
    case reservistShare = "reservist-share"
    case reservistPairing = "reservist-pairing"
    /// A patrol role held by someone who does not meet its requirement.
    case roleRequirement = "role-requirement"
    /// A post assignment whose role is no demand's post role for that zone.
    case postRole = "post-role"
    case postCorps = "post-corps"
    case postStatus = "post-status"
    case postQualification = "post-qualification"
    case postSex = "post-sex"
    case municipalTerritory = "municipal-territory"
    case municipalHours = "municipal-hours"
    case municipalArmed = "municipal-armed"
    case municipalJointPatrol = "municipal-joint-patrol"
    case privateSite = "private-site"
    case transportPremises = "transport-premises"
    case policeReservistPublicOrder = "police-reservist-public-order"
    /// The reported objective (or its staff/shortfall split, or its bound) disagrees with the recomputation.
    case objectiveMismatch = "objective-mismatch"
    /// Reported shortfalls differ from the recomputed missing patrols/agents.
    case shortfallMismatch = "shortfall-mismatch"

    private static let order: [RuleID: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    public static func < (a: Self, b: Self) -> Bool { order[a]! < order[b]! }
}

/// One breach: which rule, who, where, when, and a sentence explaining it.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    public var rule: RuleID
    public var person: String?
    public var zone: String?
    public var start: Timestamp?
    public var end: Timestamp?
    public var message: String

    public init(rule: RuleID, person: String? = nil, zone: String? = nil, start: Timestamp? = nil,
                end: Timestamp? = nil, message: String) {
        self.rule = rule
        self.person = person
        self.zone = zone
        self.start = start
        self.end = end
        self.message = message
    }

    /// `rule: person at zone start-end: message`, with `-` for what is absent.
    public var description: String {
        let when = start.map { start in "\(start)-" + (end.map { "\($0)" } ?? "?") } ?? "-"
        return singleLine("\(rule.rawValue): \(person ?? "-") at \(zone ?? "-") \(when): \(message)")
    }

    /// The report order: rule, person, zone, start, end, message (absent fields first).
    static func ordered(_ a: Violation, _ b: Violation) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.person != b.person { return (a.person ?? "") < (b.person ?? "") }
        if a.zone != b.zone { return (a.zone ?? "") < (b.zone ?? "") }
        let aStart = a.start?.epochSeconds ?? .min, bStart = b.start?.epochSeconds ?? .min
        if aStart != bStart { return aStart < bStart }
        let aEnd = a.end?.epochSeconds ?? .min, bEnd = b.end?.epochSeconds ?? .min
        if aEnd != bEnd { return aEnd < bEnd }
        return a.message < b.message
    }
}

/// The checker's verdict and its own recomputation of the roster's totals.
public struct CheckReport: Sendable {
    /// Sorted by rule, person, zone, start.
    public var violations: [Violation]
    /// Staff cost + shortfall cost, recomputed from the scenario and the roster's assignments and patrols.
    public var recomputedObjective: Double
    /// Σ costPerHour × hours over the assignments of known people.
    public var staffCost: Double
    /// Σ over demands and slots of priority × missing × slot hours.
    public var shortfallCost: Double
    /// The objective the roster reports.
    public var reportedObjective: Double
    /// The recomputed shortfalls, grouped and sorted as in the roster format (reason `nil`).
    public var shortfalls: [Roster.Shortfall]

    public init(violations: [Violation], recomputedObjective: Double, staffCost: Double, shortfallCost: Double,
                reportedObjective: Double, shortfalls: [Roster.Shortfall]) {
        self.violations = violations
        self.recomputedObjective = recomputedObjective
        self.staffCost = staffCost
        self.shortfallCost = shortfallCost
        self.reportedObjective = reportedObjective
        self.shortfalls = shortfalls
    }

    public var isClean: Bool { violations.isEmpty }
}
