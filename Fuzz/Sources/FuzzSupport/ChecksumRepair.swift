@testable import HwbStorage

/// Writes the right checksums into a fuzzed snapshot or journal, so that the readers
/// behind the checksum check are fuzzed too: a mutated file almost never carries the
/// checksum of its own bytes. Repairs what the layout allows and leaves the rest.
public enum ChecksumRepair {
    /// A snapshot with its head's and blocks' checksums (version 2) or its body's
    /// (version 1) recomputed. docs/snapshot-format.md describes the layout.
    public static func snapshot(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let header = Snapshot.headerSize
        guard bytes.count >= header, bytes.starts(with: Snapshot.magic) else { return bytes }
        switch readU32(bytes, at: 8) {
        case 1:
            store(Checksum.of(bytes[header...]), in: &bytes, at: 24)
        case 2, 3:
            let headLength = readU64(bytes, at: 16)
            guard headLength <= UInt64(bytes.count - header) else { return bytes }
            let headEnd = header + Int(headLength)
            repairBlocks(&bytes, head: header..<headEnd)
            store(Checksum.of(bytes[header..<headEnd]), in: &bytes, at: 24)
        default:
            break
        }
        return bytes
    }

    /// The block checksums in the head: journal sequence (8), today (4), actor (a count
    /// and bytes), block count (4), then each block's tag (4), length (8) and checksum (8).
    private static func repairBlocks(_ bytes: inout [UInt8], head: Range<Int>) {
        var position = head.lowerBound + 12
        guard let (actorLength, next) = leb128(bytes, at: position, end: head.upperBound) else { return }
        position = next + actorLength + 4
        var blockStart = head.upperBound
        while position + 20 <= head.upperBound {
            let length = readU64(bytes, at: position + 4)
            guard length <= UInt64(bytes.count - blockStart) else { return }
            let blockEnd = blockStart + Int(length)
            store(Checksum.of(bytes[blockStart..<blockEnd]), in: &bytes, at: position + 12)
            blockStart = blockEnd
            position += 20
        }
    }

    /// A journal whose records carry the right checksums. A version 2 journal (it starts
    /// with the header) is a series of records of a marker (4), a length (4), a checksum
    /// (8) of the marker, length and payload, then the payload; a version 1 journal one of
    /// a length (4), a checksum (8) of the payload, then the payload.
    public static func journal(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let header = JournalLayout.header
        if bytes.starts(with: header) {
            var position = header.count
            while position + 16 <= bytes.count {
                let end = position + 16 + Int(readU32(bytes, at: position + 4))
                guard end <= bytes.count else { break }
                let head = Array(bytes[position..<position + 8])
                store(JournalLayout.checksum(head: head, payload: Array(bytes[(position + 16)..<end])), in: &bytes, at: position + 8)
                position = end
            }
            return bytes
        }
        var position = 0
        while position + 12 <= bytes.count {
            let end = position + 12 + Int(readU32(bytes, at: position))
            guard end <= bytes.count else { break }
            store(Checksum.of(bytes[(position + 12)..<end]), in: &bytes, at: position + 4)
            position = end
        }
        return bytes
    }

    // MARK: Little-endian fields

    private static func readU32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func readU64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func store(_ value: UInt64, in bytes: inout [UInt8], at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
    }

    /// A LEB128 count at `offset` and the offset after it, if it ends before `end` and is
    /// no larger than the bytes after it.
    private static func leb128(_ bytes: [UInt8], at offset: Int, end: Int) -> (Int, Int)? {
        var value = 0
        var position = offset
        for shift in stride(from: 0, to: 35, by: 7) {
            guard position < end else { return nil }
            let byte = bytes[position]
            value |= Int(byte & 0x7F) << shift
            position += 1
            if byte < 0x80 { return value <= end - position ? (value, position) : nil }
        }
        return nil
    }
}
