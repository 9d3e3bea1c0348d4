import LinearModel
import ReservistPlanning
import ReservistScenario

/// The reservist plan in JSON (docs/reservist-format.md), CSV and a table.
enum ReservistReport {
    /// Each day's date as written, formatted once.
    private struct Dates {
        let scenario: ReservistScenario
        let text: [String]
        init(_ scenario: ReservistScenario) {
            self.scenario = scenario
            text = (0..<scenario.dayCount).map { scenario.date(ofDay: $0).description }
        }
        subscript(day: Int) -> String { text.indices.contains(day) ? text[day] : scenario.date(ofDay: day).description }
    }

    private static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func json(_ plan: CallUpPlan, _ scenario: ReservistScenario) -> String {
        var json = JSONWriter()
        json.beginObject()
        json.field("format", "continuum-reservist-plan/1")
        json.field("scenario", scenario.name)
        json.field("status", plan.termination.rawValue)
        json.field("objective", cents(plan.objective))
        json.field("bound", cents(plan.bound))
        json.field("gap", plan.gap.map { ($0 * 1e9).rounded() / 1e9 })
        json.beginObject("totals")
        json.field("pay", cents(plan.pay))
        json.field("travel", cents(plan.travel))
        json.field("fairness", cents(plan.fairness))
        json.field("shortfall", cents(plan.shortfall))
        json.field("daysCalled", plan.daysCalled)
        json.field("reservistsUsed", plan.reservistsUsed)
        json.field("capUse", (plan.capUse * 1e6).rounded() / 1e6)
        json.field("missingDays", plan.missingDays)
        json.field("continuity", (plan.continuity * 1e6).rounded() / 1e6)
        json.endObject()
        json.beginArray("callups")
        // Each day's date, written once.
        let dates = Dates(scenario)
        for callUp in plan.callUps {
            json.beginObject()
            json.field("reservist", scenario.reservists[callUp.reservist].id)
            json.field("mission", scenario.missions[callUp.mission].id)
            json.beginArray("days")
            for day in callUp.days { json.element(dates[day]) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.beginArray("coverage")
        for entry in plan.coverage {
            json.beginObject()
            json.field("department", scenario.departments[entry.department].id)
            json.field("date", dates[entry.day])
            json.field("needed", entry.needed)
            json.field("covered", entry.covered)
            json.field("missing", entry.missing)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.text
    }

    static func csv(_ plan: CallUpPlan, _ scenario: ReservistScenario) -> String {
        var lines = ["reservist,mission,days"]
        let dates = Dates(scenario)
        for callUp in plan.callUps {
            lines.append("\(scenario.reservists[callUp.reservist].id),\(scenario.missions[callUp.mission].id),"
                         + callUp.days.map { dates[$0] }.joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func table(_ plan: CallUpPlan, _ scenario: ReservistScenario) -> String {
        var out = [scenario.name,
                   "status \(plan.termination.rawValue)   objective \(Format.number(cents(plan.objective)))   "
                       + "bound \(Format.number(cents(plan.bound)))   gap \(Format.percent(plan.gap))",
                   "pay \(Format.number(cents(plan.pay)))   travel \(Format.number(cents(plan.travel)))   fairness "
                       + "\(Format.number(cents(plan.fairness)))   shortfall \(Format.number(cents(plan.shortfall)))",
                   "days called \(plan.daysCalled)   reservists used \(plan.reservistsUsed) of "
                       + "\(scenario.reservists.count)   cap use \(Format.percent(plan.capUse))   missing days "
                       + "\(plan.missingDays)   continuity \(Format.percent(plan.continuity))",
                   "", "CALL-UPS", "reservist  mission  days"]
        for callUp in plan.callUps {
            let days = callUp.days
            out.append("\(scenario.reservists[callUp.reservist].id)  \(scenario.missions[callUp.mission].id)  "
                       + "\(scenario.date(ofDay: days[0]))" + (days.count > 1 ? " .. \(scenario.date(ofDay: days.last!)) (\(days.count) days)" : ""))
        }
        out.append("")
        out.append("SHORTFALL (department, date: missing of needed)")
        let short = plan.coverage.filter { $0.missing > 0 }
        for entry in short {
            out.append("\(scenario.departments[entry.department].id)  \(scenario.date(ofDay: entry.day))  "
                       + "\(entry.missing) of \(entry.needed)")
        }
        if short.isEmpty { out.append("(none)") }
        return out.joined(separator: "\n") + "\n"
    }
}
