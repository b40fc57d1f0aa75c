extension Store {
    /// `policy set NAME=VALUE...`: the Service Desk changes the numbers the rules are
    /// built on, for the simulation (R11). Each parameter that changes leaves an audit
    /// entry citing its rule. A new deletion delay moves the deletion day of every
    /// deactivated account (R14.3): those it brings to today or before are deleted by the
    /// next sweep. Returns the parameters that changed.
    @discardableResult
    public mutating func setPolicy(_ settings: [Policy.Setting], _ context: Context) throws(RuleError) -> [Policy.Setting] {
        guard context.actor.seesEverything else {
            throw RuleError("only the Service Desk may change the policy (\(context.actor) may not)", rule: .r11)
        }
        var changed: [Policy.Setting] = []
        var policy = self.policy
        for setting in settings where policy.value(of: setting.name) != setting.value {
            let was = policy.value(of: setting.name)
            policy.apply(setting)
            changed.removeAll { $0.name == setting.name }
            changed.append(setting)
            record(context, rule: setting.name.rule, action: .policySet(setting, was: was), id: nil, school: nil, changes: [])
        }
        let oldDelay = self.policy.deletionMonths
        self.policy = policy
        if policy.deletionMonths != oldDelay { reindexDeletions() }
        return changed
    }

    /// Enters every deactivated account in the deletion index again, under the deletion
    /// day of the current policy.
    private mutating func reindexDeletions() {
        let rows = byDeletion.rows(through: .maximum)
        byDeletion = DateIndex()
        byDeletion.insert(rows, days: rows.map { policy.deletionDue(after: CalendarDate(trustedDayNumber: accounts.deactivatedOn[Int($0)])).dayNumber })
    }

    /// How many deactivated accounts in the actor's scope are due for deletion by today:
    /// the next sweep deletes them (after a shorter deletion delay, say).
    public func deletionsDue(visibleTo actor: Actor) -> Int {
        byDeletion.rows(through: today).count { actor.covers(accounts.school(at: $0)) }
    }
}
