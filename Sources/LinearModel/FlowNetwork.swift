/// A minimum-cost flow problem, the totally unimodular special case of a
/// linear program: integral supplies and capacities give an integral basic
/// optimum, so the LP optimum is also the integer optimum.
///
///     minimise   Σ_k cost_k · flow_k
///     subject to Σ_{k out of i} flow_k − Σ_{k into i} flow_k = supply_i   for every vertex i
///                0 ≤ flow_k ≤ capacity_k
///
/// Built with `addVertex`/`addArc`, arrays of plain integers: no per-arc object.
public struct FlowNetwork: Sendable {
    public private(set) var supply: [Int32] = []
    public private(set) var tail: [Int32] = []
    public private(set) var head: [Int32] = []
    public private(set) var capacity: [Int32] = []
    public private(set) var cost: [Double] = []

    public init() {}

    public var vertexCount: Int { supply.count }
    public var arcCount: Int { tail.count }

    public mutating func reserve(vertices: Int, arcs: Int) {
        supply.reserveCapacity(vertices)
        tail.reserveCapacity(arcs)
        head.reserveCapacity(arcs)
        capacity.reserveCapacity(arcs)
        cost.reserveCapacity(arcs)
    }

    /// Adds a vertex with `supply` (negative: demand) and returns its index.
    @discardableResult
    public mutating func addVertex(supply value: Int = 0) -> Int32 {
        supply.append(Int32(clamping: value))
        return Int32(supply.count - 1)
    }

    public mutating func addSupply(_ value: Int, at vertex: Int32) {
        supply[Int(vertex)] = Int32(clamping: Int(supply[Int(vertex)]) + value)
    }

    /// Adds an arc and returns its index.
    @discardableResult
    public mutating func addArc(from: Int32, to: Int32, capacity value: Int, cost unit: Double) -> Int {
        tail.append(from)
        head.append(to)
        capacity.append(Int32(clamping: value))
        cost.append(unit)
        return tail.count - 1
    }

    /// Checks the network before a solver sees it: valid endpoints,
    /// non-negative capacities, finite costs within ±1e12, supplies summing to zero.
    public func validate() throws(ModelValidationError) {
        var issues: [ModelIssue] = []
        var total = 0
        func report(_ kind: ModelIssue.Kind, _ message: String) {
            total += 1
            if issues.count < 20 { issues.append(ModelIssue(kind: kind, message: message)) }
        }
        if vertexCount == 0 { report(.emptyModel, "the network has no vertex") }
        let balance = supply.reduce(0) { $0 + Int($1) }
        if balance != 0 { report(.invalidBound, "supplies sum to \(balance), not 0") }
        for k in 0..<arcCount {
            if tail[k] < 0 || Int(tail[k]) >= vertexCount || head[k] < 0 || Int(head[k]) >= vertexCount {
                report(.columnOutOfRange, "arc \(k) joins a vertex that does not exist")
            }
            if capacity[k] < 0 { report(.invertedBounds, "arc \(k) has negative capacity \(capacity[k])") }
            if !cost[k].isFinite || abs(cost[k]) > 1e12 {
                report(.nonFiniteCost, "arc \(k) has cost \(cost[k]); costs must be finite, within ±1e12")
            }
        }
        if total > 0 { throw ModelValidationError(issues: issues, totalCount: total) }
    }

    /// The same problem as a `LinearModel`: one column per arc, one equality per
    /// vertex (+1 for arcs leaving it, −1 for arcs entering it). Built in two
    /// passes over the arcs, without per-vertex arrays.
    public func linearModel() -> LinearModel {
        var start = [Int32](repeating: 0, count: vertexCount + 1)
        for k in 0..<arcCount where head[k] != tail[k] {
            start[Int(tail[k]) + 1] += 1
            start[Int(head[k]) + 1] += 1
        }
        for i in 0..<vertexCount { start[i + 1] += start[i] }
        var cursor = start
        var index = [Int32](repeating: 0, count: Int(start[vertexCount]))
        var value = [Double](repeating: 0, count: Int(start[vertexCount]))
        for k in 0..<arcCount {
            let t = Int(tail[k]), h = Int(head[k])
            guard t != h else { continue }
            index[Int(cursor[t])] = Int32(k)
            value[Int(cursor[t])] = 1
            cursor[t] += 1
            index[Int(cursor[h])] = Int32(k)
            value[Int(cursor[h])] = -1
            cursor[h] += 1
        }
        let rhs = supply.map(Double.init)
        return LinearModel(sense: .minimize, objectiveConstant: 0,
                           columnLower: Array(repeating: 0, count: arcCount), columnUpper: capacity.map(Double.init),
                           columnCost: cost, columnIsInteger: Array(repeating: false, count: arcCount),
                           rowLower: rhs, rowUpper: rhs, rowStart: start, columnIndex: index, coefficient: value)
    }
}
