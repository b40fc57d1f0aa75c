import HwbCore
import HwbShell
import HwbTestSupport
import Testing

@Suite struct ShellTests {
    @Test func createPrintsTheAccount() {
        let console = BufferConsole()
        let shell = Shell(store: Store(today: Fixtures.date("2027-07-01")), console: console)
        shell.run(ScriptLines("""
            school add 6612001 name="Ysgol y Môr"
            create jo.bloggs name="Jo Bloggs" category=supply-teacher school=6612001
            """), file: "t.hwb")
        #expect(console.output.hasSuffix("created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-31\n"))
        #expect(console.errors.isEmpty)
    }
}
