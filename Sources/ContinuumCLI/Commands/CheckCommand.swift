import ArgumentParser
import EventChecker
import EventScenario
import Foundation
import ReservistChecker
import ReservistScenario

/// `continuum check SCENARIO ROSTER`: re-verifies a roster against its scenario
/// with the independent checker (EventChecker), which never consults the model.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Re-verify a roster against its scenario: every hard rule, coverage, shortfalls and the objective.",
        discussion: """
        Reads the scenario (continuum-event/1) and the roster (continuum-roster/1, as written by \
        `continuum solve --format json`), re-checks every hard rule from these two files alone, and \
        recomputes coverage, shortfalls and the objective. Each violation is one line: \
        `rule: person at zone start-end: message`. Exit status: 0 when the roster is clean, 1 when \
        it has violations, 65 when either file cannot be read.
        """
    )

    @Argument(help: "The scenario file (.json, .yaml or .yml).")
    var scenario: String

    @Argument(help: "The roster file (continuum-roster/1 JSON).")
    var roster: String

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        if ScenarioKind.detect(path: scenario) == .reservists {
            try checkReservists()
            return
        }
        let scenarioValue: Scenario
        do {
            scenarioValue = try ScenarioReader.read(path: scenario)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        let rosterValue: Roster
        do {
            rosterValue = try RosterReader.read(path: roster)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        let report = RosterChecker.check(scenario: scenarioValue, roster: rosterValue)
        let text = format == .json
            ? Self.json(report, scenario: scenarioValue, rosterPath: roster)
            : Self.text(report)
        try OutputFile.write(text, to: nil)
        if !report.isClean {
            let count = report.violations.count
            throw CLIFailure(.violations, "\(count) violation\(count == 1 ? "" : "s")")
        }
    }

    /// A reservist plan (continuum-reservist-plan/1) against its scenario, with ReservistChecker.
    private func checkReservists() throws {
        let scenarioValue: ReservistScenario
        do {
            scenarioValue = try ReservistReader.read(path: scenario)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        let plan: ReservistChecker.Plan
        do {
            plan = try ReservistChecker.PlanReader.read(path: roster)
        } catch {
            throw CLIFailure(.inputError, error.description)
        }
        let report = ReservistChecker.check(scenario: scenarioValue, plan: plan)
        var lines = report.violations.map(\.description)
        lines.append("objective: \(Format.number(report.objective)) recomputed (pay \(Format.number(report.pay)) + travel "
            + "\(Format.number(report.travel)) + fairness \(Format.number(report.fairness)) + shortfall "
            + "\(Format.number(report.shortfall))), plan reports \(Format.number(report.reportedObjective))")
        let count = report.violations.count
        lines.append(report.isClean ? "clean: no violation" : "\(count) violation\(count == 1 ? "" : "s")")
        try OutputFile.write(lines.joined(separator: "\n") + "\n", to: nil)
        if !report.isClean { throw CLIFailure(.violations, "\(count) violation\(count == 1 ? "" : "s")") }
    }

    static func text(_ report: CheckReport) -> String {
        var lines = report.violations.map(\.description)
        lines.append("objective: \(Format.number(report.recomputedObjective)) recomputed (staff "
            + "\(Format.number(report.staffCost)) + shortfall \(Format.number(report.shortfallCost))), "
            + "roster reports \(Format.number(report.reportedObjective))")
        let count = report.violations.count
        lines.append(report.isClean ? "clean: no violation" : "\(count) violation\(count == 1 ? "" : "s")")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: CheckReport, scenario: Scenario, rosterPath: String) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("format", "continuum-check/1")
        writer.field("scenario", scenario.name)
        writer.field("roster", rosterPath)
        writer.field("clean", report.isClean)
        writer.beginObject("objective")
        writer.field("reported", report.reportedObjective)
        writer.field("recomputed", report.recomputedObjective)
        writer.field("staff", report.staffCost)
        writer.field("shortfall", report.shortfallCost)
        writer.endObject()
        writer.beginArray("violations")
        for violation in report.violations {
            writer.beginObject()
            writer.field("rule", violation.rule.rawValue)
            writer.field("person", violation.person)
            writer.field("zone", violation.zone)
            writer.field("start", violation.start?.description)
            writer.field("end", violation.end?.description)
            writer.field("message", violation.message)
            writer.endObject()
        }
        writer.endArray()
        writer.beginArray("shortfalls")
        for shortfall in report.shortfalls {
            writer.beginObject()
            writer.field("zone", shortfall.zone)
            writer.field("requirement", shortfall.requirement)
            writer.field("start", shortfall.start.description)
            writer.field("end", shortfall.end.description)
            writer.field("missing", shortfall.missing)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
