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
    /// checking every one against R4 and R14.1-3. All or nothing. `rowName` names a row
    /// in messages (`row 3`, or a line of the file).
    public mutating func importAccounts(
        _ rows: [Account], _ context: Context, rowName: (Int) -> String = { "row \($0 + 1)" }
    ) throws(ImportRefusal) {
        let refusal = importProblems(rows, rowName: rowName)
        guard refusal.problems.isEmpty else { throw refusal }
        let context = context.system
        accounts.reserveCapacity(rows.count)
        for account in rows {
            replace(nil, with: account)
            // The row itself is the account's starting state; the entry says where it came from.
            record(context, rule: .r14, action: "imported", account: account, changes: [])
        }
    }

    /// What is wrong with each row of an account import; no problems means it can go in.
    public func importProblems(_ rows: [Account], rowName: (Int) -> String = { "row \($0 + 1)" }) -> ImportRefusal {
        var seen: [AccountID: Int] = [:]
        seen.reserveCapacity(rows.count)
        var refusal = ImportRefusal(problems: [])
        for (index, account) in rows.enumerated() {
            var problems = self.problems(with: account)
            if accounts.row(of: account.id) != nil {
                problems.insert("id \(account.id) is already in the store (R14.1)", at: 0)
            } else if let first = seen[account.id] {
                problems.insert("id \(account.id) repeats \(rowName(first)) (R14.1)", at: 0)
            }
            seen[account.id] = seen[account.id] ?? index
            if !problems.isEmpty { refusal.problems.append((index, problems)) }
        }
        return refusal
    }

    /// `import schools`: adds schools to the directory (R3). All or nothing.
    public mutating func importSchools(
        _ rows: [School], _ context: Context, rowName: (Int) -> String = { "row \($0 + 1)" }
    ) throws(ImportRefusal) {
        let refusal = schoolImportProblems(rows, rowName: rowName)
        guard refusal.problems.isEmpty else { throw refusal }
        for school in rows { insertSchool(school, context) }
    }

    /// What is wrong with each row of a school import (R3).
    public func schoolImportProblems(_ rows: [School], rowName: (Int) -> String = { "row \($0 + 1)" }) -> ImportRefusal {
        var seen: [SchoolNumber: Int] = [:]
        var refusal = ImportRefusal(problems: [])
        for (index, school) in rows.enumerated() {
            do throws(RuleError) {
                try checkNewSchool(school)
                if let first = seen[school.number] {
                    throw RuleError("school \(school.number) repeats \(rowName(first))", rule: .r3)
                }
                seen[school.number] = index
            } catch {
                refusal.problems.append((index, [error.description]))
            }
        }
        return refusal
    }
}
