import HwbTestSupport
import Testing

/// `--recover` at a terminal asks before it moves a damaged journal aside; only yes goes
/// ahead, and then the session starts on the records kept.
@Suite struct TerminalRecoveryTests {
    /// A store in `folder` whose journal holds three records, the second one damaged;
    /// returns the journal's bytes.
    private func damagedStore(in folder: TemporaryFolder) throws -> [UInt8] {
        let files = StoreFiles(folder.file("s.hwbs"))
        let session = try StoreProcess(["--store", files.path, "--date", "2027-07-20"])
        session.send(#"school add 6612001 name="Ysgol y Môr""#)
        session.send("school add 6612002 name=Bryn")
        session.send("school add 6612003 name=Arall")
        #expect(session.waitForOutput(endingWith: "added school 6612003 Arall\n"))
        _ = session.kill()
        var journal = try #require(StoreFiles.bytes(files.journal))
        let second = try #require(files.journalRecords.records.dropFirst().first)
        journal[second.lengthField.lowerBound] ^= 0x01
        try StoreFiles.write(journal, to: files.journal)
        return journal
    }

    @Test(arguments: ["n", ""])
    func recoverAsksAndAnythingButYesChangesNothing(answer: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let damaged = try damagedStore(in: folder)
        let terminal = try PseudoTerminal(["--store", "s.hwbs", "--recover"], folder: folder)
        defer { terminal.close() }
        try terminal.expect("keep the 1 sound record of ")
        try terminal.expect("s.hwbs.journal and move the damaged journal aside to ")
        try terminal.expect("s.hwbs.journal.damaged-1? [y/N] ")
        try terminal.answer(answer)
        try terminal.expect("s.hwbs.journal was left as it was, so nothing was opened")
        #expect(try terminal.exitStatus() == 1)
        #expect(StoreFiles.bytes(folder.file("s.hwbs.journal")) == damaged)
        #expect(StoreFiles.bytes(folder.file("s.hwbs.journal.damaged-1")) == nil)
    }

    @Test func recoverGoesAheadOnYes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let damaged = try damagedStore(in: folder)
        let terminal = try PseudoTerminal(["--store", "s.hwbs", "--recover"], folder: folder)
        defer { terminal.close() }
        try terminal.expect("? [y/N] ")
        try terminal.answer("y")
        try terminal.expect("kept its 1 sound record; the damaged journal is now ")
        try terminal.expect(PseudoTerminal.prompt)
        let schools = try terminal.run("schools")
        #expect(schools.contains("6612001") && !schools.contains("6612002"), "\(schools)")
        #expect(try terminal.leave() == 0)
        #expect(StoreFiles.bytes(folder.file("s.hwbs.journal.damaged-1")) == damaged)
    }
}
