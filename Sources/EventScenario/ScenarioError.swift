import StrictJSON
/// Why a scenario could not be read: which file, where in it, what is wrong and what to do.
///
/// `location` is a JSON path (`$.people[3].corps`) for a structural problem, or `line 12` for a
/// syntax error and for anything in a CSV people file. `description` is one line:
/// `scenario.json: $.demand[4].zone: unknown zone 'gate-z'; use one of the ids in $.zones`.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    /// The file the problem is in, as it was named to the reader.
    public var file: String
    /// A JSON path (`$.zones[2].commune`) or a line (`line 7`).
    public var location: String
    /// What is wrong.
    public var problem: String
    /// What to do about it.
    public var fix: String

    public init(file: String, location: String, problem: String, fix: String) {
        self.file = file
        self.location = location
        self.problem = problem
        self.fix = fix
    }

    /// `file: location: problem; fix`, always on one line.
    public var description: String {
        singleLine("\(file): \(location): \(problem); \(fix)")
    }
}



/// The closest of `candidates` to `word` (edit distance at most 2, or a case-only difference), for
/// "did you mean" hints. Looks at no more than 2000 candidates, in their order; ties keep the first.
func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard target.count <= 64 else { return nil }
    var best: (String, Int)?
    for (n, candidate) in candidates.enumerated() {
        if n == 2000 { break }
        let other = Array(candidate.lowercased().unicodeScalars)
        guard abs(other.count - target.count) <= 2, other.count <= 64 else { continue }
        let distance = editDistance(target, other)
        let allowed = min(2, max(1, target.count / 3))
        if distance <= allowed, best == nil || distance < best!.1 {
            best = (candidate, distance)
        }
    }
    return best?.0
}

private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// `" (did you mean 'x'?)"` or nothing.
func hint(_ word: String, _ candidates: some Sequence<String>) -> String {
    closest(to: word, in: candidates).map { " (did you mean \(quoted($0))?)" } ?? ""
}
