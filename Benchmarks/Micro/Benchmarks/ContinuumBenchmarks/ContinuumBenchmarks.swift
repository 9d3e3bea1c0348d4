import Benchmark
import Engine
import EventPlanning
import EventScenario
import Foundation
import GLPK
import LinearModel
import ReservistPlanning
import ReservistScenario

// Continuum's hot paths, each measured apart from its inputs (built in `setup`, outside
// the measurement): wall clock, throughput (iterations per second), mallocs and peak
// resident memory. See ../../README.md for the command and what each benchmark covers.

/// The repository root, from this file's place (Benchmarks/Micro/Benchmarks/ContinuumBenchmarks/).
private let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url
}()

private func scenarioPath(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Scenarios/\(name)").path
}

/// A synthetic constraint family shaped like the planners' (banded rows, as in rest-and-overlap
/// cliques): `rows` rows of `terms` consecutive columns each, wrapping around `columns`.
struct BandedFamily: ConstraintFamily {
    let rows: Int
    let terms: Int
    let columns: Int

    func count(into counter: inout RowCounter) {
        counter.rows(rows, terms: terms)
    }

    func fill(into writer: inout RowWriter) {
        for r in 0..<rows {
            writer.beginRow(lower: -.infinity, upper: 1)
            for k in 0..<terms {
                writer.add(ColumnID((r + k) % columns), Double(k + 1))
            }
        }
    }
}

private func syntheticModel(rows: Int, terms: Int, columns: Int) -> LinearModel {
    var model = LinearModel()
    _ = model.addColumns(columns, lower: 0, upper: 1, cost: 1)
    model.addRows([BandedFamily(rows: rows, terms: terms, columns: columns)])
    return model
}

/// Copies a model into a new GLPK problem, as `GLPKSolver.solve` does before solving.
private func loadIntoGLPK(_ model: LinearModel) throws -> GLPKProblem {
    let problem = try GLPKProblem()
    try problem.load(maximize: model.sense == .maximize, objectiveConstant: model.objectiveConstant,
                     columnLower: model.columnLower, columnUpper: model.columnUpper,
                     columnCost: model.columnCost, columnIsInteger: model.columnIsInteger,
                     rowLower: model.rowLower, rowUpper: model.rowUpper,
                     rowStart: model.rowStart, columnIndex: model.columnIndex, value: model.coefficient)
    return problem
}

/// The 3 000-reservist national instance of the README (`continuum generate reservists
/// --reservists 3000 --departments 101 --days 90 --seed 1`), generated in memory.
private func nationalReservists() -> ReservistScenario {
    ReservistGenerator.generate(reservists: 3000, departments: 101, days: 90, seed: 1)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50
    )

    // MARK: Two-pass constraint generation

    // 200 000 rows × 8 terms = 1.6 M nonzeros over 50 000 columns, through one family.
    Benchmark("TwoPass.addRows 200k rows x 8 terms") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(syntheticModel(rows: 200_000, terms: 8, columns: 50_000))
        }
    }

    // The same rows one at a time through `addRow(lower:upper:terms:)`, for contrast.
    Benchmark("TwoPass.baseline addRow 200k rows x 8 terms") { benchmark in
        for _ in benchmark.scaledIterations {
            var model = LinearModel()
            _ = model.addColumns(50_000, lower: 0, upper: 1, cost: 1)
            for r in 0..<200_000 {
                model.addRow(lower: -.infinity, upper: 1,
                             terms: (0..<8).lazy.map { k in (ColumnID((r + k) % 50_000), Double(k + 1)) })
            }
            blackHole(model)
        }
    }

    // MARK: Validation

    Benchmark("LinearModel.validate synthetic 1.6M nonzeros",
              closure: { benchmark, model in
                  for _ in benchmark.scaledIterations { try model.validate() }
              },
              setup: { syntheticModel(rows: 200_000, terms: 8, columns: 50_000) })

    // MARK: Event model (Scenarios/match-at-risk.json: 4 500 people)

    Benchmark("Event.models match-at-risk",
              closure: { benchmark, scenario in
                  for _ in benchmark.scaledIterations { blackHole(EventPlanner.models(scenario)) }
              },
              setup: { try ScenarioReader.read(path: scenarioPath("match-at-risk.json")) })

    Benchmark("LinearModel.validate match-at-risk",
              closure: { benchmark, models in
                  for _ in benchmark.scaledIterations {
                      for model in models { try model.validate() }
                  }
              },
              setup: { EventPlanner.models(try ScenarioReader.read(path: scenarioPath("match-at-risk.json"))) })

    Benchmark("GLPK.load match-at-risk",
              closure: { benchmark, models in
                  for _ in benchmark.scaledIterations {
                      for model in models { blackHole(try loadIntoGLPK(model)) }
                  }
              },
              setup: { EventPlanner.models(try ScenarioReader.read(path: scenarioPath("match-at-risk.json"))) })

    // MARK: Reservist call-up network (3 000 reservists, 101 departments, 90 days)

    Benchmark("Reservist.CallUpNetwork 3000 reservists",
              closure: { benchmark, scenario in
                  for _ in benchmark.scaledIterations { blackHole(CallUpNetwork(scenario: scenario).network) }
              },
              setup: { nationalReservists() })

    Benchmark("Reservist.network.linearModel 3000 reservists",
              closure: { benchmark, network in
                  for _ in benchmark.scaledIterations { blackHole(network.linearModel()) }
              },
              setup: { CallUpNetwork(scenario: nationalReservists()).network })

    Benchmark("LinearModel.validate reservist network 3000",
              closure: { benchmark, model in
                  for _ in benchmark.scaledIterations { try model.validate() }
              },
              setup: { CallUpNetwork(scenario: nationalReservists()).network.linearModel() })

    Benchmark("GLPK.load reservist network 3000",
              closure: { benchmark, model in
                  for _ in benchmark.scaledIterations { blackHole(try loadIntoGLPK(model)) }
              },
              setup: { CallUpNetwork(scenario: nationalReservists()).network.linearModel() })
}
