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
        switch account.lifecycle {
        case .mis(let mis):
            guard context.actor == .serviceDesk else {
                throw RuleError("only the Service Desk may reactivate an MIS account such as \(id)", rule: .r11)
            }
            guard until == nil else {
                throw RuleError("until= is for non-MIS accounts; \(id) is an MIS account", rule: .r12)
            }
            update(id, context, rule: .r12, action: .reactivatedByServiceDesk) {
                $0.state = .active
                $0.school = mis.pendingSchool ?? $0.school
                $0.lifecycle = .mis(Account.MIS(role: mis.role))
            }
            return accounts[id]!
        case .nonMIS(let nonMIS):
            let expires: CalendarDate
            if let until {
                expires = try expiryDate(for: .date(until), rule: .r12)
            } else if nonMIS.expires >= today {
                expires = nonMIS.expires
            } else {
                expires = try expiryDate(for: .endOfYear, rule: .r12)
            }
            let day = today
            update(id, context, rule: .r12, action: .reactivated) {
                $0.state = .active
                $0.lastActivity = day
                $0.lifecycle = .nonMIS(Account.NonMIS(category: nonMIS.category, expires: expires, closeAtExpiry: false))
            }
            return accounts[id]!
        }
    }
}
