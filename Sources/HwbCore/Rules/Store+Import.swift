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
    /// checking every one against R4 and R14.1-3. All or nothing, recorded as one audit
    /// entry for `file`. `rowName` names a row in messages (`row 3`, or a line of the file).
    public mutating func importAccounts(
        _ rows: [Account.Fields], from file: String = "rows", _ context: Context,
        rowName: (Int) -> String = { "row \($0 + 1)" }
    ) throws(ImportRefusal) {
        let refusal = importProblems(rows, rowName: rowName)
        guard refusal.problems.isEmpty else { throw refusal }
        // Every row is sound, so it has a typed view and the columns can hold it as it is.
        var read = AccountTable.Rows()
        for fields in rows {
            guard let account = try? Account(fields, policy: policy) else { preconditionFailure("row \(fields.id) passed the checks but has no typed view") }
            var id = account.id.value, name = account.name
            id.withUTF8 { id in
                name.withUTF8 { name in
                    read.append(id: UnsafeRawBufferPointer(id), name: UnsafeRawBufferPointer(name), AccountTable.RowValues(account))
                }
            }
        }
        var batch = AccountTable()
        batch.deletionMonths = policy.deletionMonths
        batch.append(read)
        try importAccounts(batch, from: file, context, rowName: rowName)
    }

    /// What is wrong with each row of an account import; no problems means it can go in.
    public func importProblems(_ rows: [Account.Fields], rowName: (Int) -> String = { "row \($0 + 1)" }) -> ImportRefusal {
        var seen: [AccountID: Int] = [:]
        seen.reserveCapacity(rows.count)
        var refusal = ImportRefusal(problems: [])
        for (index, account) in rows.enumerated() {
            var problems = importProblems(with: account)
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
                try NameText.check(school.name)
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

extension Store {
    /// `import accounts` of rows read straight into a table of their own (the fast path
    /// for large files): every row is checked against R4 and R14.1-3 from the columns,
    /// then the rows are taken over in one go, indexed, and recorded as one audit entry
    /// for the file. All or nothing; the refusal lists every bad row, as
    /// `importAccounts(_:_:rowName:)` would.
    ///
    /// The id map is built on one thread while the other checks the rows. Into a store
    /// that has never held an account (the usual bulk load) the rows keep their numbers,
    /// so the indexes are built at the same time, kept only if every row passes: the date
    /// indexes, the largest share, on the second thread, the per-school lists and the
    /// checks after the id map on the first.
    public mutating func importAccounts(
        _ batch: AccountTable, from file: String, _ context: Context, rowName: (Int) -> String = { "row \($0 + 1)" },
        concurrency: Concurrency = .sequential
    ) throws(ImportRefusal) {
        let fresh = accounts.rowCount == 0 && bySchool.isEmpty
        let rows = 0..<Row(batch.rowCount)
        let results = SharedResults<MappedBatch, IndexedBatch>()
        let checker = self
        concurrency.run({
            var mapped = batch
            let repeats = mapped.mapIDs()
            let taken = checker.accounts.isEmpty ? [] : rows.filter { row in
                batch.withIDBytes(row) { checker.accounts.row(ofIDBytes: $0) } != nil
            }
            var bySchool: [SchoolNumber: [Row]]?
            if fresh {
                bySchool = [:]
                Self.addToSchools(rows, of: batch, in: &bySchool!)
            }
            let problems = fresh ? checker.problems(in: batch) : nil
            results.first = MappedBatch(table: mapped, repeats: repeats, taken: taken, bySchool: bySchool, problems: problems)
        }, {
            if fresh {
                var dated = Store(today: checker.today)
                dated.policy = checker.policy
                dated.accounts = batch
                dated.accounts.deletionMonths = checker.policy.deletionMonths
                dated.indexDates(rows)
                results.second = IndexedBatch(dated: dated)
            } else {
                results.second = IndexedBatch(problems: checker.problems(in: batch))
            }
        })
        var problems = results.first!.problems ?? results.second!.problems!
        let (mapped, repeats, taken) = (results.first!.table, results.first!.repeats, results.first!.taken)
        // As `importProblems` says it: an id in the store, else a repeat of an earlier row.
        let takenRows = Set(taken)
        for (row, first) in repeats where !takenRows.contains(row) {
            problems[Int(row), default: []].insert("id \(batch.id(at: row)) repeats \(rowName(Int(first))) (R14.1)", at: 0)
        }
        for row in taken {
            problems[Int(row), default: []].insert("id \(batch.id(at: row)) is already in the store (R14.1)", at: 0)
        }
        let bad = problems.filter { !$0.value.isEmpty }
        guard bad.isEmpty else {
            throw ImportRefusal(problems: bad.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
        guard batch.count > 0 else { return }
        let context = context.system
        let entry = audit.appendImport(AuditEntry(
            date: today, actor: context.auditActor, command: context.command, rule: .r14,
            action: .importedFile(accounts: batch.count, file: file),
            account: nil, school: nil, changes: []), file: file)
        let first = accounts.append(contentsOf: mapped, importEntry: entry)
        if let bySchool = results.first!.bySchool, let dated = results.second!.dated {
            self.bySchool = bySchool
            (byExpiry, byActivity, byLeaving, byDeletion) = (dated.byExpiry, dated.byActivity, dated.byLeaving, dated.byDeletion)
        } else {
            indexRows(from: first)
        }
    }

    /// What the first thread hands back: the batch with its id map, the rows whose id an
    /// earlier row has and those whose id is in the store; for a fresh store, the
    /// per-school lists of its rows and each bad row's problems.
    private struct MappedBatch {
        var table: AccountTable
        var repeats: [(row: Row, first: Row)]
        var taken: [Row]
        var bySchool: [SchoolNumber: [Row]]?
        var problems: [Int: [String]]?
    }

    /// What the second thread hands back: for a fresh store, a store of the batch with its
    /// date indexes built; for any other, each bad row's problems.
    private struct IndexedBatch {
        var dated: Store?
        var problems: [Int: [String]]?

        init(dated: Store) {
            self.dated = dated
        }

        init(problems: [Int: [String]]) {
            self.problems = problems
        }
    }

    /// R4, R14.1-3 on every row of a batch, from its columns: what is wrong with each bad
    /// row (its id apart: whether it repeats or is taken is found with the id map).
    func problems(in batch: AccountTable) -> [Int: [String]] {
        var problems: [Int: [String]] = [:]
        let maintained = maintainedSchools()
        var bad = (0..<Row(batch.rowCount)).filter { !isAcceptable($0, of: batch, maintained: maintained) }
        bad += misplacedPendingRows(of: batch)
        bad += batch.rowsWithRefusedNames()
        for row in bad { problems[Int(row)] = importProblems(with: batch.fields(at: row)) }
        return problems
    }

    /// What is wrong with an account that comes in from a file: R4 and R14.1-3
    /// (`problems(with:)`, which snapshots are held to as well), and a name with a control
    /// character (`NameText`).
    func importProblems(with account: Account.Fields) -> [String] {
        var problems = problems(with: account)
        if let problem = NameText.problem(in: account.name) { problems.append(problem) }
        return problems
    }

    /// R4, R14.1-3 on a row of a batch, read from its columns: true when
    /// `problems(with: batch.fields(at: row))` would find nothing, but for a pending school
    /// (`misplacedPendingRows`). (`deletionDue` is not stored: it is always 12 months
    /// after `deactivatedOn`.)
    func isAcceptable(_ row: AccountTable.Row, of batch: AccountTable, maintained: [Bool]) -> Bool {
        let r = Int(row)
        guard let position = LocalAuthority.position(of: batch.schools[r]), maintained[position],
              batch.contents[r] >= 0, batch.lastActivity[r] >= batch.created[r]
        else { return false }
        let deactivated = batch.reasons[r] != nil
        guard deactivated == (batch.deactivatedOn[r] != AccountTable.noDate) else { return false }
        switch batch.kinds[r] {
        case .mis?:
            guard batch.roles[r] != nil, batch.categories[r] == nil, batch.expires[r] == AccountTable.noDate,
                  !batch.closeAtExpiry[r]
            else { return false }
            if deactivated && (batch.reasons[r] != .left || batch.leaving[r] != batch.deactivatedOn[r]) { return false }
        case .nonMIS?:
            guard batch.categories[r] != nil, batch.expires[r] != AccountTable.noDate,
                  batch.roles[r] == nil, batch.leaving[r] == AccountTable.noDate
            else { return false }
        case nil:
            return false
        }
        return true
    }

    /// R9: the rows of a batch whose pending school is out of place (only deactivated
    /// MIS staff wait for a maintained school). Apart from `isAcceptable`, which cannot
    /// afford to look each row up among the few that have one.
    func misplacedPendingRows(of batch: AccountTable) -> [AccountTable.Row] {
        batch.pendingSchools.compactMap { row, pending in
            let r = Int(row)
            let fits = batch.kinds[r] == .mis && batch.roles[r] == .staff && batch.reasons[r] != nil
                && schools[pending]?.maintained == true
            return fits ? nil : row
        }
    }

    /// Whether each Welsh school number (`LocalAuthority.position`) is a maintained
    /// school in the directory.
    func maintainedSchools() -> [Bool] {
        var maintained = [Bool](repeating: false, count: LocalAuthority.schoolNumberCount)
        for school in schools.values where school.maintained {
            if let position = LocalAuthority.position(of: Int32(school.number.value)) { maintained[position] = true }
        }
        return maintained
    }

    /// Enters the rows from `first` on (all at maintained schools) in the per-school and
    /// date indexes.
    mutating func indexRows(from first: AccountTable.Row) {
        let rows = first..<AccountTable.Row(accounts.rowCount)
        Self.addToSchools(rows, of: accounts, in: &bySchool)
        indexDates(rows)
    }

    /// Adds `rows` of `table` (all at maintained schools) to the per-school lists
    /// `bySchool`: the rows are grouped by school first, so that each school's list grows
    /// once.
    static func addToSchools(
        _ rows: Range<AccountTable.Row>, of table: AccountTable, in bySchool: inout [SchoolNumber: [AccountTable.Row]]
    ) {
        var counts = [Int32](repeating: 0, count: LocalAuthority.schoolNumberCount + 1)
        for row in rows { counts[LocalAuthority.position(of: table.schools[Int(row)])! + 1] += 1 }
        for position in 1..<counts.count { counts[position] += counts[position - 1] }
        var grouped = [AccountTable.Row](repeating: 0, count: rows.count)
        for row in rows {
            let position = LocalAuthority.position(of: table.schools[Int(row)])!
            grouped[Int(counts[position])] = row
            counts[position] += 1
        }
        var start = 0
        while start < grouped.count {
            let school = table.school(at: grouped[start])
            var end = start + 1
            while end < grouped.count, table.schools[Int(grouped[end])] == Int32(school.value) { end += 1 }
            bySchool[school, default: []].append(contentsOf: grouped[start..<end])
            start = end
        }
    }
}
