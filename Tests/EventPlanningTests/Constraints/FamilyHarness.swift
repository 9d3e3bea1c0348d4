import EventScenario
import LinearModel
@testable import EventPlanning

/// The columns of one component of a scenario and the rows of a single constraint family,
/// so that each family's rows can be read against the mathematics in its doc comment.
struct FamilyHarness {
    let index: PlanningIndex
    let layout: ColumnLayout

    init(_ scenario: Scenario, component: Int = 0) {
        index = PlanningIndex(scenario: scenario)
        layout = ColumnLayout(index: index, component: index.components()[component])
    }

    /// A model holding every column of the component and only `family`'s rows.
    func rows(_ family: some ConstraintFamily) -> LinearModel {
        var model = LinearModel()
        layout.addColumns(to: &model)
        _ = model.addRows(family)
        return model
    }

    /// Row `r` of `model` as (column, coefficient) pairs.
    static func terms(_ model: LinearModel, _ r: Int) -> [(column: Int, coefficient: Double)] {
        (Int(model.rowStart[r])..<Int(model.rowStart[r + 1])).map { (Int(model.columnIndex[$0]), model.coefficient[$0]) }
    }

    /// What a column is, by the layout's column order (x, w, p, u, y).
    enum Kind: Equatable { case x, w, p, u, y }
    func kind(_ column: Int) -> Kind {
        if column < layout.wBase { return .x }
        if column < layout.pBase { return .w }
        if column < layout.uBase { return .p }
        if column < layout.yBase { return .u }
        return .y
    }
}
