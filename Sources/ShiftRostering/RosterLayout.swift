import LinearModel
import ShiftBenchmark

/// Columns of the rostering model:
///
/// - x[i,d,t] ∈ {0,1}: employee i works shift t on day d (only where allowed:
///   not a day off, and a positive limit for t);
/// - k[i,w] ∈ {0,1}: employee i works weekend w;
/// - under[d,t], over[d,t] ≥ 0 (integer): cover missing or in excess.
///
/// `worked(i, d)` = Σ_t x[i,d,t] appears in many rows; `forEachWorked` yields its columns.
struct RosterLayout {
    let instance: ShiftInstance
    /// `x[(i * days + d) * shifts + t]` = column, or -1 where not allowed.
    private(set) var x: [Int32] = []
    private(set) var weekend: [Int32] = []   // i * weekends + w
    private(set) var underBase = 0
    private(set) var overBase = 0
    private(set) var columnCount = 0
    /// Elastic variant: one column per employee for minutes short of MinTotalMinutes,
    /// priced `shortMinutePenalty` each; used to find a first roster.
    let elastic: Bool
    private(set) var shortBase = 0
    static let shortMinutePenalty = 10.0
    /// Owner of each x column: employee, day, shift.
    private(set) var xEmployee: [Int32] = []
    private(set) var xDay: [Int32] = []
    private(set) var xShift: [Int32] = []

    var days: Int { instance.days }
    var shifts: Int { instance.shifts.count }
    var employees: Int { instance.staff.count }

    init(instance: ShiftInstance, elastic: Bool = false) {
        self.instance = instance
        self.elastic = elastic
        x = Array(repeating: -1, count: employees * days * shifts)
        var next: Int32 = 0
        for (i, employee) in instance.staff.enumerated() {
            let off = Set(employee.daysOff)
            for d in 0..<days where !off.contains(d) {
                for t in 0..<shifts where employee.maxShifts[t] > 0 {
                    x[(i * days + d) * shifts + t] = next
                    xEmployee.append(Int32(i))
                    xDay.append(Int32(d))
                    xShift.append(Int32(t))
                    next += 1
                }
            }
        }
        weekend = Array(repeating: -1, count: employees * instance.weekends)
        for i in 0..<employees {
            for w in 0..<instance.weekends where column(i, 7 * w + 5) != nil || column(i, 7 * w + 6) != nil {
                weekend[i * instance.weekends + w] = next
                next += 1
            }
        }
        underBase = Int(next)
        overBase = underBase + days * shifts
        shortBase = overBase + days * shifts
        columnCount = shortBase + (elastic ? employees : 0)
    }

    var xCount: Int { xEmployee.count }

    func column(_ i: Int, _ d: Int, _ t: Int) -> Int? {
        guard d >= 0, d < days else { return nil }
        let c = x[(i * days + d) * shifts + t]
        return c < 0 ? nil : Int(c)
    }

    /// Whether employee i can work at all on day d.
    func column(_ i: Int, _ d: Int) -> Int? {
        guard d >= 0, d < days else { return nil }
        for t in 0..<shifts { if let c = column(i, d, t) { return c } }
        return nil
    }

    /// Number of x columns of (i, d): the terms of worked(i, d).
    func workedTerms(_ i: Int, _ d: Int) -> Int {
        guard d >= 0, d < days else { return 0 }
        var n = 0
        for t in 0..<shifts where x[(i * days + d) * shifts + t] >= 0 { n += 1 }
        return n
    }

    func addWorked(_ i: Int, _ d: Int, _ coefficient: Double, to writer: inout RowWriter) {
        guard d >= 0, d < days else { return }
        for t in 0..<shifts {
            let c = x[(i * days + d) * shifts + t]
            if c >= 0 { writer.add(ColumnID(Int(c)), coefficient) }
        }
    }

    func weekendColumn(_ i: Int, _ w: Int) -> Int? {
        let c = weekend[i * instance.weekends + w]
        return c < 0 ? nil : Int(c)
    }

    /// Columns with bounds, integrality and the objective (requests and cover weights).
    func addColumns(to model: inout LinearModel) {
        var cost = [Double](repeating: 0, count: xCount)
        var constant = 0.0
        for request in instance.onRequests {
            constant += Double(request.weight)
            if let c = column(request.employee, request.day, request.shift) { cost[c] -= Double(request.weight) }
        }
        for request in instance.offRequests {
            if let c = column(request.employee, request.day, request.shift) { cost[c] += Double(request.weight) }
        }
        model.objectiveConstant = constant
        for c in 0..<xCount { model.addColumn(lower: 0, upper: 1, cost: cost[c], isInteger: true) }
        for c in weekend where c >= 0 { _ = c; model.addColumn(lower: 0, upper: 1, isInteger: true) }
        for d in 0..<days {
            for t in 0..<shifts {
                let cover = instance.cover[d][t]
                model.addColumn(lower: 0, upper: Double(employees), cost: Double(cover.weightUnder), isInteger: true)
            }
        }
        for d in 0..<days {
            for t in 0..<shifts {
                let cover = instance.cover[d][t]
                model.addColumn(lower: 0, upper: Double(employees), cost: Double(cover.weightOver), isInteger: true)
            }
        }
        if elastic {
            for employee in instance.staff {
                model.addColumn(lower: 0, upper: Double(employee.minTotalMinutes), cost: Self.shortMinutePenalty)
            }
        }
    }

    /// The column values of a roster (weekend and cover columns derived).
    func values(of roster: ShiftRoster) -> [Double] {
        var values = [Double](repeating: 0, count: columnCount)
        var staffed = [Int](repeating: 0, count: days * shifts)
        for i in 0..<employees {
            for d in 0..<days {
                let t = roster.shift[i][d]
                guard t >= 0 else { continue }
                if let c = column(i, d, t) { values[c] = 1 }
                staffed[d * shifts + t] += 1
            }
            for w in 0..<instance.weekends {
                if let c = weekendColumn(i, w), roster.shift[i][7 * w + 5] >= 0 || roster.shift[i][7 * w + 6] >= 0 {
                    values[c] = 1
                }
            }
        }
        for d in 0..<days {
            for t in 0..<shifts {
                let gap = instance.cover[d][t].requirement - staffed[d * shifts + t]
                values[underBase + d * shifts + t] = Double(max(0, gap))
                values[overBase + d * shifts + t] = Double(max(0, -gap))
            }
        }
        return values
    }

    func roster(from values: [Double]) -> ShiftRoster {
        var roster = ShiftRoster(employees: employees, days: days)
        for c in 0..<xCount where values[c] > 0.5 {
            roster.shift[Int(xEmployee[c])][Int(xDay[c])] = Int(xShift[c])
        }
        return roster
    }
}
