/// A minimal JSON writer whose output depends only on the calls made: keys
/// stay in the order written and numbers use one fixed formatting, so equal
/// inputs give byte-identical files.
public struct JSONWriter {
    /// The document so far, as UTF-8 (bytes are appended: building a large plan as a String was slow).
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    /// "\n" and two spaces per level, for each depth met so far.
    private var indents: [[UInt8]] = [[10]]

    public init() {}

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func field(_ key: String, _ value: String?) {
        prefix(key)
        if let value { Self.appendQuoted(value, to: &bytes) } else { append("null") }
    }

    public mutating func field(_ key: String, _ value: Double?) {
        prefix(key)
        append(value.map(Self.number) ?? "null")
    }

    public mutating func field(_ key: String, _ value: Int) {
        prefix(key)
        append(String(value))
    }

    public mutating func field(_ key: String, _ value: Bool) {
        prefix(key)
        append(value ? "true" : "false")
    }

    /// An element of the enclosing array.
    public mutating func element(_ value: String) {
        prefix(nil)
        Self.appendQuoted(value, to: &bytes)
    }

    public mutating func element(_ value: Double) {
        prefix(nil)
        append(Self.number(value))
    }

    private mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        prefix(key)
        bytes.append(bracket)
        needsComma.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadContent = needsComma.removeLast()
        if hadContent { newLine(depth: needsComma.count - 1) }
        bytes.append(bracket)
        if needsComma.count == 1 { bytes.append(10) }
    }

    /// A line break and the indentation of `depth` levels.
    private mutating func newLine(depth: Int) {
        while indents.count <= depth { indents.append(indents[indents.count - 1] + [32, 32]) }
        bytes.append(contentsOf: indents[depth])
    }

    private mutating func prefix(_ key: String?) {
        if needsComma.count > 1 {
            if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
            newLine(depth: needsComma.count - 1)
            needsComma[needsComma.count - 1] = true
        }
        if let key {
            Self.appendQuoted(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(32)
        }
    }

    /// Numbers: integers without a fraction, others in Swift's shortest
    /// round-trip form; NaN and infinities (not JSON) as null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Appends the string in quotes, escaping quote, backslash and control characters (other
    /// bytes, UTF-8 sequences included, are copied as they are).
    private static func appendQuoted(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case 10: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 13: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 9: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 15)])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
