import HwbCore
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// `import accounts` reads a well-formed file straight into columns (`AccountCSVReader`)
/// and falls back to the careful reader (`CSV.records`, `AccountRecord.decode`) for
/// anything else. These check that the two never disagree: on what a row holds, and on
/// whether the store takes the file.
@Suite struct FastImportTests {
    static let columns = Account.Field.allCases.map(\.rawValue)

    /// A store with the schools of `Scenarios.schools` (6612001, 6612002, 6622001 maintained;
    /// 6619001 independent).
    static func store() throws -> Store {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        return session.shell.store
    }

    /// One row's cells, sound unless `random` spoils one of them.
    static func row(_ index: Int, _ random: inout SplitMix64, spoil: Bool) -> [String] {
        let schools = ["6612001", "6612002", "6622001"]
        var cells = [String](repeating: "", count: columns.count)
        func set(_ field: Account.Field, _ value: String) { cells[field.ordinal] = value }
        set(.id, "user\(index)." + ["a", "B", "c-d", "e_f@g"].randomElement(using: &random)!)
        set(.name, ["Gwen Jones", "Siân \"Sparky\" Ellis", "Ll, Aber", "Tom\tTab", "", "Ü"].randomElement(using: &random)!)
        set(.school, schools.randomElement(using: &random)!)
        set(.created, "2026-09-01")
        set(.lastActivity, Bool.random(using: &random) ? "2027-0\(Int.random(in: 1...6, using: &random))-15" : "")
        set(.content, String(Int.random(in: 0...500, using: &random)))
        if Bool.random(using: &random) {
            set(.kind, "mis")
            set(.role, Bool.random(using: &random) ? "learner" : "staff")
            if Int.random(in: 0..<4, using: &random) == 0 {
                set(.status, "deactivated")
                set(.leavingDate, "2027-02-28")
                set(.deactivatedOn, "2027-02-28")
                set(.deletionDue, "2028-02-28")
                set(.reason, "left")
                if cells[Account.Field.role.ordinal] == "staff" && Bool.random(using: &random) { set(.pendingSchool, "6612002") }
            } else {
                set(.status, "active")
                if Bool.random(using: &random) { set(.leavingDate, "2027-09-30") }
            }
        } else {
            set(.kind, "non-mis")
            set(.category, Account.Category.allCases.randomElement(using: &random)!.rawValue)
            set(.expires, "2027-08-31")
            set(.closeAtExpiry, ["", "false", "true"].randomElement(using: &random)!)
            if Bool.random(using: &random) {
                set(.status, "active")
            } else {
                set(.status, "deactivated")
                set(.deactivatedOn, "2027-05-31")
                set(.deletionDue, "2028-05-31")
                set(.reason, ["expired", "inactive", "closed"].randomElement(using: &random)!)
            }
        }
        guard spoil else { return cells }
        // Something a careless export or a hand edit could do.
        let field = Account.Field.allCases.randomElement(using: &random)!
        let spoilt = ["", "x", "2027-02-30", "2027-7-1", "MIS", "6612009", "6619001", "-1", "1.5", "true",
                      "learner", "99999999999999999999", "\"", "left", "2028-02-29", "Ab*c", "\u{7}", "Two\nLines"]
        set(field, spoilt.randomElement(using: &random)!)
        return cells
    }

    /// A CSV file of `rows`, with the columns in `order`, CRLF or LF line ends.
    static func file(_ rows: [[String]], order: [Int], crlf: Bool) -> [UInt8] {
        let end = crlf ? "\r\n" : "\n"
        var text = CSV.record(order.map { columns[$0] }, terminator: end)
        for row in rows { text += CSV.record(order.map { row[$0] }, terminator: end) }
        return Array(text.utf8)
    }

    /// What the careful reader makes of the file: every row's account, or nil when a
    /// cell cannot be read.
    static func carefully(_ bytes: [UInt8]) throws -> [Account.Fields]? {
        let records = try CSV.records(in: String(decoding: bytes, as: UTF8.self))
        let fields = try records[0].cells.map { try #require(Account.Field(rawValue: $0)) }
        var accounts: [Account.Fields] = []
        for record in records.dropFirst() {
            guard record.cells.count == fields.count,
                  case .success(let account) = AccountRecord.decode(AccountRecord.Cells(fields: fields, cells: record.cells))
            else { return nil }
            accounts.append(account)
        }
        return accounts
    }

    @Test(arguments: 0..<300)
    func theFastReaderAgreesWithTheCarefulOne(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let rows = (0..<Int.random(in: 1...12, using: &random)).map {
            Self.row($0, &random, spoil: Int.random(in: 0..<8, using: &random) == 0)
        }
        var order = Array(Self.columns.indices)
        if seed % 3 == 0 { order.shuffle(using: &random) }
        let bytes = Self.file(rows, order: order, crlf: seed % 2 == 0)
        let careful = try Self.carefully(bytes)
        guard let batch = AccountCSVReader.batch(bytes) else { return } // the careful path decides
        // Whatever the fast reader takes, the careful reader reads the same.
        let accounts = try #require(careful, "the fast reader took a file the careful one cannot read")
        #expect(batch.count == accounts.count)
        for (row, account) in accounts.enumerated() {
            #expect(batch.fields(at: AccountTable.Row(row)) == account, "row \(row + 1)")
        }
        // And the store takes the batch exactly when it takes the accounts.
        var fast = try Self.store(), slow = try Self.store()
        let context = Context(actor: .serviceDesk, command: "import accounts a.csv")
        let fastResult = Result { () throws(ImportRefusal) in try fast.importAccounts(batch, from: "a.csv", context) }
        let slowResult = Result { () throws(ImportRefusal) in try slow.importAccounts(accounts, from: "a.csv", context) }
        switch (fastResult, slowResult) {
        case (.success, .success):
            #expect(fast.accounts == slow.accounts)
            #expect(fast.audit.all == slow.audit.all)
        case (.failure(let fastRefusal), .failure(let slowRefusal)):
            #expect(fastRefusal == slowRefusal)
        default:
            Issue.record("the batch was \(fastResult), the accounts \(slowResult)")
        }
    }

    /// A file over a megabyte is read in blocks of a megabyte, each cut at a line end; a
    /// quoted name spanning such a line end must not be cut.
    @Test func aQuotedLineBreakAtTheSplitIsNotCut() throws {
        var random = SplitMix64(seed: 7)
        var rows = (0..<12_000).map { Self.row($0, &random, spoil: false) }
        for index in rows.indices { rows[index][Account.Field.name.ordinal] = "Name \(index)" }
        let plain = Self.file(rows, order: Array(Self.columns.indices), crlf: false)
        #expect(plain.count > 1 << 20)
        // Put a name with many line breaks across the middle of the file.
        let middle = rows.count / 2
        rows[middle][Account.Field.name.ordinal] = String(repeating: "line\n", count: 4_000)
        let bytes = Self.file(rows, order: Array(Self.columns.indices), crlf: false)
        let batch = try #require(AccountCSVReader.batch(bytes))
        let accounts = try #require(try Self.carefully(bytes))
        #expect(batch.count == rows.count)
        for row in [0, middle - 1, middle, middle + 1, rows.count - 1] {
            #expect(batch.fields(at: AccountTable.Row(row)) == accounts[row])
        }
    }

    @Test func aLargeFileIsReadTheSameInBlocks() throws {
        var random = SplitMix64(seed: 11)
        let rows = (0..<15_000).map { Self.row($0, &random, spoil: false) }
        let bytes = Self.file(rows, order: Array(Self.columns.indices), crlf: true)
        let batch = try #require(AccountCSVReader.batch(bytes))
        let accounts = try #require(try Self.carefully(bytes))
        #expect(batch.count == accounts.count)
        #expect((0..<accounts.count).allSatisfy { batch.fields(at: AccountTable.Row($0)) == accounts[$0] })
    }

    /// An import into a store that already has accounts keeps every id findable.
    @Test func importingIntoAFullStoreKeepsEveryAccountFindable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var random = SplitMix64(seed: 3)
        let first = (0..<40).map { Self.row($0, &random, spoil: false) }
        let second = (40..<90).map { Self.row($0, &random, spoil: false) }
        let order = Array(Self.columns.indices)
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        session.run(#"create jo name="Jo" category=governor school=6612001"#)
        let one = try folder.write("one.csv", bytes: Self.file(first, order: order, crlf: false))
        let two = try folder.write("two.csv", bytes: Self.file(second, order: order, crlf: false))
        #expect(session.run("import accounts \(one)").errors == "")
        #expect(session.run("import accounts \(two)").errors == "")
        #expect(session.run("count").output == "91\n")
        for cells in first + second {
            let id = try #require(AccountID(cells[Account.Field.id.ordinal]))
            #expect(session.shell.store.accounts[id] != nil, "\(id)")
        }
        // The second import's accounts say which row of which file they came from.
        let id = try #require(AccountID(second[4][Account.Field.id.ordinal]))
        #expect(session.shell.store.history(of: id).first?.action == .importedRow(file: two, row: 5))
    }

    /// A refusal lists the first 20 bad rows and counts the rest.
    @Test func aRefusalListsTwentyBadRowsAndCountsTheRest() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var random = SplitMix64(seed: 5)
        var rows = (0..<50).map { Self.row($0, &random, spoil: false) }
        for index in stride(from: 0, to: 50, by: 2) { rows[index][Account.Field.school.ordinal] = "6612009" }
        let path = try folder.write("a.csv", bytes: Self.file(rows, order: Array(Self.columns.indices), crlf: false))
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        let result = session.run("import accounts \(path)")
        let lines = result.errorLines
        #expect(lines.first?.hasSuffix("import refused, nothing imported: 25 bad rows in \(path)") == true, "\(lines)")
        #expect(lines.filter { $0.contains("\(path):") }.count == 20)
        #expect(lines.last == "  and 5 more bad rows")
        #expect(session.run("count").output == "0\n")
    }
}

/// Rows the careful reader refuses are refused whichever reader reads them.
@Suite struct FastImportRefusalTests {
    @Test(arguments: [
        // Deactivated with no reason: the columns would hold an active account with a
        // deactivation date.
        "id,name,kind,school,status,created,content,category,expires,deactivatedOn,deletionDue\n"
            + "jo,Jo,non-mis,6612001,deactivated,2027-01-01,0,governor,2027-08-31,2027-06-01,2028-06-01\n",
        "id,name,kind,school,status,created,content,category,expires,deactivatedOn,deletionDue,reason\n"
            + "jo,Jo,non-mis,6612001,deactivated,2027-01-01,0,governor,2027-08-31,2027-06-01,2028-06-01,\n",
    ])
    func aDeactivatedRowWithoutAReasonIsRefused(_ file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", file)
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        let result = session.run("import accounts \(path)")
        #expect(result.errors.contains("a deactivated account needs deactivatedOn, deletionDue and reason (R14.3)"),
                "\(result.errors)")
        #expect(session.run("count").output == "0\n")
    }

    /// A file with a header and no rows imports nothing and records nothing.
    @Test func aFileWithNoRowsLeavesNoAuditEntry() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", "id,name,kind,school,status,created,content\n")
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        let before = session.shell.store.audit.count
        #expect(session.run("import accounts \(path)").output == "imported 0 accounts from \(path)\n")
        #expect(session.shell.store.audit.count == before)
    }
}
