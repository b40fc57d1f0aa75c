import HwbCore
import HwbShell
import HwbTerminal
import HwbTestSupport
import Testing

/// The interactive loop with a scripted reader in place of the terminal: what it asks,
/// what it remembers, what it runs.
@Suite struct InteractiveSessionTests {
    /// Gives the session its lines one by one, then the end of input; notes each prompt
    /// and each line remembered.
    final class ScriptedReader: LineReader {
        var inputs: [LineInput]
        private(set) var prompts: [String] = []
        private(set) var remembered: [String] = []

        init(_ inputs: [LineInput]) {
            self.inputs = inputs
        }

        func readLine(prompt: String) -> LineInput {
            prompts.append(prompt)
            return inputs.isEmpty ? .end : inputs.removeFirst()
        }

        func remember(_ line: String) {
            remembered.append(line)
        }
    }

    static let prompt = "service-desk · 2027-07-20 › "
    static let leaving = "The store has changes that are not saved (save FILE keeps them). Quit anyway? [y/N] "
    static let welcome = "hwbsh · today is 2027-07-20, acting as service-desk. Type help for the commands, quit to leave.\n"

    /// A session on 2027-07-20 after `setUp` (run as a script), reading `inputs`.
    private func session(
        _ inputs: [LineInput], setUp: String = "", assumeYes: Bool = false
    ) -> (ShellSession, ScriptedReader, (output: String, errors: String)) {
        let session = ShellSession(today: "2027-07-20")
        if !setUp.isEmpty { session.run(setUp) }
        let reader = ScriptedReader(inputs)
        session.console.reset()
        InteractiveSession.run(session.shell, reader: reader, assumeYes: assumeYes)
        return (session, reader, (session.console.output, session.console.errors))
    }

    static let sian = """
        school add 6612001 name="Ysgol y Môr"
        create sian name=Siân category=governor school=6612001
        content sian 12
        """

    @Test func welcomesRunsEachLineAndSaysBye() {
        let (_, reader, result) = session([.line("date"), .line("whoami")])
        #expect(result.output == Self.welcome + "2027-07-20\nservice-desk (every school)\nbye\n")
        #expect(reader.prompts == Array(repeating: Self.prompt, count: 3))
        #expect(reader.remembered == ["date", "whoami"])
    }

    @Test func promptFollowsTheActorAndTheDate() {
        let (_, reader, _) = session([.line("login la-admin 661"), .line("date advance 1d")])
        #expect(reader.prompts == [Self.prompt, "la-admin 661 · 2027-07-20 › ", "la-admin 661 · 2027-07-21 › ", Self.leaving])
    }

    @Test func lineEndingInBackslashContinues() {
        let (session, reader, result) = session([.line("date \\"), .line("advance 1d")])
        #expect(reader.prompts == [Self.prompt, "… › ", "service-desk · 2027-07-21 › ", Self.leaving])
        #expect(result.output.contains("today is 2027-07-21 (Wednesday)\n"))
        #expect(session.shell.store.today == Fixtures.date("2027-07-21"))
        #expect(reader.remembered.count == 1)
    }

    @Test func interruptDropsTheLineBeingContinued() {
        let (session, reader, result) = session([.line("date \\"), .interrupted, .line("date")])
        #expect(reader.prompts == [Self.prompt, "… › ", Self.prompt, Self.prompt])
        #expect(result.output == Self.welcome + "2027-07-20\nbye\n")
        #expect(result.errors == "")
        #expect(session.shell.store.today == Fixtures.date("2027-07-20"))
    }

    @Test func blankLinesAreNeitherRunNorRemembered() {
        let (_, reader, result) = session([.line(""), .line("   "), .line("\t"), .line("date")])
        #expect(reader.remembered == ["date"])
        #expect(result.output == Self.welcome + "2027-07-20\nbye\n")
    }

    @Test func errorsPointAtTheWordAndTheSessionGoesOn() {
        let (session, _, result) = session([.line("date set 2027-13-01"), .line("date")])
        #expect(result.errors.hasPrefix("error: expected a date YYYY-MM-DD"))
        #expect(result.errors.hasSuffix("\n  date set 2027-13-01\n           ^\n"))
        #expect(result.output.hasSuffix("2027-07-20\nbye\n"))
        #expect(session.shell.stopRequested == false)
    }

    @Test func quitEndsTheSession() {
        let (_, reader, result) = session([.line("quit"), .line("date")])
        #expect(result.output == Self.welcome + "bye\n")
        #expect(reader.inputs == [.line("date")])
    }

    @Test func confirmationIsAskedThroughTheReader() {
        let (session, reader, result) = session([.line("close sian now"), .line("n")], setUp: Self.sian)
        #expect(reader.prompts[1] == "Close sian now? Deleted for good on 2028-07-20 with 12 content items. [y/N] ")
        #expect(result.output.contains("cancelled; nothing changed\n"))
        #expect(session.shell.store.accounts[Fixtures.id("sian")]?.status == .active)
        #expect(reader.remembered == ["close sian now"], "the answer is not history")
    }

    @Test(arguments: [LineInput.line("y"), .line(" YES "), .line("Y")])
    func yesGoesAhead(answer: LineInput) {
        let (session, _, result) = session([.line("close sian now"), answer], setUp: Self.sian)
        #expect(result.output.contains("closed sian; deleted for good on 2028-07-20 unless reactivated\n"))
        #expect(session.shell.store.accounts[Fixtures.id("sian")]?.status == .deactivated)
    }

    @Test(arguments: [LineInput.interrupted, .end, .line(""), .line("ye")])
    func anythingElseCancels(answer: LineInput) {
        let (session, _, result) = session([.line("close sian now"), answer], setUp: Self.sian)
        #expect(result.output.contains("cancelled; nothing changed\n"))
        #expect(session.shell.store.accounts[Fixtures.id("sian")]?.status == .active)
    }

    @Test func assumeYesNeverAsks() {
        let (session, reader, result) = session([.line("close sian now")], setUp: Self.sian, assumeYes: true)
        #expect(reader.prompts == [Self.prompt, Self.prompt])
        #expect(result.output.contains("closed sian"))
        #expect(session.shell.store.accounts[Fixtures.id("sian")]?.status == .deactivated)
    }

    // MARK: Leaving with changes that are not saved

    @Test func quitWithUnsavedChangesAsksAndNoGoesOn() {
        let (_, reader, result) = session([.line("quit"), .line("n"), .line("date"), .line("exit"), .line("y")], setUp: Self.sian)
        #expect(reader.prompts == [Self.prompt, Self.leaving, Self.prompt, Self.prompt, Self.leaving])
        #expect(result.output.hasSuffix(" to manage them\ncancelled; hwbsh goes on\n2027-07-20\nbye\n"))
        #expect(reader.inputs.isEmpty)
        #expect(reader.remembered == ["quit", "date", "exit"], "the answers are not history")
    }

    @Test func ctrlDWithUnsavedChangesAsksAndNoGoesOn() {
        let (_, reader, result) = session([.end, .line("no"), .line("date"), .end, .line("yes")], setUp: Self.sian)
        #expect(reader.prompts == [Self.prompt, Self.leaving, Self.prompt, Self.prompt, Self.leaving])
        #expect(result.output.hasSuffix(" to manage them\ncancelled; hwbsh goes on\n2027-07-20\nbye\n"))
    }

    /// Ctrl-D again at the question leaves: also the end of input, when the terminal has
    /// gone and nothing more can be asked. Ctrl-C at it goes on.
    @Test func ctrlDAgainLeavesAndCtrlCGoesOn() {
        let (_, reader, result) = session([.end, .interrupted, .end, .end], setUp: Self.sian)
        #expect(reader.prompts == [Self.prompt, Self.leaving, Self.prompt, Self.leaving])
        #expect(result.output.hasSuffix(" to manage them\ncancelled; hwbsh goes on\nbye\n"))
        let typed = session([.line("quit"), .end], setUp: Self.sian)
        #expect(typed.1.prompts == [Self.prompt, Self.leaving, Self.prompt, Self.leaving],
                "quit, Ctrl-D at its question (no), Ctrl-D at the prompt and at its question")
        #expect(typed.2.output.hasSuffix(" to manage them\ncancelled; hwbsh goes on\nbye\n"))
    }

    @Test func nothingIsAskedWithoutChanges() {
        let (_, reader, result) = session([.line("date"), .line("quit")])
        #expect(reader.prompts == [Self.prompt, Self.prompt])
        #expect(result.output == Self.welcome + "2027-07-20\nbye\n")
        let ctrlD = session([.line("list")])
        #expect(ctrlD.1.prompts == [Self.prompt, Self.prompt])
    }

    @Test func nothingIsAskedAfterSavingAndUndoIsAChange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let setUp = Self.sian + "\nsave \(folder.file("s.hwbs"))"
        let saved = session([.line("quit")], setUp: setUp)
        #expect(saved.1.prompts == [Self.prompt])
        let undone = session([.line("undo"), .line("quit"), .line("y")], setUp: setUp)
        #expect(undone.1.prompts == [Self.prompt, Self.prompt, Self.leaving])
        #expect(undone.2.output.contains("undid content sian 12 (2027-07-20)\n"))
    }

    @Test func assumeYesNeverAsksBeforeLeaving() {
        let (_, reader, result) = session([.line("quit")], setUp: Self.sian, assumeYes: true)
        #expect(reader.prompts == [Self.prompt])
        #expect(result.output.hasSuffix(" to manage them\nbye\n"))
    }
}
