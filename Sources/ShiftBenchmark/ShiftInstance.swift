/// A shift-scheduling instance of the Curtois & Qu benchmark
/// (`../shared/benchmarks/curtois/FORMAT.md`), read and resolved to indices.
/// Day 0 is a Monday; weekend w is days 7w+5 and 7w+6.
public struct ShiftInstance: Sendable {
    public var name: String
    public var days: Int
    public var shifts: [ShiftType]
    public var staff: [Employee]
    public var onRequests: [Request]
    public var offRequests: [Request]
    /// `cover[day][shift]`: requirement and weights.
    public var cover: [[Cover]]

    public init(name: String, days: Int, shifts: [ShiftType], staff: [Employee], onRequests: [Request],
                offRequests: [Request], cover: [[Cover]]) {
        self.name = name
        self.days = days
        self.shifts = shifts
        self.staff = staff
        self.onRequests = onRequests
        self.offRequests = offRequests
        self.cover = cover
    }

    public var weekends: Int { days / 7 }
}

public struct ShiftType: Sendable {
    public var id: String
    public var minutes: Int
    /// Shift indices that may not be worked the day after this one.
    public var forbiddenNext: [Int]
    public init(id: String, minutes: Int, forbiddenNext: [Int]) {
        self.id = id
        self.minutes = minutes
        self.forbiddenNext = forbiddenNext
    }
}

public struct Employee: Sendable {
    public var id: String
    /// Most shifts of each type over the horizon (index = shift type).
    public var maxShifts: [Int]
    public var maxTotalMinutes: Int
    public var minTotalMinutes: Int
    public var maxConsecutiveShifts: Int
    public var minConsecutiveShifts: Int
    public var minConsecutiveDaysOff: Int
    public var maxWeekends: Int
    /// Days the employee may not work, ascending.
    public var daysOff: [Int]
    public init(id: String, maxShifts: [Int], maxTotalMinutes: Int, minTotalMinutes: Int, maxConsecutiveShifts: Int,
                minConsecutiveShifts: Int, minConsecutiveDaysOff: Int, maxWeekends: Int, daysOff: [Int]) {
        self.id = id
        self.maxShifts = maxShifts
        self.maxTotalMinutes = maxTotalMinutes
        self.minTotalMinutes = minTotalMinutes
        self.maxConsecutiveShifts = maxConsecutiveShifts
        self.minConsecutiveShifts = minConsecutiveShifts
        self.minConsecutiveDaysOff = minConsecutiveDaysOff
        self.maxWeekends = maxWeekends
        self.daysOff = daysOff
    }
}

public struct Request: Sendable {
    public var employee: Int
    public var day: Int
    public var shift: Int
    public var weight: Int
    public init(employee: Int, day: Int, shift: Int, weight: Int) {
        self.employee = employee
        self.day = day
        self.shift = shift
        self.weight = weight
    }
}

public struct Cover: Sendable {
    public var requirement: Int
    public var weightUnder: Int
    public var weightOver: Int
    public init(requirement: Int, weightUnder: Int, weightOver: Int) {
        self.requirement = requirement
        self.weightUnder = weightUnder
        self.weightOver = weightOver
    }
}

/// A roster: `shift[employee][day]` is a shift index or -1 for a day off.
public struct ShiftRoster: Sendable, Equatable {
    public var shift: [[Int]]
    public init(shift: [[Int]]) { self.shift = shift }
    public init(employees: Int, days: Int) { shift = Array(repeating: Array(repeating: -1, count: days), count: employees) }
}
