import Foundation
import HwbCore
import HwbShell
import HwbTestSupport
import Testing

/// Text from files, the feed and snapshots never reaches the terminal as a command: its
/// control characters are shown as `\u{..}` on every output path, and imports refuse
/// names that hold them.
@Suite struct ControlCharacterTests {
    static let evil = Fixtures.terminalAttack
    static let evilShown = Fixtures.terminalAttackShown

    static func isRaw(_ text: String) -> Bool {
        Fixtures.holdsTerminalControls(text)
    }

    // MARK: Imports refuse control characters

    private func schoolsSession() -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run(Scenarios.schools).errors == "")
        return session
    }

    private static let header = "id,name,kind,school,status,created,content,category,expires\n"

    @Test func importAccountsRefusesANameWithControlCharacters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("evil.csv", Self.header + """
            good.one,Good One,non-mis,6612001,active,2027-07-01,0,governor,2027-08-31
            evil.one,\(Self.evil),non-mis,6612001,active,2027-07-01,0,governor,2027-08-31

            """)
        let session = schoolsSession()
        let result = session.run("import accounts \(path)")
        #expect(result.output == "")
        #expect(result.errorLines == [
            "test.hwb:1:1: error: import refused, nothing imported: 1 bad row in \(path)",
            "  \(path):3: name holds the control character U+001B; names are text without control characters",
        ])
        #expect(session.run("count").output == "0\n")
    }

    /// A file the fast reader gives up on is read the careful way, which lists the name
    /// with the other bad rows.
    @Test func importAccountsListsTheNameWithOtherBadRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("evil.csv", Self.header + """
            bad.one,Bad One,non-mis,6612001,active,2027-07-01,0,learner,2027-08-31
            "evil.one","Evil\u{07}",non-mis,6612001,active,2027-07-01,0,governor,2027-08-31
            "evil.two","C1 \u{9B}31m",non-mis,6612001,active,2027-07-01,0,governor,2027-08-31

            """)
        let session = schoolsSession()
        let result = session.run("import accounts \(path)")
        #expect(result.output == "")
        #expect(result.errorLines.first == "test.hwb:1:1: error: import refused, nothing imported: 3 bad rows in \(path)")
        #expect(result.errorLines.dropFirst(2) == [
            "  \(path):3: name holds the control character U+0007; names are text without control characters",
            "  \(path):4: name holds the control character U+009B; names are text without control characters",
        ])
        #expect(!Self.isRaw(result.errors))
        #expect(session.run("count").output == "0\n")
    }

    /// A tab is a blank inside a quoted value of the language, so a name may hold one, and
    /// an export of it imports again.
    @Test func aNameWithATabGoesOutAndComesBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = schoolsSession()
        #expect(session.run("create tab.one name=\"Tab\tOne\" category=governor school=6612001").errors == "")
        #expect(session.run("export csv \(folder.file("out.csv"))").errors == "")
        let again = schoolsSession()
        #expect(again.run("import accounts \(folder.file("out.csv"))").errors == "")
        #expect(again.run("show tab.one").output.hasPrefix(#"tab.one · Tab\u{9}One"# + "\n"))
    }

    @Test func importSchoolsRefusesANameWithControlCharacters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("schools.csv", """
            number,name,maintained
            6612003,Ysgol Dda,yes
            6612004,\(Self.evil),yes
            6612005,"Line
            Break",no

            """)
        let session = ShellSession(today: "2027-07-01")
        let result = session.run("import schools \(path)")
        #expect(result.output == "")
        #expect(result.errorLines == [
            "test.hwb:1:1: error: import refused, nothing imported: 2 bad rows in \(path)",
            "  \(path):3: name holds the control character U+001B; names are text without control characters",
            "  \(path):4: name holds the control character U+000A; names are text without control characters",
        ])
        #expect(session.run("schools").output == "no schools in the directory\n")
    }

    /// The language already refuses control characters in a command line, names included.
    @Test(arguments: [
        "school add 6612003 name=\"\(evil)\"",
        "create evil.one name=\"\(evil)\" category=governor school=6612001",
        "mis join evil.one name=\"\(evil)\" role=learner school=6612001",
    ])
    func theLanguageRefusesControlCharacters(command: String) {
        let session = schoolsSession()
        let result = session.run(command)
        #expect(result.errors.contains("unexpected control character U+001B"))
        #expect(!Self.isRaw(result.errors))
        #expect(session.run("count").output == "0\n")
    }

    /// The rules refuse them too, whoever calls them.
    @Test func theStoreRefusesANewNameWithControlCharacters() {
        var store = Fixtures.store(today: "2027-07-01")
        let school = School(number: Fixtures.school("6612003"), name: Self.evil, maintained: true)
        #expect(throws: RuleError.self) { try store.addSchool(school, Fixtures.context) }
        var request = Fixtures.newAccount("evil.one")
        request.name = Self.evil
        #expect(throws: RuleError.self) { _ = try store.create(request, Fixtures.context) }
        let join = JoinEvent(id: Fixtures.id("evil.two"), school: Fixtures.school("6612001"), name: Self.evil, role: .learner)
        #expect(throws: RuleError.self) { _ = try store.join(join, Fixtures.context) }
        #expect(store.accounts.count == 0)
        #expect(store.schools.count == 4)
    }

    // MARK: A store that already holds such names

    /// Every command that shows a name, at the terminal's width and in colour.
    static let everyCommand = """
        show evil.one
        show evil.staff
        login champion 6612001
        whoami
        list
        list name~evil
        expiring
        pending
        schools
        audit
        audit evil.one
        login service-desk
        mis join newcomer name="N" role=learner school=6619001
        login champion 6619001
        create x name="X" category=governor school=6619001
        format csv
        list
        export csv -
        format json
        list
        export json -
        """

    @Test func nothingRawReachesTheConsole() throws {
        let console = BufferConsole()
        let shell = Shell(store: try Fixtures.storeWithControlCharacters(), console: console)
        shell.keepGoing = true
        shell.colours = true
        shell.terminalWidth = { 200 }
        shell.printBanner()
        shell.run(ScriptLines(Self.everyCommand), file: "evil \(Self.evil).hwb")
        #expect(!Self.isRaw(console.output.replacingOccurrences(of: "\u{1B}[32m", with: "")
            .replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")))
        #expect(!Self.isRaw(console.errors))
        #expect(console.output.contains("evil.one · \(Self.evilShown)\n"))
        #expect(console.output.contains("champion 6612001 (Ysgol \(Self.evilShown))\n"))
        #expect(console.output.contains("ignored: 6619001 (Annibynnol \(Self.evilShown)) is not a maintained school"))
        #expect(console.errors.contains("school 6619001 (Annibynnol \(Self.evilShown)) is not a maintained school"))
        #expect(console.errors.contains("evil \(Self.evilShown).hwb:"))
        // The shell's own colours still reach the terminal.
        #expect(console.output.contains("\u{1B}[32mactive\u{1B}[0m"))
        // JSON keeps its own escapes, and CSV shown at the terminal the one notation.
        #expect(console.output.contains(#""name": "Evil\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED""#))
        #expect(console.output.contains("evil.one,\(Self.evilShown),"))
    }

    /// At the terminal the line is shown under the error with its control characters as
    /// `\u{..}`, and the caret still points at the offending one.
    @Test func theCaretPointsAtTheControlCharacterAsShown() {
        let console = BufferConsole()
        let shell = Shell(store: Store(today: Fixtures.date("2027-07-01")), console: console)
        shell.errorStyle = .caret
        shell.runLine(Array("date\t; school add 6612003 name=\"A\u{1B}[2J\"".utf8), file: "", line: 0)
        let lines = console.errors.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(!Self.isRaw(console.errors))
        #expect(lines.count >= 3)
        #expect(lines[1] == #"  date\u{9}; school add 6612003 name="A\u{1b}[2J""#)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let escape = lines[1].range(of: #"\u{1b}"#).map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caret != nil && caret == escape)
    }

    /// The interchange files stay exact: the name goes out as it is.
    @Test func exportFilesKeepTheNameExactly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let shell = Shell(store: try Fixtures.storeWithControlCharacters(), console: BufferConsole())
        shell.run(ScriptLines("export csv \(folder.file("out.csv"))\nexport json \(folder.file("out.json"))"), file: "x")
        #expect(try folder.read("out.csv").contains("evil.one,\(Self.evil),"))
        let json = try JSONSerialization.jsonObject(with: Data(folder.bytes("out.json"))) as? [String: Any]
        let names = (json?["accounts"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names?.contains(Self.evil) == true)
    }
}
