import HwbCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One command in the write-ahead journal of `--store`: who ran it, what was typed and,
/// for an import, the file's bytes, so that replaying it gives the same result.
struct JournalRecord: Equatable {
    var sequence: UInt64
    var actor: String
    var command: String
    /// Files the command read, by the path it names.
    var attachments: [String: [UInt8]] = [:]

    func encoded() -> [UInt8] {
        var payload = ByteWriter()
        payload.u64(sequence)
        payload.string(actor)
        payload.string(command)
        payload.count(attachments.count)
        for (path, bytes) in attachments.sorted(by: { $0.key < $1.key }) {
            payload.string(path)
            payload.count(bytes.count)
            payload.append(bytes)
        }
        var record = ByteWriter(capacity: payload.bytes.count + 12)
        record.u32(UInt32(payload.bytes.count))
        record.u64(Checksum.of(payload.bytes[...]))
        record.append(payload.bytes)
        return record.bytes
    }

    /// What reading a journal found.
    struct Reading {
        var records: [JournalRecord]
        /// The length of the whole records at its start.
        var goodLength: Int
        /// The last record was cut short or fails its checksum: a write a crash
        /// interrupted, to be dropped.
        var torn = false
        /// A record before the last is damaged: the journal cannot be trusted past it.
        var damagedRecord: Int?
    }

    /// The records of a journal file. Only a bad record at the very end is a torn write;
    /// a bad record with whole records after it is damage, which is never dropped quietly.
    static func decodeAll(_ bytes: [UInt8]) -> Reading {
        bytes.withUnsafeBytes { decodeAll($0) }
    }

    private static func decodeAll(_ bytes: UnsafeRawBufferPointer) -> Reading {
        var reading = Reading(records: [], goodLength: 0)
        var reader = ByteReader(bytes)
        while !reader.isAtEnd {
            guard let record = try? read(&reader) else {
                // Damaged if a sound record follows the bad one, torn (the tail of a
                // write a crash cut short) otherwise.
                let rest = bytes.count - reading.goodLength
                let claimed = rest >= 4
                    ? Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: reading.goodLength, as: UInt32.self))) : rest
                let next = reading.goodLength + 12 + claimed
                var after = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[min(next, bytes.count)...]))
                if next < bytes.count, (try? read(&after)) != nil {
                    reading.damagedRecord = reading.records.count + 1
                } else {
                    reading.torn = true
                }
                return reading
            }
            reading.records.append(record)
            reading.goodLength = reader.position
        }
        return reading
    }

    /// One whole record, checksum checked.
    private static func read(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> JournalRecord {
        let length = Int(try reader.u32("record length"))
        let checksum = try reader.u64("record checksum")
        let payload = try reader.take(length, "record")
        guard Checksum.of(payload) == checksum else { throw ByteReader.Malformed(what: "checksum") }
        var fields = ByteReader(payload)
        var record = JournalRecord(
            sequence: try fields.u64("sequence"), actor: try fields.string("actor"), command: try fields.string("command"))
        for _ in 0..<(try fields.count("attachments")) {
            let path = try fields.string("path")
            record.attachments[path] = Array(try fields.take(try fields.count("size"), "attachment"))
        }
        return record
    }
}
