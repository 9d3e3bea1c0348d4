import ArgumentParser
import Foundation
import GLPK

/// The `continuum` command.
public struct Continuum: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "continuum",
        abstract: "Plans France's security continuum with linear programming (GLPK).",
        version: "continuum \(version) (GLPK \(GLPK.version))",
        subcommands: [SolveCommand.self, CheckCommand.self, LPCommand.self, GenerateCommand.self, BenchCommand.self]
    )

    public init() {}

    /// Runs the command line and returns the process exit status; errors
    /// become one line on stderr, never a crash.
    public static func run(arguments: [String]) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let error as CLIFailure {
            printError("error: \(error.message)")
            return error.status.rawValue
        } catch let error as any DomainError {
            let failure = CLIFailure.from(error)
            printError("error: \(failure.message)")
            return failure.status.rawValue
        } catch {
            // ArgumentParser's own: help and version (exit 0), usage errors (64).
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
            } else {
                printError(fullMessage(for: error))
            }
            return code.rawValue
        }
    }
}
