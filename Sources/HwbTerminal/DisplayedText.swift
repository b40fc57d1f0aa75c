/// Text as hwbsh shows it: every control character (Unicode's C0, DEL and C1: an escape,
/// a bell, a line break in a name) written as `\u{..}`, its code point in hex, so that a
/// name from a file, the MIS feed or an old snapshot stays on its line and nothing in it
/// reaches the terminal as a command. Other text, backslashes included, is left as it is.
///
///     "Evil\u{1B}[2J".displayed   // #"Evil\u{1b}[2J"#
///
/// Everything the shell prints passes through here once: `Shell.print`, table cells,
/// `Shell.write(document:)` and the error messages of `Shell.report`. The colours a table
/// adds come after, so they still work.
extension String {
    /// The text with every control character shown as `\u{..}`: for one line.
    public var displayed: String {
        shown(keepingLineEnds: false)
    }

    /// The same, but for the line ends of a document of several lines (CSV, JSON), LF
    /// and CR LF, which stay as they are.
    public var displayedKeepingLineEnds: String {
        shown(keepingLineEnds: true)
    }

    /// Works on the UTF-8 bytes: a control character is a byte below 0x20, 0x7F, or 0xC2
    /// then 0x80-0x9F (C1). Text without one, almost all text, comes back as it is after
    /// one pass; a listing of a million accounts is a few hundred megabytes.
    private func shown(keepingLineEnds: Bool) -> String {
        var text = self
        return text.withUTF8 { bytes in
            /// The length of the control character at `index`, or 0.
            func control(at index: Int) -> Int {
                let byte = bytes[index]
                if byte < 0x20 {
                    guard keepingLineEnds else { return 1 }
                    if byte == 0x0A || byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { return 0 }
                    return 1
                }
                if byte == 0x7F { return 1 }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return 2 }
                return 0
            }
            // Eight bytes at a time while none of them can start one.
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, !Self.mayHoldControl(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                } else if control(at: index) == 0 {
                    index += 1
                } else {
                    break
                }
            }
            guard index < bytes.count else { return self }
            var out = [UInt8](bytes[..<index])
            out.reserveCapacity(bytes.count + 16)
            while index < bytes.count {
                let length = control(at: index)
                guard length > 0 else {
                    out.append(bytes[index])
                    index += 1
                    continue
                }
                let value = length == 1 ? bytes[index] : bytes[index + 1]
                out += Array("\\u{\(String(value, radix: 16))}".utf8)
                index += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether any of eight bytes is below 0x20, 0x7F or 0xC2 (exact: no byte is missed,
    /// none is taken for one).
    private static func mayHoldControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func holdsZero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below | holdsZero(word ^ (ones &* 0x7F)) | holdsZero(word ^ (ones &* 0xC2)) != 0
    }
}
