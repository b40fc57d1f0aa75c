import HwbCore
import HwbTestSupport
import Testing

/// A forecast must come true: after every command of a random scenario, the forecast up
/// to a day is exactly what sweeping up to that day does, under the store's policy and
/// under a changed one, night by night over a short span and in one jump over a long one.
@Suite struct ForecastPropertyTests {
    @Test(arguments: seeds(10, salt: 13))
    func forecastsComeTrueUnderTheGuidance(seed: UInt64) {
        expectProperty(RandomScenario.generate(seed: seed, length: 120), afterEveryCommand { Self.mismatch(in: $0, policy: []) })
    }

    @Test(arguments: seeds(10, salt: 14))
    func forecastsComeTrueUnderAChangedPolicy(seed: UInt64) {
        let changes = Self.policies[Int(seed % UInt64(Self.policies.count))]
        expectProperty(RandomScenario.generate(seed: seed, length: 120), afterEveryCommand { Self.mismatch(in: $0, policy: changes) })
    }

    /// `what-if` with the store's own values finds nothing; with changed ones, it names
    /// exactly the accounts whose events differ between the two forecasts, with both fates.
    @Test(arguments: seeds(8, salt: 15))
    func whatIfNamesTheAccountsWhoseForecastsDiffer(seed: UInt64) {
        let changes = Self.policies[Int(seed % UInt64(Self.policies.count))]
        let settings = changes.map { try! Policy.Setting(name: $0.0, value: $0.1) }
        expectProperty(RandomScenario.generate(seed: seed, length: 120), afterEveryCommand { store in
            guard let until = store.today.addingDays(Self.spans[Int(store.today.dayNumber) % Self.spans.count]) else { return nil }
            let same = store.whatIf(store.policy.settings, visibleTo: .serviceDesk, until: until)
            guard same.isEmpty, same.currentTotals == same.changedTotals, same.weeks.allSatisfy({ $0.counts.allSatisfy { $0 == 0 } }) else {
                return "what-if with the store's own policy finds a difference"
            }
            let comparison = store.whatIf(settings, visibleTo: .serviceDesk, until: until)
            let now = store.forecast(visibleTo: .serviceDesk, until: until)
            let then = store.forecast(visibleTo: .serviceDesk, until: until, policy: store.policy.applying(settings))
            func fates(_ forecast: Forecast) -> [AccountID: String] {
                Dictionary(grouping: forecast.events, by: \.id).mapValues { events in
                    events.map { "\($0.kind.rawValue) \($0.date) \($0.reason?.rawValue ?? "")" }.joined(separator: ", ")
                }
            }
            let (a, b) = (fates(now), fates(then))
            let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
            guard comparison.changes.map(\.id) == differing else {
                return "what-if names \(comparison.changes.map(\.id).prefix(5)), the forecasts differ for \(differing.prefix(5))"
            }
            let totals = Forecast.Column.allCases.map { column in then.events.count { $0.column == column } }
            guard comparison.changedTotals == totals else { return "what-if's totals \(comparison.changedTotals) != \(totals)" }
            return nil
        })
    }

    static let policies: [[(Policy.Name, String)]] = [
        [(.deletion, "3m"), (.inactivity, "30d")],
        [(.deletion, "18m")],
        [(.inactivity, "200d"), (.deletion, "1m")],
    ]

    /// The spans looked ahead, by the day of the store, so that every command gets one.
    static let spans = [1, 9, 45, 130, 400]

    static func mismatch(in original: Store, policy changes: [(Policy.Name, String)]) -> String? {
        var store = original
        if !changes.isEmpty {
            let settings = changes.map { try! Policy.Setting(name: $0.0, value: $0.1) }
            try! store.setPolicy(settings, Fixtures.context(.serviceDesk))
        }
        let span = spans[Int(store.today.dayNumber) % spans.count]
        guard let until = store.today.addingDays(span) else { return nil }
        let forecast = store.forecast(visibleTo: .serviceDesk, until: until)
        let label = "forecast to \(until) under \(store.policy.settings.map { "\($0.name.rawValue)=\($0.value)" })"
        guard forecast.events == forecast.events.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) else {
            return "\(label): the events are not by date and id"
        }

        // What the sweeps do: each change with its day (a deactivation's own day, a
        // deletion's sweep), night by night or in one jump.
        var swept = store
        var happened: [String] = []
        var nights = span <= 45 ? [store.today] + (1...span).map { store.today.addingDays($0)! } : [until]
        if span > 45 { nights = [until] }
        for night in nights {
            try! swept.setDate(night)
            let report = swept.sweep(Fixtures.context(.serviceDesk))
            for deactivation in report.deactivated {
                happened.append("\(deactivation.on) \(deactivation.id) deactivated \(deactivation.reason.rawValue)")
            }
            for deletion in report.deleted { happened.append("\(night) \(deletion.id) deleted") }
        }
        // A deletion's forecast day is its sweep's night, unless it was already due today
        // (then the first sweep makes it) or the sweeps jumped.
        let expected = forecast.events.map { event in
            let night = event.kind == .deleted && span > 45 ? until : max(event.date, store.today)
            return event.kind == .deleted
                ? "\(night) \(event.id) deleted"
                : "\(event.date) \(event.id) deactivated \(event.reason!.rawValue)"
        }
        guard happened.sorted() == expected.sorted() else {
            let missing = Set(expected).subtracting(happened).sorted().prefix(3)
            let extra = Set(happened).subtracting(expected).sorted().prefix(3)
            return "\(label): forecast but not swept \(Array(missing)), swept but not forecast \(Array(extra))"
        }

        // Each actor sees the events of its own accounts, and a filter keeps its own.
        for actor in IndexPropertyTests.actors.prefix(6) {
            let own = store.forecast(visibleTo: actor, until: until).events
            guard own == forecast.events.filter({ actor.covers($0.school) }) else { return "\(label): \(actor) sees other events" }
        }
        let nonMIS = store.forecast(visibleTo: .serviceDesk, matching: [.kind(.nonMIS)], until: until).events
        let nonMISIDs = Set(store.accounts.values.filter { !$0.isMIS }.map(\.id))
        guard nonMIS == forecast.events.filter({ nonMISIDs.contains($0.id) }) else { return "\(label): kind=non-mis keeps others" }
        return nil
    }
}
