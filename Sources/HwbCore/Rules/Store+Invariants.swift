extension Store {
    /// R4 and R14.1-3: what is wrong with `account` as a member of this store, in words;
    /// empty when nothing is. Used by `import accounts` and by snapshot loading. Id
    /// uniqueness is checked by the caller, which sees all rows at once. The checks of the
    /// fields alone are `Account.Fields.problems`; this adds those of the directory (R9,
    /// R14.1).
    public func problems(with account: Account.Fields) -> [String] {
        var problems: [String] = []
        if let school = schools[account.school] {
            if !school.maintained { problems.append("school \(account.school) is not a maintained school (R14.1)") }
        } else {
            problems.append("school \(account.school) is not in the directory (R14.1)")
        }
        account.appendProblems(to: &problems, policy: policy) { pending in
            schools[pending]?.maintained == true
                ? nil : "pendingSchool \(pending) is not a maintained school in the directory (R9)"
        }
        return problems
    }

    /// A store rebuilt from saved parts, refused unless every school number is Welsh,
    /// every id unique and every account passes R14.1-3 under `policy`.
    public static func restored(
        today: CalendarDate, policy: Policy, schools: [School], accounts: [Account.Fields], audit: [AuditEntry]
    ) throws(RuleError) -> Store {
        var restoration = try Restoration(today: today, policy: policy, schools: schools, accountCount: accounts.count)
        for account in accounts { try restoration.add(account) }
        for entry in audit { restoration.add(entry) }
        return restoration.store
    }
}

extension Store {
    /// A store rebuilt from a snapshot's columns (version 2), refused unless every school
    /// number is Welsh, every value one an account can hold, every id unique, every
    /// account passes R14.1-3 and every import it names is in the audit log. The id map
    /// is built on one thread while the other checks the rows and builds the other
    /// indexes, when `concurrency` lends two.
    public static func restored(
        today: CalendarDate, policy: Policy, schools: [School], columns: AccountTable.Columns, audit: AuditLog,
        concurrency: Concurrency = .sequential
    ) throws(RuleError) -> Store {
        var directory = Store(today: today)
        directory.policy = policy
        for school in schools {
            try directory.checkNewSchool(school)
            directory.schools[school.number] = school
        }
        guard var read = AccountTable(columns) else {
            throw RuleError("the accounts' columns do not fit together", rule: nil)
        }
        read.deletionMonths = policy.deletionMonths
        let table = read
        let results = SharedResults<(table: AccountTable, repeated: AccountTable.Row?), Result<Store, RuleError>>()
        let checker = directory
        concurrency.run({
            var mapped = table
            let repeated = mapped.mapIDs().first?.row
            results.first = (mapped, repeated)
        }, {
            results.second = Result { () throws(RuleError) in
                try checker.check(table, audit: audit)
                var indexed = checker
                indexed.accounts = table
                indexed.indexRows(from: 0)
                return indexed
            }
        })
        var store = try results.second!.get()
        let (mapped, repeated) = results.first!
        if let row = repeated { throw RuleError("account \(table.id(at: row)) appears twice", rule: .r14) }
        store.accounts = mapped
        store.accounts.idHashes = []
        store.audit = audit
        return store
    }

    /// R4, R14.1-3 on every row of a saved table, and that every import it names is in
    /// `audit`: the first problem found.
    private func check(_ table: AccountTable, audit: AuditLog) throws(RuleError) {
        if let problem = table.firstMalformation() { throw RuleError(problem, rule: nil) }
        let maintained = maintainedSchools()
        var knownImport: Int32 = -1
        for row in 0..<AccountTable.Row(table.rowCount) {
            if !isAcceptable(row, of: table, maintained: maintained) {
                let problem = problems(with: table.fields(at: row)).first ?? "it breaks R14"
                throw RuleError("account \(table.id(at: row)): \(problem)", rule: nil)
            }
            // Rows of one import come together: its entry is looked up once.
            if let origin = table.importOrigin(row), origin.entry != knownImport {
                guard audit.importFiles[origin.entry] != nil else {
                    throw RuleError("account \(table.id(at: row)): it names an import the audit log does not hold", rule: nil)
                }
                knownImport = origin.entry
            }
        }
        if let row = misplacedPendingRows(of: table).min() {
            let problem = problems(with: table.fields(at: row)).first ?? "its pending school is out of place"
            throw RuleError("account \(table.id(at: row)): \(problem)", rule: nil)
        }
    }
}

/// Rebuilds a store one saved account at a time, checking each (R14.1-3) as it comes, so
/// that a snapshot of a million accounts never holds them twice.
public struct Restoration {
    public private(set) var store: Store

    /// A store on `today` under `policy` with `schools`, expecting about `accountCount`
    /// accounts.
    public init(today: CalendarDate, policy: Policy, schools: [School], accountCount: Int) throws(RuleError) {
        store = Store(today: today)
        store.policy = policy
        for school in schools {
            try store.checkNewSchool(school)
            store.schools[school.number] = school
        }
        store.accounts.reserveCapacity(accountCount)
    }

    public mutating func add(_ fields: Account.Fields) throws(RuleError) {
        if let problem = store.problems(with: fields).first {
            throw RuleError("account \(fields.id): \(problem)", rule: nil)
        }
        // Sound in the store's eyes, so sound in shape (`Account.Fields.problems`).
        guard let account = try? Account(fields, policy: store.policy) else { throw RuleError("account \(fields.id): it breaks R14", rule: nil) }
        guard store.accounts.row(of: account.id) == nil else {
            throw RuleError("account \(account.id) appears twice", rule: .r14)
        }
        store.add(account)
    }

    public mutating func add(_ entry: AuditEntry) {
        store.audit.append(entry)
    }

    /// The audit log, read apart from the accounts.
    public mutating func setAudit(_ audit: AuditLog) {
        store.audit = audit
    }
}
