/// The whole simulated world: the clock, the school directory, the accounts and the
/// audit log, with the indexes the commands need.
///
/// A value type: every rule checks all it needs before it changes anything, so a refused
/// command leaves the store exactly as it was (R14.5). All changes to an account go
/// through `replace(_:with:)`, which keeps the indexes and the audit log in step.
public struct Store: Sendable {
    public typealias Row = AccountTable.Row

    /// The simulated date. Never the wall clock.
    public internal(set) var today: CalendarDate
    public internal(set) var schools: [SchoolNumber: School] = [:]
    public internal(set) var accounts = AccountTable()
    public internal(set) var audit = AuditLog()
    /// The numbers the rules are built on: the guidance's unless `policy set` changed
    /// them. Deletion dates follow the deletion delay (`setPolicy`).
    public internal(set) var policy = Policy.guidance {
        didSet { accounts.deletionMonths = policy.deletionMonths }
    }

    /// The rows at each school, in no order. An array, not a set: it changes only when an
    /// account arrives, leaves or moves, and a national store is read into it quickly.
    var bySchool: [SchoolNumber: [Row]] = [:]
    /// Active non-MIS accounts by `expires` (R6, R10.1).
    var byExpiry = DateIndex()
    /// Active non-MIS accounts by `lastActivity` (R13).
    var byActivity = DateIndex()
    /// Active MIS accounts that have a `leavingDate` (R10.2).
    var byLeaving = DateIndex()
    /// Deactivated accounts by `deletionDue` (R10.4).
    var byDeletion = DateIndex()

    /// An empty store whose clock reads `today`.
    public init(today: CalendarDate) {
        self.today = today
    }

    /// No schools and no accounts: the clock may then be set to any date.
    public var isEmpty: Bool { schools.isEmpty && accounts.isEmpty }

    /// Puts `new` in place of the account `old` (either may be nil: a creation or a
    /// deletion), updating every index. Does not touch the audit log.
    mutating func replace(_ old: Account?, with new: Account?) {
        guard let old else {
            if let new { add(new) }
            return
        }
        let row = accounts.row(of: old.id)!
        let oldDays = days(of: row)
        if old.school != new?.school {
            removeFromSchool(row, old.school)
            if let new { bySchool[new.school, default: []].append(row) }
        }
        if let new {
            accounts.update(row, to: new)
            // Only the places that change: an index another store value shares (a step
            // kept for `undo`) is copied when it is written to.
            let newDays = days(of: row)
            for place in oldDays where !newDays.contains(where: { $0 == place }) {
                self[place.index].remove(row, at: CalendarDate(trustedDayNumber: place.day))
            }
            for place in newDays where !oldDays.contains(where: { $0 == place }) {
                self[place.index].insert(row, at: CalendarDate(trustedDayNumber: place.day))
            }
        } else {
            for place in oldDays { self[place.index].remove(row, at: CalendarDate(trustedDayNumber: place.day)) }
            accounts.remove(row)
        }
    }

    /// Adds a new account to the table and every index.
    @discardableResult
    mutating func add(_ account: Account) -> Row {
        let row = accounts.insert(account)
        bySchool[account.school, default: []].append(row)
        indexDates(row)
        return row
    }

    /// Deletes the account in `row` from the table and every index.
    mutating func remove(_ row: Row) {
        unindexDates(row)
        removeFromSchool(row, accounts.school(at: row))
        accounts.remove(row)
    }

    /// Removes the row in place (the array is not copied out of the dictionary).
    private mutating func removeFromSchool(_ row: Row, _ school: SchoolNumber) {
        guard let position = bySchool[school]?.lastIndex(of: row) else { return }
        bySchool[school]!.swapAt(position, bySchool[school]!.count - 1)
        bySchool[school]!.removeLast()
        if bySchool[school]!.isEmpty { bySchool[school] = nil }
    }

    /// Changes one account with `body` and records the change in the audit log. A change
    /// that leaves the account as it was records nothing.
    mutating func update(
        _ id: AccountID, _ context: Context, rule: Rule, action: AuditEntry.Action, _ body: (inout Account) -> Void
    ) {
        guard let old = accounts[id] else { return }
        var new = old
        body(&new)
        guard new != old else { return }
        replace(old, with: new)
        record(context, rule: rule, action: action, account: new, changes: Account.changes(from: old, to: new))
    }

    mutating func record(_ context: Context, rule: Rule, action: AuditEntry.Action, account: Account, changes: [AuditEntry.Change]) {
        record(context, rule: rule, action: action, id: account.id, school: account.school, changes: changes)
    }

    /// Appends an audit entry dated today.
    mutating func record(
        _ context: Context, rule: Rule, action: AuditEntry.Action, id: AccountID?, school: SchoolNumber?, changes: [AuditEntry.Change]
    ) {
        audit.append(AuditEntry(
            date: today, actor: context.auditActor, command: context.command, rule: rule, action: action,
            account: id, school: school, changes: changes))
    }

    /// Enters the account in `row` in the date indexes, as its columns now stand.
    mutating func indexDates(_ row: Row) {
        for place in days(of: row) { self[place.index].insert(row, at: CalendarDate(trustedDayNumber: place.day)) }
    }

    /// Takes the account in `row` out of the date indexes, as its columns now stand.
    mutating func unindexDates(_ row: Row) {
        for place in days(of: row) { self[place.index].remove(row, at: CalendarDate(trustedDayNumber: place.day)) }
    }

    /// Takes the accounts in `rows` out of the date indexes, an index at a time and a day
    /// at a time (a sweep's deactivations).
    mutating func unindexDates(_ rows: [Row]) {
        var rowsIn = [[Row]](repeating: [], count: DateIndexName.allCases.count)
        var daysIn = [[Int32]](repeating: [], count: DateIndexName.allCases.count)
        for row in rows {
            for place in days(of: row) {
                rowsIn[place.index.rawValue].append(row)
                daysIn[place.index.rawValue].append(place.day)
            }
        }
        for index in DateIndexName.allCases where !rowsIn[index.rawValue].isEmpty {
            self[index].remove(rowsIn[index.rawValue], days: daysIn[index.rawValue])
        }
    }

    /// Enters the accounts in `rows` in the date indexes, an index at a time and a day at
    /// a time (a national store, read in one go). One list of days serves each index in
    /// turn, so that a million rows take 4 MB of days at a time rather than 16.
    mutating func indexDates(_ rows: Range<Row>) {
        var days = [Int32](repeating: AccountTable.noDate, count: rows.count)
        for index in DateIndexName.allCases {
            for row in rows { days[Int(row - rows.lowerBound)] = day(of: row, in: index) }
            self[index].insert(rows.lowerBound, days: days)
        }
    }

    /// The date indexes.
    enum DateIndexName: Int, CaseIterable {
        case deletion, expiry, activity, leaving
    }

    private subscript(index: DateIndexName) -> DateIndex {
        get {
            switch index {
            case .deletion: byDeletion
            case .expiry: byExpiry
            case .activity: byActivity
            case .leaving: byLeaving
            }
        }
        _modify {
            switch index {
            case .deletion: yield &byDeletion
            case .expiry: yield &byExpiry
            case .activity: yield &byActivity
            case .leaving: yield &byLeaving
            }
        }
    }

    /// Each date index the account in `row` belongs in (at most two) and its day there: a
    /// deactivated account by `deletionDue` (R10.4), an active non-MIS one by `expires`
    /// and `lastActivity` (R6, R10.1, R13), an active MIS one by its leaving date, if any
    /// (R10.2).
    private func days(of row: Row) -> IndexDays {
        var days = IndexDays()
        for index in DateIndexName.allCases {
            let day = day(of: row, in: index)
            guard day != AccountTable.noDate else { continue }
            if days.first == nil { days.first = (index, day) } else { days.second = (index, day) }
        }
        return days
    }

    /// The day of the account in `row` in `index`, or `AccountTable.noDate` when it is
    /// not in that index.
    private func day(of row: Row, in index: DateIndexName) -> Int32 {
        let r = Int(row)
        guard let kind = accounts.kinds[r] else { return AccountTable.noDate }
        let active = accounts.reasons[r] == nil
        switch index {
        case .deletion:
            return active ? AccountTable.noDate
                : policy.deletionDue(after: CalendarDate(trustedDayNumber: accounts.deactivatedOn[r])).dayNumber
        case .expiry: return active && kind == .nonMIS ? accounts.expires[r] : AccountTable.noDate
        case .activity: return active && kind == .nonMIS ? accounts.lastActivity[r] : AccountTable.noDate
        case .leaving: return active && kind == .mis ? accounts.leaving[r] : AccountTable.noDate
        }
    }

    /// The (at most two) places of an account in the date indexes, without an allocation.
    struct IndexDays: Sequence, IteratorProtocol {
        var first: (index: DateIndexName, day: Int32)?
        var second: (index: DateIndexName, day: Int32)?

        mutating func next() -> (index: DateIndexName, day: Int32)? {
            defer { (first, second) = (second, nil) }
            return first
        }
    }
}

/// Who asked for a change and how, for the audit log.
public struct Context: Sendable {
    public var actor: Actor
    /// The command as typed, recorded in the audit log.
    public var command: String

    public init(actor: Actor, command: String) {
        self.actor = actor
        self.command = command
    }

    /// R11: the feed, the sweep, imports and the directory stand for the system itself.
    var system: Context {
        var context = self
        context.isSystem = true
        return context
    }

    var isSystem = false

    var auditActor: String { isSystem ? "system" : actor.description }
}
