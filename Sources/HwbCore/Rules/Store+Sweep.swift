/// What a sweep does, or would do on a dry run (R10).
public struct SweepReport: Sendable, Equatable {
    public struct Deactivation: Sendable, Equatable {
        public var id: AccountID
        public var on: CalendarDate
        public var reason: Account.Reason
        /// The account's school, so that a report can keep to an actor's scope.
        public var school: SchoolNumber
    }

    public struct Deletion: Sendable, Equatable {
        public var id: AccountID
        /// Content items deleted with the account.
        public var content: Int
        public var school: SchoolNumber
    }

    /// The day the sweep ran as of.
    public var date: CalendarDate
    /// Accounts deactivated, sorted by id.
    public var deactivated: [Deactivation] = []
    /// Accounts deleted for good, sorted by id.
    public var deleted: [Deletion] = []

    public func ids(_ reason: Account.Reason) -> [AccountID] {
        deactivated.filter { $0.reason == reason }.map(\.id)
    }

    /// The content items deleted in all (held at Int.max rather than overflowing).
    public var deletedContent: Int { deleted.map(\.content).contentTotal }

    public var changesNothing: Bool { deactivated.isEmpty && deleted.isEmpty }
}

extension Store {
    /// R10: what a sweep as of today would do, computed from the indexes alone: only the
    /// accounts concerned are touched.
    public func planSweep() -> SweepReport {
        var plan = plan()
        plan.order = accounts.idOrder(of: plan.deactivated)
        let rows = plan.deactivated
        Self.report(&plan, ids: rows.map(accounts.id(at:)), schools: rows.map(accounts.school(at:)))
        return plan.report
    }

    /// What a sweep does, with the rows it works on.
    private struct Plan {
        var report: SweepReport
        /// The rows deactivated, in ascending order: the order their columns are read
        /// and written in, front to back.
        var deactivated: [Row] = []
        /// The day and reason of each deactivation, and its deletion day, at the same
        /// places as `deactivated`.
        var deactivations: [(on: CalendarDate, reason: Account.Reason)] = []
        var dues: [CalendarDate] = []
        /// The places in `deactivated` in the order of their ids: the report's order and
        /// the audit log's (`AccountTable.idOrder`).
        var order: [Int] = []
        /// The rows deleted, in the report's order.
        var deleted: [Row] = []
    }

    private func plan() -> Plan {
        let sweepDay = today
        var plan = Plan(report: SweepReport(date: sweepDay))

        // 1. Active non-MIS accounts that expired (expires < T) or were idle too long
        //    (lastActivity + 90 days < T, R13): the earlier of the dates that hold,
        //    `expired` on a tie. (The earlier of the days that have come is the earlier
        //    of the two days, once one of them has come.) A row idle too long that also
        //    expired is taken once, with the expired ones.
        var deactivated = byExpiry.rows(before: sweepDay)
        if let idleCutoff = sweepDay.addingDays(-policy.inactivityDays) {
            for row in byActivity.rows(before: idleCutoff) where accounts.expires[Int(row)] >= sweepDay.dayNumber {
                deactivated.append(row)
            }
        }
        // 2. Active MIS accounts whose leaving date has come: deactivated on that date.
        deactivated.append(contentsOf: byLeaving.rows(through: sweepDay))
        // Each row's columns are read in row order; `idOrder` orders them by id.
        deactivated.sortRows()
        plan.deactivated = deactivated
        plan.deactivations = deactivated.map { accounts.scheduledDeactivation($0, policy)! }

        // 3 and 4. Deletion is due 12 months after deactivation; every deactivated account
        //    whose deletion is due by T is deleted, including those deactivated just now.
        //    The deactivations fall on few days: each day's deletion day is worked out once
        //    and kept in a small table by its day number.
        var known = [(on: Int32, due: CalendarDate)](repeating: (.min, .maximum), count: 64)
        plan.dues = plan.deactivations.map { deactivation in
            let on = deactivation.on.dayNumber, slot = Int(on & 63)
            if known[slot].on != on { known[slot] = (on, policy.deletionDue(after: deactivation.on)) }
            return known[slot].due
        }
        var deleted = byDeletion.rows(through: sweepDay)
        for (row, due) in zip(deactivated, plan.dues) where due <= sweepDay { deleted.append(row) }
        accounts.sortByID(&deleted)
        plan.deleted = deleted
        plan.report.deleted = deleted.map { row in
            .init(id: accounts.id(at: row), content: accounts.content(at: row), school: accounts.school(at: row))
        }
        return plan
    }

    /// Fills the report's deactivations, in the plan's order, from the ids and schools of
    /// the plan's rows.
    private static func report(_ plan: inout Plan, ids: [AccountID], schools: [SchoolNumber]) {
        plan.report.deactivated = plan.order.map { place in
            .init(id: ids[place], on: plan.deactivations[place].on, reason: plan.deactivations[place].reason,
                  school: schools[place])
        }
    }

    /// R10: the nightly housekeeping as of today. A second sweep on the same day changes
    /// nothing. Works on the rows the plan names, without building accounts. `progress`
    /// is told how many of how many changes are made: at the start, when the
    /// deactivations are made, and at the end (a sweep that changes nothing tells it
    /// nothing). When `concurrency` lends two threads, the deactivated rows' columns
    /// change on one while the other works out the order of their ids; then the report is
    /// made and the deleted rows removed on one while the other writes the log.
    @discardableResult
    public mutating func sweep(
        _ context: Context, concurrency: Concurrency = .sequential, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) -> SweepReport {
        let context = context.system
        var plan = plan()
        let total = plan.deactivated.count + plan.deleted.count
        guard total > 0 else { return plan.report }
        progress?(0, total)
        // The store and its log are moved into `work`, so that the columns it changes are
        // not copied: the ordering reads only the ids' text.
        let work = SweepWork(self)
        self = Store(today: today)
        let ordered = SharedResults<[Int], Void>()
        do {
            let (unordered, idColumns) = (plan, work.store.accounts.idColumns)
            concurrency.run({
                ordered.first = idColumns.idOrder(of: unordered.deactivated)
            }, {
                work.deactivated = work.store.deactivate(unordered, log: &work.log)
            })
        }
        let (subjects, ids, schools) = work.deactivated
        work.deactivated = ([], [], [])
        plan.order = ordered.first!
        progress?(plan.deactivated.count, total)
        // The report and the deleted rows' removal on one thread, the log's entries in
        // the order of the ids on the other.
        let reported = SharedResults<Plan, Void>()
        do {
            let unreported = plan
            let today = today
            concurrency.run({
                var plan = unreported
                Self.report(&plan, ids: ids, schools: schools)
                reported.first = plan
                // Every account due for deletion by today goes now (R10.4), those just
                // deactivated too.
                work.store.byDeletion.removeAll(through: today)
                for row in plan.deleted { work.store.remove(row) }
            }, {
                Self.logDeactivations(unreported, subjects: subjects, schools: schools, context, in: &work.log)
                Self.logDeletions(unreported.report.deleted, on: today, context, in: &work.log)
            })
        }
        plan = reported.first!
        // Moved back, so that neither the store nor the log is shared (and copied whole
        // by the next change).
        self = work.store
        work.store = Store(today: today)
        audit = work.log
        work.log = AuditLog()
        progress?(total, total)
        return plan.report
    }

    /// Appends the audit entries of the plan's deactivations to `log`, in the order of
    /// their ids.
    private static func logDeactivations(
        _ plan: Plan, subjects: [Int32], schools: [SchoolNumber], _ context: Context, in log: inout AuditLog
    ) {
        let stamp = log.stamp(date: plan.report.date, actor: context.auditActor, command: context.command)
        let (active, deactivated) = (log.text(Account.Status.active.rawValue), log.text(Account.Status.deactivated.rawValue))
        let reasons = Account.Reason.allCases.map { reason in
            (action: log.action(.deactivated(reason)), value: log.text(reason.rawValue))
        }
        for place in plan.order {
            let deactivation = plan.deactivations[place]
            let (action, reason) = reasons[deactivation.reason.place]
            log.appendEntry(stamp, rule: deactivation.reason == .inactive ? .r13 : .r10, action: action,
                            subject: subjects[place], school: schools[place])
            log.appendChange(.status, active, deactivated)
            log.appendChange(.deactivatedOn, .null, .date(deactivation.on))
            log.appendChange(.deletionDue, .null, .date(plan.dues[place]))
            log.appendChange(.reason, .null, reason)
        }
    }

    /// Appends the audit entries of the plan's deletions to `log`, dropping each deleted
    /// account's earlier entries (R10.4: the log keeps only the id, the date and the
    /// number of content items).
    private static func logDeletions(
        _ deletions: [SweepReport.Deletion], on date: CalendarDate, _ context: Context, in log: inout AuditLog
    ) {
        guard !deletions.isEmpty else { return }
        let stamp = log.stamp(date: date, actor: context.auditActor, command: context.command)
        for deletion in deletions {
            let action = log.action(.deleted(content: deletion.content))
            var id = deletion.id.value
            id.withUTF8 { id in
                log.forget(UnsafeRawBufferPointer(id))
                log.appendEntry(stamp, rule: .r10, action: action, account: UnsafeRawBufferPointer(id), school: deletion.school)
            }
            log.appendChange(.content, .number(deletion.content), .null)
        }
    }

    /// Deactivates the plan's rows in the columns and date indexes, in row order, front to
    /// back; returns the number `log` gives each row's account, its id and its school, at
    /// the plan's places (each row's id is read once, for both).
    private mutating func deactivate(
        _ plan: Plan, log: inout AuditLog
    ) -> (subjects: [Int32], ids: [AccountID], schools: [SchoolNumber]) {
        log.reserveEntries(plan.deactivated.count + plan.deleted.count, accounts: plan.deactivated.count + plan.deleted.count)
        // Every row dated before the sweep's horizon in these indexes is deactivated now
        // (R10.1-2), so their first days go in one go.
        if let lastExpired = today.addingDays(-1) { byExpiry.removeAll(through: lastExpired) }
        if let idleCutoff = today.addingDays(-(policy.inactivityDays + 1)) { byActivity.removeAll(through: idleCutoff) }
        byLeaving.removeAll(through: today)
        var subjects: [Int32] = [], ids: [AccountID] = []
        subjects.reserveCapacity(plan.deactivated.count)
        ids.reserveCapacity(plan.deactivated.count)
        // The rows also held under a later day of the other index leave it a day at a time.
        unindexDates(plan.deactivated)
        for (place, row) in plan.deactivated.enumerated() {
            accounts.deactivate(row, on: plan.deactivations[place].on, reason: plan.deactivations[place].reason)
            accounts.withIDBytes(row) { id in
                subjects.append(log.subject(id))
                ids.append(AccountID(trusted: String(decoding: id, as: UTF8.self)))
            }
        }
        // indexDates(row) for each row, with the days at hand, a day at a time.
        byDeletion.insert(plan.deactivated, days: plan.dues.map(\.dayNumber))
        return (subjects, ids, plan.deactivated.map(accounts.school(at:)))
    }
}

extension Account.Reason {
    /// The reason's place in `allCases`.
    fileprivate var place: Int {
        switch self {
        case .expired: 0
        case .inactive: 1
        case .closed: 2
        case .left: 3
        }
    }
}

/// The store and its audit log while a sweep changes them on two threads: in each phase
/// one thread changes the store (and sets `deactivated`) and the other the log, never
/// the same field at once.
private final class SweepWork: @unchecked Sendable {
    var store: Store
    var log: AuditLog
    var deactivated: (subjects: [Int32], ids: [AccountID], schools: [SchoolNumber]) = ([], [], [])

    init(_ store: Store) {
        self.store = store
        log = store.audit
        self.store.audit = AuditLog()
    }
}
