import Foundation
import HwbCore
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// Version 3 snapshots hold the store's policy: a store saved after `policy set` loads
/// under the policy it was saved with, its deletion days as they were; version 2 files
/// load under the guidance's; a policy block that is not what hwbsh writes is refused.
@Suite struct SnapshotPolicyTests {
    /// A policy unlike the guidance in every parameter but `expiring`.
    static let changed = [
        (Policy.Name.deletion, "9m"), (.inactivity, "60d"), (.lastDay, "07-31"), (.keeps, "3m,1m"),
    ]

    /// `store` under `changed`, as the Service Desk sets it.
    static func changePolicy(of store: inout Store) throws {
        let settings = try changed.map { try Policy.Setting(name: $0.0, value: $0.1) }
        let words = changed.map { "\($0.0.rawValue)=\($0.1)" }.joined(separator: " ")
        try store.setPolicy(settings, Context(actor: .serviceDesk, command: "policy set \(words)"))
    }

    /// A store with deactivated accounts (`Scenarios.everyShape`) under `changed`.
    static func storeUnderChangedPolicy() throws -> ShellSession {
        let session = ShellSession(today: "2027-07-01")
        #expect(session.run(Scenarios.everyShape).errors == "")
        try changePolicy(of: &session.shell.store)
        return session
    }

    /// The deactivated accounts of `store`, by id, with the day each was deactivated and
    /// the day its deletion is due.
    static func deletionDays(_ store: Store) -> [String: [CalendarDate?]] {
        let deactivated = store.accounts.values.filter { !$0.isActive }
        return Dictionary(uniqueKeysWithValues: deactivated.map { ($0.id.value, [$0.deactivatedOn, $0.deletionDue]) })
    }


    // MARK: Saved and loaded

    @Test func aChangedPolicySurvivesSaveAndLoad() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let saved = try Self.storeUnderChangedPolicy()
        let path = folder.file("s.hwbs")
        #expect(saved.run("save \(path)").errors == "")
        let loaded = ShellSession(today: "2026-01-01")
        #expect(loaded.run("load \(path)").errors == "")
        let policy = loaded.shell.store.policy
        #expect(policy == saved.shell.store.policy)
        #expect(policy.settings.map(\.value) == ["56d", "60d", "9m", "07-31", "3m,1m"])
        #expect(loaded.shell.store.accounts == saved.shell.store.accounts)
        #expect(loaded.shell.store.audit.all == saved.shell.store.audit.all)

        // Every deactivated account is due for deletion 9 months after its deactivation.
        let days = Self.deletionDays(loaded.shell.store)
        #expect(days.count >= 3, "\(days)")
        #expect(days == Self.deletionDays(saved.shell.store))
        for (id, pair) in days {
            let on = try #require(pair[0])
            #expect(pair[1] == on.addingMonths(9), "\(id)")
        }
        // The loaded store's deletion index is under the 9 months too: ten months on, the
        // sweep deletes the same accounts as the store that was saved.
        for session in [saved, loaded] {
            #expect(session.run("date set 2028-05-01").errors == "")
        }
        #expect(loaded.shell.store.deletionsDue(visibleTo: .serviceDesk) == days.count)
        #expect(saved.shell.store.deletionsDue(visibleTo: .serviceDesk) == days.count)
        #expect(loaded.run("sweep").output == saved.run("sweep").output)
        #expect(loaded.shell.store.accounts == saved.shell.store.accounts)
    }

    /// `--store` folds its journal into a snapshot written by the same code: the policy
    /// of the store it folds is the policy the next opening finds.
    @Test func aFoldedStoreKeepsItsPolicy() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("s.hwbs")
        let saved = try Self.storeUnderChangedPolicy()
        do {
            let (file, opening) = try StoreFile.open(path: path, today: Fixtures.date("2027-07-01"))
            #expect(opening.contents.store.policy == .guidance, "a new store starts with the guidance")
            try file.compact(saved.shell.store, actor: .serviceDesk)
        }
        // Another test's child process may hold the lock for the moment between its fork
        // and its exec (the handle closes on exec): the store is opened again once it has.
        var reopened: Result<StoreFile.Opening, FileError> = .failure(FileError("not opened"))
        for _ in 1...100 {
            reopened = Result { () throws(FileError) in try StoreFile.open(path: path, today: Fixtures.date("2027-07-01")).1 }
            guard case .failure(let error) = reopened, "\(error)".contains("in use by another hwbsh") else { break }
            usleep(10_000)
        }
        let opening = try reopened.get()
        #expect(opening.contents.store.policy == saved.shell.store.policy)
        #expect(Self.deletionDays(opening.contents.store) == Self.deletionDays(saved.shell.store))
    }

    /// The policy block is each parameter's name and value as strings, in the order of
    /// `Policy.Name.allCases`, and it comes before the accounts.
    @Test func thePolicyBlockHoldsEachParameterByName() throws {
        var expected = ByteWriter()
        expected.count(5)
        for (name, value) in [("expiring", "56d"), ("inactivity", "90d"), ("deletion", "12m"), ("last-day", "08-31"),
                              ("keeps", "end-of-next-year,6m,3m,1m")] {
            expected.string(name)
            expected.string(value)
        }
        #expect(Snapshot.encodePolicy(.guidance) == expected.bytes)

        let session = try Self.storeUnderChangedPolicy()
        let parts = try SnapshotParts(Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk)))
        #expect(parts.version == 3)
        #expect(parts.blocks.map(\.tag) == [1, 4, 2, 3], "schools, policy, accounts, audit")
        #expect(parts.blocks[1].bytes == Snapshot.encodePolicy(session.shell.store.policy))
    }

    // MARK: Older versions

    /// A version 2 file holds no policy: it loads under the guidance, every deletion day
    /// 12 months after its deactivation (R14.3). The version 2 file here is a version 3
    /// file without its policy block, which is the whole difference between the two.
    @Test func aVersion2FileLoadsUnderTheGuidance() throws {
        let session = try Self.storeUnderChangedPolicy()
        let version3 = Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk, journalSequence: 7))
        var parts = try SnapshotParts(version3)
        parts.version = 2
        parts.blocks.removeAll { $0.tag == Snapshot.Block.policy.rawValue }
        let contents = try Snapshot.decode(parts.bytes, path: "s.hwbs")
        #expect(contents.store.policy == .guidance)
        #expect(contents.journalSequence == 7)
        #expect(contents.store.audit.all == session.shell.store.audit.all)
        let days = Self.deletionDays(contents.store)
        #expect(days.keys.sorted() == Self.deletionDays(session.shell.store).keys.sorted())
        for (id, pair) in days {
            let on = try #require(pair[0])
            #expect(pair[1] == on.addingMonths(12), "\(id)")
        }
    }

    /// The files earlier hwbsh versions saved (Tests/Fixtures/snapshot-v1 and -v2, which
    /// SnapshotVersionTests load through the shell) load under the guidance.
    @Test(arguments: [1, 2])
    func anOlderFixtureLoadsUnderTheGuidance(_ version: Int) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/snapshot-v\(version)/store.hwbsnap").path
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(bytes.dropFirst(8).first == UInt8(version))
        let contents = try Snapshot.load(path)
        #expect(contents.store.policy == .guidance)
        let days = Self.deletionDays(contents.store)
        #expect(!days.isEmpty)
        for (id, pair) in days {
            let on = try #require(pair[0])
            #expect(pair[1] == on.addingMonths(12), "\(id)")
        }
    }

    /// A file whose version byte says 2 but whose head names the policy block (or the
    /// other way round) is refused: the blocks are those of its version or none.
    @Test(arguments: [UInt32(2), 3])
    func theBlocksMustBeThoseOfTheVersion(_ version: UInt32) throws {
        let session = try Self.storeUnderChangedPolicy()
        var parts = try SnapshotParts(Snapshot.encode(.init(store: session.shell.store, actor: .serviceDesk)))
        if version == 2 {
            parts.version = 2
        } else {
            parts.blocks.removeAll { $0.tag == Snapshot.Block.policy.rawValue }
        }
        let message = try #require(decodeError(parts.bytes))
        #expect(message == "cannot load s.hwbs: it is corrupt (its blocks are not the ones this hwbsh knows)")
    }

    // MARK: Refused policy blocks

    /// A policy block that is not what hwbsh writes, its checksums right (a buggy or
    /// foreign tool), is refused in one line that names the parameter at fault, and
    /// nothing is loaded.
    @Test(arguments: [
        ("an unknown name", [("grace", "1m")], #"its policy sets "grace", which is not a policy parameter"#),
        ("a value in the wrong form", [("deletion", "9x")], #"its policy is wrong: deletion takes Nm or Ny, got "9x""#),
        ("a value out of range", [("deletion", "200m")], "its policy is wrong: deletion must be from 1m to 120m (10y), got 200m"),
        ("a bad day", [("last-day", "02-29")], "its policy is wrong: last-day must be a day of the year as MM-DD"),
        ("an unknown keep period", [("keeps", "2m")], #"its policy is wrong: keeps must list keep periods"#),
        ("a repeated name", [("deletion", "9m")], "its policy sets deletion twice"),
        ("a value not as hwbsh writes it", [("deletion", "1y")], #"its policy's deletion is "1y", which hwbsh writes as 12m"#),
    ])
    func aPolicyBlockNotAsHwbshWritesItIsRefused(_ what: String, _ replacing: [(String, String)], _ problem: String) throws {
        var settings = Policy.guidance.settings.map { ($0.name.rawValue, $0.value) }
        for (name, value) in replacing {
            if what == "a repeated name" || !settings.contains(where: { $0.0 == name }) {
                settings.append((name, value))
            } else {
                settings = settings.map { $0.0 == name ? (name, value) : $0 }
            }
        }
        try expectRefused(policyBlock: Self.block(settings), problem, what)
    }

    @Test func aPolicyBlockWithoutAParameterIsRefused() throws {
        let settings = Policy.guidance.settings.filter { $0.name != .lastDay }.map { ($0.name.rawValue, $0.value) }
        try expectRefused(policyBlock: Self.block(settings), "its policy does not set last-day", "a missing name")
        try expectRefused(policyBlock: Self.block([]), "its policy does not set expiring", "an empty policy")
    }

    @Test func aPolicyBlockOutOfOrderIsRefused() throws {
        let settings = Policy.guidance.settings.reversed().map { ($0.name.rawValue, $0.value) }
        try expectRefused(policyBlock: Self.block(settings), "its policy's parameters are not in the order hwbsh writes them", "reversed")
    }

    @Test func aPolicyBlockThatRunsOnOrStopsShortIsRefused() throws {
        let whole = Snapshot.encodePolicy(.guidance)
        try expectRefused(policyBlock: whole + [0], "its policy runs on", "a byte too many")
        try expectRefused(policyBlock: Array(whole.dropLast()), "policy value runs past the end", "a byte short")
        try expectRefused(policyBlock: [], "policy count runs past the end", "an empty block")
        // A count of 2^62 settings ends at the first one the block does not hold.
        try expectRefused(policyBlock: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40], "policy name runs past the end", "a forged count")
    }

    /// A byte of the policy changed without its checksum: refused by the checksum.
    @Test func aDamagedPolicyIsRefusedByItsChecksum() throws {
        var bytes = Snapshot.encode(.init(store: Fixtures.store(today: "2027-07-01"), actor: .serviceDesk))
        // The deletion delay, 12m, made 62m: a value hwbsh could have written.
        let at = try #require(bytes.firstRange(of: Array("12m".utf8)))
        bytes[at.lowerBound] = UInt8(ascii: "6")
        #expect(decodeError(bytes) == "cannot load s.hwbs: it is corrupt (the checksum of its policy does not match)")
    }

    /// Through the shell: the refused load names the file and the problem in one line and
    /// leaves the store, its policy included, as it was.
    @Test func aRefusedPolicyLeavesTheStoreUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let session = try Self.storeUnderChangedPolicy()
        var parts = try SnapshotParts(Snapshot.encode(.init(store: Fixtures.store(today: "2027-07-01"), actor: .serviceDesk)))
        parts.replaceBlock(.policy, with: Self.block([("deletion", "0m")]))
        let path = try folder.write("bad.hwbs", bytes: parts.bytes)
        let before = ["export json -", "audit", "whoami", "date"].map { session.run($0).output }
        let policy = session.shell.store.policy
        let result = session.run("load \(path)", file: "l.hwb")
        #expect(result.output == "")
        #expect(result.errors == "l.hwb:1:1: error: cannot load \(path): it is corrupt (its policy is wrong: deletion must be from 1m to 120m (10y), got 0m)\n")
        #expect(["export json -", "audit", "whoami", "date"].map { session.run($0).output } == before)
        #expect(session.shell.store.policy == policy)
    }

    /// A policy block of `settings`, names and values as given.
    static func block(_ settings: [(String, String)]) -> [UInt8] {
        var block = ByteWriter()
        block.count(settings.count)
        for (name, value) in settings {
            block.string(name)
            block.string(value)
        }
        return block.bytes
    }

    /// A snapshot of an empty store whose policy block is `policyBlock`, with every
    /// checksum right, is refused with `problem` in a one-line message.
    private func expectRefused(policyBlock: [UInt8], _ problem: String, _ what: String) throws {
        var parts = try SnapshotParts(Snapshot.encode(.init(store: Fixtures.store(today: "2027-07-01"), actor: .serviceDesk)))
        parts.replaceBlock(.policy, with: policyBlock)
        let message = try #require(decodeError(parts.bytes), "\(what) was loaded")
        #expect(message.hasPrefix("cannot load s.hwbs: it is corrupt (\(problem)"), "\(what): \(message)")
        #expect(!message.contains("\n"), "\(what): \(message)")
    }
}

/// A version 2 or 3 snapshot taken apart as docs/snapshot-format.md lays it out (the
/// header's version, the head's fields before its block list, each block's tag and
/// bytes) and put back together with every length and checksum right, so that a test
/// can change a block, drop one, or write an older version.
struct SnapshotParts {
    var version: UInt32
    /// The journal sequence, today and the actor, as the head holds them.
    var headFields: [UInt8]
    var blocks: [(tag: UInt32, bytes: [UInt8])]

    struct Malformed: Error {}

    init(_ bytes: [UInt8]) throws {
        func u32(_ offset: Int) -> UInt32 { bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        func u64(_ offset: Int) -> Int { bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) } }
        guard bytes.count >= Snapshot.headerSize, bytes.starts(with: Snapshot.magic) else { throw Malformed() }
        version = u32(8)
        let headStart = Snapshot.headerSize
        var position = headStart + 8 + 4
        // The actor's length: a LEB128 count, one byte for every actor hwbsh writes.
        guard bytes[position] < 0x80 else { throw Malformed() }
        position += 1 + Int(bytes[position])
        headFields = Array(bytes[headStart..<position])
        let count = Int(u32(position))
        position += 4
        var blockStart = headStart + u64(16)
        blocks = []
        for _ in 0..<count {
            let length = u64(position + 4)
            blocks.append((u32(position), Array(bytes[blockStart..<blockStart + length])))
            blockStart += length
            position += 20
        }
        guard blockStart == bytes.count else { throw Malformed() }
    }

    /// Puts `bytes` in place of the block `block`.
    mutating func replaceBlock(_ block: Snapshot.Block, with bytes: [UInt8]) {
        blocks = blocks.map { $0.tag == block.rawValue ? ($0.tag, bytes) : $0 }
    }

    /// The file: header, head and blocks, every length and checksum as they now are.
    var bytes: [UInt8] {
        var head = ByteWriter()
        head.append(headFields)
        head.u32(UInt32(blocks.count))
        for block in blocks {
            head.u32(block.tag)
            head.u64(UInt64(block.bytes.count))
            head.u64(Checksum.of(block.bytes[...]))
        }
        var file = ByteWriter()
        file.append(Snapshot.magic)
        file.u32(version)
        file.u32(0)
        file.u64(UInt64(head.bytes.count))
        file.u64(Checksum.of(head.bytes[...]))
        file.append(head.bytes)
        for block in blocks { file.append(block.bytes) }
        return file.bytes
    }
}
