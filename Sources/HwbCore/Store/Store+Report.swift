/// `report`: how many of the actor's accounts (those passing the filters) are of each
/// kind, status and reason, in groups, and how many leave in each week of the policy's
/// expiring window (8 weeks under the guidance).
public struct Report: Sendable, Equatable {
    /// What the rows of a report are.
    public enum Grouping: String, Sendable, CaseIterable {
        case school, la, category, reason, status
    }

    public struct Counts: Sendable, Equatable {
        public var accounts = 0
        public var active = 0
        public var deactivated = 0
        public var mis = 0
        public var nonMIS = 0
        /// In the manage-expiring list (R6), overdue ones included.
        public var expiring = 0
        /// Of those, past their expiry and not yet swept.
        public var overdue = 0
        /// Deactivated, by reason, in `Account.Reason.allCases` order.
        public var byReason = [Int](repeating: 0, count: Account.Reason.allCases.count)
        /// The expiring list by week from today: the first week holds the overdue ones too,
        /// the last the window's last day (R6's window is today and the 56 days after,
        /// under the guidance: 8 weeks, the last also holding the 57th day).
        public var expiringByWeek: [Int]

        public init(weeks: Int = Report.weeks) {
            expiringByWeek = [Int](repeating: 0, count: weeks)
        }

        public mutating func add(_ other: Counts) {
            accounts += other.accounts
            active += other.active
            deactivated += other.deactivated
            mis += other.mis
            nonMIS += other.nonMIS
            expiring += other.expiring
            overdue += other.overdue
            for index in byReason.indices { byReason[index] += other.byReason[index] }
            for index in expiringByWeek.indices { expiringByWeek[index] += other.expiringByWeek[index] }
        }
    }

    /// The weeks of the expiring chart under the guidance's window.
    public static let weeks = 8

    /// The weeks of the expiring chart for a window of `days` days after today.
    static func weeks(window days: Int) -> Int { max(1, (days + 6) / 7) }

    /// A reason's place in `Counts.byReason`.
    static func reasonIndex(_ reason: Account.Reason) -> Int {
        switch reason {
        case .expired: 0
        case .inactive: 1
        case .closed: 2
        case .left: 3
        }
    }

    /// One row of a grouped report.
    public struct Group: Sendable, Equatable {
        public var key: String
        public var counts: Counts
    }

    public var date: CalendarDate
    public var grouping: Grouping?
    /// One row per group that has accounts, by its key (school numbers and LA codes as
    /// numbers); without a grouping, none.
    public var groups: [Group]
    public var total: Counts

    /// The first day of each week of the chart.
    public var weekStarts: [CalendarDate] {
        total.expiringByWeek.indices.map { date.addingDays(7 * $0) ?? .maximum }
    }
}

extension Store {
    /// The report of the accounts in the actor's scope that pass `filters`: one pass over
    /// them, read from the columns, counted in place.
    public func report(visibleTo actor: Actor, matching filters: [AccountFilter] = [], by grouping: Report.Grouping? = nil) -> Report {
        let passes = accounts.predicate(for: filters, today: today)
        let window = expiringWindowEnd.dayNumber
        let todayNumber = today.dayNumber
        let weeks = Report.weeks(window: policy.expiringDays)
        var total = Report.Counts(weeks: weeks)
        var groupCounts: [Report.Counts] = []
        var slots: [Int: Int] = [:]
        for row in candidates(visibleTo: actor, filters: filters) where passes(row) {
            let r = Int(row)
            guard let grouping else {
                tally(r, into: &total, window: window, today: todayNumber)
                continue
            }
            let key = groupKey(of: r, by: grouping)
            let slot: Int
            if let found = slots[key] {
                slot = found
            } else {
                slot = groupCounts.count
                slots[key] = slot
                groupCounts.append(Report.Counts(weeks: weeks))
            }
            tally(r, into: &groupCounts[slot], window: window, today: todayNumber)
        }
        for counts in groupCounts { total.add(counts) }
        let groups = slots.keys.sorted().map { Report.Group(key: groupName($0, by: grouping), counts: groupCounts[slots[$0]!]) }
        return Report(date: today, grouping: grouping, groups: groups, total: total)
    }

    /// Counts one row.
    private func tally(_ r: Int, into counts: inout Report.Counts, window: Int32, today: Int32) {
        counts.accounts += 1
        let reason = accounts.reasons[r]
        if let reason {
            counts.deactivated += 1
            counts.byReason[Report.reasonIndex(reason)] += 1
        } else {
            counts.active += 1
        }
        guard accounts.kinds[r] != .mis else { return counts.mis += 1 }
        counts.nonMIS += 1
        let expires = accounts.expires[r]
        guard reason == nil, !accounts.closeAtExpiry[r], expires <= window else { return }
        counts.expiring += 1
        if expires < today { counts.overdue += 1 }
        counts.expiringByWeek[min(counts.expiringByWeek.count - 1, max(0, Int(expires - today) / 7))] += 1
    }

    /// A number for the group of a row, in the order the report lists them.
    private func groupKey(of r: Int, by grouping: Report.Grouping) -> Int {
        switch grouping {
        case .school: return Int(accounts.schools[r])
        case .la: return Int(accounts.schools[r]) / 10_000
        case .status: return accounts.reasons[r] == nil ? 0 : 1
        case .reason: return accounts.reasons[r].map { Report.reasonIndex($0) + 1 } ?? 0
        case .category:
            if let category = accounts.categories[r] { return Account.Category.allCases.firstIndex(of: category)! }
            return 100 + (accounts.roles[r].flatMap { Account.Role.allCases.firstIndex(of: $0) } ?? 0)
        }
    }

    private func groupName(_ key: Int, by grouping: Report.Grouping?) -> String {
        switch grouping {
        case .school, .la, nil: return String(key)
        case .status: return key == 0 ? Account.Status.active.rawValue : Account.Status.deactivated.rawValue
        case .reason: return key == 0 ? "active" : Account.Reason.allCases[key - 1].rawValue
        case .category:
            if key >= 100 { return "MIS \(Account.Role.allCases[key - 100].rawValue)" }
            return Account.Category.allCases[key].rawValue
        }
    }
}
