import Engine
import Foundation
import LinearModel
import Testing

@Suite struct ModelFileTests {
    private func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("continuum-\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: ModelFileFormat.allCases)
    func writeThenReadKeepsTheModelAndItsOptimum(format: ModelFileFormat) throws {
        let original = try ModelFile.read(Fixtures.path("lp/knapsack.mps"))
        let path = temporary("model.\(format == .lp ? "lp" : "mps")")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.write(original, to: path, format: format)
        let again = try ModelFile.read(path, format: format)
        #expect(again.columnCount == original.columnCount)
        #expect(again.nonzeroCount == original.nonzeroCount)
        #expect(again.columnIsInteger == original.columnIsInteger)
        #expect(try GLPKSolver().solve(again).objective == GLPKSolver().solve(original).objective)
    }

    @Test(arguments: [
        ("lp/malformed.mps", "malformed.mps:10:"), ("lp/malformed.lp", "malformed.lp:10:"),
        ("lp/nan.mps", "nan.mps:15:"),
    ])
    func malformedFilesNameTheLine(file: String, location: String) {
        #expect {
            _ = try ModelFile.read(Fixtures.path(file))
        } throws: { error in
            let message = (error as? ModelFileError)?.description ?? ""
            return message.contains(location) && !message.contains("\n")
        }
    }

    @Test func missingFileIsAClearError() {
        #expect {
            _ = try ModelFile.read("/nonexistent/model.mps")
        } throws: { error in
            (error as? ModelFileError)?.description.contains("no such file") == true
        }
    }

    @Test func binaryGarbageIsAnErrorNotACrash() throws {
        let path = temporary("garbage.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: ModelFileError.self) { _ = try ModelFile.read(path) }
    }
}
