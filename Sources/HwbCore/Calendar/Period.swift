/// A length of time written as a whole number and a unit: `8w`, `6m`, `90d`, `1y`.
public struct Period: Sendable, Hashable {
    public enum Unit: Character, Sendable, Hashable, CaseIterable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    public var count: Int
    public var unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Counts above this reach past the calendar from any date, so larger ones are held
    /// at it: the arithmetic then refuses them instead of overflowing.
    static let largestCount = 9_999_999

    /// Parses `N` followed by `d`, `w`, `m` or `y`, N any whole number.
    public init?(_ text: some StringProtocol) {
        guard let last = text.last, let unit = Unit(rawValue: last) else { return nil }
        let digits = text.dropLast().utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var count = 0
        for digit in digits {
            count = min(count * 10 + Int(digit - 48), Self.largestCount)
        }
        self.init(count, unit)
    }

    /// R2: `date` moved forward by this period (`Nd`, `Nw` add days; `Nm`, `Ny` add
    /// calendar months with clamping). Nil past 9999-12-31.
    public func after(_ date: CalendarDate) -> CalendarDate? {
        moved(date, by: 1)
    }

    /// `date` moved back by this period, with the same arithmetic. Nil before 1900.
    public func before(_ date: CalendarDate) -> CalendarDate? {
        moved(date, by: -1)
    }

    private func moved(_ date: CalendarDate, by sign: Int) -> CalendarDate? {
        guard count <= Self.largestCount else { return nil }
        switch unit {
        case .days: return date.addingDays(sign * count)
        case .weeks: return date.addingDays(sign * count * 7)
        case .months: return date.addingMonths(sign * count)
        case .years: return date.addingMonths(sign * count * 12)
        }
    }
}

extension Period: CustomStringConvertible {
    public var description: String {
        count >= Self.largestCount ? "more than \(Self.largestCount)\(unit.rawValue)" : "\(count)\(unit.rawValue)"
    }
}
