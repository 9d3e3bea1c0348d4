import Engine
import LinearModel

/// The `lp solve` report, as text or JSON. Nothing time-dependent appears
/// unless asked for, so equal inputs give byte-identical reports.
enum LPReport {
    static func text(file: String, model: LinearModel, result: SolveResult, showValues: Bool) -> String {
        let integers = model.columnIsInteger.filter { $0 }.count
        var lines = [
            "file:       \(file)",
            "model:      \(model.rowCount) rows, \(model.columnCount) columns (\(integers) integer), "
                + "\(model.nonzeroCount) nonzeros, \(model.sense.rawValue)",
            "status:     \(result.termination.rawValue)",
            "point:      \(result.point.rawValue)",
            "objective:  \(Format.number(result.objective))",
            "bound:      \(Format.number(result.bound))",
            "gap:        \(Format.percent(result.gap))",
        ]
        if model.hasIntegerColumns { lines.append("nodes:      \(result.nodes)") }
        if let detail = result.detail { lines.append("note:       \(detail)") }
        if showValues, result.point != .none {
            lines.append("values (nonzero):")
            for j in 0..<model.columnCount where result.values[j] != 0 {
                lines.append("  \(model.name(of: ColumnID(j))) = \(Format.number(result.values[j]))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(file: String, model: LinearModel, result: SolveResult, timing: Bool) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("file", file)
        json.field("status", result.termination.rawValue)
        json.field("point", result.point.rawValue)
        json.field("sense", model.sense.rawValue)
        json.field("objective", result.objective)
        json.field("bound", result.bound)
        json.field("gap", result.gap)
        if timing { json.field("seconds", result.seconds) }
        json.field("nodes", result.nodes)
        json.field("rows", model.rowCount)
        json.field("columns", model.columnCount)
        json.field("nonzeros", model.nonzeroCount)
        if let detail = result.detail { json.field("note", detail) }
        json.beginObject("values")
        if result.point != .none {
            for j in 0..<model.columnCount {
                json.field(model.name(of: ColumnID(j)), result.values[j])
            }
        }
        json.endObject()
        json.endObject()
        return json.text
    }
}
