import HwbTestSupport
import Testing

/// At a terminal, hwbsh asks before a command destroys something (`close ID now`, a sweep
/// that deletes accounts, `load` over unsaved changes); only yes goes ahead; `--yes`
/// never asks; scripts never ask even on a terminal.
@Suite struct TerminalConfirmationTests {
    let prompt = PseudoTerminal.prompt
    static let closeQuestion =
        "Close sian now? Deleted for good on 2028-07-20 with 12 content items. [y/N] "

    /// A terminal with one active governor account `sian` holding 12 content items, wide
    /// enough for the questions to stay on one line.
    private func terminal(_ options: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"] + options, columns: 160)
        try terminal.expect(prompt)
        try terminal.run(#"school add 6612001 name="Ysgol y Môr""#)
        try terminal.run("create sian name=Siân category=governor school=6612001")
        try terminal.run("content sian 12")
        return terminal
    }

    @Test(arguments: ["n", "", "no", "whatever"])
    func closeNowAsksAndAnythingButYesChangesNothing(answer: String) throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("close sian now", .enter)
        try terminal.expect(Self.closeQuestion)
        #expect(try terminal.run(answer) == "cancelled; nothing changed\n")
        #expect(try terminal.run("count status=active") == "1\n")
    }

    /// Several accounts at once: the question says how many and names a few; no keeps none.
    @Test func keepingSeveralAsksHowMany() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.run("create huw name=Huw category=governor school=6612001")
        try terminal.run("create ffion name=Ffion category=governor school=6612001")
        try terminal.type("keep where category=governor 6m", .enter)
        try terminal.expect("Keep 3 accounts 6m (ffion, huw, sian)? [y/N] ")
        #expect(try terminal.run("n") == "cancelled; nothing changed\n")
        #expect(try terminal.run("audit rule=R7") == "no R7 entries (5 entries in all)\n")
        try terminal.type("close huw sian ffion now", .enter)
        try terminal.expect("Close 3 accounts now (huw, sian, ffion)? Deleted for good on 2028-07-20 with 12 content items. [y/N] ")
        let closed = try terminal.run("y")
        #expect(closed.hasPrefix("closed 3 accounts with 12 content items; deleted for good on 2028-07-20 unless reactivated\n"), "\(closed)")
        #expect(try terminal.run("count status=deactivated") == "3\n")
    }

    /// A change of several that would be refused is refused at once, without a question.
    @Test func keepingSeveralThatWouldFailIsRefusedWithoutAQuestion() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.run("create huw name=Huw category=governor school=6612001")
        try terminal.type("close huw now", .enter)
        try terminal.expect("[y/N] ")
        try terminal.run("y")
        let refused = try terminal.run("keep where category=governor 6m")
        #expect(!refused.contains("[y/N]"), "\(refused)")
        #expect(terminal.text.contains("huw is deactivated: use reactivate (account 1 of 2); nothing changed: add status=active to leave deactivated accounts out"), "\(terminal.text)")
    }

    @Test(arguments: ["y", "yes", "Y"])
    func closeNowGoesAheadOnYes(answer: String) throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("close sian now", .enter)
        try terminal.expect(Self.closeQuestion)
        #expect(try terminal.run(answer) == "closed sian; deleted for good on 2028-07-20 unless reactivated\n")
        #expect(try terminal.run("count status=deactivated") == "1\n")
    }

    @Test func ctrlCAtTheQuestionChangesNothing() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("close sian now", .enter)
        try terminal.expect(Self.closeQuestion)
        try terminal.press(.ctrlC)
        try terminal.expect("cancelled; nothing changed\n" + prompt)
        #expect(try terminal.run("count status=active") == "1\n")
    }

    @Test func sweepThatDeletesAsksAndNoKeepsTheAccounts() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        let later = "service-desk · 2028-08-20 › "
        try terminal.type("close sian now", .enter)
        try terminal.expect(Self.closeQuestion)
        try terminal.run("y")
        try terminal.run("date advance 13m", prompt: later)
        try terminal.type("sweep", .enter)
        try terminal.expect("This sweep deletes 1 account for good, with 12 content items. Continue? [y/N] ")
        #expect(try terminal.run("n", prompt: later) == "cancelled; nothing changed\n")
        #expect(try terminal.run("count", prompt: later) == "1\n")
    }

    @Test func sweepThatDeletesNothingDoesNotAsk() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        let output = try terminal.run("sweep")
        #expect(!output.contains("[y/N]"))
        #expect(try terminal.run("count") == "1\n")
    }

    @Test func loadOverUnsavedChangesAsks() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.run("save before.snap")
        try terminal.run("create wyn name=Ŵyn category=governor school=6612001")
        try terminal.type("load before.snap", .enter)
        try terminal.expect("The store has changes that are not saved. Load before.snap over them? [y/N] ")
        #expect(try terminal.run("n") == "cancelled; nothing changed\n")
        #expect(try terminal.run("count") == "2\n")
    }

    @Test func loadAfterSavingDoesNotAsk() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.run("save before.snap")
        let output = try terminal.run("load before.snap")
        #expect(output.hasPrefix("loaded before.snap: 1 account, 1 school"))
    }

    @Test func yesOptionSkipsTheQuestion() throws {
        let terminal = try terminal(["--yes"])
        defer { terminal.close() }
        #expect(try terminal.run("close sian now") == "closed sian; deleted for good on 2028-07-20 unless reactivated\n")
        #expect(!terminal.text.contains("[y/N]"))
    }

    @Test func scriptOnATerminalNeverAsks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("close.hwb", """
            school add 6612001 name="Ysgol y Môr"
            create sian name=Siân category=governor school=6612001
            close sian now
            count status=deactivated

            """)
        for arguments in [["close.hwb"], ["-c", "school add 6612001 name=Ysgol; create sian name=Siân category=governor school=6612001; close sian now; count status=deactivated"]] {
            let terminal = try PseudoTerminal(["--date", "2027-07-20"] + arguments, folder: folder)
            defer { terminal.close() }
            try terminal.expect("closed sian; deleted for good on 2028-07-20 unless reactivated\n1\n")
            #expect(try terminal.exitStatus() == 0)
            #expect(!terminal.text.contains("[y/N]"))
            #expect(!terminal.text.contains("›"), "no prompt")
            #expect(!folder.exists("history"), "scripts keep no history")
        }
    }

    // MARK: load with --store, and leaving

    static let leavingQuestion = "The store has changes that are not saved (save FILE keeps them). Quit anyway? [y/N] "

    /// With `--store` nothing is ever unsaved (the journal keeps every change), so `load`
    /// used to replace the store without a word: it now asks whenever the store is not
    /// empty, naming the store and what it holds.
    @Test func loadOverAStoreFileAsks() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20", "--store", "s.snap"], columns: 200)
        defer { terminal.close() }
        try terminal.expect(prompt)
        #expect(try terminal.run("save before.snap") == "saved 0 accounts and 0 schools to before.snap\n", "an empty store: nothing to ask")
        #expect(try terminal.run("load before.snap").hasPrefix("loaded before.snap: 0 accounts"))
        try terminal.run(#"school add 6612001 name="Ysgol y Môr""#)
        try terminal.run("create sian name=Siân category=governor school=6612001")
        try terminal.run("save before.snap")
        try terminal.run("create wyn name=Ŵyn category=governor school=6612001")
        try terminal.type("load before.snap", .enter)
        try terminal.expect("Load before.snap over the store s.snap (2 accounts, 1 school, today 2027-07-20)? It replaces them, and undo cannot bring them back. [y/N] ")
        #expect(try terminal.run("n") == "cancelled; nothing changed\n")
        #expect(try terminal.run("count") == "2\n")
        try terminal.type("load before.snap", .enter)
        try terminal.expect("? It replaces them, and undo cannot bring them back. [y/N] ")
        #expect(try terminal.run("y").hasPrefix("loaded before.snap: 1 account, 1 school"))
        #expect(try terminal.run("undo").contains("error: nothing to undo since load before.snap replaced the store"))
        // Leaving with --store never asks: the store file has every change.
        try terminal.type("quit", .enter)
        try terminal.expect("bye")
        #expect(try terminal.exitStatus() == 0)
        #expect(!terminal.text.contains("Quit anyway"))
        let reopened = try StoreProcess.run(["--store", terminal.folder.file("s.snap"), "-c", "count"])
        #expect(reopened.stdout == "1\n")
    }

    @Test func quitWithUnsavedChangesAsksAndNoGoesOn() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("quit", .enter)
        try terminal.expect(Self.leavingQuestion)
        #expect(try terminal.run("n") == "cancelled; hwbsh goes on\n")
        #expect(try terminal.run("count") == "1\n")
        try terminal.press(.ctrlD)
        try terminal.expect(Self.leavingQuestion)
        #expect(try terminal.run("") == "cancelled; hwbsh goes on\n")
        try terminal.run("save s.snap")
        try terminal.press(.ctrlD)
        try terminal.expect("bye")
        #expect(try terminal.exitStatus() == 0)
    }

    @Test func ctrlDAndYesLeaves() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.press(.ctrlD)
        try terminal.expect(Self.leavingQuestion)
        try terminal.type("y", .enter)
        try terminal.expect("bye")
        #expect(try terminal.exitStatus() == 0)
    }

    @Test func leavingNeverAsksWithYesOrWithAStore() throws {
        for options in [["--yes"], ["--store", "s.snap"]] {
            let terminal = try terminal(options)
            defer { terminal.close() }
            try terminal.type("quit", .enter)
            try terminal.expect("bye")
            #expect(try terminal.exitStatus() == 0)
            #expect(!terminal.text.contains("Quit anyway"), "\(options)")
        }
    }
}
