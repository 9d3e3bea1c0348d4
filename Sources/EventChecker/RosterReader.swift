import StrictJSON
import EventScenario
import Foundation

/// A roster that cannot be read (see `JSONDocumentError`).
public typealias RosterError = JSONDocumentError

/// Reads `continuum-roster/1` (docs/roster-format.md). Strict: unknown fields,
/// wrong types, times without an offset or with fractional seconds, and
/// negative counts are errors, so that a typo cannot silently drop part of a plan.
public enum RosterReader {
    public static func read(path: String) throws(RosterError) -> Roster {
        let root = try JSONDocument.load(path: path)
        let decoder = Decoder(file: path)
        return try decoder.roster(root)
    }

    public static func parse(data: Data, fileName: String) throws(RosterError) -> Roster {
        let root = try JSONDocument.parse(data: data, fileName: fileName)
        let decoder = Decoder(file: fileName)
        return try decoder.roster(root)
    }
}

/// Walks the parsed tree with the JSON path of each value for error messages.
private struct Decoder {
    let file: String

    func fail(_ path: String, _ message: String) -> RosterError {
        RosterError(file: file, path: path, message: message)
    }

    struct Object {
        let decoder: Decoder
        let path: String
        let fields: [String: JSONValue]

        func fieldPath(_ key: String) -> String { path + JSONPath.member(key) }

        func value(_ key: String) throws(RosterError) -> JSONValue {
            guard let value = fields[key] else { throw decoder.fail(fieldPath(key), "required field is missing") }
            return value
        }

        func string(_ key: String) throws(RosterError) -> String {
            let value = try value(key)
            guard case .string(let text) = value else {
                throw decoder.fail(fieldPath(key), "expected a string, found \(value.typeName)")
            }
            return text
        }

        func id(_ key: String) throws(RosterError) -> String {
            let text = try string(key)
            guard !text.isEmpty else { throw decoder.fail(fieldPath(key), "must not be empty") }
            return text
        }

        func optionalString(_ key: String) throws(RosterError) -> String? {
            guard let value = fields[key] else { return nil }
            switch value {
            case .null: return nil
            case .string(let text): return text
            default: throw decoder.fail(fieldPath(key), "expected a string or null, found \(value.typeName)")
            }
        }

        func optionalID(_ key: String) throws(RosterError) -> String? {
            let text = try optionalString(key)
            if text == "" { throw decoder.fail(fieldPath(key), "must not be empty (use null)") }
            return text
        }

        func number(_ key: String) throws(RosterError) -> Double {
            let value = try value(key)
            guard case .number(let number) = value else {
                throw decoder.fail(fieldPath(key), "expected a number, found \(value.typeName)")
            }
            return number
        }

        func optionalNumber(_ key: String) throws(RosterError) -> Double? {
            guard let value = fields[key] else { return nil }
            switch value {
            case .null: return nil
            case .number(let number): return number
            default: throw decoder.fail(fieldPath(key), "expected a number or null, found \(value.typeName)")
            }
        }

        func count(_ key: String) throws(RosterError) -> Int {
            let number = try number(key)
            guard number >= 0, number == number.rounded(), number <= 1e9 else {
                throw decoder.fail(fieldPath(key), "expected a whole number >= 0, found \(number)")
            }
            return Int(number)
        }

        func timestamp(_ key: String) throws(RosterError) -> Timestamp {
            let text = try string(key)
            guard let time = Timestamp(iso8601: text) else {
                throw decoder.fail(fieldPath(key), "\"\(text)\" is not an ISO 8601 time with an offset")
            }
            guard !text.contains(".") else {
                throw decoder.fail(fieldPath(key), "\"\(text)\" has fractional seconds; times lie on the slot grid")
            }
            return time
        }

        func array(_ key: String) throws(RosterError) -> [(path: String, value: JSONValue)] {
            let value = try value(key)
            guard case .array(let elements) = value else {
                throw decoder.fail(fieldPath(key), "expected an array, found \(value.typeName)")
            }
            let base = fieldPath(key)
            return elements.enumerated().map { ("\(base)[\($0.offset)]", $0.element) }
        }

        func ids(_ key: String) throws(RosterError) -> [String] {
            var result: [String] = []
            for (path, element) in try array(key) {
                guard case .string(let text) = element, !text.isEmpty else {
                    throw decoder.fail(path, "expected a non-empty string, found \(element.typeName)")
                }
                result.append(text)
            }
            return result
        }
    }

    func object(_ value: JSONValue, at path: String, allowed: [String]) throws(RosterError) -> Object {
        guard case .object(let pairs) = value else { throw fail(path, "expected an object, found \(value.typeName)") }
        var fields: [String: JSONValue] = [:]
        for (key, value) in pairs {
            guard allowed.contains(key) else {
                throw fail(path + JSONPath.member(key),
                           "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
            }
            fields[key] = value
        }
        return Object(decoder: self, path: path, fields: fields)
    }

    func roster(_ root: JSONValue) throws(RosterError) -> Roster {
        let top = try object(root, at: "$", allowed: [
            "format", "scenario", "status", "objective", "bound", "gap", "cost", "assignments", "patrols", "shortfalls",
        ])
        let format = try top.string("format")
        guard format == Roster.format else {
            throw fail(top.fieldPath("format"), "expected \"\(Roster.format)\", found \"\(format)\"")
        }
        let scenario = try top.optionalString("scenario")
        let status = try top.id("status")
        let objective = try top.number("objective")
        let bound = try top.optionalNumber("bound")
        let gap = try top.optionalNumber("gap")
        var cost: Roster.Cost?
        if let value = top.fields["cost"], !isNull(value) {
            let fields = try object(value, at: top.fieldPath("cost"), allowed: ["staff", "shortfall"])
            cost = Roster.Cost(staff: try fields.number("staff"), shortfall: try fields.number("shortfall"))
        }
        var assignments: [Roster.Assignment] = []
        for (path, value) in try top.array("assignments") {
            let fields = try object(value, at: path, allowed: ["person", "zone", "role", "start", "end", "patrol", "breaks"])
            var breaks: [Roster.Break] = []
            if fields.fields["breaks"] != nil {
                for (breakPath, item) in try fields.array("breaks") {
                    let span = try object(item, at: breakPath, allowed: ["start", "end"])
                    breaks.append(Roster.Break(start: try span.timestamp("start"), end: try span.timestamp("end")))
                }
            }
            assignments.append(Roster.Assignment(
                person: try fields.id("person"), zone: try fields.id("zone"), role: try fields.id("role"),
                start: try fields.timestamp("start"), end: try fields.timestamp("end"),
                patrol: try fields.optionalID("patrol"), breaks: breaks))
        }
        var patrols: [Roster.Patrol] = []
        for (path, value) in try top.array("patrols") {
            let fields = try object(value, at: path, allowed: [
                "id", "zone", "template", "radio", "start", "end", "members", "leader",
            ])
            patrols.append(Roster.Patrol(
                id: try fields.id("id"), zone: try fields.id("zone"), template: try fields.id("template"),
                radio: try fields.id("radio"), start: try fields.timestamp("start"), end: try fields.timestamp("end"),
                members: try fields.ids("members"), leader: try fields.id("leader")))
        }
        var shortfalls: [Roster.Shortfall] = []
        for (path, value) in try top.array("shortfalls") {
            let fields = try object(value, at: path, allowed: ["zone", "requirement", "start", "end", "missing", "reason"])
            shortfalls.append(Roster.Shortfall(
                zone: try fields.id("zone"), requirement: try fields.id("requirement"),
                start: try fields.timestamp("start"), end: try fields.timestamp("end"),
                missing: try fields.count("missing"), reason: try fields.optionalString("reason")))
        }
        return Roster(scenario: scenario, status: status, objective: objective, bound: bound, gap: gap, cost: cost,
                      assignments: assignments, patrols: patrols, shortfalls: shortfalls)
    }

    private func isNull(_ value: JSONValue) -> Bool {
        if case .null = value { return true }
        return false
    }
}
