import HwbCore
import HwbShell

/// The durability tests' model of what a `--store` should hold: an interpreter in memory,
/// with no store file, fed exactly the commands that hwbsh acknowledged. A reopened store
/// must print the same `export json -` and `audit` as this model. It can be copied, to
/// ask what the store would hold if a command sent but not acknowledged had run too.
///
///     let model = ReferenceShell(today: "2027-07-01")
///     model.run("date advance 1d").output     // "today is 2027-07-02 (Friday)\n"
///     let ahead = model.copy()
public final class ReferenceShell {
    private let console = BufferConsole()
    private let shell: Shell

    public init(today: String = "2027-07-01") {
        shell = Shell(store: Store(today: Fixtures.date(today)), console: console)
        shell.keepGoing = true
    }

    private init(copying other: ReferenceShell) {
        // Store is a value type: this is a copy, and the two go their own ways.
        shell = Shell(store: other.shell.store, actor: other.shell.actor, console: console)
        shell.keepGoing = true
    }

    public func copy() -> ReferenceShell {
        ReferenceShell(copying: self)
    }

    /// Runs one line (commands separated by `;`); returns only what it printed.
    @discardableResult
    public func run(_ line: String) -> ShellSession.Output {
        console.reset()
        shell.runLine(Array(line.utf8), file: "model", line: 1)
        defer { console.reset() }
        return .init(output: console.output, errors: console.errors)
    }

    /// What `whoami; export json -; audit` prints: the state a reopened store must show.
    public var state: String {
        run("whoami; export json -; audit").output
    }

    public var accountCount: Int { shell.store.accounts.count }
    public var schoolCount: Int { shell.store.schools.count }
    public var today: String { "\(shell.store.today)" }
    /// The ids of the accounts, sorted.
    public var accountIDs: [String] { shell.store.accounts.keys.map(\.value).sorted() }

    /// Whether the account exists and is active.
    public func isActive(_ id: String) -> Bool {
        shell.store.accounts.values.contains { $0.id.value == id && $0.isActive }
    }
}
