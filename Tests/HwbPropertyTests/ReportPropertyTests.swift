import HwbCore
import HwbTestSupport
import Testing

/// `report` counts from the columns in one pass; after every command of a random scenario
/// its figures must equal a count of the accounts themselves, for every actor, grouping
/// and filter, and its groups must add up to its total.
@Suite struct ReportPropertyTests {
    @Test(arguments: seeds(12, salt: 12))
    func reportsAgreeWithACountOfTheAccounts(seed: UInt64) {
        expectProperty(RandomScenario.generate(seed: seed, length: 150), afterEveryCommand { Self.mismatch(in: $0) })
    }

    static let filterSets: [[AccountFilter]] = [[], [.kind(.nonMIS)], [.status(.deactivated)], [.la(661)]]

    static func mismatch(in store: Store) -> String? {
        let today = store.today
        let window = store.expiringWindowEnd
        for actor in IndexPropertyTests.actors {
            for filters in filterSets {
                let accounts = store.accounts.values.filter { account in
                    actor.covers(account.school) && filters.allSatisfy { $0.matches(account, today: today) }
                }
                for grouping in [nil] + Report.Grouping.allCases {
                    let report = store.report(visibleTo: actor, matching: filters, by: grouping)
                    var expected = Report.Counts()
                    for account in accounts {
                        expected.accounts += 1
                        if let reason = account.reason {
                            expected.deactivated += 1
                            expected.byReason[Account.Reason.allCases.firstIndex(of: reason)!] += 1
                        } else {
                            expected.active += 1
                        }
                        if account.isMIS { expected.mis += 1 } else { expected.nonMIS += 1 }
                        if account.isActive, !account.isMIS, account.closeAtExpiry != true, let expires = account.expires,
                           expires <= window {
                            expected.expiring += 1
                            if expires < today { expected.overdue += 1 }
                            let week = min(7, max(0, expires.days(since: today) / 7))
                            expected.expiringByWeek[week] += 1
                        }
                    }
                    let label = "\(actor) \(filters) by \(grouping?.rawValue ?? "nothing") on \(today)"
                    guard report.total == expected else { return "\(label): \(report.total) != \(expected)" }
                    guard grouping != nil else { continue }
                    var sum = Report.Counts()
                    for group in report.groups { sum.add(group.counts) }
                    guard sum == report.total else { return "\(label): the groups add up to \(sum)" }
                    guard Set(report.groups.map(\.key)).count == report.groups.count else { return "\(label): a group twice" }
                }
                if filters.isEmpty, store.report(visibleTo: actor).total.expiring != store.expiringList(visibleTo: actor).count {
                    return "\(actor): report's expiring is not the expiring list's length"
                }
            }
        }
        return nil
    }
}
