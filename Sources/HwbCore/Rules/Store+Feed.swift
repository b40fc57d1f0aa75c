/// What a `mis join` event did (R9).
public enum JoinOutcome: Sendable, Equatable {
    /// The school is not maintained: nothing changed.
    case ignoredNotMaintained(School)
    case created(Account)
    /// An active MIS account moved to the school (its leaving date cleared).
    case moved(Account, from: SchoolNumber)
    /// A deactivated learner, active again at the school.
    case reactivated(Account)
    /// A deactivated member of staff, now waiting for the Service Desk.
    case pending(Account)
}

/// What `mis join` carries: the new MIS record.
public struct JoinEvent: Sendable, Equatable {
    public var id: AccountID
    public var school: SchoolNumber
    public var name: String?
    public var role: Account.Role?

    public init(id: AccountID, school: SchoolNumber, name: String?, role: Account.Role?) {
        self.id = id
        self.school = school
        self.name = name
        self.role = role
    }
}

extension Store {
    /// R9 join: a record for the id is created in school S's MIS. The cases are checked in
    /// the order docs/rules.md gives.
    @discardableResult
    public mutating func join(_ event: JoinEvent, _ context: Context) throws(RuleError) -> JoinOutcome {
        let context = context.system
        guard let school = schools[event.school] else {
            throw RuleError("no school \(event.school) in the directory", rule: .r9)
        }
        guard school.maintained else { return .ignoredNotMaintained(school) }
        guard let account = accounts[event.id] else {
            guard let name = event.name, let role = event.role else {
                throw RuleError(
                    "\(event.id) is a new MIS account: give name=\"...\" and role=learner or role=staff", rule: .r9)
            }
            try NameText.check(name)
            let account = Account(
                id: event.id, name: name, school: school.number, created: today, lifecycle: .mis(Account.MIS(role: role)))
            replace(nil, with: account)
            record(context, rule: .r9, action: .joined, account: account,
                   changes: Account.changes(from: nil, to: account))
            return .created(account)
        }
        guard case .mis(var mis) = account.lifecycle else {
            throw RuleError("\(event.id) is a non-MIS account; the MIS cannot take it over", rule: .r9)
        }
        if account.isActive {
            mis.leavingDate = nil
            update(event.id, context, rule: .r9, action: .moved(to: school.number)) {
                $0.school = school.number
                $0.lifecycle = .mis(mis)
            }
            return .moved(accounts[event.id]!, from: account.school)
        }
        if mis.role == .learner {
            mis.leavingDate = nil
            update(event.id, context, rule: .r9, action: .learnerJoined(school.number)) {
                $0.state = .active
                $0.school = school.number
                $0.lifecycle = .mis(mis)
            }
            return .reactivated(accounts[event.id]!)
        }
        mis.pendingSchool = school.number
        update(event.id, context, rule: .r9, action: .staffJoined(school.number)) {
            $0.lifecycle = .mis(mis)
        }
        return .pending(accounts[event.id]!)
    }

    /// R9 leave: a leaving date is entered for an active MIS account (default today; past
    /// or future). The sweep deactivates it once the date has come.
    @discardableResult
    public mutating func leave(_ id: AccountID, on date: CalendarDate?, _ context: Context) throws(RuleError) -> Account {
        let account = try existingAccount(id)
        guard case .mis(var mis) = account.lifecycle else {
            throw RuleError("\(id) is a non-MIS account; only MIS accounts have leaving dates", rule: .r9)
        }
        guard account.isActive else {
            throw RuleError("\(id) is already deactivated", rule: .r9)
        }
        let date = date ?? today
        mis.leavingDate = date
        update(id, context.system, rule: .r9, action: .leavingDate(date)) { $0.lifecycle = .mis(mis) }
        return accounts[id]!
    }

    /// R13 signin: records a sign-in on an active account on `date` (default today), which
    /// may not be after today nor before the account was created.
    @discardableResult
    public mutating func signIn(_ id: AccountID, on date: CalendarDate?, _ context: Context) throws(RuleError) -> Account {
        let account = try existingAccount(id)
        guard account.isActive else {
            throw RuleError("\(id): account deactivated; reactivate it before it can sign in", rule: .r13)
        }
        let date = date ?? today
        guard date <= today else {
            throw RuleError("a sign-in on \(date) would be after today (\(today))", rule: .r13)
        }
        guard date >= account.created else {
            throw RuleError("a sign-in on \(date) would be before \(id) was created (\(account.created))", rule: .r13)
        }
        if date > account.lastActivity {
            update(id, context.system, rule: .r13, action: .signedIn) { $0.lastActivity = date }
        }
        return accounts[id]!
    }

    /// The feed event `content`: sets the number of stored items of any account in the store.
    @discardableResult
    public mutating func setContent(_ id: AccountID, to count: Int, _ context: Context) throws(RuleError) -> Account {
        let account = try existingAccount(id)
        guard count >= 0 else {
            throw RuleError("the content count must be 0 or more, got \(count)", rule: .r13)
        }
        if count != account.content {
            update(id, context.system, rule: .r13, action: .contentSet) { $0.content = count }
        }
        return accounts[id]!
    }
}
