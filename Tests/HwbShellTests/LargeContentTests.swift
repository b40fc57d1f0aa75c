import HwbShell
import HwbTestSupport
import Testing

/// Content counts go up to the largest whole number; a total of several of them is held
/// there rather than overflowing (which would stop hwbsh).
@Suite struct LargeContentTests {
    static let setUp = """
        school add 6612001 name="Ysgol y Môr"
        create a name=A category=governor school=6612001 expires=2027-08-01
        create b name=B category=governor school=6612001 expires=2027-08-01
        content a 9223372036854775807
        content b 9223372036854775807
        """

    @Test func closingSeveralAccountsOfHugeContentSaysTheLargestTotal() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        let closed = session.run("close a b now")
        #expect(closed.errors == "")
        #expect(closed.output.contains("closed 2 accounts with 9223372036854775807 content items"))
    }

    @Test func aForecastOfHugeContentSaysTheLargestTotal() {
        let session = ShellSession(today: "2027-07-20")
        session.run(Self.setUp)
        let forecast = session.run("forecast until=2028-08-31")
        #expect(forecast.errors == "")
        #expect(forecast.output.contains("2 deletions with 9223372036854775807 content items"))
        #expect(session.run("what-if deletion=1m").output.contains("deleted earlier: 2 accounts with 9223372036854775807 content items"))
    }
}
