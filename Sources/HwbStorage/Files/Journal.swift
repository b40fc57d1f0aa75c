import HwbCore

/// One command in the write-ahead journal of `--store`: who ran it, what was typed and,
/// for an import, the file's bytes, so that replaying it gives the same result.
///
/// A version 2 journal (docs/store.md) is a fixed header, then records of a marker, the
/// payload's length, a checksum of marker, length and payload, and the payload: any
/// changed byte fails its record's checksum, and a reader that has lost its place finds
/// the next record by its marker. Version 1 journals (no header; each record its length,
/// the checksum of its payload alone, the payload) are still read.
public struct JournalRecord: Equatable, Sendable {
    public var sequence: UInt64
    public var actor: String
    public var command: String
    /// Files the command read, by the path it names.
    public var attachments: [String: [UInt8]] = [:]

    /// The record as a version 2 journal holds it.
    func encoded() -> [UInt8] {
        let payload = payload()
        var record = ByteWriter(capacity: payload.count + JournalLayout.recordHead)
        record.append(JournalLayout.marker)
        record.u32(UInt32(payload.count))
        record.u64(JournalLayout.checksum(head: record.bytes, payload: payload))
        record.append(payload)
        return record.bytes
    }

    /// The record as a version 1 journal holds it: appended only to a journal an earlier
    /// hwbsh began, so that the file stays in one format.
    func encodedVersion1() -> [UInt8] {
        let payload = payload()
        var record = ByteWriter(capacity: payload.count + JournalLayout.version1Head)
        record.u32(UInt32(payload.count))
        record.u64(Checksum.of(payload[...]))
        record.append(payload)
        return record.bytes
    }

    /// The fields, as both versions hold them: sequence, actor, command, attachments.
    private func payload() -> [UInt8] {
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
        return payload.bytes
    }

    /// The record whose fields are `payload`, or nil when they do not read as one.
    static func decode(payload: UnsafeRawBufferPointer) -> JournalRecord? {
        var fields = ByteReader(payload)
        do throws(ByteReader.Malformed) {
            var record = JournalRecord(
                sequence: try fields.u64("sequence"), actor: try fields.string("actor"), command: try fields.string("command"))
            for _ in 0..<(try fields.count("attachments")) {
                let path = try fields.string("path")
                record.attachments[path] = Array(try fields.take(try fields.count("size"), "attachment"))
            }
            return record
        } catch {
            return nil
        }
    }

    /// What a journal holding `bytes` would give: the entry point for reading arbitrary
    /// bytes (a fuzzer's). It never traps, and allocates no more than `bytes` holds.
    static func decodeAll(_ bytes: [UInt8]) -> JournalReading {
        let source = MemorySource(bytes: bytes)
        do {
            return try JournalReading.read(source)
        } catch {
            // Memory reads within the bounds checked do not fail.
            preconditionFailure("reading a journal in memory failed: \(error)")
        }
    }
}

/// The fixed parts of a version 2 journal.
enum JournalLayout {
    /// The first 16 bytes: to an older hwbsh, a 4-byte record whose checksum fails...
    static let magic: [UInt8] = [4, 0, 0, 0] + Array("HWBJOURN".utf8) + [UInt8(version), 0, 0, 0]
    static let version: UInt32 = 2

    /// The whole header: the magic, then a sound version 1 record. An older hwbsh, which
    /// drops a bad last record as torn, sees a bad record with a sound one after it and
    /// refuses to open the store, instead of cutting a journal it cannot read.
    static let header: [UInt8] = magic
        + JournalRecord(sequence: 0, actor: "hwbsh journal version \(version)", command: "").encodedVersion1()

    /// What starts every record.
    static let marker: [UInt8] = [0xA5, 0x4A, 0x52, 0x4E]
    /// Marker, length and checksum.
    static let recordHead = 16
    /// Length and checksum of a version 1 record.
    static let version1Head = 12
    /// A version 1 record's payload holds at least a sequence and three counts.
    static let smallestVersion1Payload = 11

    /// A record's checksum: over its marker and length (`head`, 8 bytes) and its payload.
    static func checksum(head: [UInt8], payload: [UInt8]) -> UInt64 {
        var state = Checksum.State()
        head[0..<8].withUnsafeBytes { state.add($0) }
        payload.withUnsafeBytes { state.add($0) }
        return state.value
    }
}
