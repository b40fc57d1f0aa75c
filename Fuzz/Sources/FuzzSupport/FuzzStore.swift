import HwbCore
@testable import HwbShell

/// The small store the shell targets start each input from: four schools, and accounts
/// of both kinds in several states, so that fuzzed commands find something to act on.
public enum FuzzStore {
    /// The commands that make it, as a script.
    public static let script = """
        date set 2027-03-01
        school add 6612001 name="Ysgol y Môr"
        school add 6612002 name="Ysgol Bro Taf"
        school add 6622001 name="Ysgol Llanfair"
        school add 6629001 name="Coleg Preifat" maintained=no
        create gwen.gov name="Gwenllïan Jones" category=governor school=6612001
        create sam.supply name="Sam \\"Sparky\\" Evans" category=supply-teacher school=6612002 for=3m
        create ite.one name="Iestyn ITE" category=ite-student school=6622001 expires=2027-06-30
        mis join lena school=6612001 name="Lena Morgan" role=learner
        mis join tom.staff school=6612002 name="Tom Price" role=staff
        mis join huw school=6622001 name="Huw Rees" role=learner
        content lena 12
        mis leave tom.staff on=2027-03-01
        close gwen.gov at-expiry
        date set 2027-07-20
        sweep
        mis join tom.staff school=6622001
        """

    /// The store after `script`, made once.
    public static let store: Store = {
        let console = BufferConsole()
        let shell = Shell(store: Store(today: CalendarDate("2027-03-01")!), console: console)
        shell.run(ScriptLines(script), file: "fuzz-store")
        guard !shell.hasFailed else { fatalError("the fuzz store's script failed:\n\(console.errors)") }
        return shell.store
    }()

    /// A shell on `store` that writes into a buffer and goes on after a failure.
    public static func shell() -> (Shell, BufferConsole) {
        let console = BufferConsole()
        let shell = Shell(store: store, console: console)
        shell.keepGoing = true
        return (shell, console)
    }
}
