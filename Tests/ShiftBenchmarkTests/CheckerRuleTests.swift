import ShiftBenchmark
import Testing

/// One test per hard rule of FORMAT.md on the tiny instance (14 days, D and N, N may not be
/// followed by D): a roster that keeps the rule is clean; a specific breach reports exactly that
/// rule, employee and day. Weekends are days 5-6 and 12-13.
@Suite struct CheckerRuleTests {
    /// Asserts exactly one violation with this rule, employee A and day.
    func expectOnly(_ found: [ShiftViolation], _ rule: String, day: Int?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.rule == rule, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.employee == "A", sourceLocation: sourceLocation)
        #expect(found.first?.day == day, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func oneShiftPerDay() {
        // An off-request for D on day 3 shows which of the two assignments is kept.
        let i = Tiny.instance([Tiny.employee("A")], offRequests: [Request(employee: 0, day: 3, shift: 0, weight: 5)])
        let clean = ShiftRosterChecker.check(i, assignments: [ShiftAssignment(employee: 0, day: 3, shift: 0),
                                                              ShiftAssignment(employee: 0, day: 4, shift: 0)])
        #expect(clean.isClean, "\(clean)")
        let double = ShiftRosterChecker.check(i, assignments: [ShiftAssignment(employee: 0, day: 3, shift: 0),
                                                               ShiftAssignment(employee: 0, day: 3, shift: 1)])
        expectOnly(double.violations, "one-shift-per-day", day: 3)
        #expect(double.violations.first?.message.contains("D and N") == true)
        // The first assignment is kept: the roster equals D on day 3.
        let same = ShiftRosterChecker.check(i, Tiny.roster("...D.........."))
        #expect(double.parts == same.parts)
        #expect(double.parts.offRequests == 5)
    }

    @Test func assignmentsMatchTheRosterCheck() {
        let i = Tiny.one(Tiny.employee("A", maxConsecutive: 2))
        let roster = Tiny.roster("DDN..D........")
        var list: [ShiftAssignment] = []
        for (d, t) in roster.shift[0].enumerated() where t >= 0 { list.append(ShiftAssignment(employee: 0, day: d, shift: t)) }
        #expect(ShiftRosterChecker.check(i, assignments: list) == ShiftRosterChecker.check(i, roster))
        #expect(!ShiftRosterChecker.check(i, roster).isClean)
    }

    @Test func rotation() {
        let i = Tiny.one(Tiny.employee("A"))
        // D then N is allowed, N then a day off then D is allowed, N on the last day is allowed.
        #expect(violations(i, "DN.D.NN......N").isEmpty)
        expectOnly(violations(i, "..ND.........."), "rotation", day: 3)
        #expect(violations(i, "..ND..........").first?.message.contains("follows N on day 2") == true)
    }

    /// The day before the horizon is off: D on day 0 is never a rotation breach.
    @Test func rotationEdgeDayZero() {
        let i = Tiny.one(Tiny.employee("A"))
        #expect(violations(i, "D.............").isEmpty)
        expectOnly(violations(i, "ND............"), "rotation", day: 1)
    }

    @Test func maxShiftsPerType() {
        let i = Tiny.one(Tiny.employee("A", maxShifts: [14, 2]))
        #expect(violations(i, "N.N.DDDD......").isEmpty)
        // The third N, on day 6, passes the limit of 2.
        expectOnly(violations(i, "N.N...N......."), "max-shifts", day: 6)
    }

    @Test func maxShiftsZeroMeansNever() {
        let i = Tiny.one(Tiny.employee("A", maxShifts: [0, 14]))
        #expect(violations(i, "NN............").isEmpty)
        expectOnly(violations(i, "........D....."), "max-shifts", day: 8)
    }

    @Test func maxTotalMinutes() {
        // 1440 = three D shifts; a fourth (day 3) passes the limit.
        let i = Tiny.one(Tiny.employee("A", maxTotal: 1440))
        #expect(violations(i, "DDD...........").isEmpty)
        expectOnly(violations(i, "DDDD.........."), "max-total-minutes", day: 3)
        // 2 N = 1200 ≤ 1440; N N D = 1680 > 1440 on day 5.
        #expect(violations(i, ".NN...........").isEmpty)
        expectOnly(violations(i, ".NN..D........"), "max-total-minutes", day: 5)
    }

    @Test func minTotalMinutes() {
        let i = Tiny.one(Tiny.employee("A", minTotal: 1080))
        #expect(violations(i, ".D.N..........").isEmpty)   // 480 + 600
        expectOnly(violations(i, ".D.D.........."), "min-total-minutes", day: nil)   // 960
        #expect(violations(i, ".D.D..........").first?.message.contains("960") == true)
    }

    @Test func maxConsecutiveShifts() {
        let i = Tiny.one(Tiny.employee("A", maxConsecutive: 3))
        #expect(violations(i, "...DDD.DDD....").isEmpty)
        expectOnly(violations(i, "....DDDD......"), "max-consecutive-shifts", day: 4)
    }

    /// Days outside the horizon are off: a run of exactly the maximum at either edge is fine, and a
    /// longer run touching an edge is a breach (it is not exempt).
    @Test func maxConsecutiveShiftsEdges() {
        let i = Tiny.one(Tiny.employee("A", maxConsecutive: 3))
        #expect(violations(i, "DDD.......DDD.").isEmpty)
        #expect(violations(i, "DDD........DDD").isEmpty)
        expectOnly(violations(i, "DDDD.........."), "max-consecutive-shifts", day: 0)
        expectOnly(violations(i, "..........DDDD"), "max-consecutive-shifts", day: 10)
    }

    @Test func minConsecutiveShifts() {
        let i = Tiny.one(Tiny.employee("A", minConsecutive: 3))
        #expect(violations(i, "...DDD...NNN..").isEmpty)
        expectOnly(violations(i, "...DDD...NN..."), "min-consecutive-shifts", day: 9)
        expectOnly(violations(i, ".....D........"), "min-consecutive-shifts", day: 5)
    }

    /// A short block touching the start or the end of the horizon is allowed.
    @Test func minConsecutiveShiftsEdges() {
        let i = Tiny.one(Tiny.employee("A", minConsecutive: 3))
        #expect(violations(i, "D............D").isEmpty)
        #expect(violations(i, "DD..........DD").isEmpty)
        #expect(violations(i, "DDDDDDDDDDDDDD").isEmpty)
        // One day in from the edge it counts.
        expectOnly(violations(i, ".D............"), "min-consecutive-shifts", day: 1)
        expectOnly(violations(i, "............D."), "min-consecutive-shifts", day: 12)
    }

    @Test func minConsecutiveDaysOff() {
        let i = Tiny.one(Tiny.employee("A", minDaysOff: 2))
        #expect(violations(i, "DD..DD..DD..DD").isEmpty)
        expectOnly(violations(i, "DD..DD.DDD..DD"), "min-consecutive-days-off", day: 6)
    }

    /// A short run of days off touching the horizon's edge is allowed.
    @Test func minConsecutiveDaysOffEdges() {
        let i = Tiny.one(Tiny.employee("A", minDaysOff: 3))
        #expect(violations(i, ".DDDDD...DDDD.").isEmpty)
        #expect(violations(i, "..............").isEmpty)
        expectOnly(violations(i, "D.DDDD...DDDDD"), "min-consecutive-days-off", day: 1)
        expectOnly(violations(i, "DDDDD...DDDD.D"), "min-consecutive-days-off", day: 12)
    }

    @Test func maxWeekends() {
        let i = Tiny.one(Tiny.employee("A", maxWeekends: 1))
        // Saturday and Sunday of one weekend are one weekend.
        #expect(violations(i, ".....DD.......").isEmpty)
        // Saturday of week 0 and Sunday of week 1: two weekends; reported on the second Saturday (12).
        expectOnly(violations(i, ".....D.......D"), "max-weekends", day: 12)
    }

    /// A weekend counts as worked with a shift on either day.
    @Test func maxWeekendsEitherDay() {
        let i = Tiny.one(Tiny.employee("A", maxWeekends: 0))
        #expect(violations(i, "DDDDD..DDDDD..").isEmpty)
        expectOnly(violations(i, "......N......."), "max-weekends", day: 5)
        expectOnly(violations(i, "............D."), "max-weekends", day: 12)
    }

    @Test func daysOff() {
        let i = Tiny.one(Tiny.employee("A", daysOff: [4, 9]))
        #expect(violations(i, "DDDD.DDDD.DDDD").isEmpty)
        expectOnly(violations(i, "....N........."), "day-off", day: 4)
        let two = violations(i, "....D....D....")
        #expect(two.map(\.rule) == ["day-off", "day-off"] && two.map(\.day) == [4, 9])
    }

    @Test func violationsNameTheEmployee() {
        let i = Tiny.instance([Tiny.employee("A"), Tiny.employee("B", daysOff: [2])])
        let found = ShiftRosterChecker.check(i, Tiny.roster("..D...........", "..D...........")).violations
        #expect(found == [ShiftViolation(rule: "day-off", employee: "B", day: 2, message: "works D on day 2, a day off")])
    }

    @Test func shapeWrongRowCount() {
        let i = Tiny.instance([Tiny.employee("A"), Tiny.employee("B")])
        #expect(ShiftRosterChecker.check(i, Tiny.roster("..............", "..............")).isClean)
        let found = ShiftRosterChecker.check(i, Tiny.roster("..D...........")).violations
        #expect(found.map(\.rule) == ["shape"])
        #expect(found.first?.employee == nil && found.first?.message.contains("1 rows for 2 employees") == true)
    }

    @Test func shapeWrongDayCount() {
        let i = Tiny.one(Tiny.employee("A"))
        let found = ShiftRosterChecker.check(i, ShiftRoster(shift: [[0, 0, 0]])).violations
        expectOnly(found, "shape", day: nil)
        #expect(found.first?.message.contains("3 days; the horizon has 14") == true)
    }

    @Test func shapeShiftIndexOutOfRange() {
        let i = Tiny.one(Tiny.employee("A"))
        var row = Tiny.row("..............")
        row[7] = 2
        expectOnly(ShiftRosterChecker.check(i, ShiftRoster(shift: [row])).violations, "shape", day: 7)
        row[7] = -2
        expectOnly(ShiftRosterChecker.check(i, ShiftRoster(shift: [row])).violations, "shape", day: 7)
        let outside = ShiftRosterChecker.check(i, assignments: [ShiftAssignment(employee: 0, day: 14, shift: 0)])
        expectOnly(outside.violations, "shape", day: 14)
    }

    @Test func shapeOfAnInconsistentInstance() {
        var i = Tiny.one(Tiny.employee("A"))
        #expect(ShiftRosterChecker.check(i, Tiny.roster("..............")).isClean)
        i.cover.removeLast()
        let found = ShiftRosterChecker.check(i, Tiny.roster("..............")).violations
        #expect(found.map(\.rule) == ["shape"] && found[0].message.hasPrefix("instance"))
    }

    /// Several rules at once are all reported, in rule order.
    @Test func severalRulesInOrder() {
        let i = Tiny.one(Tiny.employee("A", maxShifts: [14, 0], maxConsecutive: 3, minDaysOff: 2, maxWeekends: 0, daysOff: [13]))
        let found = violations(i, "NDDD.DD......D")
        #expect(found.map(\.rule) == ["rotation", "max-shifts", "max-consecutive-shifts", "min-consecutive-days-off",
                                       "max-weekends", "day-off"])
        #expect(found.map(\.day) == [1, 0, 0, 4, 5, 13])
        #expect(found.allSatisfy { $0.employee == "A" })
    }
}
