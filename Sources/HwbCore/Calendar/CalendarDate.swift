/// A calendar date with no time of day and no time zone (proleptic Gregorian).
///
/// Stored as a day number, so adding days and comparing dates are single integer
/// operations; the year, month and day are derived views. Valid years are 1900 to 9999,
/// as docs/rules.md fixes.
///
///     let d = CalendarDate(year: 2027, month: 8, day: 31)!
///     d.addingMonths(6)   // 2028-02-29 (R2)
///     d.addingDays(1)     // 2027-09-01
public struct CalendarDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    public static let minimum = CalendarDate(unchecked: 1900, 1, 1)
    public static let maximum = CalendarDate(unchecked: 9999, 12, 31)

    /// A date from its day number, or nil outside 1900-01-01 ... 9999-12-31.
    public init?(dayNumber: Int) {
        guard dayNumber >= Int(Self.minimum.dayNumber), dayNumber <= Int(Self.maximum.dayNumber) else {
            return nil
        }
        self.dayNumber = Int32(dayNumber)
    }

    /// A day number already known to be in range (read from the store's own columns).
    init(trustedDayNumber dayNumber: Int32) {
        self.dayNumber = dayNumber
    }

    /// A date from its parts, or nil when they do not name a real day from 1900 to 9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        dayNumber = Int32(CalendarDate.days(fromCivil: year, month, day))
    }

    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    /// Year, month and day in one computation.
    public var parts: (year: Int, month: Int, day: Int) {
        CalendarDate.civil(fromDays: Int(dayNumber))
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension CalendarDate: CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        return String(y) + (m < 10 ? "-0" : "-") + String(m) + (d < 10 ? "-0" : "-") + String(d)
    }
}

extension CalendarDate {
    /// Parses exactly `YYYY-MM-DD`; nil for anything else, including impossible days.
    public init?(_ text: some StringProtocol) {
        self.init(String(text))
    }

    /// Parses exactly `YYYY-MM-DD` (not generic: an import reads millions of dates).
    public init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// Parses exactly the UTF-8 bytes of `YYYY-MM-DD`.
    init?(utf8 bytes: some Sequence<UInt8>) {
        var parts = (0, 0, 0)
        var index = 0
        for byte in bytes {
            switch index {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if index < 4 { parts.0 = parts.0 * 10 + digit } else if index < 7 { parts.1 = parts.1 * 10 + digit } else { parts.2 = parts.2 * 10 + digit }
            default:
                return nil
            }
            index += 1
        }
        guard index == 10 else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }
}
