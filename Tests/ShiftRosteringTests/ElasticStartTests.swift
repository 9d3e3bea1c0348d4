import Foundation
import LinearModel
import ShiftBenchmark
@testable import ShiftRostering
import Testing

@Suite struct ElasticStartTests {
    /// The phase-one model accepts the empty roster with every minimum minute missing.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ShiftRosterSolverTests.folder.appendingPathComponent("Instance6.txt").path)))
    func emptyRosterIsFeasibleInTheElasticModel() throws {
        let instance = try ShiftInstanceReader.read(path: ShiftRosterSolverTests.folder.appendingPathComponent("Instance6.txt").path)
        let (model, handle) = ShiftRosterSolver.model(for: instance, elastic: true)
        var empty = handle.values(of: ShiftRoster(employees: instance.staff.count, days: instance.days))
        for (i, employee) in instance.staff.enumerated() { empty[handle.layout.shortBase + i] = Double(employee.minTotalMinutes) }
        let violation = model.maximumViolation(of: empty)
        #expect(violation.amount <= 1e-9, "\(violation.location ?? "")")
    }
}
