import Testing
import ReservistScenario

@Suite("CivilDate")
struct CivilDateTests {
    @Test("parses and prints dates back identically", arguments: [
        "1970-01-01", "1969-12-31", "2000-02-29", "2024-02-29", "2026-06-01", "2026-12-31", "0001-01-01", "9999-12-31", "1900-03-01",
    ])
    func roundTrip(_ text: String) throws {
        let date = try #require(CivilDate(text))
        #expect(date.description == text)
        #expect(CivilDate(daysSinceEpoch: date.daysSinceEpoch) == date)
    }

    @Test("refuses malformed and impossible dates", arguments: [
        "", "2026-6-01", "2026-06-1", "26-06-01", "2026/06/01", "2026-13-01", "2026-00-10", "2026-06-00", "2026-06-31",
        "2026-02-29", "1900-02-29", "2100-02-29", " 2026-06-01", "2026-06-01 ", "2026-06-01T00:00", "２０２６-06-01", "+026-06-01",
        "2026--6-01",
    ])
    func refuses(_ text: String) {
        #expect(CivilDate(text) == nil, "\(text) should not parse")
    }

    @Test("knows the epoch and leap years")
    func epochAndLeapYears() throws {
        #expect(try #require(CivilDate("1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(CivilDate("1970-01-02")).daysSinceEpoch == 1)
        #expect(try #require(CivilDate("1969-12-31")).daysSinceEpoch == -1)
        #expect(try #require(CivilDate("2000-01-01")).daysSinceEpoch == 10957)
        // 366 days in leap years, 365 otherwise (2000 is leap, 1900 and 2100 are not).
        for (year, length) in [(2024, 366), (2025, 365), (2000, 366), (1900, 365), (2100, 365), (2400, 366)] {
            let first = try #require(CivilDate(year: year, month: 1, day: 1))
            let next = try #require(CivilDate(year: year + 1, month: 1, day: 1))
            #expect(next.days(since: first) == length, "year \(year)")
            #expect(CivilDate.isLeapYear(year) == (length == 366))
        }
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
    }

    @Test("gives ISO weekdays (1 Monday ... 7 Sunday)", arguments: [
        ("1970-01-01", 4), ("1969-12-31", 3), ("2000-01-01", 6), ("2026-06-01", 1), ("2026-07-14", 2), ("2026-07-19", 7),
        ("2026-08-15", 6), ("1900-01-01", 1), ("2024-02-29", 4),
    ])
    func weekday(_ text: String, _ expected: Int) throws {
        #expect(try #require(CivilDate(text)).weekday == expected)
    }

    @Test("adds days across months, years and leap days, and reads components")
    func arithmetic() throws {
        let start = try #require(CivilDate("2026-06-01"))
        #expect(start.adding(days: 30).description == "2026-07-01")
        #expect(start.adding(days: -20).description == "2026-05-12")
        #expect(start.adding(days: 214).description == "2027-01-01")
        #expect(try #require(CivilDate("2024-02-28")).adding(days: 1).description == "2024-02-29")
        #expect(try #require(CivilDate("2023-02-28")).adding(days: 1).description == "2023-03-01")
        #expect(try #require(CivilDate("2026-08-29")).days(since: start) == 89)
        let c = try #require(CivilDate("2024-02-29")).components
        #expect(c.year == 2024 && c.month == 2 && c.day == 29)
        #expect(try #require(CivilDate("1969-12-31")).month == 12)
        // Every day of four years prints and parses back to itself.
        var date = try #require(CivilDate("2023-01-01"))
        for _ in 0..<(4 * 366) {
            #expect(CivilDate(date.description) == date)
            let c = date.components
            #expect(CivilDate(year: c.year, month: c.month, day: c.day) == date)
            date = date.adding(days: 1)
        }
    }

    @Test("scenario helpers: day dates, working days, first callable day")
    func scenarioHelpers() throws {
        let scenario = ReservistScenario(name: "t", planningDate: try #require(CivilDate("2026-05-12")),
                                         startDate: try #require(CivilDate("2026-06-01")), dayCount: 90, rules: ReservistRules(),
                                         departments: [], reservists: [], missions: [])
        #expect(scenario.date(ofDay: 13).description == "2026-06-14")
        #expect(scenario.isWorkingDay(0))
        #expect(!scenario.isWorkingDay(5))
        #expect(!scenario.isWorkingDay(6))
        #expect(scenario.firstCallableDay(noticeDays: 30) == 10)
        #expect(scenario.firstCallableDay(noticeDays: 15) == -5)
    }
}
