import Foundation
import HwbTestSupport
import Testing

/// Listings at a terminal: at 80 columns no id or date is ever cut, long output goes
/// through the pager, and the startup file sets the session up.
@Suite struct TerminalListingTests {
    let prompt = PseudoTerminal.prompt

    /// The accounts of the report that found the cuts: long ids and Welsh names, one of
    /// them closed (deletion dates), one kept, one about to expire.
    private func terminalWithAccounts(columns: Int, environment: [String: String] = [:], rows: Int = 30) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], environment: environment, rows: rows, columns: columns)
        try terminal.expect(prompt)
        try terminal.run(#"school add 6612001 name="Ysgol Gymraeg Gwenllïan ap Rhys""#)
        try terminal.run(#"create gwenllian.governor name="Gwenllïan ap Rhys-Williams Thomas" category=governor school=6612001"#)
        try terminal.run(#"create argraffydd.staffroom name="Argraffydd yr ystafell athrawon" category=service school=6612001"#)
        try terminal.run(#"create mererid.supply name="Mererid Hughes-Llewelyn" category=supply-teacher school=6612001 for=1m"#)
        try terminal.run("keep gwenllian.governor 6m")
        try terminal.type("close argraffydd.staffroom now", .enter)
        try terminal.expect("[y/N] ")
        try terminal.run("y")
        return terminal
    }

    /// The ids and dates a listing shows.
    private func idsAndDates(_ csv: String) -> Set<String> {
        var words = Set<String>()
        for match in csv.matches(of: #/\d{4}-\d{2}-\d{2}/#) { words.insert(String(match.output)) }
        for id in ["gwenllian.governor", "argraffydd.staffroom", "mererid.supply"] where csv.contains(id) { words.insert(id) }
        return words
    }

    @Test(arguments: ["list", "expiring", "audit", "show gwenllian.governor", "audit mererid.supply", "list status=deactivated"])
    func noIdOrDateIsCutAt80Columns(listing: String) throws {
        let terminal = try terminalWithAccounts(columns: 80)
        defer { terminal.close() }
        // The same listing in a file, where nothing is fitted to a width: what to show.
        try terminal.run("once whole.txt")
        try terminal.run(listing)
        let expected = idsAndDates(try String(contentsOfFile: terminal.folder.file("whole.txt"), encoding: .utf8))
        #expect(!expected.isEmpty)
        let shown = try terminal.run(listing)
        let lines = shown.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines)")
        #expect(!shown.contains("…"), "\(shown)")
        let words = Set(shown.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }).map(String.init))
        for word in expected {
            #expect(words.contains(word) || words.contains(word + "→") || shown.contains("→" + word) || shown.contains(word + "→"),
                    "\(word) whole in:\n\(shown)")
        }
    }

    /// Help text wraps at spaces to a narrow window: `name~TEXT` is never broken.
    @Test func helpWrapsAtSpacesToTheWindow() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], columns: 50)
        defer { terminal.close() }
        try terminal.expect(prompt)
        let help = try terminal.run("help list")
        let lines = help.split(separator: "\n")
        #expect(lines.count > 3, "\(lines)")
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        let words = Set(help.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        #expect(words.contains("name~TEXT;"), "\(lines)")
        #expect(words.contains("deactivated=DATE"), "\(lines)")
    }

    @Test func outputTallerThanTheWindowGoesThroughThePager() throws {
        // A pager that marks each line it shows.
        let terminal = try terminalWithAccounts(columns: 100, environment: ["PAGER": "sed 's/^/paged| /'"], rows: 12)
        defer { terminal.close() }
        let help = try terminal.run("help")
        #expect(help.hasPrefix("paged| Explore:"), "\(help)")
        #expect(help.contains("paged|   list [FILTER...] [limit=N]"))
        // Short output is printed as it is.
        #expect(try terminal.run("date") == "2027-07-20\n")
        try terminal.run("pager off")
        let unpaged = try terminal.run("help")
        #expect(unpaged.hasPrefix("Explore:"), "\(unpaged)")
        #expect(!unpaged.contains("paged|"))
    }

    /// A pager that fails (here one given an option it does not know) shows nothing:
    /// hwbsh says so, and how to see the output, instead of leaving an empty screen.
    @Test func aFailingPagerIsNamedWithTheWayOut() throws {
        let terminal = try terminalWithAccounts(columns: 100, environment: ["PAGER": "sed --no-such-option"], rows: 12)
        defer { terminal.close() }
        let shown = try terminal.run("help")
        #expect(!shown.contains("Explore:"), "the pager showed it: \(shown)")
        #expect(shown.contains("hwbsh: warning: the pager, sed --no-such-option, ended with status 1 and may not have shown it all; pager off prints output as it is"), "\(shown)")
        #expect(try terminal.run("date") == "2027-07-20\n", "the session goes on")
    }

    /// The pager gets no handle on the store: none of the snapshot, its journal or its
    /// lock, even after a fold has written the snapshot anew.
    @Test func thePagerHoldsNothingOfTheStore() throws {
        // A pager that writes down what it has open, then shows the text.
        let terminal = try PseudoTerminal(["--date", "2027-07-20", "--store", "s.hwbs"],
                                          environment: ["PAGER": "ls -l /proc/$$/fd > fds.txt; cat"], rows: 12)
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("school add 6612001 name=Ysgol")
        try terminal.run("save")
        #expect(try terminal.run("help").hasPrefix("Explore:"))
        let open = try String(contentsOfFile: terminal.folder.file("fds.txt"), encoding: .utf8)
        #expect(open.contains("0 -> pipe:"), "the pager ran, reading a pipe: \(open)")
        #expect(!open.contains("s.hwbs"), "\(open)")
    }

    @Test func lessShowsTheFirstScreenAndQWaitsNoLonger() throws {
        // PAGER empty: the default, less -FRX.
        let terminal = try terminalWithAccounts(columns: 100, environment: ["PAGER": ""], rows: 12)
        defer { terminal.close() }
        try terminal.type("help", .enter)
        try terminal.expect("Explore:")
        try terminal.settle()
        #expect(!terminal.screen.lines.contains { $0.hasPrefix("  quit") }, "only the first screen: \(terminal.screen.lines)")
        try terminal.type("q")
        try terminal.expect(prompt)
        #expect(try terminal.run("date") == "2027-07-20\n")
    }

    @Test func theStartupFileRunsBeforeThePromptUnlessNoRc() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try "format csv\nbogus command\npager off\n".write(toFile: folder.file(".hwbshrc"), atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], folder: folder)
        defer { terminal.close() }
        let start = try terminal.expect(prompt)
        #expect(start.contains("listings print as csv"), "\(start)")
        #expect(start.contains(folder.file(".hwbshrc") + #":2:1: error: unknown command "bogus""#), "\(start)")
        let settings = try terminal.run("settings")
        #expect(settings.contains("format,csv"), "\(settings)")
        #expect(settings.contains("pager,off"), "\(settings)")
        #expect(try terminal.leave() == 0)

        let skipped = try PseudoTerminal(["--date", "2027-07-20", "--no-rc"], folder: folder)
        defer { skipped.close() }
        let plain = try skipped.expect(prompt)
        #expect(!plain.contains("listings print as csv"))
        #expect(try skipped.run("format") == "listings print as auto\n")
    }
}
