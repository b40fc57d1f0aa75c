/// An import refused as a whole, with what is wrong with each bad row.
public struct ImportRefusal: Error, Sendable, Equatable {
    /// The positions of the bad rows among the rows given (0-based), each with its problems.
    public var problems: [(row: Int, problems: [String])]

    public static func == (lhs: ImportRefusal, rhs: ImportRefusal) -> Bool {
        lhs.problems.elementsEqual(rhs.problems) { $0.row == $1.row && $0.problems == $1.problems }
    }
}

extension Store {
    /// `import accounts`: adds the accounts as they are (status and dates included) after
    /// checking every one against R4 and R14.1-3. All or nothing.
    public mutating func importAccounts(_ rows: [Account], _ context: Context) throws(ImportRefusal) {
        var seen: [AccountID: Int] = [:]
        var refusal = ImportRefusal(problems: [])
        for (index, account) in rows.enumerated() {
            var problems = self.problems(with: account)
            if accounts[account.id] != nil {
                problems.insert("id \(account.id) is already in the store (R14.1)", at: 0)
            } else if let first = seen[account.id] {
                problems.insert("id \(account.id) repeats row \(first + 1) (R14.1)", at: 0)
            }
            seen[account.id] = seen[account.id] ?? index
            if !problems.isEmpty { refusal.problems.append((index, problems)) }
        }
        guard refusal.problems.isEmpty else { throw refusal }
        let context = context.system
        for account in rows {
            replace(nil, with: account)
            record(context, rule: .r14, action: "imported", account: account, changes: Account.changes(from: nil, to: account))
        }
    }

    /// `import schools`: adds schools to the directory (R3). All or nothing.
    public mutating func importSchools(_ rows: [School], _ context: Context) throws(ImportRefusal) {
        var trial = self
        var refusal = ImportRefusal(problems: [])
        for (index, school) in rows.enumerated() {
            do throws(RuleError) {
                try trial.addSchool(school, context)
            } catch {
                refusal.problems.append((index, [error.description]))
            }
        }
        guard refusal.problems.isEmpty else { throw refusal }
        self = trial
    }
}
