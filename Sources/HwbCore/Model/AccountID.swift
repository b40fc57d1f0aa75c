/// R4: an account id: 1 to 64 characters of `A-Z a-z 0-9 . _ @ -`, starting with a letter
/// or digit, compared and stored in lower case.
public struct AccountID: Sendable, Hashable, Comparable {
    public let value: String

    public static let maximumLength = 64

    /// The id in lower case, or nil when `text` is not a valid id.
    public init?(_ text: some StringProtocol) {
        self.init(String(text))
    }

    /// The id in lower case, or nil when `text` is not a valid id. (Not generic: a
    /// snapshot reads a million of them.)
    public init?(_ text: String) {
        var hasUpperCase = false
        var length = 0
        for byte in text.utf8 {
            if length == 0, !Self.isAlphanumeric(byte) { return nil }
            guard Self.isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-")
            else { return nil }
            hasUpperCase = hasUpperCase || (byte >= 65 && byte <= 90)
            length += 1
        }
        guard length > 0, length <= Self.maximumLength else { return nil }
        value = hasUpperCase
            ? String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            : text
    }

    /// Text already known to be a valid, lower-case id (read from the store's own columns).
    init(trusted text: String) {
        value = text
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.value < rhs.value }
}

extension AccountID: CustomStringConvertible {
    public var description: String { value }
}
