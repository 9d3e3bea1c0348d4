import StrictJSON
/// One broken hard rule.
///
/// `rule` is one of `ShiftViolation.rules`. `employee` is the employee's id (nil when the problem is
/// the roster as a whole, such as a wrong number of rows). `day` is the 0-based day the problem is
/// attached to, or nil for rules about the whole horizon (`min-total-minutes`):
/// - `rotation`, `day-off`, `one-shift-per-day`: the day concerned (for rotation, the day after,
///   whose shift is forbidden);
/// - `max-shifts`, `max-total-minutes`: the day the limit is first passed;
/// - `max-weekends`: the Saturday of the first worked weekend beyond the limit;
/// - `max-consecutive-shifts`, `min-consecutive-shifts`, `min-consecutive-days-off`: the first day of
///   the offending block;
/// - `shape`: the cell concerned, when there is one.
public struct ShiftViolation: Sendable, Equatable, CustomStringConvertible {
    /// Every rule name a violation can carry, in report order.
    public static let rules = [
        "shape", "one-shift-per-day", "rotation", "max-shifts", "max-total-minutes", "min-total-minutes",
        "max-consecutive-shifts", "min-consecutive-shifts", "min-consecutive-days-off", "max-weekends", "day-off",
    ]

    public var rule: String
    public var employee: String?
    public var day: Int?
    public var message: String

    public init(rule: String, employee: String?, day: Int?, message: String) {
        self.rule = rule
        self.employee = employee
        self.day = day
        self.message = message
    }

    /// `rule employee day N: message`, one line.
    public var description: String {
        var text = rule
        if let employee { text += " employee \(employee)" }
        if let day { text += " day \(day)" }
        return singleLine(text + ": " + message)
    }
}

/// The objective of FORMAT.md, term by term.
public struct ShiftObjectiveParts: Sendable, Equatable {
    /// Σ weight of on-requests not granted.
    public var onRequests: Int
    /// Σ weight of off-requests not granted (the employee works the shift).
    public var offRequests: Int
    /// Σ weightUnder × missing staff over all (day, shift).
    public var coverUnder: Int
    /// Σ weightOver × surplus staff over all (day, shift).
    public var coverOver: Int

    public init(onRequests: Int = 0, offRequests: Int = 0, coverUnder: Int = 0, coverOver: Int = 0) {
        self.onRequests = onRequests
        self.offRequests = offRequests
        self.coverUnder = coverUnder
        self.coverOver = coverOver
    }

    public var total: Int { onRequests + offRequests + coverUnder + coverOver }
}

/// What the checker found: every broken hard rule and the objective recomputed from the roster.
public struct ShiftCheckReport: Sendable, Equatable, CustomStringConvertible {
    public var violations: [ShiftViolation]
    public var parts: ShiftObjectiveParts
    /// `parts.total`: the objective of FORMAT.md.
    public var objective: Int { parts.total }
    /// No hard rule is broken.
    public var isClean: Bool { violations.isEmpty }

    public init(violations: [ShiftViolation], parts: ShiftObjectiveParts) {
        self.violations = violations
        self.parts = parts
    }

    /// The violations of one rule.
    public func violations(of rule: String) -> [ShiftViolation] { violations.filter { $0.rule == rule } }

    /// Several lines: the objective and its parts, then one line per violation.
    public var description: String {
        var lines = ["objective \(objective) (on-requests \(parts.onRequests), off-requests \(parts.offRequests), "
            + "cover under \(parts.coverUnder), cover over \(parts.coverOver)); "
            + (isClean ? "all hard rules hold" : "\(violations.count) hard-rule violation\(violations.count == 1 ? "" : "s")")]
        lines += violations.map(\.description)
        return lines.joined(separator: "\n")
    }
}
