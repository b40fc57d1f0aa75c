import HwbCore
import HwbTestSupport
import Testing

/// R4: account ids (1 to 64 characters of `A-Z a-z 0-9 . _ @ -`, starting with a letter
/// or digit, compared and stored in lower case) and R3 school numbers (7 digits, the
/// first three the LA).
@Suite struct AccountIDTests {
    @Test(arguments: [
        ("jo.bloggs", "jo.bloggs"),
        ("Jo.Bloggs", "jo.bloggs"),
        ("A", "a"),
        ("7", "7"),
        ("1st.Printer", "1st.printer"),
        ("a_b@c-d.e", "a_b@c-d.e"),
        ("JO@SCHOOL.CYMRU", "jo@school.cymru"),
        (String(repeating: "x", count: 64), String(repeating: "x", count: 64)),
    ])
    func acceptsAndLowercasesValidIDs(_ text: String, _ stored: String) throws {
        let id = try #require(AccountID(text))
        #expect(id.value == stored)
        #expect(id == AccountID(stored))
    }

    @Test(arguments: [
        "", ".jo", "_jo", "-jo", "@jo", "jo bloggs", "jo/bloggs", "jo+1", "jöe", "jo\n",
        String(repeating: "x", count: 65),
    ])
    func refusesInvalidIDs(_ text: String) {
        #expect(AccountID(text) == nil)
    }

    /// Ids are compared in lower case: an id typed in capitals finds the account.
    @Test func findsAnAccountWhateverTheCase() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.createNonMIS("jo.bloggs")
        try store.keep(Fixtures.id("JO.BLOGGS"), .oneMonth, Fixtures.context)
        #expect(store["jo.bloggs"]?.expires == date("2027-09-30"))
    }

    @Test(arguments: [("6612001", 661), ("6600000", 660), ("6819999", 681), ("0000001", 0)])
    func schoolNumbersCarryTheirLA(_ text: String, _ la: Int) throws {
        let number = try #require(SchoolNumber(text))
        #expect(number.laCode == la)
        #expect(number.description == text)
    }

    @Test(arguments: ["", "661200", "66120011", "661200a", " 661200", "661-001", "６６１２００１"])
    func refusesMalformedSchoolNumbers(_ text: String) {
        #expect(SchoolNumber(text) == nil)
    }
}
