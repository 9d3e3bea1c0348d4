import StrictJSON
/// Why a reservist scenario could not be read: which file, where in it (a JSON path such as
/// `$.reservists[3].home.lat`), what is wrong and what to do.
///
/// `description` is one line: `file: $.json.path: problem; what to do`. Syntax errors carry the
/// path of the value being read and give the line and column in `problem`.
public struct ReservistInputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file, as it was named to the reader.
    public var file: String
    /// A JSON path: `$` for the whole file, `$.missions[2].needed[4]` for a value in it.
    public var path: String
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(file: String, path: String, problem: String, fix: String) {
        self.file = file
        self.path = path
        self.problem = problem
        self.fix = fix
    }

    /// `file: path: problem; fix`, always on one line.
    public var description: String { singleLine("\(file): \(path): \(problem); \(fix)") }
}



/// A JSON path, kept as a chain and rendered only for a message.
indirect enum JSONPath {
    case root
    case key(JSONPath, String)
    case index(JSONPath, Int)

    var text: String {
        switch self {
        case .root: return "$"
        case .key(let parent, let key): return parent.text + Self.component(key)
        case .index(let parent, let i): return parent.text + "[\(i)]"
        }
    }

    func appending(_ steps: [JSONPathStep]) -> JSONPath {
        var path = self
        for step in steps {
            switch step {
            case .key(let key): path = .key(path, key)
            case .index(let i): path = .index(path, i)
            }
        }
        return path
    }

    /// `.name` for a plain name, `["odd name"]` otherwise.
    static func component(_ key: String) -> String {
        var plain = !key.isEmpty
        for (i, b) in key.utf8.enumerated() {
            let letter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
            let digit = b >= 0x30 && b <= 0x39
            if !(letter || (digit && i > 0)) { plain = false }
        }
        if plain { return "." + key }
        var escaped = ""
        var count = 0
        for scalar in key.unicodeScalars {
            if count == 60 {
                escaped += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return "[\"\(escaped)\"]"
    }
}
