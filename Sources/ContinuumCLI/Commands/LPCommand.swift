import ArgumentParser
import Engine
import Foundation
import LinearModel

/// `continuum lp …`: any MPS or CPLEX LP model, solved or converted through GLPK.
struct LPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lp",
        abstract: "Solve or convert an LP/MIP model file (MPS or CPLEX LP).",
        subcommands: [LPSolve.self, LPConvert.self]
    )
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension ModelFileFormat: ExpressibleByArgument {}
extension SolveParameters.LPMethod: ExpressibleByArgument {}

/// Options shared by every command that solves.
struct SolveOptions: ParsableArguments {
    @Option(name: .long, help: "Wall-clock limit in seconds; the best point found is returned with status time-limit.")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which to stop (0.01 = 1%).")
    var gap: Double = 1e-6

    @Flag(name: .long, help: "Forward GLPK's own log to stderr.")
    var verbose = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
        if !(gap >= 0 && gap.isFinite) {
            throw ValidationError("--gap must be a non-negative fraction such as 0.01, got \(gap)")
        }
    }
}

struct LPSolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve an MPS or CPLEX LP file and report status, objective, bound and gap.",
        discussion: """
        The format follows the extension (.lp: CPLEX LP; otherwise MPS, free then fixed) unless \
        --input-format is given. Exit status: 0 with a point, 2 without one (infeasible, \
        unbounded, or none found in time), 65 for a malformed file, 70 for an internal error.
        """
    )

    @Argument(help: "The model file.")
    var file: String

    @OptionGroup var solve: SolveOptions

    @Option(name: .long, help: "Report format.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Input format: \(ModelFileFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var inputFormat: ModelFileFormat?

    @Option(name: .long, help: "LP method: \(SolveParameters.LPMethod.allCases.map(\.rawValue).joined(separator: ", ")).")
    var method: SolveParameters.LPMethod = .automatic

    @Flag(name: .long, help: "Solve without GLPK's presolver.")
    var noPresolve = false

    @Flag(name: .long, help: "Text report: list every nonzero value.")
    var showValues = false

    @Flag(name: .long, help: "Include the solve time in the JSON report (it is always printed on stderr).")
    var timing = false

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    func run() throws {
        let model: LinearModel
        do {
            model = try ModelFile.read(file, format: inputFormat)
        } catch {
            throw CLIFailure(.inputError, "\(CLIFailure.from(error).message)")
        }
        do {
            try model.validate()
        } catch {
            // The model read but cannot be solved safely: name the file, as every input error does.
            throw CLIFailure(.inputError, "\(file): \(error.description)")
        }
        var parameters = SolveParameters()
        parameters.timeLimit = solve.timeLimit
        parameters.relativeGap = solve.gap
        parameters.lpMethod = method
        parameters.presolve = !noPresolve
        parameters.verbose = solve.verbose
        parameters.progress = ProgressReporter.standardError()
        let interrupt = SignalRelay.install()
        parameters.interrupt = interrupt
        let result: SolveResult
        do {
            result = try GLPKSolver().solve(model, parameters)
        } catch {
            throw CLIFailure.from(error)
        }
        printError("time: \(Format.seconds(result.seconds))")
        let report = format == .json
            ? LPReport.json(file: file, model: model, result: result, timing: timing)
            : LPReport.text(file: file, model: model, result: result, showValues: showValues)
        try OutputFile.write(report, to: output)
        if result.termination == .interrupted {
            throw CLIFailure(.interrupted, "interrupted: the best point found so far was reported")
        }
        if result.point == .none {
            throw ExitCode(ExitStatus.noSolution.rawValue)
        }
    }
}

struct LPConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a model between fixed MPS, free MPS and CPLEX LP."
    )

    @Argument(help: "The model file to read.")
    var input: String

    @Argument(help: "The file to write.")
    var output: String

    @Option(name: .long, help: "Input format (default: from the extension).")
    var inputFormat: ModelFileFormat?

    @Option(name: .long, help: "Output format (default: from the extension, .lp or free MPS).")
    var outputFormat: ModelFileFormat?

    func run() throws {
        let inputPath = URL(fileURLWithPath: input).standardizedFileURL.path
        let outputPath = URL(fileURLWithPath: output).standardizedFileURL.path
        guard inputPath != outputPath else {
            throw CLIFailure(.usage, "the output would overwrite the input \(input); choose another file")
        }
        let model: LinearModel
        do {
            model = try ModelFile.read(input, format: inputFormat)
        } catch {
            throw CLIFailure(.inputError, CLIFailure.from(error).message)
        }
        let format = outputFormat ?? (output.lowercased().hasSuffix(".lp") ? .lp : .freeMPS)
        let folder = URL(fileURLWithPath: outputPath).deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(URL(fileURLWithPath: outputPath).lastPathComponent).tmp")
        do {
            try ModelFile.write(model, to: temporary.path, format: format)
            guard rename(temporary.path, outputPath) == 0 else {
                throw CLIFailure(.ioError, "cannot write \(output): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let failure = error as? CLIFailure { throw failure }
            if let invalid = error as? ModelValidationError { throw CLIFailure(.inputError, "\(input): \(invalid.description)") }
            if error is ModelFileError { throw CLIFailure(.ioError, CLIFailure.from(error).message) }
            throw CLIFailure.from(error)
        }
    }
}
