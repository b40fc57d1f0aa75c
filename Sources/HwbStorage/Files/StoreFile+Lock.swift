#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The locks of a store: FILE.lock, found by the store's name, and the snapshot file
/// itself, which every name for it (a hard link has a lock file of its own) shares.
extension StoreFile {
    /// Opens the snapshot and locks the file itself, or says which process holds it
    /// (through another name: a hard link has a lock file of its own).
    static func lockSnapshot(_ path: String, store: String) throws(FileError) -> Int32 {
        let handle = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard handle >= 0 else { throw FileError("cannot read \(path): \(FileAccess.systemError())") }
        var info = stat()
        guard fstat(handle, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(handle)
            throw FileError("cannot read \(path): it is not a regular file")
        }
        // Only a lock held elsewhere refuses; a file system without flock keeps FILE.lock alone.
        if flock(handle, LOCK_EX | LOCK_NB) != 0, errno == EWOULDBLOCK {
            close(handle)
            throw FileError("\(store) is in use by another hwbsh (pid \(flockHolder(of: info))); close that session first")
        }
        return handle
    }

    /// Which process holds a `flock` on the file `info` describes, from /proc/locks; "?"
    /// where there is none to read.
    private static func flockHolder(of info: stat) -> String {
        guard let table = try? FileAccess.read("/proc/locks") else { return "?" }
        let device = UInt64(info.st_dev)
        let major = (device >> 8) & 0xFFF | (device >> 32) & ~0xFFF
        let minor = device & 0xFF | (device >> 12) & ~0xFF
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return digits.count < 2 ? "0" + digits : digits
        }
        let file = "\(hex(major)):\(hex(minor)):\(info.st_ino)"
        for line in table.split(separator: 10) {
            let fields = line.split(separator: 32)
            if fields.count > 5, fields[1].elementsEqual("FLOCK".utf8), fields[5].elementsEqual(file.utf8) {
                return String(decoding: fields[4], as: UTF8.self)
            }
        }
        return "?"
    }

    /// Writes `contents` as the snapshot and returns it open and locked: the new file is
    /// locked before it is renamed into place, so the snapshot is never unlocked. -1 when
    /// no descriptor was left for the lock (FILE.lock still keeps others out).
    static func saveLocked(_ contents: Snapshot.Contents, to path: String) throws(FileError) -> Int32 {
        var handle: Int32 = -1
        do throws(FileError) {
            try FileAccess.writeAtomically(to: path) { (file: inout FileAccess.FileSink) throws(FileError) in
                try Snapshot.write(contents, to: &file)
                // Close-on-exec like every handle hwbsh opens: a pager it starts must not
                // keep the store locked.
                handle = fcntl(file.handle, F_DUPFD_CLOEXEC, 0)
                if handle >= 0 { _ = flock(handle, LOCK_EX | LOCK_NB) }
            }
        } catch {
            if handle >= 0 { close(handle) }
            throw error
        }
        return handle
    }

    /// Takes the lock, or says which process holds it.
    static func lock(_ lockPath: String, store: String) throws(FileError) -> Int32 {
        // Made in place, not renamed into place: two hwbsh starting at once must end up
        // with one lock file, not one each.
        let handle = Glibc.open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard handle >= 0 else {
            let reason = FileAccess.systemError()
            // A missing folder is said plainly; a folder that refuses the lock file is named.
            guard errno == EACCES || errno == EROFS else { throw FileError("cannot open \(store): \(reason)") }
            throw FileError("cannot open \(store): cannot create its lock \(lockPath): \(reason)")
        }
        guard flock(handle, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(handle, &buffer, buffer.count, 0)
            close(handle)
            let holder = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            throw FileError("\(store) is in use by another hwbsh (pid \(holder)); close that session first")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(handle, 0)
        _ = pwrite(handle, pid, pid.count, 0)
        return handle
    }
}
