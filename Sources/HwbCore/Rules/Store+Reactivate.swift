extension Store {
    /// R12: makes a deactivated account active again.
    ///
    /// Non-MIS (any actor in scope): `lastActivity` = today, `closeAtExpiry` false, and
    /// `expires` = `until` (R5's bounds), else kept when still today or later, else
    /// `endOfYear(today)`. MIS (Service Desk only, no `until`): active at `pendingSchool`
    /// if set, else at its school, with the leaving and pending fields cleared.
    @discardableResult
    public mutating func reactivate(_ id: AccountID, until: CalendarDate?, _ context: Context) throws(RuleError) -> Account {
        let account = try account(id, visibleTo: context.actor)
        guard !account.isActive else {
            throw RuleError("\(id) is already active", rule: .r12)
        }
        if account.isMIS {
            guard context.actor == .serviceDesk else {
                throw RuleError("only the Service Desk may reactivate an MIS account such as \(id)", rule: .r11)
            }
            guard until == nil else {
                throw RuleError("until= is for non-MIS accounts; \(id) is an MIS account", rule: .r12)
            }
            update(id, context, rule: .r12, action: "reactivated by the Service Desk") {
                $0.clearDeactivation()
                $0.school = $0.pendingSchool ?? $0.school
                $0.pendingSchool = nil
                $0.leavingDate = nil
            }
            return accounts[id]!
        }
        let expires: CalendarDate
        if let until {
            expires = try expiryDate(for: .date(until), rule: .r12)
        } else if let current = account.expires, current >= today {
            expires = current
        } else {
            expires = try expiryDate(for: .endOfYear, rule: .r12)
        }
        let day = today
        update(id, context, rule: .r12, action: "reactivated") {
            $0.clearDeactivation()
            $0.closeAtExpiry = false
            $0.lastActivity = day
            $0.expires = expires
        }
        return accounts[id]!
    }
}
