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

    /// Found by fuzzing (docs/fuzzing.md): GLPK's MPS reader fails an assertion on a column given two
    /// FX, FR or BV bounds. That is a malformed file (ModelFileError naming the file, exit 65), not a
    /// GLPK fatal error, and GLPK still reads the next file.
    @Test(arguments: ["FX BND x1 1\n FX BND x1 2", "FR BND x1\n BV BND x1", "BV BND x1\n BV BND x1"])
    func repeatedTwoSidedBoundIsAMalformedFile(bounds: String) throws {
        let path = temporary("repeated-bound.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "NAME T\nROWS\n N obj\n L c\nCOLUMNS\n x1 obj 1 c 1\nRHS\n RHS c 4\nBOUNDS\n \(bounds)\nENDATA\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        for format in [ModelFileFormat.freeMPS, .mps, nil] {
            #expect {
                _ = try ModelFile.read(path, format: format)
            } throws: { error in
                let message = (error as? ModelFileError)?.description ?? ""
                // Fixed MPS stops earlier, at the free layout of the lines.
                return message.hasPrefix(path) && !message.contains("\n")
                    && (format == .mps || message.contains("two bounds of the same kind"))
            }
        }
        #expect(try ModelFile.read(Fixtures.path("lp/knapsack.mps")).columnCount == 15)
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
