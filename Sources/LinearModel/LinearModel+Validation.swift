/// One thing wrong with a model, found before any solver sees it.
public struct ModelIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case emptyModel = "empty model"
        case nonFiniteCoefficient = "non-finite coefficient"
        case nonFiniteCost = "non-finite cost"
        case nonFiniteConstant = "non-finite objective constant"
        case invalidBound = "invalid bound"
        case invertedBounds = "inverted bounds"
        case fractionalIntegerBound = "fractional bound on an integer column"
        case duplicateEntry = "duplicate matrix entry"
        case columnOutOfRange = "column index out of range"
        case malformedRowStart = "malformed row offsets"
        case tooLarge = "model too large"
        case unsafeMagnitude = "numerically unsafe magnitude"
    }

    public var kind: Kind
    public var message: String
    public var description: String { message }
}

/// A model that cannot be handed to a solver; `issues` lists what is wrong.
public struct ModelValidationError: Error, CustomStringConvertible, Sendable {
    public var issues: [ModelIssue]
    /// How many issues were found in all (only the first ones are kept).
    public var totalCount: Int
    public var description: String {
        var text = issues.first.map { "invalid model: \($0.message)" } ?? "invalid model"
        if totalCount > 1 { text += " (and \(totalCount - 1) more issue\(totalCount == 2 ? "" : "s"))" }
        return text
    }
}

extension LinearModel {
    /// Coefficients and costs beyond this magnitude make GLPK's simplex return
    /// wrong answers (measured: a 1e300 coefficient gives a "optimal" point
    /// that violates its row); such models must be rescaled.
    public static let largestSafeMagnitude = 1e12

    /// Checks everything a solver would choke on: NaN or infinite
    /// coefficients and costs, bounds that are NaN, inverted or infinite the
    /// wrong way, fractional bounds on integer columns, duplicate or
    /// out-of-range matrix entries, and an empty model.
    /// - Complexity: O(rows + columns + nonzeros), one scratch array of columns.
    public func validate(maximumIssues: Int = 20) throws(ModelValidationError) {
        var list = IssueList(limit: maximumIssues)
        func report(_ kind: ModelIssue.Kind, _ message: @autoclosure () -> String) {
            list.report(kind, message())
        }
        if columnCount == 0 {
            report(.emptyModel, "the model has no columns (variables)")
        }
        if columnCount >= Int(Int32.max) || rowCount >= Int(Int32.max) {
            report(.tooLarge, "the model has more than 2^31 rows or columns")
        }
        if !objectiveConstant.isFinite {
            report(.nonFiniteConstant, "objective constant is \(objectiveConstant)")
        }
        for j in 0..<columnCount {
            let id = ColumnID(j)
            let lower = columnLower[j], upper = columnUpper[j]
            if !columnCost[j].isFinite {
                report(.nonFiniteCost, "cost of column '\(name(of: id))' is \(columnCost[j])")
            } else if abs(columnCost[j]) > Self.largestSafeMagnitude {
                report(.unsafeMagnitude, "cost of column '\(name(of: id))' is \(columnCost[j]), beyond 1e12: "
                       + "rescale the objective")
            }
            checkBounds(lower, upper, what: "column '\(name(of: id))'", into: &list)
            if columnIsInteger[j] {
                for bound in [lower, upper] where bound.isFinite && bound != bound.rounded() {
                    report(.fractionalIntegerBound,
                           "integer column '\(name(of: id))' has fractional bound \(bound); round it")
                }
            }
        }
        for i in 0..<rowCount {
            checkBounds(rowLower[i], rowUpper[i], what: "row '\(name(of: RowID(i)))'", into: &list)
        }
        checkMatrix(into: &list)
        if list.total > 0 { throw ModelValidationError(issues: list.issues, totalCount: list.total) }
    }

    private func checkBounds(_ lower: Double, _ upper: Double, what: @autoclosure () -> String,
                             into list: inout IssueList) {
        func report(_ kind: ModelIssue.Kind, _ message: String) { list.report(kind, message) }
        if lower.isNaN || upper.isNaN {
            report(.invalidBound, "\(what()) has a NaN bound")
        } else if lower == .infinity || upper == -.infinity {
            report(.invalidBound, "\(what()) has lower bound \(lower) and upper bound \(upper): "
                   + "a lower bound cannot be +inf nor an upper bound -inf")
        } else if lower > upper {
            report(.invertedBounds, "\(what()) has lower bound \(lower) above upper bound \(upper)")
        }
    }

    private func checkMatrix(into list: inout IssueList) {
        func report(_ kind: ModelIssue.Kind, _ message: @autoclosure () -> String) { list.report(kind, message()) }
        guard rowStart.count == rowCount + 1, rowStart.first == 0,
              Int(rowStart[rowCount]) == columnIndex.count, columnIndex.count == coefficient.count else {
            report(.malformedRowStart, "row offsets do not match the matrix arrays")
            return
        }
        // lastRowSeen[j] == i + 1 when column j already appeared in row i.
        var lastRowSeen = [Int32](repeating: 0, count: columnCount)
        for i in 0..<rowCount {
            let start = Int(rowStart[i]), end = Int(rowStart[i + 1])
            guard start <= end else {
                report(.malformedRowStart, "row '\(name(of: RowID(i)))' has negative length")
                continue
            }
            for k in start..<end {
                let j = Int(columnIndex[k])
                guard j >= 0 && j < columnCount else {
                    report(.columnOutOfRange, "row '\(name(of: RowID(i)))' refers to column \(j), "
                           + "but the model has \(columnCount) columns")
                    continue
                }
                let value = coefficient[k]
                if !value.isFinite {
                    report(.nonFiniteCoefficient, "row '\(name(of: RowID(i)))': coefficient of column "
                           + "'\(name(of: ColumnID(j)))' is \(value)")
                } else if abs(value) > Self.largestSafeMagnitude {
                    report(.unsafeMagnitude, "row '\(name(of: RowID(i)))': coefficient of column "
                           + "'\(name(of: ColumnID(j)))' is \(value), beyond 1e12: "
                           + "rescale the row or its units")
                }
                if lastRowSeen[j] == Int32(i + 1) {
                    report(.duplicateEntry, "row '\(name(of: RowID(i)))' lists column "
                           + "'\(name(of: ColumnID(j)))' twice; merge the two coefficients")
                }
                lastRowSeen[j] = Int32(i + 1)
            }
        }
    }
}

/// Collects the first issues and counts them all.
private struct IssueList {
    let limit: Int
    var issues: [ModelIssue] = []
    var total = 0
    mutating func report(_ kind: ModelIssue.Kind, _ message: @autoclosure () -> String) {
        total += 1
        if issues.count < limit { issues.append(ModelIssue(kind: kind, message: message())) }
    }
}
