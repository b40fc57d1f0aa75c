import HwbCore

/// Shorthands for building test stores, shared by the test targets.
public enum Fixtures {
    /// A date from `YYYY-MM-DD`; traps on a typo in the test itself.
    public static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    public static func id(_ text: String) -> AccountID {
        guard let id = AccountID(text) else { preconditionFailure("bad test id \(text)") }
        return id
    }

    public static func school(_ text: String) -> SchoolNumber {
        guard let number = SchoolNumber(text) else { preconditionFailure("bad test school \(text)") }
        return number
    }

    /// Two maintained schools in LA 661 (6612001, 6612002), one in LA 662 (6622001) and an
    /// independent school (6619001), on `today`.
    public static func store(today: String) -> Store {
        var store = Store(today: date(today))
        let schools = [
            School(number: school("6612001"), name: "Ysgol y Môr", maintained: true),
            School(number: school("6612002"), name: "Ysgol Bryn", maintained: true),
            School(number: school("6622001"), name: "Ysgol Arall", maintained: true),
            School(number: school("6619001"), name: "Independent", maintained: false),
        ]
        for school in schools {
            do throws(RuleError) {
                try store.addSchool(school, context)
            } catch {
                preconditionFailure("fixture school refused: \(error)")
            }
        }
        return store
    }

    /// The Service Desk typing a command.
    public static let context = Context(actor: .serviceDesk, command: "test")

    public static func context(_ actor: Actor) -> Context {
        Context(actor: actor, command: "test")
    }

    /// A non-MIS creation request.
    public static func newAccount(
        _ id: String, category: String = "supply-teacher", school: String = "6612001", expiry: ExpiryRequest? = nil
    ) -> NewAccount {
        NewAccount(id: Fixtures.id(id), name: "Test \(id)", category: category, school: Fixtures.school(school), expiry: expiry)
    }
}
