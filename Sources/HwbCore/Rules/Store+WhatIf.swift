/// `what-if`: the forecast under a changed policy set beside the forecast under the
/// store's own, and what differs. The store is not changed.
public struct PolicyComparison: Sendable, Equatable {
    /// What the sweep does to one account in the forecast span under one policy.
    public struct Fate: Sendable, Equatable, CustomStringConvertible {
        public var deactivated: (date: CalendarDate, reason: Account.Reason)?
        public var deleted: CalendarDate?

        public init(deactivated: (date: CalendarDate, reason: Account.Reason)? = nil, deleted: CalendarDate? = nil) {
            self.deactivated = deactivated
            self.deleted = deleted
        }

        public static func == (lhs: Fate, rhs: Fate) -> Bool {
            lhs.deactivated?.date == rhs.deactivated?.date && lhs.deactivated?.reason == rhs.deactivated?.reason
                && lhs.deleted == rhs.deleted
        }

        /// `deactivated 2027-09-01 (expired), deleted 2028-09-01`, or `nothing`.
        public var description: String {
            var parts: [String] = []
            if let (date, reason) = deactivated { parts.append("deactivated \(date) (\(reason.rawValue))") }
            if let deleted { parts.append("deleted \(deleted)") }
            return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
        }
    }

    /// An account whose fate differs.
    public struct Change: Sendable, Equatable {
        public var id: AccountID
        public var school: SchoolNumber
        public var content: Int
        public var current: Fate
        public var changed: Fate
    }

    /// The parameters that differ from the store's policy, with their new values.
    public var settings: [Policy.Setting]
    public var from: CalendarDate
    public var until: CalendarDate
    /// The weeks of the span (`Forecast.weeks`), each column the changed policy's count
    /// less the current one's.
    public var weeks: [Forecast.Week]
    /// The events of each column under each policy, in `Forecast.Column.allCases` order.
    public var currentTotals: [Int]
    public var changedTotals: [Int]
    /// Accounts the changed policy deletes earlier (or at all, in the span), and their content.
    public var deletedEarlier: Int
    public var contentDeletedEarlier: Int
    /// Accounts the changed policy deletes later (or not at all, in the span), and their content.
    public var deletedLater: Int
    public var contentDeletedLater: Int
    /// By id.
    public var changes: [Change]

    /// Whether the changed policy changes nothing in the span.
    public var isEmpty: Bool { changes.isEmpty }
}

extension Store {
    /// The forecast up to `until` for the actor's accounts that pass `filters`, under the
    /// store's policy with `settings` applied, compared with the one under the store's
    /// policy as it is.
    public func whatIf(
        _ settings: [Policy.Setting], visibleTo actor: Actor, matching filters: [AccountFilter] = [], until: CalendarDate
    ) -> PolicyComparison {
        let changedPolicy = policy.applying(settings)
        let current = forecastEvents(visibleTo: actor, matching: filters, until: until, policy: policy)
        let changed = changedPolicy == policy
            ? current : forecastEvents(visibleTo: actor, matching: filters, until: until, policy: changedPolicy)
        let from = today.addingDays(1) ?? .maximum
        let columns = Forecast.Column.allCases

        // Every row with an event under either policy, in row order; each one's fates at
        // its place.
        var rows = current.map(\.row) + changed.map(\.row)
        rows.sortRows()
        rows.removeDuplicateRows()
        func fates(_ events: [RowEvent]) -> [PolicyComparison.Fate] {
            var fates = [PolicyComparison.Fate](repeating: .init(), count: rows.count)
            for event in events {
                let place = rows.place(of: event.row)
                switch event.kind {
                case .deactivated: fates[place].deactivated = (event.date, event.reason!)
                case .deleted: fates[place].deleted = event.date
                }
            }
            return fates
        }
        func column(_ event: RowEvent) -> Forecast.Column {
            Forecast.Column(event.reason)
        }
        func totals(_ events: [RowEvent]) -> [Int] {
            var totals = [Int](repeating: 0, count: columns.count)
            for event in events { totals[column(event).place] += 1 }
            return totals
        }

        let before = Forecast.weeks(from: from, until: until, events: current.map { ($0.date, column($0)) })
        let after = Forecast.weeks(from: from, until: until, events: changed.map { ($0.date, column($0)) })
        let weeks = Self.difference(after, before)

        let currentFates = fates(current), changedFates = fates(changed)
        var places = rows.indices.filter { currentFates[$0] != changedFates[$0] }
        places = accounts.idOrder(of: places.map { rows[$0] }).map { places[$0] }
        var comparison = PolicyComparison(
            settings: settings.filter { policy.value(of: $0.name) != $0.value }, from: from, until: until, weeks: weeks,
            currentTotals: totals(current), changedTotals: totals(changed), deletedEarlier: 0, contentDeletedEarlier: 0,
            deletedLater: 0, contentDeletedLater: 0, changes: [])
        for place in places {
            let row = rows[place], was = currentFates[place], will = changedFates[place]
            let content = accounts.content(at: row)
            // No deletion in the span counts as a deletion after it.
            let (now, then) = (was.deleted ?? .maximum, will.deleted ?? .maximum)
            if then < now || (was.deleted == nil && will.deleted != nil) {
                comparison.deletedEarlier += 1
                comparison.contentDeletedEarlier = [comparison.contentDeletedEarlier, content].contentTotal
            } else if then > now || (was.deleted != nil && will.deleted == nil) {
                comparison.deletedLater += 1
                comparison.contentDeletedLater = [comparison.contentDeletedLater, content].contentTotal
            }
            comparison.changes.append(.init(id: accounts.id(at: row), school: accounts.school(at: row), content: content, current: was, changed: will))
        }
        return comparison
    }

    /// Week by week, `after`'s counts less `before`'s, for every week either has (the
    /// week of the events already due first).
    private static func difference(_ after: [Forecast.Week], _ before: [Forecast.Week]) -> [Forecast.Week] {
        let zero = [Int](repeating: 0, count: Forecast.Column.allCases.count)
        var weeks: [CalendarDate: Forecast.Week] = [:]
        for week in after { weeks[week.start] = week }
        for week in before {
            var difference = weeks[week.start] ?? .init(start: week.start, counts: zero, isDue: week.isDue)
            difference.counts = zip(difference.counts, week.counts).map { $0 - $1 }
            weeks[week.start] = difference
        }
        return weeks.values.sorted { ($0.isDue ? 0 : 1, $0.start) < ($1.isDue ? 0 : 1, $1.start) }
    }
}
