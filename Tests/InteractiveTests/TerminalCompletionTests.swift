import HwbTestSupport
import Testing

/// Tab at a terminal: libedit calls hwbsh's completer and shows the result in the line
/// being edited; the completed line then runs.
@Suite struct TerminalCompletionTests {
    let prompt = PseudoTerminal.prompt

    /// A terminal with school 6612001 and, if given, one governor account.
    private func terminal(account: String? = nil) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        try terminal.expect(prompt)
        try terminal.run(#"school add 6612001 name="Ysgol y Môr""#)
        if let account {
            try terminal.run("create \(account) name=Gwenllïan category=governor school=6612001")
        }
        return terminal
    }

    @Test func tabCompletesACommand() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("cre", .tab)
        try terminal.expectTyped(prompt + "create ")
        try terminal.type("gwen name=Gwenllïan category=governor school=6612001", .enter)
        try terminal.expect("created gwen (non-MIS, governor) at 6612001, expires 2027-08-31\n" + prompt)
    }

    @Test func tabCompletesACategory() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("create gwen name=Gwenllïan category=gov", .tab)
        try terminal.expectTyped(prompt + "create gwen name=Gwenllïan category=governor ")
        try terminal.type("school=6612001", .enter)
        try terminal.expect("created gwen (non-MIS, governor) at 6612001")
    }

    @Test func tabCompletesAnAccountID() throws {
        let terminal = try terminal(account: "gwenllian.jones")
        defer { terminal.close() }
        try terminal.type("show gw", .tab)
        try terminal.expectTyped(prompt + "show gwenllian.jones ")
        try terminal.press(.enter)
        try terminal.expect("\ngwenllian.jones · Gwenllïan\n")
    }

    @Test func tabCompletesASchoolNumber() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("login champion 66", .tab)
        try terminal.expectTyped(prompt + "login champion 6612001 ")
        try terminal.press(.enter)
        try terminal.expect("acting as champion 6612001 (Ysgol y Môr)\n")
    }

    @Test func tabCompletesAFileNameAfterLoad() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.run("save year-end.snap")
        try terminal.type("load year", .tab)
        try terminal.expectTyped(prompt + "load year-end.snap ")
        try terminal.press(.enter)
        try terminal.expect("loaded year-end.snap: 0 accounts, 1 school")
    }

    @Test func tabListsTheCandidatesWhenSeveralFit() throws {
        let terminal = try terminal()
        defer { terminal.close() }
        try terminal.type("c", .tab)
        try terminal.expect("\nclose    content  count    create\n")
        // The line being typed comes back under the list, ready for more.
        try terminal.expectTyped(prompt + "c")
        try terminal.type("ount", .enter)
        try terminal.expect("\n0\n" + prompt)
    }

    /// The candidates are set in columns that fit the window: none breaks across lines.
    @Test func aLongListOfCandidatesNeverBreaksAWord() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], columns: 40)
        defer { terminal.close() }
        try terminal.expect(PseudoTerminal.prompt)
        try terminal.type("list ", .tab)
        let listing = try terminal.expect("limit=")
        try terminal.settle()
        let lines = terminal.screen.lines
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        for filter in ["kind=", "status=", "category=", "expiring=", "inactive=", "deactivated=", "name~", "limit="] {
            #expect(lines.contains { $0.split(separator: " ").contains(Substring(filter)) }, "\(filter) whole in \(lines) (\(listing))")
        }
    }
}
