import Foundation
import Testing

/// The bad-input corpus (Tests/Fixtures/bad, see its README): every file is run through the built
/// `continuum` as its manifest says, and must fail cleanly: the documented exit code, no signal, one
/// error line naming the file, the place and the fault, and no output file created or touched.
/// Files too big or too deep to commit (100 MB, 100 000 nested arrays) are generated here.
@Suite struct BadInputCorpusTests {
    static let root = Fixtures.root.appendingPathComponent("bad")

    /// One line of manifest.tsv.
    struct Case: Sendable, CustomStringConvertible {
        /// The file, relative to the corpus folder.
        var file: String
        /// The arguments, `{}` standing for the file; nil for a support file (run by other cases).
        var command: [String]?
        var status: Int32
        /// Where the expected text appears: stderr for input errors, stdout for a checker's violations.
        var stream: String
        var expected: [String]
        var line: Int
        var description: String { file }
    }

    static func manifest() throws -> [Case] {
        let text = try String(contentsOf: root.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        var cases: [Case] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else {
                Issue.record("manifest.tsv:\(number + 1): expected tab-separated fields")
                continue
            }
            if fields[1] == "-" {
                cases.append(Case(file: fields[0], command: nil, status: 0, stream: "", expected: [], line: number + 1))
                continue
            }
            guard fields.count >= 5, let status = Int32(fields[2]), ["stderr", "stdout"].contains(fields[3]) else {
                Issue.record("manifest.tsv:\(number + 1): expected file, command, status, stream and at least one substring")
                continue
            }
            cases.append(Case(file: fields[0], command: fields[1].split(separator: " ").map(String.init), status: status,
                              stream: fields[3], expected: Array(fields[4...]), line: number + 1))
        }
        return cases
    }

    /// Every file under the corpus folder but its README and manifest.
    static func corpusFiles() -> Set<String> {
        var files = Set<String>()
        let base = root.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count))
            if relative != "README.md" && relative != "manifest.tsv" { files.insert(relative) }
        }
        return files
    }

    @Test func manifestListsEveryFileAndNothingElse() throws {
        let cases = try Self.manifest()
        let listed = cases.map(\.file)
        #expect(Set(listed).count == listed.count, "a file is listed twice: \(Dictionary(grouping: listed) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        let files = Self.corpusFiles()
        #expect(files.subtracting(listed).sorted() == [], "files missing from manifest.tsv")
        #expect(Set(listed).subtracting(files).sorted() == [], "manifest.tsv lists files that do not exist")
        let runnable = cases.filter { $0.command != nil }
        #expect(runnable.count >= 200, "only \(runnable.count) cases")
        // A support file (a scenario beside its CSV, the scenario a roster is checked against) is used by a case.
        let arguments = Set(runnable.flatMap { $0.command ?? [] })
        for support in cases where support.command == nil {
            #expect(arguments.contains(support.file), "\(support.file) (manifest line \(support.line)) is used by no case")
        }
        for item in runnable {
            let command = item.command ?? []
            // A people CSV is named by the scenario beside it, of the same name.
            #expect(command.contains("{}") || command.contains((item.file as NSString).deletingPathExtension + ".json"),
                    "\(item.file): the command never names the file")
            if item.stream == "stderr" {
                #expect(item.expected.contains { $0.contains((item.file as NSString).lastPathComponent) },
                        "\(item.file): the expected substrings do not name the file")
            }
        }
    }

    @Test func everyCaseFailsCleanly() async throws {
        let cases = try Self.manifest().enumerated().compactMap { index, item in item.command == nil ? nil : (index, item) }
        let started = Date()
        let problems = await ParallelRunner.map(cases, width: 4) { pair in
            Self.run(pair.1, keepExistingOutput: pair.0 % 3 == 0)
        }
        for (item, found) in zip(cases.map(\.1), problems) where !found.isEmpty {
            Issue.record("\(item.file) (manifest line \(item.line)): \(found.joined(separator: "; "))")
        }
        // Not a benchmark (about 20 s alone in a debug build, 100 s beside the whole suite on two
        // cores): a bound that catches a reader gone quadratic or a hang.
        #expect(Date().timeIntervalSince(started) < 600)
    }

    /// The reverse of a bad input: an event scenario whose name mentions the reservist format is
    /// still an event scenario (it was refused by the reservist reader).
    @Test func eventScenarioNamingTheReservistFormatIsAnEventScenario() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Self.root.appendingPathComponent("roster/scenario.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"name\": \"Small\"", with: "\"name\": \"Drill after the continuum-reservists/1 import\"")
        let scenario = folder.appendingPathComponent("drill.json")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try Binary.run(["solve", scenario.path, "--format", "csv", "--time-limit", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("person,corps,zone,role,start,end,patrol"))
    }

    /// Another reverse case: a reservist scenario with nothing to cover (no missions, or every need
    /// 0) is a valid, empty plan; it failed with "invalid model: the model has no columns", no file named.
    @Test(arguments: ["no missions", "no need"])
    func reservistScenarioWithNothingToCoverPlansNothing(_ variant: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: Self.root.appendingPathComponent("reservist-plan/scenario.json"))
        var document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var missions = try #require(document["missions"] as? [[String: Any]])
        if variant == "no missions" {
            missions = []
        } else {
            for k in missions.indices { missions[k]["needed"] = 0 }
        }
        document["missions"] = missions
        let scenario = folder.appendingPathComponent("quiet.json")
        // Sorted keys put "format" after "days" and "departments", and JSONSerialization writes
        // "continuum-reservists\/1": the scenario must still be recognised.
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]).write(to: scenario)
        let plan = folder.appendingPathComponent("plan.json")
        let run = try Binary.run(["solve", scenario.path, "--format", "json", "--output", plan.path])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try Binary.run(["check", scenario.path, plan.path])
        #expect(check.status == 0 && check.stdout.contains("clean: no violation"), "\(check.stdout)\(check.stderr)")
    }

    /// What went wrong with one case, or nothing.
    static func run(_ item: Case, keepExistingOutput: Bool) -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return ["cannot create \(folder.path): \(error)"]
        }
        var arguments = (item.command ?? []).map { argument -> String in
            if argument == "{}" { return root.appendingPathComponent(item.file).path }
            let path = root.appendingPathComponent(argument).path
            return argument.contains("/") && FileManager.default.fileExists(atPath: path) ? path : argument
        }
        // Where the command would write, and an existing file there that must survive the failure.
        var existing: (path: String, data: Data)?
        if arguments.first == "solve" || arguments.starts(with: ["lp", "solve"]) {
            let output = folder.appendingPathComponent("output.txt").path
            arguments += ["--output", output, "--time-limit", "10"]
            if keepExistingOutput { existing = (output, Data("an earlier report\n".utf8)) }
        } else if arguments.first == "bench" {
            let rosters = folder.appendingPathComponent("rosters")
            arguments += ["--roster-dir", rosters.path, "--time-limit", "10"]
            if keepExistingOutput { existing = (rosters.appendingPathComponent("Instance1.roster.csv").path, Data("employee,0\nA,D\n".utf8)) }
        }
        if let existing {
            try? FileManager.default.createDirectory(atPath: (existing.path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: existing.path, contents: existing.data)
        }
        let before = Self.listing(folder)
        let result: BinaryRun
        do {
            result = try Binary.run(arguments, timeout: 120)
        } catch {
            return ["could not run or read the output (not UTF-8?): \(error)"]
        }
        var problems: [String] = []
        if result.killedBySignal {
            problems.append("killed by signal \(result.status)")
        } else if result.status != item.status {
            problems.append("exit \(result.status), expected \(item.status)")
        }
        let text = item.stream == "stderr" ? result.stderr : result.stdout
        for expected in item.expected where !text.contains(expected) {
            problems.append("\(item.stream) lacks \(String(reflecting: expected))")
        }
        if item.stream == "stderr" {
            let lines = result.stderr.split(separator: "\n")
            if lines.count != 1 || !result.stderr.hasPrefix("error: ") {
                problems.append("stderr is not one 'error: ' line")
            }
            if !result.stdout.isEmpty { problems.append("stdout is not empty") }
        }
        if Self.listing(folder) != before {
            problems.append("the output folder changed: \(before) -> \(Self.listing(folder))")
        }
        if let existing, FileManager.default.contents(atPath: existing.path) != existing.data {
            problems.append("the existing output \(existing.path) was modified")
        }
        if !problems.isEmpty {
            problems.append("stderr: \(result.stderr.prefix(400))")
        }
        return problems
    }

    /// Every path under `folder`, relative, sorted.
    static func listing(_ folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { ($0 as? URL).map { String($0.standardizedFileURL.path.dropFirst(base.count)) } }.sorted()
    }
}

// MARK: - Generated at test time

extension BadInputCorpusTests {
    /// A generated input: its name, how to write it, the command, and what stderr must contain.
    struct Generated: Sendable, CustomStringConvertible {
        var name: String
        var command: @Sendable (_ file: String, _ folder: URL) -> [String]
        var write: @Sendable (FileHandle) throws -> Void
        var expected: [String]
        var description: String { name }
    }

    static let megabyte = 1024 * 1024

    /// How many times `repeated` writes `unit`: whole chunks of a megabyte or just over, until `bytes` are reached.
    static func repetitions(_ head: String, _ unit: String, bytes: Int) -> (perChunk: Int, chunks: Int) {
        let perChunk = (megabyte + unit.utf8.count - 1) / unit.utf8.count
        let chunkBytes = perChunk * unit.utf8.count
        return (perChunk, (bytes - head.utf8.count + chunkBytes - 1) / chunkBytes)
    }

    /// Writes `head`, then `unit` repeated until the file is at least `bytes` long (a megabyte at a time), then `tail`.
    static func repeated(_ head: String, _ unit: String, bytes: Int, tail: String = "") -> @Sendable (FileHandle) throws -> Void {
        { handle in
            let (perChunk, chunks) = repetitions(head, unit, bytes: bytes)
            let chunk = Data(String(repeating: unit, count: perChunk).utf8)
            handle.write(Data(head.utf8))
            for _ in 0..<chunks { handle.write(chunk) }
            handle.write(Data(tail.utf8))
        }
    }

    /// The number of lines `repeated` writes before `tail`, for a `unit` of one line and a `head` of whole lines.
    static func lines(_ head: String, _ unit: String, bytes: Int) -> Int {
        let (perChunk, chunks) = repetitions(head, unit, bytes: bytes)
        return head.split(separator: "\n", omittingEmptySubsequences: false).count - 1 + perChunk * chunks
    }

    static func nested(_ head: String, _ open: String, _ close: String, depth: Int, tail: String) -> @Sendable (FileHandle) throws -> Void {
        { handle in
            handle.write(Data((head + String(repeating: open, count: depth) + String(repeating: close, count: depth) + tail).utf8))
        }
    }

    static let eventScenario = root.appendingPathComponent("roster/scenario.json").path
    static let reservistScenario = root.appendingPathComponent("reservist-plan/scenario.json").path
    static let hundredMB = 100 * megabyte
    static let deep = 100_000

    static let generated: [Generated] = {
        let solve: @Sendable (String, URL) -> [String] = { file, folder in
            ["solve", file, "--output", folder.appendingPathComponent("output.txt").path, "--time-limit", "10"]
        }
        let lpSolve: @Sendable (String) -> @Sendable (String, URL) -> [String] = { format in
            { file, folder in ["lp", "solve", file, "--input-format", format, "--output", folder.appendingPathComponent("output.txt").path] }
        }
        let checkRoster: @Sendable (String, URL) -> [String] = { file, _ in ["check", eventScenario, file] }
        let checkPlan: @Sendable (String, URL) -> [String] = { file, _ in ["check", reservistScenario, file] }
        let person = #"{"id": "np-000001", "corps": "national-police", "status": "OPJ"},"# + "\n"
        let assignment = #"{"person": "pm-1", "zone": "road", "role": "watch", "start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T16:00:00+02:00", "patrol": null},"# + "\n"
        let callup = #"{"reservist": "R01", "mission": "M-33-001", "days": ["2026-07-06"]},"# + "\n"
        let fixedComment = "*" + String(repeating: " ", count: 78) + "\n"  // fixed MPS records are at most 80 characters
        let lpComment = "\\" + String(repeating: " ", count: 98) + "\n"
        return [
            // 100 MB: refused by size before reading, or read as a stream in bounded memory.
            Generated(name: "100mb-people.json", command: solve,
                      write: repeated(#"{"format": "continuum-event/1", "name": "Big", "people": ["# + "\n", person, bytes: hundredMB),
                      expected: ["line 1", "larger than the 64 MB limit"]),
            Generated(name: "100mb-people.yaml", command: solve,
                      write: repeated("format: continuum-event/1\nname: Big\npeople:\n", "  - {id: np-1, corps: national-police}\n", bytes: hundredMB),
                      expected: ["line 1", "larger than the 64 MB limit"]),
            Generated(name: "100mb-people.csv", command: { file, folder in
                          let scenario = folder.appendingPathComponent("scenario.json")
                          let text = (try? String(contentsOf: root.appendingPathComponent("people-csv/empty.json"), encoding: .utf8)) ?? ""
                          try? text.replacingOccurrences(of: "\"empty.csv\"", with: "\"100mb-people.csv\"")
                              .write(to: scenario, atomically: true, encoding: .utf8)
                          return solve(scenario.path, folder)
                      },
                      write: repeated("id,corps,status\n", "np-000001,national-police,OPJ\n", bytes: hundredMB),
                      expected: ["line 1", "larger than the 64 MB limit"]),
            Generated(name: "100mb-reservists.json", command: solve,
                      write: repeated(#"{"format": "continuum-reservists/1", "name": ""#, "x", bytes: hundredMB),
                      expected: ["$.name", "line 1, column 46", "never closed"]),
            Generated(name: "100mb-roster.json", command: checkRoster,
                      write: repeated(#"{"format": "continuum-roster/1", "scenario": "Small", "assignments": ["# + "\n", assignment, bytes: hundredMB),
                      expected: ["$", "larger than the 64 MB limit"]),
            Generated(name: "100mb-plan.json", command: checkPlan,
                      write: repeated(#"{"format": "continuum-reservist-plan/1", "callups": ["# + "\n", callup, bytes: hundredMB),
                      expected: ["$", "larger than the 64 MB limit"]),
            Generated(name: "100mb-comments.mps", command: lpSolve("mps"),
                      write: repeated("", fixedComment, bytes: hundredMB, tail: "NAME          BIG\nROWS\n X  bad\n"),
                      expected: [":\(lines("", fixedComment, bytes: hundredMB) + 3):", "invalid row type"]),
            Generated(name: "100mb-comments.lp", command: lpSolve("lp"),
                      write: repeated("", lpComment, bytes: hundredMB, tail: "Maximize\n obj: x +\nSubject To\n c: x <= 1\nEnd\n"),
                      expected: [":\(lines("", lpComment, bytes: hundredMB) + 3):", "missing variable name"]),
            Generated(name: "100mb-Instance.txt", command: { file, folder in
                          ["bench", "curtois", file, "--roster-dir", folder.appendingPathComponent("rosters").path, "--time-limit", "10"]
                      },
                      write: repeated("SECTION_HORIZON\n14\n\nSECTION_COVER\n", "0,D,1,100,1\n", bytes: hundredMB),
                      expected: [":1:", "larger than the 64 MB limit"]),
            // 100 000 nested arrays or objects: every parser stops at its depth limit, none recurses to a stack overflow.
            Generated(name: "deep-arrays.json", command: solve,
                      write: nested(#"{"format": "continuum-event/1", "name": "#, "[", "]", depth: deep, tail: "}\n"),
                      expected: ["line 1", "nested deeper than 64 levels"]),
            Generated(name: "deep-objects.json", command: solve,
                      write: nested(#"{"format": "continuum-event/1", "name": "#, #"{"a": "#, "}", depth: deep, tail: "}\n"),
                      expected: ["line 1", "nested deeper than 64 levels"]),
            Generated(name: "deep-unclosed.json", command: solve,
                      write: nested("", "[", "", depth: deep, tail: ""),
                      expected: ["line 1", "nested deeper than 64 levels"]),
            Generated(name: "deep-flow.yaml", command: solve,
                      write: nested("format: continuum-event/1\nname: ", "[", "]", depth: deep, tail: "\n"),
                      expected: ["line 2", "nested deeper than 64 levels"]),
            Generated(name: "deep-mappings.yaml", command: solve,
                      write: nested("format: continuum-event/1\nname: ", "{a: ", "}", depth: deep, tail: "\n"),
                      expected: ["line 2", "nested deeper than 64 levels"]),
            Generated(name: "deep-blocks.yaml", command: solve,
                      write: { handle in
                          var text = "format: continuum-event/1\nname:\n"
                          for level in 1...2_000 { text += String(repeating: " ", count: level) + "-\n" }
                          handle.write(Data(text.utf8))
                      },
                      expected: ["line ", "nested deeper than 64 levels"]),
            Generated(name: "deep-reservists.json", command: solve,
                      write: nested(#"{"format": "continuum-reservists/1", "name": "#, "[", "]", depth: deep, tail: "}\n"),
                      expected: ["$.name[0]", "nested more than 64 levels"]),
            Generated(name: "deep-roster.json", command: checkRoster,
                      write: nested(#"{"format": "continuum-roster/1", "scenario": "#, "[", "]", depth: deep, tail: "}\n"),
                      expected: [":1:", "$.scenario[0]", "nesting deeper than 256 levels"]),
            Generated(name: "deep-plan.json", command: checkPlan,
                      write: nested(#"{"format": "continuum-reservist-plan/1", "callups": "#, #"{"a": "#, "}", depth: deep, tail: "}\n"),
                      expected: [":1:", "$.callups.a", "nesting deeper than 256 levels"]),
        ]
    }()

    /// Serialized: the 100 MB files are written one after the other, and each is removed at once.
    @Test(.serialized, arguments: generated)
    func generatedInputFailsCleanly(_ input: Generated) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let file = inputs.appendingPathComponent(input.name)
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try input.write(handle)
        try handle.close()
        let arguments = input.command(file.path, inputs)
        let before = Self.listing(inputs)
        let started = Date()
        let result = try Binary.run(arguments, timeout: 120)
        let seconds = Date().timeIntervalSince(started)
        #expect(!result.killedBySignal, "\(input.name): killed by signal \(result.status)")
        #expect(result.status == 65, "\(input.name): exit \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1,
                "\(input.name): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains(input.name), "\(input.name): the message does not name the file")
        for expected in input.expected {
            #expect(result.stderr.contains(expected), "\(input.name): stderr lacks \(String(reflecting: expected)): \(result.stderr.prefix(300))")
        }
        #expect(result.stdout.isEmpty)
        #expect(Self.listing(inputs) == before, "\(input.name): an output was created")
        // Generous (refused before reading takes milliseconds, reading 100 MB a few seconds in a
        // debug build, more beside the whole suite): catches a reader that hangs or crawls.
        #expect(seconds < 120, "\(input.name): \(seconds) s")
    }
}

// MARK: - Files that are not regular files

extension BadInputCorpusTests {
    /// A named pipe with no writer, given where a file is expected: every reader must refuse it at
    /// once rather than open it (opening waits for a writer forever). Runs with a timeout so that a
    /// regression fails instead of hanging the suite.
    @Test(arguments: ["solve", "solve-yaml", "people-csv", "check-scenario", "check-roster", "check-plan", "lp", "bench"])
    func namedPipeIsRefusedAtOnce(_ command: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("continuum-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["solve": "pipe.json", "solve-yaml": "pipe.yaml", "people-csv": "pipe.csv", "check-scenario": "pipe.json",
                     "check-roster": "pipe.json", "check-plan": "pipe.json", "lp": "pipe.mps", "bench": "pipe.txt"]
        let pipe = folder.appendingPathComponent(names[command]!)
        #expect(mkfifo(pipe.path, 0o600) == 0)
        let output = folder.appendingPathComponent("output.txt").path
        let arguments: [String]
        switch command {
        case "solve", "solve-yaml": arguments = ["solve", pipe.path, "--output", output]
        case "people-csv":
            let text = try String(contentsOf: Self.root.appendingPathComponent("people-csv/empty.json"), encoding: .utf8)
                .replacingOccurrences(of: "\"empty.csv\"", with: "\"pipe.csv\"")
            let scenario = folder.appendingPathComponent("scenario.json")
            try text.write(to: scenario, atomically: true, encoding: .utf8)
            arguments = ["solve", scenario.path, "--output", output]
        case "check-scenario": arguments = ["check", pipe.path, Self.root.appendingPathComponent("roster/empty.json").path]
        case "check-roster": arguments = ["check", Self.eventScenario, pipe.path]
        case "check-plan": arguments = ["check", Self.reservistScenario, pipe.path]
        case "lp": arguments = ["lp", "solve", pipe.path, "--output", output]
        default: arguments = ["bench", "curtois", pipe.path, "--roster-dir", folder.appendingPathComponent("rosters").path]
        }
        let run = try Binary.run(arguments, timeout: 30)
        #expect(!run.killedBySignal && run.status == 65, "\(command): exit \(run.status), signal \(run.killedBySignal): \(run.stderr)")
        #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains(pipe.lastPathComponent), "\(command): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("rosters").path))
    }
}

/// Runs blocking work (here: waiting for processes) on threads of its own, `width` at a time, so
/// that Swift's cooperative pool is not blocked; results come back in item order.
enum ParallelRunner {
    private final class State<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }
        func store(_ result: Result, at index: Int) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }
        var all: [Result] {
            lock.lock()
            defer { lock.unlock() }
            return results.map { $0! }
        }
    }

    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], width: Int,
                                                      _ work: @escaping @Sendable (Item) -> Result) async -> [Result] {
        guard !items.isEmpty else { return [] }
        let state = State<Result>(count: items.count)
        return await withCheckedContinuation { continuation in
            let group = DispatchGroup()
            for _ in 0..<min(width, items.count) {
                group.enter()
                Thread.detachNewThread {
                    while let index = state.take() { state.store(work(items[index]), at: index) }
                    group.leave()
                }
            }
            group.notify(queue: .global()) { continuation.resume(returning: state.all) }
        }
    }
}
