extension Store {
    /// The accounts `actor` can see that pass every filter, sorted by id.
    public func accounts(visibleTo actor: Actor, matching filters: [AccountFilter] = []) -> [Account] {
        rows(visibleTo: actor, matching: filters).map { accounts[$0] }
    }

    /// The rows of the accounts `actor` can see that pass every filter, sorted by id.
    public func rows(visibleTo actor: Actor, matching filters: [AccountFilter] = []) -> [Row] {
        let passes = accounts.predicate(for: filters, today: today)
        var rows = candidates(visibleTo: actor, filters: filters).filter(passes)
        accounts.sortByID(&rows)
        return rows
    }

    /// How many accounts `actor` can see that pass every filter, read from the columns.
    /// Without filters this adds up the per-school index and reads no account.
    public func count(visibleTo actor: Actor, matching filters: [AccountFilter] = []) -> Int {
        if filters.isEmpty {
            if actor.seesEverything { return accounts.count }
            return bySchool.reduce(0) { $0 + (actor.covers($1.key) ? $1.value.count : 0) }
        }
        let passes = accounts.predicate(for: filters, today: today)
        return candidates(visibleTo: actor, filters: filters).reduce(0) { $0 + (passes($1) ? 1 : 0) }
    }

    /// The ids of the accounts `actor` can see that start with `prefix` (in lower case),
    /// sorted: for completion, read from the text without building accounts.
    public func ids(visibleTo actor: Actor, startingWith prefix: String) -> [AccountID] {
        let wanted = Array(prefix.utf8)
        var rows = candidates(visibleTo: actor, filters: []).filter { row in
            accounts.withIDBytes(row) { $0.starts(with: wanted) }
        }
        accounts.sortByID(&rows)
        return rows.map { accounts.id(at: $0) }
    }

    /// How many accounts belong to one school (read from the per-school index).
    public func accountCount(at school: SchoolNumber) -> Int {
        bySchool[school]?.count ?? 0
    }

    /// The last expiry date that puts an account in the expiring list today: the policy's
    /// window (56 days, 8 weeks) ahead (R6).
    public var expiringWindowEnd: CalendarDate { today.addingDays(policy.expiringDays) ?? .maximum }

    /// R6: the actor's active non-MIS accounts with `expires <= today + 56 days` and
    /// `closeAtExpiry` false, ordered by `expires`, then `id`. Overdue ones (expired, not
    /// yet swept) stay in the list.
    public func expiringList(visibleTo actor: Actor) -> [Account] {
        let window = expiringWindowEnd.dayNumber
        let rows: [Row] = actor.seesEverything
            ? byExpiry.rows(through: expiringWindowEnd)
            : bySchool.filter { actor.covers($0.key) }.flatMap(\.value)
        return rows
            .filter { row in
                let r = Int(row)
                return accounts.kinds[r] == .nonMIS && accounts.reasons[r] == nil
                    && !accounts.closeAtExpiry[r] && accounts.expires[r] <= window
            }
            .map { (expires: accounts.expires[Int($0)], account: accounts[$0]) }
            .sorted { ($0.expires, $0.account.id) < ($1.expires, $1.account.id) }
            .map(\.account)
    }

    /// R13: the actor's active non-MIS accounts that the next sweep deactivates as
    /// inactive (no sign-in for more than 90 days, and not expired first), each with the
    /// day it is deactivated on (`lastActivity` + 91 days), soonest first, then by id.
    /// Read from the activity index: it costs what is due, not the size of the store.
    public func inactivityDue(visibleTo actor: Actor) -> [(account: Account, on: CalendarDate)] {
        inactivityDueRows(visibleTo: actor)
            .compactMap { row in
                accounts.scheduledDeactivation(row, policy).map { (account: accounts[row], on: $0.on) }
            }
            .sorted { ($0.on, $0.account.id) < ($1.on, $1.account.id) }
    }

    /// How many accounts `inactivityDue` lists, without building them (for the banner).
    public func inactivityDueCount(visibleTo actor: Actor) -> Int {
        inactivityDueRows(visibleTo: actor).count
    }

    private func inactivityDueRows(visibleTo actor: Actor) -> [Row] {
        guard let idleCutoff = today.addingDays(-policy.inactivityDays) else { return [] }
        return byActivity.rows(before: idleCutoff).filter { row in
            actor.covers(accounts.school(at: row)) && accounts.expires[Int(row)] >= today.dayNumber
        }
    }

    /// R13: the day the next sweep deactivates `account` as inactive, or nil when it
    /// does not (it is MIS, deactivated, signed in within 90 days, or expires first).
    public func inactivityDeactivation(of account: Account) -> CalendarDate? {
        guard case .nonMIS(let nonMIS) = account.lifecycle, account.isActive,
              let idleCutoff = today.addingDays(-policy.inactivityDays),
              account.lastActivity < idleCutoff, nonMIS.expires >= today
        else { return nil }
        return account.lastActivity.addingDays(policy.inactivityDays + 1)
    }

    /// R9: deactivated staff waiting for the Service Desk, in the actor's scope, by id.
    public func pendingList(visibleTo actor: Actor) -> [Account] {
        accounts.pendingSchools.keys.map { accounts[$0] }.filter { actor.covers($0.school) }.sorted { $0.id < $1.id }
    }

    /// The smallest set of rows the indexes can narrow the question to.
    func candidates(visibleTo actor: Actor, filters: [AccountFilter]) -> [Row] {
        for filter in filters {
            if case .school(let school) = filter {
                guard actor.covers(school) else { return [] }
                return bySchool[school] ?? []
            }
        }
        if !actor.seesEverything {
            return bySchool.filter { actor.covers($0.key) }.flatMap(\.value)
        }
        for filter in filters {
            if case .expiring(let period) = filter, let horizon = period.after(today) {
                return byExpiry.rows(through: horizon)
            }
        }
        return accounts.rows
    }
}

extension Store {
    /// The audit entries about one account, oldest first (`audit ID`, `show ID`). An
    /// imported account's history starts with its import: the file's one entry, told as
    /// "imported from FILE, row N".
    public func history(of id: AccountID) -> [AuditEntry] {
        var entries = audit.indexedEntries(for: id)
        if let row = accounts.row(of: id), let origin = accounts.importOrigin(row),
           let imported = audit.entry(at: origin.entry), let file = audit.importFiles[origin.entry] {
            let own = AuditEntry(
                date: imported.date, actor: imported.actor, command: imported.command, rule: imported.rule,
                action: .importedRow(file: file, row: Int(origin.row)), account: id, school: accounts.school(at: row),
                changes: [])
            let position = entries.firstIndex { $0.index > origin.entry } ?? entries.count
            entries.insert((origin.entry, own), at: position)
        }
        return entries.map(\.entry)
    }
}
