import HwbCore

/// docs/rules.md written a second time, naively and from the text, for the property tests to
/// compare the store against. Nothing here calls the rule code or the indexes of
/// `HwbCore`: only the value types (`CalendarDate`'s year/month/day views and day
/// numbers, `Account`, `School`) are shared. The checks read an account as its
/// interchange fields (`Account.Fields`, every field as stored or derived), so that they
/// can be shown broken accounts the typed view cannot hold.
enum Reference {
    // MARK: R2 dates

    static func isLeap(_ year: Int) -> Bool {
        year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
    }

    static func lastDay(month: Int, year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// R2: the same day-of-month `n` calendar months later, clamped to the last day of
    /// the target month.
    static func addMonths(_ date: CalendarDate, _ n: Int) -> CalendarDate? {
        let months = date.year * 12 + (date.month - 1) + n
        guard months >= 1900 * 12, months < 10000 * 12 else { return nil }
        let year = months / 12, month = months % 12 + 1
        return CalendarDate(year: year, month: month, day: min(date.day, lastDay(month: month, year: year)))
    }

    static func addDays(_ date: CalendarDate, _ n: Int) -> CalendarDate? {
        CalendarDate(dayNumber: Int(date.dayNumber) + n)
    }

    // MARK: R11 scope

    /// R11: the school numbers an actor sees, from the digits: the whole directory, the
    /// schools whose number starts with the LA code, or the one school.
    static func covers(_ actor: Actor, _ school: SchoolNumber) -> Bool {
        switch actor {
        case .serviceDesk: return true
        case .laAdmin(let code): return school.description.hasPrefix(String(code))
        case .champion(let number): return number.description == school.description
        }
    }

    // MARK: R14.1-3

    /// Every break of R14.1-3 in the given accounts, in words; empty when there is none.
    static func invariantViolations(
        accounts: [AccountID: Account], schools: [SchoolNumber: School]
    ) -> [String] {
        invariantViolations(accounts: fields(accounts), schools: schools)
    }

    /// Every break of R14.1-3 in the given fields, in words; empty when there is none.
    static func invariantViolations(
        accounts: [AccountID: Account.Fields], schools: [SchoolNumber: School]
    ) -> [String] {
        var problems: [String] = []
        for (key, account) in accounts.sorted(by: { $0.key < $1.key }) {
            let who = "\(account.id)"
            // R14.1
            if key != account.id { problems.append("\(who): stored under the id \(key) (R14.1)") }
            if account.id.value != account.id.value.lowercased() { problems.append("\(who): id not in lower case (R4)") }
            switch schools[account.school] {
            case nil: problems.append("\(who): school \(account.school) is not in the directory (R14.1)")
            case let school? where !school.maintained:
                problems.append("\(who): school \(account.school) is not maintained (R14.1)")
            default: break
            }
            // R14.2
            if account.kind == .nonMIS {
                if account.category == nil { problems.append("\(who): non-MIS without a category (R14.2)") }
                if account.category?.rawValue == "learner" { problems.append("\(who): non-MIS learner (R14.2)") }
                if account.expires == nil { problems.append("\(who): non-MIS without expires (R14.2)") }
            } else if account.category != nil || account.expires != nil {
                problems.append("\(who): MIS account with a category or expires (R4)")
            }
            // R14.3
            let set = [account.deactivatedOn != nil, account.deletionDue != nil, account.reason != nil]
            switch account.status {
            case .active:
                if set.contains(true) {
                    problems.append("\(who): active but has deactivatedOn/deletionDue/reason \(set) (R14.3)")
                }
            case .deactivated:
                guard let on = account.deactivatedOn, let due = account.deletionDue, let reason = account.reason else {
                    problems.append("\(who): deactivated without all of deactivatedOn/deletionDue/reason \(set) (R14.3)")
                    continue
                }
                if due != addMonths(on, 12) {
                    problems.append("\(who): deletionDue \(due) is not 12 months after deactivatedOn \(on) (R14.3)")
                }
                if account.kind == .mis {
                    if reason != .left { problems.append("\(who): deactivated MIS account with reason \(reason) (R10.2)") }
                    if account.leavingDate != on {
                        problems.append("\(who): MIS left with deactivatedOn \(on) but leavingDate \(String(describing: account.leavingDate)) (R14.3)")
                    }
                } else if reason == .left {
                    problems.append("\(who): non-MIS account with reason left (R10)")
                }
            }
        }
        return problems
    }

    /// Every break of R14.4 in the store as it is after a sweep as of `today`.
    static func afterSweepViolations(accounts: [AccountID: Account], today: CalendarDate) -> [String] {
        afterSweepViolations(accounts: fields(accounts), today: today)
    }

    /// Every break of R14.4 in the given fields as they are after a sweep as of `today`.
    static func afterSweepViolations(accounts: [AccountID: Account.Fields], today: CalendarDate) -> [String] {
        var problems: [String] = []
        for account in accounts.values.sorted(by: { $0.id < $1.id }) {
            let who = "\(account.id)"
            switch (account.status, account.kind) {
            case (.active, .nonMIS):
                if let expires = account.expires, expires < today {
                    problems.append("\(who): active non-MIS with expires \(expires) < \(today) after a sweep (R14.4)")
                }
                if let idleUntil = addDays(account.lastActivity, 90), idleUntil < today {
                    problems.append("\(who): active non-MIS idle since \(account.lastActivity) after a sweep (R14.4)")
                }
            case (.active, .mis):
                if let leaving = account.leavingDate, leaving <= today {
                    problems.append("\(who): active MIS with leavingDate \(leaving) <= \(today) after a sweep (R14.4)")
                }
            case (.deactivated, _):
                if let due = account.deletionDue, due <= today {
                    problems.append("\(who): deactivated with deletionDue \(due) <= \(today) after a sweep (R14.4)")
                }
            }
        }
        return problems
    }

    // MARK: R6

    /// R6: the actor's active non-MIS accounts with `expires <= today + 56 days` and
    /// `closeAtExpiry` false, by `expires`, then `id`, overdue ones included.
    static func expiringList(_ accounts: [AccountID: Account.Fields], today: CalendarDate, actor: Actor) -> [Account.Fields] {
        let window = addDays(today, 56)!
        return accounts.values
            .filter { covers(actor, $0.school) && $0.status == .active && $0.kind == .nonMIS && $0.closeAtExpiry == false }
            .filter { $0.expires! <= window }
            .sorted { $0.expires! != $1.expires! ? $0.expires! < $1.expires! : $0.id.value < $1.id.value }
    }

    // MARK: R10

    struct Deactivation: Equatable, CustomStringConvertible {
        var id: AccountID
        var on: CalendarDate
        var reason: Account.Reason
        var description: String { "\(id) on \(on) (\(reason.rawValue))" }
    }

    struct Deletion: Equatable, CustomStringConvertible {
        var id: AccountID
        var content: Int
        var description: String { "\(id) with \(content) items" }
    }

    struct SweepPlan: Equatable {
        var deactivated: [Deactivation] = []
        var deleted: [Deletion] = []
    }

    /// R10 on every account, one at a time: what a sweep as of `today` deactivates (with
    /// its date and reason) and deletes, both sorted by id.
    static func sweepPlan(_ accounts: [AccountID: Account.Fields], today: CalendarDate) -> SweepPlan {
        var plan = SweepPlan()
        for account in accounts.values.sorted(by: { $0.id.value < $1.id.value }) {
            var deactivation: Deactivation?
            if account.status == .active && account.kind == .nonMIS {
                // R10.1: only the conditions that hold count; the earlier date wins,
                // `expired` on a tie.
                var expiredOn: CalendarDate?
                var idleOn: CalendarDate?
                if let expires = account.expires, expires < today { expiredOn = addDays(expires, 1) }
                if let limit = addDays(account.lastActivity, 90), limit < today { idleOn = addDays(account.lastActivity, 91) }
                switch (expiredOn, idleOn) {
                case let (e?, i?): deactivation = i < e ? .init(id: account.id, on: i, reason: .inactive)
                                                       : .init(id: account.id, on: e, reason: .expired)
                case let (e?, nil): deactivation = .init(id: account.id, on: e, reason: .expired)
                case let (nil, i?): deactivation = .init(id: account.id, on: i, reason: .inactive)
                case (nil, nil): break
                }
            }
            if account.status == .active && account.kind == .mis, let leaving = account.leavingDate, leaving <= today {
                // R10.2
                deactivation = .init(id: account.id, on: leaving, reason: .left)
            }
            if let deactivation { plan.deactivated.append(deactivation) }
            // R10.3 and R10.4
            let due = deactivation.map { addMonths($0.on, 12) } ?? account.deletionDue
            if let due, due <= today {
                plan.deleted.append(.init(id: account.id, content: account.content))
            }
        }
        return plan
    }

    /// The plan as the store's report gives it, for comparison.
    static func plan(of report: SweepReport) -> SweepPlan {
        SweepPlan(
            deactivated: report.deactivated.map { Deactivation(id: $0.id, on: $0.on, reason: $0.reason) },
            deleted: report.deleted.map { Deletion(id: $0.id, content: $0.content) })
    }

    /// The store's accounts as the fields the reference reads.
    static func fields(_ accounts: [AccountID: Account]) -> [AccountID: Account.Fields] {
        accounts.mapValues(Account.Fields.init)
    }

    // MARK: Printing

    /// One account on one line, its non-null fields in interchange order.
    static func summary(_ account: Account?) -> String {
        guard let account else { return "(none)" }
        return Account.Field.allCases.compactMap { field in
            let value = account[field]
            return value == .null ? nil : "\(field.rawValue)=\(value.text)"
        }.joined(separator: " ")
    }

    /// The accounts that differ between two stores, one line each.
    static func differences(_ left: [AccountID: Account], _ right: [AccountID: Account], names: (String, String)) -> String {
        let ids = Set(left.keys).union(right.keys).sorted()
        return ids.filter { left[$0] != right[$0] }.map { id in
            "  \(id):\n    \(names.0): \(summary(left[id]))\n    \(names.1): \(summary(right[id]))"
        }.joined(separator: "\n")
    }
}
