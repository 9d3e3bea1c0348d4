import Foundation
import Testing
import EventScenario

/// `pinned`: assignments fixed in advance. References resolve, and pins that contradict each other
/// or the person are refused with an error naming both items.
@Suite struct PinReaderTests {
    static func scenario(pinned: String) -> String {
        let end = baseScenario.range(of: "\n}", options: .backwards)!.lowerBound
        return String(baseScenario[..<end]) + ",\n  \"pinned\": [\(pinned)]\n}"
    }

    static func pin(_ person: String, _ zone: String, _ role: String, _ from: String, _ to: String,
                    template: String? = nil) -> String {
        let t = template.map { ", \"patrolTemplate\": \"\($0)\"" } ?? ""
        return "{\"person\": \"\(person)\", \"zone\": \"\(zone)\", \"role\": \"\(role)\"\(t), "
            + "\"start\": \"2026-05-30T\(from):00+02:00\", \"end\": \"2026-05-30T\(to):00+02:00\"}"
    }

    static func read(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioReader.parse(text: text, format: .json, fileName: "pins.json", baseFolder: nil)
    }

    @Test func pinsAreReadWithTheirReferences() throws {
        let scenario = try Self.read(Self.scenario(pinned: Self.pin("np-1", "gate-a", "leader", "12:00", "16:00", template: "pair")
                                                  + ", " + Self.pin("pm-1", "road", "watch", "12:00", "16:00")))
        #expect(scenario.pins.count == 2)
        #expect(scenario.pins[0].person == 0 && scenario.pins[0].zone == 0 && scenario.pins[0].template == 0)
        #expect(scenario.pins[1].template == nil && scenario.pins[1].role == "watch")
    }

    @Test func aPersonPinnedToTwoPlacesAtOnceNamesBothPins() {
        let text = Self.scenario(pinned: Self.pin("np-1", "gate-a", "leader", "12:00", "16:00", template: "pair")
                                 + ", " + Self.pin("np-1", "road", "watch", "14:00", "18:00"))
        guard let error = readError({ () throws(ScenarioError) in try Self.read(text) }) else { return }
        #expect(error.location.contains("$.pinned[1]"), "\(error)")
        #expect(error.problem.contains("two places at once"))
        #expect(error.problem.contains("$.pinned[0]") && error.problem.contains("gate-a") && error.problem.contains("road"))
    }

    @Test func tooLittleRestBetweenPinsIsNamed() {
        let text = Self.scenario(pinned: Self.pin("np-1", "gate-a", "leader", "12:00", "14:00", template: "pair")
                                 + ", " + Self.pin("np-1", "road", "watch", "16:00", "20:00"))
        guard let error = readError({ () throws(ScenarioError) in try Self.read(text) }) else { return }
        #expect(error.problem.contains("rest") && error.problem.contains("$.pinned[0]"), "\(error)")
    }

    @Test func unknownReferencesAndRolesAreRefused() {
        for (pinned, path) in [(Self.pin("nobody", "road", "watch", "12:00", "16:00"), "$.pinned[0].person"),
                               (Self.pin("np-1", "nowhere", "watch", "12:00", "16:00"), "$.pinned[0].zone"),
                               (Self.pin("np-1", "gate-a", "driver", "12:00", "16:00", template: "pair"), "$.pinned[0].role")] {
            guard let error = readError({ () throws(ScenarioError) in try Self.read(Self.scenario(pinned: pinned)) }) else { continue }
            #expect(error.location.contains(path), "\(error)")
        }
    }
}
