import HwbCore
import HwbTestSupport
import Testing

/// R10: "one sweep after a long jump leaves the same store as a sweep every day through
/// that jump (when no other command runs between)". From a random state on day T,
/// `date set T+n; sweep` must leave the same accounts as n times `date advance 1d; sweep`.
@Suite struct SweepJumpPropertyTests {
    /// A random state and a jump of 1 to 400 days, half the time aimed at (or a day
    /// either side of) a date where something happens: 31 August / 1 September, an
    /// expiry, the 91st idle day, a leaving date, a deletion date, or the deletion date of
    /// an account the jump itself will deactivate.
    struct JumpCase: CustomTestStringConvertible {
        var seed: UInt64
        var prefix: Scenario
        var days: Int

        init(seed: UInt64) {
            self.seed = seed
            var random = SplitMix64(seed: seed ^ 0x6A75_6D70)
            prefix = RandomScenario.generate(seed: seed, length: random.int(in: 5...80))
            let store = prefix.replay().store
            let today = store.today
            var targets: [CalendarDate] = []
            for year in today.year...(today.year + 2) {
                targets += [CalendarDate(year: year, month: 8, day: 31)!, CalendarDate(year: year, month: 9, day: 1)!]
            }
            for account in store.accounts.values.sorted(by: { $0.id < $1.id }) {
                var dates = [account.expires?.addingDays(1), account.lastActivity.addingDays(91), account.leavingDate,
                             account.deletionDue].compactMap { $0 }
                dates += dates.compactMap { $0.addingMonths(12) }
                targets += dates
            }
            let reachable = targets.map { $0.days(since: today) }.filter { (1...400).contains($0) }
            if !reachable.isEmpty, random.chance(50) {
                days = min(400, max(1, random.element(reachable) + random.int(in: -1...1)))
            } else {
                days = random.int(in: 1...400)
            }
        }

        var testDescription: String { "seed \(seed), \(prefix.commands.count) commands, jump \(days)d" }
    }

    static let cases = seeds(40, salt: 10).map(JumpCase.init)

    @Test(arguments: cases)
    func oneSweepAfterAJumpEqualsASweepEveryDay(_ jump: JumpCase) {
        expectProperty(jump.prefix) { Self.jumpMatchesDailySweeps($0, days: jump.days) }
    }

    /// Nil when the two ways of moving `days` ahead leave the same accounts.
    static func jumpMatchesDailySweeps(_ prefix: Scenario, days: Int) -> String? {
        let start = prefix.replay().store
        let context = Context(actor: .serviceDesk, command: "sweep")
        guard let target = start.today.addingDays(days) else { return nil }
        var jumped = start
        var daily = start
        do throws(RuleError) {
            try jumped.setDate(target)
            jumped.sweep(context)
            for _ in 0..<days {
                try daily.advance(by: Period(1, .days))
                daily.sweep(context)
            }
        } catch {
            return "moving the clock was refused: \(error)"
        }
        let steps = "then from \(start.today): `date set \(target); sweep` versus \(days) x `date advance 1d; sweep`"
        if jumped.today != daily.today {
            return "\(steps): the clocks read \(jumped.today) and \(daily.today)"
        }
        if jumped.accounts != daily.accounts {
            return "\(steps): the accounts differ:\n"
                + Reference.differences(jumped.accounts.dictionary, daily.accounts.dictionary, names: ("jump ", "daily"))
        }
        return nil
    }

    /// The cases above do cross 31 August and do delete accounts in the jump, some of
    /// them deactivated during the jump itself.
    @Test func jumpsCoverTheYearEndAndDeletions() {
        var crossesYearEnd = 0, deletes = 0, deactivatesAndDeletes = 0, longerThanAYear = 0
        for jump in Self.cases {
            var store = jump.prefix.replay().store
            let from = store.today
            try? store.setDate(from.addingDays(jump.days)!)
            let report = store.sweep(Context(actor: .serviceDesk, command: "sweep"))
            if AcademicYear.start(of: from) != AcademicYear.start(of: store.today) { crossesYearEnd += 1 }
            if !report.deleted.isEmpty { deletes += 1 }
            if Set(report.deleted.map(\.id)).intersection(report.deactivated.map(\.id)).count > 0 { deactivatesAndDeletes += 1 }
            if jump.days > 365 { longerThanAYear += 1 }
        }
        #expect(crossesYearEnd >= 5)
        #expect(deletes >= 5)
        #expect(deactivatesAndDeletes >= 3)
        #expect(longerThanAYear >= 3)
    }
}
