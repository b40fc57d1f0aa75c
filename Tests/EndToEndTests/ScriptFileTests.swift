import HwbTestSupport
import Testing

/// `hwbsh FILE...`: scripts run in turn on one store; errors name `FILE:LINE:COL:`.
@Suite struct ScriptFileTests {
    private static let setup = """
        school add 6612001 name="Ysgol y Môr"
        create jo name="Jo Bloggs" category=supply-teacher school=6612001

        """

    @Test func errorInAScriptNamesFileLineAndColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("plan.hwb", "# a plan\ndate\n\ndate set 2027-13-01\ndate\n")
        let result = try Executable.run(["--date", "2027-07-01", "plan.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines == [#"plan.hwb:4:10: error: expected a date YYYY-MM-DD, got "2027-13-01" (no such day, or a year outside 1900-9999)"#])
    }

    @Test func stopsAtTheFirstFailedCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.hwb", Self.setup + "keep nobody 6m\nkeep jo 1m\ncount\n")
        let result = try Executable.run(["--date", "2027-07-01", "s.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 2, "nothing after the failed command runs")
        #expect(result.stderrLines == ["s.hwb:3:1: error: no account nobody"])
    }

    @Test func keepGoingReportsEveryRefusedCommandOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.hwb", Self.setup + """
            keep nobody 6m
            bogus
            keep jo 1m
            create jo name="Jo" category=governor school=6612001; count
            date set 2027-13-01

            """)
        let result = try Executable.run(["--date", "2027-07-01", "--keep-going", "s.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 4)
        #expect(result.stderrLines.map { String($0.prefix { $0 != " " }) } == ["s.hwb:3:1:", "s.hwb:4:1:", "s.hwb:6:1:", "s.hwb:7:10:"])
        #expect(result.stderrLines.allSatisfy { $0.contains(" error: ") })
        #expect(result.stdoutLines.suffix(2) == ["kept jo until 2027-09-30", "1"])
    }

    @Test func severalScriptsShareOneStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.hwb", Self.setup)
        try folder.write("b.hwb", "date advance 1d\ncount\nshow jo\n")
        try folder.write("c.hwb", "date\nkeep jo 1m\n")
        let result = try Executable.run(["--date", "2027-07-01", "a.hwb", "b.hwb", "c.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdoutLines.contains("1"))
        #expect(result.stdoutLines.contains("jo · Jo Bloggs"))
        #expect(result.stdoutLines.suffix(2) == ["2027-07-02", "kept jo until 2027-09-30"])
    }

    @Test func errorInALaterScriptNamesThatScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.hwb", Self.setup)
        try folder.write("b.hwb", "count\n\nclose jo later\n")
        let result = try Executable.run(["--date", "2027-07-01", "a.hwb", "b.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("b.hwb:3:10: error: ") == true)
    }

    @Test func aFailedScriptStopsTheScriptsAfterIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.hwb", "bogus\n")
        try folder.write("b.hwb", "date\n")
        let stopped = try Executable.run(["--date", "2027-07-01", "a.hwb", "b.hwb"], directory: folder.path)
        #expect(stopped.status == 1)
        #expect(stopped.stdout == "")
        let going = try Executable.run(["--date", "2027-07-01", "--keep-going", "a.hwb", "b.hwb"], directory: folder.path)
        #expect(going.status == 1)
        #expect(going.stdout == "2027-07-01\n")
        #expect(going.stderrLines.count == 1)
    }

    @Test func quitStopsTheScriptWithStatusZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("q.hwb", "date\nquit\ndate advance 1d\nbogus\n")
        try folder.write("after.hwb", "date advance 1y\n")
        let result = try Executable.run(["--date", "2027-07-01", "q.hwb", "after.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderr == "")
    }

    @Test func exitStopsTheScriptToo() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", "date; exit; date advance 1d"])
        #expect(result.status == 0)
        #expect(result.stdout == "2027-07-01\n")
    }

    @Test func scriptsReadAndWriteFilesRelativeToTheWorkingFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.hwb", Self.setup + "save store.hwbs\nexport csv out.csv\n")
        try folder.write("b.hwb", "load store.hwbs\ncount\n")
        let first = try Executable.run(["--date", "2027-07-01", "a.hwb"], directory: folder.path)
        #expect(first.status == 0)
        #expect(folder.exists("store.hwbs") && folder.exists("out.csv"))
        let second = try Executable.run(["b.hwb"], directory: folder.path)
        #expect(second.status == 0)
        #expect(second.stdoutLines.last == "1")
    }

    @Test func runInsideAScriptNestsAndReportsTheInnerFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("inner.hwb", "count\nkeep nobody 1m\n")
        try folder.write("outer.hwb", Self.setup + "run inner.hwb\ndate\n")
        let result = try Executable.run(["--date", "2027-07-01", "outer.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderrLines == ["inner.hwb:2:1: error: no account nobody"])
        #expect(result.stdoutLines.last == "1")
    }

    @Test func selfRunningScriptIsRefusedWithoutACrash() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("loop.hwb", "run loop.hwb\n")
        let result = try Executable.run(["loop.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("loop.hwb"))
    }
}
