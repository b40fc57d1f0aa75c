/// R7: how long `keep` extends an account.
public enum KeepPeriod: String, Sendable, CaseIterable {
    case endOfNextYear = "end-of-next-year"
    case sixMonths = "6m"
    case threeMonths = "3m"
    case oneMonth = "1m"

    /// The months a keep adds; nil for end-of-next-year, which is a date.
    public var months: Int? {
        switch self {
        case .endOfNextYear: return nil
        case .sixMonths: return 6
        case .threeMonths: return 3
        case .oneMonth: return 1
        }
    }
}

extension Store {
    /// R7: extends an active non-MIS account. With `base = max(expires, today)` and
    /// `cap = endOfNextYear(today)`, the new expiry is `cap` for `end-of-next-year`, else
    /// `min(addMonths(base, n), cap)`; `closeAtExpiry` is cleared. The policy says which
    /// periods are offered and on which day of the year a year ends.
    @discardableResult
    public mutating func keep(_ id: AccountID, _ period: KeepPeriod, _ context: Context) throws(RuleError) -> Account {
        let account = try account(id, visibleTo: context.actor)
        guard case .nonMIS(let nonMIS) = account.lifecycle else {
            throw RuleError("\(id) is an MIS account: its life follows the school MIS record", rule: .r7)
        }
        guard account.isActive else {
            throw RuleError("\(id) is deactivated: use reactivate", rule: .r7)
        }
        guard policy.keeps.contains(period) else {
            let offered = policy.keeps.map(\.rawValue).joined(separator: ", ")
            throw RuleError("\(period.rawValue) is not a keep period of this store's policy, which offers \(offered)", rule: .r7)
        }
        let cap = policy.endOfNextYear(today)
        let extended = period.months.flatMap { max(nonMIS.expires, today).addingMonths($0) }
        let expires: CalendarDate
        switch (period.months, extended, cap) {
        case (nil, _, let cap?): expires = cap
        case (_?, let extended?, let cap?): expires = min(extended, cap)
        case (_?, let extended?, nil): expires = extended
        default: throw .outOfCalendar("the new expiry", rule: .r7)
        }
        update(id, context, rule: .r7, action: .kept(period)) {
            $0.lifecycle = .nonMIS(Account.NonMIS(category: nonMIS.category, expires: expires, closeAtExpiry: false))
        }
        return accounts[id]!
    }
}
