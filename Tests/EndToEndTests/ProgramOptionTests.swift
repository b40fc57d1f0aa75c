import HwbTestSupport
import Testing

/// docs/language.md "Program": options and exit statuses, checked on the built binary.
@Suite struct ProgramOptionTests {
    @Test func everyCommandSucceededExitsWithZero() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", #"school add 6612001 name="Ysgol"; create jo name="Jo" category=governor school=6612001; count"#])
        #expect(result.status == 0)
        #expect(result.stdoutLines == [
            "added school 6612001 Ysgol",
            "created jo (non-MIS, governor) at 6612001, expires 2027-08-31",
            "1",
        ])
        #expect(result.stderr == "")
    }

    @Test func aFailedCommandExitsWithOne() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", "keep nobody 6m"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderrLines == ["-c:1:1: error: no account nobody"])
    }

    @Test(arguments: [["--no-such-option"], ["--date"], ["-c"], ["--as"], ["-c", "date", "script.hwb"], ["--keep-going=yes"]])
    func wrongOptionExitsWithTwo(_ arguments: [String]) throws {
        let result = try Executable.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr != "")
    }

    /// `--help` must print the usage, not crash (exit status 134 is an abort).
    @Test(arguments: [["--help"], ["-h"], ["--date", "2027-07-01", "--help"]])
    func helpExitsWithZeroAndNamesTheOptions(_ arguments: [String]) throws {
        let result = try Executable.run(arguments)
        #expect(result.status == 0)
        #expect(!result.stderr.contains("Could not cast"))
        for option in ["-c", "--date", "--as", "--keep-going"] {
            #expect(result.stdout.contains(option), "--help lacks \(option)")
        }
    }

    @Test func dateOptionSetsTodayForANewStore() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", "date"])
        #expect(result.status == 0)
        #expect(result.stdout == "2027-07-01\n")
    }

    @Test(arguments: ["2027-02-30", "2027-13-01", "27-07-01", "tomorrow", "1899-12-31", ""])
    func badDateOptionExitsWithTwo(_ date: String) throws {
        let result = try Executable.run(["--date", date, "-c", "date"])
        #expect(result.status == 2)
        #expect(result.stdout == "", "no command runs after a wrong option")
        #expect(result.stderr.contains("--date"))
        #expect(result.stderr.contains("YYYY-MM-DD"))
    }

    @Test func asLAAdminActsWithinThatLA() throws {
        let result = try Executable.run(["--date", "2027-07-01", "--as", "la-admin 661", "--keep-going", "-c", """
            whoami
            school add 6612001 name="Ysgol"
            school add 6622001 name="Arall"
            create jo name="Jo" category=governor school=6612001
            create al name="Al" category=governor school=6622001
            count
            """])
        #expect(result.status == 1, "the create outside LA 661 is refused")
        #expect(result.stdoutLines.first == "la-admin 661 (0 schools in LA 661)")
        #expect(result.stdoutLines.last == "1")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("-c:5:1: error: ") == true)
    }

    @Test func asChampionNeedsTheSchoolSoANewStoreRefusesIt() throws {
        let result = try Executable.run(["--as", "champion 6612001", "-c", "whoami"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("6612001"))
    }

    @Test(arguments: ["bob", "la-admin", "la-admin 66", "la-admin 999", "champion 12", "service-desk extra", ""])
    func badActorExitsWithTwo(_ actor: String) throws {
        let result = try Executable.run(["--as", actor, "-c", "whoami"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("--as"))
    }

    /// The hint "add the school first" only makes sense for a champion; an LA code outside
    /// 660-681 can never work, whatever is added.
    @Test func badLACodeMessageDoesNotSuggestAddingASchool() throws {
        let result = try Executable.run(["--as", "la-admin 999", "-c", "whoami"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("660-681"))
        #expect(!result.stderr.contains("add the school first"), "stderr: \(result.stderr)")
    }
}
