/// R3: a 7-digit school number whose first three digits are the local authority code.
public struct SchoolNumber: Sendable, Hashable, Comparable {
    public let value: Int

    /// Parses exactly seven ASCII digits; nil otherwise. The LA range is checked by R3,
    /// not here, so that the error can say which rule refused it.
    public init?(_ text: some StringProtocol) {
        self.init(String(text))
    }

    /// Not generic: an import reads a million of them.
    public init?(_ text: String) {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            guard byte >= 48, byte <= 57, digits < 7 else { return nil }
            value = value * 10 + Int(byte - 48)
            digits += 1
        }
        guard digits == 7 else { return nil }
        self.value = value
    }

    /// The number with this value (0 to 9999999), or nil.
    public init?(value: Int) {
        guard (0..<10_000_000).contains(value) else { return nil }
        self.value = value
    }

    /// A value already known to be a school number (read from the store's own columns).
    init(unchecked value: Int32) {
        self.value = Int(value)
    }

    public var laCode: Int { value / 10_000 }

    public static func < (lhs: SchoolNumber, rhs: SchoolNumber) -> Bool { lhs.value < rhs.value }
}

extension SchoolNumber: CustomStringConvertible {
    public var description: String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}

/// R3: the 22 Welsh local authorities are numbered 660 to 681.
public enum LocalAuthority {
    public static let codes = 660...681

    public static func isWelsh(_ code: Int) -> Bool { codes.contains(code) }
}

extension LocalAuthority {
    /// The number of possible Welsh school numbers: 22 LAs of 10,000 numbers each.
    static let schoolNumberCount = codes.count * 10_000

    /// A Welsh school number (R3) as a position from 0 to `schoolNumberCount - 1`, for
    /// tallies over a million accounts that would otherwise hash each account's school.
    static func position(of school: Int32) -> Int? {
        let position = Int(school) - codes.lowerBound * 10_000
        return position >= 0 && position < schoolNumberCount ? position : nil
    }
}

/// R3: an entry of the school directory.
public struct School: Sendable, Equatable {
    public var number: SchoolNumber
    public var name: String
    /// A maintained school can hold accounts; an independent one only records a learner's move (R9).
    public var maintained: Bool

    public init(number: SchoolNumber, name: String, maintained: Bool) {
        self.number = number
        self.name = name
        self.maintained = maintained
    }
}
