import Foundation
import Testing
import EventScenario

/// The base scenario with its people moved to `people.csv` (plus `inline` people kept in the JSON).
private func scenarioWithPeopleFile(_ peopleFile: String = "people.csv", inline: String? = nil) -> String {
    let people = inline.map { ",\n  \"people\": [\($0)]" } ?? ""
    return baseScenario.replacingOccurrences(of: peopleBlock, with: ",\n  \"peopleFile\": \"\(peopleFile)\"\(people)")
}

private let header = "id,corps,status,qualifications,sex,commune,radios,site,publicRoadAuthorised,availability,lastShiftEnd,hoursThisWeek,costPerHour"

/// Writes `scenario.json` and `people.csv` in a new folder, reads the scenario, removes the folder.
private func readWithCSV(_ csv: String, scenario: String = scenarioWithPeopleFile()) throws -> Result<Scenario, ScenarioError> {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("scenario.json", scenario)
    try folder.write("people.csv", csv)
    do throws(ScenarioError) {
        return .success(try ScenarioReader.read(path: folder.file("scenario.json")))
    } catch {
        // Messages name the CSV by the scenario's folder: keep only the file name for the checks.
        var error = error
        error.file = (error.file as NSString).lastPathComponent
        return .failure(error)
    }
}

private func csvError(_ csv: String, scenario: String = scenarioWithPeopleFile(),
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> ScenarioError? {
    switch try readWithCSV(csv, scenario: scenario) {
    case .success:
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return nil
    case .failure(let error):
        return error
    }
}

@Suite("CSV people files")
struct CSVTests {
    @Test func readsQuotedFieldsAndAnyColumnOrder() throws {
        let csv = """
            corps , id,qualifications,site,commune,costPerHour,availability
            national-police,"np-1",,,,12.5,
            private-security, ps-1 ,"pat-down;armed; pat-down",stadium,,0,2026-05-30T12:00:00+02:00/2026-05-30T14:00:00+02:00
            municipal-police,pm-1,,,"sd",,
            """
        let s = try readWithCSV(csv).get()
        #expect(s.people.map(\.id) == ["np-1", "ps-1", "pm-1"])
        #expect(s.people.map(\.corps) == [.nationalPolice, .privateSecurity, .municipalPolice])
        #expect(s.people[0].costPerHour == 12.5)
        #expect(s.people[0].availability == [TimeWindow(start: s.horizon.start, end: s.horizon.end)])
        #expect(s.people[1].qualifications == ["armed", "pat-down"])
        #expect(s.people[1].availability.count == 1 && s.people[1].availability[0].end.description == "2026-05-30T14:00:00+02:00")
        #expect(s.people[1].site == 0 && s.people[2].commune == 0)
    }

    @Test func quotedFieldsMaySpanLinesAndContainCommas() throws {
        // Quoted commas and line breaks end up inside a value; here, in an id, which then fails the id
        // check on the record's first line, proving the field was read whole.
        let error = try csvError("id,corps\n\"np,\n1\",national-police\n")
        #expect(error?.location == "line 2")
        #expect(error?.description.contains("person id 'np,\\n1' contains ','") == true, "\(String(describing: error))")
        // Doubled quotes are one quote.
        let quote = try csvError("id,corps\n\"a\"\"b\",national-police\n")
        #expect(quote?.description.contains("person id 'a\"b' contains '\"'") == true, "\(String(describing: quote))")
    }

    @Test func inlineAndCSVPeopleAreJoined() throws {
        let scenario = scenarioWithPeopleFile(inline: #"{"id": "gn-1", "corps": "gendarmerie"}"#)
        let s = try readWithCSV("id,corps\nnp-1,national-police\n", scenario: scenario).get()
        #expect(s.people.map(\.id) == ["gn-1", "np-1"])
    }

    @Test(arguments: [
        // (csv, location, phrase)
        ("id,corp\nnp-1,national-police\n", "line 1", "unknown column 'corp'"),
        ("id,status\nnp-1,OPJ\n", "line 1", "the header has no 'corps' column"),
        ("id,corps,id\nnp-1,national-police,x\n", "line 1", "column 'id' appears twice"),
        ("\(header)\nnp-1,national-police\n", "line 2", "2 fields, but the header has 13 columns"),
        ("id,corps\nnp-1,national-police\n\"np-2,national-police\n", "line 3", "a quoted field is never closed"),
        ("id,corps\nnp-1,national-police\nnp\"2,national-police\n", "line 3", "a quote inside an unquoted field"),
        ("id,corps\n\"np-1\"x,national-police\n", "line 2", "text after the closing quote"),
        ("id,corps\nnp-1,national-police\n\nnp-2,national-polise\n", "line 4", "column 'corps': unknown corps 'national-polise'"),
        ("id,corps\nnp-1,national-police\nnp-1,gendarmerie\n", "line 3", "duplicate person id 'np-1' (already used at line 2)"),
        ("id,corps,hoursThisWeek\nnp-1,national-police,\"12,5\"\n", "line 2", "use a dot as the decimal separator"),
        ("id,corps,costPerHour\nnp-1,national-police,nan\n", "line 2", "column 'costPerHour': 'nan' is not a number"),
        ("id,corps,costPerHour\nnp-1,national-police,-1\n", "line 2", "-1 is out of range"),
        ("id,corps,publicRoadAuthorised\nps-1,private-security,yes\n", "line 2", "expected true or false, found 'yes'"),
        ("id,corps\npm-1,municipal-police\n", "line 2", "municipal police officer 'pm-1' has no commune; fill the commune column"),
        ("id,corps,site\nps-1,private-security,arena\n", "line 2", "unknown site 'arena'"),
        ("id,corps,availability\nnp-1,national-police,2026-05-30T12:00:00+02:00\n", "line 2", "is not start/end"),
        ("id,corps,availability\nnp-1,national-police,2026-05-30T12:00:00/2026-05-30T14:00:00+02:00\n", "line 2", "has no UTC offset"),
        ("id,corps,availability\nnp-1,national-police,2026-05-30T12:00:00+02:00/2026-05-30T21:00:00+02:00\n", "line 2", "outside the horizon"),
        ("id,corps,qualifications\nnp-1,national-police,armed;;leader\n", "line 2", "empty item in the list"),
        ("id,corps\r\nnp-1,national-police\r\n,gendarmerie\r\n", "line 3", "column 'id': missing id"),
        ("", "line 1", "the file is empty"),
        ("\n\n", "line 1", "the people file is empty"),
    ])
    func rejects(csv: String, location: String, phrase: String) throws {
        let error = try csvError(csv)
        #expect(error?.file == "people.csv")
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.description.contains(phrase) == true, "\(String(describing: error))")
    }

    @Test func csvDuplicatesAnInlinePerson() throws {
        let scenario = scenarioWithPeopleFile(inline: #"{"id": "np-1", "corps": "gendarmerie"}"#)
        let error = try csvError("id,corps\nnp-1,national-police\n", scenario: scenario)
        #expect(error?.location == "line 2")
        #expect(error?.description.contains("duplicate person id 'np-1' (already used at $.people[0])") == true)
    }
}

@Suite("Scenario and people files")
struct FileTests {
    @Test func peopleFileMustStayInsideTheScenarioFolder() throws {
        let outer = try TemporaryFolder()
        defer { outer.remove() }
        let folder = outer.path + "/event"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try outer.write("secret.csv", "id,corps\nnp-1,national-police\n")
        try outer.write("event/sub/people.csv", "id,corps\nnp-1,national-police\n")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.csv", withDestinationPath: outer.file("secret.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/inside.csv", withDestinationPath: "sub/people.csv")

        func attempt(_ peopleFile: String) throws -> Result<Scenario, ScenarioError> {
            try outer.write("event/scenario.json", scenarioWithPeopleFile(peopleFile))
            do throws(ScenarioError) {
                return .success(try ScenarioReader.read(path: folder + "/scenario.json"))
            } catch {
                return .failure(error)
            }
        }
        func expectRefused(_ peopleFile: String, _ phrase: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            guard case .failure(let error) = try attempt(peopleFile) else {
                Issue.record("\(peopleFile) was accepted", sourceLocation: sourceLocation)
                return
            }
            #expect(error.location == "$.peopleFile", sourceLocation: sourceLocation)
            #expect(error.description.contains(phrase), "\(error)", sourceLocation: sourceLocation)
        }
        try expectRefused("../secret.csv", "leads out of the scenario's folder")
        try expectRefused("sub/../../secret.csv", "leads out of the scenario's folder")
        try expectRefused(outer.file("secret.csv"), "is an absolute path")
        try expectRefused("link.csv", "outside the scenario's folder")
        try expectRefused("missing.csv", "not found")
        // Inside the folder, through a subfolder, `..` that stays inside, or a symlink that stays inside: read.
        for good in ["sub/people.csv", "./sub/../sub/people.csv", "inside.csv"] {
            #expect(try attempt(good).get().people.map(\.id) == ["np-1"], "\(good)")
        }
        // Errors in the CSV name the file by the scenario's folder.
        try outer.write("event/sub/people.csv", "id,corps\nnp-1,national-polise\n")
        guard case .failure(let error) = try attempt("sub/people.csv") else { Issue.record("accepted"); return }
        #expect(error.file == folder + "/sub/people.csv")
        #expect(error.location == "line 2")
    }

    @Test func folderAsPeopleFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: true)
        try folder.write("scenario.json", scenarioWithPeopleFile("sub"))
        let error = readError { () throws(ScenarioError) in try ScenarioReader.read(path: folder.file("scenario.json")) }
        #expect(error?.file == folder.file("sub"))
        #expect(error?.description.contains("this is a folder, not a file") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        // (file name, content, location, phrase)
        ("s.txt", Array("{}".utf8), "line 1", "unknown scenario file type"),
        ("s.json", [], "line 1", "the file is empty"),
        ("s.yaml", Array("\n  \n".utf8), "line 1", "the file is empty"),
        ("s.json", Array("{\n\"name\": \"a".utf8) + [0, 0, 0], "line 2", "binary content"),
        ("s.json", Array("{\n\n\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8), "line 3", "not valid UTF-8"),
        ("s.json", [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], "line 1", "UTF-16"),
        ("s.json", [0xEF, 0xBB, 0xBF] + Array("[]".utf8), "$", "expected the scenario (an object)"),  // BOM skipped
    ] as [(String, [UInt8], String, String)])
    func refusesFile(name: String, bytes: [UInt8], location: String, phrase: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(name, bytes: bytes)
        let error = readError { () throws(ScenarioError) in try ScenarioReader.read(path: folder.file(name)) }
        #expect(error?.file == folder.file(name))
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.description.contains(phrase) == true, "\(String(describing: error))")
    }

    @Test func refusesMissingFileAndFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = readError { () throws(ScenarioError) in try ScenarioReader.read(path: folder.file("nope.json")) }
        #expect(missing?.description.contains("cannot open the file") == true)
        try FileManager.default.createDirectory(atPath: folder.file("dir.json"), withIntermediateDirectories: true)
        let dir = readError { () throws(ScenarioError) in try ScenarioReader.read(path: folder.file("dir.json")) }
        #expect(dir?.description.contains("this is a folder") == true)
    }

    @Test func refusesFilesOver64MBWithoutReadingThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("huge.json")
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(ScenarioReader.maximumFileBytes) + 1)  // sparse: nothing is written
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let error = readError { () throws(ScenarioError) in try ScenarioReader.read(path: path) }
        #expect(clock.now - start < .seconds(1))
        #expect(error?.location == "line 1")
        #expect(error?.description.contains("larger than the 64 MB limit") == true, "\(String(describing: error))")
        // Exactly 64 MB is allowed past the size check (and then fails as binary: the file is all NULs).
        try FileHandle(forWritingAtPath: path)!.truncate(atOffset: UInt64(ScenarioReader.maximumFileBytes))
        let atLimit = readError { () throws(ScenarioError) in try ScenarioReader.read(path: path) }
        #expect(atLimit?.description.contains("binary content") == true, "\(String(describing: atLimit))")
    }
}

@Suite("Bad fixture files")
struct BadFixtureTests {
    @Test(arguments: [
        // (fixture, file named in the error, location, phrase)
        ("unknown-zone.json", "unknown-zone.json", "$.demand[1].zone", "unknown zone 'gate-z'; use one of the ids in $.zones"),
        ("no-offset.yaml", "no-offset.yaml", "$.demand[0].start", "time '2026-05-30T14:00:00' has no UTC offset"),
        ("escaping-people-file.json", "escaping-people-file.json", "$.peopleFile", "leads out of the scenario's folder"),
        ("bad-people.json", "bad-people.csv", "line 4", "municipal police officer 'pm-1' has no commune; fill the commune column"),
    ] as [(String, String, String, String)])
    func refuses(fixture: String, file: String, location: String, phrase: String) {
        let path = Fixtures.path("scenarios/bad/" + fixture)
        let error = readError { () throws(ScenarioError) in try ScenarioReader.read(path: path) }
        #expect(error?.file == Fixtures.path("scenarios/bad/" + file))
        #expect(error?.location == location, "\(String(describing: error))")
        #expect(error?.description.contains(phrase) == true, "\(String(describing: error))")
    }
}
