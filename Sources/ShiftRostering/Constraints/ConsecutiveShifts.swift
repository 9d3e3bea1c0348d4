import LinearModel

/// Runs of work, with w[d] = Σ_t x[i,d,t] (days outside the horizon are off):
///
/// - at most K in a row (K = MaxConsecutiveShifts): every window of K+1 days
///   holds a day off,  Σ_{j=d}^{d+K} w[j] ≤ K;
/// - at least S in a row (S = MinConsecutiveShifts) between two days off
///   inside the horizon: the pattern off, on×s, off is forbidden for s < S,
///   −w[d−1] + Σ_{j=d}^{d+s−1} w[j] − w[d+s] ≤ s − 1  for 1 ≤ d, d+s ≤ h−1;
/// - at least R days off in a row (R = MinConsecutiveDaysOff) between two
///   worked days: on, off×s, on is forbidden for s < R,
///   w[d−1] − Σ_{j=d}^{d+s−1} w[j] + w[d+s] ≤ 1.
///
/// Rows whose days cannot all hold the pattern's shifts are dropped.
struct ConsecutiveShifts: ConstraintFamily {
    let layout: RosterLayout

    private enum Kind { case maximum, minimumWork, minimumRest }

    /// Calls `body(kind, i, first day, length s)` for every row, in a fixed order.
    private func forEachRow(_ body: (Kind, Int, Int, Int) -> Void) {
        let days = layout.days
        for (i, employee) in layout.instance.staff.enumerated() {
            let k = employee.maxConsecutiveShifts
            if k < days {
                for d in 0...(days - k - 1) {
                    let terms = (d...(d + k)).reduce(0) { $0 + layout.workedTerms(i, $1) }
                    if terms > k { body(.maximum, i, d, k + 1) }
                }
            }
            for s in stride(from: 1, to: employee.minConsecutiveShifts, by: 1) {
                for d in stride(from: 1, through: days - s - 1, by: 1) {
                    // All s inner days must be workable for the pattern to be possible.
                    if (d..<(d + s)).allSatisfy({ layout.workedTerms(i, $0) > 0 }) { body(.minimumWork, i, d, s) }
                }
            }
            for s in stride(from: 1, to: employee.minConsecutiveDaysOff, by: 1) {
                for d in stride(from: 1, through: days - s - 1, by: 1) {
                    if layout.workedTerms(i, d - 1) > 0 && layout.workedTerms(i, d + s) > 0 { body(.minimumRest, i, d, s) }
                }
            }
        }
    }

    func count(into counter: inout RowCounter) {
        forEachRow { kind, i, d, s in
            switch kind {
            case .maximum:
                counter.row(terms: (d..<(d + s)).reduce(0) { $0 + layout.workedTerms(i, $1) })
            case .minimumWork, .minimumRest:
                let inner = (d..<(d + s)).reduce(0) { $0 + layout.workedTerms(i, $1) }
                counter.row(terms: inner + layout.workedTerms(i, d - 1) + layout.workedTerms(i, d + s))
            }
        }
    }

    func fill(into writer: inout RowWriter) {
        forEachRow { kind, i, d, s in
            switch kind {
            case .maximum:
                writer.beginRow(lower: -.infinity, upper: Double(s - 1))
                for j in d..<(d + s) { layout.addWorked(i, j, 1, to: &writer) }
            case .minimumWork:
                writer.beginRow(lower: -.infinity, upper: Double(s - 1))
                layout.addWorked(i, d - 1, -1, to: &writer)
                for j in d..<(d + s) { layout.addWorked(i, j, 1, to: &writer) }
                layout.addWorked(i, d + s, -1, to: &writer)
            case .minimumRest:
                writer.beginRow(lower: -.infinity, upper: 1)
                layout.addWorked(i, d - 1, 1, to: &writer)
                for j in d..<(d + s) { layout.addWorked(i, j, -1, to: &writer) }
                layout.addWorked(i, d + s, 1, to: &writer)
            }
        }
    }
}
