/// A linear or mixed-integer program as a plain value, independent of any solver:
///
///     minimise (or maximise)  c·x + constant
///     subject to              rowLower ≤ A x ≤ rowUpper
///                             columnLower ≤ x ≤ columnUpper,  x_j integer for integer columns
///
/// One array per field (as in HiGHS' `HighsLp`); the matrix is stored by rows
/// in compressed sparse row form. Infinite bounds mean "no bound". A row with
/// equal bounds is an equality. Build large models with the two-pass
/// `addRows(_:)` (count, then fill) so that nothing is allocated per row or term.
public struct LinearModel: Sendable {
    public enum Sense: String, Sendable { case minimize, maximize }

    public var sense: Sense = .minimize
    public var objectiveConstant = 0.0

    public internal(set) var columnLower: [Double] = []
    public internal(set) var columnUpper: [Double] = []
    public internal(set) var columnCost: [Double] = []
    public internal(set) var columnIsInteger: [Bool] = []

    public internal(set) var rowLower: [Double] = []
    public internal(set) var rowUpper: [Double] = []
    /// Row `i` owns entries `rowStart[i] ..< rowStart[i+1]`; `rowStart.count == rowCount + 1`.
    public internal(set) var rowStart: [Int32] = [0]
    public internal(set) var columnIndex: [Int32] = []
    public internal(set) var coefficient: [Double] = []

    /// Optional names, used in messages and files; empty means unnamed.
    public internal(set) var columnNames: [String] = []
    public internal(set) var rowNames: [String] = []

    public init(sense: Sense = .minimize) { self.sense = sense }

    public var columnCount: Int { columnLower.count }
    public var rowCount: Int { rowLower.count }
    public var nonzeroCount: Int { Int(rowStart[rowCount]) }
    public var hasIntegerColumns: Bool { columnIsInteger.contains(true) }

    // MARK: Columns

    /// Adds one column. - Complexity: amortised O(1).
    @discardableResult
    public mutating func addColumn(lower: Double = 0, upper: Double = .infinity, cost: Double = 0,
                                   isInteger: Bool = false, name: String? = nil) -> ColumnID {
        let id = ColumnID(columnCount)
        columnLower.append(lower)
        columnUpper.append(upper)
        columnCost.append(cost)
        columnIsInteger.append(isInteger)
        if let name { setName(name, column: id) }
        return id
    }

    /// Adds `count` columns with the same attributes.
    public mutating func addColumns(_ count: Int, lower: Double = 0, upper: Double = .infinity,
                                    cost: Double = 0, isInteger: Bool = false) -> ColumnBlock {
        let start = Int32(columnCount)
        columnLower.append(contentsOf: repeatElement(lower, count: count))
        columnUpper.append(contentsOf: repeatElement(upper, count: count))
        columnCost.append(contentsOf: repeatElement(cost, count: count))
        columnIsInteger.append(contentsOf: repeatElement(isInteger, count: count))
        return ColumnBlock(start: start, count: Int32(count))
    }

    public mutating func setCost(_ cost: Double, of column: ColumnID) { columnCost[column.index] = cost }
    public mutating func setInteger(_ isInteger: Bool, of column: ColumnID) { columnIsInteger[column.index] = isInteger }
    public mutating func setBounds(of column: ColumnID, lower: Double, upper: Double) {
        columnLower[column.index] = lower
        columnUpper[column.index] = upper
    }
    public mutating func setBounds(of row: RowID, lower: Double, upper: Double) {
        rowLower[row.index] = lower
        rowUpper[row.index] = upper
    }

    // MARK: Rows, one at a time

    /// Adds one row `lower ≤ Σ coefficient·column ≤ upper`. Convenient for
    /// small models; generators should use `addRows(_:)`.
    @discardableResult
    public mutating func addRow(lower: Double, upper: Double, terms: some Sequence<(ColumnID, Double)>,
                                name: String? = nil) -> RowID {
        let id = RowID(rowCount)
        for (column, value) in terms {
            columnIndex.append(column.rawValue)
            coefficient.append(value)
        }
        rowLower.append(lower)
        rowUpper.append(upper)
        rowStart.append(Int32(columnIndex.count))
        if let name { setName(name, row: id) }
        return id
    }

    // MARK: Names

    public mutating func setName(_ name: String, column: ColumnID) {
        if columnNames.count < columnCount { columnNames.append(contentsOf: repeatElement("", count: columnCount - columnNames.count)) }
        columnNames[column.index] = name
    }

    public mutating func setName(_ name: String, row: RowID) {
        if rowNames.count < rowCount { rowNames.append(contentsOf: repeatElement("", count: rowCount - rowNames.count)) }
        rowNames[row.index] = name
    }

    /// The column's name, or `x<n>` (1-based, as in files) when unnamed.
    public func name(of column: ColumnID) -> String {
        let j = column.index
        return j < columnNames.count && !columnNames[j].isEmpty ? columnNames[j] : "x\(j + 1)"
    }

    /// The row's name, or `r<n>` (1-based) when unnamed.
    public func name(of row: RowID) -> String {
        let i = row.index
        return i < rowNames.count && !rowNames[i].isEmpty ? rowNames[i] : "r\(i + 1)"
    }

    /// Builds a model from whole arrays (for example read back from a file).
    public init(sense: Sense, objectiveConstant: Double,
                columnLower: [Double], columnUpper: [Double], columnCost: [Double], columnIsInteger: [Bool],
                rowLower: [Double], rowUpper: [Double],
                rowStart: [Int32], columnIndex: [Int32], coefficient: [Double],
                columnNames: [String] = [], rowNames: [String] = []) {
        precondition(columnUpper.count == columnLower.count && columnCost.count == columnLower.count
                     && columnIsInteger.count == columnLower.count, "column arrays differ in length")
        precondition(rowUpper.count == rowLower.count && rowStart.count == rowLower.count + 1,
                     "row arrays differ in length")
        precondition(columnIndex.count == coefficient.count && Int(rowStart.last!) == coefficient.count,
                     "matrix arrays differ in length")
        self.sense = sense
        self.objectiveConstant = objectiveConstant
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        self.columnCost = columnCost
        self.columnIsInteger = columnIsInteger
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.coefficient = coefficient
        self.columnNames = columnNames.allSatisfy(\.isEmpty) ? [] : columnNames
        self.rowNames = rowNames.allSatisfy(\.isEmpty) ? [] : rowNames
    }
}

extension LinearModel {
    /// The same model with every integrality requirement dropped: its optimum
    /// is a valid bound on the original's.
    public func relaxed() -> LinearModel {
        var copy = self
        copy.columnIsInteger = Array(repeating: false, count: columnCount)
        return copy
    }
}
