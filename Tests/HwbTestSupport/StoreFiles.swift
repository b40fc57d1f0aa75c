import Foundation

/// The files of a `--store` as the durability tests see them from outside: the snapshot
/// FILE, the journal FILE.journal, the lock FILE.lock and any temporary file a snapshot
/// write left behind. Reads the formats of docs/snapshot-format.md and docs/store.md
/// independently of hwbsh, so that a test can say what a kill left on disk and cut or
/// restore journal records.
public struct StoreFiles: Sendable {
    public let path: String
    public var journal: String { path + ".journal" }
    public var lock: String { path + ".lock" }
    public var folder: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
    private var name: String { URL(fileURLWithPath: path).lastPathComponent }

    public init(_ path: String) {
        self.path = path
    }

    /// One journal record: its sequence number, where it lies in the file and where its
    /// length field is.
    public struct Record: Sendable, Equatable {
        public var sequence: UInt64
        public var range: Range<Int>
        public var lengthField: Range<Int>
    }

    /// The first bytes of a version 2 journal (the rest of its header is a version 1
    /// record, whose length is at byte 16).
    public static let journalMagic: [UInt8] = [4, 0, 0, 0] + Array("HWBJOURN".utf8) + [2, 0, 0, 0]
    /// What starts each record of a version 2 journal.
    public static let recordMarker: [UInt8] = [0xA5, 0x4A, 0x52, 0x4E]

    public static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The journal sequence the snapshot holds (the first field of its body), or nil when
    /// there is no snapshot or it is too short to say.
    public var snapshotSequence: UInt64? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let bytes = try? handle.read(upToCount: 40), bytes.count == 40 else { return nil }
        return bytes[32..<40].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The whole records at the start of the journal, and how many bytes follow them. A
    /// version 2 journal: its header, then records of marker, length, checksum and a
    /// payload that starts with the sequence; a version 1 journal (no header): records of
    /// length, checksum and payload. Checksums are not checked.
    public var journalRecords: (records: [Record], rest: Int) {
        guard let bytes = Self.bytes(journal) else { return ([], 0) }
        func u32(_ at: Int) -> Int { Int(bytes[at..<at + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) }
        func u64(_ at: Int) -> UInt64 { bytes[at..<at + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        var records: [Record] = []
        if bytes.starts(with: Self.journalMagic) {
            guard bytes.count >= 20 else { return ([], bytes.count) }
            var offset = 28 + u32(16)
            guard offset <= bytes.count else { return ([], bytes.count) }
            while offset + 16 <= bytes.count, Array(bytes[offset..<offset + 4]) == Self.recordMarker {
                let length = u32(offset + 4)
                let end = offset + 16 + length
                guard length >= 8, end <= bytes.count else { break }
                records.append(Record(sequence: u64(offset + 16), range: offset..<end, lengthField: offset + 4..<offset + 8))
                offset = end
            }
            return (records, bytes.count - offset)
        }
        var offset = 0
        while offset + 12 <= bytes.count {
            let length = u32(offset)
            let end = offset + 12 + length
            guard length >= 8, end <= bytes.count else { break }
            records.append(Record(sequence: u64(offset + 12), range: offset..<end, lengthField: offset..<offset + 4))
            offset = end
        }
        return (records, bytes.count - offset)
    }

    /// Temporary files of an interrupted snapshot write (`.NAME.PID.tmp` beside the snapshot).
    public var temporaryFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(".\(name).") && $0.hasSuffix(".tmp") }.sorted().map { folder + "/" + $0 }
    }

    /// Copies the snapshot and the journal (those that exist) to `other`'s paths.
    public func copy(to other: StoreFiles) throws {
        for (from, to) in [(path, other.path), (journal, other.journal)] {
            try? FileManager.default.removeItem(atPath: to)
            if FileManager.default.fileExists(atPath: from) {
                try FileManager.default.copyItem(atPath: from, toPath: to)
            }
        }
    }
}
