import LinearModel
import Testing

/// Σ_j x_j ≤ capacity for each of `rows` rows over `width` consecutive columns.
private struct WindowRows: ConstraintFamily {
    var rows: Int
    var width: Int
    var capacity: Double
    func count(into counter: inout RowCounter) { counter.rows(rows, terms: width) }
    func fill(into writer: inout RowWriter) {
        for i in 0..<rows {
            writer.beginRow(lower: -.infinity, upper: capacity)
            for k in 0..<width { writer.add(ColumnID(i + k), Double(k + 1)) }
        }
    }
}

/// Rows whose lengths vary: row i has i terms.
private struct Triangle: ConstraintFamily {
    var rows: Int
    func count(into counter: inout RowCounter) { for i in 0..<rows { counter.row(terms: i) } }
    func fill(into writer: inout RowWriter) {
        for i in 0..<rows {
            writer.beginRow(lower: 0, upper: Double(i))
            for k in 0..<i { writer.add(ColumnID(k), 1) }
        }
    }
}

@Suite struct LinearModelBuildingTests {
    @Test func twoPassFamiliesFillCompressedRowsInPlace() {
        var model = LinearModel()
        _ = model.addColumns(10, upper: 1, cost: 1)
        let blocks = model.addRows([WindowRows(rows: 3, width: 4, capacity: 2), Triangle(rows: 4)])
        #expect(blocks == [RowBlock(start: 0, count: 3), RowBlock(start: 3, count: 4)])
        #expect(model.rowCount == 7)
        #expect(model.rowStart == [0, 4, 8, 12, 12, 13, 15, 18])
        #expect(Array(model.columnIndex[4..<8]) == [1, 2, 3, 4])
        #expect(Array(model.coefficient[4..<8]) == [1, 2, 3, 4])
        #expect(model.rowUpper[2] == 2 && model.rowLower[6] == 0 && model.rowUpper[6] == 3)
        #expect(model.nonzeroCount == 18)
    }

    @Test func familiesAppendAfterExistingRows() {
        var model = LinearModel()
        let x = model.addColumn(upper: 5)
        let y = model.addColumn(upper: 5)
        model.addRow(lower: 1, upper: .infinity, terms: [(x, 1), (y, 1)])
        let block = model.addRows(Triangle(rows: 3))
        #expect(block == RowBlock(start: 1, count: 3))
        #expect(model.rowStart == [0, 2, 2, 3, 5])
        #expect(model.columnIndex == [0, 1, 0, 0, 1])
    }

    @Test func emptyFamilyAddsNothing() {
        var model = LinearModel()
        _ = model.addColumn()
        let block = model.addRows(Triangle(rows: 0))
        #expect(block.count == 0 && model.rowCount == 0 && model.rowStart == [0])
    }

    @Test func namesDefaultToFilePositions() {
        var model = LinearModel()
        let a = model.addColumn(name: "alpha")
        let b = model.addColumn()
        #expect(model.name(of: a) == "alpha")
        #expect(model.name(of: b) == "x2")
        #expect(model.name(of: RowID(0)) == "r1")
    }

    @Test func evaluationAndFeasibility() {
        var model = LinearModel()
        let x = model.addColumn(upper: 4, cost: 2, isInteger: true)
        let y = model.addColumn(upper: 4, cost: 3)
        model.objectiveConstant = 1
        model.addRow(lower: 3, upper: .infinity, terms: [(x, 1), (y, 1)])
        #expect(model.objectiveValue(of: [1, 2]) == 9)
        #expect(model.isFeasible([1, 2]))
        #expect(!model.isFeasible([1, 1]))          // row violated
        #expect(!model.isFeasible([1.5, 2]))        // x must be integral
        #expect(!model.isFeasible([5, 0]))          // above x's bound
        #expect(model.maximumViolation(of: [1, 1]).location?.contains("r1") == true)
    }
}
