/// The numbers the rules are built on, named so that they can be shown (`policy`),
/// changed for a simulation (`policy set`) or tried out (`what-if`).
///
/// `guidance` is the policy of the public guidance, and every store starts with it: the
/// expiring list looks 56 days ahead (R6), 90 days without a sign-in switch a non-MIS
/// account off (R13), deletion is due 12 months after deactivation (R10.3), a non-MIS
/// account lasts at most to 31 August (R1, R5, R7, R12), and `keep` offers
/// end-of-next-year, 6m, 3m and 1m (R7).
///
///     var policy = Policy.guidance
///     try policy.apply(Policy.Setting(name: "deletion", value: "9m"))
///     policy.deletionDue(after: CalendarDate("2027-09-01")!)   // 2028-06-01
public struct Policy: Sendable, Equatable {
    /// R6: how many days ahead the expiring list looks.
    public var expiringDays: Int
    /// R13: the days without a sign-in after which the sweep deactivates a non-MIS account.
    public var inactivityDays: Int
    /// R10.3: the months from deactivation to deletion.
    public var deletionMonths: Int
    /// R1: the last day of the year a non-MIS account may last to.
    public var lastDay: MonthDay
    /// R7: the periods `keep` accepts, in the order of `KeepPeriod.allCases`.
    public var keeps: [KeepPeriod]

    public static let guidance = Policy(
        expiringDays: 56, inactivityDays: 90, deletionMonths: 12, lastDay: MonthDay(month: 8, day: 31),
        keeps: KeepPeriod.allCases)

    /// R10.3, R14.3: the day deletion is due for an account deactivated on `deactivation`;
    /// the calendar ends on 9999-12-31, so a deactivation in its last months is due then.
    public func deletionDue(after deactivation: CalendarDate) -> CalendarDate {
        deactivation.addingMonths(deletionMonths) ?? .maximum
    }

    /// R10.1, R13: the day the sweep deactivates an active non-MIS account with these
    /// dates, and why: the day after it expires or the first day past the inactivity
    /// limit, whichever comes first (`expired` on a tie).
    public func scheduledDeactivation(expires: CalendarDate?, lastActivity: CalendarDate) -> (on: CalendarDate, reason: Account.Reason)? {
        let expiryDay = expires?.addingDays(1)
        let idleDay = lastActivity.addingDays(inactivityDays + 1)
        switch (expiryDay, idleDay) {
        case let (expiry?, idle?): return idle < expiry ? (idle, .inactive) : (expiry, .expired)
        case let (expiry?, nil): return (expiry, .expired)
        case let (nil, idle?): return (idle, .inactive)
        case (nil, nil): return nil
        }
    }

    /// R1: the last day of this policy's year that is on or after `date`: with the
    /// guidance's 31 August, the end of the academic year containing `date`. Nil past
    /// the calendar's end.
    public func endOfYear(_ date: CalendarDate) -> CalendarDate? {
        let (year, month, day) = date.parts
        let passed = (month, day) > (lastDay.month, lastDay.day)
        return CalendarDate(year: year + (passed ? 1 : 0), month: lastDay.month, day: lastDay.day)
    }

    /// R1: the last day of the year after `endOfYear(date)`.
    public func endOfNextYear(_ date: CalendarDate) -> CalendarDate? {
        endOfYear(date).flatMap { CalendarDate(year: $0.year + 1, month: lastDay.month, day: lastDay.day) }
    }
}

/// A day of the year, such as 31 August: `08-31`. 29 February is not one, as it is not
/// in every year.
public struct MonthDay: Sendable, Hashable, CustomStringConvertible {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// `MM-DD`, a day that every year has.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: 2027)
        else { return nil }
        self.init(month: month, day: day)
    }

    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// `31 August`.
    public var spelled: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(day) \(names[month - 1])"
    }
}

extension Policy {
    /// The parameters by the names `policy set` and `what-if` take.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        case expiring, inactivity, deletion
        case lastDay = "last-day"
        case keeps

        /// The rule the parameter belongs to, which its audit entry cites.
        public var rule: Rule {
            switch self {
            case .expiring: .r6
            case .inactivity: .r13
            case .deletion: .r10
            case .lastDay: .r1
            case .keeps: .r7
            }
        }

        /// What the parameter is, in words.
        public var meaning: String {
            switch self {
            case .expiring: "how far ahead the expiring list and the banner look"
            case .inactivity: "days without a sign-in before the sweep switches a non-MIS account off"
            case .deletion: "time from deactivation to deletion with all content"
            case .lastDay: "the last day of the year a non-MIS account can last to (create, keep, reactivate)"
            case .keeps: "the periods keep offers"
            }
        }

        /// How a value is written.
        public var form: String {
            switch self {
            case .expiring, .inactivity: "Nd or Nw"
            case .deletion: "Nm or Ny"
            case .lastDay: "MM-DD"
            case .keeps: "a list of end-of-next-year, 6m, 3m, 1m"
            }
        }
    }

    /// One parameter with a new value: `deletion=9m`.
    public struct Setting: Sendable, Hashable {
        public var name: Name
        /// The value as this policy writes it (`9m`, `60d`, `07-31`, `6m,3m`).
        public var value: String

        /// The setting `name=value`, or an error that says what is wrong with the value.
        public init(name: Name, value text: String) throws(RuleError) {
            self.name = name
            var policy = Policy.guidance
            switch name {
            case .expiring:
                policy.expiringDays = try Self.days(text, name, in: 1...366)
            case .inactivity:
                policy.inactivityDays = try Self.days(text, name, in: 1...3660)
            case .deletion:
                guard let period = Period(text), period.unit == .months || period.unit == .years else {
                    throw Self.error(name, text)
                }
                let months = period.unit == .years ? min(period.count, Period.largestCount) * 12 : period.count
                guard (1...120).contains(months) else {
                    throw RuleError("deletion must be from 1m to 120m (10y), got \(text)", rule: name.rule)
                }
                policy.deletionMonths = months
            case .lastDay:
                guard let day = MonthDay(text) else {
                    throw RuleError("last-day must be a day of the year as MM-DD, such as 08-31 (29 February is not in every year), got \"\(text)\"", rule: name.rule)
                }
                policy.lastDay = day
            case .keeps:
                var keeps: [KeepPeriod] = []
                for word in text.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let period = KeepPeriod(rawValue: String(word)) else {
                        throw RuleError("keeps must list keep periods from end-of-next-year, 6m, 3m and 1m, separated by commas, got \"\(word)\"", rule: name.rule)
                    }
                    if !keeps.contains(period) { keeps.append(period) }
                }
                policy.keeps = KeepPeriod.allCases.filter(keeps.contains)
            }
            value = policy.value(of: name)
        }

        private static func days(_ text: String, _ name: Name, in range: ClosedRange<Int>) throws(RuleError) -> Int {
            guard let period = Period(text), period.unit == .days || period.unit == .weeks else { throw error(name, text) }
            let days = period.unit == .weeks ? min(period.count, Period.largestCount) * 7 : period.count
            guard range.contains(days) else {
                throw RuleError("\(name.rawValue) must be from \(range.lowerBound)d to \(range.upperBound)d, got \(text)", rule: name.rule)
            }
            return days
        }

        private static func error(_ name: Name, _ text: String) -> RuleError {
            RuleError("\(name.rawValue) takes \(name.form), got \"\(text)\"", rule: name.rule)
        }
    }

    /// The parameter's value as `policy` shows it and `policy set` takes it.
    public func value(of name: Name) -> String {
        switch name {
        case .expiring: "\(expiringDays)d"
        case .inactivity: "\(inactivityDays)d"
        case .deletion: "\(deletionMonths)m"
        case .lastDay: lastDay.description
        case .keeps: keeps.map(\.rawValue).joined(separator: ",")
        }
    }

    /// Every parameter with its value, in the order of `Name.allCases`.
    public var settings: [Setting] {
        // Each value is one this policy wrote, so it reads back.
        Name.allCases.map { try! Setting(name: $0, value: value(of: $0)) }
    }

    /// Sets the parameter `setting` names.
    public mutating func apply(_ setting: Setting) {
        switch setting.name {
        case .expiring: expiringDays = Period(setting.value)!.count
        case .inactivity: inactivityDays = Period(setting.value)!.count
        case .deletion: deletionMonths = Period(setting.value)!.count
        case .lastDay: lastDay = MonthDay(setting.value)!
        case .keeps: keeps = setting.value.split(separator: ",").compactMap { KeepPeriod(rawValue: String($0)) }
        }
    }

    /// This policy with `settings` applied in turn.
    public func applying(_ settings: [Setting]) -> Policy {
        var policy = self
        for setting in settings { policy.apply(setting) }
        return policy
    }
}
