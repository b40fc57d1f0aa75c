import HwbCore

extension Reference {
    /// docs/language.md's filters, from their text.
    static func matches(_ account: Account, filter: AccountFilter, today: CalendarDate) -> Bool {
        switch filter {
        case .kind(let kind): return account.kind == kind
        case .status(let status): return account.status == status
        case .role(let role): return account.role == role
        case .category(let category): return account.category == category
        case .school(let school): return account.school == school
        case .la(let code): return covers(.laAdmin(code), account.school)
        case .reason(let reason): return account.reason == reason
        case .expiring(let period):
            // Active non-MIS with `expires <= today + PERIOD` (a horizon past 9999 takes all).
            guard account.status == .active, account.kind == .nonMIS, let expires = account.expires else { return false }
            guard let horizon = move(today, by: period, forward: true) else { return true }
            return expires <= horizon
        case .inactive(let period):
            // `lastActivity < today - PERIOD` (a limit before 1900 takes none).
            guard let limit = move(today, by: period, forward: false) else { return false }
            return account.lastActivity < limit
        case .nameContains(let text):
            return account.name.lowercased().contains(text.lowercased())
        case .deactivatedOn(let day):
            return account.status == .deactivated && account.deactivatedOn == day
        }
    }

    /// R2: a date moved by a period, nil outside 1900...9999.
    static func move(_ date: CalendarDate, by period: Period, forward: Bool) -> CalendarDate? {
        let sign = forward ? 1 : -1
        switch period.unit {
        case .days: return addDays(date, sign * period.count)
        case .weeks: return addDays(date, sign * 7 * period.count)
        case .months: return addMonths(date, sign * period.count)
        case .years: return addMonths(date, sign * 12 * period.count)
        }
    }
}
