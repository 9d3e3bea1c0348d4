import Foundation
import GLPK
import Testing

/// GLPK calls abort() on a fatal error; the shim must turn it into a thrown
/// error and leave the process (and the thread's next GLPK calls) working.
@Suite struct FatalErrorContainmentTests {
    @Test func realFatalErrorIsThrownAndTheProcessCarriesOn() throws {
        let problem = try GLPKProblem()
        try problem.addColumns(2)
        #expect {
            try problem.provokeFatalErrorForTesting()
        } throws: { error in
            let glpk = try #require(error as? GLPKError)
            return glpk.kind == .fatal && glpk.function == "glp_set_mat_row"
                && glpk.message.contains("row number out of range")
        }
        // The environment was freed: the old problem is refused, not touched.
        #expect(throws: GLPKError.self) { try problem.addColumns(1) }
        // And GLPK works again on the same thread.
        let fresh = try GLPKProblem()
        try fresh.load(maximize: false, objectiveConstant: 0,
                       columnLower: [0], columnUpper: [10], columnCost: [1], columnIsInteger: [false],
                       rowLower: [2], rowUpper: [.infinity], rowStart: [0, 1], columnIndex: [0], value: [1])
        let (code, status) = try fresh.simplex(SimplexParameters())
        #expect(code == .success && status == .optimal)
        #expect(try fresh.solution(.basic).objective == 2)
    }

    @Test func badIndexInSetRowIsAGLPKErrorNotACrash() throws {
        let problem = try GLPKProblem()
        try problem.addColumns(3)
        try problem.load(maximize: false, objectiveConstant: 0, columnLower: [], columnUpper: [], columnCost: [],
                         columnIsInteger: [], rowLower: [0], rowUpper: [1], rowStart: [0, 0], columnIndex: [],
                         value: [])
        // Column 7 does not exist: GLPK's own check fires.
        #expect {
            try problem.setRow(0, columns: [7], values: [1])
        } throws: { error in
            (error as? GLPKError)?.message.contains("out of range") == true
        }
    }

    @Test func duplicateIndexInARowIsContained() throws {
        let problem = try GLPKProblem()
        try problem.addColumns(2)
        try problem.load(maximize: false, objectiveConstant: 0, columnLower: [], columnUpper: [], columnCost: [],
                         columnIsInteger: [], rowLower: [0], rowUpper: [1], rowStart: [0, 0], columnIndex: [],
                         value: [])
        #expect(throws: GLPKError.self) { try problem.setRow(0, columns: [1, 1], values: [1, 2]) }
    }

    @Test func problemIsRefusedOnAnotherThread() throws {
        let problem = try GLPKProblem()
        nonisolated(unsafe) let shared = problem
        nonisolated(unsafe) var thrown: GLPKError?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { try shared.addColumns(1) } catch { thrown = error as? GLPKError }
            GLPK.freeThreadEnvironment()
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(thrown?.kind == .invalidatedProblem)
    }

    @Test func versionIsReported() {
        #expect(GLPK.version.first?.isNumber == true)
    }
}
