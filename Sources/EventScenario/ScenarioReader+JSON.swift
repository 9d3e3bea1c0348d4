import StrictJSON
/// The generic tree both the JSON and the YAML readers produce, and the walker reads.
/// Objects keep their fields in file order (duplicates included: the walker reports them).
enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object([(key: String, value: Value)])

    /// What the value is, for "expected X, found Y" messages.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .int(let i): return "a number (\(i))"
        case .double(let d): return "a number (\(d))"
        case .string(let s): return "a string (\(quoted(s, limit: 40)))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// Deepest nesting of arrays and objects a scenario may use.
let maximumDepth = 64

/// A strict JSON (RFC 8259) parser over UTF-8 bytes: exact line numbers in errors, no recursion
/// beyond `maximumDepth`, integers kept apart from other numbers, booleans apart from numbers.
struct JSONParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Parses a whole document. `text` must already be known to be valid UTF-8 (a Swift String is).
    static func parse(_ text: String, file: String) throws(ScenarioError) -> Value {
        var parser = JSONParser(bytes: Array(text.utf8), file: file)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3; parser.lineStart = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 1)
        parser.skipWhitespace()
        if parser.position < parser.bytes.count {
            throw parser.fail("unexpected \(parser.describeCurrent()) after the end of the document",
                              "remove it, or wrap the values in one object")
        }
        return value
    }

    private func fail(_ problem: String, _ fix: String) -> ScenarioError {
        ScenarioError(file: file, location: "line \(line)",
                      problem: "\(problem) (column \(column))", fix: fix)
    }

    private var column: Int {
        // Count characters, not bytes: skip UTF-8 continuation bytes.
        var count = 1
        var i = lineStart
        while i < position && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of file" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        // A multi-byte character: decode it for the message.
        var end = position + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 && end - position < 4 { end += 1 }
        return quoted(String(decoding: bytes[position..<end], as: UTF8.self))
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(ScenarioError) -> Value {
        guard position < bytes.count else {
            throw fail("the document ends where a value was expected", "complete it: every '{' needs a '}' and every '[' a ']'")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth)
        case UInt8(ascii: "["):
            return try parseArray(depth: depth)
        case UInt8(ascii: "\""):
            return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumber()
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw fail("JSON has no NaN or Infinity", "write a finite number")
        case UInt8(ascii: "/"), UInt8(ascii: "#"):
            throw fail("JSON does not allow comments", "remove the comment, or write the scenario in YAML")
        case UInt8(ascii: "'"):
            throw fail("JSON strings use double quotes", "replace the single quotes with double quotes")
        default:
            throw fail("unexpected \(describeCurrent()) where a value was expected",
                       "write a string, number, true, false, null, an array or an object")
        }
    }

    private mutating func expectWord(_ word: String) throws(ScenarioError) {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count,
              bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw fail("unexpected \(describeCurrent()) where a value was expected",
                       "write true, false or null in lower case, or quote the text")
        }
        position += expected.count
    }

    private mutating func enter(_ depth: Int) throws(ScenarioError) {
        if depth > maximumDepth {
            throw fail("the document is nested deeper than \(maximumDepth) levels",
                       "a scenario needs fewer than 10 levels; flatten the data")
        }
    }

    /// An error for the byte at the current position, which is not `expected`; comments, single
    /// quotes and the end of the text get messages of their own.
    private func unexpected(_ expected: String, inside: String, _ fix: String) -> ScenarioError {
        guard position < bytes.count else {
            return fail("the document ends inside \(inside)", "complete it: every '{' needs a '}' and every '[' a ']'")
        }
        switch bytes[position] {
        case UInt8(ascii: "/"), UInt8(ascii: "#"):
            return fail("JSON does not allow comments", "remove the comment, or write the scenario in YAML")
        case UInt8(ascii: "'"):
            return fail("JSON strings use double quotes", "replace the single quotes with double quotes")
        default:
            return fail("expected \(expected), found \(describeCurrent())", fix)
        }
    }

    /// After a value: where it ended, so that a missing comma is reported on the value's line
    /// rather than on the next field's.
    private mutating func separator(close: UInt8, afterValueOf key: String?, inside: String) throws(ScenarioError) -> Bool {
        let end = (position, line, lineStart)
        skipWhitespace()
        var what: String { key.map { "the value of \(quoted($0))" } ?? "an array item" }
        if position < bytes.count {
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                return false
            }
            if bytes[position] == close {
                position += 1
                return true
            }
            if line > end.1 && (bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "{")
                                    || bytes[position] == UInt8(ascii: "[")) {
                (position, line, lineStart) = end
                throw fail("missing ',' after \(what)", "separate the items with commas")
            }
        }
        throw unexpected("',' or '\(Character(Unicode.Scalar(close)))' after \(what)", inside: inside,
                         "separate the items with commas and close with '\(Character(Unicode.Scalar(close)))'")
    }

    private mutating func parseObject(depth: Int) throws(ScenarioError) -> Value {
        try enter(depth)
        position += 1  // {
        var fields: [(key: String, value: Value)] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                    throw fail("a comma before '}'", "remove the trailing comma")
                }
                throw unexpected("a field name in double quotes", inside: "an object", "write \"name\": value")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw unexpected("':' after the field name \(quoted(key))", inside: "an object", "write \"name\": value")
            }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            fields.append((key, value))
            if try separator(close: UInt8(ascii: "}"), afterValueOf: key, inside: "an object") {
                return .object(fields)
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(ScenarioError) -> Value {
        try enter(depth)
        position += 1  // [
        var items: [Value] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                throw fail("a comma before ']'", "remove the trailing comma")
            }
            items.append(try parseValue(depth: depth + 1))
            if try separator(close: UInt8(ascii: "]"), afterValueOf: nil, inside: "an array") {
                return .array(items)
            }
        }
    }

    private mutating func parseString() throws(ScenarioError) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw fail("a control character (such as a line break) inside a string",
                           "close the string on the same line, or write \\n")
            }
            position += 1
        }
        var buffer = Array(bytes[start..<position])
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if b < 0x20 {
                throw fail("a control character (such as a line break) inside a string",
                           "close the string on the same line, or write \\n")
            }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else {
                        throw fail("a lone UTF-16 surrogate in a \\u escape", "write the character itself")
                    }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("a lone UTF-16 surrogate in a \\u escape", "write the character itself")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a lone UTF-16 surrogate in a \\u escape", "write the character itself")
                }
                buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                position -= 1
                throw fail("unknown escape '\\\(describeCurrent().trimmingQuotes)' in a string",
                           "use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
            }
        }
        throw fail("the document ends inside a string", "close the string with '\"'")
    }

    private mutating func hex4() throws(ScenarioError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count, let digit = hexDigit(bytes[position]) else {
                throw fail("a \\u escape needs four hexadecimal digits", "write \\u followed by four digits, e.g. \\u00e9")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func parseNumber() throws(ScenarioError) -> Value {
        let start = position
        guard let length = numberLength(bytes, from: position) else {
            if bytes[position] == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "I") {
                throw fail("JSON has no NaN or Infinity", "write a finite number")
            }
            throw fail("malformed number", "write numbers like 12, -3, 0.5 or 1e3 (no leading zeros, no '+')")
        }
        position += length
        if position < bytes.count, isIdentifierByte(bytes[position]) {
            throw fail("malformed number", "write numbers like 12, -3, 0.5 or 1e3 (no leading zeros, no '+')")
        }
        return numberValue(String(decoding: bytes[start..<position], as: UTF8.self))
    }
}

private extension String {
    var trimmingQuotes: String {
        count >= 2 && first == "'" && last == "'" ? String(dropFirst().dropLast()) : self
    }
}

private func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
        || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
}

/// The length of a JSON number starting at `start` (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or nil.
func numberLength(_ bytes: [UInt8], from start: Int) -> Int? {
    var i = start
    func at(_ k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 48 && $0 <= 57 } ?? false }
    if at(i) == UInt8(ascii: "-") { i += 1 }
    if at(i) == UInt8(ascii: "0") {
        i += 1
        if isDigit(at(i)) { return nil }
    } else if isDigit(at(i)) {
        while isDigit(at(i)) { i += 1 }
    } else {
        return nil
    }
    if at(i) == UInt8(ascii: ".") {
        i += 1
        guard isDigit(at(i)) else { return nil }
        while isDigit(at(i)) { i += 1 }
    }
    if at(i) == UInt8(ascii: "e") || at(i) == UInt8(ascii: "E") {
        i += 1
        if at(i) == UInt8(ascii: "+") || at(i) == UInt8(ascii: "-") { i += 1 }
        guard isDigit(at(i)) else { return nil }
        while isDigit(at(i)) { i += 1 }
    }
    return i - start
}

/// `.int` for a plain integer that fits, `.double` otherwise (infinite when out of range; the walker rejects it).
func numberValue(_ text: String) -> Value {
    if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let int = Int(text) {
        return .int(int)
    }
    return .double(Double(text) ?? .nan)
}
