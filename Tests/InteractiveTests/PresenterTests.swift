import HwbTestSupport
import Testing

/// `--pace`: a trainer presents a demo at the terminal, at 80 columns.
@Suite struct PresenterTests {
    static let demo = """
        #! hwbsh --date 2027-07-20
        # A school and a supply teacher at it.
        > school add 6612001 name="Ysgol y Môr"
        added school 6612001 Ysgol y Môr
        # The teacher's account expires at the end of the academic year.
        > create sian name="Siân Roberts" category=supply-teacher school=6612001
        created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
        > keep sian 6m
        kept sian until 2028-02-29
        # A mistake the trainer means to show.
        > keep nobody 6m
        ! error: no account nobody
        > count
        1

        """

    /// The hint under each typed-out command.
    let hint = "Enter runs · s skip · b back · q quit · or your own command › "
    let prompt = PseudoTerminal.prompt

    private func presenter(_ folder: TemporaryFolder) throws -> PseudoTerminal {
        try folder.write("demo.t", Self.demo)
        return try PseudoTerminal(
            ["--pace", "demo.t"], environment: ["HWBSH_TYPING_DELAY": "0"], folder: folder, columns: 80)
    }

    @Test func aWholeDemoIsPresentedStepByStep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = try presenter(folder)
        defer { terminal.close() }
        try terminal.expect("presenting 5 steps")
        // Narration, then the prompt of the real shell with the command typed out.
        try terminal.expect("# A school and a supply teacher at it.\n")
        try terminal.expect(prompt + #"school add 6612001 name="Ysgol y Môr""# + "\n")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("added school 6612001 Ysgol y Môr\n")

        // The presenter's own command runs, then the demo's step is shown again.
        try terminal.expect(hint)
        try terminal.type("schools", .enter)
        try terminal.expect("Ysgol y Môr")
        try terminal.expect(prompt + "create sian")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31\n")

        // `b` goes back to the create: replayed from the start, so it runs again cleanly.
        try terminal.expect(hint)
        try terminal.type("b", .enter)
        try terminal.expect("(back one step")
        try terminal.expect(prompt + "create sian")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("created sian (non-MIS, supply-teacher) at 6612001, expires 2027-08-31\n")

        // `s` skips the keep; the intended error looks as it does at the terminal.
        try terminal.expect(hint)
        try terminal.type("s", .enter)
        try terminal.expect("(skipped)")
        try terminal.expect("# A mistake the trainer means to show.")
        try terminal.expect(hint)
        try terminal.press(.enter)
        let error = try terminal.expect("no account nobody")
        #expect(!error.contains("demo.t"), "an error does not name the demo's file: \(error)")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("1\n")
        try terminal.expect("(end of the demo)")
        #expect(try terminal.exitStatus() == 0)
        // No hint is left behind on the screen once it was answered.
        #expect(!terminal.screen.lines.contains { $0.contains("Enter runs") }, "\(terminal.screen.lines)")
    }

    @Test func qEndsTheDemoWithStatusZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = try presenter(folder)
        defer { terminal.close() }
        try terminal.expect(hint)
        try terminal.type("q", .enter)
        try terminal.expect("(the demo ends here)")
        #expect(try terminal.exitStatus() == 0)
        #expect(!terminal.text.contains("added school"), "q runs nothing")
    }

    /// The presenter's own `quit` asks, as the shell does, when the demo's changes are not
    /// saved; and the presenter may take back the step just run with `undo`.
    @Test func ownQuitAsksAndOwnUndoTakesBackAStep() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = try presenter(folder)
        defer { terminal.close() }
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("added school 6612001 Ysgol y Môr\n")
        try terminal.expect(hint)
        try terminal.type("quit", .enter)
        try terminal.expect("(save FILE keeps them). Quit anyway?")
        try terminal.type("n", .enter)
        try terminal.expect("cancelled; hwbsh goes on\n")
        try terminal.expect(hint)
        try terminal.type("undo", .enter)
        try terminal.expect(#"undid school add 6612001 name="Ysgol y Môr" (2027-07-20)"# + "\n")
        try terminal.expect(hint)
        try terminal.type("q", .enter)
        try terminal.expect("(the demo ends here)")
        #expect(try terminal.exitStatus() == 0)
    }

    /// Ctrl-C once ended the demo with status 130; at the hint it only drops what was typed.
    @Test func ctrlCAtTheHintDropsWhatWasTypedAndTheDemoGoesOn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = try presenter(folder)
        defer { terminal.close() }
        try terminal.expect(hint)
        try terminal.type("cou", .ctrlC)
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("added school 6612001 Ysgol y Môr\n")
        try terminal.expect(hint)
        try terminal.type("q", .enter)
        #expect(try terminal.exitStatus() == 0)
    }

    @Test func aDemoIsInColourLikeTheShell() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let terminal = try presenter(folder)
        defer { terminal.close() }
        try terminal.expect(hint)
        #expect(terminal.rawOutput.contains("\u{1B}[2m# A school and a supply teacher at it.\u{1B}[0m"))
        try terminal.type("q", .enter)
        #expect(try terminal.exitStatus() == 0)
    }

    @Test func paceWithoutATerminalIsAWrongOption() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("demo.t", Self.demo)
        let piped = try Executable.run(["--pace", "demo.t"], stdin: "\n", directory: folder.path)
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("--pace presents a demo at a terminal"), "\(piped.stderr)")
        #expect(piped.stdout.isEmpty)
        let noFiles = try Executable.run(["--pace", "-c", "date"], directory: folder.path)
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.contains("--pace presents script or transcript files"))
    }

    /// Each file sets its own scene where it begins (the second file's date once applied
    /// from the first step on); a script with CR LF line ends presents its lines (it once
    /// showed none); going back answers a question as it was answered.
    @Test func filesKeepTheirOwnOptionsScriptsMayEndLinesWithCRLFAndBackAnswersAsBefore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("a.t", "#! hwbsh --date 2027-07-01\n> school add 6612001 name=A\n> create jo name=Jo category=governor school=6612001\n> close jo now\n> date\n")
        try folder.write("b.t", "#! hwbsh --date 2028-07-01\n> date\n")
        try folder.write("c.hwb", "# a script from Windows\r\ncount\r\n")
        let terminal = try PseudoTerminal(
            ["--pace", "a.t", "b.t", "c.hwb"], environment: ["HWBSH_TYPING_DELAY": "0"], folder: folder, columns: 80)
        defer { terminal.close() }
        try terminal.expect("presenting 6 steps · today is 2027-07-01")
        for _ in 0..<2 {
            try terminal.expect(hint)
            try terminal.press(.enter)
        }
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("[y/N] ")
        try terminal.type("n", .enter)
        try terminal.expect("cancelled; nothing changed")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("2027-07-01\n")
        // Back to a.t's `date`, replayed with the close declined as before.
        try terminal.expect(hint)
        try terminal.type("b", .enter)
        try terminal.expect("(back one step")
        try terminal.expect(hint)
        try terminal.type("list", .enter)
        try terminal.expect("1 account")
        #expect(!terminal.text.suffix(400).contains("deactivated (closed)"), "the declined close stays declined")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("2027-07-01\n")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("2028-07-01\n")
        try terminal.expect("# a script from Windows")
        try terminal.expect(prompt.replacingOccurrences(of: "2027-07-20", with: "2028-07-01") + "count\n")
        try terminal.expect(hint)
        try terminal.press(.enter)
        try terminal.expect("1\n")
        try terminal.expect("(end of the demo)")
        #expect(try terminal.exitStatus() == 0)
    }
}
