// libFuzzer entry point for Continuum's file readers (docs/fuzzing.md).
//
// Every input must end in a value or in the reader's documented error; anything else (a Swift
// trap, an AddressSanitizer report, a signal, a hang past -timeout, memory past -rss_limit_mb, an
// undocumented error type) is a finding. The target is chosen by CONTINUUM_FUZZ_TARGET (one of
// `Target.allCases`); without it, the first byte of the input chooses (byte % count) and the rest
// is the file.

import Engine
import EventChecker
import EventScenario
import Foundation
import LinearModel
import ReservistChecker
import ReservistScenario
import ShiftBenchmark

#if canImport(Glibc)
import Glibc
#endif

enum Target: String, CaseIterable {
    case eventJSON = "event-json"        // ScenarioReader.read(path:) on scenario.json (people file beside it)
    case eventYAML = "event-yaml"        // ScenarioReader.read(path:) on scenario.yaml
    case eventCSV = "event-csv"          // a fixed scenario whose peopleFile is the input
    case reservist = "reservist"         // ReservistReader.parse(data:)
    case roster = "roster"               // RosterReader.parse(data:), then RosterChecker against a fixed scenario
    case reservistPlan = "reservist-plan" // ReservistPlanReader.parse(data:), then ReservistChecker
    case curtois = "curtois"             // ShiftInstanceReader.read(path:)
    case mps = "mps"                     // ModelFile.read(format: .mps), through GLPK's parser
    case freeMPS = "free-mps"            // ModelFile.read(format: .freeMPS)
    case lp = "lp"                       // ModelFile.read(format: .lp)
}

/// A finding: print what happened and abort, so that libFuzzer saves the input.
func finding(_ what: String) -> Never {
    FileHandle.standardError.write(Data("FINDING: \(what)\n".utf8))
    abort()
}

/// State made once per process: the fixed target, a private scratch folder, fixed scenarios.
final class Harness: @unchecked Sendable {
    static let shared = Harness()

    let fixed: Target?
    let scratch: String
    let eventFolder: String
    let csvFolder: String
    let checkScenario: Scenario
    let checkReservists: ReservistScenario

    private init() {
        if let name = ProcessInfo.processInfo.environment["CONTINUUM_FUZZ_TARGET"], !name.isEmpty {
            guard let target = Target(rawValue: name) else {
                finding("unknown CONTINUUM_FUZZ_TARGET \(name); use one of \(Target.allCases.map(\.rawValue))")
            }
            fixed = target
        } else {
            fixed = nil
        }
        // Repository root, from this file's path: Fuzz/Sources/continuum-fuzz/Fuzz.swift.
        let root = ProcessInfo.processInfo.environment["CONTINUUM_ROOT"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let base = ProcessInfo.processInfo.environment["CONTINUUM_FUZZ_TMP"]
            ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
        scratch = "\(base)/continuum-fuzz-\(getpid())"
        eventFolder = scratch + "/event"
        csvFolder = scratch + "/csv"
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: eventFolder, withIntermediateDirectories: true)
            try fm.createDirectory(atPath: csvFolder, withIntermediateDirectories: true)
            let fixtures = root + "/Tests/Fixtures/scenarios/good"
            // The event targets' scenarios may name people.csv: a real one lies beside them.
            try fm.copyItem(atPath: fixtures + "/people.csv", toPath: eventFolder + "/people.csv")
            try fm.copyItem(atPath: fixtures + "/match-csv.json", toPath: csvFolder + "/scenario.json")
            checkScenario = try ScenarioReader.read(path: fixtures + "/match.json")
            checkReservists = try ReservistReader.read(path: root + "/Scenarios/reservists-small.json")
        } catch {
            finding("cannot set up the harness (CONTINUUM_ROOT=\(root)): \(error)")
        }
        let folder = scratch
        atexit_remove = folder
        atexit { if let folder = atexit_remove { try? FileManager.default.removeItem(atPath: folder) } }
    }

    /// Writes `bytes` to `path`, replacing it.
    func write(_ bytes: UnsafeRawBufferPointer, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { finding("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { finding("cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
    }

    func run(_ target: Target, _ bytes: UnsafeRawBufferPointer) {
        switch target {
        case .eventJSON, .eventYAML:
            let path = eventFolder + (target == .eventJSON ? "/scenario.json" : "/scenario.yaml")
            write(bytes, to: path)
            do throws(ScenarioError) {
                _ = try ScenarioReader.read(path: path)
            } catch {
                if error.description.isEmpty { finding("empty ScenarioError") }
            }
        case .eventCSV:
            write(bytes, to: csvFolder + "/people.csv")
            do throws(ScenarioError) {
                _ = try ScenarioReader.read(path: csvFolder + "/scenario.json")
            } catch {
                if error.description.isEmpty { finding("empty ScenarioError") }
            }
        case .reservist:
            do throws(ReservistInputError) {
                _ = try ReservistReader.parse(data: Data(bytes), fileName: "fuzz.json")
            } catch {
                if error.description.isEmpty { finding("empty ReservistInputError") }
            }
        case .roster:
            do throws(RosterError) {
                let roster = try RosterReader.parse(data: Data(bytes), fileName: "fuzz.roster.json")
                _ = RosterChecker.check(scenario: checkScenario, roster: roster)
            } catch {
                if error.description.isEmpty { finding("empty RosterError") }
            }
        case .reservistPlan:
            do throws(ReservistPlanError) {
                let plan = try ReservistPlanReader.parse(data: Data(bytes), fileName: "fuzz.plan.json")
                _ = ReservistChecker.check(scenario: checkReservists, plan: plan)
            } catch {
                if error.description.isEmpty { finding("empty ReservistPlanError") }
            }
        case .curtois:
            let path = scratch + "/Instance.txt"
            write(bytes, to: path)
            do throws(ShiftInstanceError) {
                _ = try ShiftInstanceReader.read(path: path)
            } catch {
                if error.description.isEmpty { finding("empty ShiftInstanceError") }
            }
        case .mps, .freeMPS, .lp:
            let format: ModelFileFormat = target == .mps ? .mps : target == .freeMPS ? .freeMPS : .lp
            let path = scratch + "/model." + (target == .lp ? "lp" : "mps")
            write(bytes, to: path)
            do {
                let model = try ModelFile.read(path, format: format)
                _ = try? model.validate()
            } catch is ModelFileError {
                // The documented error for a malformed model file.
            } catch {
                finding("ModelFile.read threw \(type(of: error)), not ModelFileError: \(error)")
            }
        }
    }
}

nonisolated(unsafe) private var atexit_remove: String?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let harness = Harness.shared
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    if let target = harness.fixed {
        harness.run(target, bytes)
    } else {
        guard size > 0 else { return 0 }
        let target = Target.allCases[Int(bytes[0]) % Target.allCases.count]
        harness.run(target, UnsafeRawBufferPointer(rebasing: bytes[1...]))
    }
    return 0
}
