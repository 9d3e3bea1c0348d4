import Foundation
import LinearModel
import ShiftBenchmark
@testable import ShiftRostering
import Testing

@Suite struct ShiftRosterSolverTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/benchmarks/curtois")

    /// Instance1's known optimum is 607 (best_known.csv); the roster must pass the independent checker.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.appendingPathComponent("Instance1.txt").path)))
    func instance1ReachesItsOptimumWithAValidRoster() throws {
        let instance = try ShiftInstanceReader.read(path: Self.folder.appendingPathComponent("Instance1.txt").path)
        var options = ShiftRosterOptions()
        options.timeLimit = 8
        let result = try ShiftRosterSolver.solve(instance, options: options)
        let report = ShiftRosterChecker.check(instance, result.roster)
        #expect(report.isClean, "\(report.violations.prefix(5))")
        #expect(report.objective == result.objective)
        #expect(result.objective == 607)
        #expect(result.bound <= 607)
    }

    /// The model's objective of a roster equals the checker's, on the model's own columns.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.appendingPathComponent("Instance1.txt").path)))
    func modelObjectiveMatchesTheChecker() throws {
        let instance = try ShiftInstanceReader.read(path: Self.folder.appendingPathComponent("Instance1.txt").path)
        let (model, handle) = ShiftRosterSolver.model(for: instance)
        var options = ShiftRosterOptions()
        options.timeLimit = 8
        let result = try ShiftRosterSolver.solve(instance, options: options)
        try #require(result.termination != .noFeasiblePointFound, "Instance 1 has a roster within a second in release builds")
        let values = handle.values(of: result.roster)
        #expect(model.isFeasible(values))
        #expect(Int(model.objectiveValue(of: values).rounded()) == ShiftRosterChecker.check(instance, result.roster).objective)
    }
}
