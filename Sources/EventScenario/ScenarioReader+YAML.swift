import StrictJSON
import Foundation
import Yams

/// Turns YAML into the same generic tree as JSON. Yams composes the node tree; scalars are then
/// typed here with the YAML 1.2 core schema (so `yes`, `on` and `13:00` stay strings, and times
/// keep their offsets: Yams' own constructor would turn them into offset-less `Date`s).
enum YAMLReader {
    static func parse(_ text: String, file: String) throws(ScenarioError) -> Value {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text, file: file)
        } catch {
            throw ScenarioError(file: file, location: "line 1", problem: "YAML error: \(error)",
                                fix: "check the file is valid YAML")
        }
        guard let root else {
            throw ScenarioError(file: file, location: "line 1", problem: "the document has no content",
                                fix: "write the scenario (see docs/scenario-format.md)")
        }
        var converter = Converter(file: file, budget: 2 * text.utf8.count + 16)
        return try converter.convert(root, depth: 1)
    }

    private struct Converter {
        let file: String
        /// Values left to create: a document that expands (through aliases) to more values than
        /// it has characters is refused rather than walked for hours.
        var budget: Int
        /// The furthest line reached: an aliased node keeps the line of its anchor, so a budget
        /// overrun is reported where the expansion happens.
        var furthestLine = 1

        mutating func convert(_ node: Node, depth: Int) throws(ScenarioError) -> Value {
            budget -= 1
            if let mark = node.mark, mark.line > furthestLine { furthestLine = mark.line }
            if budget < 0 {
                throw ScenarioError(file: file, location: "line \(furthestLine)",
                                    problem: "the document expands to more values than it has characters (YAML aliases)",
                                    fix: "write the values out instead of repeating anchors with '*'")
            }
            switch node {
            case .scalar(let scalar):
                return try typed(scalar)
            case .sequence(let sequence):
                try check(depth, node)
                var items: [Value] = []
                items.reserveCapacity(sequence.count)
                for item in sequence {
                    items.append(try convert(item, depth: depth + 1))
                }
                return .array(items)
            case .mapping(let mapping):
                try check(depth, node)
                var fields: [(key: String, value: Value)] = []
                fields.reserveCapacity(mapping.count)
                for (key, value) in mapping {
                    guard case .scalar(let keyScalar) = key else {
                        throw ScenarioError(file: file, location: line(of: key),
                                            problem: "a field name that is not plain text",
                                            fix: "field names are words such as 'id' or 'corps'")
                    }
                    fields.append((keyScalar.string, try convert(value, depth: depth + 1)))
                }
                return .object(fields)
            case .alias:
                throw ScenarioError(file: file, location: line(of: node), problem: "an unresolved YAML alias",
                                    fix: "write the value out")
            }
        }

        private func check(_ depth: Int, _ node: Node) throws(ScenarioError) {
            if depth > maximumDepth {
                throw ScenarioError(file: file, location: line(of: node),
                                    problem: "the document is nested deeper than \(maximumDepth) levels",
                                    fix: "a scenario needs fewer than 10 levels; flatten the data")
            }
        }

        private func line(of node: Node) -> String {
            node.mark.map { "line \($0.line)" } ?? "line 1"
        }

        private func typed(_ scalar: Node.Scalar) throws(ScenarioError) -> Value {
            let text = scalar.string
            let location = scalar.mark.map { "line \($0.line)" } ?? "line 1"
            // The tag as written: "" when none (plain), the str tag for quoted and block scalars.
            switch scalar.tag.description {
            case "":
                return scalar.style == .plain || scalar.style == .any ? coreSchema(text) : .string(text)
            case "!", "tag:yaml.org,2002:str":
                return .string(text)
            case "tag:yaml.org,2002:null":
                guard case .null = coreSchema(text) else { break }
                return .null
            case "tag:yaml.org,2002:bool":
                guard case .bool(let b) = coreSchema(text) else { break }
                return .bool(b)
            case "tag:yaml.org,2002:int":
                guard case .int(let i) = coreSchema(text) else { break }
                return .int(i)
            case "tag:yaml.org,2002:float":
                switch coreSchema(text) {
                case .int(let i): return .double(Double(i))
                case .double(let d): return .double(d)
                default: break
                }
            default:
                throw ScenarioError(file: file, location: location,
                                    problem: "unsupported YAML tag \(quoted(scalar.tag.description))",
                                    fix: "remove the tag")
            }
            throw ScenarioError(file: file, location: location,
                                problem: "\(quoted(text)) does not match its tag \(quoted(scalar.tag.description))",
                                fix: "remove the tag or correct the value")
        }
    }

    /// YAML 1.2 core schema for a plain scalar.
    static func coreSchema(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (first >= 48 && first <= 57) else { return .string(text) }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"), bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            let radix = bytes[1] == UInt8(ascii: "x") ? 16 : 8
            if let value = Int(String(text.dropFirst(2)), radix: radix), !text.dropFirst(2).contains(where: { $0 == "+" || $0 == "-" }) {
                return .int(value)
            }
            return .string(text)
        }
        // [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE][-+]?[0-9]+ )?
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < bytes.count && bytes[k] >= 48 && bytes[k] <= 57 }
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") { i += 1 }
        var isInteger = true
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard isDigit(i) else { return .string(text) }
            while isDigit(i) { i += 1 }
        } else {
            guard isDigit(i) else { return .string(text) }
            while isDigit(i) { i += 1 }
            if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
                isInteger = false
                i += 1
                while isDigit(i) { i += 1 }
            }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
            guard isDigit(i) else { return .string(text) }
            while isDigit(i) { i += 1 }
        }
        guard i == bytes.count else { return .string(text) }
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if isInteger, let int = Int(digits) { return .int(int) }
        return .double(Double(digits) ?? .nan)
    }

    private static func syntaxError(_ error: YamlError, text: String, file: String) -> ScenarioError {
        let fix = "check the indentation (spaces, not tabs), the colons and the quoting near this line"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let during = context.map { ", \($0.text)" } ?? ""
            let tooDeep = problem.contains("Maximum nesting level")
            return ScenarioError(
                file: file, location: "line \(mark.line)",
                problem: tooDeep ? "the document is nested deeper than \(maximumDepth) levels"
                    : "YAML syntax error: \(problem)\(during) (column \(mark.column))",
                fix: tooDeep ? "a scenario needs fewer than 10 levels; flatten the data" : fix)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(file: file, location: "line \(context.mark.line)",
                                 problem: "duplicate field \(duplicates.map { quoted($0) }.joined(separator: ", ")) in one mapping",
                                 fix: "keep only one of them")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { n in 1 + text.prefix(n).unicodeScalars.lazy.filter { $0 == "\n" }.count } ?? 1
            return ScenarioError(file: file, location: "line \(line)", problem: "unreadable YAML: \(problem)",
                                 fix: "save the file as UTF-8 text without control characters")
        default:
            return ScenarioError(file: file, location: "line 1", problem: "YAML error: \(error)", fix: fix)
        }
    }
}
