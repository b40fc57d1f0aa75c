import Foundation
import HwbTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `undo` with `--store`: it is journaled like any change, and a replay runs the same
/// commands through the interpreter, so it rebuilds the same undo steps: after a kill the
/// store reopens as it was, and `undo` goes on taking back the same changes. A fold (and a
/// `load`) empties the journal, so it lets every step go, in the session as on replay.
@Suite struct StoreUndoTests {
    static let state = "whoami; export json -; audit"
    static let commands = [
        schoolLine, createLine("u1"), "content u1 3", "keep u1 1m", "undo", "date advance 1d", "content u1 5",
    ]

    /// hwbsh on `store` through a pipe, fed `commands` and killed once it has answered
    /// them all (so nothing was folded at exit); returns what it printed. It waits for the
    /// answer to a last `whoami` even when a command was refused: an error on standard
    /// error comes before the later commands have run.
    private func killedSession(_ store: StoreFixture, _ commands: [String], environment: [String: String] = [:]) throws -> Execution {
        let process = try StoreProcess(store.arguments(["--keep-going"]), environment: environment)
        for command in commands { process.send(command) }
        process.send("whoami")
        let answer = Array("service-desk (every school)\n".utf8)
        #expect(process.wait(timeout: 20) { output, _ in output.suffix(answer.count).elementsEqual(answer) })
        let result = process.kill()
        #expect(result.status == SIGKILL)
        return result
    }

    /// What hwbsh without `--store` prints for `commands` then `more`: only what `more` printed.
    private func inMemory(_ commands: [String], then more: String) throws -> (stdout: String, stderr: String) {
        let arguments = ["--date", StoreFixture.date, "--keep-going", "-c"]
        let before = try StoreProcess.run(arguments + [commands.joined(separator: "\n")])
        let all = try StoreProcess.run(arguments + [(commands + [more]).joined(separator: "\n")])
        #expect(all.stdout.hasPrefix(before.stdout))
        #expect(all.stderr.hasPrefix(before.stderr))
        return (String(all.stdout.dropFirst(before.stdout.count)), String(all.stderr.dropFirst(before.stderr.count)))
    }

    @Test func aReplayedUndoGivesTheSameStoreAndUndoGoesOnAfterTheRestart() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        let session = try killedSession(store, Self.commands)
        #expect(session.stdout.contains("undid keep u1 1m (2027-07-01)\n"))
        #expect(store.files.journalRecords.records.count == Self.commands.count, "the undo is a record of its own")

        // The store reopens as the killed session left it: the undo replayed took back the keep.
        let expected = try inMemory(Self.commands, then: Self.state)
        let reopened = try StoreProcess.run(store.arguments(["-c", Self.state]))
        #expect(reopened.stderr == "")
        #expect(reopened.stdout == expected.stdout, "\(firstDifference(reopened.stdout, expected.stdout))")
    }

    @Test func undoAfterARestartTakesBackTheChangesBeforeIt() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        try killedSession(store, Self.commands)
        // Killed again, after one more undo: the journal now holds it too.
        let second = try killedSession(store, ["undo"])
        #expect(second.stdout.hasPrefix("undid content u1 5 (2027-07-02)\n"))
        let more = "undo\nundo\n" + Self.state
        let expected = try inMemory(Self.commands + ["undo"], then: more)
        #expect(expected.stdout.hasPrefix("undid date advance 1d (2027-07-01)\nundid content u1 3 (2027-07-01)\n"))
        let reopened = try StoreProcess.run(store.arguments(["--keep-going", "-c", more]))
        #expect(reopened.stderr == "")
        #expect(reopened.stdout == expected.stdout, "\(firstDifference(reopened.stdout, expected.stdout))")
    }

    /// A fold empties the journal, so a replay would start from the new snapshot: undo
    /// stops there, in the session and after a kill alike.
    @Test func undoStopsAtAFold() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        let environment = ["HWBSH_JOURNAL_LIMIT": "4"]
        // The fourth record folds the journal; the fifth starts a new one, which the
        // refused undo (a record too) leaves one short of the next fold.
        let commands = [schoolLine, createLine("u1"), "content u1 3", "content u1 4", "content u1 5", "undo", "undo"]
        let session = try killedSession(store, commands, environment: environment)
        #expect(session.stdout.contains("undid content u1 5 (2027-07-01)\n"))
        let refusal = "error: nothing to undo since the store was last folded into its snapshot \(store.path) (hwbsh folds the journal when a session ends, on save and every 4 changes); undo does not go back past a fold\n"
        #expect(session.stderr == "<stdin>:7:1: " + refusal)
        #expect(store.files.journalRecords.records.map(\.sequence) == [5, 6, 7])

        let reopened = try StoreProcess.run(store.arguments(["--keep-going", "-c", "undo; show u1"]), environment: environment)
        #expect(reopened.stderr == "-c:1:1: " + refusal, "the replay stops at the same place")
        #expect(reopened.stdout.contains("content        4 items"))
    }

    /// hwbsh folds the journal when it ends: the next session starts with nothing to undo.
    /// So does `save`, which folds it too, and `load`.
    @Test func undoStopsAtTheEndOfASessionAtSaveAndAtLoad() throws {
        let store = try StoreFixture()
        defer { store.remove() }
        let first = try store.run([schoolLine, createLine("u1"), "content u1 3", "undo"].joined(separator: "; "))
        #expect(first.status == 0)
        #expect(first.stdout.hasSuffix("undid content u1 3 (2027-07-01)\n"))
        let next = try store.run("undo")
        #expect(next.status == 1)
        #expect(next.stderr.hasPrefix("-c:1:1: error: nothing to undo since the store was last folded into its snapshot \(store.path) "))

        let other = store.folder.file("other.hwbs")
        let saved = try store.run("content u1 4; save \(other); undo", options: ["--keep-going"])
        #expect(saved.stderr.contains(": error: nothing to undo since the store was last folded into its snapshot"))
        let loaded = try store.run("content u1 5; load \(other); undo", options: ["--keep-going"])
        #expect(loaded.stderr.hasSuffix(": error: nothing to undo since load \(other) replaced the store; undo does not go back past a load\n"))
        #expect(try store.run("show u1").stdout.contains("content        4 items"))
    }
}
