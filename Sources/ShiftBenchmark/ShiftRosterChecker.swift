/// One assignment of a shift to an employee on a day, by index.
public struct ShiftAssignment: Sendable, Equatable, Hashable {
    public var employee: Int
    public var day: Int
    public var shift: Int
    public init(employee: Int, day: Int, shift: Int) {
        self.employee = employee
        self.day = day
        self.shift = shift
    }
}

/// Checks a roster against the hard rules of FORMAT.md and recomputes its objective, from the
/// instance alone (independent of any model or solver).
///
/// Rules, as FORMAT.md states them (h = horizon, days 0..<h):
/// 1. `one-shift-per-day`: at most one shift per employee and day. A `ShiftRoster` holds one shift
///    per cell, so this can only break in `check(_:assignments:)`.
/// 2. `rotation`: t on day d forbids ForbiddenNext(t) on day d+1. The day before day 0 is off.
/// 3. `max-shifts`: at most MaxShifts[t] shifts of type t (0: never).
/// 4. `max-total-minutes`, `min-total-minutes`: MinTotalMinutes ≤ Σ minutes ≤ MaxTotalMinutes.
/// 5. `max-consecutive-shifts`: no run of worked days longer than MaxConsecutiveShifts; the days
///    outside the horizon are off, so runs touching an edge count with their length inside.
/// 6. `min-consecutive-shifts`: a run of worked days with a day off on both sides inside the
///    horizon is at least MinConsecutiveShifts long; a run touching day 0 or day h-1 is exempt.
/// 7. `min-consecutive-days-off`: a run of days off with a worked day on both sides is at least
///    MinConsecutiveDaysOff long; a run touching day 0 or day h-1 is exempt.
/// 8. `max-weekends`: weekend w (days 7w+5, 7w+6) is worked if either day is; at most MaxWeekends.
/// 9. `day-off`: no shift on a listed day off.
///
/// `shape`: a roster with the wrong number of rows or days, or a cell that is neither -1 nor a
/// shift index; also an inconsistent hand-built instance (a cover table, MaxShifts list, request or
/// day off that does not fit the instance's sizes: message starting "instance"). The other rules and
/// the objective are then evaluated on the roster normalised to the instance's size: missing rows or
/// days are off, extra ones are ignored, bad cells are off.
///
/// Violations are ordered: shape, one-shift-per-day, then employee by employee in the rule order of
/// `ShiftViolation.rules`, each rule by day.
public enum ShiftRosterChecker {
    public static func check(_ instance: ShiftInstance, _ roster: ShiftRoster) -> ShiftCheckReport {
        var violations = instanceShape(instance)
        let grid = normalise(instance, roster, into: &violations)
        return evaluate(instance, grid, violations)
    }

    /// Checks a list of assignments: an employee given two shifts on one day breaks
    /// `one-shift-per-day` (the first listed is kept for every other rule and the objective);
    /// an assignment outside the instance is a `shape` violation and is dropped.
    public static func check(_ instance: ShiftInstance, assignments: [ShiftAssignment]) -> ShiftCheckReport {
        var violations = instanceShape(instance)
        let staff = instance.staff
        let t = instance.shifts.count
        var grid = [[Int]](repeating: [Int](repeating: -1, count: max(0, instance.days)), count: staff.count)
        var doubles: [ShiftViolation] = []
        for a in assignments {
            guard staff.indices.contains(a.employee) else {
                violations.append(ShiftViolation(rule: "shape", employee: nil, day: a.day,
                                                 message: "assignment to employee index \(a.employee), outside 0..<\(staff.count)"))
                continue
            }
            let id = staff[a.employee].id
            guard a.day >= 0 && a.day < instance.days else {
                violations.append(ShiftViolation(rule: "shape", employee: id, day: a.day,
                                                 message: "day \(a.day) is outside the horizon 0..<\(instance.days)"))
                continue
            }
            guard a.shift >= 0 && a.shift < t else {
                violations.append(ShiftViolation(rule: "shape", employee: id, day: a.day,
                                                 message: "shift index \(a.shift) is outside 0..<\(t)"))
                continue
            }
            let current = grid[a.employee][a.day]
            if current >= 0 {
                doubles.append(ShiftViolation(rule: "one-shift-per-day", employee: id, day: a.day,
                                              message: "assigned \(instance.shifts[current].id) and \(instance.shifts[a.shift].id) on day \(a.day)"))
            } else {
                grid[a.employee][a.day] = a.shift
            }
        }
        return evaluate(instance, grid, violations + doubles)
    }

    // MARK: - Shape

    /// Problems of a hand-built instance that would make indices invalid.
    static func instanceShape(_ instance: ShiftInstance) -> [ShiftViolation] {
        var found: [ShiftViolation] = []
        func add(_ employee: String?, _ message: String) {
            found.append(ShiftViolation(rule: "shape", employee: employee, day: nil, message: "instance: " + message))
        }
        let h = instance.days, t = instance.shifts.count, e = instance.staff.count
        if h < 0 { add(nil, "negative horizon \(h)") }
        if instance.cover.count != max(0, h) || instance.cover.contains(where: { $0.count != t }) {
            add(nil, "the cover table is not \(h) days × \(t) shifts")
        }
        for shift in instance.shifts where shift.forbiddenNext.contains(where: { $0 < 0 || $0 >= t }) {
            add(nil, "shift \(shift.id) has a ForbiddenNext index outside 0..<\(t)")
        }
        for person in instance.staff {
            if person.maxShifts.count != t { add(person.id, "MaxShifts has \(person.maxShifts.count) entries for \(t) shift types") }
            if person.daysOff.contains(where: { $0 < 0 || $0 >= h }) { add(person.id, "a day off lies outside the horizon") }
        }
        for (kind, requests) in [("on-request", instance.onRequests), ("off-request", instance.offRequests)] {
            for r in requests where !(0..<e).contains(r.employee) || r.day < 0 || r.day >= h || !(0..<t).contains(r.shift) {
                add(nil, "an \(kind) (employee \(r.employee), day \(r.day), shift \(r.shift)) is outside the instance")
            }
        }
        return found
    }

    /// The roster as `staff × days` cells of -1 or a valid shift index, with a `shape` violation
    /// for everything that had to be changed.
    static func normalise(_ instance: ShiftInstance, _ roster: ShiftRoster, into violations: inout [ShiftViolation]) -> [[Int]] {
        let h = max(0, instance.days), t = instance.shifts.count, staff = instance.staff
        var grid = [[Int]](repeating: [Int](repeating: -1, count: h), count: staff.count)
        if roster.shift.count != staff.count {
            violations.append(ShiftViolation(rule: "shape", employee: nil, day: nil,
                                             message: "the roster has \(roster.shift.count) rows for \(staff.count) employees"))
        }
        for e in 0..<min(staff.count, roster.shift.count) {
            let row = roster.shift[e]
            if row.count != h {
                violations.append(ShiftViolation(rule: "shape", employee: staff[e].id, day: nil,
                                                 message: "the row has \(row.count) days; the horizon has \(h)"))
            }
            for d in 0..<min(h, row.count) {
                let v = row[d]
                if v >= 0 && v < t {
                    grid[e][d] = v
                } else if v != -1 {
                    violations.append(ShiftViolation(rule: "shape", employee: staff[e].id, day: d,
                                                     message: "shift index \(v) is neither -1 (off) nor in 0..<\(t)"))
                }
            }
        }
        return grid
    }

    // MARK: - Rules and objective

    /// `grid` is `staff × days`, every cell -1 or a valid shift index.
    static func evaluate(_ instance: ShiftInstance, _ grid: [[Int]], _ initial: [ShiftViolation]) -> ShiftCheckReport {
        var violations = initial
        for (e, person) in instance.staff.enumerated() {
            violations += employeeViolations(instance, person, grid[e])
        }
        return ShiftCheckReport(violations: violations, parts: objective(instance, grid))
    }

    static func employeeViolations(_ instance: ShiftInstance, _ person: Employee, _ row: [Int]) -> [ShiftViolation] {
        let h = row.count
        let shifts = instance.shifts
        var found: [ShiftViolation] = []
        func add(_ rule: String, _ day: Int?, _ message: String) {
            found.append(ShiftViolation(rule: rule, employee: person.id, day: day, message: message))
        }

        // 2. Rotation (day 0 has no restriction: the day before the horizon is off).
        for d in stride(from: 1, to: h, by: 1) {
            let before = row[d - 1], now = row[d]
            if before >= 0 && now >= 0 && shifts[before].forbiddenNext.contains(now) {
                add("rotation", d, "\(shifts[now].id) on day \(d) follows \(shifts[before].id) on day \(d - 1), which forbids it")
            }
        }

        // 3. Max shifts per type.
        var counts = [Int](repeating: 0, count: shifts.count)
        var passedOn = [Int?](repeating: nil, count: shifts.count)
        for (d, t) in row.enumerated() where t >= 0 {
            counts[t] += 1
            let limit = t < person.maxShifts.count ? person.maxShifts[t] : 0
            if counts[t] == limit + 1 { passedOn[t] = d }
        }
        for t in shifts.indices {
            guard let day = passedOn[t] else { continue }
            let limit = t < person.maxShifts.count ? person.maxShifts[t] : 0
            add("max-shifts", day, "works \(counts[t]) \(shifts[t].id) shift\(counts[t] == 1 ? "" : "s"); at most \(limit) allowed")
        }

        // 4. Total minutes.
        var total = 0
        var passedMaxOn: Int?
        for (d, t) in row.enumerated() where t >= 0 {
            total += shifts[t].minutes
            if passedMaxOn == nil && total > person.maxTotalMinutes { passedMaxOn = d }
        }
        if let day = passedMaxOn {
            add("max-total-minutes", day, "works \(total) minutes; at most \(person.maxTotalMinutes) allowed")
        }
        if total < person.minTotalMinutes {
            add("min-total-minutes", nil, "works \(total) minutes; at least \(person.minTotalMinutes) required")
        }

        // 5-7. Blocks of worked days and of days off.
        var blocks: [(start: Int, length: Int, working: Bool)] = []
        var d = 0
        while d < h {
            let working = row[d] >= 0
            var end = d
            while end + 1 < h && (row[end + 1] >= 0) == working { end += 1 }
            blocks.append((d, end - d + 1, working))
            d = end + 1
        }
        func span(_ b: (start: Int, length: Int, working: Bool)) -> String {
            b.length == 1 ? "day \(b.start)" : "days \(b.start)-\(b.start + b.length - 1)"
        }
        for b in blocks where b.working && b.length > person.maxConsecutiveShifts {
            add("max-consecutive-shifts", b.start, "works \(b.length) days in a row (\(span(b))); at most \(person.maxConsecutiveShifts) allowed")
        }
        for b in blocks where b.working && b.start > 0 && b.start + b.length < h && b.length < person.minConsecutiveShifts {
            add("min-consecutive-shifts", b.start, "works only \(b.length) day\(b.length == 1 ? "" : "s") in a row (\(span(b))) between days off; at least \(person.minConsecutiveShifts) required")
        }
        for b in blocks where !b.working && b.start > 0 && b.start + b.length < h && b.length < person.minConsecutiveDaysOff {
            add("min-consecutive-days-off", b.start, "has only \(b.length) day\(b.length == 1 ? "" : "s") off (\(span(b))) between worked days; at least \(person.minConsecutiveDaysOff) required")
        }

        // 8. Weekends.
        var worked: [Int] = []
        for w in 0..<max(0, instance.weekends) where 7 * w + 6 < h {
            if row[7 * w + 5] >= 0 || row[7 * w + 6] >= 0 { worked.append(w) }
        }
        if worked.count > person.maxWeekends {
            let shown = worked.prefix(20).map(String.init).joined(separator: ", ") + (worked.count > 20 ? ", ..." : "")
            add("max-weekends", 7 * worked[person.maxWeekends] + 5,
                "works \(worked.count) weekends (weeks \(shown)); at most \(person.maxWeekends) allowed")
        }

        // 9. Days off.
        for day in person.daysOff where day >= 0 && day < h && row[day] >= 0 {
            add("day-off", day, "works \(shifts[row[day]].id) on day \(day), a day off")
        }
        return found
    }

    static func objective(_ instance: ShiftInstance, _ grid: [[Int]]) -> ShiftObjectiveParts {
        let h = max(0, instance.days), t = instance.shifts.count
        var parts = ShiftObjectiveParts()
        func cell(_ r: Request) -> Int? {
            guard grid.indices.contains(r.employee), r.day >= 0, r.day < h, r.shift >= 0, r.shift < t else { return nil }
            return grid[r.employee][r.day]
        }
        for r in instance.onRequests {
            if let assigned = cell(r), assigned != r.shift { parts.onRequests += r.weight }
        }
        for r in instance.offRequests {
            if let assigned = cell(r), assigned == r.shift { parts.offRequests += r.weight }
        }
        var staffed = [[Int]](repeating: [Int](repeating: 0, count: t), count: h)
        for row in grid {
            for (d, s) in row.enumerated() where s >= 0 { staffed[d][s] += 1 }
        }
        for d in 0..<min(h, instance.cover.count) {
            for s in 0..<min(t, instance.cover[d].count) {
                let c = instance.cover[d][s]
                parts.coverUnder += c.weightUnder * max(0, c.requirement - staffed[d][s])
                parts.coverOver += c.weightOver * max(0, staffed[d][s] - c.requirement)
            }
        }
        return parts
    }
}
