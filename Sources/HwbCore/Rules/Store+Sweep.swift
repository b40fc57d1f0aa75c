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
    public var deletedContent: Int {
        deleted.reduce(0) { total, deletion in
            let (sum, overflow) = total.addingReportingOverflow(deletion.content)
            return overflow ? Int.max : sum
        }
    }

    public var changesNothing: Bool { deactivated.isEmpty && deleted.isEmpty }
}

extension Store {
    /// R10: what a sweep as of today would do, computed from the indexes alone: only the
    /// accounts concerned are touched.
    public func planSweep() -> SweepReport {
        let sweepDay = today
        var report = SweepReport(date: sweepDay)

        // 1. Active non-MIS accounts that expired (expires < T) or were idle too long
        //    (lastActivity + 90 days < T, R13): the earlier of the dates that hold,
        //    `expired` on a tie.
        var candidates = Set(byExpiry.rows(before: sweepDay))
        if let idleCutoff = sweepDay.addingDays(-90) {
            candidates.formUnion(byActivity.rows(before: idleCutoff))
        }
        // (The earlier of the days that have come is the earlier of the two days, once
        // one of them has come.)
        for row in candidates {
            if let (on, reason) = accounts.scheduledDeactivation(row), on <= sweepDay {
                report.deactivated.append(.init(id: accounts.id(at: row), on: on, reason: reason, school: accounts.school(at: row)))
            }
        }

        // 2. Active MIS accounts whose leaving date has come: deactivated on that date.
        for row in byLeaving.rows(through: sweepDay) {
            let (on, _) = accounts.scheduledDeactivation(row)!
            report.deactivated.append(.init(id: accounts.id(at: row), on: on, reason: .left, school: accounts.school(at: row)))
        }
        report.deactivated.sort { $0.id < $1.id }

        // 3 and 4. Deletion is due 12 months after deactivation; every deactivated account
        //    whose deletion is due by T is deleted, including those deactivated just now.
        var deletions = byDeletion.rows(through: sweepDay).map { accounts.id(at: $0) }
        for deactivation in report.deactivated {
            if Account.deletionDue(after: deactivation.on) <= sweepDay { deletions.append(deactivation.id) }
        }
        report.deleted = deletions.sorted().map { id in
            let row = accounts.row(of: id)!
            return .init(id: id, content: accounts.content(at: row), school: accounts.school(at: row))
        }
        return report
    }

    /// R10: the nightly housekeeping as of today. A second sweep on the same day changes
    /// nothing.
    @discardableResult
    public mutating func sweep(_ context: Context) -> SweepReport {
        let context = context.system
        let report = planSweep()
        for deactivation in report.deactivated {
            let rule: Rule = deactivation.reason == .inactive ? .r13 : .r10
            update(deactivation.id, context, rule: rule, action: "deactivated (\(deactivation.reason.rawValue))") {
                $0.deactivate(on: deactivation.on, reason: deactivation.reason)
            }
        }
        for deletion in report.deleted {
            let account = accounts[deletion.id]!
            replace(account, with: nil)
            // R10.4: the log keeps only the id, the date and the number of content items.
            audit.forget(deletion.id)
            record(context, rule: .r10, action: "deleted with \(deletion.content) content item\(deletion.content == 1 ? "" : "s")",
                   id: deletion.id, school: account.school,
                   changes: [.init(field: .content, before: .number(deletion.content), after: .null)])
        }
        return report
    }
}
