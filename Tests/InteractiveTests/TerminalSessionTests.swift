import HwbTestSupport
import Testing

/// hwbsh at a terminal, through the real libedit path: the welcome, the prompt, commands,
/// continuation lines, Ctrl-C, Ctrl-D, quit, and errors that keep the shell running.
@Suite struct TerminalSessionTests {
    let prompt = PseudoTerminal.prompt

    @Test func welcomesThenRunsACommand() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect("hwbsh · today is 2027-07-20, acting as service-desk. Type help for the commands, quit to leave.\n" + prompt)
        #expect(try terminal.run("date") == "2027-07-20\n")
        #expect(try terminal.run("whoami") == "service-desk (every school)\n")
    }

    @Test func promptShowsTheActorAndTheSimulatedDate() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("login la-admin 661", prompt: "la-admin 661 · 2027-07-20 › ")
        #expect(try terminal.run("date advance 1d", prompt: "la-admin 661 · 2027-07-21 › ") == "today is 2027-07-21 (Wednesday)\n")
        #expect(terminal.screen.cursorLine == "la-admin 661 · 2027-07-21 ›")
    }

    @Test func lineEndingInBackslashContinuesAtTheContinuationPrompt() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("date \\", .enter)
        try terminal.expect("\n… › ")
        let output = try terminal.run("advance 1d", prompt: "service-desk · 2027-07-21 › ")
        #expect(output == "today is 2027-07-21 (Wednesday)\n")
    }

    @Test func ctrlCDropsTheHalfTypedLineAndTheShellStillAnswers() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("date advance 1")
        try terminal.expectTyped(prompt + "date advance 1")
        try terminal.press(.ctrlC)
        try terminal.expect("\n" + prompt)
        try terminal.expectTyped(prompt)
        // Neither run nor kept: the date has not moved, and the next line is not appended to it.
        #expect(try terminal.run("date") == "2027-07-20\n")
        #expect(terminal.screen.lines.contains(prompt + "date advance 1"), "the abandoned line stays on the screen")
    }

    @Test func ctrlCDropsAContinuedCommand() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("date \\", .enter)
        try terminal.expect("\n… › ")
        try terminal.type("advance 1d")
        try terminal.expectTyped("… › advance 1d")
        try terminal.press(.ctrlC)
        try terminal.expect("\n" + prompt)
        #expect(try terminal.run("date") == "2027-07-20\n")
    }

    @Test func ctrlDOnAnEmptyLineSaysByeAndExitsWithZero() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("date")
        try terminal.press(.ctrlD)
        try terminal.expect("\nbye\n")
        #expect(try terminal.exitStatus() == 0)
    }

    /// The continuation line is empty too: Ctrl-D leaves, and the unfinished command is
    /// not run (as Ctrl-C would not run it).
    @Test func ctrlDAtTheContinuationPromptLeavesWithoutRunningTheUnfinishedCommand() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("date advance 1d \\", .enter)
        try terminal.expect("\n… › ")
        try terminal.press(.ctrlD)
        try terminal.expect("\nbye\n")
        #expect(try terminal.exitStatus() == 0)
        #expect(!terminal.text.contains("today is 2027-07-21"))
    }

    @Test func ctrlDOnAHalfTypedLineDoesNotLeave() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("date")
        try terminal.expectTyped(prompt + "date")
        try terminal.press(.ctrlD)
        terminal.settle()
        #expect(!terminal.text.contains("bye"))
        try terminal.press(.enter)
        try terminal.expect("2027-07-20\n" + prompt)
    }

    @Test func quitSaysByeAndExitsWithZero() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.type("quit", .enter)
        try terminal.expect("\nbye\n")
        #expect(try terminal.exitStatus() == 0)
    }

    @Test func errorPointsAtTheWordWithACaretAndTheShellGoesOn() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        let output = try terminal.run("date set 2027-13-01")
        #expect(output.hasPrefix("error: expected a date YYYY-MM-DD"))
        #expect(output.hasSuffix("\n  date set 2027-13-01\n           ^\n"))
        #expect(try terminal.run("date") == "2027-07-20\n")
        // Errors at a terminal are not failures of the session.
        #expect(try terminal.leave() == 0)
    }

    @Test func loginShowsTheBannerWhenTheActorHasExpiringAccounts() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run(#"school add 6612001 name="Ysgol y Môr""#)
        try terminal.run("create sian name=Siân category=governor school=6612001")
        let output = try terminal.run("login champion 6612001", prompt: "champion 6612001 · 2027-07-20 › ")
        #expect(output == """
            acting as champion 6612001 (Ysgol y Môr)
            1 non-MIS account expires in the next 8 weeks: type expiring to manage them

            """)
    }

    /// R6: the banner also greets a session that starts on a store with expiring accounts.
    @Test func theBannerIsShownOnStartWhenTheActorHasExpiringAccounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.file("s.hwbs")
        let setup = try Executable.run(["--store", store, "--date", "2027-07-20", "-c",
                                        #"school add 6612001 name="Ysgol y Môr"; create sian name=Siân category=governor school=6612001"#])
        #expect(setup.status == 0)
        let terminal = try PseudoTerminal(["--store", store, "--as", "champion 6612001"], folder: folder)
        defer { terminal.close() }
        try terminal.expect("1 non-MIS account expires in the next 8 weeks: type expiring to manage them")
        try terminal.expect("champion 6612001 · 2027-07-20 › ")
    }
}
