import Foundation
import HwbTestSupport
import Testing

/// `hwbsh test`, `hwbsh test --update`, `hwbsh FILE.t` and `--record`, run as a user
/// would run them (docs/language.md, "Transcripts").
@Suite struct TranscriptCommandTests {
    /// A transcript that passes: output, an expected refusal, a blank separator line.
    static let passing = """
        # a passing transcript
        #! hwbsh --date 2027-07-20
        > school add 6612001 name="Ysgol y Môr"
        added school 6612001 Ysgol y Môr
        > create sian name="Siân Roberts" category=supply-teacher school=6612001
        created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
        > keep nobody 6m
        ! error: no account nobody

        > count
        1

        """

    /// A transcript whose expectations disagree with hwbsh in two places (a changed
    /// behaviour: 31 Aug + 6m is 29 Feb 2028, R2), far enough apart for two hunks.
    static let failing = """
        # a changed behaviour
        #! hwbsh --date 2027-07-20
        > school add 6612001 name="Ysgol y Môr"
        added school 6612001 Ysgol y Môr
        > create sian name="Siân Roberts" category=supply-teacher school=6612001
        created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
        > keep sian 6m
        kept sian until 2028-02-28
        > date
        2027-07-20
        > date
        2027-07-20
        > date
        2027-07-20
        > count
        2

        """

    private func test(_ arguments: [String], in folder: TemporaryFolder) throws -> Execution {
        try Executable.run(["test"] + arguments, directory: folder.path)
    }

    // MARK: hwbsh test

    @Test func passingTranscriptExitsZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.t", Self.passing)
        let result = try test(["p.t"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdoutLines == ["ok   p.t (4 commands)", "1 passed, 0 failed"])
        #expect(result.stderr == "")
        #expect(try folder.read("p.t") == Self.passing, "a test run never writes the transcript")
    }

    @Test func failingTranscriptShowsAUnifiedDiffWithLineNumbers() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("f.t", Self.failing)
        let result = try test(["f.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutLines == [
            "FAIL f.t",
            "--- f.t (expected)",
            "+++ f.t (actual)",
            "@@ -5,7 +5,7 @@",
            #" > create sian name="Siân Roberts" category=supply-teacher school=6612001"#,
            " created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31",
            " > keep sian 6m",
            "-kept sian until 2028-02-28",
            "+kept sian until 2028-02-29",
            " > date",
            " 2027-07-20",
            " > date",
            "@@ -13,4 +13,4 @@",
            " > date",
            " 2027-07-20",
            " > count",
            "-2",
            "+1",
            "0 passed, 1 failed",
        ])
        #expect(try folder.read("f.t") == Self.failing, "a failing test run does not rewrite the transcript")
    }

    @Test func diffShowsAMissingErrorAndAnUnexpectedOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("e.t", """
            #! hwbsh --date 2027-07-20
            > keep nobody 6m
            > date
            ! error: no account nobody

            """)
        let result = try test(["e.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutLines == [
            "FAIL e.t",
            "--- e.t (expected)",
            "+++ e.t (actual)",
            "@@ -1,4 +1,5 @@",
            " #! hwbsh --date 2027-07-20",
            " > keep nobody 6m",
            "-> date",
            " ! error: no account nobody",
            "+> date",
            "+2027-07-20",
            "0 passed, 1 failed",
        ])
    }

    @Test func severalTranscriptsAreCountedAndAMissingOneFails() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.t", Self.passing)
        try folder.write("b.t", Self.failing)
        try folder.write("c.t", Self.passing)
        let result = try test(["a.t", "b.t", "c.t", "missing.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutLines.first == "ok   a.t (4 commands)")
        #expect(result.stdoutLines.contains("FAIL b.t"))
        #expect(result.stdoutLines.contains("ok   c.t (4 commands)"))
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.hasPrefix("FAIL missing.t: "))
        #expect(result.stdoutLines.last == "2 passed, 2 failed")
    }

    @Test func everyTranscriptIsolatedFromTheOthers() throws {
        // Each transcript starts from an empty store as the Service Desk, in table format.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("one.t", """
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > login champion 6612001
            acting as champion 6612001 (Ysgol y Môr)
            > format csv
            listings print as csv

            """)
        try folder.write("two.t", """
            #! hwbsh --date 2027-07-20
            > whoami
            service-desk (every school)
            > schools
            no schools in the directory

            """)
        let result = try test(["one.t", "two.t"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdoutLines.last == "2 passed, 0 failed")
    }

    @Test func noTranscriptIsAWrongOption() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try test([], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("usage: hwbsh test"))
    }

    // MARK: --update

    @Test func updateReRecordsKeepingCommentsAndMatchingWildcards() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("u.t", """
            # kept: a comment before the options
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school [..]
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            # the output of create is missing: --update fills it in
            > date set 2027-09-01
            today is [..]

            > sweep
            sweep as of [..]: deactivated 1, deleted 0
              expired   nobody
            # a comment at the end

            """)
        let update = try test(["--update", "u.t"], in: folder)
        #expect(update.status == 0)
        #expect(update.stdoutLines == ["updated u.t", "0 passed, 1 updated, 0 failed"])
        #expect(try folder.read("u.t") == """
            # kept: a comment before the options
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school [..]
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            # the output of create is missing: --update fills it in
            > date set 2027-09-01
            today is [..]

            > sweep
            sweep as of [..]: deactivated 1, deleted 0
              expired   sian
            # a comment at the end

            """)
        let again = try test(["u.t"], in: folder)
        #expect(again.status == 0)
        #expect(again.stdoutLines == ["ok   u.t (4 commands)", "1 passed, 0 failed"])
    }

    @Test func updateFillsInATranscriptOfBareCommands() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bare.t", """
            # only commands: the trainer writes these, --update writes the rest
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            > keep nobody 6m
            > keep sian end-of-next-year

            """)
        #expect(try test(["--update", "bare.t"], in: folder).status == 0)
        #expect(try folder.read("bare.t") == """
            # only commands: the trainer writes these, --update writes the rest
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > keep nobody 6m
            ! error: no account nobody
            > keep sian end-of-next-year
            kept sian until 2028-08-31

            """)
        #expect(try test(["bare.t"], in: folder).status == 0)
    }

    @Test func updateLeavesAPassingTranscriptAsItIs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.t", Self.passing)
        let result = try test(["--update", "p.t"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdoutLines == ["ok   p.t (4 commands)", "1 passed, 0 updated, 0 failed"])
        #expect(try folder.read("p.t") == Self.passing)
    }

    @Test func updateKeepsAnyLinesWildcardsThatStillMatch() throws {
        // docs/language.md: --update keeps "the wildcard lines that still match": a `...`
        // line stays even when another line of the same command's output changes.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("dots.t", """
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > show sian
            sian · Siân Roberts
            ...
              status         closed
            ...

            """)
        #expect(try test(["--update", "dots.t"], in: folder).status == 0)
        let updated = try folder.read("dots.t")
        #expect(try test(["dots.t"], in: folder).status == 0, "the updated transcript passes")
        #expect(updated.contains("\n...\n"))
    }

    // MARK: #! hwbsh options

    @Test func badOptionFailsClearly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.t", """
            #! hwbsh --dat 2027-07-20
            > whoami
            service-desk (every school)

            """)
        let result = try test(["bad.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutLines.first == "FAIL bad.t")
        #expect(result.stdoutLines.contains(
            "error: #! hwbsh --dat 2027-07-20: unknown option --dat; a transcript takes --date and --as"))
        #expect(result.stdoutLines.last == "0 passed, 1 failed")
    }

    @Test func badOptionValueFailsClearly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("d.t", "#! hwbsh --date 2027-13-01\n> whoami\nservice-desk (every school)\n")
        try folder.write("a.t", "#! hwbsh --as \"champion 6612001\"\n> whoami\nservice-desk (every school)\n")
        try folder.write("n.t", "#! hwbsh --date\n> whoami\nservice-desk (every school)\n")
        let result = try test(["d.t", "a.t", "n.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#"error: #! hwbsh --date 2027-13-01: --date: expected YYYY-MM-DD, got "2027-13-01""#))
        #expect(result.stdout.contains(#"error: #! hwbsh --as "champion 6612001": --as: "#))
        #expect(result.stdout.contains("error: #! hwbsh --date: --date needs a value"))
        #expect(result.stdoutLines.last == "0 passed, 3 failed")
    }

    @Test func badOptionIsNotHiddenByUpdate() throws {
        // With --update, a transcript whose `#! hwbsh` line is wrong is reported as
        // failed and left as it is: re-recording it would record the wrong session.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = "#! hwbsh --dat 2027-07-20\n> whoami\nservice-desk (every school)\n"
        try folder.write("bad.t", text)
        let first = try test(["--update", "bad.t"], in: folder)
        _ = try test(["--update", "bad.t"], in: folder)
        let after = try folder.read("bad.t")
        #expect(first.status == 1)
        #expect(first.stdoutLines.last == "0 passed, 0 updated, 1 failed")
        #expect(after == text)
    }

    @Test func theContinuedCommandOfDocsTranscriptsPasses() throws {
        // A `> ` line ending in ` \`, as typed at the terminal, then `>> `: the backslash
        // only marks the continuation.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("doc.t", #"""
            #! hwbsh --date 2027-07-01
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > create jo.bloggs name="Jo Bloggs" \
            >> category=supply-teacher school=6612001
            created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-31

            """#)
        let result = try test(["doc.t"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
    }

    // MARK: hwbsh FILE.t

    @Test func aTranscriptReplaysAsAScript() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("p.t", Self.passing)
        let result = try Executable.run(["p.t"], directory: folder.path)
        // Its expected lines are ignored; the commands run in order, the refusal does
        // not stop them, and the `#! hwbsh` date is today.
        #expect(result.stdoutLines == [
            "added school 6612001 Ysgol y Môr",
            "created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31",
            "1",
        ])
        #expect(result.stderrLines == ["p.t:7:1: error: no account nobody"])
        #expect(result.status == 1, "a refused command is a failed command (docs/language.md exit status)")
    }

    @Test func replayedOutputIsTheTranscriptsExpectedOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("ok.t", """
            # no refusals: exit 0
            #! hwbsh --date 2027-07-20
            > school add 6612001
            >> name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > date advance 6w; date
            today is 2027-08-31 (Tuesday)
            2027-08-31

            """)
        #expect(try test(["ok.t"], in: folder).status == 0)
        let result = try Executable.run(["ok.t"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "added school 6612001 Ysgol y Môr\ntoday is 2027-08-31 (Tuesday)\n2027-08-31\n")
    }

    @Test func replayWithABadOptionLineFails() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.t", "#! hwbsh --dat 2027-07-20\n> whoami\n")
        let result = try Executable.run(["bad.t"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "", "a script stops at its first failure, here the options line")
        #expect(result.stderrLines == [
            "bad.t:1:1: error: #! hwbsh line: unknown option --dat; a transcript takes --date and --as",
        ])
    }

    @Test func replayResolvesFilesLikeTheTest() throws {
        // `hwbsh test sub/x.t` and `hwbsh sub/x.t` both resolve `schools.csv` in sub/,
        // the transcript's folder, so a transcript passes as a test and as a replay.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: true)
        try folder.write("sub/schools.csv", "number,name,maintained\n6612001,Ysgol y Môr,yes\n")
        try folder.write("sub/x.t", """
            #! hwbsh --date 2027-07-20
            > import schools schools.csv
            imported 1 school from schools.csv

            """)
        #expect(try test(["sub/x.t"], in: folder).status == 0)
        let replay = try Executable.run(["sub/x.t"], directory: folder.path)
        #expect(replay.status == 0)
        #expect(replay.stdout == "imported 1 school from schools.csv\n")
    }

    // MARK: files next to the transcript

    @Test func relativePathsAreResolvedFromTheTranscriptsFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("demo"), withIntermediateDirectories: true)
        try folder.write("demo/schools.csv", "number,name,maintained\n6612001,Ysgol y Môr,yes\n")
        try folder.write("demo/files.t", """
            #! hwbsh --date 2027-07-20
            > import schools schools.csv
            imported 1 school from schools.csv
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > export csv out.csv
            exported 1 account to out.csv
            > save store.json
            ...

            """)
        let result = try test(["demo/files.t"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(folder.exists("demo/out.csv"))
        #expect(folder.exists("demo/store.json"))
        #expect(!folder.exists("out.csv"))
        #expect(try folder.read("demo/out.csv").contains("sian,Siân Roberts,non-mis,6612001,active"))
        // And from another folder, by absolute path.
        let elsewhere = try TemporaryFolder()
        defer { elsewhere.remove() }
        #expect(try test([folder.file("demo/files.t")], in: elsewhere).status == 0)
    }

    // MARK: --record

    /// The timer's lines are shown, not recorded: a replay takes another time.
    @Test func aRecordingWithTheTimerOnReplaysToItself() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let live = try Executable.run(
            ["--date", "2027-07-20", "--record", "timed.t"], stdin: "timer on\ndate\nschools\n", directory: folder.path)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("\ntime: "), "the timer shows on the screen: \(live.stdout)")
        let recorded = try folder.read("timed.t")
        #expect(!recorded.contains("time: "), "\(recorded)")
        #expect(try test(["timed.t"], in: folder).status == 0)
    }

    @Test func recordedSessionPassesAndReplaysToTheSameOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = """
            school add 6612001 name="Ysgol y Môr"
            create sian name="Siân Roberts" category=supply-teacher school=6612001
            login champion 6612001
            expiring
            keep nobody 6m; keep sian 6m
            date set 2027-09-01; sweep
            show sian

            """
        let live = try Executable.run(
            ["--date", "2027-07-20", "--keep-going", "--record", "s.t"], stdin: session, directory: folder.path)
        #expect(live.status == 1, "keep nobody was refused")
        #expect(live.stderrLines == ["<stdin>:5:1: error: no account nobody"])
        let recorded = try folder.read("s.t")
        #expect(recorded.hasPrefix("# recorded by hwbsh\n#! hwbsh --date 2027-07-20\n> school add 6612001 name=\"Ysgol y Môr\"\n"))
        #expect(recorded.contains("> keep nobody 6m; keep sian 6m\n! error: no account nobody\nkept sian until 2028-02-29\n"))
        #expect(!recorded.contains("<stdin>"), "errors are written as a transcript shows them")

        let check = try test(["s.t"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdoutLines == ["ok   s.t (7 commands)", "1 passed, 0 failed"])

        let replay = try Executable.run(["s.t"], directory: folder.path)
        #expect(replay.stdout == live.stdout)
        #expect(replay.stderrLines == ["s.t:15:1: error: no account nobody"])
    }

    @Test func recordingGoesOnAfterARefusal() throws {
        // A transcript expects refusals, so recording piped input goes on after one; the
        // transcript holds every command, and passes.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let live = try Executable.run(
            ["--date", "2027-07-20", "--record", "s.t"], stdin: "date\nbogus\ndate\n", directory: folder.path)
        #expect(live.status == 1)
        #expect(live.stdoutLines == ["2027-07-20", "2027-07-20"])
        let recorded = try folder.read("s.t")
        #expect(recorded == """
            # recorded by hwbsh
            #! hwbsh --date 2027-07-20
            > date
            2027-07-20
            > bogus
            ! error: unknown command "bogus" (type help for the list)
            > date
            2027-07-20

            """)
        #expect(try test(["s.t"], in: folder).status == 0)
    }

    /// Transcripts hold what a session printed, personal data included, so they are
    /// private like snapshots: readable by their owner only, whatever the umask, and
    /// also when they replace a file that was readable by others.
    @Test func recordedTranscriptsAreReadableByTheirOwnerOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write("old.t", bytes: Array("# an old transcript\n".utf8))
        chmod(folder.path + "/old.t", 0o644)
        for name in ["new.t", "old.t"] {
            let live = try Executable.run(["--date", "2027-07-20", "--record", name], stdin: "date\n", directory: folder.path)
            #expect(live.status == 0)
            var status = stat()
            #expect(stat(folder.path + "/" + name, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600, "\(name) has mode \(String(status.st_mode & 0o777, radix: 8))")
        }
    }

    /// A transcript replayed while recording once lost its `#! hwbsh --date`: the
    /// recording then failed its own test.
    @Test func recordingAReplayKeepsItsOptions() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in.t", "#! hwbsh --date 2027-07-01\n> school add 6612001 name=A\nadded school 6612001 A\n> create a name=A category=governor school=6612001\ncreated a (non-MIS, governor) at 6612001, expires 2027-08-31\n")
        let live = try Executable.run(["--date", "2025-01-10", "--record", "out.t", "in.t"], directory: folder.path)
        #expect(live.status == 0, "\(live.stderr)")
        #expect(try folder.read("out.t").contains("> date set 2027-07-01"))
        let check = try test(["out.t"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test(arguments: [["script.hwb"], ["-c", "school add 6612001 name=\"Ysgol y Môr\"; schools"], ["old.t"]])
    func recordWritesDownScriptsAndCommandsToo(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("script.hwb", "school add 6612001 name=\"Ysgol y Môr\"\n# a comment\nschools\n")
        try folder.write("old.t", "> school add 6612001 name=\"Ysgol y Môr\"\n> schools\n")
        let live = try Executable.run(["--date", "2027-07-20", "--record", "s.t"] + arguments, directory: folder.path)
        #expect(live.status == 0, "\(live.stderr)")
        let recorded = try folder.read("s.t")
        #expect(recorded.contains("Ysgol y Môr"), "\(recorded)")
        #expect(recorded.contains("6612001"))
        let check = try test(["s.t"], in: folder)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("ok   s.t"))
    }

    @Test func recordWritesDownTheActor() throws {
        // `--as 'la-admin 661'` goes into the `#! hwbsh` line, so the replay runs as the
        // LA admin and sees what the recorded session saw.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = """
            school add 6762003 name="Ysgol Cwm Rhymni"
            mis join iolo.price school=6762003 name="Iolo Price" role=staff
            count
            whoami

            """
        let live = try Executable.run(
            ["--date", "2027-07-20", "--as", "la-admin 661", "--record", "s.t"], stdin: session, directory: folder.path)
        #expect(live.status == 0)
        #expect(live.stdoutLines.suffix(2) == ["0", "la-admin 661 (0 schools in LA 661)"])
        let check = try test(["s.t"], in: folder)
        let recorded = try folder.read("s.t")
        #expect(recorded.contains("--as"))
        #expect(check.status == 0, "\(check.stdout)")
    }

    // MARK: line ends

    @Test func aTranscriptWithWindowsLineEndsPasses() throws {
        // A transcript saved with Windows line ends reads as with Unix ones ("\r\n" is one
        // Character in Swift, so the lines are split on the scalar).
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("crlf.t", Self.passing.replacingOccurrences(of: "\n", with: "\r\n"))
        let result = try test(["crlf.t"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdoutLines.first == "ok   crlf.t (4 commands)")
    }

    @Test func exportCSVToStandardOutputCanBeWrittenDown() throws {
        // `export csv -` prints CRLF line ends (RFC 4180); a transcript shows them as the
        // lines a reader sees.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("x.t", """
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > export csv -
            id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,role,leavingDate,pendingSchool,deactivatedOn,deletionDue,reason
            sian,Siân Roberts,non-mis,6612001,active,2027-07-20,2027-07-20,0,supply-teacher,2027-08-31,false,,,,,,

            """)
        let result = try test(["x.t"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
    }

    // MARK: the repository's own transcripts

    @Test func theTrainingLibraryAndFormatTranscriptsPass() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var paths: [String] = []
        for folder in ["examples", "Tests/Transcripts"] {
            let url = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".t") }.sorted()
            paths += names.map { url.appendingPathComponent($0).path }
        }
        #expect(paths.filter { $0.contains("/examples/") }.count == 13)
        // Run from an unrelated folder: relative paths inside come from each transcript's folder.
        let elsewhere = try TemporaryFolder()
        defer { elsewhere.remove() }
        let result = try test(paths, in: elsewhere)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdoutLines.last == "\(paths.count) passed, 0 failed")
    }

    // MARK: transcripts that cannot lie

    /// `>school add` (no space) was once read as expected output: the file passed as
    /// "ok (0 commands)" and tested nothing.
    @Test func aMalformedCommandLineFailsWithItsLineNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.t", "#! hwbsh --date 2027-07-20\n> date\n2027-07-20\n>school add 6612001 name=A\n")
        let result = try test(["bad.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("bad.t:4: error: a command line starts with \"> \""), "\(result.stdout)")
        #expect(result.stdoutLines.last == "0 passed, 1 failed")
        let update = try test(["--update", "bad.t"], in: folder)
        #expect(update.status == 1)
        #expect(try folder.read("bad.t").hasSuffix(">school add 6612001 name=A\n"), "--update leaves a broken file alone")
        let replay = try Executable.run(["bad.t"], directory: folder.path)
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("bad.t:4:1: error: a command line starts with"), "\(replay.stderr)")
        #expect(replay.stdout.isEmpty, "nothing runs")
    }

    @Test func aTranscriptWithoutACommandFails() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("empty.t", "# only a comment\nsome text\n")
        let result = try test(["empty.t"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("empty.t: error: no command in it"), "\(result.stdout)")
    }

    @Test func aFolderRunsEveryTranscriptBelowItInOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("demos/more"), withIntermediateDirectories: true)
        try folder.write("demos/b.t", "#! hwbsh --date 2027-07-20\n> date\n2027-07-20\n")
        try folder.write("demos/a.t", "#! hwbsh --date 2027-07-20\n> date\n2027-07-20\n")
        try folder.write("demos/more/c.t", "#! hwbsh --date 2027-07-20\n> date\n2027-07-21\n")
        try folder.write("demos/notes.txt", "not a transcript")
        try FileManager.default.createDirectory(atPath: folder.file("nothing"), withIntermediateDirectories: true)
        let result = try test(["demos/"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdoutLines.filter { $0.hasPrefix("ok") || $0.hasPrefix("FAIL") }
            == ["ok   demos/a.t (1 commands)", "ok   demos/b.t (1 commands)", "FAIL demos/more/c.t"])
        #expect(result.stdoutLines.last == "2 passed, 1 failed")
        let empty = try test(["nothing"], in: folder)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("nothing: no transcript"), "\(empty.stderr)")
    }

    /// A wrong line between two `...` was once replaced by nothing, so that the `...`
    /// stood for it; the diff showed only the expected line.
    @Test func updateRewritesAWrongLineBetweenWildcardsAndTheDiffShowsWhatWasPrinted() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("dots.t", """
            #! hwbsh --date 2027-07-20
            > school add 6612001 name="Ysgol y Môr"
            added school 6612001 Ysgol y Môr
            > create sian name="Siân Roberts" category=supply-teacher school=6612001
            created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
            > show sian
            ...
            this line is not printed
            ...

            """)
        let failing = try test(["dots.t"], in: folder)
        #expect(failing.status == 1)
        #expect(failing.stdoutLines.contains("-this line is not printed"))
        #expect(failing.stdoutLines.contains { $0.hasPrefix("+") && !$0.hasPrefix("+++") }, "\(failing.stdout)")
        #expect(try test(["--update", "dots.t"], in: folder).status == 0)
        let updated = try folder.read("dots.t")
        #expect(!updated.contains("this line is not printed"))
        #expect(!updated.contains("...\n...\n"), "\(updated)")
        let checked = updated.components(separatedBy: "> show sian\n")[1].split(separator: "\n").filter { $0 != "..." }
        #expect(checked.count >= 1, "the wrong line was rewritten to a printed one: \(updated)")
        #expect(try test(["dots.t"], in: folder).status == 0)
    }
}
