import Foundation
import HwbCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files behind `--store FILE`: the snapshot FILE, its write-ahead journal
/// FILE.journal and a lock FILE.lock.
///
/// Every changing command is appended to the journal and flushed to disk before it runs,
/// so a command whose result was printed is never lost. The journal is folded into a
/// new snapshot (written atomically) on `save`, on exit and when it grows large; each
/// record carries a sequence number and the snapshot records the last one it holds, so a
/// crash between the two steps never applies a record twice.
///
/// Two locks keep a second hwbsh out: FILE.lock, found by name, and a lock on the snapshot
/// file itself, which a second name for it (a hard link, with a lock file of its own)
/// shares. Each fold locks the new snapshot before renaming it into place.
public final class StoreFile {
    public let path: String
    var journalPath: String { path + ".journal" }
    var lockPath: String { path + ".lock" }

    /// Journal records before compaction (tests set it low with HWBSH_JOURNAL_LIMIT).
    public let recordLimit: Int
    public static let defaultRecordLimit = 10_000
    private let lockHandle: Int32
    /// The snapshot file, open and locked with `flock`.
    private var snapshotHandle: Int32
    private var journalHandle: Int32
    /// The layout records are appended in: that of the journal as it was opened (version 1
    /// when an earlier hwbsh began it), until a fold empties it.
    public private(set) var journalFormat: JournalReading.Format
    private(set) var sequence: UInt64
    private var recordsSinceCompaction: Int

    /// What opening found: the snapshot's contents, the journal records still to replay
    /// and any warning for the user.
    public struct Opening: Sendable {
        public var contents: Snapshot.Contents
        public var records: [JournalRecord]
        public var warnings: [String]
    }

    /// What `--recover` may do with a damaged journal.
    public enum Recovery {
        /// Ask (at a terminal), and go ahead only on yes.
        case ask((String) -> Bool)
        /// Go ahead without asking (`--yes`).
        case proceed
        /// Nobody to ask and no `--yes`: refuse.
        case refuse
    }

    private init(
        path: String, handles: (lock: Int32, snapshot: Int32, journal: Int32), journalFormat: JournalReading.Format,
        sequence: UInt64, pending: Int, recordLimit: Int
    ) {
        self.path = path
        (lockHandle, snapshotHandle, journalHandle) = handles
        self.journalFormat = journalFormat
        self.sequence = sequence
        self.recordsSinceCompaction = pending
        self.recordLimit = recordLimit
    }

    deinit {
        close(journalHandle)
        if snapshotHandle >= 0 { close(snapshotHandle) }
        close(lockHandle)
    }

    /// The files of a store, as `save` and `export` must not overwrite them.
    public enum Role: String, Sendable {
        case snapshot, journal, lock
    }

    /// Which of the store's files `other` names, after links are followed; nil for none.
    /// A file that exists is known by what it is (its device and inode), so that a hard
    /// link to one of the store's files is caught too.
    public func role(of other: String) -> Role? {
        var info = stat()
        if stat(other, &info) == 0 {
            for (role, file) in [(Role.snapshot, path), (.journal, journalPath), (.lock, lockPath)] {
                var own = stat()
                if stat(file, &own) == 0, own.st_dev == info.st_dev, own.st_ino == info.st_ino { return role }
            }
            return nil
        }
        let resolved = StoreFile.resolve(other)
        if resolved == path { return .snapshot }
        if resolved == journalPath { return .journal }
        if resolved == lockPath { return .lock }
        return nil
    }

    /// `path` with symbolic links followed (for a file not yet there, its folder's), so that
    /// two names for one store share one lock and one journal.
    public static func resolve(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        if access(path, F_OK) == 0 { return url.resolvingSymlinksInPath().path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }

    /// Locks and opens the store at `path`: a new, empty store dated `today` when the file
    /// does not exist yet. A damaged journal stops the opening before anything on disk
    /// changes, unless `recovery` (`--recover`) says to keep its sound records.
    public static func open(
        path given: String, today: CalendarDate, recordLimit: Int = defaultRecordLimit, recovery: Recovery? = nil
    ) throws(FileError) -> (StoreFile, Opening) {
        guard !given.isEmpty else { throw FileError("--store needs a file name") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue {
            throw FileError("cannot open \(given) as a store: it is a folder")
        }
        let path = resolve(given)
        let lockHandle = try lock(path + ".lock", store: given)
        var snapshotHandle: Int32 = -1
        var opened = false
        defer {
            if !opened {
                if snapshotHandle >= 0 { close(snapshotHandle) }
                close(lockHandle)
            }
        }
        if access(path, F_OK) == 0 {
            snapshotHandle = try lockSnapshot(path, store: given)
        }

        // The journal is read, and refused if damaged, before anything on disk changes.
        let journalPath = path + ".journal"
        var linkInfo = stat()
        if lstat(journalPath, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            throw FileError("\(journalPath) is a symbolic link; a store's journal is a file of its own, so nothing was opened or changed")
        }
        var warnings: [String] = []
        var reading = try readJournal(journalPath)
        if let recovery {
            if reading.isDamaged {
                warnings.append(try recover(reading, journalPath: journalPath, recovery: recovery))
                reading = try readJournal(journalPath)
            } else if refusal(of: reading, journalPath: journalPath, store: given) == nil {
                warnings.append("--recover: \(journalPath) is not damaged, so nothing was moved")
            }
        }
        if let refusal = refusal(of: reading, journalPath: journalPath, store: given) { throw refusal }

        var contents = Snapshot.Contents(store: Store(today: today), actor: .serviceDesk)
        removeLeftoverTemporaryFiles(of: path)
        if snapshotHandle >= 0 {
            contents = try Snapshot.load(path, as: given)
        } else {
            // A new store: its first snapshot fixes its start date before any journal
            // record depends on it.
            snapshotHandle = try saveLocked(contents, to: path)
        }
        if reading.problem == .tornTail {
            warnings.append("\(journalPath): dropped a torn last record (\(reading.size - reading.soundLength) bytes written when hwbsh stopped)")
            guard truncate(journalPath, off_t(reading.soundLength)) == 0 else {
                throw FileError("cannot repair \(journalPath): \(FileAccess.systemError())")
            }
        }
        let records = reading.records.filter { $0.sequence > contents.journalSequence }
        // A new journal is made like every file hwbsh makes (FileAccess.createFile); an
        // existing one is opened only as itself, never through a link.
        if access(journalPath, F_OK) != 0 { close(try FileAccess.createFile(journalPath)) }
        let journalHandle = Glibc.open(journalPath, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard journalHandle >= 0 else { throw FileError("cannot open \(journalPath): \(FileAccess.systemError())") }
        let sequence = max(contents.journalSequence, records.last?.sequence ?? 0)
        opened = true
        let file = StoreFile(
            path: path, handles: (lockHandle, snapshotHandle, journalHandle),
            journalFormat: reading.soundLength == 0 ? .empty : reading.format,
            sequence: sequence, pending: records.count, recordLimit: recordLimit)
        return (file, Opening(contents: contents, records: records, warnings: warnings))
    }

    /// The journal at `journalPath`, read a block at a time; empty when there is none.
    private static func readJournal(_ journalPath: String) throws(FileError) -> JournalReading {
        guard access(journalPath, F_OK) == 0 else { return JournalReading(format: .empty) }
        let file = try FileAccess.BlockFile(journalPath, largest: .max)
        defer { file.close() }
        do {
            return try JournalReading.read(file)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError("cannot read \(journalPath): \(error)")
        }
    }

    /// Why a journal read as `reading` cannot be opened, or nil when it can: one line that
    /// says what is wrong and what to do.
    private static func refusal(of reading: JournalReading, journalPath: String, store: String) -> FileError? {
        let recover = "hwbsh --store \(store) --recover"
        switch reading.problem {
        case .damagedRecord(let number)?:
            let keep = number == 1 ? "To move the journal aside and open the store without it"
                : "To keep the \(records(number - 1)) before it and move the journal aside"
            return FileError("\(journalPath): record \(number) is damaged and sound records follow it; nothing was opened or changed. \(keep), run \(recover)")
        case .damagedHeader?:
            return FileError("\(journalPath): its header is damaged; nothing was opened or changed. To keep the \(records(reading.records.count)) after it and move the journal aside, run \(recover)")
        case .notAJournal?:
            return FileError("\(journalPath) is not an hwbsh journal, or is damaged from its first byte; nothing was opened or changed. To move it aside and open the store without it, run \(recover)")
        case .newerVersion(let version)?:
            return FileError("\(journalPath) is a version \(version) journal; this hwbsh reads versions 1 and 2, so nothing was opened")
        case .tornTail?, nil:
            return nil
        }
    }

    /// "1 record", "3 records".
    static func records(_ count: Int, _ adjective: String = "") -> String {
        "\(count) \(adjective.isEmpty ? "" : adjective + " ")record\(count == 1 ? "" : "s")"
    }

    /// A snapshot write (or a `--recover`) that a crash cut short leaves its temporary
    /// file, holding personal data: those of processes no longer running are removed.
    private static func removeLeftoverTemporaryFiles(of path: String) {
        let (folder, name) = FileAccess.split(path)
        FileAccess.removeDeadTemporaries(in: folder, of: name)
        FileAccess.removeDeadTemporaries(in: folder, of: name + ".journal")
    }

    /// Appends a record for the next command and flushes it to disk.
    public func append(actor: String, command: String, attachments: [String: [UInt8]]) throws(FileError) {
        // Numbers run out only in a journal or snapshot this hwbsh did not write.
        let (next, overflow) = sequence.addingReportingOverflow(1)
        guard !overflow else {
            throw FileError("cannot write \(journalPath): its record numbers are used up (it was not written by hwbsh); nothing changed")
        }
        let record = JournalRecord(sequence: next, actor: actor, command: command, attachments: attachments)
        let start = lseek(journalHandle, 0, SEEK_END)
        // An empty journal starts with the header, written with the first record.
        let bytes = start == 0 ? JournalLayout.header + record.encoded()
            : journalFormat == .version1 ? record.encodedVersion1() : record.encoded()
        // On any failure the part written is taken back, so the journal ends on a whole
        // record and holds nothing the user was told did not happen.
        func fail(_ what: String) -> FileError {
            let reason = FileAccess.systemError()
            _ = ftruncate(journalHandle, start)
            return FileError("cannot \(what) \(journalPath): \(reason); nothing changed")
        }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(journalHandle, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail("write")
            }
            written += count
        }
        guard fsync(journalHandle) == 0 else { throw fail("flush to disk") }
        if start == 0 { journalFormat = .version2 }
        sequence += 1
        recordsSinceCompaction += 1
    }

    public var needsCompaction: Bool { recordsSinceCompaction >= recordLimit }

    /// Whether a fold has work to do: records not yet in the snapshot, or a journal an
    /// earlier hwbsh began, which a fold empties so that the next record starts a version 2 one.
    public var needsFold: Bool { recordsSinceCompaction > 0 || journalFormat == .version1 }

    /// Folds the journal into a new snapshot of `store`, then empties the journal.
    public func compact(_ store: Store, actor: Actor) throws(FileError) {
        let locked = try StoreFile.saveLocked(.init(store: store, actor: actor, journalSequence: sequence), to: path)
        if locked >= 0 {
            if snapshotHandle >= 0 { close(snapshotHandle) }
            snapshotHandle = locked
        }
        // Once the snapshot is in place, emptying the journal is only tidying: records it
        // still holds are numbered within the snapshot's and are never replayed. So the
        // fold has succeeded even if this fails; the next fold tries again.
        if ftruncate(journalHandle, 0) == 0 {
            _ = fsync(journalHandle)
            journalFormat = .empty
        }
        recordsSinceCompaction = 0
    }
}
