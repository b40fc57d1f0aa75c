#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--recover`: a damaged journal's sound records kept, the journal itself moved aside.
extension StoreFile {
    /// Keeps the sound records before the damage in a new journal and moves the damaged
    /// journal aside to `JOURNAL.damaged-N`, the first N not taken; nothing is deleted or
    /// overwritten. Asks first when `recovery` says so. Returns the warning that says what
    /// was done.
    ///
    ///     hwbsh: warning: s.hwbs.journal: kept its 3 sound records; the damaged journal is now s.hwbs.journal.damaged-1
    static func recover(_ reading: JournalReading, journalPath: String, recovery: Recovery) throws(FileError) -> String {
        let kept = reading.records
        var number = 1
        while access(aside(journalPath, number), F_OK) == 0 { number += 1 }
        switch recovery {
        case .refuse:
            throw FileError("--recover asks before it moves \(journalPath) aside, and standard input is not a terminal: add --yes to go ahead")
        case .ask(let confirm):
            let question = "keep the \(records(kept.count, "sound")) of \(journalPath) and move the damaged journal aside to \(aside(journalPath, number))?"
            guard confirm(question) else { throw FileError("\(journalPath) was left as it was, so nothing was opened") }
        case .proceed:
            break
        }

        // The new journal is written first, beside the old one, and flushed; the damaged
        // one then gets its new name as a hard link (which never replaces a file), and the
        // new one is renamed over the journal. A crash at any step leaves the damaged
        // journal whole, under its own name or the new one or both.
        let bytes = kept.isEmpty ? [] : JournalLayout.header + kept.flatMap { $0.encoded() }
        let (handle, temporary) = try FileAccess.newTemporary(for: journalPath, mode: 0o600)
        try write(bytes, to: handle, at: temporary)
        var moved: String?
        while moved == nil {
            let candidate = aside(journalPath, number)
            if link(journalPath, candidate) == 0 {
                moved = candidate
            } else if errno == EEXIST {
                number += 1
            } else if access(candidate, F_OK) != 0, rename(journalPath, candidate) == 0 {
                // A file system without hard links: a rename, onto a name checked to be free.
                moved = candidate
            } else {
                let reason = FileAccess.systemError()
                unlink(temporary)
                throw FileError("cannot move \(journalPath) aside to \(candidate): \(reason); nothing was changed")
            }
        }
        guard rename(temporary, journalPath) == 0 else {
            let reason = FileAccess.systemError()
            unlink(temporary)
            throw FileError("cannot write the recovered journal \(journalPath): \(reason); the damaged journal is also at \(moved!)")
        }
        FileAccess.syncFolder(of: journalPath)
        return "\(journalPath): kept its \(records(kept.count, "sound")); the damaged journal is now \(moved!)"
    }

    private static func aside(_ journalPath: String, _ number: Int) -> String {
        "\(journalPath).damaged-\(number)"
    }

    /// Writes `bytes` to the new file `handle` (at `path`), flushed to disk.
    private static func write(_ bytes: [UInt8], to handle: Int32, at path: String) throws(FileError) {
        let written = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.write(handle, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(handle) == 0 else {
            let reason = FileAccess.systemError()
            close(handle)
            unlink(path)
            throw FileError("cannot write \(path): \(reason); nothing was changed")
        }
        close(handle)
    }
}
