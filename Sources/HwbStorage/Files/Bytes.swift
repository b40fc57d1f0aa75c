import HwbCore

/// Appends little-endian integers, variable-length counts and length-prefixed UTF-8
/// strings: the building blocks of the snapshot and journal files.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites the 8 bytes at `offset` (a length or an offset known only later).
    mutating func setU64(_ value: UInt64, at offset: Int) {
        for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index)) }
    }

    /// LEB128: 7 bits a byte, small numbers in one byte.
    mutating func count(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A string given as its UTF-8 bytes.
    mutating func string(utf8: UnsafeRawBufferPointer) {
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func date(_ value: CalendarDate?) {
        u32(UInt32(bitPattern: value?.dayNumber ?? Int32.min))
    }
}

/// Reads what `ByteWriter` wrote, failing (never trapping) on anything out of place.
/// It reads memory the caller keeps alive (`withUnsafeBytes`), so a snapshot of a
/// million accounts is read without a copy or a reference count per field.
struct ByteReader {
    struct Malformed: Error {
        var what: String
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// How many bytes are left.
    var remaining: Int { bytes.count - position }

    /// How many bytes the reader covers.
    var count: Int { bytes.count }

    /// A reader of the bytes from the current position up to `end`.
    func part(to end: Int) -> ByteReader {
        ByteReader(UnsafeRawBufferPointer(rebasing: bytes[position..<end]))
    }

    /// A reader of the bytes from `start` to the end.
    func part(from start: Int) -> ByteReader {
        ByteReader(UnsafeRawBufferPointer(rebasing: bytes[start...]))
    }

    mutating func take(_ count: Int, _ what: String) throws(Malformed) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - position else { throw Malformed(what: "\(what) runs past the end") }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func u8(_ what: String) throws(Malformed) -> UInt8 {
        guard position < bytes.count else { throw Malformed(what: "\(what) runs past the end") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32(_ what: String) throws(Malformed) -> UInt32 {
        UInt32(littleEndian: try take(4, what).loadUnaligned(as: UInt32.self))
    }

    mutating func u64(_ what: String) throws(Malformed) -> UInt64 {
        UInt64(littleEndian: try take(8, what).loadUnaligned(as: UInt64.self))
    }

    mutating func count(_ what: String) throws(Malformed) -> Int {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let byte = try u8(what)
            value |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 {
                guard value <= UInt64(Int.max) else { break }
                return Int(value)
            }
        }
        throw Malformed(what: "\(what) is not a valid count")
    }

    /// A string. Bytes that are not UTF-8 (a file from a foreign tool: the checksum
    /// already refuses damage) become U+FFFD rather than stopping the read.
    mutating func string(_ what: String) throws(Malformed) -> String {
        let raw = try take(try count(what), what)
        return String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
    }

    mutating func date(_ what: String) throws(Malformed) -> CalendarDate? {
        let raw = Int32(bitPattern: try u32(what))
        guard raw != Int32.min else { return nil }
        guard let date = CalendarDate(dayNumber: Int(raw)) else { throw Malformed(what: "\(what) is not a date") }
        return date
    }

    mutating func requiredDate(_ what: String) throws(Malformed) -> CalendarDate {
        guard let date = try date(what) else { throw Malformed(what: "\(what) is missing") }
        return date
    }
}

/// A reader may be handed to another thread while its bytes are alive (the parallel
/// snapshot read): it only reads them.
extension ByteReader: @unchecked Sendable {}

/// A 64-bit checksum: FNV-1a over 8-byte words. Any change to one word always changes
/// it (each step is a bijection), and it reads a snapshot at memory speed.
enum Checksum {
    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// The same checksum over bytes that come in pieces: `State().adding(a).adding(b)`
    /// ends as `of(a + b)`, whatever the pieces' sizes.
    struct State {
        private var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        /// Bytes of an unfinished word, waiting for the next piece.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        private(set) var count = 0

        mutating func add(_ raw: UnsafeRawBufferPointer) {
            count += raw.count
            var offset = 0
            while pendingCount > 0, pendingCount < 8, offset < raw.count {
                pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
            if pendingCount == 8 {
                hash = (hash ^ pending) &* prime
                (pending, pendingCount) = (0, 0)
            }
            while offset + 8 <= raw.count {
                hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* prime
                offset += 8
            }
            while offset < raw.count {
                pending |= UInt64(raw[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
        }

        /// The checksum of every byte added.
        var value: UInt64 {
            var hash = self.hash
            for index in 0..<pendingCount { hash = (hash ^ (pending >> UInt64(8 * index) & 0xFF)) &* prime }
            return (hash ^ UInt64(count)) &* prime
        }
    }

    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var offset = 0
        while offset + 8 <= raw.count {
            hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* prime
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* prime
            offset += 1
        }
        return (hash ^ UInt64(raw.count)) &* prime
    }
}
