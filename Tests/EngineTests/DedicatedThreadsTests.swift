import Engine
import Foundation
import LinearModel
import Testing

@Suite struct DedicatedThreadsTests {
    /// A family of independent knapsacks, different per seed.
    static func knapsack(seed: Int) -> LinearModel {
        var model = LinearModel(sense: .maximize)
        var state = UInt64(seed * 7919 + 17)
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double((state >> 33) % 90 + 10)
        }
        let items = 25
        var weights: [(ColumnID, Double)] = []
        for _ in 0..<items {
            let column = model.addColumn(upper: 1, cost: next(), isInteger: true)
            weights.append((column, next()))
        }
        model.addRow(lower: -.infinity, upper: 400, terms: weights)
        return model
    }

    @Test func parallelResultsEqualSequentialOnes() throws {
        let seeds = Array(0..<12)
        let work: @Sendable (Int) throws -> [Double] = { seed in
            let result = try GLPKSolver().solve(Self.knapsack(seed: seed))
            return [result.objective!] + result.values
        }
        let sequential = try DedicatedThreads.map(seeds, threads: 1, work)
        let parallel = try DedicatedThreads.map(seeds, threads: 2, work)
        let wide = try DedicatedThreads.map(seeds, threads: 5, work)
        #expect(sequential == parallel)
        #expect(sequential == wide)
        #expect(sequential.count == 12)
    }

    @Test func firstErrorInItemOrderIsThrownAfterAllFinish() {
        struct Failure: Error, Equatable { let item: Int }
        #expect(throws: Failure(item: 3)) {
            _ = try DedicatedThreads.map(Array(0..<10), threads: 3) { item in
                if item == 3 || item == 7 { throw Failure(item: item) }
                return item
            }
        }
    }
}
