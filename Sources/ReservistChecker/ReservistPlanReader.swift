import StrictJSON
import Foundation
import ReservistScenario

/// A reservist plan that cannot be read (see `JSONDocumentError`).
public typealias ReservistPlanError = JSONDocumentError

/// Reads `continuum-reservist-plan/1` (docs/reservist-format.md). Strict: unknown fields,
/// wrong types, malformed dates, days of a call-up not ascending, and negative or fractional
/// counts are errors, so that a typo cannot silently drop part of a plan.
public enum ReservistPlanReader {
    public static func read(path: String) throws(ReservistPlanError) -> ReservistPlan {
        let root = try JSONDocument.load(path: path)
        return try PlanDecoder(file: path).plan(root)
    }

    public static func parse(data: Data, fileName: String) throws(ReservistPlanError) -> ReservistPlan {
        let root = try JSONDocument.parse(data: data, fileName: fileName)
        return try PlanDecoder(file: fileName).plan(root)
    }
}

/// Walks the parsed tree with the JSON path of each value for error messages.
private struct PlanDecoder {
    let file: String

    func fail(_ path: String, _ message: String) -> ReservistPlanError {
        ReservistPlanError(file: file, path: path, message: message)
    }

    struct Object {
        let decoder: PlanDecoder
        let path: String
        let fields: [String: JSONValue]

        func fieldPath(_ key: String) -> String { path + JSONPath.member(key) }

        func value(_ key: String) throws(ReservistPlanError) -> JSONValue {
            guard let value = fields[key] else { throw decoder.fail(fieldPath(key), "required field is missing") }
            return value
        }

        func string(_ key: String) throws(ReservistPlanError) -> String {
            let value = try value(key)
            guard case .string(let text) = value else {
                throw decoder.fail(fieldPath(key), "expected a string, found \(value.typeName)")
            }
            return text
        }

        func id(_ key: String) throws(ReservistPlanError) -> String {
            let text = try string(key)
            guard !text.isEmpty else { throw decoder.fail(fieldPath(key), "must not be empty") }
            return text
        }

        func optionalString(_ key: String) throws(ReservistPlanError) -> String? {
            guard let value = fields[key] else { return nil }
            switch value {
            case .null: return nil
            case .string(let text): return text
            default: throw decoder.fail(fieldPath(key), "expected a string or null, found \(value.typeName)")
            }
        }

        func number(_ key: String) throws(ReservistPlanError) -> Double {
            let value = try value(key)
            guard case .number(let number) = value else {
                throw decoder.fail(fieldPath(key), "expected a number, found \(value.typeName)")
            }
            return number
        }

        func optionalNumber(_ key: String) throws(ReservistPlanError) -> Double? {
            guard let value = fields[key] else { return nil }
            switch value {
            case .null: return nil
            case .number(let number): return number
            default: throw decoder.fail(fieldPath(key), "expected a number or null, found \(value.typeName)")
            }
        }

        func count(_ key: String) throws(ReservistPlanError) -> Int {
            let number = try number(key)
            guard number >= 0, number == number.rounded(), number <= 1e12 else {
                throw decoder.fail(fieldPath(key), "expected a whole number >= 0, found \(number)")
            }
            return Int(number)
        }

        func date(_ key: String) throws(ReservistPlanError) -> CivilDate {
            try decoder.date(value(key), at: fieldPath(key))
        }

        func array(_ key: String) throws(ReservistPlanError) -> [(path: String, value: JSONValue)] {
            let value = try value(key)
            guard case .array(let elements) = value else {
                throw decoder.fail(fieldPath(key), "expected an array, found \(value.typeName)")
            }
            let base = fieldPath(key)
            return elements.enumerated().map { ("\(base)[\($0.offset)]", $0.element) }
        }
    }

    func date(_ value: JSONValue, at path: String) throws(ReservistPlanError) -> CivilDate {
        guard case .string(let text) = value else { throw fail(path, "expected a date string, found \(value.typeName)") }
        guard let date = CivilDate(text) else { throw fail(path, "\"\(text)\" is not a date YYYY-MM-DD") }
        return date
    }

    func object(_ value: JSONValue, at path: String, allowed: [String]) throws(ReservistPlanError) -> Object {
        guard case .object(let pairs) = value else { throw fail(path, "expected an object, found \(value.typeName)") }
        var fields: [String: JSONValue] = [:]
        for (key, value) in pairs {
            guard allowed.contains(key) else {
                throw fail(path + JSONPath.member(key), "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
            }
            fields[key] = value
        }
        return Object(decoder: self, path: path, fields: fields)
    }

    func plan(_ root: JSONValue) throws(ReservistPlanError) -> ReservistPlan {
        let top = try object(root, at: "$", allowed: [
            "format", "scenario", "status", "objective", "bound", "gap", "totals", "callups", "coverage",
        ])
        let format = try top.string("format")
        guard format == ReservistPlan.format else {
            throw fail(top.fieldPath("format"), "expected \"\(ReservistPlan.format)\", found \"\(format)\"")
        }
        let scenario = try top.optionalString("scenario")
        let status = try top.id("status")
        let objective = try top.number("objective")
        let bound = try top.optionalNumber("bound")
        let gap = try top.optionalNumber("gap")
        let t = try object(top.value("totals"), at: top.fieldPath("totals"), allowed: [
            "pay", "travel", "fairness", "shortfall", "daysCalled", "reservistsUsed", "capUse", "missingDays", "continuity",
        ])
        let totals = ReservistPlan.Totals(
            pay: try t.number("pay"), travel: try t.number("travel"), fairness: try t.number("fairness"),
            shortfall: try t.number("shortfall"), daysCalled: try t.count("daysCalled"),
            reservistsUsed: try t.count("reservistsUsed"), capUse: try t.optionalNumber("capUse"),
            missingDays: try t.count("missingDays"), continuity: try t.optionalNumber("continuity"))

        var callups: [ReservistPlan.Callup] = []
        for (path, value) in try top.array("callups") {
            let fields = try object(value, at: path, allowed: ["reservist", "mission", "days"])
            let reservist = try fields.id("reservist"), mission = try fields.id("mission")
            let elements = try fields.array("days")
            guard !elements.isEmpty else { throw fail(fields.fieldPath("days"), "a call-up needs at least one day") }
            var days: [CivilDate] = []
            days.reserveCapacity(elements.count)
            for (dayPath, element) in elements {
                let day = try date(element, at: dayPath)
                if let previous = days.last, day <= previous {
                    throw fail(dayPath, "\(day) does not follow \(previous): days are ascending, without repeats")
                }
                days.append(day)
            }
            callups.append(ReservistPlan.Callup(reservist: reservist, mission: mission, days: days))
        }

        var coverage: [ReservistPlan.CoverageEntry] = []
        for (path, value) in try top.array("coverage") {
            let fields = try object(value, at: path, allowed: ["department", "date", "needed", "covered", "missing"])
            coverage.append(ReservistPlan.CoverageEntry(
                department: try fields.id("department"), date: try fields.date("date"), needed: try fields.count("needed"),
                covered: try fields.count("covered"), missing: try fields.count("missing")))
        }
        return ReservistPlan(scenario: scenario, status: status, objective: objective, bound: bound, gap: gap,
                             totals: totals, callups: callups, coverage: coverage)
    }
}
