/// One filter of `list`, `count` and `export` (LANGUAGE.md); several all apply.
public enum AccountFilter: Sendable, Equatable {
    case kind(Account.Kind)
    case status(Account.Status)
    case role(Account.Role)
    case category(Account.Category)
    case school(SchoolNumber)
    case la(Int)
    case reason(Account.Reason)
    /// Active non-MIS accounts with `expires <= today + PERIOD`.
    case expiring(Period)
    /// `lastActivity < today - PERIOD`.
    case inactive(Period)
    /// Case-insensitive substring of the name.
    case nameContains(String)

    /// Whether `account` passes this filter on `today`.
    public func matches(_ account: Account, today: CalendarDate) -> Bool {
        switch self {
        case .kind(let kind): return account.kind == kind
        case .status(let status): return account.status == status
        case .role(let role): return account.role == role
        case .category(let category): return account.category == category
        case .school(let school): return account.school == school
        case .la(let code): return account.school.laCode == code
        case .reason(let reason): return account.reason == reason
        case .expiring(let period):
            guard account.isActive, !account.isMIS, let expires = account.expires else { return false }
            return period.after(today).map { expires <= $0 } ?? true
        case .inactive(let period):
            return period.before(today).map { account.lastActivity < $0 } ?? false
        case .nameContains(let text):
            return account.name.lowercased().contains(text.lowercased())
        }
    }
}
