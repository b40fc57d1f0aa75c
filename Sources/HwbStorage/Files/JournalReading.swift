#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading a journal found: its sound records from the start and, if anything is
/// wrong after them, what.
///
/// Only a torn tail, bytes after the last sound record in which no sound record can be
/// found, is a write that a crash cut short, to be dropped. A bad record with a sound
/// record anywhere after it is damage: dropping it would drop changes that were
/// acknowledged, so the journal is not opened. The file is read a block at a time, never
/// whole, and a length is checked against the bytes there before anything is allocated.
///
///     let reading = try JournalReading.read(FileAccess.BlockFile(path))
///     if reading.isDamaged { ... }   // refuse, or `--recover`
public struct JournalReading: Equatable, Sendable {
    public enum Format: Equatable, Sendable {
        /// No bytes at all: a journal a fold has emptied, or a new one.
        case empty
        /// Written by an earlier hwbsh: no header, records of length, checksum and payload.
        case version1
        case version2
    }

    enum Problem: Equatable {
        /// Bytes after the last sound record, holding no sound record.
        case tornTail
        /// The record of this number (from 1) is damaged and a sound record follows it.
        case damagedRecord(Int)
        /// The header differs from a version 2 header in a few bytes.
        case damagedHeader
        /// The file starts with neither a journal header nor a sound record.
        case notAJournal
        /// A header of a later version of the journal.
        case newerVersion(UInt32)
    }

    var format: Format
    /// The sound records from the start, up to the first bad one.
    var records: [JournalRecord] = []
    /// The bytes of the header and the sound records.
    var soundLength = 0
    var size = 0
    var problem: Problem?

    /// Whether opening the journal as it is would lose sound records, which `--recover`
    /// then keeps.
    var isDamaged: Bool {
        switch problem {
        case .damagedRecord?, .damagedHeader?, .notAJournal?: true
        case .tornTail?, .newerVersion?, nil: false
        }
    }

    /// Reads the journal in `source`, a block at a time.
    static func read(_ source: some SnapshotSource) throws -> JournalReading {
        var reader = Reader(source)
        return try reader.read()
    }
}

extension JournalReading {
    /// The reading itself, through one block of the file kept in memory.
    private struct Reader<Source: SnapshotSource> {
        let source: Source
        var size: Int { source.size }
        private var blockStart = 0
        private var block: [UInt8] = []
        static var blockSize: Int { 1 << 20 }

        init(_ source: Source) {
            self.source = source
        }

        mutating func read() throws -> JournalReading {
            var reading = JournalReading(format: .empty, size: size)
            guard size > 0 else { return reading }
            let header = JournalLayout.header
            let head = try bytes(at: 0, count: min(size, header.count))
            if head == header {
                reading.format = .version2
                try readRecords(from: header.count, into: &reading)
            } else if size < header.count, header.starts(with: head) {
                // The first write, of the header and a record, cut short within the header.
                reading.format = .version2
                reading.problem = .tornTail
            } else if head.count == header.count, zip(head, header).count(where: { $0 != $1 }) <= 4 {
                reading.format = .version2
                try readRecords(from: header.count, into: &reading)
                reading.problem = .damagedHeader
            } else if head.count >= 16, head.starts(with: JournalLayout.magic[0..<12]) {
                reading.format = .version2
                reading.problem = .newerVersion(Self.u32(head, at: 12))
            } else if try version1Record(at: 0) != nil {
                reading.format = .version1
                try readVersion1Records(into: &reading)
            } else {
                reading.problem = .notAJournal
            }
            return reading
        }

        // MARK: Version 2

        private mutating func readRecords(from start: Int, into reading: inout JournalReading) throws {
            var offset = start
            reading.soundLength = start
            while offset < size {
                guard let (record, end) = try record(at: offset) else {
                    reading.problem = try soundRecord(after: offset) ? .damagedRecord(reading.records.count + 1) : .tornTail
                    return
                }
                reading.records.append(record)
                offset = end
                reading.soundLength = end
            }
        }

        /// The record at `offset` and where it ends, if it is sound: its marker, a length
        /// that fits the file, its checksum, its fields.
        private mutating func record(at offset: Int) throws -> (JournalRecord, Int)? {
            let headLength = JournalLayout.recordHead
            guard size - offset >= headLength else { return nil }
            let head = try bytes(at: offset, count: headLength)
            guard head[0..<4].elementsEqual(JournalLayout.marker) else { return nil }
            let length = Int(Self.u32(head, at: 4))
            guard length <= size - offset - headLength else { return nil }
            var state = Checksum.State()
            head[0..<8].withUnsafeBytes { state.add($0) }
            try addPieces(from: offset + headLength, count: length, to: &state)
            guard state.value == Self.u64(head, at: 8) else { return nil }
            let payload = try bytes(at: offset + headLength, count: length)
            guard let record = payload.withUnsafeBytes(JournalRecord.decode) else { return nil }
            return (record, offset + headLength + length)
        }

        /// Whether a sound record starts anywhere after `offset`: found by its marker.
        /// A hole in a sparse file holds only zeros, so no record starts there.
        private mutating func soundRecord(after offset: Int) throws -> Bool {
            let last = size - JournalLayout.recordHead
            var position = offset + 1
            while position <= last {
                position = source.dataStart(from: position)
                guard position <= last else { return false }
                try load(position)
                let end = blockStart + block.count
                let found = block.withUnsafeBytes { raw -> Int? in
                    let from = position - blockStart
                    guard let hit = memchr(raw.baseAddress! + from, Int32(JournalLayout.marker[0]), end - position) else { return nil }
                    return position + (UnsafeRawPointer(hit) - raw.baseAddress!) - from
                }
                guard let hit = found else {
                    position = end
                    continue
                }
                if hit <= last, try record(at: hit) != nil { return true }
                position = hit + 1
            }
            return false
        }

        // MARK: Version 1

        private mutating func readVersion1Records(into reading: inout JournalReading) throws {
            var offset = 0
            while offset < size {
                guard let (record, end) = try version1Record(at: offset) else {
                    let sequence = reading.records.last?.sequence ?? 0
                    reading.problem = try soundVersion1Record(after: offset, following: sequence)
                        ? .damagedRecord(reading.records.count + 1) : .tornTail
                    return
                }
                reading.records.append(record)
                offset = end
                reading.soundLength = end
            }
        }

        private mutating func version1Record(at offset: Int) throws -> (JournalRecord, Int)? {
            let headLength = JournalLayout.version1Head
            guard size - offset >= headLength else { return nil }
            let head = try bytes(at: offset, count: headLength)
            let length = Int(Self.u32(head, at: 0))
            guard length >= JournalLayout.smallestVersion1Payload, length <= size - offset - headLength else { return nil }
            var state = Checksum.State()
            try addPieces(from: offset + headLength, count: length, to: &state)
            guard state.value == Self.u64(head, at: 4) else { return nil }
            let payload = try bytes(at: offset + headLength, count: length)
            guard let record = payload.withUnsafeBytes(JournalRecord.decode) else { return nil }
            return (record, offset + headLength + length)
        }

        /// Whether a sound version 1 record starts anywhere after `offset`. With no marker
        /// to look for, every position is tried whose length fits the file and whose
        /// sequence could follow `sequence` (the records of a journal are numbered one by
        /// one, so a later record's is at least two above the last sound one's, and at
        /// most one more than the records the bytes since the damage could hold).
        private mutating func soundVersion1Record(after offset: Int, following sequence: UInt64) throws -> Bool {
            let smallest = JournalLayout.version1Head + JournalLayout.smallestVersion1Payload
            var position = offset + 1
            while position + smallest <= size {
                position = source.dataStart(from: position)
                guard position + smallest <= size else { return false }
                try load(position, min(20, size - position))
                let end = blockStart + block.count
                var candidates: [Int] = []
                block.withUnsafeBytes { raw in
                    var at = position
                    while at + 20 <= end {
                        let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at - blockStart, as: UInt32.self)))
                        let number = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at - blockStart + 12, as: UInt64.self))
                        if length >= JournalLayout.smallestVersion1Payload, length <= size - at - JournalLayout.version1Head,
                           number > sequence &+ 1, number - sequence <= UInt64(2 + (at - offset) / smallest) {
                            candidates.append(at)
                        }
                        at += 1
                    }
                }
                for candidate in candidates where try version1Record(at: candidate) != nil { return true }
                guard end < size else { return false }
                position = max(position + 1, end - 19)
            }
            return false
        }

        // MARK: Blocks

        /// The `count` bytes at `offset`, which the caller has checked are in the file.
        private mutating func bytes(at offset: Int, count: Int) throws -> [UInt8] {
            if count > Self.blockSize / 2 { return try source.bytes(at: offset, count: count) }
            try load(offset, count)
            return Array(block[(offset - blockStart)..<(offset - blockStart + count)])
        }

        /// Makes the block in memory hold the `count` bytes at `offset` (at most a block,
        /// and in the file), reading the block that starts at `offset` if it does not.
        private mutating func load(_ offset: Int, _ count: Int = 1) throws {
            if offset >= blockStart, offset + count <= blockStart + block.count { return }
            block = try source.bytes(at: offset, count: min(Self.blockSize, size - offset))
            blockStart = offset
        }

        /// Adds the `count` bytes at `offset` to a checksum, a block at a time.
        private mutating func addPieces(from offset: Int, count: Int, to state: inout Checksum.State) throws {
            var done = 0
            while done < count {
                try load(offset + done)
                let from = offset + done - blockStart
                let piece = min(count - done, block.count - from)
                block.withUnsafeBytes { state.add(UnsafeRawBufferPointer(rebasing: $0[from..<from + piece])) }
                done += piece
            }
        }

        private static func u32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
            bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        }

        private static func u64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
            bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        }
    }
}
