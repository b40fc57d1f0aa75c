import HwbTestSupport
import Testing

/// The other side of the interactive shell: with commands on a pipe hwbsh shows no
/// welcome, prompt or goodbye, never asks before destroying, never colours, and keeps no
/// history; its output stays plain and stable.
@Suite struct PipedInputTests {
    static let setUp = """
        school add 6612001 name="Ysgol y Môr"
        create sian name="Siân Ŵyn" category=governor school=6612001
        content sian 12

        """

    @Test func pipedInputShowsOnlyTheResults() throws {
        let result = try Executable.run(["--date", "2027-07-20"], stdin: "date\nwhoami\ndate advance 1d\n")
        #expect(result.status == 0)
        #expect(result.stdoutLines == ["2027-07-20", "service-desk (every school)", "today is 2027-07-21 (Wednesday)"])
        #expect(result.stderr == "")
    }

    @Test func pipedInputNeverAsksBeforeDestroying() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Were it to ask, the line after each destroying command would be taken as the answer.
        let result = try Executable.run(["--date", "2027-07-20"], stdin: Self.setUp + """
            save before.snap
            close sian now
            count status=deactivated
            date advance 13m
            sweep
            count
            create wyn name=Ŵyn category=governor school=6612001
            load before.snap
            count

            """, directory: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("[y/N]"))
        #expect(!result.stdout.contains("cancelled"))
        let lines = result.stdoutLines
        #expect(lines.contains("closed sian; deleted for good on 2028-07-20 unless reactivated"))
        #expect(lines.filter { $0.count <= 2 } == ["1", "0", "1"], "deactivated, after the sweep, after the load")
    }

    @Test func pipedOutputHasNoColour() throws {
        let result = try Executable.run(["--date", "2027-07-20"], stdin: Self.setUp + "list\nshow sian\nexpiring\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("  active  "))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func pipedOutputIsNotFittedToAnyWidth() throws {
        let long = "Siân ap Gwenllïan Hughes-Williams o Ynys Môn a Phen Llŷn"
        let result = try Executable.run(["--date", "2027-07-20"], stdin: """
            school add 6612001 name="Ysgol y Môr"
            create sian name="\(long)" category=governor school=6612001
            list

            """)
        #expect(result.stdout.contains(long))
        #expect(!result.stdout.contains("…"))
    }

    @Test func pipedInputKeepsNoHistory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let environment = ["HOME": folder.path, "HWBSH_HISTORY": folder.file("history"), "LANG": "C.UTF-8"]
        let result = try Executable.run(["--date", "2027-07-20"], stdin: "date\nwhoami\n", environment: environment)
        #expect(result.status == 0)
        #expect(result.stdoutLines == ["2027-07-20", "service-desk (every school)"])
        #expect(!folder.exists("history"))
        #expect(!folder.exists(".hwbsh_history"))
    }

    @Test func pipedInputStopsAtTheFirstErrorWithStatusOne() throws {
        let result = try Executable.run(["--date", "2027-07-20"], stdin: "date\nkep sian\ndate\n")
        #expect(result.status == 1)
        #expect(result.stdoutLines == ["2027-07-20"])
        #expect(result.stderrLines.first?.hasPrefix("<stdin>:2:1: error: unknown command \"kep\"") == true)
        #expect(!result.stderr.contains("^"), "no caret off a terminal")
    }
}
