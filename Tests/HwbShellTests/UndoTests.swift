import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// `undo`: the last changes taken back one at a time, newest first, up to 10; the store
/// (accounts, clock, directory, audit log) as it was before each; not `login`; nothing
/// kept for a refused command; nothing to undo past a `load`.
@Suite struct UndoTests {
    static let setUp = """
        school add 6612001 name="Ysgol y Môr"
        create eleri.gov name="Eleri Jones" category=governor school=6612001
        """

    /// Everything the store holds, as text.
    private func state(_ session: ShellSession) -> String {
        session.run("date; schools; export json -; audit").output
    }

    @Test func undoesSeveralLevelsNewestFirst() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        var states = [state(session)]
        for command in ["keep eleri.gov end-of-next-year", "content eleri.gov 12", "date advance 1m", "sweep"] {
            #expect(session.run(command).errors == "")
            states.append(state(session))
        }
        #expect(session.run("undo").output == "undid sweep (2027-08-20)\n")
        #expect(state(session) == states[3])
        #expect(session.run("undo").output == "undid date advance 1m (2027-07-20)\n")
        #expect(state(session) == states[2])
        #expect(session.run("undo; undo").output == """
            undid content eleri.gov 12 (2027-07-20)
            undid keep eleri.gov end-of-next-year (2027-07-20)

            """)
        #expect(state(session) == states[0], "the audit log is as it was too")
        // Then the two commands of the set-up.
        #expect(session.run("undo; undo").errors == "")
        #expect(session.shell.store.isEmpty)
    }

    @Test func nothingToUndo() {
        let session = ShellSession(today: "2027-07-20")
        let first = session.run("undo")
        #expect(first.output == "")
        #expect(first.errors == "test.hwb:1:1: error: nothing to undo: no command has changed the store since hwbsh started\n")
        session.run(Self.setUp)
        session.run("undo; undo")
        #expect(session.run("undo").errors
            == "test.hwb:1:1: error: nothing more to undo: every change since hwbsh started has been undone\n")
    }

    @Test func undoGoesBackTenChangesAtMost() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        for count in 1...10 { session.run("content eleri.gov \(count)") }
        let result = session.run(Array(repeating: "undo", count: 11).joined(separator: "\n"))
        #expect(result.outputLines.count == 10)
        #expect(result.outputLines.first == "undid content eleri.gov 10 (2027-07-20)")
        #expect(result.outputLines.last == "undid content eleri.gov 1 (2027-07-20)")
        #expect(result.errors == "test.hwb:11:1: error: nothing more to undo: undo goes back 10 changes at most\n")
        #expect(session.shell.store.accounts[Fixtures.id("eleri.gov")]?.content == 0, "the account is still there")
    }

    /// A refused command changed nothing, and there is nothing of it to undo; nor of
    /// commands that never change the store.
    @Test func refusedAndReadingCommandsAreNotUndone() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        session.run("content eleri.gov 5")
        #expect(session.run("keep nobody 6m").errors != "")
        #expect(session.run("content eleri.gov -1").errors != "")
        session.run("list; count; show eleri.gov; audit; whoami; sweep dry-run; date; format csv; format table")
        #expect(session.run("undo").output == "undid content eleri.gov 5 (2027-07-20)\n")
    }

    /// `login` is not a change: undo takes back the store's changes and leaves who the
    /// shell acts as.
    @Test func loginIsNotUndone() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        session.run("content eleri.gov 5; login la-admin 661")
        #expect(session.run("undo").output == "undid content eleri.gov 5 (2027-07-20)\n")
        #expect(session.shell.actor == .laAdmin(661))
    }

    /// A champion cannot act without their school: the undo that would take it away is
    /// refused, and changes nothing.
    @Test func undoThatWouldLeaveTheActorWithoutTheirSchoolIsRefused() {
        let session = ShellSession(today: "2027-07-20")
        session.run(#"school add 6612001 name="Ysgol y Môr"; login champion 6612001"#)
        let result = session.run("undo")
        #expect(result.errors.hasPrefix("test.hwb:1:1: error: cannot undo school add 6612001 name=\"Ysgol y Môr\": without it, champion 6612001 cannot act ("))
        #expect(result.errors.hasSuffix("); login service-desk first\n"))
        #expect(session.shell.store.schools.count == 1)
        session.run("login service-desk")
        #expect(session.run("undo").output == "undid school add 6612001 name=\"Ysgol y Môr\" (2027-07-20)\n")
    }

    @Test func loadLetsEveryStepGo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        session.run("save \(folder.file("before.hwbs")); content eleri.gov 5")
        #expect(session.run("load \(folder.file("before.hwbs"))").errors == "")
        #expect(session.run("undo").errors
            == "test.hwb:1:1: error: nothing to undo since load \(folder.file("before.hwbs")) replaced the store; undo does not go back past a load\n")
        session.run("content eleri.gov 7")
        #expect(session.run("undo").output == "undid content eleri.gov 7 (2027-07-20)\n")
    }

    /// Without `--store`, saving keeps the steps (the store itself has not changed); an
    /// undo after it is a change that is not saved.
    @Test func undoAfterSavingIsAnUnsavedChange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        session.run("save \(folder.file("s.hwbs"))")
        #expect(!session.shell.hasUnsavedChanges)
        #expect(session.run("undo").output.hasPrefix("undid create eleri.gov"))
        #expect(session.shell.hasUnsavedChanges)
    }

    @Test func undoAsAPlainWordTakesNoArguments() {
        let session = ShellSession(today: "2027-07-20")
        #expect(session.run("undo 2").errors.contains("error: "))
        #expect(session.run("help undo").output.hasPrefix("usage: undo\n"))
    }
}
