/// An event-security scenario, fully read and cross-checked: every reference
/// (zone -> commune, demand -> zone, person -> commune, …) is resolved to an
/// index, every time lies on the slot grid. Produced by `ScenarioReader`;
/// documented in docs/scenario-format.md.
public struct Scenario: Sendable {
    public var name: String
    public var horizon: Horizon
    public var rules: Rules
    public var communes: [Commune]
    public var sites: [Site]
    public var zones: [Zone]
    public var patrolTemplates: [PatrolTemplate]
    public var demands: [Demand]
    public var people: [Person]
    /// Assignments fixed in advance, which every plan must contain.
    public var pins: [Pin]

    public init(name: String, horizon: Horizon, rules: Rules, communes: [Commune], sites: [Site], zones: [Zone],
                patrolTemplates: [PatrolTemplate], demands: [Demand], people: [Person], pins: [Pin] = []) {
        self.pins = pins
        self.name = name
        self.horizon = horizon
        self.rules = rules
        self.communes = communes
        self.sites = sites
        self.zones = zones
        self.patrolTemplates = patrolTemplates
        self.demands = demands
        self.people = people
    }
}

/// A person fixed in advance to a place, role and shift (the commander's post, a named search
/// agent): the planner must honour it, and contradictory pins are named before any solve.
public struct Pin: Sendable, Equatable {
    public var person: Int
    public var zone: Int
    /// The patrol template when the role is a patrol role; nil for a post role.
    public var template: Int?
    public var role: String
    public var window: TimeWindow
    public init(person: Int, zone: Int, template: Int?, role: String, window: TimeWindow) {
        self.person = person
        self.zone = zone
        self.template = template
        self.role = role
        self.window = window
    }
}

/// The planning window cut into equal slots.
public struct Horizon: Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp
    public var slotMinutes: Int
    public init(start: Timestamp, end: Timestamp, slotMinutes: Int) {
        self.start = start
        self.end = end
        self.slotMinutes = slotMinutes
    }
    public var slotCount: Int { end.minutes(since: start) / slotMinutes }
    /// The start of slot `index` (`index == slotCount` gives the horizon's end).
    public func time(ofSlot index: Int) -> Timestamp { start.adding(minutes: index * slotMinutes) }
    /// The slot that starts at `time`, or `nil` when `time` is off the grid.
    public func slot(at time: Timestamp) -> Int? {
        let minutes = time.minutes(since: start)
        guard time.epochSeconds % 60 == start.epochSeconds % 60, minutes % slotMinutes == 0 else { return nil }
        return minutes / slotMinutes
    }
}

public enum Corps: String, Sendable, CaseIterable, Comparable {
    case nationalPolice = "national-police"
    case gendarmerie
    case municipalPolice = "municipal-police"
    case transportSecurity = "transport-security"
    case privateSecurity = "private-security"
    case policeReservist = "police-reservist"
    case gendarmerieReservist = "gendarmerie-reservist"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
    public var isReservist: Bool { self == .policeReservist || self == .gendarmerieReservist }
    /// Active national police or gendarmerie: the State forces that may lead and do public order.
    public var isActiveStateForce: Bool { self == .nationalPolice || self == .gendarmerie }
}

/// Legal status: judicial police officer, agent, or deputy agent.
public enum LegalStatus: String, Sendable, CaseIterable, Comparable {
    case opj = "OPJ", apj = "APJ", apjAdjoint = "APJA", none = "none"
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

public enum Sex: String, Sendable, CaseIterable { case female = "F", male = "M" }

public struct TimeWindow: Sendable, Hashable {
    public var start: Timestamp
    public var end: Timestamp
    public init(start: Timestamp, end: Timestamp) {
        self.start = start
        self.end = end
    }
    public func contains(_ other: TimeWindow) -> Bool { start <= other.start && other.end <= end }
}

/// Daily hours `start`..`end` (end may be before start: across midnight).
public struct DailyHours: Sendable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay
    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }
    public static let allDay = DailyHours(start: TimeOfDay(minutes: 0), end: TimeOfDay(minutes: 1440))
}

public struct Rules: Sendable {
    public var patrolMinSize: Int = 2
    public var patrolMaxSize: Int = 3
    /// Corps that may lead a patrol.
    public var leaderCorps: [Corps] = [.nationalPolice, .gendarmerie]
    /// Statuses that may lead a patrol.
    public var leaderStatus: [LegalStatus] = [.opj, .apj]
    /// Largest share of reservists in a patrol (0...1).
    public var maxReservistShare: Double = 0.5
    /// A patrol with reservists must have at least one active State-force member.
    public var reservistsPairedWithActive = true
    public var shiftTemplates: [ShiftTemplate] = []
    public var minShiftHours: Double = 2
    public var maxShiftHours: Double = 12
    public var minRestHours: Double = 11
    public var weeklyHoursCap: Double = 48
    /// Consecutive hours free of work that every person of `weeklyRestCorps` must get in each
    /// 7-day week counted from the horizon start; time of the week outside the horizon counts as free.
    public var weeklyRestHours: Double = 35
    /// Corps under the weekly rest rule (the police's 35 h; gendarmes are military).
    public var weeklyRestCorps: [Corps] = [.nationalPolice, .policeReservist]
    /// A person may work at most `breakAfterHours` in a row; a longer assignment holds breaks
    /// of `breakMinutes` each, taken on post (the agent stays at the place and counts as present).
    public var breakAfterHours: Double = 6
    public var breakMinutes: Int = 20
    /// When municipal police without a coordination convention may work.
    public var municipalHoursWithoutConvention = DailyHours(start: TimeOfDay(minutes: 360), end: TimeOfDay(minutes: 1380))
    public init() {}
}

/// Shifts that start at given local times and last `hours`; expanded over every day of the horizon.
public struct ShiftTemplate: Sendable, Hashable {
    public var startTimes: [TimeOfDay]
    public var hours: Double
    public init(startTimes: [TimeOfDay], hours: Double) {
        self.startTimes = startTimes
        self.hours = hours
    }
}

public struct Commune: Sendable {
    public var id: String
    public var name: String
    public var convention: Convention?
    public init(id: String, name: String, convention: Convention?) {
        self.id = id
        self.name = name
        self.convention = convention
    }
}

/// A coordination convention between a commune's municipal police and the State forces.
public struct Convention: Sendable {
    /// Municipal agents may patrol jointly with State forces.
    public var jointPatrols: Bool
    /// Hours the convention lets municipal police work.
    public var hours: DailyHours
    /// Municipal agents may carry firearms (when individually armed).
    public var armed: Bool
    public init(jointPatrols: Bool, hours: DailyHours, armed: Bool) {
        self.jointPatrols = jointPatrols
        self.hours = hours
        self.armed = armed
    }
}

/// A guarded site (venue); private security agents act only inside their own.
public struct Site: Sendable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

public enum ZoneKind: String, Sendable, CaseIterable {
    case venue, perimeter, publicRoad = "public-road", transport, fanZone = "fan-zone"
}

public struct Zone: Sendable {
    public var id: String
    public var name: String
    public var kind: ZoneKind
    public var commune: Int
    /// The guarded site the zone belongs to, if any.
    public var site: Int?
    public init(id: String, name: String, kind: ZoneKind, commune: Int, site: Int?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.commune = commune
        self.site = site
    }
}

/// Who may hold a role: any of `corps`, any of `status` (empty: any), all `qualifications`, `sex` if set.
public struct RoleRequirement: Sendable, Hashable {
    public var corps: [Corps]
    public var status: [LegalStatus]
    public var qualifications: [String]
    public var sex: Sex?
    public init(corps: [Corps], status: [LegalStatus] = [], qualifications: [String] = [], sex: Sex? = nil) {
        self.corps = corps
        self.status = status
        self.qualifications = qualifications
        self.sex = sex
    }
}

public struct PatrolRole: Sendable {
    public var id: String
    public var count: Int
    public var requirement: RoleRequirement
    public init(id: String, count: Int, requirement: RoleRequirement) {
        self.id = id
        self.count = count
        self.requirement = requirement
    }
}

/// A patrol composition: roles with counts; the first role leads.
public struct PatrolTemplate: Sendable {
    public var id: String
    public var roles: [PatrolRole]
    public init(id: String, roles: [PatrolRole]) {
        self.id = id
        self.roles = roles
    }
    public var size: Int { roles.reduce(0) { $0 + $1.count } }
}

/// Demand for one zone over a window: patrols of a template, or agents at a post.
public struct Demand: Sendable {
    public enum Need: Sendable {
        case patrols(template: Int)
        case post(role: String, requirement: RoleRequirement)
    }
    public var id: String
    public var zone: Int
    public var window: TimeWindow
    public var need: Need
    /// Patrols or agents needed in every slot of the window.
    public var count: Int
    /// Cost of one missing patrol or agent for one hour.
    public var priority: Double
    /// A public-order task: police reservists may not take part.
    public var publicOrder: Bool
    public init(id: String, zone: Int, window: TimeWindow, need: Need, count: Int, priority: Double, publicOrder: Bool) {
        self.id = id
        self.zone = zone
        self.window = window
        self.need = need
        self.count = count
        self.priority = priority
        self.publicOrder = publicOrder
    }
}

public struct Person: Sendable {
    public var id: String
    public var corps: Corps
    public var status: LegalStatus
    /// Sorted, without duplicates.
    public var qualifications: [String]
    public var sex: Sex?
    public var commune: Int?
    /// Radio networks the person can use, sorted.
    public var radios: [String]
    /// Guarded site (private security).
    public var site: Int?
    /// Private security authorised by the prefect on the public road.
    public var publicRoadAuthorised: Bool
    public var availability: [TimeWindow]
    /// End of the person's last shift before the horizon.
    public var lastShiftEnd: Timestamp?
    public var hoursThisWeek: Double
    public var costPerHour: Double
    public init(id: String, corps: Corps, status: LegalStatus, qualifications: [String], sex: Sex?, commune: Int?,
                radios: [String], site: Int?, publicRoadAuthorised: Bool, availability: [TimeWindow],
                lastShiftEnd: Timestamp?, hoursThisWeek: Double, costPerHour: Double) {
        self.id = id
        self.corps = corps
        self.status = status
        self.qualifications = qualifications
        self.sex = sex
        self.commune = commune
        self.radios = radios
        self.site = site
        self.publicRoadAuthorised = publicRoadAuthorised
        self.availability = availability
        self.lastShiftEnd = lastShiftEnd
        self.hoursThisWeek = hoursThisWeek
        self.costPerHour = costPerHour
    }
}
