import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// Running script text and `run FILE`: messages name `FILE:LINE:COL:`, the first failure
/// stops the script unless keeping going, and `run` nests but refuses runaway recursion.
@Suite struct ScriptRunnerTests {
    @Test func errorNamesFileLineAndColumnOfTheOffendingWord() {
        let session = ShellSession(keepGoing: true)
        let result = session.run("date\n\n# comment\ndate set 2027-13-01", file: "plan.hwb")
        #expect(result.errors == #"plan.hwb:4:10: error: expected a date YYYY-MM-DD, got "2027-13-01" (no such day, or a year outside 1900-9999)"# + "\n")
    }

    @Test func ruleErrorPointsAtItsCommandOnTheLine() {
        let session = ShellSession()
        session.run(Scenarios.schools)
        let result = session.run(#"date; create kid name="Kid" category=learner school=6612001"#, file: "k.hwb")
        #expect(result.errors.hasPrefix("k.hwb:1:7: error: "))
    }

    @Test func stopsAtTheFirstFailedCommandByDefault() {
        let session = ShellSession(keepGoing: false)
        let result = session.run("date\nkeep nobody 6m\ndate advance 1d\nbogus", file: "s.hwb")
        #expect(result.output == "2027-07-01\n")
        #expect(result.errorLines == ["s.hwb:2:1: error: no account nobody"])
        #expect(session.shell.hasFailed)
        #expect(session.shell.store.today == Fixtures.date("2027-07-01"))
    }

    @Test func stopsWithinALineToo() {
        let session = ShellSession(keepGoing: false)
        let result = session.run("bogus; date advance 1d", file: "s.hwb")
        #expect(result.output == "")
        #expect(result.errorLines.count == 1)
        #expect(session.shell.store.today == Fixtures.date("2027-07-01"))
    }

    @Test func keepGoingReportsEachFailureAndRunsTheRest() {
        let session = ShellSession(keepGoing: true)
        let result = session.run("date\nkeep nobody 6m\nbogus; date advance 1d; show x!\ndate", file: "s.hwb")
        #expect(result.output == "2027-07-01\ntoday is 2027-07-02 (Friday)\n2027-07-02\n")
        #expect(result.errorLines.count == 3)
        #expect(result.errorLines[0].hasPrefix("s.hwb:2:1: error: "))
        #expect(result.errorLines[1].hasPrefix("s.hwb:3:1: error: "))
        #expect(result.errorLines[2].hasPrefix("s.hwb:3:30: error: "))
        #expect(session.shell.hasFailed)
    }

    @Test func aRefusedCommandChangesNothing() {
        let session = ShellSession()
        session.run(Scenarios.everyShape)
        let before = session.exportJSON()
        let audit = session.run("audit").output
        for command in ["keep st 6m", "close ln now", "reactivate zed", "create zed name=Z category=governor school=6612001",
                        "mis leave al", "signin al", "date set 2027-01-01", "reactivate st until=2027-08-01"] {
            let result = session.run(command)
            #expect(result.errors != "", "\(command) was accepted")
            #expect(result.output == "", "\(command) printed a result")
        }
        #expect(session.exportJSON() == before)
        #expect(session.run("audit").output == audit)
    }

    /// One command per line (docs/language.md): a trailing backslash does not join the next
    /// line, so a comment ending in one cannot swallow the following command.
    @Test func aTrailingBackslashDoesNotJoinLines() {
        let session = ShellSession()
        session.run(Scenarios.schools)
        let result = session.run("# files in C:\\\ncreate jo name=\"Jo\" category=governor school=6612001\nshow \\\ndate", file: "c.hwb")
        #expect(result.output.hasPrefix("created jo (non-MIS, governor) at 6612001, expires 2027-08-31\n"))
        #expect(result.output.hasSuffix("2027-07-01\n"))
        #expect(result.errors.hasPrefix("c.hwb:3:6: error: expected an account id"), "\(result.errors)")
    }

    @Test func crlfLineEndsAreIgnored() {
        let session = ShellSession()
        let result = session.run("school add 6612001 name=\"A\"\r\ncount\r\ndate set 2027-13-01\r\n", file: "w.hwb")
        #expect(result.output == "added school 6612001 A\n0\n")
        #expect(result.errors == #"w.hwb:3:10: error: expected a date YYYY-MM-DD, got "2027-13-01" (no such day, or a year outside 1900-9999)"# + "\n")
    }

    @Test func invalidUTF8IsOneErrorNamingTheByte() {
        let console = BufferConsole()
        let shell = Shell(store: Store(today: Fixtures.date("2027-07-01")), console: console)
        shell.keepGoing = true
        shell.run(ScriptLines(bytes: Array("date\ndate \u{e9}".utf8) + [0xC3, 0x28] + Array("\ndate\n".utf8)), file: "u.hwb")
        #expect(console.output == "2027-07-01\n2027-07-01\n")
        #expect(console.errors.hasPrefix("u.hwb:2:7: error: "))
        #expect(console.errors.contains("UTF-8"))
        #expect(console.errors.split(separator: "\n").count == 1)
    }

    @Test func overlongLineIsOneError() {
        let session = ShellSession()
        let result = session.run("date\nschool add 6612001 name=\"" + String(repeating: "x", count: 100_000) + "\"\ndate", file: "l.hwb")
        #expect(result.output == "2027-07-01\n2027-07-01\n")
        #expect(result.errorLines.count == 1)
        #expect(result.errors.hasPrefix("l.hwb:2:1: error: "))
        #expect(result.errors.contains("65536"))
    }

    // MARK: run FILE

    @Test func runExecutesAFileInTheSameStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("setup.hwb", Scenarios.schools + "\n" + #"create jo name="Jo" category=governor school=6612001"#)
        let session = ShellSession()
        let result = session.run("run \(path)\ncount")
        #expect(result.errors == "")
        #expect(result.outputLines.last == "1")
    }

    @Test func nestedRunsReportErrorsWithTheInnerFileAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inner = try folder.write("inner.hwb", "date advance 1d\n\nkeep nobody 6m\ndate advance 1d\n")
        let middle = try folder.write("middle.hwb", "run \(inner)\ndate advance 1w\n")
        let session = ShellSession(keepGoing: false)
        let result = session.run("run \(middle)\ndate advance 1y", file: "outer.hwb")
        #expect(result.errorLines == ["\(inner):3:1: error: no account nobody"])
        #expect(result.output == "today is 2027-07-02 (Friday)\n")
        #expect(session.shell.store.today == Fixtures.date("2027-07-02"))
    }

    @Test func nestedRunsGoOnWhenKeepingGoing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inner = try folder.write("inner.hwb", "date advance 1d\nkeep nobody 6m\ndate advance 1d\n")
        let session = ShellSession(keepGoing: true)
        let result = session.run("run \(inner)\nrun \(inner)\ndate")
        #expect(result.errorLines.count == 2)
        #expect(result.outputLines.last == "2027-07-05")
    }

    @Test func runawayRecursionIsRefusedOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("self.hwb")
        try folder.write("self.hwb", "date advance 1d\nrun \(path)\n")
        let session = ShellSession(keepGoing: false)
        let result = session.run("run \(path)", file: "top.hwb")
        #expect(result.errorLines.count == 1)
        #expect(result.errors.contains("nested"))
        #expect(session.shell.hasFailed)
        // The script went as deep as the limit and no further.
        let days = session.shell.store.today.dayNumber - Fixtures.date("2027-07-01").dayNumber
        #expect(days > 0 && days <= 64)
    }

    @Test func mutualRecursionIsRefusedToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.hwb", "run \(folder.file("b.hwb"))\n")
        try folder.write("b.hwb", "run \(folder.file("a.hwb"))\n")
        let session = ShellSession(keepGoing: true)
        let result = session.run("run \(folder.file("a.hwb"))\ndate")
        #expect(result.errorLines.count == 1)
        #expect(result.output == "2027-07-01\n")
    }

    @Test func runOfAMissingFileIsOneError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = ShellSession().run("run \(folder.file("none.hwb"))", file: "r.hwb")
        #expect(result.errorLines == ["r.hwb:1:1: error: cannot read \(folder.file("none.hwb")): No such file or directory"])
    }

    @Test func quitInsideARunStopsEverything() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let inner = try folder.write("inner.hwb", "date advance 1d\nquit\ndate advance 1d\n")
        let session = ShellSession(keepGoing: false)
        let result = session.run("run \(inner)\ndate advance 1y")
        #expect(result.output == "today is 2027-07-02 (Friday)\n")
        #expect(!session.shell.hasFailed)
    }
}
