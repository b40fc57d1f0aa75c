import HwbCore
import HwbTestSupport
import Testing

@Suite struct CalendarDateTests {
    @Test(arguments: ["1900-01-01", "2000-02-29", "2027-08-31", "2028-02-29", "9999-12-31"])
    func roundTripsThroughText(_ text: String) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2027-13-01", "2027-02-29", "1900-02-29", "1899-12-31", "2027-1-01", "20270101", "2027-04-31", ""])
    func refusesImpossibleDates(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }
}
