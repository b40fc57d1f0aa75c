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

    /// The records of a journal file and the length of its good part. A record cut short
    /// or failing its checksum at the end is a torn write: it and anything after it are
    /// left out (`torn` says so).
    static func decodeAll(_ bytes: [UInt8]) -> (records: [JournalRecord], goodLength: Int, torn: Bool) {
        bytes.withUnsafeBytes { decodeAll($0) }
    }

    private static func decodeAll(_ bytes: UnsafeRawBufferPointer) -> (records: [JournalRecord], goodLength: Int, torn: Bool) {
        var records: [JournalRecord] = []
        var reader = ByteReader(bytes)
        var goodLength = 0
        while !reader.isAtEnd {
            do throws(ByteReader.Malformed) {
                let length = Int(try reader.u32("record length"))
                let checksum = try reader.u64("record checksum")
                let payload = try reader.take(length, "record")
                guard Checksum.of(payload) == checksum else { throw ByteReader.Malformed(what: "checksum") }
                var fields = ByteReader(payload)
                var record = JournalRecord(
                    sequence: try fields.u64("sequence"), actor: try fields.string("actor"),
                    command: try fields.string("command"))
                for _ in 0..<(try fields.count("attachments")) {
                    let path = try fields.string("path")
                    record.attachments[path] = Array(try fields.take(try fields.count("size"), "attachment"))
                }
                records.append(record)
                goodLength = reader.position
            } catch {
                return (records, goodLength, true)
            }
        }
        return (records, goodLength, false)
    }
}
