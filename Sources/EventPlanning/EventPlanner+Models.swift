import EventScenario
import LinearModel

extension EventPlanner {
    /// The model of every component, built as `plan` builds it (same columns, same
    /// constraint families in the same order) but not solved: for benchmarks and exports.
    /// Keep the family list identical to `ComponentSolver.solve()`.
    public static func componentModels(_ scenario: Scenario) -> [LinearModel] {
        let index = PlanningIndex(scenario: scenario)
        return index.components().map { component in
            let layout = ColumnLayout(index: index, component: component)
            var model = LinearModel()
            layout.addColumns(to: &model)
            model.addRows([AssignmentTotals(layout: layout), RestAndOverlap(layout: layout), WeeklyHours(layout: layout),
                           PatrolComposition(layout: layout), ReservistShare(layout: layout), Coverage(layout: layout)])
            return model
        }
    }
}
