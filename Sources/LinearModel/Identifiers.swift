/// A column (variable) of a `LinearModel`, by 0-based position.
public struct ColumnID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { rawValue = Int32(index) }
    public var index: Int { Int(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "column \(rawValue)" }
}

/// A row (constraint) of a `LinearModel`, by 0-based position.
public struct RowID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { rawValue = Int32(index) }
    public var index: Int { Int(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { "row \(rawValue)" }
}

/// A contiguous block of columns added together.
public struct ColumnBlock: Sendable, Equatable {
    public let start: Int32
    public let count: Int32
    public init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }
    public subscript(offset: Int) -> ColumnID {
        precondition(offset >= 0 && offset < Int(count), "column offset out of block")
        return ColumnID(rawValue: start + Int32(offset))
    }
    public var ids: [ColumnID] { (0..<Int(count)).map { self[$0] } }
}

/// A contiguous block of rows added together.
public struct RowBlock: Sendable, Equatable {
    public let start: Int32
    public let count: Int32
    public init(start: Int32, count: Int32) {
        self.start = start
        self.count = count
    }
    public subscript(offset: Int) -> RowID {
        precondition(offset >= 0 && offset < Int(count), "row offset out of block")
        return RowID(rawValue: start + Int32(offset))
    }
}
