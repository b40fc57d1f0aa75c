import Foundation
import HwbTestSupport
import Testing

/// History at a terminal: kept in a file across sessions, recalled with Up and Ctrl-R.
@Suite struct TerminalHistoryTests {
    let prompt = PseudoTerminal.prompt

    @Test func historyPersistsToASecondSession() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try PseudoTerminal(["--date", "2027-07-20"], folder: folder)
        defer { first.close() }
        try first.expect(prompt)
        try first.run("date advance 1d", prompt: "service-desk · 2027-07-21 › ")
        try first.run("whoami", prompt: "service-desk · 2027-07-21 › ")
        // The date moved and was not saved: leaving asks first, and the answer is not history.
        try first.press(.ctrlD)
        try first.expect("Quit anyway? [y/N] ")
        try first.type("y", .enter)
        try first.expect("bye")
        #expect(try first.exitStatus() == 0)
        #expect(try folder.read("history") == "date advance 1d\nwhoami\n")

        let second = try PseudoTerminal(["--date", "2027-07-20"], folder: folder)
        defer { second.close() }
        try second.expect(prompt)
        try second.press(.up)
        try second.expectTyped(prompt + "whoami")
        try second.press(.up)
        try second.expectTyped(prompt + "date advance 1d")
        try second.press(.enter)
        try second.expect("today is 2027-07-21 (Wednesday)\n")
    }

    @Test func ctrlRFindsAnEarlierCommand() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("date advance 1d", prompt: "service-desk · 2027-07-21 › ")
        try terminal.run("whoami", prompt: "service-desk · 2027-07-21 › ")
        try terminal.run("date", prompt: "service-desk · 2027-07-21 › ")
        try terminal.press(.ctrlR)
        try terminal.type("adv")
        try terminal.expectOnScreen("bck:adv")
        try terminal.expectCursorLine("service-desk · 2027-07-21 › date advance 1d")
        try terminal.press(.enter)
        try terminal.expect("today is 2027-07-22 (Thursday)\n")
    }

    @Test func historyFileHasEachCommandOnceInTheOrderLastUsed() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        for command in ["date", "whoami", "date", "  ", "whoami"] {
            try terminal.run(command)
        }
        #expect(try terminal.folder.read("history") == "date\nwhoami\n")
    }

    @Test func historyFileIsReadableByItsOwnerOnly() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("date")
        let attributes = try FileManager.default.attributesOfItem(atPath: terminal.historyPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func historyWithoutHwbshHistoryIsInTheHomeFolder() throws {
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], environment: ["HWBSH_HISTORY": ""])
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.run("whoami")
        #expect(try terminal.folder.read(".hwbsh_history") == "whoami\n")
        #expect(!terminal.folder.exists("history"))
    }

    @Test func historyKeepsTheLastThousandCommands() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let earlier = (1...1005).map { "date advance \($0)d" }
        try folder.write("history", earlier.joined(separator: "\n") + "\n")
        let terminal = try PseudoTerminal(["--date", "2027-07-20"], folder: folder)
        defer { terminal.close() }
        try terminal.expect(prompt)
        try terminal.press(.up)
        try terminal.expectTyped(prompt + "date advance 1005d")
        try terminal.press(.ctrlU)
        try terminal.run("whoami")
        let lines = try folder.read("history").split(separator: "\n").map(String.init)
        #expect(lines.count == 1000)
        #expect(lines.first == "date advance 7d")
        #expect(lines.last == "whoami")
    }
}
