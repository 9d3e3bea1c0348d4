import ShiftBenchmark
import Testing

/// The objective of FORMAT.md, term by term, on hand-computed cases, and the checker's block rules
/// against a literal transcription of the integer program's patterns on random rosters.
@Suite struct ObjectiveTests {
    /// Two employees; cover on days 0 and 1 only; requests granted and not.
    @Test func handComputedObjective() {
        let zero = Cover(requirement: 0, weightUnder: 0, weightOver: 0)
        var cover = Array(repeating: [zero, zero], count: Tiny.days)
        cover[0] = [Cover(requirement: 2, weightUnder: 100, weightOver: 1), Cover(requirement: 1, weightUnder: 50, weightOver: 7)]
        cover[1] = [Cover(requirement: 0, weightUnder: 100, weightOver: 3), zero]
        let i = Tiny.instance([Tiny.employee("A"), Tiny.employee("B")],
                              onRequests: [Request(employee: 0, day: 0, shift: 0, weight: 3),   // granted
                                           Request(employee: 1, day: 1, shift: 1, weight: 2),   // B is off: 2
                                           Request(employee: 0, day: 5, shift: 1, weight: 1)],  // A is off: 1
                              offRequests: [Request(employee: 0, day: 1, shift: 0, weight: 1),  // A works D: 1
                                            Request(employee: 1, day: 0, shift: 0, weight: 2)], // B works N, not D: 0
                              cover: cover)
        let report = ShiftRosterChecker.check(i, Tiny.roster("DD............", "N............."))
        // Day 0: D staffed 1 of 2 (100), N 1 of 1; day 1: D staffed 1 of 0 (3).
        #expect(report.parts == ShiftObjectiveParts(onRequests: 3, offRequests: 1, coverUnder: 100, coverOver: 3))
        #expect(report.objective == 107)
        #expect(report.isClean)
        // Everyone off: 2·100 + 1·50 under, on-requests 3 + 2 + 1.
        let empty = ShiftRosterChecker.check(i, ShiftRoster(employees: 2, days: Tiny.days))
        #expect(empty.parts == ShiftObjectiveParts(onRequests: 6, offRequests: 0, coverUnder: 250, coverOver: 0))
    }

    /// A (day, shift) without a cover row needs nobody and charges nothing (weights 0).
    @Test func missingCoverRowsCostNothing() throws {
        let text = """
            SECTION_HORIZON
            7
            SECTION_SHIFTS
            D,480,
            SECTION_STAFF
            A,D=7,4320,0,7,1,1,1
            SECTION_COVER
            0,D,1,100,1
            """
        let i = try ShiftInstanceReader.parse(text: text, name: "t")
        #expect(i.cover[0][0].requirement == 1 && i.cover[0][0].weightUnder == 100)
        #expect(i.cover[1...].allSatisfy { $0[0].requirement == 0 && $0[0].weightUnder == 0 && $0[0].weightOver == 0 })
        let everyDay = ShiftRosterChecker.check(i, ShiftRoster(shift: [Array(repeating: 0, count: 7)]))
        #expect(everyDay.objective == 0)
        let never = ShiftRosterChecker.check(i, ShiftRoster(employees: 1, days: 7))
        #expect(never.objective == 100)
    }

    /// Each request row is one term: a repeated request counts twice.
    @Test func repeatedRequestsCountEachTime() throws {
        let text = """
            SECTION_HORIZON
            7
            SECTION_SHIFTS
            D,480,
            SECTION_STAFF
            A,D=7,4320,0,7,1,1,1
            SECTION_SHIFT_ON_REQUESTS
            A,2,D,2
            A,2,D,3
            SECTION_SHIFT_OFF_REQUESTS
            A,4,D,1
            A,4,D,1
            SECTION_COVER
            0,D,0,100,1
            """
        let i = try ShiftInstanceReader.parse(text: text, name: "t")
        #expect(i.onRequests.count == 2 && i.offRequests.count == 2)
        let report = ShiftRosterChecker.check(i, ShiftRoster(shift: [[-1, -1, -1, -1, 0, -1, -1]]))
        #expect(report.parts == ShiftObjectiveParts(onRequests: 5, offRequests: 2, coverUnder: 0, coverOver: 0))
    }

    /// The block rules against the IP's patterns, written out literally, on random rosters:
    /// max consecutive: no window of max+1 worked days; min consecutive: no off-(on×s)-off with both
    /// offs inside the horizon and s < min; min days off: no on-(off×s)-on with s < min.
    @Test func blockRulesMatchTheIntegerProgramPatterns() {
        var rng = SplitMix64(seed: 20_140_101)
        var checked = 0
        for _ in 0..<400 {
            let maxC = Int(rng.next() % 5) + 1, minC = Int(rng.next() % 4) + 1, minOff = Int(rng.next() % 4) + 1
            let density = Double(rng.next() % 100) / 100
            let row = (0..<Tiny.days).map { _ in Double(rng.next() % 1000) / 1000 < density ? 0 : -1 }
            let i = Tiny.one(Tiny.employee("A", maxConsecutive: maxC, minConsecutive: minC, minDaysOff: minOff, maxWeekends: 2))
            let report = ShiftRosterChecker.check(i, ShiftRoster(shift: [row]))
            let h = row.count
            let on = row.map { $0 >= 0 }

            let maxBroken = (0...(h - maxC - 1)).contains { w in (w...(w + maxC)).allSatisfy { on[$0] } }
            #expect(report.violations(of: "max-consecutive-shifts").isEmpty == !maxBroken, "\(row) max \(maxC)")

            var minStarts = Set<Int>(), offStarts = Set<Int>()
            for s in 1..<max(minC, minOff) {
                for a in 1..<h where a + s <= h - 1 {
                    let inside = (a..<(a + s))
                    if s < minC, !on[a - 1], !on[a + s], inside.allSatisfy({ on[$0] }) { minStarts.insert(a) }
                    if s < minOff, on[a - 1], on[a + s], inside.allSatisfy({ !on[$0] }) { offStarts.insert(a) }
                }
            }
            #expect(Set(report.violations(of: "min-consecutive-shifts").compactMap(\.day)) == minStarts, "\(row) min \(minC)")
            #expect(Set(report.violations(of: "min-consecutive-days-off").compactMap(\.day)) == offStarts, "\(row) off \(minOff)")
            if !minStarts.isEmpty || !offStarts.isEmpty || maxBroken { checked += 1 }
        }
        // The random rosters exercise the rules (not all clean).
        #expect(checked > 100)
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
