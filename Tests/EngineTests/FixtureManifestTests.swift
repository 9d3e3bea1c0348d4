import Engine
import Foundation
import LinearModel
import Testing

/// Every model in Tests/Fixtures/lp/expected.json (answers verified with glpsol) solved through
/// the engine: status and objective must match the manifest.
@Suite struct FixtureManifestTests {
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var format: String
        var status: String
        var objective: Double?
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: Fixtures.path("lp/expected.json")))) ?? Data("[]".utf8)
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()

    @Test func manifestIsThere() {
        #expect(Self.entries.count >= 10)
    }

    @Test(arguments: entries)
    func entryMatches(entry: Entry) throws {
        let path = Fixtures.path("lp/\(entry.file)")
        let format: ModelFileFormat = entry.format == "lp" ? .lp : entry.format == "mps" ? .mps : .freeMPS
        if entry.status == "malformed" {
            #expect(throws: ModelFileError.self) { _ = try ModelFile.read(path, format: format) }
            return
        }
        let model = try ModelFile.read(path, format: format)
        if entry.file == "huge-coef.lp" {
            // GLPK answers this one wrongly; Continuum refuses it before solving.
            #expect(throws: ModelValidationError.self) { try model.validate() }
            return
        }
        var parameters = SolveParameters()
        if entry.status == "time-limit" { parameters.timeLimit = 1 }
        let result = try GLPKSolver().solve(model, parameters)
        #expect(result.termination.rawValue == entry.status)
        if entry.status == "optimal", let objective = entry.objective {
            #expect(abs(result.objective! - objective) <= 1e-6 * max(1, abs(objective)))
        }
    }
}
