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
final class StoreFile {
    let path: String
    var journalPath: String { path + ".journal" }
    var lockPath: String { path + ".lock" }

    /// Journal records before compaction (tests set it low with HWBSH_JOURNAL_LIMIT).
    let recordLimit: Int
    static let defaultRecordLimit = 10_000
    private let lockHandle: Int32
    private var journalHandle: Int32
    private(set) var sequence: UInt64
    private var recordsSinceCompaction: Int

    /// What opening found: the snapshot's contents, the journal records still to replay
    /// and any warning for the user.
    struct Opening {
        var contents: Snapshot.Contents
        var records: [JournalRecord]
        var warnings: [String]
    }

    private init(path: String, lockHandle: Int32, journalHandle: Int32, sequence: UInt64, pending: Int, recordLimit: Int) {
        self.path = path
        self.lockHandle = lockHandle
        self.journalHandle = journalHandle
        self.sequence = sequence
        self.recordsSinceCompaction = pending
        self.recordLimit = recordLimit
    }

    deinit {
        close(journalHandle)
        close(lockHandle)
    }

    /// The files of a store, as `save` and `export` must not overwrite them.
    enum Role: String {
        case snapshot, journal, lock
    }

    /// Which of the store's files `other` names, after links are followed; nil for none.
    func role(of other: String) -> Role? {
        let resolved = StoreFile.resolve(other)
        if resolved == path { return .snapshot }
        if resolved == journalPath { return .journal }
        if resolved == lockPath { return .lock }
        return nil
    }

    /// `path` with symbolic links followed (for a file not yet there, its folder's), so that
    /// two names for one store share one lock and one journal.
    static func resolve(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        if access(path, F_OK) == 0 { return url.resolvingSymlinksInPath().path }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }

    /// Locks and opens the store at `path`: a new, empty store dated `today` when the file
    /// does not exist yet.
    static func open(path given: String, today: CalendarDate, recordLimit: Int = defaultRecordLimit) throws(ShellError) -> (StoreFile, Opening) {
        guard !given.isEmpty else { throw .file("--store needs a file name") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: given, isDirectory: &isFolder), isFolder.boolValue {
            throw .file("cannot open \(given) as a store: it is a folder")
        }
        let path = resolve(given)
        let lockHandle = try lock(path + ".lock", store: given)
        var opened = false
        defer { if !opened { close(lockHandle) } }

        var warnings: [String] = []
        var contents = Snapshot.Contents(store: Store(today: today), actor: .serviceDesk)
        removeLeftoverTemporaryFiles(of: path)
        if access(path, F_OK) == 0 {
            contents = try Snapshot.load(path, as: given)
        } else {
            // A new store: its first snapshot fixes its start date before any journal
            // record depends on it.
            try Snapshot.save(contents, to: path)
        }
        let journalPath = path + ".journal"
        var records: [JournalRecord] = []
        if access(journalPath, F_OK) == 0 {
            let bytes = try FileAccess.read(journalPath)
            let decoded = JournalRecord.decodeAll(bytes)
            if let damaged = decoded.damagedRecord {
                throw .file("\(journalPath): record \(damaged) is damaged and whole records follow it, so nothing was opened; the \(damaged - 1) records before it are sound: keep a copy of the journal, then cut it to its first \(decoded.goodLength) bytes to open the store without the rest")
            }
            if decoded.torn {
                warnings.append("\(journalPath): dropped a torn last record (\(bytes.count - decoded.goodLength) bytes written when hwbsh stopped)")
                guard truncate(journalPath, off_t(decoded.goodLength)) == 0 else {
                    throw .file("cannot repair \(journalPath): \(FileAccess.systemError())")
                }
            }
            records = decoded.records.filter { $0.sequence > contents.journalSequence }
        }
        let journalHandle = Glibc.open(journalPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard journalHandle >= 0 else { throw .file("cannot open \(journalPath): \(FileAccess.systemError())") }
        FileAccess.syncFolder(of: journalPath)
        let sequence = max(contents.journalSequence, records.last?.sequence ?? 0)
        opened = true
        let file = StoreFile(
            path: path, lockHandle: lockHandle, journalHandle: journalHandle, sequence: sequence,
            pending: records.count, recordLimit: recordLimit)
        return (file, Opening(contents: contents, records: records, warnings: warnings))
    }

    /// A snapshot write that a crash cut short leaves its temporary file (holding personal
    /// data); with the lock held, any such file of this store is such a leftover.
    private static func removeLeftoverTemporaryFiles(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            unlink(folder + "/" + name)
        }
    }

    /// Takes the lock, or says which process holds it.
    private static func lock(_ lockPath: String, store: String) throws(ShellError) -> Int32 {
        let handle = Glibc.open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard handle >= 0 else {
            let reason = FileAccess.systemError()
            // A missing folder is said plainly; a folder that refuses the lock file is named.
            guard errno == EACCES || errno == EROFS else { throw .file("cannot open \(store): \(reason)") }
            throw .file("cannot open \(store): cannot create its lock \(lockPath): \(reason)")
        }
        guard flock(handle, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(handle, &buffer, buffer.count, 0)
            close(handle)
            let holder = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            throw .file("\(store) is in use by another hwbsh (pid \(holder)); close that session first")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(handle, 0)
        _ = pwrite(handle, pid, pid.count, 0)
        return handle
    }

    /// Appends a record for the next command and flushes it to disk.
    func append(actor: String, command: String, attachments: [String: [UInt8]]) throws(ShellError) {
        let record = JournalRecord(sequence: sequence + 1, actor: actor, command: command, attachments: attachments)
        let bytes = record.encoded()
        let start = lseek(journalHandle, 0, SEEK_END)
        // On any failure the part written is taken back, so the journal ends on a whole
        // record and holds nothing the user was told did not happen.
        func fail(_ what: String) -> ShellError {
            let reason = FileAccess.systemError()
            _ = ftruncate(journalHandle, start)
            return .file("cannot \(what) \(journalPath): \(reason); nothing changed")
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
        sequence += 1
        recordsSinceCompaction += 1
    }

    var needsCompaction: Bool { recordsSinceCompaction >= recordLimit }

    /// Whether the journal holds records not yet in the snapshot.
    var hasJournalRecords: Bool { recordsSinceCompaction > 0 }

    /// Folds the journal into a new snapshot of `store`, then empties the journal.
    func compact(_ store: Store, actor: Actor) throws(ShellError) {
        try Snapshot.save(.init(store: store, actor: actor, journalSequence: sequence), to: path)
        // Once the snapshot is in place, emptying the journal is only tidying: records it
        // still holds are numbered within the snapshot's and are never replayed. So the
        // fold has succeeded even if this fails; the next fold tries again.
        if ftruncate(journalHandle, 0) == 0 { _ = fsync(journalHandle) }
        recordsSinceCompaction = 0
    }
}
