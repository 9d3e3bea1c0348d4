import Foundation
import Testing
import EventScenario

@Suite("Large and hostile inputs")
struct ScaleTests {
    /// Release builds read 30 000 people in a few tenths of a second; unoptimised debug builds
    /// are 20 times slower and share the machine with the other tests: the debug bound only
    /// catches a quadratic walk (which would take minutes).
    #if DEBUG
    static let limit = Duration.seconds(60)
    #else
    static let limit = Duration.seconds(1)
    #endif

    /// The base scenario with `count` generated people (all corps, lists, windows).
    static func bigScenario(people count: Int) -> String {
        var people: [String] = []
        people.reserveCapacity(count)
        let corps = ["national-police", "gendarmerie", "municipal-police", "transport-security", "private-security",
                     "police-reservist", "gendarmerie-reservist"]
        for i in 0..<count {
            let c = corps[i % corps.count]
            var fields = [#""id": "p-\#(i)""#, #""corps": "\#(c)""#, #""status": "\#(["OPJ", "APJ", "APJA", "none"][i % 4])""#,
                          #""qualifications": ["pat-down", "armed", "driver", "armed"]"#, #""radios": ["INPT", "SITE"]"#,
                          #""sex": "\#(i % 2 == 0 ? "F" : "M")""#, #""hoursThisWeek": \#(i % 40)"#, #""costPerHour": \#(20 + Double(i % 7) / 4)"#,
                          #""availability": [{"start": "2026-05-30T12:00:00+02:00", "end": "2026-05-30T14:00:00+02:00"}, {"start": "2026-05-30T16:00:00+02:00", "end": "2026-05-30T20:00:00+02:00"}]"#]
            if c == "municipal-police" { fields.append(#""commune": "sd""#) }
            if c == "private-security" { fields.append(#""site": "stadium""#) }
            people.append("{" + fields.joined(separator: ", ") + "}")
        }
        return baseScenario.replacingOccurrences(of: peopleBlock, with: ",\n  \"people\": [\n" + people.joined(separator: ",\n") + "\n  ]")
    }

    @Test func thirtyThousandPeople() throws {
        let text = Self.bigScenario(people: 30_000)
        let clock = ContinuousClock()
        let start = clock.now
        let s = try ScenarioReader.parse(text: text, format: .json, fileName: "big.json", baseFolder: nil)
        let elapsed = clock.now - start
        #expect(s.people.count == 30_000)
        #expect(s.people[29_999].id == "p-29999")
        #expect(s.people[7].qualifications == ["armed", "driver", "pat-down"])
        #expect(elapsed < Self.limit, "\(elapsed)")
        print("30 000 people (JSON, \(text.utf8.count / 1024) KB) read in \(elapsed)")
    }

    @Test func thirtyThousandPeopleFromCSV() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var csv = "id,corps,status,qualifications,commune,site,radios,availability,costPerHour\n"
        for i in 0..<30_000 {
            let corps = ["national-police", "municipal-police", "private-security"][i % 3]
            csv += "p-\(i),\(corps),none,armed;pat-down,\(i % 3 == 1 ? "sd" : ""),\(i % 3 == 2 ? "stadium" : ""),INPT,"
                + "2026-05-30T12:00:00+02:00/2026-05-30T14:00:00+02:00,\(i % 50)\n"
        }
        try folder.write("people.csv", csv)
        try folder.write("s.json", baseScenario.replacingOccurrences(of: peopleBlock, with: ",\n  \"peopleFile\": \"people.csv\""))
        let clock = ContinuousClock()
        let start = clock.now
        let s = try ScenarioReader.read(path: folder.file("s.json"))
        let elapsed = clock.now - start
        #expect(s.people.count == 30_000)
        #expect(s.people[29_998].commune == 0 && s.people[29_999].site == 0)
        #expect(elapsed < Self.limit, "\(elapsed)")
        print("30 000 people (CSV) read in \(elapsed)")
    }

    @Test(arguments: [ScenarioTextFormat.json, .yaml])
    func veryDeepNestingIsRefusedWithoutCrashing(format: ScenarioTextFormat) {
        let depth = 100_000
        let text = "{\"name\": " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let error = readError { () throws(ScenarioError) in
            try ScenarioReader.parse(text: text, format: format, fileName: "deep", baseFolder: nil)
        }
        #expect(error?.location == "line 1")
        #expect(error?.description.contains("nested deeper than 64 levels") == true, "\(String(describing: error))")
    }

    @Test func deepBlockYAMLIsRefused() {
        var text = "format: continuum-event/1\nname:\n"
        for level in 0..<200 {
            text += String(repeating: " ", count: level + 1) + "k\(level):\n"
        }
        let error = readError { () throws(ScenarioError) in
            try ScenarioReader.parse(text: text, format: .yaml, fileName: "deep.yaml", baseFolder: nil)
        }
        #expect(error?.location == "line 66", "\(String(describing: error))")
        #expect(error?.description.contains("nested deeper than 64 levels") == true, "\(String(describing: error))")
    }

    @Test func nestingOf64LevelsIsAllowedByTheParser() {
        // 64 levels parse; the walker then refuses the value for its type, not for its depth.
        let text = "{\"name\": " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        let error = readError { () throws(ScenarioError) in
            try ScenarioReader.parse(text: text, format: .json, fileName: "d.json", baseFolder: nil)
        }
        #expect(error?.location == "$")
        #expect(error?.description.contains("missing required field 'format'") == true, "\(String(describing: error))")
    }
}
