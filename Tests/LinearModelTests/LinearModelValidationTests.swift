import LinearModel
import Testing

@Suite struct LinearModelValidationTests {
    private func issueKinds(_ model: LinearModel) -> [ModelIssue.Kind] {
        do {
            try model.validate()
            return []
        } catch {
            return error.issues.map(\.kind)
        }
    }

    private func base() -> (LinearModel, ColumnID, ColumnID) {
        var model = LinearModel()
        let x = model.addColumn(upper: 10, cost: 1, name: "x")
        let y = model.addColumn(upper: 10, cost: 1, name: "y")
        return (model, x, y)
    }

    @Test func aSoundModelPasses() throws {
        var (model, x, y) = base()
        model.addRow(lower: 1, upper: 5, terms: [(x, 1), (y, 2)])
        try model.validate()
    }

    @Test func emptyModelIsRejected() {
        #expect(issueKinds(LinearModel()) == [.emptyModel])
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteCoefficientIsNamed(value: Double) {
        var (model, x, y) = base()
        model.addRow(lower: 0, upper: 1, terms: [(x, 1), (y, value)], name: "cap")
        do {
            try model.validate()
            Issue.record("validation should fail")
        } catch {
            #expect(error.issues.map(\.kind) == [.nonFiniteCoefficient])
            #expect(error.description.contains("row 'cap'") && error.description.contains("'y'"))
        }
    }

    @Test func nonFiniteCostIsRejected() {
        var (model, x, _) = base()
        model.setCost(.nan, of: x)
        #expect(issueKinds(model) == [.nonFiniteCost])
    }

    @Test func invertedAndImpossibleBoundsAreRejected() {
        var (model, x, y) = base()
        model.setBounds(of: x, lower: 5, upper: 1)
        model.setBounds(of: y, lower: .infinity, upper: .infinity)
        model.addRow(lower: .nan, upper: 1, terms: [(x, 1)])
        #expect(issueKinds(model) == [.invertedBounds, .invalidBound, .invalidBound])
    }

    @Test func fractionalBoundOnIntegerColumnIsRejected() {
        var model = LinearModel()
        model.addColumn(lower: 0.5, upper: 3, isInteger: true)
        #expect(issueKinds(model) == [.fractionalIntegerBound])
    }

    @Test func duplicateEntryIsRejected() {
        var (model, x, _) = base()
        model.addRow(lower: 0, upper: 1, terms: [(x, 1), (x, 2)])
        #expect(issueKinds(model) == [.duplicateEntry])
    }

    @Test func sameColumnInTwoRowsIsFine() throws {
        var (model, x, _) = base()
        model.addRow(lower: 0, upper: 1, terms: [(x, 1)])
        model.addRow(lower: 0, upper: 1, terms: [(x, 1)])
        try model.validate()
    }

    @Test func outOfRangeColumnIsRejected() {
        var (model, _, _) = base()
        model.addRow(lower: 0, upper: 1, terms: [(ColumnID(7), 1)])
        #expect(issueKinds(model) == [.columnOutOfRange])
    }

    @Test func hugeCoefficientIsRejectedAsUnsafe() {
        var (model, x, _) = base()
        model.addRow(lower: 0, upper: 1, terms: [(x, 1e300)])
        #expect(issueKinds(model) == [.unsafeMagnitude])
    }

    @Test func issuesAreCountedBeyondTheKeptOnes() {
        var model = LinearModel()
        for _ in 0..<30 { model.addColumn(lower: 2, upper: 1) }
        do {
            try model.validate(maximumIssues: 5)
        } catch {
            #expect(error.issues.count == 5 && error.totalCount == 30)
            #expect(error.description.contains("and 29 more issues"))
        }
    }
}
