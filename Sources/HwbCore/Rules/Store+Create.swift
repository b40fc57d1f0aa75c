/// How `create` is told when a new non-MIS account expires (R5).
public enum ExpiryRequest: Sendable, Equatable {
    /// `expires=DATE`.
    case date(CalendarDate)
    /// `for=1m`, `for=3m` or `for=6m`: `addMonths(today, n)`.
    case months(Int)
    /// `for=end-of-year`: `endOfYear(today)`.
    case endOfYear
}

/// What `create` is asked to make.
public struct NewAccount: Sendable, Equatable {
    public var id: AccountID
    public var name: String
    /// As typed, so that R5 can refuse `learner` and unknown words with its own message.
    public var category: String
    public var school: SchoolNumber
    public var expiry: ExpiryRequest?

    public init(id: AccountID, name: String, category: String, school: SchoolNumber, expiry: ExpiryRequest?) {
        self.id = id
        self.name = name
        self.category = category
        self.school = school
        self.expiry = expiry
    }
}

extension Store {
    /// R5: creates an active non-MIS account, created today with no content.
    ///
    ///     > create jo.bloggs name="Jo Bloggs" category=supply-teacher school=6612001
    ///     created jo.bloggs (non-MIS, supply-teacher) at 6612001, expires 2027-08-31
    @discardableResult
    public mutating func create(_ request: NewAccount, _ context: Context) throws(RuleError) -> Account {
        guard accounts.row(of: request.id) == nil else {
            throw RuleError("the id \(request.id) is already taken", rule: .r5)
        }
        guard request.category != "learner" else {
            throw RuleError(
                "no learner may have a non-MIS account; learners get their account from the school MIS",
                rule: .r5)
        }
        guard let category = Account.Category(rawValue: request.category) else {
            let known = Account.Category.allCases.map(\.rawValue).joined(separator: ", ")
            var error = RuleError("unknown category \"\(request.category)\"; expected one of \(known)", rule: .r5)
            error.unknownCategory = request.category
            throw error
        }
        _ = try maintainedSchool(request.school, rule: .r5)
        guard context.actor.covers(request.school) else {
            throw RuleError("school \(request.school) is outside the scope of \(context.actor)", rule: .r11)
        }
        if category == .iteStudent && request.expiry == nil {
            throw RuleError("an ITE placement must have an end date: give expires=DATE or for=PERIOD", rule: .r5)
        }
        let expires = try expiryDate(for: request.expiry ?? .endOfYear, rule: .r5)
        try NameText.check(request.name)
        let account = Account(
            id: request.id, name: request.name, school: request.school, created: today,
            lifecycle: .nonMIS(Account.NonMIS(category: category, expires: expires, closeAtExpiry: false)))
        replace(nil, with: account)
        record(context, rule: .r5, action: .created, account: account, changes: Account.changes(from: nil, to: account))
        return account
    }

    /// R5 (and R12's `until`): an expiry from today to `endOfYear(today)`.
    func expiryDate(for request: ExpiryRequest, rule: Rule) throws(RuleError) -> CalendarDate {
        // Past 9999 the end of the year cannot be written; every real date is then before it.
        let endOfYear = policy.endOfYear(today) ?? .maximum
        let date: CalendarDate
        switch request {
        case .date(let given):
            date = given
        case .months(let n):
            guard let later = today.addingMonths(n) else { throw .outOfCalendar("\(today) + \(n)m", rule: .r2) }
            date = later
        case .endOfYear:
            guard let end = policy.endOfYear(today) else {
                throw .outOfCalendar("the end of this academic year", rule: .r1)
            }
            date = end
        }
        guard date >= today else {
            throw RuleError("the expiry \(date) is before today (\(today))", rule: rule)
        }
        guard date <= endOfYear else {
            throw RuleError("the expiry \(date) is after the end of this academic year (\(endOfYear))", rule: rule)
        }
        return date
    }
}
