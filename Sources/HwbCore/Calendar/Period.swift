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

    /// Parses `N` followed by `d`, `w`, `m` or `y` (N at most 6 digits).
    public init?(_ text: some StringProtocol) {
        guard let last = text.last, let unit = Unit(rawValue: last) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let count = Int(digits)
        else { return nil }
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
        switch unit {
        case .days: return date.addingDays(sign * count)
        case .weeks: return date.addingDays(sign * count * 7)
        case .months: return date.addingMonths(sign * count)
        case .years: return date.addingMonths(sign * count * 12)
        }
    }
}

extension Period: CustomStringConvertible {
    public var description: String { "\(count)\(unit.rawValue)" }
}
