/// An instant with the UTC offset it was written with, parsed from and
/// printed as ISO 8601 (`2026-05-30T18:00:00+02:00`). Comparison uses the
/// instant only. Times without an offset are rejected: a plan must not
/// depend on the machine's time zone.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// The offset from UTC the time was written with, in seconds.
    public var offsetSeconds: Int32

    public init(epochSeconds: Int64, offsetSeconds: Int32) {
        self.epochSeconds = epochSeconds
        self.offsetSeconds = offsetSeconds
    }

    public static func < (a: Self, b: Self) -> Bool { a.epochSeconds < b.epochSeconds }
    public static func == (a: Self, b: Self) -> Bool { a.epochSeconds == b.epochSeconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochSeconds) }

    public func adding(minutes: Int) -> Timestamp {
        Timestamp(epochSeconds: epochSeconds + Int64(minutes) * 60, offsetSeconds: offsetSeconds)
    }

    /// Whole minutes from `other` to `self`.
    public func minutes(since other: Timestamp) -> Int { Int((epochSeconds - other.epochSeconds) / 60) }

    /// Minutes since local midnight, in the timestamp's own offset.
    public var minuteOfDay: Int {
        let local = epochSeconds + Int64(offsetSeconds)
        return Int(((local % 86400) + 86400) % 86400) / 60
    }

    /// ISO 8601 with seconds and offset, for example `2026-05-30T18:00:00+02:00`.
    public var description: String {
        let local = epochSeconds + Int64(offsetSeconds)
        let days = Int64((Double(local) / 86400).rounded(.down))
        let secondOfDay = Int(local - days * 86400)
        let (year, month, day) = Self.civilDate(fromDays: days)
        let offset = Int(offsetSeconds)
        let sign = offset < 0 ? "-" : "+"
        let zone = offset == 0 ? "Z" : "\(sign)\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
        return "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(secondOfDay / 3600)):\(pad(secondOfDay % 3600 / 60))"
            + ":\(pad(secondOfDay % 60))\(zone)"
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)`; `nil` for anything else,
    /// including a missing offset or an impossible date.
    public init?(iso8601 text: String) {
        let chars = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= chars.count else { return nil }
            var value = 0
            for k in 0..<digits {
                let c = chars[i + k]
                guard c >= 48 && c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < chars.count, chars[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              i < chars.count, chars[i] == 84 || chars[i] == 116 || chars[i] == 32 else { return nil }
        i += 1
        guard let hour = number(2), expect(58), let minute = number(2) else { return nil }
        var second = 0
        if expect(58) {
            guard let s = number(2) else { return nil }
            second = s
            if expect(46) {
                var sawDigit = false
                while i < chars.count, chars[i] >= 48 && chars[i] <= 57 { i += 1; sawDigit = true }
                guard sawDigit else { return nil }
            }
        }
        var offset = 0
        guard i < chars.count else { return nil }
        if expect(90) || expect(122) {
            offset = 0
        } else {
            let sign: Int
            if expect(43) { sign = 1 } else if expect(45) { sign = -1 } else { return nil }
            guard let oh = number(2) else { return nil }
            _ = expect(58)
            guard let om = number(2), oh <= 23, om <= 59 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        }
        guard i == chars.count, (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              hour <= 24, minute <= 59, second <= 59, !(hour == 24 && (minute > 0 || second > 0)) else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        epochSeconds = days * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        offsetSeconds = Int32(offset)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilDate(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}

private func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

/// A local time of day, `HH:MM`, used by shift templates and convention hours.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, 0...1440 (1440 is "24:00", the end of the day).
    public var minutes: Int
    public init(minutes: Int) { self.minutes = minutes }
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
              h * 60 + m <= 1440 else { return nil }
        minutes = h * 60 + m
    }
    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }
    public var description: String { "\(pad(minutes / 60)):\(pad(minutes % 60))" }
}
