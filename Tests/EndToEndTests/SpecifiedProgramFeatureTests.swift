import HwbTestSupport
import Testing

/// Program features LANGUAGE.md promises beyond scripts: `--store FILE` and
/// `hwbsh test FILE.t`.
@Suite struct SpecifiedProgramFeatureTests {
    @Test func storeOptionKeepsTheStoreBetweenRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try Executable.run(["--store", "s.hwbs", "--date", "2027-07-01", "-c",
                                        #"school add 6612001 name="Ysgol"; create jo name="Jo" category=governor school=6612001"#],
                                       directory: folder.path)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(folder.exists("s.hwbs"))
        let second = try Executable.run(["--store", "s.hwbs", "-c", "date; count"], directory: folder.path)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout == "2027-07-01\n1\n")
    }

    @Test func storeOptionKeepsWhatWasPrintedBeforeAFailure() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try Executable.run(["--store", "s.hwbs", "--date", "2027-07-01", "-c",
                                        #"school add 6612001 name="Ysgol"; keep nobody 6m; school add 6612002 name="B""#],
                                       directory: folder.path)
        #expect(first.status == 1)
        let second = try Executable.run(["--store", "s.hwbs", "-c", "schools"], directory: folder.path)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("6612001"))
        #expect(!second.stdout.contains("6612002"))
    }

    @Test func testCommandRunsTranscripts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("good.t", """
            # a school and an account
            > date set 2027-07-01
            today is 2027-07-01 (Thursday)
            > school add 6612001 name="Ysgol"
            added school 6612001 [..]
            > create jo.bloggs name="Jo Bloggs" category=supply-teacher school=6612001
            created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > keep nobody 6m
            ! error: no account nobody

            """)
        let result = try Executable.run(["test", "good.t"], directory: folder.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("1 passed, 0 failed"))
    }

    @Test func testCommandReportsAFailingTranscript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.t", "> date set 2027-07-01\ntoday is 1999-01-01\n")
        let result = try Executable.run(["test", "bad.t"], directory: folder.path)
        #expect(result.status != 0)
        #expect(result.stdout.contains("0 passed, 1 failed"))
    }
}
