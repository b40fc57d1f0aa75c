extension Store {
    /// R11: the account `id` as `actor` sees it; an account outside the actor's scope is
    /// reported exactly like a missing one.
    public func account(_ id: AccountID, visibleTo actor: Actor) throws(RuleError) -> Account {
        guard let account = accounts[id], actor.covers(account.school) else { throw .noAccount(id) }
        return account
    }

    /// The account `id`, for the feed events, which are not limited by the actor (R11).
    func existingAccount(_ id: AccountID) throws(RuleError) -> Account {
        guard let account = accounts[id] else { throw .noAccount(id) }
        return account
    }

    /// R11: the schools in the directory that `actor` can see.
    public func schools(visibleTo actor: Actor) -> [School] {
        schools.values.filter { actor.covers($0.number) }.sorted { $0.number < $1.number }
    }
}

extension Store {
    /// R11: the audit entries about `id` that `actor` may see, oldest first (`audit ID`,
    /// `show ID`). The entries of the account that holds the id now go by its school: all
    /// of its history while it is in scope. An earlier account with the id, deleted by
    /// the sweep, left one entry (R10.4), which goes by the school it was deleted from,
    /// whatever the dates: a new account at another school, even one created on the day
    /// of the deletion, reveals nothing of it.
    public func history(of id: AccountID, visibleTo actor: Actor) -> [AuditEntry] {
        let entries = history(of: id)
        guard !actor.seesEverything else { return entries }
        let current = accounts.row(of: id).map { accounts.school(at: $0) }
        let lastDeletion = entries.lastIndex(where: \.isDeletion) ?? -1
        return entries.indices.filter { index in
            if let current, index > lastDeletion { return actor.covers(current) }
            return entries[index].school.map(actor.covers) ?? false
        }.map { entries[$0] }
    }

    /// R11: the audit log as `actor` sees it, oldest first (`audit`): the entries of the
    /// accounts in scope now, of deleted accounts last held in scope (each by the school
    /// its deletion entry keeps, as in `history(of:visibleTo:)`), and of the schools in
    /// scope. An account that moved out of scope is not revealed.
    public func auditEntries(visibleTo actor: Actor) -> [AuditEntry] {
        let entries = audit.all
        guard !actor.seesEverything else { return entries }
        // From the newest back: once an id's deletion is passed, its older entries are
        // those of deleted accounts, however the dates fall.
        var deletedFromHere = Set<AccountID>()
        var visible: [AuditEntry] = []
        for entry in entries.reversed() {
            var school = entry.school
            if let id = entry.account {
                if entry.isDeletion {
                    deletedFromHere.insert(id)
                } else if !deletedFromHere.contains(id), let row = accounts.row(of: id) {
                    school = accounts.school(at: row)
                }
            }
            if let school, actor.covers(school) { visible.append(entry) }
        }
        return visible.reversed()
    }
}

extension AuditEntry {
    /// Whether this is the one entry the sweep leaves of a deleted account (R10.4).
    var isDeletion: Bool {
        if case .deleted = action { return true }
        return false
    }
}
