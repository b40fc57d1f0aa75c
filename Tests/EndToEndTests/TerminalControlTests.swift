import Foundation
import HwbTestSupport
import Testing

/// hwbsh on a snapshot whose names hold terminal controls (saved by an older version):
/// it loads, and nothing of those names reaches standard output or standard error as a
/// control character. The colours hwbsh itself uses are not in play: output is a pipe.
@Suite struct TerminalControlTests {
    static let commands = """
        show evil.one
        show evil.staff
        login champion 6612001
        whoami
        list
        expiring
        pending
        schools
        audit
        audit evil.one
        login champion 6619001
        login service-desk
        mis join newcomer name="N" role=learner school=6619001
        create x name="X" category=governor school=6619001
        format csv
        list
        export csv -
        format json
        list
        """

    @Test func aLoadedSnapshotShowsItsNamesEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Fixtures.saveStoreWithControlCharacters(to: folder.file("evil.hwbsnap"))
        try folder.write("evil.hwb", Self.commands)
        let result = try Executable.run(["--keep-going", "-c", "load evil.hwbsnap; run evil.hwb"], directory: folder.path)
        #expect(result.status == 1, "the refused login and create fail")
        #expect(!Fixtures.holdsTerminalControls(result.stdout))
        #expect(!Fixtures.holdsTerminalControls(result.stderr))
        #expect(result.stdout.contains("evil.one · \(Fixtures.terminalAttackShown)\n"))
        #expect(result.stdout.contains("champion 6612001 (Ysgol \(Fixtures.terminalAttackShown))\n"))
        #expect(result.stderr.contains("(Annibynnol \(Fixtures.terminalAttackShown)) is not a maintained school"))
    }

    /// With `--store` and `--as`, the banner and the option's own refusal too.
    @Test func theStoreOptionShowsItsNamesEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Fixtures.saveStoreWithControlCharacters(to: folder.file("evil.hwbsnap"))
        let opened = try Executable.run(["--store", "evil.hwbsnap", "--as", "champion 6612001", "-c", "whoami; show evil.one"],
                                        directory: folder.path)
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(!Fixtures.holdsTerminalControls(opened.stdout))
        #expect(opened.stdout.contains("evil.one · \(Fixtures.terminalAttackShown)\n"))
    }
}
