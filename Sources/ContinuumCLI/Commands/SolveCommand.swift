import ArgumentParser
import Engine
import EventPlanning
import EventScenario
import Foundation
import LinearModel
import ReservistPlanning
import ReservistScenario

/// `continuum solve SCENARIO`: the main job.
struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Plan an event scenario: who stands where, when and with whom, and what is missing.",
        discussion: """
        Reads a scenario (docs/scenario-format.md), plans it with GLPK and prints the roster \
        (docs/roster-format.md). Solves longer than a second report progress on stderr. Exit \
        status: 0 with a plan (shortfalls included), 65 for bad input, 70 for an internal error.
        """
    )

    enum RosterFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: "The scenario file (.json, .yaml or .yml).")
    var scenario: String

    @Option(name: .long, help: "Wall-clock limit in seconds (default 60).")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Memory the run may use, in GiB (default: 80 % of this machine's); larger instances stop at once with exit 75.")
    var memoryLimit: Double?

    @Option(name: .long, help: "Relative gap at which to stop improving (default 0.0001).")
    var gap: Double = 1e-4

    @Option(name: .long, help: "Output format: table, csv or json.")
    var format: RosterFormat = .table

    @Option(name: .shortAndLong, help: "Write the roster to this file (atomically) instead of stdout.")
    var output: String?

    @Option(name: .long, help: "Independent parts solved at once, each on its own thread (default 2).")
    var threads: Int = 2

    @Flag(name: .long, help: "Forward GLPK's own log to stderr; for a reservist scenario, also a line per phase (call-ups built, each auction, repairs, continuity swaps) with the time since the start.")
    var verbose = false

    @Option(name: .long, help: "Also write the models to this folder as free MPS: each event component (component-N.mps), or a reservist call-up flow small enough to be solved whole (callup-flow.mps).")
    var exportMps: String?

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else {
            throw ValidationError("--time-limit must be a positive number of seconds, got \(timeLimit)")
        }
        if let memoryLimit, !(memoryLimit > 0 && memoryLimit.isFinite) {
            throw ValidationError("--memory-limit must be a positive number of GiB, got \(memoryLimit)")
        }
        guard gap >= 0, gap.isFinite else { throw ValidationError("--gap must be a non-negative fraction, got \(gap)") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64") }
    }

    private var memoryBudget: MemoryBudget? {
        memoryLimit.map { MemoryBudget(bytes: UInt64($0 * 1_073_741_824)) }
    }

    func run() throws {
        let began = ContinuousClock.now
        if ScenarioKind.detect(path: scenario) == .reservists {
            try runReservists(began: began)
            return
        }
        let loaded: Scenario
        do {
            loaded = try ScenarioReader.read(path: scenario)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        var options = EventPlanOptions()
        options.start = began
        options.timeLimit = timeLimit
        options.relativeGap = gap
        if let memory = memoryBudget { options.memory = memory }
        options.threads = threads
        options.verbose = verbose
        if let exportMps {
            try FileManager.default.createDirectory(atPath: exportMps, withIntermediateDirectories: true)
            options.exportDirectory = exportMps
        }
        options.progress = ProgressReporter.standardError()
        let interrupt = SignalRelay.install()
        options.interrupt = interrupt
        let plan: EventPlan
        do {
            plan = try EventPlanner.plan(loaded, options: options)
        } catch let conflict as PinConflict {
            throw CLIFailure(.inputError, "\(scenario): $.pinned: \(conflict)")
        } catch {
            throw CLIFailure.from(error)
        }
        let statistics = plan.statistics
        printError("solved in \(Format.seconds(statistics.seconds)): \(statistics.people) people in "
                   + "\(statistics.classes) classes, \(statistics.components) components, "
                   + "\(statistics.columns) columns (\(statistics.integerColumns) integer), \(statistics.rows) rows, "
                   + "\(statistics.nonzeros) nonzeros; status \(plan.termination.rawValue), gap \(Format.percent(plan.gap))")
        if statistics.unplacedAssignments > 0 {
            printError("warning: \(statistics.unplacedAssignments) planned places could not be given to a named "
                       + "person (weekly hours); they appear as shortfalls")
        }
        let text: String
        switch format {
        case .json: text = RosterReport.json(plan, loaded)
        case .csv: text = RosterReport.csv(plan, loaded)
        case .table: text = RosterReport.table(plan, loaded)
        }
        try OutputFile.write(text, to: output)
        if interrupt.isRaised || plan.termination == .interrupted {
            throw CLIFailure(.interrupted, "interrupted: the best plan found so far was written (status \(plan.termination.rawValue))")
        }
    }

    /// - Parameter began: when the command started: the time limit covers reading the file too.
    private func runReservists(began: ContinuousClock.Instant) throws {
        let loaded: ReservistScenario
        do {
            loaded = try ReservistReader.read(path: scenario)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        var options = ReservistPlanOptions()
        options.start = began
        options.timeLimit = timeLimit
        options.relativeGap = gap
        if let memory = memoryBudget { options.memory = memory }
        options.progress = ProgressReporter.standardError()
        let phase = verbose ? ProgressReporter.phases(since: began) : nil
        phase?("scenario read: \(loaded.reservists.count) reservists, \(loaded.missions.count) missions")
        options.log = phase
        if let exportMps {
            try FileManager.default.createDirectory(atPath: exportMps, withIntermediateDirectories: true)
            options.exportDirectory = exportMps
        }
        let interrupt = SignalRelay.install()
        options.interrupt = interrupt
        let plan: CallUpPlan
        do {
            plan = try ReservistPlanner.plan(loaded, options: options)
        } catch {
            throw CLIFailure.from(error)
        }
        let statistics = plan.statistics
        printError("solved in \(Format.seconds(statistics.seconds)) (built in \(Format.seconds(statistics.buildSeconds))): "
                   + "\(statistics.reservists) reservists, "
                   + "\(statistics.missions) missions, \(statistics.callUps) allowed call-ups, "
                   + (statistics.wholeFlow ? "one flow LP (\(statistics.arcs) arcs)"
                      : "\(statistics.auctions) auction\(statistics.auctions == 1 ? "" : "s") (\(statistics.auctionBids) bids), "
                        + "\(statistics.subproblems) Lagrangian iteration\(statistics.subproblems == 1 ? "" : "s")")
                   + "; status \(plan.termination.rawValue), gap \(Format.percent(plan.gap))")
        let text: String
        switch format {
        case .json: text = ReservistReport.json(plan, loaded)
        case .csv: text = ReservistReport.csv(plan, loaded)
        case .table: text = ReservistReport.table(plan, loaded)
        }
        try OutputFile.write(text, to: output)
        phase?("plan written")
        if interrupt.isRaised || plan.termination == .interrupted {
            throw CLIFailure(.interrupted, "interrupted: the best plan found so far was written (status \(plan.termination.rawValue))")
        }
    }
}
