extension LinearModel {
    /// The sub-problem over the columns in `free` (ascending), every other
    /// column fixed at its value in `values`: fixed terms move into the row
    /// bounds and the objective constant; rows left without a free column are
    /// dropped (they hold at `values` when `values` is feasible).
    /// - Returns: the sub-model; its column k is this model's column `free[k]`.
    /// - Complexity: O(rows + columns + nonzeros).
    public func restricted(toFree free: [Int], fixedAt values: [Double]) -> LinearModel {
        precondition(values.count == columnCount, "one value per column expected")
        var position = [Int32](repeating: -1, count: columnCount)
        for (k, j) in free.enumerated() { position[j] = Int32(k) }
        var sub = LinearModel(sense: sense)
        var constant = objectiveConstant
        for j in 0..<columnCount where position[j] < 0 { constant += columnCost[j] * values[j] }
        sub.objectiveConstant = constant
        for j in free {
            sub.addColumn(lower: columnLower[j], upper: columnUpper[j], cost: columnCost[j], isInteger: columnIsInteger[j])
        }
        for i in 0..<rowCount {
            var fixed = 0.0, terms = 0
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) {
                let j = Int(columnIndex[k])
                if position[j] < 0 { fixed += coefficient[k] * values[j] } else { terms += 1 }
            }
            guard terms > 0 else { continue }
            for k in Int(rowStart[i])..<Int(rowStart[i + 1]) where position[Int(columnIndex[k])] >= 0 {
                sub.columnIndex.append(position[Int(columnIndex[k])])
                sub.coefficient.append(coefficient[k])
            }
            sub.rowLower.append(rowLower[i] - fixed)
            sub.rowUpper.append(rowUpper[i] - fixed)
            sub.rowStart.append(Int32(sub.columnIndex.count))
        }
        return sub
    }
}
