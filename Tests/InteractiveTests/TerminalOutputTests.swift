import HwbTestSupport
import Testing

/// What a terminal shows: Welsh names typed and listed intact, status in colour (unless
/// NO_COLOR), tables fitted to the window.
@Suite struct TerminalOutputTests {
    let prompt = PseudoTerminal.prompt

    private func terminalWithSchool(environment: [String: String] = [:], columns: Int = 100) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], environment: environment, columns: columns)
        try terminal.expect(prompt)
        try terminal.run(#"school add 6612001 name="Ysgol y Môr""#)
        return terminal
    }

    @Test func welshNamesAreTypedAndListedIntact() throws {
        let terminal = try terminalWithSchool()
        defer { terminal.close() }
        // Backspace takes back the whole â, not one of its two bytes.
        try terminal.type(#"create sian name="Siâ"#, .backspace)
        try terminal.expectTyped(prompt + #"create sian name="Si"#)
        try terminal.type(#"ân ap Gwenllïan" category=governor school=6612001"#)
        try terminal.expectTyped(prompt + #"create sian name="Siân ap Gwenllïan" category=governor school=6612001"#)
        try terminal.press(.enter)
        try terminal.expect("created sian")
        try terminal.expect(prompt)
        try terminal.run(#"create wyn name="Ŵyn Jones" category=governor school=6612001"#)
        let listing = try terminal.run("list")
        #expect(listing.contains("\nsian  Siân ap Gwenllïan  non-mis"))
        #expect(listing.contains("\nwyn   Ŵyn Jones          non-mis"))
        #expect(try terminal.run("list name~Siân").contains("Siân ap Gwenllïan"))
    }

    @Test func statusIsColouredOnATerminal() throws {
        let terminal = try terminalWithSchool()
        defer { terminal.close() }
        try terminal.run("create sian name=Siân category=governor school=6612001")
        try terminal.run("list")
        #expect(terminal.rawOutput.contains("\u{1B}[32mactive\u{1B}[0m"))
    }

    @Test(arguments: ["1", "yes"])
    func noColourWhenNoColorIsSet(value: String) throws {
        let terminal = try terminalWithSchool(environment: ["NO_COLOR": value])
        defer { terminal.close() }
        try terminal.run("create sian name=Siân category=governor school=6612001")
        #expect(try terminal.run("list").contains("  active  "))
        #expect(terminal.rawOutput.firstMatch(of: #/\x1B\[[0-9;]*m/#) == nil, "no colour or style at all")
    }

    @Test func anEmptyNoColorLeavesColourOn() throws {
        let terminal = try terminalWithSchool(environment: ["NO_COLOR": ""])
        defer { terminal.close() }
        try terminal.run("create sian name=Siân category=governor school=6612001")
        try terminal.run("list")
        #expect(terminal.rawOutput.contains("\u{1B}[32mactive"))
    }

    @Test func tablesFitTheTerminalWidth() throws {
        let terminal = try terminalWithSchool(columns: 60)
        defer { terminal.close() }
        try terminal.run(#"create sian name="Siân ap Gwenllïan Hughes-Williams" category=governor school=6612001"#)
        // Too wide for 60 columns even wrapped: one field a line, nothing cut.
        let lines = try terminal.run("list").split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        #expect(lines.first?.hasPrefix("-[ 1 of 1 ]") == true, "\(lines)")
        #expect(lines.contains("NAME    Siân ap Gwenllïan Hughes-Williams"), "\(lines)")
        #expect(!lines.contains { $0.contains("…") })
        #expect(lines.last == "1 account")
        // Asked for as a table, it runs wider than the window with every word whole.
        try terminal.run("format table")
        let table = try terminal.run("list").split(separator: "\n")
        #expect(table[0].hasPrefix("ID    NAME"), "\(table)")
        #expect(table.contains { $0.contains("2027-08-31") }, "the date whole: \(table)")
        #expect(!table.contains { $0.contains("…") })
    }

    @Test func tablesFollowTheTerminalWhenItIsResized() throws {
        let terminal = try terminalWithSchool(columns: 100)
        defer { terminal.close() }
        try terminal.run(#"create sian name="Siân ap Gwenllïan Hughes-Williams" category=governor school=6612001"#)
        let wide = try terminal.run("list").split(separator: "\n")
        #expect(wide.contains { $0.count > 60 }, "at 100 columns the row is not cut")
        terminal.resize(rows: 30, columns: 60)
        let narrow = try terminal.run("list").split(separator: "\n")
        #expect(narrow.allSatisfy { $0.count <= 60 }, "\(narrow)")
    }

    /// A terminal whose locale is not UTF-8 (LANG unset or C, common over ssh and in
    /// containers) still gets a working shell.
    @Test(arguments: ["C", "POSIX", ""])
    func startsWhenTheLocaleIsNotUTF8(locale: String) throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], environment: ["LANG": locale])
        defer { terminal.close() }
        try terminal.expect("2027-07-20 ")
        try terminal.type("date", .enter)
        try terminal.expect("\n2027-07-20\n")
        #expect(try terminal.leave() == 0)
    }
}

/// `hwbsh test` at a terminal: what was expected in red, what was printed in green.
@Suite struct TranscriptDiffColourTests {
    @Test func aFailingDiffIsColouredAtATerminalAndPlainWithNoColor() throws {
        for (environment, coloured) in [([String: String](), true), (["NO_COLOR": "1"], false)] {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            try folder.write("f.t", "#! hwbsh --date 2027-07-20\n> date\n2027-07-21\n")
            let terminal = try PseudoTerminal(["test", "f.t"], environment: environment, folder: folder)
            defer { terminal.close() }
            try terminal.expect("0 passed, 1 failed")
            #expect(try terminal.exitStatus() == 1)
            #expect(terminal.rawOutput.contains("\u{1B}[31m-2027-07-21\u{1B}[0m") == coloured, "\(terminal.rawOutput)")
            #expect(terminal.rawOutput.contains("\u{1B}[32m+2027-07-20\u{1B}[0m") == coloured)
            #expect(terminal.text.contains("-2027-07-21"))
        }
    }
}
