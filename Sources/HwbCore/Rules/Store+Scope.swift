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
