import StrictJSON
/// A JSON path, kept as a chain and rendered (`$.people[3].corps`) only when a message needs it,
/// so that reading 30 000 valid people builds no path strings.
indirect enum Path {
    case root
    case field(Path, String)
    case index(Path, Int)

    var text: String {
        switch self {
        case .root: return "$"
        case .field(let parent, let key): return parent.text + pathComponent(key)
        case .index(let parent, let i): return parent.text + "[\(i)]"
        }
    }
}

/// Where a value sits, for messages: a JSON path in the scenario (`$.people[3].corps`), or a line
/// and a column in a CSV file (`line 7`, column `corps`). The last array index and field name are
/// held inline (`path[index].key`), so that reading a field of a list item allocates nothing.
struct Spot {
    let file: String
    private let path: Path
    private let index: Int?
    private let key: String?
    /// For a CSV cell: its record's first line, and its column.
    private let line: Int?
    private let column: String?

    private init(file: String, path: Path, index: Int? = nil, key: String? = nil, line: Int? = nil, column: String? = nil) {
        self.file = file
        self.path = path
        self.index = index
        self.key = key
        self.line = line
        self.column = column
    }

    static func root(_ file: String) -> Spot { Spot(file: file, path: .root) }

    static func csv(_ file: String, line: Int, column: String? = nil) -> Spot {
        Spot(file: file, path: .root, line: line, column: column)
    }

    private var fullPath: Path {
        var p = path
        if let index { p = .index(p, index) }
        if let key { p = .field(p, key) }
        return p
    }

    /// The same place, with its path boxed: take it once before reading many items of a list.
    var materialized: Spot { line != nil ? self : Spot(file: file, path: fullPath) }

    var location: String { line.map { "line \($0)" } ?? fullPath.text }

    /// The field `key` of the object here (in a CSV row: the column `key`).
    func field(_ key: String) -> Spot {
        if line != nil { return Spot(file: file, path: path, line: line, column: key) }
        if self.key == nil { return Spot(file: file, path: path, index: index, key: key) }
        return Spot(file: file, path: fullPath, key: key)
    }

    /// Item `index` of the array here (in a CSV cell: the cell itself).
    func item(_ index: Int) -> Spot {
        if line != nil { return self }
        if key == nil && self.index == nil { return Spot(file: file, path: path, index: index) }
        return Spot(file: file, path: fullPath, index: index)
    }

    func fail(_ problem: String, _ fix: String) -> ScenarioError {
        if let column {
            return ScenarioError(file: file, location: location, problem: "column '\(column)': \(problem)", fix: fix)
        }
        return ScenarioError(file: file, location: location, problem: problem, fix: fix)
    }
}

/// `.name` for a plain name, `["odd name"]` otherwise.
func pathComponent(_ key: String) -> String {
    var plain = !key.isEmpty && !(key.utf8.first! >= 0x30 && key.utf8.first! <= 0x39)
    for b in key.utf8 where !((b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F) {
        plain = false
    }
    if plain { return "." + key }
    var escaped = ""
    for scalar in key.unicodeScalars {
        switch scalar {
        case "\"": escaped += "\\\""
        case "\\": escaped += "\\\\"
        default:
            if scalar.value < 0x20 { escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) }
            else { escaped.unicodeScalars.append(scalar) }
        }
    }
    if escaped.count > 60 { escaped = String(escaped.prefix(60)) + "…" }
    return "[\"\(escaped)\"]"
}

/// The fields of one object, checked for duplicates and unknown names. Objects are small, so
/// fields are found by a linear search of the parsed pairs: no hashing, no allocation.
struct Fields {
    let spot: Spot
    private let pairs: [(key: String, value: Value)]

    /// `value` must be an object whose field names all appear in `allowed`, each once.
    init(_ value: Value, at spot: Spot, allowed: [String], what: String) throws(ScenarioError) {
        guard case .object(let pairs) = value else {
            throw spot.fail("expected \(what) (an object), found \(value.kindDescription)", "write an object: { ... }")
        }
        self.spot = spot
        self.pairs = pairs
        var clean = pairs.count <= allowed.count
        if clean {
            outer: for (i, pair) in pairs.enumerated() {
                guard allowed.contains(pair.key) else { clean = false; break }
                for j in 0..<i where pairs[j].key == pair.key {
                    clean = false
                    break outer
                }
            }
        }
        if !clean { try Self.report(pairs, at: spot, allowed: allowed, what: what) }
    }

    /// The first problem, deterministically: the first repeated name in file order, else the
    /// first unknown name in sorted order.
    private static func report(_ pairs: [(key: String, value: Value)], at spot: Spot, allowed: [String],
                               what: String) throws(ScenarioError) {
        var seen = Set<String>()
        for (key, _) in pairs where !seen.insert(key).inserted {
            throw spot.field(key).fail("field \(quoted(key)) appears twice in one object", "keep only one of them")
        }
        let names = allowed.sorted()
        for key in seen.sorted() where !allowed.contains(key) {
            throw spot.field(key).fail("unknown field \(quoted(key)) in \(what)",
                                       "remove it or use one of: \(names.joined(separator: ", "))\(hint(key, names))")
        }
    }

    func has(_ key: String) -> Bool { optional(key) != nil }

    func optional(_ key: String) -> Value? {
        for pair in pairs where pair.key == key { return pair.value }
        return nil
    }

    func required(_ key: String, _ example: String) throws(ScenarioError) -> Value {
        guard let value = optional(key) else {
            throw spot.fail("missing required field \(quoted(key))", "add \"\(key)\": \(example)")
        }
        return value
    }

    func at(_ key: String) -> Spot { spot.field(key) }
}

// MARK: - Typed values

extension Value {
    func string(at spot: @autoclosure () -> Spot) throws(ScenarioError) -> String {
        guard case .string(let s) = self else {
            throw spot().fail("expected a string, found \(kindDescription)", "write the value in double quotes")
        }
        return s
    }

    /// A string that must not be empty or blank.
    func text(at spot: @autoclosure () -> Spot) throws(ScenarioError) -> String {
        let s = try string(at: spot())
        guard s.contains(where: { !$0.isWhitespace }) else {
            throw spot().fail("the text is empty", "write a non-empty text")
        }
        return s
    }

    func bool(at spot: @autoclosure () -> Spot) throws(ScenarioError) -> Bool {
        guard case .bool(let b) = self else {
            throw spot().fail("expected a boolean, found \(kindDescription)", "write true or false, without quotes")
        }
        return b
    }

    func array(at spot: @autoclosure () -> Spot) throws(ScenarioError) -> [Value] {
        guard case .array(let items) = self else {
            throw spot().fail("expected an array, found \(kindDescription)", "write a list in brackets: [ ... ]")
        }
        return items
    }

    func number(at spot: @autoclosure () -> Spot, in range: ClosedRange<Double>) throws(ScenarioError) -> Double {
        let d: Double
        switch self {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default:
            throw spot().fail("expected a number, found \(kindDescription)",
                              "write a number between \(format(range.lowerBound)) and \(format(range.upperBound)), without quotes")
        }
        return try checked(d, at: spot(), in: range)
    }

    func integer(at spot: @autoclosure () -> Spot, in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        var fix: String { "write a whole number between \(range.lowerBound) and \(range.upperBound), without quotes" }
        switch self {
        case .int(let i):
            guard range.contains(i) else { throw spot().fail("\(i) is out of range", fix) }
            return i
        case .double(let d):
            guard d.isFinite else { throw spot().fail("the number is not finite (\(d))", fix) }
            guard d == d.rounded() else { throw spot().fail("expected a whole number, found \(d)", fix) }
            guard d >= Double(range.lowerBound) && d <= Double(range.upperBound) else {
                throw spot().fail("\(format(d)) is out of range", fix)
            }
            return Int(d)
        default:
            throw spot().fail("expected a whole number, found \(kindDescription)", fix)
        }
    }
}

/// `d` if finite and within `range`.
func checked(_ d: Double, at spot: @autoclosure () -> Spot, in range: ClosedRange<Double>) throws(ScenarioError) -> Double {
    var fix: String { "write a number between \(format(range.lowerBound)) and \(format(range.upperBound))" }
    guard d.isFinite else { throw spot().fail("the number is not finite (\(d))", fix) }
    guard range.contains(d) else { throw spot().fail("\(format(d)) is out of range", fix) }
    return d
}

/// `12` rather than `12.0`; `1e9` as `1000000000`.
func format(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return "\(d)"
}

// MARK: - Text checks shared by the JSON/YAML walker and the CSV reader

let maximumIDLength = 128

/// Letters, digits, `-`, `_`, `.` (ASCII), 1 to 128 characters.
func isValidID(_ s: String) -> Bool {
    var count = 0
    for v in s.utf8 {
        count += 1
        let ok = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            || v == 0x2D || v == 0x5F || v == 0x2E
        if !ok { return false }
    }
    return count > 0 && count <= maximumIDLength
}

/// `s` if it is a valid id (see `isValidID`), or an error saying what is wrong with it.
func checkID(_ s: String, at spot: @autoclosure () -> Spot, what: String) throws(ScenarioError) -> String {
    if isValidID(s) { return s }
    let fix = "use 1 to \(maximumIDLength) letters, digits, '-', '_' or '.' (ASCII)"
    guard !s.isEmpty else { throw spot().fail("empty \(what)", fix) }
    guard s.utf8.count <= maximumIDLength else { throw spot().fail("\(what) is longer than \(maximumIDLength) characters", fix) }
    for scalar in s.unicodeScalars {
        let v = scalar.value
        let ok = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            || v == 0x2D || v == 0x5F || v == 0x2E
        if !ok {
            throw spot().fail("\(what) \(quoted(s)) contains \(quoted(String(scalar)))", fix)
        }
    }
    throw spot().fail("invalid \(what) \(quoted(s))", fix)
}

func parseEnum<E: RawRepresentable & CaseIterable>(_ s: String, at spot: @autoclosure () -> Spot, what: String) throws(ScenarioError) -> E
where E.RawValue == String {
    if let value = E(rawValue: s) { return value }
    let names = E.allCases.map(\.rawValue)
    throw spot().fail("unknown \(what) \(quoted(s))", "use one of: \(names.joined(separator: ", "))\(hint(s, names))")
}

/// A time `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`; the offset is required, fractions of a second refused.
func parseTimestamp(_ s: String, at spot: @autoclosure () -> Spot) throws(ScenarioError) -> Timestamp {
    if let t = canonicalTimestamp(s) { return t }
    let example = "write it like 2026-05-30T18:00:00+02:00"
    if let t = Timestamp(iso8601: s) {
        if s.utf8.contains(UInt8(ascii: ".")) {
            throw spot().fail("time \(quoted(s)) has a fraction of a second", "times lie on the slot grid: drop the fraction")
        }
        return t
    }
    if Timestamp(iso8601: s + "Z") != nil {
        throw spot().fail("time \(quoted(s)) has no UTC offset", "add the offset (+02:00 in French summer, +01:00 in winter, or Z); \(example)")
    }
    throw spot().fail("\(quoted(s)) is not a valid ISO 8601 time (or the date does not exist)", example)
}

/// The common spellings `2026-05-30T18:00:00+02:00` and `2026-05-30T16:00:00Z`, parsed without
/// allocating (a scenario has hundreds of thousands of times); nil for anything else, which
/// `Timestamp(iso8601:)` then reads. Gives exactly what `Timestamp(iso8601:)` gives.
func canonicalTimestamp(_ text: String) -> Timestamp? {
    var text = text
    return text.withUTF8 { b -> Timestamp? in
        guard b.count == 25 || b.count == 20 else { return nil }
        func digits(_ i: Int) -> Int? {
            let (x, y) = (b[i] &- 48, b[i + 1] &- 48)
            return x < 10 && y < 10 ? Int(x) * 10 + Int(y) : nil
        }
        guard b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
              let century = digits(0), let yy = digits(2), let month = digits(5), let day = digits(8),
              let hour = digits(11), let minute = digits(14), let second = digits(17),
              (1...12).contains(month), day >= 1, day <= Timestamp.daysIn(month: month, year: century * 100 + yy),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        var offset = 0
        if b.count == 20 {
            guard b[19] == 0x5A else { return nil }
        } else {
            guard b[19] == 0x2B || b[19] == 0x2D, b[22] == 0x3A, let oh = digits(20), let om = digits(23),
                  oh <= 23, om <= 59 else { return nil }
            offset = (b[19] == 0x2D ? -1 : 1) * (oh * 3600 + om * 60)
        }
        let days = Timestamp.days(fromCivil: century * 100 + yy, month, day)
        return Timestamp(epochSeconds: days * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset),
                         offsetSeconds: Int32(offset))
    }
}

/// `HH:MM`; `24:00` only where `allowEndOfDay`.
func parseTimeOfDay(_ s: String, at spot: @autoclosure () -> Spot, allowEndOfDay: Bool) throws(ScenarioError) -> TimeOfDay {
    guard let t = TimeOfDay(s), allowEndOfDay || t.minutes < 1440 else {
        throw spot().fail("\(quoted(s)) is not a time of day",
                          allowEndOfDay ? "write HH:MM, from 00:00 to 24:00" : "write HH:MM, from 00:00 to 23:59")
    }
    return t
}

// MARK: - Times on the horizon

/// The horizon's slot grid, and checks of times and windows against it.
struct Grid {
    let horizon: Horizon

    var stepSeconds: Int64 { Int64(horizon.slotMinutes) * 60 }

    /// On the grid (which extends before and after the horizon).
    func isOnGrid(_ t: Timestamp) -> Bool {
        (t.epochSeconds - horizon.start.epochSeconds) % stepSeconds == 0
    }

    /// A time on the slot grid within the horizon (both ends included).
    func time(_ s: String, at spot: @autoclosure () -> Spot) throws(ScenarioError) -> Timestamp {
        let t = try parseTimestamp(s, at: spot())
        guard t >= horizon.start && t <= horizon.end else {
            throw spot().fail("time \(s) is outside the horizon (\(horizon.start) to \(horizon.end))",
                              "move it inside the horizon")
        }
        guard isOnGrid(t) else {
            throw spot().fail("time \(s) is off the \(horizon.slotMinutes)-minute slot grid (which starts at \(horizon.start))",
                              "use a time a whole number of slots after the horizon start")
        }
        return t
    }

    /// `[start, end)` inside the horizon, on the grid, not empty.
    func window(start: String, end: String, startSpot: @autoclosure () -> Spot, endSpot: @autoclosure () -> Spot) throws(ScenarioError) -> TimeWindow {
        let a = try time(start, at: startSpot())
        let b = try time(end, at: endSpot())
        guard a < b else {
            throw endSpot().fail(a == b ? "the window is empty (end equals start)" : "end \(end) is before start \(start)",
                                 "the end must come after the start")
        }
        return TimeWindow(start: a, end: b)
    }
}
