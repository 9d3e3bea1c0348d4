/// A family of constraints generated in two passes, so that a model of any
/// size is built with one allocation per array instead of one per row:
///
/// 1. `count(into:)` announces every row and its number of terms;
/// 2. the model grows each array once to the exact total;
/// 3. `fill(into:)` writes the same rows, in the same order, in place.
///
/// Each planner constraint family implements this in its own file, with its
/// mathematics in the doc comment.
public protocol ConstraintFamily {
    /// Pass 1: call `counter.row(terms:)` once per row, in fill order.
    func count(into counter: inout RowCounter)
    /// Pass 2: for each counted row, `writer.beginRow(lower:upper:)` then
    /// exactly the counted number of `writer.add(_:_:)` calls.
    func fill(into writer: inout RowWriter)
}

/// Pass 1 of `ConstraintFamily`: records row lengths as running offsets.
public struct RowCounter {
    @usableFromInline var rowStart: [Int32]
    @usableFromInline var total: Int

    /// Takes over `rowStart` (no copy) to append to it.
    init(taking rowStart: inout [Int32]) {
        self.rowStart = []
        swap(&self.rowStart, &rowStart)
        total = Int(self.rowStart.last ?? 0)
    }

    /// Announces one row with `terms` entries. - Complexity: amortised O(1).
    @inlinable
    public mutating func row(terms: Int) {
        precondition(terms >= 0, "a row cannot have a negative number of terms")
        total += terms
        precondition(total <= Int(Int32.max), "model exceeds 2^31 nonzeros")
        rowStart.append(Int32(truncatingIfNeeded: total))
    }

    /// Announces `rows` rows of `terms` entries each.
    @inlinable
    public mutating func rows(_ rows: Int, terms: Int) {
        for _ in 0..<rows { row(terms: terms) }
    }
}

/// Pass 2 of `ConstraintFamily`: writes rows into memory reserved by pass 1.
/// Valid only during the `fill(into:)` call it is handed to.
public struct RowWriter {
    @usableFromInline let rowStart: UnsafePointer<Int32>
    @usableFromInline let index: UnsafeMutablePointer<Int32>
    @usableFromInline let value: UnsafeMutablePointer<Double>
    @usableFromInline let lower: UnsafeMutablePointer<Double>
    @usableFromInline let upper: UnsafeMutablePointer<Double>
    @usableFromInline let columnCount: Int32
    @usableFromInline let endRow: Int
    @usableFromInline var row: Int
    @usableFromInline var cursor: Int
    @usableFromInline var rowEnd: Int

    init(rowStart: UnsafePointer<Int32>, index: UnsafeMutablePointer<Int32>, value: UnsafeMutablePointer<Double>,
         lower: UnsafeMutablePointer<Double>, upper: UnsafeMutablePointer<Double>,
         columnCount: Int, firstRow: Int, endRow: Int) {
        self.rowStart = rowStart
        self.index = index
        self.value = value
        self.lower = lower
        self.upper = upper
        self.columnCount = Int32(columnCount)
        self.endRow = endRow
        row = firstRow - 1
        cursor = Int(rowStart[firstRow])
        rowEnd = cursor
    }

    /// Starts the next row, `lower ≤ Σ terms ≤ upper`.
    @inlinable
    public mutating func beginRow(lower rowLower: Double, upper rowUpper: Double) {
        precondition(cursor == rowEnd, "previous row has fewer terms than counted")
        row += 1
        precondition(row < endRow, "more rows filled than counted")
        lower[row] = rowLower
        upper[row] = rowUpper
        rowEnd = Int(rowStart[row + 1])
    }

    /// Adds `coefficient · column` to the current row.
    @inlinable
    public mutating func add(_ column: ColumnID, _ coefficient: Double) {
        precondition(cursor < rowEnd, "row has more terms than counted")
        precondition(column.rawValue >= 0 && column.rawValue < columnCount, "column out of range")
        index[cursor] = column.rawValue
        value[cursor] = coefficient
        cursor += 1
    }

    /// The row being written.
    public var currentRow: RowID { RowID(row) }

    func finish() {
        precondition(cursor == rowEnd && row == endRow - 1, "fewer rows or terms filled than counted")
    }
}

extension LinearModel {
    /// Adds the rows of several constraint families: all are counted first,
    /// every array grows once, then all are filled in place.
    /// - Returns: each family's block of rows, in order.
    /// - Complexity: O(rows + nonzeros), with O(1) allocations per array.
    @discardableResult
    public mutating func addRows(_ families: [any ConstraintFamily]) -> [RowBlock] {
        let firstRow = rowCount
        var counter = RowCounter(taking: &rowStart)
        var boundaries: [Int] = [firstRow]
        for family in families {
            family.count(into: &counter)
            boundaries.append(counter.rowStart.count - 1)
        }
        swap(&counter.rowStart, &rowStart)
        let endRow = rowStart.count - 1
        let addedRows = endRow - firstRow
        let addedTerms = counter.total - columnIndex.count
        rowLower.append(contentsOf: repeatElement(0, count: addedRows))
        rowUpper.append(contentsOf: repeatElement(0, count: addedRows))
        columnIndex.append(contentsOf: repeatElement(0, count: addedTerms))
        coefficient.append(contentsOf: repeatElement(0, count: addedTerms))
        let columns = columnCount
        rowStart.withUnsafeBufferPointer { start in
            columnIndex.withUnsafeMutableBufferPointer { index in
                coefficient.withUnsafeMutableBufferPointer { value in
                    rowLower.withUnsafeMutableBufferPointer { lower in
                        rowUpper.withUnsafeMutableBufferPointer { upper in
                            for (k, family) in families.enumerated() {
                                var writer = RowWriter(
                                    rowStart: start.baseAddress!, index: base(index),
                                    value: base(value), lower: base(lower), upper: base(upper),
                                    columnCount: columns, firstRow: boundaries[k], endRow: boundaries[k + 1])
                                family.fill(into: &writer)
                                writer.finish()
                            }
                        }
                    }
                }
            }
        }
        return (0..<families.count).map {
            RowBlock(start: Int32(boundaries[$0]), count: Int32(boundaries[$0 + 1] - boundaries[$0]))
        }
    }

    /// Adds the rows of one constraint family (see `addRows(_:)` for several).
    @discardableResult
    public mutating func addRows(_ family: some ConstraintFamily) -> RowBlock {
        addRows([family])[0]
    }
}

/// An empty buffer may have no address; nothing is ever written through this
/// one because the writer's preconditions stop at the counted sizes.
private func base<T>(_ buffer: UnsafeMutableBufferPointer<T>) -> UnsafeMutablePointer<T> {
    buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<T>.alignment)!
}
