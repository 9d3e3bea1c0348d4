import ShiftBenchmark
import Testing

@Suite struct RosterCSVTests {
    let instance = Tiny.instance([Tiny.employee("A"), Tiny.employee("B"), Tiny.employee("C")])

    @Test func writesHeaderAndRows() {
        let roster = Tiny.roster("DN............", "..............", ".............D")
        let text = ShiftRosterCSV.write(roster, instance)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "employee,0,1,2,3,4,5,6,7,8,9,10,11,12,13")
        #expect(lines[1] == "A,D,N,,,,,,,,,,,,")
        #expect(lines[2] == "B" + String(repeating: ",", count: 14))
        #expect(lines[3] == "C,,,,,,,,,,,,,,D")
        #expect(lines.count == 5 && lines[4].isEmpty)
    }

    @Test func roundTrip() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let rows = (0..<3).map { _ in (0..<Tiny.days).map { _ in Int(rng.next() % 3) - 1 } }
            let roster = ShiftRoster(shift: rows)
            let back = try ShiftRosterCSV.read(text: ShiftRosterCSV.write(roster, instance), instance: instance)
            #expect(back == roster)
        }
    }

    /// Two-character ids, an id with a comma and one with a quote survive the round trip.
    @Test func roundTripOfAwkwardIds() throws {
        var i = instance
        i.shifts[0].id = "d1"
        i.shifts[1].id = "n,\"x\""
        i.staff[1].id = "B, Jr."
        let roster = Tiny.roster("DN............", ".N.D..........", "..............")
        let text = ShiftRosterCSV.write(roster, i)
        #expect(text.contains("\"B, Jr.\",,\"n,\"\"x\"\"\","))
        #expect(try ShiftRosterCSV.read(text: text, instance: i) == roster)
    }

    @Test func readsCRLFAndAnyRowOrder() throws {
        let text = "employee,0,1,2,3,4,5,6,7,8,9,10,11,12,13\r\n"
            + "C,,,,,,,,,,,,,,N\r\n"
            + "A, D ,,,,,,,,,,,,,\r\n"
            + "\r\n"
            + "B,,,D,,,,,,,,,,,\r\n"
        let roster = try ShiftRosterCSV.read(text: text, instance: instance)
        #expect(roster == Tiny.roster("D.............", "..D...........", ".............N"))
    }

    /// (text after the header, line, phrase)
    static let bad: [(String, Int, String)] = [
        ("A,D\n", 2, "has 2 fields; expected 15"),
        ("Z" + String(repeating: ",", count: 14) + "\n", 2, "unknown employee 'Z'"),
        ("A,,,X,,,,,,,,,,,\n", 2, "unknown shift 'X' for employee 'A' on day 2"),
        ("A" + String(repeating: ",", count: 14) + "\nA" + String(repeating: ",", count: 14) + "\n", 3,
         "a second row for employee 'A' (first at line 2)"),
        ("A" + String(repeating: ",", count: 14) + "\nB" + String(repeating: ",", count: 14) + "\n", 3, "no row for employee 'C'"),
        ("\"A" + String(repeating: ",", count: 14) + "\n", 2, "quoted field is not closed"),
    ]

    @Test(arguments: 0..<bad.count)
    func readErrors(_ k: Int) {
        let (body, line, phrase) = Self.bad[k]
        let text = "employee,0,1,2,3,4,5,6,7,8,9,10,11,12,13\n" + body
        do {
            _ = try ShiftRosterCSV.read(text: text, instance: instance, source: "r.csv")
            Issue.record("no error for \(body)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.description.contains(phrase), "\(error)")
            #expect(error.description.hasPrefix("r.csv:\(line): "))
        }
    }

    @Test func headerErrors() {
        #expect(throws: ShiftRosterCSVError.self) { try ShiftRosterCSV.read(text: "", instance: instance) }
        do {
            _ = try ShiftRosterCSV.read(text: "employee,0,1,2\n", instance: instance)
            Issue.record("short header accepted")
        } catch {
            #expect(error.line == 1 && error.problem.contains("3 day columns; the instance has 14 days"))
        }
        do {
            _ = try ShiftRosterCSV.read(text: "employee,0,1,2,3,4,5,6,7,8,9,10,11,13,12\n", instance: instance)
            Issue.record("wrong header accepted")
        } catch {
            #expect(error.line == 1 && error.problem.contains("header column 14 is '13'; expected '12'"))
        }
    }

    /// A malformed cell is written as `?index`, which reading refuses.
    @Test func malformedRosterIsNotRepaired() {
        var roster = Tiny.roster("..............", "..............", "..............")
        roster.shift[0][3] = 9
        let text = ShiftRosterCSV.write(roster, instance)
        #expect(text.contains("A,,,,?9,"))
        #expect(throws: ShiftRosterCSVError.self) { try ShiftRosterCSV.read(text: text, instance: instance) }
    }

    @Test(.enabled(if: Paths.curtoisAvailable, Paths.curtoisMissing))
    func roundTripOnInstance20() throws {
        let i = try Paths.instance("Instance20")
        var rng = SplitMix64(seed: 20)
        let rows = i.staff.indices.map { _ in (0..<i.days).map { _ in Int(rng.next() % UInt64(i.shifts.count + 1)) - 1 } }
        let roster = ShiftRoster(shift: rows)
        let text = ShiftRosterCSV.write(roster, i)
        #expect(text.split(separator: "\n").count == 51)
        #expect(try ShiftRosterCSV.read(text: text, instance: i) == roster)
    }
}
