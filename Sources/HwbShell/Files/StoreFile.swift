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

    /// Locks and opens the store at `path`: a new, empty store dated `today` when the file
    /// does not exist yet.
    static func open(path: String, today: CalendarDate, recordLimit: Int = 10_000) throws(ShellError) -> (StoreFile, Opening) {
        let lockHandle = try lock(path + ".lock", store: path)
        var opened = false
        defer { if !opened { close(lockHandle) } }

        var warnings: [String] = []
        var contents = Snapshot.Contents(store: Store(today: today), actor: .serviceDesk)
        if access(path, F_OK) == 0 {
            contents = try Snapshot.decode(FileAccess.read(path), path: path)
        } else {
            // A new store: its first snapshot fixes its start date before any journal
            // record depends on it.
            try FileAccess.writeAtomically(Snapshot.encode(contents), to: path)
        }
        let journalPath = path + ".journal"
        var records: [JournalRecord] = []
        if access(journalPath, F_OK) == 0 {
            let bytes = try FileAccess.read(journalPath)
            let decoded = JournalRecord.decodeAll(bytes)
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

    /// Takes the lock, or says which process holds it.
    private static func lock(_ lockPath: String, store: String) throws(ShellError) -> Int32 {
        let handle = Glibc.open(lockPath, O_RDWR | O_CREAT, 0o600)
        guard handle >= 0 else { throw .file("cannot open \(store): \(FileAccess.systemError())") }
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

    /// Appends a record for the next command and flushes it to disk. Returns its sequence.
    func append(actor: String, command: String, attachments: [String: [UInt8]]) throws(ShellError) {
        let record = JournalRecord(sequence: sequence + 1, actor: actor, command: command, attachments: attachments)
        let bytes = record.encoded()
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(journalHandle, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = FileAccess.systemError()
                // Take back the part written, so the journal ends on a whole record.
                _ = ftruncate(journalHandle, lseek(journalHandle, 0, SEEK_END) - off_t(written))
                throw .file("cannot write \(journalPath): \(reason); nothing changed")
            }
            written += count
        }
        guard fsync(journalHandle) == 0 else {
            throw .file("cannot flush \(journalPath) to disk: \(FileAccess.systemError()); nothing changed")
        }
        sequence += 1
        recordsSinceCompaction += 1
    }

    var needsCompaction: Bool { recordsSinceCompaction >= recordLimit }

    /// Whether the journal holds records not yet in the snapshot.
    var hasJournalRecords: Bool { recordsSinceCompaction > 0 }

    /// Folds the journal into a new snapshot of `store`, then empties the journal.
    func compact(_ store: Store, actor: Actor) throws(ShellError) {
        let snapshot = Snapshot.encode(.init(store: store, actor: actor, journalSequence: sequence))
        try FileAccess.writeAtomically(snapshot, to: path)
        guard ftruncate(journalHandle, 0) == 0, fsync(journalHandle) == 0 else {
            throw .file("cannot empty \(journalPath): \(FileAccess.systemError())")
        }
        recordsSinceCompaction = 0
    }
}
