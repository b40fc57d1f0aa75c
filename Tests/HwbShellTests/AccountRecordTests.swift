import HwbCore
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// The careful reader (`AccountRecord.decode`) reads back every shape of account from
/// its interchange cells (`subscript(field:)`), and the typed view it gives is the one
/// written.
@Suite struct AccountRecordTests {
    @Test(arguments: Fixtures.accountsOfEveryShape)
    func everyShapeReadsBackFromItsCells(_ account: Account) throws {
        let fields = Account.Field.allCases
        let cells = AccountRecord.Cells(fields: fields, cells: fields.map { account[$0].text })
        let read = try AccountRecord.decode(cells).get()
        #expect(read == Account.Fields(account))
        #expect(try Account(read) == account)
    }

    /// A row whose cells are each readable but do not make an account is read as it is,
    /// for the store to say what is wrong with it.
    @Test func aBadCombinationIsReadForTheStoreToRefuse() throws {
        let fields = Account.Field.allCases
        var values = Fixtures.accountsOfEveryShape[0]
        values.lifecycle = .mis(Account.MIS(role: .learner))
        var cells = AccountRecord.Cells(fields: fields, cells: fields.map { values[$0].text })
        cells[.expires] = "2027-08-31"
        let read = try AccountRecord.decode(cells).get()
        let store = Fixtures.store(today: "2027-07-01")
        #expect(store.problems(with: read) == ["an MIS account has no category, expires or closeAtExpiry (R4)"])
        #expect(throws: Account.ShapeError(problems: store.problems(with: read))) { try Account(read) }
    }
}
