/// A minimal JSON writer whose output depends only on the calls made: keys
/// stay in the order written and numbers use one fixed formatting, so equal
/// inputs give byte-identical files.
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit = "  "

    public init() {}

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func field(_ key: String, _ value: String?) {
        prefix(key)
        text += value.map(Self.quote) ?? "null"
    }

    public mutating func field(_ key: String, _ value: Double?) {
        prefix(key)
        text += value.map(Self.number) ?? "null"
    }

    public mutating func field(_ key: String, _ value: Int) {
        prefix(key)
        text += String(value)
    }

    public mutating func field(_ key: String, _ value: Bool) {
        prefix(key)
        text += value ? "true" : "false"
    }

    /// An element of the enclosing array.
    public mutating func element(_ value: String) {
        prefix(nil)
        text += Self.quote(value)
    }

    public mutating func element(_ value: Double) {
        prefix(nil)
        text += Self.number(value)
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        prefix(key)
        text += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadContent = needsComma.removeLast()
        if hadContent { text += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        text += bracket
        if needsComma.count == 1 { text += "\n" }
    }

    private mutating func prefix(_ key: String?) {
        if needsComma.count > 1 {
            text += needsComma[needsComma.count - 1] ? ",\n" : "\n"
            text += String(repeating: indentUnit, count: needsComma.count - 1)
            needsComma[needsComma.count - 1] = true
        }
        if let key { text += Self.quote(key) + ": " }
    }

    /// Numbers: integers without a fraction, others in Swift's shortest
    /// round-trip form; NaN and infinities (not JSON) as null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    public static func quote(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
