extension ReservistGenerator {
    /// The scenario in the documented JSON format (`continuum-reservists/1`), deterministically:
    /// fixed key order, every field written (defaults included), numbers printed the same way on
    /// every run (whole numbers without a decimal point, others in Swift's shortest round-trip
    /// form), one department, reservist or mission per line. Availability is written as ranges
    /// `FROM/TO` of consecutive days and single dates; `needed` and `activeStaff` as one number
    /// when constant, else as a list. Reading the text back gives an equal scenario.
    public static func json(_ scenario: ReservistScenario) -> String {
        var w = ByteWriter()
        w.bytes.reserveCapacity(512 + 420 * scenario.reservists.count + 300 * scenario.missions.count)
        let dates = (0..<scenario.dayCount).map { Array(scenario.date(ofDay: $0).description.utf8) }
        func date(_ d: Int) {
            w.byte(0x22)
            if d >= 0 && d < dates.count { w.bytes += dates[d] } else { w.raw(scenario.date(ofDay: d).description) }
            w.byte(0x22)
        }

        w.raw("{\n  \"format\": ")
        w.string(ReservistReader.format)
        w.raw(",\n  \"name\": ")
        w.string(scenario.name)
        w.raw(",\n  \"planningDate\": ")
        w.string(scenario.planningDate.description)
        w.raw(",\n  \"start\": ")
        w.string(scenario.startDate.description)
        w.raw(",\n  \"days\": ")
        w.int(scenario.dayCount)
        let rules = scenario.rules
        w.raw(",\n  \"rules\": { \"employerQuotaDays\": ")
        w.int(rules.employerQuotaDays)
        w.raw(", \"defaultNoticeDays\": ")
        w.int(rules.defaultNoticeDays)
        w.raw(", \"reactivityNoticeDays\": ")
        w.int(rules.reactivityNoticeDays)
        w.raw(", \"travelAllowancePerKm\": ")
        w.number(rules.travelAllowancePerKm)
        w.raw(", \"roadFactor\": ")
        w.number(rules.roadFactor)
        w.raw(", \"fairShareDays\": ")
        w.int(rules.fairShareDays)
        w.raw(", \"fairnessPenaltyPerDay\": ")
        w.number(rules.fairnessPenaltyPerDay)
        w.raw(" },\n  \"departments\": [")
        for (i, department) in scenario.departments.enumerated() {
            w.raw(i == 0 ? "\n    { \"id\": " : ",\n    { \"id\": ")
            w.string(department.id)
            w.raw(", \"name\": ")
            w.string(department.name)
            w.raw(" }")
        }
        w.raw(scenario.departments.isEmpty ? "],\n  \"reservists\": [" : "\n  ],\n  \"reservists\": [")
        for (i, r) in scenario.reservists.enumerated() {
            w.raw(i == 0 ? "\n    { \"id\": " : ",\n    { \"id\": ")
            w.string(r.id)
            w.raw(", \"corps\": ")
            w.string(r.corps.rawValue)
            w.raw(", \"department\": ")
            w.string(scenario.departments[r.department].id)
            w.raw(", \"home\": { \"lat\": ")
            w.number(r.home.latitude)
            w.raw(", \"lon\": ")
            w.number(r.home.longitude)
            w.raw(" }, \"rank\": ")
            w.string(r.rank)
            w.raw(", \"dailyPay\": ")
            w.number(r.dailyPay)
            w.raw(", \"skills\": [")
            for (k, skill) in r.skills.enumerated() {
                if k > 0 { w.raw(", ") }
                w.string(skill)
            }
            w.raw("], \"available\": [")
            var k = 0
            var firstEntry = true
            let days = r.availableDays
            while k < days.count {
                var end = k
                while end + 1 < days.count && days[end + 1] == days[end] + 1 { end += 1 }
                if !firstEntry { w.raw(", ") }
                firstEntry = false
                if end == k {
                    date(days[k])
                } else {
                    w.byte(0x22)
                    w.bytes += dates[days[k]]
                    w.byte(0x2F)
                    w.bytes += dates[days[end]]
                    w.byte(0x22)
                }
                k = end + 1
            }
            w.raw("], \"annualCap\": ")
            w.int(r.annualCap)
            w.raw(", \"daysServed\": ")
            w.int(r.daysServed)
            w.raw(", \"salaried\": ")
            w.raw(r.salaried ? "true" : "false")
            w.raw(", \"employerConsent\": ")
            w.raw(r.employerConsent ? "true" : "false")
            w.raw(", \"employerDaysUsed\": ")
            w.int(r.employerDaysUsed)
            w.raw(", \"reactivity\": ")
            w.raw(r.reactivity ? "true" : "false")
            w.raw(", \"maxTravelKm\": ")
            w.number(r.maxTravelKm)
            w.raw(" }")
        }
        w.raw(scenario.reservists.isEmpty ? "],\n  \"missions\": [" : "\n  ],\n  \"missions\": [")
        for (i, m) in scenario.missions.enumerated() {
            w.raw(i == 0 ? "\n    { \"id\": " : ",\n    { \"id\": ")
            w.string(m.id)
            w.raw(", \"department\": ")
            w.string(scenario.departments[m.department].id)
            w.raw(", \"location\": { \"lat\": ")
            w.number(m.location.latitude)
            w.raw(", \"lon\": ")
            w.number(m.location.longitude)
            w.raw(" }, \"start\": ")
            date(m.firstDay)
            w.raw(", \"end\": ")
            date(m.lastDay)
            w.raw(", \"skill\": ")
            if let skill = m.skill { w.string(skill) } else { w.raw("null") }
            w.raw(", \"needed\": ")
            w.perDay(m.needed)
            w.raw(", \"priority\": ")
            w.number(m.priority)
            w.raw(", \"publicOrder\": ")
            w.raw(m.publicOrder ? "true" : "false")
            w.raw(", \"activeStaff\": ")
            if let staff = m.activeStaff { w.perDay(staff) } else { w.raw("null") }
            w.raw(" }")
        }
        w.raw(scenario.missions.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

/// Appends JSON pieces to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func raw(_ text: String) { bytes += text.utf8 }

    mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            if value == Int.min {
                raw(String(value).dropFirst().description)
                return
            }
        }
        var v = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                count += 1
            } while v > 0
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }

    /// Whole numbers without a decimal point; others in Swift's shortest round-trip form.
    mutating func number(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else if value.isFinite {
            raw("\(value)")
        } else {
            raw("null")  // never produced: the reader refuses non-finite values
        }
    }

    mutating func string(_ text: String) {
        bytes.append(0x22)
        for b in text.utf8 {
            switch b {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// One number when every day is the same, else a list.
    mutating func perDay(_ values: [Int]) {
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            int(first)
            return
        }
        bytes.append(0x5B)
        for (k, v) in values.enumerated() {
            if k > 0 { bytes += [0x2C, 0x20] }
            int(v)
        }
        bytes.append(0x5D)
    }
}
