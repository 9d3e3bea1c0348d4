import StrictJSON
import Foundation

/// A parsed JSON value. Objects keep their fields in file order, repeated names included, so
/// that the reader can refuse duplicates (Foundation's JSONSerialization on Linux keeps the last
/// of two equal names silently, and accepts trailing commas).
enum JSONValue {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// "a string", "an array", ... for messages.
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .int(let i): return "a number (\(i))"
        case .double(let d): return "a number (\(formatNumber(d)))"
        case .string(let s): return "a string (\(quoted(s, limit: 30)))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One step of a JSON path.
enum JSONPathStep {
    case key(String)
    case index(Int)
}

/// A syntax error: where (byte offset, and the path of the value being read), what, what to do.
struct JSONSyntaxError: Error {
    var offset: Int
    var problem: String
    var fix: String
    /// Innermost step first (filled in while the recursion unwinds).
    var steps: [JSONPathStep] = []
}

/// A strict RFC 8259 parser over UTF-8 bytes that were already validated: no comments, no trailing
/// commas, no NaN or Infinity, no leading zeros, at most `maximumDepth` nested arrays and objects.
struct JSONParser {
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses a whole document (one value, surrounded by optional whitespace).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        guard parser.position < bytes.count else {
            throw JSONSyntaxError(offset: parser.position, problem: "the file holds no JSON value (only whitespace)",
                                  fix: "write the scenario object { \"format\": \"continuum-reservists/1\", ... }")
        }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw JSONSyntaxError(offset: parser.position, problem: "unexpected \(parser.describeHere()) after the end of the JSON value",
                                  fix: "remove it: the file must hold exactly one JSON object")
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func describeHere() -> String {
        guard position < bytes.count else { return "end of file" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F { return "character '\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "control character 0x\(String(b, radix: 16, uppercase: true))" }
        return "non-ASCII character"
    }

    private func fail(_ problem: String, _ fix: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, problem: problem, fix: fix)
    }

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else {
            throw fail("the file ends where a value was expected", "complete the JSON (a value is missing)")
        }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw fail("NaN and Infinity are not JSON numbers", "write a finite number")
        case UInt8(ascii: "'"):
            throw fail("single quotes are not JSON", "write strings in double quotes")
        default:
            throw fail("unexpected \(describeHere()) where a value was expected",
                       "write a string, number, true, false, null, array or object")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        guard position + count <= bytes.count else {
            throw fail("unexpected word where a value was expected", "write true, false or null (lowercase), or quote the text")
        }
        for i in 0..<count where bytes[position + i] != start[i] {
            throw fail("unexpected word where a value was expected", "write true, false or null (lowercase), or quote the text")
        }
        position += count
        // A literal must end at a delimiter ("truex" is not JSON).
        if position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
            default:
                throw fail("unexpected \(describeHere()) after \(word)", "separate values with commas")
            }
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > Self.maximumDepth {
            throw fail("arrays and objects are nested more than \(Self.maximumDepth) levels deep",
                       "flatten the file: a scenario needs at most 4 levels")
        }
        position += 1
        var pairs: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(pairs)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
                    throw fail("trailing comma before '}'", "remove the last comma of the object")
                }
                throw fail("expected a field name in double quotes, found \(describeHere())",
                           "write \"name\": value, with the name in double quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                var error = fail("expected ':' after the field name, found \(describeHere())", "write \"name\": value")
                error.steps.append(.key(key))
                throw error
            }
            position += 1
            skipWhitespace()
            let value: JSONValue
            do {
                value = try parseValue(depth: depth)
            } catch {
                var error = error
                error.steps.append(.key(key))
                throw error
            }
            pairs.append((key, value))
            skipWhitespace()
            guard position < bytes.count else {
                throw fail("the file ends inside an object", "close the object with '}'")
            }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(pairs)
            default:
                var error = fail("expected ',' or '}' after a field, found \(describeHere())",
                                 "separate fields with commas and close the object with '}'")
                error.steps.append(.key(key))
                throw error
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > Self.maximumDepth {
            throw fail("arrays and objects are nested more than \(Self.maximumDepth) levels deep",
                       "flatten the file: a scenario needs at most 4 levels")
        }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
                throw fail("trailing comma before ']'", "remove the last comma of the list")
            }
            do {
                items.append(try parseValue(depth: depth))
            } catch {
                var error = error
                error.steps.append(.index(items.count))
                throw error
            }
            skipWhitespace()
            guard position < bytes.count else {
                throw fail("the file ends inside a list", "close the list with ']'")
            }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(items)
            default:
                var error = fail("expected ',' or ']' after a list item, found \(describeHere())",
                                 "separate items with commas and close the list with ']'")
                error.steps.append(.index(items.count - 1))
                throw error
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw fail("control character 0x\(String(b, radix: 16, uppercase: true)) inside a string",
                           "write it escaped (\\n, \\t, \\u00XX) or remove it")
            }
            position += 1
        }
        guard position < bytes.count else {
            throw JSONSyntaxError(offset: start - 1, problem: "the string that starts here is never closed", fix: "add the closing double quote")
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if b < 0x20 {
                throw fail("control character 0x\(String(b, radix: 16, uppercase: true)) inside a string",
                           "write it escaped (\\n, \\t, \\u00XX) or remove it")
            }
            if b != UInt8(ascii: "\\") {
                buffer.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
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
                        throw fail("unpaired UTF-16 surrogate in a \\u escape", "write the character itself, or a valid surrogate pair")
                    }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("unpaired UTF-16 surrogate in a \\u escape", "write the character itself, or a valid surrogate pair")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("unpaired UTF-16 surrogate in a \\u escape", "write the character itself, or a valid surrogate pair")
                }
                buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                position -= 1
                throw fail("invalid escape '\\\(describeHere())' in a string", "use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
        }
        throw JSONSyntaxError(offset: start - 1, problem: "the string that starts here is never closed", fix: "add the closing double quote")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw fail("incomplete \\u escape", "write four hexadecimal digits after \\u") }
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("incomplete \\u escape", "write four hexadecimal digits after \\u")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func isDigit(_ i: Int) -> Bool {
        i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9")
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
            guard isDigit(position) else {
                if position < bytes.count && bytes[position] == UInt8(ascii: "I") {
                    throw fail("NaN and Infinity are not JSON numbers", "write a finite number")
                }
                throw fail("'-' is not followed by a digit", "write a number such as -3 or -0.5")
            }
        }
        var integral = true
        var magnitude: UInt64 = 0
        var digits = 0
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { throw fail("numbers must not have leading zeros", "write 7, not 07") }
        } else {
            while isDigit(position) {
                if digits < 18 { magnitude = magnitude * 10 + UInt64(bytes[position] - UInt8(ascii: "0")) }
                digits += 1
                position += 1
            }
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            guard isDigit(position) else { throw fail("a decimal point must be followed by digits", "write 1.5 or 1, not 1.") }
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            integral = false
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard isDigit(position) else { throw fail("an exponent must have digits", "write 1e5, not 1e") }
            while isDigit(position) { position += 1 }
        }
        if integral && digits <= 18 {
            let value = Int(magnitude)
            return .int(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            position = start
            throw fail("the number \(text.prefix(40)) is too large", "write a number of sensible size")
        }
        return .double(value)
    }
}

/// `12` rather than `12.0`; otherwise Swift's shortest round-trip form.
func formatNumber(_ d: Double) -> String {
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return "\(d)"
}
