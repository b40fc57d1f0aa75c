/// R8: when `close` takes effect.
public enum CloseMode: String, Sendable, CaseIterable {
    case now
    case atExpiry = "at-expiry"
}

extension Store {
    /// R8: `close ID now` deactivates at once (reason `closed`, deletion due in 12 months);
    /// `close ID at-expiry` sets `closeAtExpiry`, taking the account off the expiring list
    /// and leaving it to the sweep.
    @discardableResult
    public mutating func close(_ id: AccountID, _ mode: CloseMode, _ context: Context) throws(RuleError) -> Account {
        let account = try account(id, visibleTo: context.actor)
        guard case .nonMIS(var nonMIS) = account.lifecycle else {
            throw RuleError("\(id) is an MIS account: it closes when the school MIS records a leaving date", rule: .r8)
        }
        guard account.isActive else {
            throw RuleError("\(id) is already deactivated", rule: .r8)
        }
        switch mode {
        case .now:
            let day = today
            let due = policy.deletionDue(after: day)
            update(id, context, rule: .r8, action: .closedNow) { $0.state = .deactivated(on: day, reason: .closed, due: due) }
        case .atExpiry:
            nonMIS.closeAtExpiry = true
            update(id, context, rule: .r8, action: .setToCloseAtExpiry) { $0.lifecycle = .nonMIS(nonMIS) }
        }
        return accounts[id]!
    }
}
