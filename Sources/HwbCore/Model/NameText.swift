/// What a name (of an account or a school) may hold when it comes in: text for people to
/// read, with no control character but a tab (a blank, as inside a quoted value of the
/// command language). An escape or a bell in a name from a CSV file or the MIS feed would
/// otherwise act on the terminal of whoever lists it.
///
///     NameText.problem(in: "Siân Ŵyn")        // nil
///     NameText.problem(in: "Evil\u{1B}[2J")   // "name holds the control character U+001B; ..."
///
/// Only what comes in is checked: a snapshot saved by an older hwbsh may hold such a
/// name, and still loads (the shell shows its control characters as `\u{1b}`).
public enum NameText {
    /// Why `name` cannot come in, or nil when it can.
    public static func problem(in name: String) -> String? {
        guard let control = name.unicodeScalars.first(where: isRefused) else { return nil }
        var code = String(control.value, radix: 16, uppercase: true)
        if code.count < 4 { code = String(repeating: "0", count: 4 - code.count) + code }
        return "name holds the control character U+\(code); names are text without control characters"
    }

    /// `problem(in:)` as a refusal, for a command that brings a name in.
    static func check(_ name: String) throws(RuleError) {
        if let problem = problem(in: name) { throw RuleError(problem, rule: nil) }
    }

    /// A control character (Unicode's C0, DEL and C1) other than a tab.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether UTF-8 `bytes` hold a refused character: a C0 byte other than a tab, DEL,
    /// or a C1 character (0xC2 then 0x80-0x9F). No other character's encoding holds
    /// those bytes so placed.
    static func holdsRefused(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 || byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
            index += 1
        }
        return false
    }
}
