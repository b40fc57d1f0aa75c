import Foundation
import HwbShell
import HwbTestSupport
import Testing
import HwbTerminal

/// The command history kept across interactive sessions.
@Suite struct HistoryTests {
    @Test func commandUsedAgainMovesToTheEnd() {
        var history = History(path: nil)
        for line in ["date", "whoami", "list", "date"] { history.add(line) }
        #expect(history.entries == ["whoami", "list", "date"])
    }

    @Test func blankLinesAreIgnoredAndCommandsTrimmed() {
        var history = History(path: nil)
        for line in ["", "   ", "\t", "  date  ", "date"] { history.add(line) }
        #expect(history.entries == ["date"])
    }

    @Test func oldestCommandsGoBeyondTheLimit() {
        var history = History(path: nil, limit: 3)
        for day in 1...5 { history.add("date advance \(day)d") }
        #expect(history.entries == ["date advance 3d", "date advance 4d", "date advance 5d"])
    }

    @Test func limitIsAThousandByDefault() {
        var history = History(path: nil)
        for day in 1...1001 { history.add("date advance \(day)d") }
        #expect(history.limit == 1000)
        #expect(history.entries.count == 1000)
        #expect(history.entries.first == "date advance 2d")
    }

    @Test func savedFileHasOneCommandALine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var history = History(path: folder.file("history"))
        for line in ["date", #"create sian name="Siân Ŵyn" category=governor school=6612001"#, "date"] { history.add(line) }
        history.save()
        #expect(try folder.read("history") == "create sian name=\"Siân Ŵyn\" category=governor school=6612001\ndate\n")
    }

    @Test func savedFileIsReadableByItsOwnerOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var history = History(path: folder.file("history"))
        history.add("date")
        history.save()
        #expect(try mode(folder.file("history")) == 0o600)
    }

    @Test func savingOverAnOpenFileMakesItPrivate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("history", "whoami\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        var history = History(path: path)
        history.add("date")
        history.save()
        #expect(try mode(path) == 0o600)
        #expect(try folder.read("history") == "whoami\ndate\n")
    }

    @Test func fileIsReadBackDeduplicatedAndBounded() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("history", "date\n\nwhoami\n   \ndate\nlist\nschools\n")
        let history = History(path: folder.file("history"), limit: 3)
        #expect(history.entries == ["date", "list", "schools"])
    }

    @Test func missingFileIsAnEmptyHistory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(History(path: folder.file("none")).entries.isEmpty)
    }

    @Test func unwritableFileIsNoError() throws {
        var history = History(path: "/nonexistent/folder/history")
        history.add("date")
        history.save()
        #expect(history.entries == ["date"])
    }

    @Test func pathComesFromHwbshHistoryThenHome() {
        #expect(History.defaultPath(environment: ["HWBSH_HISTORY": "/tmp/h", "HOME": "/home/a"]) == "/tmp/h")
        #expect(History.defaultPath(environment: ["HWBSH_HISTORY": "", "HOME": "/home/a"]) == "/home/a/.hwbsh_history")
        #expect(History.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.hwbsh_history")
        #expect(History.defaultPath(environment: [:]) == nil)
    }

    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
}
