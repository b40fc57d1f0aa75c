import Foundation
import HwbCore
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// The snapshot file: every damaged byte or missing tail is refused with a message
/// that says what is wrong, and a refused load leaves the store as it was.
@Suite struct SnapshotFileTests {
    /// A small snapshot holding an account of every shape and an audit log.
    private func goodSnapshot() throws -> [UInt8] {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run(Scenarios.everyShape, file: "setup.hwb").errors == "")
        return Snapshot.encode(.init(store: session.shell.store, actor: session.shell.actor))
    }


    @Test func roundTripsTheWholeStore() throws {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.everyShape + "\nlogin la-admin 661", file: "setup.hwb")
        let bytes = Snapshot.encode(.init(store: session.shell.store, actor: session.shell.actor, journalSequence: 42))
        let contents = try #require(try? Snapshot.decode(bytes, path: "s.hwbs"))
        #expect(contents.store.accounts == session.shell.store.accounts)
        #expect(contents.store.schools == session.shell.store.schools)
        #expect(contents.store.audit.all == session.shell.store.audit.all)
        #expect(contents.store.today == session.shell.store.today)
        #expect(contents.actor == .laAdmin(661))
        #expect(contents.journalSequence == 42)
    }

    /// Issue 4: every byte of a small snapshot flipped in turn is refused cleanly.
    @Test func everyFlippedByteIsRefused() throws {
        let good = try goodSnapshot()
        #expect(decodeError(good) == nil)
        var accepted: [Int] = []
        for index in good.indices {
            var bad = good
            bad[index] ^= 0x5A
            if decodeError(bad) == nil { accepted.append(index) }
        }
        #expect(accepted.isEmpty, "flipped bytes accepted at \(accepted.prefix(10))")
    }

    /// Issue 4: every truncation is refused, naming how much is missing.
    @Test func everyTruncationIsRefused() throws {
        let good = try goodSnapshot()
        for length in 0..<good.count {
            let message = decodeError(Array(good.prefix(length)))
            #expect(message != nil, "accepted a snapshot cut to \(length) bytes")
            if length >= Snapshot.headerSize { #expect(message?.contains("truncated") == true) }
        }
    }

    @Test(arguments: [
        ("a text file", Array("this is not a snapshot\n".utf8), "not an hwbsh snapshot"),
        ("an empty file", [], "not an hwbsh snapshot"),
        ("JSON", Array(#"{"format": "hwbsh-snapshot", "version": 1}"#.utf8), "not an hwbsh snapshot"),
    ])
    func foreignFilesAreRefused(_ what: String, _ bytes: [UInt8], _ message: String) {
        #expect(decodeError(bytes)?.contains(message) == true, "\(what)")
    }

    @Test func aNewerVersionIsNamed() throws {
        var bytes = try goodSnapshot()
        #expect(bytes[8] == 3, "save writes version 3")
        bytes[8] = 4
        #expect(decodeError(bytes) == "cannot load s.hwbs: it is a version 4 snapshot; this hwbsh reads versions 1 to 3")
    }

    @Test func extraBytesAreRefused() throws {
        #expect(decodeError(try goodSnapshot() + [0])?.contains("too many") == true)
    }

    /// A snapshot whose checksum is right but whose content breaks R14 (written by a
    /// buggy or foreign tool) is refused by the invariant check.
    @Test func aSnapshotBreakingTheInvariantsIsRefused() throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.create(Fixtures.newAccount("jo"), Fixtures.context)
        var bytes = Snapshot.encode(.init(store: store, actor: .serviceDesk))
        // Remove the school directory entry of 6612001 by renumbering it to 6612009.
        let number = Array(withUnsafeBytes(of: UInt32(6_612_001).littleEndian, Array.init))
        let renumbered = Array(withUnsafeBytes(of: UInt32(6_612_009).littleEndian, Array.init))
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + 4, bytes.count)]) == number })
        bytes.replaceSubrange(at..<at + 4, with: renumbered)
        reseal(&bytes)
        let message = try #require(decodeError(bytes))
        #expect(message.contains("6612001"), "\(message)")
    }

    /// Columns whose checksums are right but whose values no account can hold (written by
    /// a buggy or foreign tool) are refused, naming the account's place.
    @Test(arguments: [
        ("jo", "JO", "the id is not a lower-case account id"),
        ("jo", "j\u{7}", "the id is not a lower-case account id"),
        ("Test jo", "Test \u{FF}o", "the name is not UTF-8"),
    ])
    func columnsNoAccountCanHoldAreRefused(_ original: String, _ forged: String, _ message: String) throws {
        var store = Fixtures.store(today: "2027-07-01")
        try store.create(Fixtures.newAccount("jo"), Fixtures.context)
        var bytes = Snapshot.encode(.init(store: store, actor: .serviceDesk))
        // The text arena holds "jo" then "Test jo"; the audit log comes after it.
        let arena = Array("joTest jo".utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + arena.count, bytes.count)]) == arena })
        let offset = original == "jo" ? 0 : 2
        var replacement = Array(forged.utf8)
        if forged.contains("\u{FF}") { replacement = Array("Test ".utf8) + [0xFF, UInt8(ascii: "o")] }
        #expect(replacement.count == original.utf8.count)
        bytes.replaceSubrange(at + offset..<at + offset + replacement.count, with: replacement)
        reseal(&bytes)
        let error = try #require(decodeError(bytes))
        #expect(error.contains("account 1 of 1: \(message)"), "\(error)")
    }

    /// A refused load, through the shell, changes nothing and says which file.
    @Test func aRefusedLoadLeavesTheStoreUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bad = try goodSnapshot()
        bad[bad.count / 2] ^= 1
        let path = try folder.write("bad.hwbs", bytes: bad)
        let session = ShellSession(today: "2026-01-01")
        session.run(Scenarios.schools + "\n" + #"create jo name="Jo" category=governor school=6612001"#)
        let before = ["export json -", "audit", "whoami", "date"].map { session.run($0).output }
        let result = session.run("load \(path)", file: "l.hwb")
        #expect(result.output == "")
        #expect(result.errors.hasPrefix("l.hwb:1:1: error: cannot load \(path): it is corrupt"))
        #expect(["export json -", "audit", "whoami", "date"].map { session.run($0).output } == before)
        #expect(session.run("load \(folder.file("missing.hwbs"))").errors.contains("No such file"))
    }

    @Test func savedFilesAreReadableByTheirOwnerOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = ShellSession(today: "2027-07-01")
        session.run("save \(folder.file("s.hwbs"))")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.file("s.hwbs"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// Puts right every checksum of a file of the current version after its bytes were
    /// changed: each block's in the head, then the head's in the header.
    private func reseal(_ bytes: inout [UInt8]) {
        func u64(at offset: Int) -> Int { bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) } }
        func setU64(_ value: UInt64, at offset: Int) {
            for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
        }
        let headStart = Snapshot.headerSize, headLength = u64(at: 16)
        var position = headStart + 8 + 4
        let actorLength = Int(bytes[position]) // a short actor: one LEB128 byte
        position += 1 + actorLength + 4
        var blockStart = headStart + headLength
        for _ in 0..<Snapshot.Block.written(in: Snapshot.version).count {
            let length = u64(at: position + 4)
            setU64(Checksum.of(bytes[blockStart..<blockStart + length]), at: position + 12)
            blockStart += length
            position += 20
        }
        setU64(Checksum.of(bytes[headStart..<headStart + headLength]), at: 24)
    }
}

/// Saving after deletions: the rows freed by the sweep and reused by new accounts are
/// written without the text they left behind.
@Suite struct SnapshotAfterDeletionTests {
    @Test func aStoreWhoseLastRowWasDeletedAndReusedSavesAndLoads() throws {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        session.run(#"create keep.me name="Kept" category=governor school=6612001"#)
        session.run(#"create gone.soon name="A long name that leaves text behind" category=governor school=6612001"#)
        session.run("close gone.soon now")
        session.run("date set 2028-07-02")
        session.run("signin keep.me; reactivate keep.me")
        #expect(session.run("sweep").output.contains("deleted   gone.soon"))
        // The new account takes the deleted one's row, the last row of the table.
        session.run(#"create new.one name="N" category=governor school=6612002"#)
        let bytes = Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk))
        let contents = try Snapshot.decode(bytes, path: "s.hwbs")
        #expect(contents.store.accounts == session.shell.store.accounts)
        #expect(contents.store.accounts.count == 2)
    }

    /// A table with a deleted row is written a piece at a time; a name longer than a
    /// piece (64 KiB) goes through whole.
    @Test func aNameLongerThanAPieceSavesAfterADeletion() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "Llewelyn ", count: 8_000)
        let header = "id,name,kind,school,status,created,lastActivity,content,category,expires,closeAtExpiry,"
            + "role,leavingDate,pendingSchool,deactivatedOn,deletionDue,reason\n"
        let rows = "gone.soon,G,non-mis,6612001,deactivated,2025-01-01,2025-01-01,0,governor,2026-08-31,false,,,,2026-06-01,2027-06-01,closed\n"
            + "long.name,\(long),non-mis,6612001,active,2027-01-01,2027-06-01,0,governor,2027-08-31,false,,,,,,\n"
        let file = try folder.write("accounts.csv", bytes: Array((header + rows).utf8))
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        #expect(session.run("import accounts \(file)").errors == "")
        #expect(session.run("sweep").output.contains("deleted   gone.soon"))
        let bytes = Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk))
        let contents = try Snapshot.decode(bytes, path: "s.hwbs")
        #expect(contents.store.accounts == session.shell.store.accounts)
        #expect(contents.store.accounts[try #require(AccountID("long.name"))]?.name == long)
    }

    /// R10.4: the log holds the texts of a deleted account's earlier entries in memory,
    /// but a snapshot holds only what the log still shows: its deletion summary.
    @Test func aDeletedAccountsPersonalDataNeverReachesTheFile() throws {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        session.run(#"create kept.one name="Kept" category=governor school=6612001"#)
        session.run(#"create gone.soon name="Gwenllian Private-Name" category=governor school=6612001"#)
        session.run("content gone.soon 7; close gone.soon now")
        session.run("date set 2028-07-02")
        session.run("signin kept.one; reactivate kept.one")
        #expect(session.run("sweep").output.contains("deleted   gone.soon (7)"))
        let bytes = Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk))
        #expect(bytes.firstRange(of: Array("Private-Name".utf8)) == nil)
        #expect(bytes.firstRange(of: Array("gone.soon".utf8)) != nil)
        let contents = try Snapshot.decode(bytes, path: "s.hwbs")
        #expect(contents.store.audit.all == session.shell.store.audit.all)
        let gone = try #require(AccountID("gone.soon"))
        let history = contents.store.history(of: gone)
        #expect(history.map(\.action.description) == ["deleted with 7 content items"])
        #expect(history.first?.changes == [.init(field: .content, before: .number(7), after: .null)])
    }

    /// The sweep's entries keep their dates as days; shown and saved, they read as the
    /// dates they were.
    @Test func theSweepsEntriesReadBackWithTheirDates() throws {
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        session.run(#"create ann.gov name="Ann" category=governor school=6612001 expires=2027-07-10"#)
        session.run("date set 2027-07-20; sweep")
        let ann = try #require(AccountID("ann.gov"))
        let entry = try #require(session.shell.store.history(of: ann).last)
        #expect(entry.action == .deactivated(.expired))
        #expect(entry.changes.map(\.field) == [.status, .deactivatedOn, .deletionDue, .reason])
        #expect(entry.changes.map(\.after) == [.string("deactivated"), .string("2027-07-11"), .string("2028-07-11"), .string("expired")])
        let bytes = Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk))
        #expect(try Snapshot.decode(bytes, path: "s.hwbs").store.audit.all == session.shell.store.audit.all)
    }
}

/// The bytes versions 2 and 3 write for each enum value are the ones its reader takes back.
@Suite struct SnapshotCodeTests {
    @Test func everyEnumValueReadsBackAsItself() throws {
        for (index, kind) in Account.Kind.allCases.enumerated() { #expect(Snapshot.code(kind) == UInt8(index)) }
        #expect(Snapshot.code(nil as Account.Reason?) == 0)
        for (index, reason) in Account.Reason.allCases.enumerated() { #expect(Snapshot.code(reason) == UInt8(index + 1)) }
        #expect(Snapshot.code(nil as Account.Role?) == 0)
        for (index, role) in Account.Role.allCases.enumerated() { #expect(Snapshot.code(role) == UInt8(index + 1)) }
        #expect(Snapshot.code(nil as Account.Category?) == 0)
        for (index, category) in Account.Category.allCases.enumerated() {
            #expect(Snapshot.code(category) == UInt8(index + 1))
        }
    }
}

/// A snapshot names what an audit entry did in words; words that no action writes make
/// the file malformed rather than some other action.
@Suite struct SnapshotActionTests {
    @Test func wordsNoActionWritesAreRefused() {
        #expect(throws: ByteReader.Malformed.self) { try Snapshot.action("kept 12m") }
        #expect((try? Snapshot.action("kept 6m")) == .kept(.sixMonths))
        #expect((try? Snapshot.action("imported")) == .imported)
    }
}
