import Foundation
import ShiftBenchmark
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The bad instances of Tests/Fixtures/curtois-bad: each is the valid `base` below with one fault,
/// and must be refused at the given line with a message containing the given phrase.
@Suite struct ReaderErrorTests {
    /// The instance every fixture was made from (line numbers as in the fixtures).
    static let base = """
        # Bad-instance fixture: a small valid instance with one fault (see the file name).
        SECTION_HORIZON
        7

        SECTION_SHIFTS
        D,480,
        N,600,D

        SECTION_STAFF
        A,D=7|N=7,4320,960,5,1,1,1
        B,D=7|N=0,4320,960,5,1,1,1

        SECTION_DAYS_OFF
        A,0

        SECTION_SHIFT_ON_REQUESTS
        A,1,D,2

        SECTION_SHIFT_OFF_REQUESTS
        B,2,N,1

        SECTION_COVER
        0,D,1,100,1
        0,N,1,100,1
        1,D,1,100,1

        """

    struct Case: CustomTestStringConvertible, Sendable {
        let file: String
        let line: Int
        let phrase: String
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "unknown-section.txt", line: 13, phrase: "unknown section 'SECTION_HOLIDAYS'"),
        Case(file: "lowercase-section.txt", line: 22, phrase: "unknown section 'section_cover'"),
        Case(file: "missing-horizon.txt", line: 25, phrase: "missing SECTION_HORIZON"),
        Case(file: "missing-shifts.txt", line: 25, phrase: "missing SECTION_SHIFTS"),
        Case(file: "missing-staff.txt", line: 25, phrase: "missing SECTION_STAFF"),
        Case(file: "missing-cover.txt", line: 20, phrase: "missing SECTION_COVER"),
        Case(file: "horizon-not-multiple-of-7.txt", line: 3, phrase: "the horizon 10 is not a multiple of 7"),
        Case(file: "horizon-zero.txt", line: 3, phrase: "it must be a positive multiple of 7"),
        Case(file: "horizon-negative.txt", line: 3, phrase: "the horizon is negative (-7)"),
        Case(file: "horizon-fraction.txt", line: 3, phrase: "the horizon '7.5' is not a whole number"),
        Case(file: "horizon-two-values.txt", line: 4, phrase: "SECTION_HORIZON has more than one value line"),
        Case(file: "horizon-empty-section.txt", line: 2, phrase: "SECTION_HORIZON has no value"),
        Case(file: "shifts-duplicate-id.txt", line: 7, phrase: "duplicate shift id 'D' (first at line 6)"),
        Case(file: "shifts-field-count.txt", line: 6, phrase: "a SECTION_SHIFTS row has 2 fields; expected 3"),
        Case(file: "shifts-unknown-forbidden.txt", line: 7, phrase: "unknown shift 'X' in ForbiddenNext of shift 'N'"),
        Case(file: "shifts-forbidden-empty-entry.txt", line: 7, phrase: "ForbiddenNext of shift 'N' has an empty entry"),
        Case(file: "shifts-negative-length.txt", line: 6, phrase: "the length of shift 'D' is negative (-480)"),
        Case(file: "shifts-zero-length.txt", line: 6, phrase: "shift 'D' lasts 0 minutes"),
        Case(file: "shifts-empty-section.txt", line: 5, phrase: "SECTION_SHIFTS has no shift types"),
        Case(file: "staff-duplicate-id.txt", line: 11, phrase: "duplicate employee id 'A' (first at line 10)"),
        Case(file: "staff-field-count.txt", line: 10, phrase: "a SECTION_STAFF row has 7 fields; expected 8"),
        Case(file: "staff-maxshifts-unknown-shift.txt", line: 10, phrase: "unknown shift 'X' in MaxShifts of employee 'A'"),
        Case(file: "staff-maxshifts-missing-shift.txt", line: 11, phrase: "employee 'B' has no MaxShifts limit for shift 'N'"),
        Case(file: "staff-maxshifts-empty.txt", line: 10, phrase: "employee 'A' has no MaxShifts limit for shift 'D'"),
        Case(file: "staff-maxshifts-duplicate.txt", line: 10, phrase: "MaxShifts of employee 'A' lists shift 'D' twice"),
        Case(file: "staff-maxshifts-malformed.txt", line: 10, phrase: "MaxShifts entry 'D7' of employee 'A' is not ShiftID=limit"),
        Case(file: "staff-min-over-max.txt", line: 11, phrase: "MinTotalMinutes 960 of employee 'B' exceeds MaxTotalMinutes 900"),
        Case(file: "staff-not-integer.txt", line: 10, phrase: "MaxWeekends of employee 'A' 'x' is not a whole number"),
        Case(file: "staff-number-overflow.txt", line: 10, phrase: "MaxTotalMinutes of employee 'A' '99999999999999999999999' is too large"),
        Case(file: "daysoff-unknown-employee.txt", line: 14, phrase: "unknown employee 'Z' in SECTION_DAYS_OFF"),
        Case(file: "daysoff-day-out-of-range.txt", line: 14, phrase: "day 7 is outside the horizon (days 0 to 6)"),
        Case(file: "daysoff-repeated-row.txt", line: 15, phrase: "employee 'A' has a second SECTION_DAYS_OFF row (first at line 14)"),
        Case(file: "daysoff-repeated-day.txt", line: 14, phrase: "day 0 is listed twice for employee 'A'"),
        Case(file: "daysoff-no-days.txt", line: 14, phrase: "expected the employee id and at least one day"),
        Case(file: "request-unknown-employee.txt", line: 17, phrase: "unknown employee 'Z' in an on-request"),
        Case(file: "request-unknown-shift.txt", line: 20, phrase: "unknown shift 'X' in an off-request"),
        Case(file: "request-day-out-of-range.txt", line: 17, phrase: "day 9 is outside the horizon"),
        Case(file: "request-negative-weight.txt", line: 20, phrase: "the weight of the off-request is negative (-1)"),
        Case(file: "request-field-count.txt", line: 17, phrase: "a SECTION_SHIFT_ON_REQUESTS row has 3 fields; expected 4"),
        Case(file: "cover-duplicate-row.txt", line: 25, phrase: "a second cover row for day 0, shift 'D' (first at line 23)"),
        Case(file: "cover-unknown-shift.txt", line: 24, phrase: "unknown shift 'X' in SECTION_COVER"),
        Case(file: "cover-day-out-of-range.txt", line: 25, phrase: "day 7 is outside the horizon (days 0 to 6)"),
        Case(file: "cover-field-count.txt", line: 25, phrase: "a SECTION_COVER row has 4 fields; expected 5"),
        Case(file: "cover-empty-section.txt", line: 22, phrase: "SECTION_COVER has no rows"),
        Case(file: "duplicate-section.txt", line: 19, phrase: "SECTION_SHIFT_OFF_REQUESTS appears a second time (first at line 16)"),
        Case(file: "data-before-section.txt", line: 1, phrase: "data before the first section header: '7'"),
        Case(file: "crlf-unknown-employee.txt", line: 17, phrase: "unknown employee 'Z' in an on-request"),
        Case(file: "stray-carriage-return.txt", line: 6, phrase: "a carriage return (CR) in the middle of a line, at column 7"),
        Case(file: "binary-nul.txt", line: 10, phrase: "binary content (a NUL byte at column 16)"),
        Case(file: "control-character.txt", line: 14, phrase: "control character 0x07 at column 3"),
        Case(file: "non-ascii.txt", line: 1, phrase: "non-ASCII byte 0xC3 at column 6"),
        Case(file: "utf16.txt", line: 1, phrase: "non-ASCII byte 0xFF at column 1"),
        Case(file: "empty.txt", line: 1, phrase: "the file is empty"),
        Case(file: "blank-only.txt", line: 1, phrase: "the file is empty"),
        Case(file: "comments-only.txt", line: 2, phrase: "missing SECTION_HORIZON"),
    ]

    @Test(arguments: cases)
    func badInstance(_ c: Case) {
        let path = Paths.bad.appendingPathComponent(c.file).path
        do {
            let instance = try ShiftInstanceReader.read(path: path)
            Issue.record("\(c.file) was accepted: \(instance.days) days")
        } catch {
            #expect(error.file == path)
            #expect(error.line == c.line, "\(error)")
            #expect(error.description.contains(c.phrase), "\(error)")
            // One line: `file:line: problem; what to do`.
            #expect(error.description.hasPrefix("\(path):\(c.line): "))
            #expect(!error.description.contains("\n") && !error.description.contains("\r"))
            #expect(error.description.contains("; ") && !error.fix.isEmpty)
        }
    }

    /// Every fixture file is in the table (and there are at least 25).
    @Test func everyFixtureIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Paths.bad.path).sorted()
        #expect(files.count >= 25)
        #expect(Set(files) == Set(Self.cases.map(\.file)))
        #expect(Self.cases.count == Set(Self.cases.map(\.file)).count)
    }

    /// The fixtures' base is valid, so each fixture fails for its one fault only.
    @Test func baseIsValid() throws {
        let i = try ShiftInstanceReader.parse(text: Self.base, name: "base")
        #expect(i.name == "base" && i.days == 7)
        #expect(i.shifts.map(\.id) == ["D", "N"] && i.shifts[1].forbiddenNext == [0])
        #expect(i.staff.map(\.maxShifts) == [[7, 7], [7, 0]])
        #expect(i.staff[0].daysOff == [0] && i.staff[1].daysOff.isEmpty)
        #expect(i.cover[0][1].requirement == 1 && i.cover[1][1].requirement == 0)
        // The good counterpart of crlf-unknown-employee.txt parses with CRLF.
        let crlf = try ShiftInstanceReader.parse(text: Self.base.replacingOccurrences(of: "\n", with: "\r\n"), name: "base")
        #expect(fingerprint(crlf) == fingerprint(i))
    }

    /// Spaces around fields, comments inside sections, sections in any order, a UTF-8 BOM.
    @Test func lenientLayout() throws {
        let text = """
            \u{FEFF}SECTION_COVER
            # day, shift, requirement, under, over
            0 , D , 2 , 100 , 1
            SECTION_STAFF
            A, D=7 | N=1 ,4320,960,5,1,1,1

            # a comment between rows
            B,N=0|D=7,4320,960,5,1,1,1
            SECTION_SHIFTS
            \tN,600, D\t
            D,480,
            SECTION_HORIZON
              14
            """
        let i = try ShiftInstanceReader.parse(text: text, name: "x")
        #expect(i.days == 14 && i.shifts.map(\.id) == ["N", "D"] && i.shifts[0].forbiddenNext == [1])
        #expect(i.staff.map(\.maxShifts) == [[1, 7], [0, 7]])
        #expect(i.cover[0][1].requirement == 2 && i.cover[0][0].requirement == 0)
        #expect(i.onRequests.isEmpty && i.offRequests.isEmpty && i.staff.allSatisfy { $0.daysOff.isEmpty })
    }

    @Test func parseTextErrorsNameTheGivenName() {
        do {
            let text = Self.base.replacingOccurrences(of: "SECTION_HORIZON\n7\n", with: "SECTION_HORIZON\n12\n")
            _ = try ShiftInstanceReader.parse(text: text, name: "mine")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("mine:3: the horizon 12 is not a multiple of 7; "), "\(error)")
        }
        do {
            _ = try ShiftInstanceReader.parse(text: "# caf\u{E9}\n", name: "t")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 1 && error.problem.contains("non-ASCII"))
        }
    }

    /// Sizes that would make the cover table huge are refused at the line that sets them.
    @Test func sizeLimits() {
        let long = Self.base.replacingOccurrences(of: "SECTION_HORIZON\n7\n", with: "SECTION_HORIZON\n100002\n")
        #expect(throws: ShiftInstanceError(file: "t", line: 3, problem: "the horizon 100002 is longer than 100000 days",
                                           fix: "give a shorter horizon")) {
            try ShiftInstanceReader.parse(text: long, name: "t")
        }
        let shifts = (0..<1500).map { "s\($0),60," }.joined(separator: "\n")
        let wide = "SECTION_HORIZON\n700\nSECTION_SHIFTS\n\(shifts)\nSECTION_STAFF\nSECTION_COVER\n"
        do {
            _ = try ShiftInstanceReader.parse(text: wide, name: "t")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3 && error.problem.contains("more than 1000000 cover cells"), "\(error)")
        }
    }

    @Test func defaultNames() {
        #expect(ShiftInstanceReader.defaultName(forPath: "/a/b/Instance1.txt") == "Instance1")
        #expect(ShiftInstanceReader.defaultName(forPath: "Instance24.txt") == "Instance24")
        #expect(ShiftInstanceReader.defaultName(forPath: "dir.v2/my.instance.txt") == "my.instance")
        #expect(ShiftInstanceReader.defaultName(forPath: "noextension") == "noextension")
        #expect(ShiftInstanceReader.defaultName(forPath: ".hidden") == ".hidden")
    }

    // MARK: - Files

    func readError(_ path: String) -> ShiftInstanceError? {
        do {
            _ = try ShiftInstanceReader.read(path: path)
            return nil
        } catch {
            return error
        }
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curtois-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func missingFileAndFolder() throws {
        let missing = readError(Paths.bad.appendingPathComponent("no-such-file.txt").path)
        #expect(missing?.line == 1 && missing?.problem.contains("cannot open the file") == true, "\(String(describing: missing))")
        let folder = readError(Paths.bad.path)
        #expect(folder?.problem.contains("this is a folder") == true, "\(String(describing: folder))")
    }

    /// A file over 64 MB is refused from its size, before any byte is read: a sparse file of zeros
    /// would otherwise be reported as binary content.
    @Test func fileOver64MBIsRefusedBeforeReading() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.txt").path
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        #expect(fd >= 0)
        #expect(ftruncate(fd, off_t(65 * 1024 * 1024)) == 0)
        close(fd)
        let error = readError(path)
        #expect(error?.line == 1)
        #expect(error?.problem == "the file is 65 MB, larger than the 64 MB limit", "\(String(describing: error))")
        // Exactly 64 MB is within the limit (and then fails on its content).
        #expect(truncate(path, off_t(64 * 1024 * 1024)) == 0)
        #expect(readError(path)?.problem.contains("NUL") == true)
    }

    /// A FIFO is never opened for reading (that would block).
    @Test func fifoIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(readError(path)?.problem.contains("not a regular file") == true)
    }
}
