import HwbTestSupport
import Testing

/// Input the program must survive: `-c`, piped standard input, bad bytes, long lines,
/// CRLF, empty and missing files. Each problem is one clear line on stderr, never a crash.
@Suite struct InputTests {
    @Test func dashCErrorsNameDashCAndTheLine() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", "date\n\ndate set 2027-13-01"])
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("-c:3:10: error: expected a date YYYY-MM-DD") == true)
    }

    @Test func dashCErrorAfterASemicolonPointsIntoTheLine() throws {
        let result = try Executable.run(["--date", "2027-07-01", "-c", "date; kep jo 6m"])
        #expect(result.status == 1)
        #expect(result.stderrLines == [#"-c:1:7: error: unknown command "kep"; did you mean keep? (type help for the list)"#])
    }

    @Test func pipedInputRunsWithoutPromptsAndNamesStdin() throws {
        let result = try Executable.run(["--date", "2027-07-01"], stdin: "date\nbogus\ndate advance 1d\n")
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n", "no banner, prompt or later command on stdout")
        #expect(result.stderrLines == [#"<stdin>:2:1: error: unknown command "bogus" (type help for the list)"#])
    }

    @Test func pipedInputWithKeepGoingRunsEveryLine() throws {
        let result = try Executable.run(["--date", "2027-07-01", "--keep-going"], stdin: "bogus\nshow x!\ndate")
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines.map { String($0.prefix(11)) } == ["<stdin>:1:1", "<stdin>:2:6"])
    }

    @Test func emptyPipedInputSucceeds() throws {
        let result = try Executable.run([], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    @Test func invalidUTF8LineIsOneClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bad.hwb", bytes: Array("date\ndate ".utf8) + [0xFF, 0xFE] + Array(" x\ndate\n".utf8))
        let result = try Executable.run(["--date", "2027-07-01", "bad.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("bad.hwb:2:6: error: ") == true)
        #expect(result.stderr.contains("UTF-8"))
    }

    @Test func invalidUTF8OnStandardInputIsOneClearError() throws {
        let bytes = Array("date\nwhoami ".utf8) + [0xC0, 0xAF] + Array("\ndate\n".utf8)
        let result = try Executable.run(["--date", "2027-07-01", "--keep-going"], stdinBytes: bytes)
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n2027-07-01\n")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("<stdin>:2:8: error: ") == true)
        #expect(result.stderr.contains("UTF-8"))
    }

    @Test func hundredKilobyteLineIsOneClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = "school add 6612001 name=\"" + String(repeating: "y", count: 100 * 1024) + "\""
        try folder.write("long.hwb", "date\n" + long + "\ndate\n")
        let result = try Executable.run(["--date", "2027-07-01", "long.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("long.hwb:2:1: error: ") == true)
        #expect((result.stderrLines.first?.count ?? 0) < 200, "the message does not echo the line")
    }

    @Test func hundredKilobyteLineOnStandardInputIsOneClearError() throws {
        let long = "date " + String(repeating: "z", count: 100 * 1024)
        let result = try Executable.run(["--date", "2027-07-01", "--keep-going"], stdin: long + "\ndate\n")
        #expect(result.status == 1)
        #expect(result.stdout == "2027-07-01\n")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("<stdin>:1:1: error: ") == true)
    }

    @Test func crlfScriptRunsLikeTheLFOne() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lines = [#"school add 6612001 name="Ysgol""#, #"create jo name="Jo" category=governor school=6612001 # note"#,
                     "list", "show jo", "export csv -"]
        try folder.write("lf.hwb", lines.joined(separator: "\n") + "\n")
        try folder.write("crlf.hwb", lines.joined(separator: "\r\n") + "\r\n")
        let lf = try Executable.run(["--date", "2027-07-01", "lf.hwb"], directory: folder.path)
        let crlf = try Executable.run(["--date", "2027-07-01", "crlf.hwb"], directory: folder.path)
        #expect(crlf.status == 0)
        #expect(crlf.stderr == "")
        #expect(crlf.stdout == lf.stdout)
    }

    @Test func crlfScriptErrorsHaveNoStrayCarriageReturn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("w.hwb", "date\r\nkeep jo 2m\r\n")
        let result = try Executable.run(["--date", "2027-07-01", "w.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\r"))
        #expect(result.stderrLines.first?.hasPrefix(#"w.hwb:2:9: error: expected a keep period (end-of-next-year, 6m, 3m, 1m), got "2m""#) == true)
    }

    /// Windows editors often save a UTF-8 byte order mark; the CSV reader skips it, and
    /// scripts should too rather than read "\u{FEFF}date" as an unknown command.
    @Test func byteOrderMarkAtTheStartOfAScriptIsIgnored() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bom.hwb", bytes: [0xEF, 0xBB, 0xBF] + Array("date\r\ndate\r\n".utf8))
        let result = try Executable.run(["--date", "2027-07-01", "bom.hwb"], directory: folder.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "2027-07-01\n2027-07-01\n")
    }

    @Test func emptyScriptSucceedsSilently() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("empty.hwb", "")
        try folder.write("blank.hwb", "\n\n# nothing\n   \n")
        let result = try Executable.run(["empty.hwb", "blank.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")
    }

    @Test func missingScriptIsOneClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Executable.run(["no-such-script.hwb"], directory: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("no-such-script.hwb"))
        #expect(result.stderr.contains("No such file"))
    }

    @Test func folderGivenAsAScriptIsOneClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try Executable.run([folder.path])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("directory"))
    }

    @Test func scriptWithoutAFinalNewlineRunsItsLastLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.hwb", "date\ndate advance 1d")
        let result = try Executable.run(["--date", "2027-07-01", "s.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stdoutLines == ["2027-07-01", "today is 2027-07-02 (Friday)"])
    }

    @Test func unterminatedQuoteIsOneErrorAtTheQuote() throws {
        let result = try Executable.run(["-c", #"date; create jo name="Jo category=governor school=6612001"#])
        #expect(result.status == 1)
        #expect(result.stdoutLines.count == 1, "the command before the broken one runs")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("-c:1:22: error: ") == true)
    }

    @Test func controlCharacterIsReportedAsSuch() throws {
        let result = try Executable.run(["-c", "date\u{7}"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("U+0007"), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("did you mean date"))
    }

    @Test func manyCommandsPrintEveryResult() throws {
        var script = #"school add 6612001 name="Ysgol""# + "\n"
        for n in 0..<2000 { script += "create u\(n) name=\"U \(n)\" category=governor school=6612001\n" }
        script += "count\nlist\n"
        // A file, not stdin: the helper writes all of stdin before it reads any output.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("many.hwb", script)
        let result = try Executable.run(["--date", "2027-07-01", "many.hwb"], directory: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdoutLines.count == 1 + 2000 + 1 + 2001 + 1)
        #expect(result.stdoutLines.last == "2000 accounts")
        #expect(result.stdoutLines[2001] == "2000")
    }
}

/// A program driving hwbsh through pipes gets each result before it sends the next command.
@Suite struct PipedDrivingTests {
    @Test func eachResultArrivesBeforeTheNextCommandIsSent() throws {
        let session = try PipedSession(["--date", "2027-07-01"])
        try session.send("date")
        #expect(session.readLine(timeout: 10) == "2027-07-01")
        try session.send(#"school add 6612001 name="Ysgol""#)
        #expect(session.readLine(timeout: 10) == "added school 6612001 Ysgol")
        try session.send("date advance 1d")
        #expect(session.readLine(timeout: 10) == "today is 2027-07-02 (Friday)")
        try session.send("quit")
        #expect(try session.finish() == 0)
    }
}
