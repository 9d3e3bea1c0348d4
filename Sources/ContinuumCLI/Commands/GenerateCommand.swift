import ArgumentParser
import Foundation
import ReservistScenario

/// `continuum generate ...`: writes realistic scenarios.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic scenarios for testing and benchmarks.",
        subcommands: [GenerateReservists.self]
    )
}

/// `continuum generate reservists --output FILE`: a national reservist call-up scenario
/// (docs/reservist-format.md), the same for the same options and seed.
struct GenerateReservists: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reservists",
        abstract: "Write a reservist call-up scenario (continuum-reservists/1).",
        discussion: """
        Reservists are shared among the real French departments (INSEE order, metropolitan first, \
        then overseas) by population; missions lie in their department, with a July-August peak on \
        the coast, and ask for 55-85 % of what each department's reservists could give. The same \
        options and seed always write the same file. The notices are dated 20 days before the \
        start, so the first 10 days are open only to reservists with the reactivity clause.
        """
    )

    @Option(name: .long, help: "Number of reservists (default 3000).")
    var reservists: Int = 3000

    @Option(name: .long, help: "Number of departments, 1 to 101: the first ones in INSEE order (default 101).")
    var departments: Int = 101

    @Option(name: .long, help: "Days in the horizon, 1 to 366, from 2026-06-01 (default 90).")
    var days: Int = 90

    @Option(name: .long, help: "Seed of the pseudo-random generator (default 1).")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The file to write (atomically).")
    var output: String

    func validate() throws {
        guard (0...500_000).contains(reservists) else {
            throw ValidationError("--reservists must be between 0 and 500000 (France has about 40 000 reservists), got \(reservists)")
        }
        guard (1...101).contains(departments) else {
            throw ValidationError("--departments must be between 1 and 101 (France has 101 departments), got \(departments)")
        }
        guard (1...366).contains(days) else {
            throw ValidationError("--days must be between 1 and 366 (one season or one year), got \(days)")
        }
        guard !output.isEmpty else { throw ValidationError("--output needs a file name, such as --output reservists.json") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--output \(output) is a folder: give a file name, such as \(output)/reservists.json")
        }
    }

    func run() throws {
        let started = Date()
        let scenario = ReservistGenerator.generate(reservists: reservists, departments: departments, days: days, seed: seed)
        let text = ReservistGenerator.json(scenario)
        try OutputFile.write(text, to: output)
        let seconds = Date().timeIntervalSince(started)
        printError("wrote \(output): \(scenario.reservists.count) reservists, \(scenario.missions.count) missions, "
                   + "\(scenario.departments.count) departments, \(scenario.dayCount) days, "
                   + "\(text.utf8.count / 1024) KB in \(Format.seconds(seconds))")
    }
}
