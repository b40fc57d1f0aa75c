import HwbCore
import HwbTestSupport
import Testing

@Suite struct SweepPropertyTests {
    @Test func secondSweepOnTheSameDayChangesNothing() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.create(Fixtures.newAccount("a"), Fixtures.context)
        try store.setDate(Fixtures.date("2027-09-01"))
        let first = store.sweep(Fixtures.context)
        #expect(first.deactivated.count == 1)
        #expect(store.sweep(Fixtures.context).changesNothing)
    }
}
