import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal

/// The commands that read or write files. Each reads and checks everything first, so a
/// bad file changes nothing.
extension Shell {
    func save(to path: String) throws(ShellError) {
        if let storeFile {
            // With --store, saving also folds the journal; saving onto the store's own
            // snapshot is exactly that, and must not write it without the journal's number.
            switch storeFile.role(of: path) {
            case .snapshot? where StoreFile.resolve(path) != storeFile.path:
                // The fold renames a new snapshot over the store's own name, which would
                // leave this name with the old one.
                throw .file("cannot save to \(path): it is a second name (a hard link) for the snapshot of the store opened with --store; save \(storeFile.path) folds the journal")
            case .snapshot?: break
            case let role?: throw .file("cannot save to \(path): it is the \(role.rawValue) of the store opened with --store")
            case nil: try ShellError.catching(Snapshot.save(.init(store: store, actor: actor), to: path, progress: saving(path)))
            }
            try ShellError.catching(storeFile.compact(store, actor: actor))
            undoAfterFold()
        } else {
            try ShellError.catching(Snapshot.save(.init(store: store, actor: actor), to: path, progress: saving(path)))
        }
        print("saved \(plural(store.accounts.count, "account")) and \(plural(store.schools.count, "school")) to \(path)")
    }

    /// A progress bar for saving `path`, for `Snapshot.save`.
    private func saving(_ path: String) -> (Int) -> Progress? {
        { [self] in progress("saving \(path)", total: $0, unit: .bytes) }
    }

    func load(from path: String) throws(ShellError) {
        let contents = try ShellError.catching(Snapshot.load(path) { [self] in progress("loading \(path)", total: $0, unit: .bytes) })
        let (previousStore, previousActor) = (store, actor)
        store = contents.store
        actor = contents.actor
        if let storeFile {
            // With --store the loaded store becomes the store file's new snapshot at once.
            do throws(ShellError) {
                try ShellError.catching(storeFile.compact(store, actor: actor))
            } catch {
                (store, actor) = (previousStore, previousActor)
                throw error
            }
        }
        undoHistory.clear(.loaded(path))
        print("loaded \(path): \(plural(store.accounts.count, "account")), \(plural(store.schools.count, "school")); today is \(store.today), acting as \(actor)")
    }

    func export(_ format: ExportFormat, to path: String, filters: [AccountFilter]) throws(ShellError) {
        let accounts = store.accounts(visibleTo: actor, matching: filters)
        let bar = path == "-" ? nil : progress("exporting \(path)", total: accounts.count, unit: .accounts)
        defer { bar?.finish() }
        let bytes: [UInt8]
        switch format {
        case .json: bytes = JSONText.document(date: store.today, accounts: accounts, progress: bar)
        case .csv: bytes = CSV.document(accounts, progress: bar)
        }
        if path == "-" { return write(document: bytes) }
        if let role = storeFile?.role(of: path) {
            throw .file("cannot export to \(path): it is the \(role.rawValue) of the store opened with --store")
        }
        try ShellError.catching(FileAccess.writeAtomically(bytes, to: path))
        print("exported \(accounts.count) account\(accounts.count == 1 ? "" : "s") to \(path)")
    }

    func importAccounts(from path: String, _ context: Context) throws(ShellError) {
        // A well-formed file goes straight into columns; anything else is read the careful
        // way below, which says what is wrong with every row.
        if let batch = accountBatch(path) {
            do throws(ImportRefusal) {
                try store.importAccounts(batch, from: path, context, concurrency: .bothCores)
                return print("imported \(plural(batch.count, "account")) from \(path)")
            } catch {}
        }
        let bytes = try fileBytes(path, limit: FileAccess.blockFileLimit)
        let records = try csvRecords(path, bytes: bytes)
        guard let header = records.first else { throw .file("\(path) is empty; expected a header row") }
        var fields: [Account.Field] = []
        for name in header.cells {
            guard let field = Account.Field(rawValue: name) else {
                throw .file("\(path):\(header.line): unknown column \"\(name)\"; columns are the export json keys")
            }
            guard !fields.contains(field) else { throw .file("\(path):\(header.line): column \(name) appears twice") }
            fields.append(field)
        }
        for field in AccountRecord.requiredColumns where !fields.contains(field) {
            throw .file("\(path):\(header.line): the column \(field.rawValue) is missing")
        }
        var accounts: [Account.Fields] = []
        var accountLines: [Int] = []
        var bad: [(line: Int, text: String)] = []
        for record in records.dropFirst() {
            guard record.cells.count == fields.count else {
                bad.append((record.line, "\(record.cells.count) cells, expected \(fields.count)"))
                continue
            }
            switch AccountRecord.decode(AccountRecord.Cells(fields: fields, cells: record.cells)) {
            case .success(let account):
                accounts.append(account)
                accountLines.append(record.line)
            case .failure(let problems):
                bad.append((record.line, problems.description))
            }
        }
        let rowName = { (index: Int) in "line \(accountLines[index])" }
        do throws(ImportRefusal) {
            // With unreadable rows nothing is imported, but the rule check still runs so
            // that every bad row is listed at once.
            let refusal = bad.isEmpty ? nil : store.importProblems(accounts, rowName: rowName)
            if let refusal, !refusal.problems.isEmpty { throw refusal }
            if bad.isEmpty { try store.importAccounts(accounts, from: path, context, rowName: rowName) }
        } catch {
            bad += error.problems.map { (accountLines[$0.row], $0.problems.joined(separator: "; ")) }
        }
        guard bad.isEmpty else { throw refusal(bad, in: path) }
        print("imported \(accounts.count) account\(accounts.count == 1 ? "" : "s") from \(path)")
    }

    /// The rows of an account file read straight into columns (`AccountCSVReader`), or
    /// nil when the careful reader must read it: a regular file is read block by block,
    /// never whole; what cannot be opened that way (a pipe, a missing file) is left to the
    /// careful reader, which says what is wrong.
    private func accountBatch(_ path: String) -> AccountTable? {
        if let bytes = fileOverrides[path] {
            let bar = progress("importing \(path)", total: bytes.count, unit: .bytes)
            defer { bar?.finish() }
            return AccountCSVReader.batch(bytes, deletionMonths: store.policy.deletionMonths, progress: bar)
        }
        guard let file = try? FileAccess.BlockFile(path) else { return nil }
        defer { file.close() }
        let bar = progress("importing \(path)", total: file.size, unit: .bytes)
        defer { bar?.finish() }
        return AccountCSVReader.batch(file, deletionMonths: store.policy.deletionMonths, progress: bar)
    }

    func importSchools(from path: String, _ context: Context) throws(ShellError) {
        let records = try csvRecords(path, bytes: fileBytes(path))
        guard let header = records.first else { throw .file("\(path) is empty; expected the header number,name,maintained") }
        let columns = header.cells
        guard Set(columns) == ["number", "name", "maintained"], columns.count == 3 else {
            throw .file("\(path):\(header.line): expected the columns number,name,maintained, got \(columns.joined(separator: ","))")
        }
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var schools: [School] = []
        var schoolLines: [Int] = []
        var bad: [(line: Int, text: String)] = []
        for record in records.dropFirst() {
            guard record.cells.count == 3 else {
                bad.append((record.line, "\(record.cells.count) cells, expected 3"))
                continue
            }
            let numberText = record.cells[index["number"]!], name = record.cells[index["name"]!]
            let maintainedText = record.cells[index["maintained"]!]
            guard let number = SchoolNumber(numberText) else {
                bad.append((record.line, "number: expected 7 digits, got \"\(numberText)\""))
                continue
            }
            guard maintainedText == "yes" || maintainedText == "no" else {
                bad.append((record.line, "maintained: expected yes or no, got \"\(maintainedText)\""))
                continue
            }
            schools.append(School(number: number, name: name, maintained: maintainedText == "yes"))
            schoolLines.append(record.line)
        }
        let rowName = { (index: Int) in "line \(schoolLines[index])" }
        do throws(ImportRefusal) {
            // With unreadable rows nothing is imported, but the rule check still runs so
            // that every bad row is listed at once (as for accounts).
            let refusal = bad.isEmpty ? nil : store.schoolImportProblems(schools, rowName: rowName)
            if let refusal, !refusal.problems.isEmpty { throw refusal }
            if bad.isEmpty { try store.importSchools(schools, context, rowName: rowName) }
        } catch {
            bad += error.problems.map { (schoolLines[$0.row], $0.problems.joined(separator: "; ")) }
        }
        guard bad.isEmpty else { throw refusal(bad, in: path) }
        print("imported \(schools.count) school\(schools.count == 1 ? "" : "s") from \(path)")
    }

    /// An import refused as a whole: its first bad rows in file order, then how many more.
    private func refusal(_ bad: [(line: Int, text: String)], in path: String) -> ShellError {
        var rows = bad.sorted { $0.line < $1.line }.prefix(Self.badRowsShown).map { "\(path):\($0.line): \($0.text)" }
        if bad.count > Self.badRowsShown { rows.append("and \(plural(bad.count - Self.badRowsShown, "more bad row"))") }
        return .detailed("import refused, nothing imported: \(plural(bad.count, "bad row")) in \(path)", details: rows)
    }

    /// How many bad rows an import refusal lists.
    static let badRowsShown = 20

    /// The bytes of a file to import: those journaled with the command when it is
    /// replayed (`--store`), else the file's.
    private func fileBytes(_ path: String, limit: Int = FileAccess.wholeFileLimit) throws(ShellError) -> [UInt8] {
        if let bytes = fileOverrides[path] { return bytes }
        return try ShellError.catching(FileAccess.read(path, limit: limit))
    }

    private func csvRecords(_ path: String, bytes: [UInt8]) throws(ShellError) -> [CSV.Record] {
        let text = try ShellError.catching(FileAccess.text(bytes, path: path))
        do {
            return try CSV.records(in: text)
        } catch {
            throw .file("\(path):\(error.line): \(error.message)")
        }
    }

    func runScript(at path: String) throws(ShellError) {
        guard session.runDepth < Session.maximumRunDepth else {
            throw .file("run \(path): scripts nested more than \(Session.maximumRunDepth) deep (does a script run itself?)")
        }
        let bytes = try ShellError.catching(FileAccess.read(path))
        // A script run from the terminal stops at its first failure like any script (or
        // goes on with --keep-going); the session itself then goes on. `quit` leaves.
        let (outerKeepGoing, failuresBefore) = (keepGoing, failureCount)
        keepGoing = scriptsKeepGoing
        session.runDepth += 1
        run(ScriptLines(bytes: bytes), file: path)
        session.runDepth -= 1
        keepGoing = outerKeepGoing
        session.stopRequested = quitRequested || (failureCount > failuresBefore && !keepGoing)
    }
}
