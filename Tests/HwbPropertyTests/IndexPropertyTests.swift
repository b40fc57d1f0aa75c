import HwbCore
import HwbTestSupport
import Testing

/// The store answers `expiring`, `list`, `count` and the sweep plan from its indexes; after
/// every command of a random scenario each answer must equal a brute-force scan of all
/// accounts that follows docs/rules.md (R6, R10, R11) and docs/language.md's filters.
@Suite struct IndexPropertyTests {
    /// Every actor the scenarios use, and some whose scope holds nothing or only an
    /// independent school.
    static let actors: [Actor] = [
        .serviceDesk, .laAdmin(661), .laAdmin(662), .laAdmin(663), .laAdmin(670),
        .champion(Fixtures.school("6612001")), .champion(Fixtures.school("6612002")),
        .champion(Fixtures.school("6622001")), .champion(Fixtures.school("6632001")),
        .champion(Fixtures.school("6619001")),
    ]

    /// Filter combinations for `list` and `count`, including those the store narrows with
    /// an index (`school=`, `expiring=`) and a period past 9999.
    static let filterSets: [[AccountFilter]] = [
        [], [.kind(.mis)], [.kind(.nonMIS)], [.status(.active)], [.status(.deactivated)], [.role(.staff)],
        [.role(.learner)], [.category(.supplyTeacher)], [.reason(.expired)], [.reason(.left)],
        [.school(Fixtures.school("6612001"))], [.school(Fixtures.school("6622001"))],
        [.school(Fixtures.school("6612001")), .status(.active)], [.la(661)], [.la(662)],
        [.expiring(Period(8, .weeks))], [.expiring(Period(0, .days))], [.expiring(Period(6, .months))],
        [.expiring(Period(999_999, .years))], [.inactive(Period(90, .days))], [.inactive(Period(999_999, .years))],
        [.nameContains("U0")], [.expiring(Period(8, .weeks)), .school(Fixtures.school("6622001"))],
        [.la(661), .expiring(Period(1, .months))], [.status(.active), .kind(.nonMIS), .inactive(Period(30, .days))],
        [.deactivatedOn(CalendarDate("2027-09-01")!)], [.deactivatedOn(CalendarDate("2028-01-20")!), .reason(.inactive)],
    ]

    @Test(arguments: seeds(16, salt: 6))
    func indexesAgreeWithABruteForceScan(seed: UInt64) {
        expectProperty(RandomScenario.generate(seed: seed, length: 150), Self.indexesAgree)
    }

    static func indexesAgree(_ scenario: Scenario) -> String? {
        afterEveryCommand { mismatch(in: $0) }(scenario)
    }

    /// The first answer of the store that differs from the brute-force one, or nil.
    static func mismatch(in store: Store) -> String? {
        let all = store.accounts.dictionary
        let today = store.today
        func ids(_ accounts: [Account]) -> String {
            "[" + accounts.map { "\($0.id)" + ($0.expires.map { "@\($0)" } ?? "") }.joined(separator: ", ") + "]"
        }
        for actor in actors {
            // R6
            let expiring = store.expiringList(visibleTo: actor)
            let expected = Reference.expiringList(Reference.fields(all), today: today, actor: actor)
            if expiring.map(Account.Fields.init) != expected {
                return "expiringList for \(actor) is \(ids(expiring)), R6 gives \(expected.map(\.id))"
            }
            for filters in filterSets {
                let listed = store.accounts(visibleTo: actor, matching: filters)
                let scanned = all.values
                    .filter { account in Reference.covers(actor, account.school) && filters.allSatisfy { filter in Reference.matches(account, filter: filter, today: today) } }
                    .sorted { $0.id.value < $1.id.value }
                if listed != scanned {
                    return "accounts(visibleTo: \(actor), matching: \(filters)) is \(ids(listed)), a scan gives \(ids(scanned))"
                }
                let counted = store.count(visibleTo: actor, matching: filters)
                if counted != listed.count {
                    return "count(visibleTo: \(actor), matching: \(filters)) is \(counted), accounts(...) has \(listed.count)"
                }
            }
        }
        // R10
        let plan = Reference.plan(of: store.planSweep())
        let expected = Reference.sweepPlan(Reference.fields(all), today: today)
        if plan != expected {
            return "planSweep() would deactivate \(plan.deactivated) and delete \(plan.deleted); "
                + "R10 deactivates \(expected.deactivated) and deletes \(expected.deleted)"
        }
        return nil
    }
}
