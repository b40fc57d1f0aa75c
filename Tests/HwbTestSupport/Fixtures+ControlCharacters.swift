import HwbCore
import HwbShell

extension Fixtures {
    /// A name that would retitle the terminal, ring its bell, clear the screen and turn
    /// what follows red, were it printed as it is.
    public static let terminalAttack = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mRED"
    /// The same name as hwbsh shows it.
    public static let terminalAttackShown = #"Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[31mRED"#

    /// Whether `text` holds a raw ESC, BEL or 8-bit CSI (U+009B).
    public static func holdsTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }
    }

    /// A store as an older hwbsh could have saved it, on 2027-07-01, with names that
    /// attack the terminal: the maintained school 6612001 and the independent 6619001;
    /// `evil.one`, a governor at 6612001 in the expiring list; `evil.staff`, MIS staff
    /// who left 6612001, waiting for the Service Desk at 6612002; an audit entry whose
    /// actor is such a text.
    public static func storeWithControlCharacters() throws -> Store {
        let home = school("6612001"), created = date("2027-06-01")
        let schools = [
            School(number: home, name: "Ysgol \(terminalAttack)", maintained: true),
            School(number: school("6612002"), name: "Ysgol Bryn", maintained: true),
            School(number: school("6619001"), name: "Annibynnol \(terminalAttack)", maintained: false),
        ]
        let accounts = [
            Account.Fields(
                id: id("evil.one"), name: terminalAttack, kind: .nonMIS, school: home, created: created,
                category: .governor, expires: date("2027-08-20"), closeAtExpiry: false),
            Account.Fields(
                id: id("evil.staff"), name: "Staff \(terminalAttack)", kind: .mis, school: home, status: .deactivated,
                created: created, role: .staff, leavingDate: date("2027-06-20"), pendingSchool: school("6612002"),
                deactivatedOn: date("2027-06-20"), deletionDue: date("2028-06-20"), reason: .left),
        ]
        let audit = [
            AuditEntry(date: created, actor: "system \(terminalAttack)", command: "create", rule: .r5, action: .created,
                       account: id("evil.one"), school: home, changes: []),
        ]
        return try Store.restored(today: date("2027-07-01"), policy: .guidance, schools: schools, accounts: accounts, audit: audit)
    }

    /// Saves `storeWithControlCharacters()` as a snapshot at `path`.
    public static func saveStoreWithControlCharacters(to path: String) throws {
        let console = BufferConsole()
        let shell = Shell(store: try storeWithControlCharacters(), console: console)
        shell.run(ScriptLines("save \"\(path)\""), file: "fixture")
        guard console.errors.isEmpty else { preconditionFailure("fixture not saved: \(console.errors)") }
    }
}
