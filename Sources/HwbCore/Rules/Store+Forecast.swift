/// `forecast`: every deactivation and deletion the sweep makes up to a day if nobody acts
/// (no sign-ins, no keeps, no feed events), under a policy.
///
/// Each event carries the day the rules give it: the day `deactivatedOn` records (the
/// day after expiry, the first day past the inactivity limit, the leaving date) and the
/// deletion day after it. With a sweep every night these are the nights the changes
/// happen; one sweep on the last day makes the same changes (R10). An event whose day
/// has already come (today's sweep has not run) keeps its own day, today or earlier.
public struct Forecast: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            case deactivated, deleted
        }

        public var date: CalendarDate
        public var id: AccountID
        public var kind: Kind
        /// Why the account is deactivated; nil for a deletion.
        public var reason: Account.Reason?
        public var school: SchoolNumber
        /// The content items the account holds now (deleted with it).
        public var content: Int

        /// The column of the chart the event is counted in.
        public var column: Column { Column(reason) }
        /// The rule that makes the change.
        public var rule: Rule { column.rule }
    }

    /// What a week of the chart counts.
    public enum Column: String, Sendable, CaseIterable {
        case expired, inactive, left, closed, deleted

        /// The column of a deactivation for `reason`, or of a deletion (nil).
        init(_ reason: Account.Reason?) {
            switch reason {
            case nil: self = .deleted
            case .expired?: self = .expired
            case .inactive?: self = .inactive
            case .left?: self = .left
            case .closed?: self = .closed
            }
        }

        /// The column's place in `allCases`.
        var place: Int {
            switch self {
            case .expired: 0
            case .inactive: 1
            case .left: 2
            case .closed: 3
            case .deleted: 4
            }
        }

        /// The rule behind the changes the column counts: the sweep's (R10), but for an
        /// account switched off after too long without a sign-in (R13) and a close (R8).
        public var rule: Rule {
            switch self {
            case .expired, .left, .deleted: .r10
            case .inactive: .r13
            case .closed: .r8
            }
        }
    }

    /// The first day looked at: tomorrow.
    public var from: CalendarDate
    /// The last day looked at.
    public var until: CalendarDate
    /// By date, then id.
    public var events: [Event]

    /// One week of the chart: the events of 7 days from `start`, by column (in
    /// `Column.allCases` order). A week before `from` holds the events already due.
    public struct Week: Sendable, Equatable {
        public var start: CalendarDate
        public var counts: [Int]
        /// Whether this is the week of the events already due (today or earlier).
        public var isDue: Bool
    }

    /// The events week by week from `from` to `until`; the events already due first, in a
    /// week of their own, when there are any. Every week is shown in a span of up to
    /// `Forecast.everyWeekUpTo` weeks, only the weeks with events in a longer one.
    public var weeks: [Week] {
        Self.weeks(from: from, until: until, events: events.map { ($0.date, $0.column) })
    }

    /// The longest span whose chart shows the weeks without events too (a year and more).
    public static let everyWeekUpTo = 60

    static func weeks(from: CalendarDate, until: CalendarDate, events: [(CalendarDate, Column)]) -> [Week] {
        let columns = Column.allCases.count
        let count = until < from ? 0 : Int(until.dayNumber - from.dayNumber) / 7 + 1
        var byWeek: [Int: [Int]] = [:]
        for (date, column) in events {
            // The week of the events already due is -1.
            let week = date < from ? -1 : min(count - 1, Int(date.dayNumber - from.dayNumber) / 7)
            byWeek[week, default: [Int](repeating: 0, count: columns)][column.place] += 1
        }
        let shown = count <= everyWeekUpTo ? [-1] + Array(0..<count) : byWeek.keys.sorted()
        return shown.compactMap { week in
            guard week >= 0 || byWeek[week] != nil else { return nil }
            let start = week < 0 ? from.addingDays(-1) ?? from : from.addingDays(7 * week) ?? .maximum
            return Week(start: start, counts: byWeek[week] ?? [Int](repeating: 0, count: columns), isDue: week < 0)
        }
    }

    /// The deletions, soonest first (then by id).
    public var deletions: [Event] { events.filter { $0.kind == .deleted } }
}

extension Store {
    /// The forecast for the accounts in the actor's scope that pass `filters` (as they
    /// stand today), up to `until`, under `policy` (the store's when nil). Only the rows
    /// the date indexes name are read: the cost follows the accounts with events, not
    /// the size of the store.
    public func forecast(
        visibleTo actor: Actor, matching filters: [AccountFilter] = [], until: CalendarDate, policy: Policy? = nil
    ) -> Forecast {
        let policy = policy ?? self.policy
        let events = forecastEvents(visibleTo: actor, matching: filters, until: until, policy: policy)
        // By date, then by id, a deactivation before a deletion: each event is one whole
        // number (its day, its row's place in the id order, its kind), unique as a row has
        // at most one event of each kind, and the numbers are sorted as they are.
        var rows = events.map(\.row)
        rows.sortRows()
        rows.removeDuplicateRows()
        let byID = accounts.idOrder(of: rows)
        var rank = [Int](repeating: 0, count: rows.count)
        for (position, place) in byID.enumerated() { rank[place] = position }
        var reasons = [Account.Reason?](repeating: nil, count: rows.count)
        var placeOfRow = [Int32](repeating: -1, count: accounts.rowCount)
        for (place, row) in rows.enumerated() { placeOfRow[Int(row)] = Int32(place) }
        var keys: [Int] = []
        keys.reserveCapacity(events.count)
        for event in events {
            let place = Int(placeOfRow[Int(event.row)])
            if event.kind == .deactivated { reasons[place] = event.reason }
            keys.append((Int(event.date.dayNumber) - Int(CalendarDate.minimum.dayNumber)) << 33
                        | rank[place] << 1 | (event.kind == .deleted ? 1 : 0))
        }
        keys.sort()
        let ids = byID.map { accounts.id(at: rows[$0]) }
        return Forecast(
            from: today.addingDays(1) ?? .maximum, until: until,
            events: keys.map { key in
                let position = (key >> 1) & (1 << 32 - 1), row = rows[byID[position]]
                let deleted = key & 1 == 1
                return Forecast.Event(
                    date: CalendarDate(trustedDayNumber: Int32(key >> 33 + Int(CalendarDate.minimum.dayNumber))),
                    id: ids[position], kind: deleted ? .deleted : .deactivated, reason: deleted ? nil : reasons[byID[position]],
                    school: accounts.school(at: row), content: accounts.content(at: row))
            })
    }

    /// One event of a row, before the rows are turned into ids.
    struct RowEvent: Equatable {
        var row: Row
        var date: CalendarDate
        var kind: Forecast.Event.Kind
        var reason: Account.Reason?
    }

    /// The events of the forecast, in no order.
    func forecastEvents(visibleTo actor: Actor, matching filters: [AccountFilter], until: CalendarDate, policy: Policy) -> [RowEvent] {
        let passes = accounts.predicate(for: filters, today: today)
        func wanted(_ row: Row) -> Bool { actor.covers(accounts.school(at: row)) && passes(row) }
        var events: [RowEvent] = []

        // Active accounts: deactivated when the rules say (R10.1-2, R13), and deleted the
        // policy's delay later if that is still in time.
        var active: [Row] = []
        if let lastExpiry = until.addingDays(-1) { active += byExpiry.rows(through: lastExpiry) }
        if let lastActivity = until.addingDays(-(policy.inactivityDays + 1)) { active += byActivity.rows(through: lastActivity) }
        active.sortRows()
        active.removeDuplicateRows()
        active += byLeaving.rows(through: until)
        for row in active where wanted(row) {
            guard let (on, reason) = accounts.scheduledDeactivation(row, policy), on <= until else { continue }
            events.append(RowEvent(row: row, date: on, kind: .deactivated, reason: reason))
            let due = policy.deletionDue(after: on)
            if due <= until { events.append(RowEvent(row: row, date: due, kind: .deleted, reason: nil)) }
        }

        // Deactivated accounts: deleted the policy's delay after their deactivation
        // (R10.4). The index holds them by the store's deletion day, which grows with the
        // day of deactivation as any policy's does: the rows up to the store's day of the
        // last deactivation that is in time hold every one, and are checked one by one.
        guard let lastOn = Self.lastDeactivation(deletedBy: until, policy: policy) else { return events }
        let bound = policy.deletionMonths == self.policy.deletionMonths ? until : self.policy.deletionDue(after: lastOn)
        for row in byDeletion.rows(through: bound) where wanted(row) {
            let due = policy.deletionDue(after: CalendarDate(trustedDayNumber: accounts.deactivatedOn[Int(row)]))
            if due <= until { events.append(RowEvent(row: row, date: due, kind: .deleted, reason: nil)) }
        }
        return events
    }

    /// The last day an account can be deactivated on and still be deleted by `until`
    /// under `policy`, or nil when there is none.
    static func lastDeactivation(deletedBy until: CalendarDate, policy: Policy) -> CalendarDate? {
        // Month arithmetic clamps, so the day months back is near the answer, not on it.
        guard var day = until.addingMonths(-policy.deletionMonths) else { return nil }
        while let next = day.addingDays(1), policy.deletionDue(after: next) <= until { day = next }
        while policy.deletionDue(after: day) > until {
            guard let previous = day.addingDays(-1) else { return nil }
            day = previous
        }
        return day
    }
}

extension Array where Element == AccountTable.Row {
    /// Drops repeated rows from rows in ascending order.
    mutating func removeDuplicateRows() {
        var kept = 0
        for place in indices where place == 0 || self[place] != self[kept - 1] {
            self[kept] = self[place]
            kept += 1
        }
        removeLast(count - kept)
    }

    /// The place of `row` in rows in ascending order that hold it.
    func place(of row: AccountTable.Row) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < row { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
