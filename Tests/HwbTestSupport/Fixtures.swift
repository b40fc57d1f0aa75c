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

extension Fixtures {
    /// One account of every shape R4 and R14 allow: MIS learner and staff, with and
    /// without a leaving date, staff waiting at a pending school; non-MIS of every
    /// category, closing at expiry or not; each active and deactivated for every reason its
    /// kind can have (`left` on the leaving date for MIS). All at 6612001.
    public static let accountsOfEveryShape: [Account] = {
        let home = Fixtures.school("6612001"), created = Fixtures.date("2026-09-01"), day = Fixtures.date("2027-03-01")
        var lifecycles: [Account.Lifecycle] = []
        for role in Account.Role.allCases {
            lifecycles.append(.mis(Account.MIS(role: role)))
            lifecycles.append(.mis(Account.MIS(role: role, leavingDate: day)))
        }
        lifecycles.append(.mis(Account.MIS(role: .staff, leavingDate: day, pendingSchool: Fixtures.school("6622001"))))
        for category in Account.Category.allCases {
            for close in [false, true] {
                lifecycles.append(.nonMIS(Account.NonMIS(category: category, expires: Fixtures.date("2027-08-31"), closeAtExpiry: close)))
            }
        }
        var accounts: [Account] = []
        for lifecycle in lifecycles {
            var states: [Account.State] = []
            switch lifecycle {
            case .mis(let mis):
                if mis.pendingSchool == nil { states.append(.active) }
                if mis.leavingDate == day { states.append(.deactivated(on: day, reason: .left)) }
            case .nonMIS:
                states.append(.active)
                states += [Account.Reason.expired, .inactive, .closed].map { .deactivated(on: day, reason: $0) }
            }
            for state in states {
                accounts.append(Account(
                    id: Fixtures.id("shape\(accounts.count)"), name: "Shape \(accounts.count)", school: home, created: created,
                    lastActivity: Fixtures.date("2026-12-01"), content: accounts.count % 3, lifecycle: lifecycle, state: state))
            }
        }
        return accounts
    }()
}

// The guidance's policy, which the tests' stores keep unless they set another.
extension Account.State {
    /// Deactivated on `on` for `reason`, deletion due as the guidance's policy says.
    public static func deactivated(on: CalendarDate, reason: Account.Reason) -> Self {
        .deactivated(on: on, reason: reason, due: Policy.guidance.deletionDue(after: on))
    }
}

extension Account {
    /// The typed view of `fields` under the guidance's policy.
    public init(_ fields: Fields) throws(ShapeError) {
        try self.init(fields, policy: .guidance)
    }

    /// The guidance's deletion day for a deactivation on `deactivation`.
    public static func deletionDue(after deactivation: CalendarDate) -> CalendarDate {
        Policy.guidance.deletionDue(after: deactivation)
    }
}

extension Account.Fields {
    /// What is wrong with the fields under the guidance's policy.
    public var problems: [String] { problems(under: .guidance) }
}
