import GLPKShim
#if canImport(Glibc)
import Glibc
#endif

/// One GLPK problem object. It lives and dies on the thread that created it:
/// every method checks the calling thread and that no fatal error has freed
/// the thread's environment since, and throws instead of touching freed memory.
///
/// Indices here are 0-based; the 1-based GLPK convention stays inside the shim.
public final class GLPKProblem {
    let handle: OpaquePointer
    private let owner: pthread_t
    private let generation: UInt

    /// The corresponding C function is `glp_create_prob`.
    public init() throws {
        guard let created = cx_create_prob() else { throw GLPK.lastFatalError() }
        handle = created
        owner = pthread_self()
        generation = GLPK.environmentGeneration
    }

    deinit {
        if pthread_equal(owner, pthread_self()) != 0, generation == GLPK.environmentGeneration {
            _ = cx_delete_prob(handle)
        }
        // Otherwise GLPK has already freed it with its environment, or it is
        // owned by another thread whose environment will free it.
    }

    /// Throws unless the problem is usable from the calling thread.
    func checkUsable(_ function: String) throws {
        guard pthread_equal(owner, pthread_self()) != 0 else {
            throw GLPKError(kind: .invalidatedProblem, function: function,
                            message: "a GLPK problem must be used on the thread that created it")
        }
        guard generation == GLPK.environmentGeneration else {
            throw GLPKError(kind: .invalidatedProblem, function: function,
                            message: "the thread's GLPK environment was freed after a fatal error")
        }
    }

    /// Runs a guarded shim call, turning `CX_FATAL` into a thrown error.
    @discardableResult
    func guarded(_ function: String, _ body: () -> Int32) throws -> Int32 {
        try checkUsable(function)
        let code = body()
        if code == CX_FATAL { throw GLPK.lastFatalError() }
        return code
    }

    // MARK: Building

    /// Appends columns and rows and the whole sparse matrix in one pass.
    /// Rows are in compressed sparse row form: row `i` owns entries
    /// `rowStart[i] ..< rowStart[i+1]` of `columnIndex` (0-based) and `value`.
    /// Infinite bounds mean "no bound". No validation is done here beyond
    /// array lengths: GLPK's own checks are fatal errors, contained and thrown.
    public func load(
        maximize: Bool, objectiveConstant: Double,
        columnLower: [Double], columnUpper: [Double], columnCost: [Double], columnIsInteger: [Bool],
        rowLower: [Double], rowUpper: [Double],
        rowStart: [Int32], columnIndex: [Int32], value: [Double]
    ) throws {
        let columns = columnLower.count, rows = rowLower.count
        precondition(columnUpper.count == columns && columnCost.count == columns && columnIsInteger.count == columns)
        precondition(rowUpper.count == rows && rowStart.count == rows + 1)
        precondition(columnIndex.count == value.count && Int(rowStart[rows]) <= value.count)
        let integer = columnIsInteger.map { $0 ? UInt8(1) : 0 }
        try guarded("glp_load_matrix") {
            cx_load_model(handle, Int32(rows), Int32(columns), maximize ? 1 : 0, objectiveConstant,
                          columnLower, columnUpper, columnCost, integer,
                          rowLower, rowUpper, rowStart, columnIndex, value)
        }
    }

    /// Sets one row's coefficients with GLPK's checks only (no Swift
    /// validation): a bad index is a GLPK fatal error, contained and thrown.
    /// The corresponding C function is `glp_set_mat_row`.
    public func setRow(_ row: Int, columns: [Int32], values: [Double]) throws {
        precondition(columns.count == values.count)
        try guarded("glp_set_mat_row") {
            cx_set_mat_row(handle, Int32(truncatingIfNeeded: row + 1), Int32(columns.count), columns, values)
        }
    }

    /// Appends `count` columns with default attributes. The corresponding C function is `glp_add_cols`.
    public func addColumns(_ count: Int) throws {
        try guarded("glp_add_cols") { cx_add_cols(handle, Int32(count)) }
    }

    /// The raw-GLPK floor of the generator benchmark: rows from prebuilt arrays
    /// in GLPK's layout (dummy element 0, 1-based column numbers), no copy.
    public func addRowsRaw(rowLower: [Double], rowUpper: [Double], rowStart: [Int32],
                           oneBasedIndex: [Int32], value: [Double]) throws {
        try guarded("glp_set_mat_row") {
            cx_add_rows_raw(handle, Int32(rowLower.count), rowLower, rowUpper, rowStart, oneBasedIndex, value)
        }
    }

    /// The column half of the raw-GLPK floor: columns with bounds and costs, nothing else.
    public func addColumnsRaw(lower: [Double], upper: [Double], cost: [Double]) throws {
        precondition(upper.count == lower.count && cost.count == lower.count)
        try guarded("glp_add_cols") { cx_add_cols_raw(handle, Int32(lower.count), lower, upper, cost) }
    }

    /// Names every column (or row), in order; used when writing files.
    public func setNames(_ names: [String], columns: Bool) throws {
        var pointers = names.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        _ = try pointers.withUnsafeMutableBufferPointer { buffer in
            try buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
                try guarded(columns ? "glp_set_col_name" : "glp_set_row_name") {
                    cx_set_names(handle, columns ? 1 : 0, Int32(names.count), rebound.baseAddress)
                }
            }
        }
    }

    /// Provokes a real GLPK fatal error (a row number out of range in
    /// `glp_set_mat_row`). For tests of the containment only.
    public func provokeFatalErrorForTesting() throws {
        try guarded("glp_set_mat_row") { cx_test_provoke_fatal(handle) }
    }

    // MARK: Reading back

    /// The problem's whole content, as arrays (see `load`).
    public struct Content: Sendable {
        public var maximize = false
        public var objectiveConstant = 0.0
        public var columnLower: [Double] = [], columnUpper: [Double] = [], columnCost: [Double] = []
        public var columnIsInteger: [Bool] = []
        public var rowLower: [Double] = [], rowUpper: [Double] = []
        public var rowStart: [Int32] = [0], columnIndex: [Int32] = [], value: [Double] = []
        public var columnNames: [String] = [], rowNames: [String] = []
    }

    /// Rows, columns and nonzeros, as GLPK counts them.
    public func dimensions() throws -> (rows: Int, columns: Int, nonzeros: Int) {
        var rows: Int32 = 0, columns: Int32 = 0, nonzeros: Int32 = 0, maximize: Int32 = 0
        var constant = 0.0
        try guarded("glp_get_num_rows") { cx_get_dims(handle, &rows, &columns, &nonzeros, &maximize, &constant) }
        return (Int(rows), Int(columns), Int(nonzeros))
    }

    public func content() throws -> Content {
        var rows: Int32 = 0, columns: Int32 = 0, nonzeros: Int32 = 0, maximize: Int32 = 0
        var result = Content()
        try guarded("glp_get_num_rows") {
            cx_get_dims(handle, &rows, &columns, &nonzeros, &maximize, &result.objectiveConstant)
        }
        result.maximize = maximize != 0
        let n = Int(columns), m = Int(rows), nnz = Int(nonzeros)
        result.columnLower = Array(repeating: 0, count: n)
        result.columnUpper = Array(repeating: 0, count: n)
        result.columnCost = Array(repeating: 0, count: n)
        var integer = [UInt8](repeating: 0, count: n)
        try guarded("glp_get_col_lb") {
            cx_get_columns(handle, &result.columnLower, &result.columnUpper, &result.columnCost, &integer)
        }
        result.columnIsInteger = integer.map { $0 != 0 }
        result.rowLower = Array(repeating: 0, count: m)
        result.rowUpper = Array(repeating: 0, count: m)
        result.rowStart = Array(repeating: 0, count: m + 1)
        result.columnIndex = Array(repeating: 0, count: nnz)
        result.value = Array(repeating: 0, count: nnz)
        try guarded("glp_get_mat_row") {
            cx_get_rows(handle, &result.rowLower, &result.rowUpper, &result.rowStart,
                        &result.columnIndex, &result.value)
        }
        result.columnNames = try (0..<n).map { try name(column: true, $0) }
        result.rowNames = try (0..<m).map { try name(column: false, $0) }
        return result
    }

    private func name(column: Bool, _ index: Int) throws -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        try guarded(column ? "glp_get_col_name" : "glp_get_row_name") {
            cx_get_name(handle, column ? 1 : 0, Int32(index + 1), &buffer, 256)
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    // MARK: Files

    /// Reads a model file into this (empty) problem. A malformed file throws
    /// `.readFailed` with GLPK's `file:line: message` text.
    public func read(path: String, format: GLPKFileFormat) throws {
        var code: Int32 = 0
        try guarded(format == .cplexLP ? "glp_read_lp" : "glp_read_mps") {
            cx_read_file(handle, format.rawValue, path, &code)
        }
        if code != 0 {
            throw GLPKError(kind: .readFailed, function: format == .cplexLP ? "glp_read_lp" : "glp_read_mps",
                            message: Self.errorLines(GLPK.capturedOutput, path: path, fallback: "cannot read \(path)"))
        }
    }

    /// Writes this problem to a file. The corresponding C functions are `glp_write_mps` and `glp_write_lp`.
    public func write(path: String, format: GLPKFileFormat) throws {
        var code: Int32 = 0
        try guarded(format == .cplexLP ? "glp_write_lp" : "glp_write_mps") {
            cx_write_file(handle, format.rawValue, path, &code)
        }
        if code != 0 {
            throw GLPKError(kind: .writeFailed, function: format == .cplexLP ? "glp_write_lp" : "glp_write_mps",
                            message: Self.errorLines(GLPK.capturedOutput, path: path, fallback: "cannot write \(path)"))
        }
    }

    /// GLPK's diagnostic lines for `path`: those of the form `path:line: message`
    /// when there are any, otherwise everything but its progress chatter.
    static func errorLines(_ output: String, path: String, fallback: String) -> String {
        let lines = output.split(separator: "\n").map(String.init)
        let located = lines.filter { $0.hasPrefix(path + ":") }
        if !located.isEmpty { return located.joined(separator: "; ") }
        let chatter = ["Reading ", "Writing ", "Problem:", "Objective:"]
        let rest = lines.filter { line in
            !chatter.contains { line.hasPrefix($0) } && !line.contains(" lines were ")
                && !line.contains(" records were ")
        }
        return rest.isEmpty ? fallback : rest.joined(separator: "; ")
    }
}
