import EventScenario
import LinearModel

extension ColumnLayout {
    /// The component's model: its columns, then every constraint family
    /// (one file each in `Constraints/`), counted then filled in two passes.
    func model() -> LinearModel {
        var model = LinearModel()
        addColumns(to: &model)
        model.addRows([AssignmentTotals(layout: self), RestAndOverlap(layout: self), WeeklyHours(layout: self),
                       PatrolComposition(layout: self), ReservistShare(layout: self), Coverage(layout: self),
                       WeeklyRest(layout: self)])
        return model
    }
}

extension EventPlanner {
    /// The models `plan` solves, one per component, built exactly as `plan`
    /// builds them (classes, components, column layout, constraint families),
    /// without solving anything: for the generator benchmark.
    public static func models(_ scenario: Scenario) -> [LinearModel] {
        let index = PlanningIndex(scenario: scenario)
        return index.components().map { ColumnLayout(index: index, component: $0).model() }
    }
}
