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
    var displayed: String {
        shown { _, _ in false }
    }

    /// The same, but for the line ends of a document of several lines (CSV, JSON), LF
    /// and CR LF, which stay as they are.
    var displayedKeepingLineEnds: String {
        shown { scalar, next in scalar == "\n" || scalar == "\r" && next == "\n" }
    }

    private func shown(keeping kept: (Unicode.Scalar, Unicode.Scalar?) -> Bool) -> String {
        // Almost all text has none: one pass over the bytes, and the text itself back.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
        var text = ""
        var scalars = unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if Self.isControl(scalar), !kept(scalar, next) {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    /// Unicode's control characters (general category Cc).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
