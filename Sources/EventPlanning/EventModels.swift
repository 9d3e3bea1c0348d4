import EventScenario
import LinearModel

extension ColumnLayout {
    /// The component's model: its columns, then every constraint family
    /// (one file each in `Constraints/`), counted then filled in two passes.
    func model() -> LinearModel { model(pins: []).model }

    /// The model with the rows of the component's pins last: `pinOfRow[i]` is the pin
    /// (index into `Scenario.pins`) of row `model.rowCount - pinOfRow.count + i`.
    func model(pins: [ResolvedPin]) -> (model: LinearModel, pinOfRow: [Int]) {
        var model = LinearModel()
        addColumns(to: &model)
        let pinned = Pins(layout: self, pins: pins)
        model.addRows([AssignmentTotals(layout: self), RestAndOverlap(layout: self), WeeklyHours(layout: self),
                       PatrolComposition(layout: self), ReservistShare(layout: self), Coverage(layout: self),
                       WeeklyRest(layout: self), pinned])
        return (model, pinned.pinOfRow)
    }
}

extension EventPlanner {
    /// The models `plan` solves, one per component, built exactly as `plan`
    /// builds them (classes, components, column layout, constraint families),
    /// without solving anything: for the generator benchmark.
    public static func models(_ scenario: Scenario) -> [LinearModel] {
        let index = PlanningIndex(scenario: scenario)
        let pins = (try? index.resolvePins()) ?? []
        return index.components().map { ColumnLayout(index: index, component: $0).model(pins: pins).model }
    }
}
