import LinearModel

enum Format {
    /// A number for people: integers without ".0", others to 10 significant digits.
    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        guard value.isFinite else { return "\(value)" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.10g", value)
        if text.contains("e") == false, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }

    static func percent(_ gap: Double?) -> String {
        guard let gap else { return "-" }
        if gap == 0 { return "0%" }
        return String(format: "%.4g%%", gap * 100)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
}
