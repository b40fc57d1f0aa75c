import HwbCore
import Testing

/// Audit actions are typed; files keep their text, which reads back to the same action.
@Suite struct AuditActionTests {
    static let school = SchoolNumber("6612001")!

    @Test(arguments: [
        (AuditEntry.Action.schoolAdded(maintained: true), "school added (maintained)"),
        (.schoolAdded(maintained: false), "school added (not maintained)"),
        (.created, "created"),
        (.joined, "joined (new MIS account)"),
        (.moved(to: school), "moved to 6612001"),
        (.learnerJoined(school), "reactivated (learner joined 6612001)"),
        (.staffJoined(school), "pending the Service Desk (staff joined 6612001)"),
        (.leavingDate(CalendarDate("2027-07-31")!), "leaving date 2027-07-31"),
        (.kept(.endOfNextYear), "kept end-of-next-year"),
        (.kept(.oneMonth), "kept 1m"),
        (.closedNow, "closed now"),
        (.setToCloseAtExpiry, "set to close at expiry"),
        (.reactivated, "reactivated"),
        (.reactivatedByServiceDesk, "reactivated by the Service Desk"),
        (.deactivated(.inactive), "deactivated (inactive)"),
        (.deleted(content: 1), "deleted with 1 content item"),
        (.deleted(content: 99), "deleted with 99 content items"),
        (.signedIn, "signed in"),
        (.contentSet, "content set"),
        (.importedFile(accounts: 1, file: "one.csv"), "imported 1 account from one.csv"),
        (.importedFile(accounts: 1_000_000, file: "wales, 2027.csv"), "imported 1000000 accounts from wales, 2027.csv"),
        (.importedRow(file: "a, row 3.csv", row: 17), "imported from a, row 3.csv, row 17"),
        (.imported, "imported"),
    ])
    func readsBackWhatItWrites(action: AuditEntry.Action, text: String) {
        #expect(action.description == text)
        #expect(AuditEntry.Action(text) == action)
    }

    /// A file whose action no version of hwbsh wrote is not read as some other action.
    @Test(arguments: [
        "", "kept", "kept 12m", "deactivated (gone)", "moved to 123", "deleted with 1 content items",
        "deleted with 2 content item", "leaving date 2027-02-30", "imported 3 accounts", "Created", "created ",
    ])
    func refusesTextNoActionWrites(text: String) {
        #expect(AuditEntry.Action(text) == nil)
    }
}
