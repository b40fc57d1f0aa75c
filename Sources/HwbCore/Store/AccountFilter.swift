/// One filter of `list`, `count` and `export` (docs/language.md); several all apply.
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
    /// Deactivated on that day (what one night's sweep switched off).
    case deactivatedOn(CalendarDate)

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
        case .deactivatedOn(let day):
            return account.deactivatedOn == day
        }
    }
}

extension AccountTable {
    /// Whether the account in `row` passes every filter on `today`, read from the columns
    /// without building the account (the same answers as `AccountFilter.matches`).
    func predicate(for filters: [AccountFilter], today: CalendarDate) -> (Row) -> Bool {
        let tests = filters.map { predicate(for: $0, today: today) }
        switch tests.count {
        case 0: return { _ in true }
        case 1: return tests[0]
        default: return { row in tests.allSatisfy { $0(row) } }
        }
    }

    private func predicate(for filter: AccountFilter, today: CalendarDate) -> (Row) -> Bool {
        switch filter {
        case .kind(let kind): return { kinds[Int($0)] == kind }
        case .status(.active): return { reasons[Int($0)] == nil }
        case .status(.deactivated): return { reasons[Int($0)] != nil }
        case .role(let role): return { roles[Int($0)] == role }
        case .category(let category): return { categories[Int($0)] == category }
        case .school(let school):
            let number = Int32(school.value)
            return { schools[Int($0)] == number }
        case .la(let code): return { Int(schools[Int($0)]) / 10_000 == code }
        case .reason(let reason): return { reasons[Int($0)] == reason }
        case .expiring(let period):
            let horizon = period.after(today)?.dayNumber ?? Int32.max
            return { row in
                let r = Int(row)
                return kinds[r] == .nonMIS && reasons[r] == nil && expires[r] <= horizon
            }
        case .inactive(let period):
            guard let cutoff = period.before(today)?.dayNumber else { return { _ in false } }
            return { lastActivity[Int($0)] < cutoff }
        case .deactivatedOn(let day):
            let number = day.dayNumber
            return { reasons[Int($0)] != nil && deactivatedOn[Int($0)] == number }
        case .nameContains(let needle):
            let lowered = needle.lowercased()
            let asciiNeedle = Self.plainASCII(Array(lowered.utf8))
            return { row in
                withNameBytes(row) { name in
                    // Plain ASCII on both sides: a byte search gives the answer `String` would.
                    if let asciiNeedle, Self.plainASCII(name) != nil {
                        return Self.containsIgnoringASCIICase(name, asciiNeedle)
                    }
                    return String(decoding: name, as: UTF8.self).lowercased().contains(lowered)
                }
            }
        }
    }

    /// The bytes when they are ASCII with no carriage return (so that each byte is one
    /// `Character`), else nil.
    private static func plainASCII<C: Collection>(_ bytes: C) -> C? where C.Element == UInt8 {
        bytes.allSatisfy { $0 < 0x80 && $0 != 13 } ? bytes : nil
    }

    private static func containsIgnoringASCIICase(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) {
            var index = 0
            while index < needle.count {
                var byte = haystack[start + index]
                if byte >= 65 && byte <= 90 { byte += 32 }
                if byte != needle[index] { break }
                index += 1
            }
            if index == needle.count { return true }
        }
        return false
    }
}
