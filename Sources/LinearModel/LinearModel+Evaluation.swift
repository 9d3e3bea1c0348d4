extension LinearModel {
    /// The objective value of `values`, constant included.
    public func objectiveValue(of values: [Double]) -> Double {
        precondition(values.count == columnCount, "one value per column expected")
        var total = objectiveConstant
        for j in 0..<columnCount { total += columnCost[j] * values[j] }
        return total
    }

    /// The largest violation by `values` of any bound, row or integrality
    /// requirement (0 for a feasible point), with where it happens.
    public func maximumViolation(of values: [Double]) -> (amount: Double, location: String?) {
        precondition(values.count == columnCount, "one value per column expected")
        var worst = 0.0
        var location: String?
        func note(_ amount: Double, _ place: @autoclosure () -> String) {
            if amount > worst || amount.isNaN {
                worst = amount.isNaN ? .infinity : amount
                location = place()
            }
        }
        for j in 0..<columnCount {
            let x = values[j]
            note(columnLower[j] - x, "lower bound of \(name(of: ColumnID(j)))")
            note(x - columnUpper[j], "upper bound of \(name(of: ColumnID(j)))")
            if columnIsInteger[j] { note(abs(x - x.rounded()), "integrality of \(name(of: ColumnID(j)))") }
        }
        for i in 0..<rowCount {
            var activity = 0.0
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                activity += coefficient[k] * values[Int(columnIndex[k])]
            }
            note(rowLower[i] - activity, "row \(name(of: RowID(i))) (activity \(activity) < \(rowLower[i]))")
            note(activity - rowUpper[i], "row \(name(of: RowID(i))) (activity \(activity) > \(rowUpper[i]))")
        }
        return (worst, location)
    }

    /// Whether `values` satisfies every bound, row and integrality within `tolerance`
    /// (absolute, scaled by 1 + |bound| for rows).
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        guard values.count == columnCount else { return false }
        for j in 0..<columnCount {
            let x = values[j]
            if !x.isFinite || x < columnLower[j] - tolerance || x > columnUpper[j] + tolerance { return false }
            if columnIsInteger[j] && abs(x - x.rounded()) > tolerance { return false }
        }
        for i in 0..<rowCount {
            var activity = 0.0
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                activity += coefficient[k] * values[Int(columnIndex[k])]
            }
            if activity < rowLower[i] - tolerance * (1 + abs(rowLower[i])) { return false }
            if activity > rowUpper[i] + tolerance * (1 + abs(rowUpper[i])) { return false }
        }
        return true
    }
}
