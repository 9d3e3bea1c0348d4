import Testing
import EventScenario

@Suite("Timestamp and TimeOfDay")
struct TimestampTests {
    @Test(arguments: [
        "2026-05-30T18:00:00+02:00",
        "2026-12-31T23:59:59-03:30",
        "2024-02-29T00:00:00+01:00",   // leap year
        "2000-02-29T12:00:00Z",        // divisible by 400: leap
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:00-00:30",   // before the epoch
        "9999-12-31T23:59:59+14:00",
        "0001-01-01T00:00:00Z",
    ])
    func printsWhatItParsed(text: String) throws {
        let t = try #require(Timestamp(iso8601: text))
        #expect(t.description == text)
        #expect(Timestamp(iso8601: t.description) == t)
        #expect(Timestamp(iso8601: t.description)?.offsetSeconds == t.offsetSeconds)
    }

    @Test func knownInstants() throws {
        #expect(Timestamp(iso8601: "1970-01-01T00:00:00Z")?.epochSeconds == 0)
        #expect(Timestamp(iso8601: "2026-05-30T18:00:00+02:00")?.epochSeconds == 1_780_156_800)
        #expect(Timestamp(iso8601: "2026-05-30T16:00:00Z") == Timestamp(iso8601: "2026-05-30T18:00:00+02:00"))
        #expect(Timestamp(iso8601: "2024-03-01T00:00:00Z")!.epochSeconds - Timestamp(iso8601: "2024-02-28T00:00:00Z")!.epochSeconds == 2 * 86400)
        #expect(Timestamp(iso8601: "2023-03-01T00:00:00Z")!.epochSeconds - Timestamp(iso8601: "2023-02-28T00:00:00Z")!.epochSeconds == 86400)
        #expect(Timestamp(iso8601: "1969-12-31T23:59:00Z")?.epochSeconds == -60)
    }

    @Test func equivalentSpellings() throws {
        let reference = try #require(Timestamp(iso8601: "2026-05-30T18:00:00+02:00"))
        for text in ["2026-05-30T18:00+02:00", "2026-05-30T18:00:00+0200", "2026-05-30t18:00:00+02:00",
                     "2026-05-30 18:00:00+02:00", "2026-05-30T16:00:00z", "2026-05-30T16:00:00.000Z",
                     "2026-05-29T24:00:00-16:00"] {
            #expect(Timestamp(iso8601: text) == reference, "\(text)")
        }
        // Z and +00:00 are the same offset, printed Z.
        #expect(Timestamp(iso8601: "2026-05-30T16:00:00+00:00")?.description == "2026-05-30T16:00:00Z")
        #expect(Timestamp(iso8601: "2026-05-29T24:00:00+02:00")?.description == "2026-05-30T00:00:00+02:00")
    }

    @Test(arguments: [
        "2026-05-30T18:00:00",         // no offset
        "2026-05-30T18:00",            // no offset
        "2026-05-30",                  // a date only
        "2023-02-29T00:00:00Z",        // not a leap year
        "1900-02-29T00:00:00Z",        // divisible by 100: not leap
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-05-30T25:00:00Z",
        "2026-05-30T24:01:00Z",
        "2026-05-30T18:60:00Z",
        "2026-05-30T18:00:60Z",
        "2026-05-30T18:00:00+24:00",
        "2026-05-30T18:00:00+02",
        "2026-05-30T18:00:00+02:00 ",
        "2026-5-30T18:00:00Z",
        "2026-05-30T18:00:00.Z",
        "",
    ])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func arithmeticAndLocalTime() throws {
        let t = try #require(Timestamp(iso8601: "2026-05-30T23:30:00+02:00"))
        #expect(t.minuteOfDay == 23 * 60 + 30)
        #expect(t.adding(minutes: 45).description == "2026-05-31T00:15:00+02:00")
        #expect(t.adding(minutes: 45).minutes(since: t) == 45)
        #expect(Timestamp(iso8601: "2026-05-30T21:30:00Z")!.minuteOfDay == 21 * 60 + 30)
    }

    @Test func horizonSlots() throws {
        let h = Horizon(start: Timestamp(iso8601: "2026-05-30T12:00:00+02:00")!,
                        end: Timestamp(iso8601: "2026-05-31T02:00:00+02:00")!, slotMinutes: 15)
        #expect(h.slotCount == 56)
        #expect(h.slot(at: Timestamp(iso8601: "2026-05-30T18:00:00+02:00")!) == 24)
        #expect(h.slot(at: Timestamp(iso8601: "2026-05-30T16:00:00Z")!) == 24)
        #expect(h.slot(at: Timestamp(iso8601: "2026-05-30T18:05:00+02:00")!) == nil)
        #expect(h.time(ofSlot: 56) == h.end)
    }

    @Test func timeOfDay() {
        #expect(TimeOfDay("00:00")?.minutes == 0)
        #expect(TimeOfDay("23:59")?.minutes == 1439)
        #expect(TimeOfDay("24:00")?.minutes == 1440)
        #expect(TimeOfDay("07:05")?.description == "07:05")
        for bad in ["24:01", "7:05", "07:5", "25:00", "07:60", "0700", "07:00:00", "", "ab:cd"] {
            #expect(TimeOfDay(bad) == nil, "\(bad)")
        }
    }
}
