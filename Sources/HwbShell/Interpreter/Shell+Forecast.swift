import HwbCore
import HwbStorage

/// `forecast`, `forecast ID`, `what-if` and `policy`: what the sweep will do if nobody
/// acts, and what a changed policy would do instead.
extension Shell {
    func forecast(_ filters: [AccountFilter], until: CalendarDate?) throws(RuleError) {
        let forecast = store.forecast(visibleTo: actor, matching: filters, until: try forecastEnd(until))
        switch renderer.format {
        case .json: return write(document: Self.json(forecast))
        case .csv:
            var table = Table(["date", "id", "event", "reason", "rule"])
            for event in forecast.events {
                table.add([event.date.description, event.id.value, event.kind.rawValue, event.reason?.rawValue ?? "", event.rule.rawValue])
            }
            return write(table)
        default: break
        }
        let deletions = forecast.deletions
        let deactivations = forecast.events.count - deletions.count
        let content = deletions.map(\.content).contentTotal
        let span = forecast.until < forecast.from ? "of what is due today" : "from \(forecast.from) to \(forecast.until)"
        print("forecast \(span) for \(describeActor())\(filters.isEmpty ? "" : ", filtered"), if nobody acts: \(plural(deactivations, "deactivation")), \(plural(deletions.count, "deletion")) with \(plural(content, "content item"))")
        guard !forecast.events.isEmpty else { return }
        chart(forecast.weeks, signed: false)
        guard !deletions.isEmpty else { return }
        let deactivatedIn = Dictionary(forecast.events.filter { $0.kind == .deactivated }.map { ($0.id, $0) }) { first, _ in first }
        print("deleted for good by the sweep (R10), soonest first:")
        var table = Table(["DELETED", "ID", "SCHOOL", "CONTENT", "DEACTIVATED"])
        for event in deletions {
            let deactivation = deactivatedIn[event.id].map { "\($0.date) (\($0.reason!.rawValue))" } ?? {
                (try? store.account(event.id, visibleTo: actor)).flatMap { account in
                    account.deactivatedOn.map { "\($0) (\(account.reason!.rawValue))" }
                } ?? ""
            }()
            table.add([event.date.description, event.id.value, event.school.description, String(event.content), deactivation])
        }
        write(table)
        print("\(plural(deletions.count, "account")) deleted for good with \(plural(content, "content item"))")
    }

    /// The last day of a forecast: `until`, or 12 months from today; never before today.
    private func forecastEnd(_ until: CalendarDate?) throws(RuleError) -> CalendarDate {
        guard let until else { return store.today.addingMonths(12) ?? .maximum }
        guard until >= store.today else {
            throw RuleError("until=\(until) is before today (\(store.today)): a forecast looks ahead", rule: nil)
        }
        return until
    }

    /// `{"from":"D","until":"D","events":[{"date":"D","id":"...","event":"deactivated","reason":"expired"}...]}`.
    static func json(_ forecast: Forecast) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + forecast.events.count * 90)
        out.append(contentsOf: "{\"from\":\"\(forecast.from)\",\"until\":\"\(forecast.until)\",\"events\":[".utf8)
        for (index, event) in forecast.events.enumerated() {
            out.append(contentsOf: index == 0 ? "{\"date\":".utf8 : ",{\"date\":".utf8)
            JSONText.appendQuotedDate(event.date, to: &out)
            out.append(contentsOf: ",\"id\":".utf8)
            JSONText.appendQuoted(event.id.value, to: &out)
            switch event.reason {
            case nil: out.append(contentsOf: ",\"event\":\"deleted\",\"reason\":null}".utf8)
            case let reason?:
                out.append(contentsOf: ",\"event\":\"deactivated\",\"reason\":\"".utf8)
                out.append(contentsOf: reason.rawValue.utf8)
                out.append(contentsOf: "\"}".utf8)
            }
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }

    /// The weeks as a chart: a line a week with its counts by column and a bar that fits
    /// the window, one shade a column. `signed` shows differences (+3, -2), without bars.
    private func chart(_ weeks: [Forecast.Week], signed: Bool) {
        let columns = Forecast.Column.allCases
        let shades: [Character] = ["█", "▓", "▒", "░", "×"]
        let headers = columns.map { $0.rawValue.uppercased() }
        let widths = headers.map { max($0.count, 5) }
        func number(_ value: Int) -> String { signed && value > 0 ? "+\(value)" : String(value) }
        let most = max(1, weeks.map { $0.counts.reduce(0) { $0 + abs($1) } }.max() ?? 1)
        let fixed = 12 + widths.reduce(0) { $0 + $1 + 1 } + 2
        let room = max(8, (renderer.width ?? 80) - fixed - columns.count)
        if !signed { print("bars: " + zip(shades, columns).map { "\($0.0) \($0.1.rawValue) (\($0.1.rule.rawValue))" }.joined(separator: "  ")) }
        print("  " + "WEEK OF".padding(10) + zip(headers, widths).map { " " + $0.0.leftPadding($0.1) }.joined())
        for week in weeks {
            var bar = ""
            var done = 0, drawn = 0
            for (place, count) in week.counts.enumerated() where count != 0 {
                done += abs(count)
                let end = max(drawn + 1, done * room / most)
                bar += String(repeating: shades[place], count: end - drawn)
                drawn = end
            }
            let label = week.isDue ? "due now" : week.start.description
            print("  " + label.padding(10) + zip(week.counts, widths).map { " " + number($0.0).leftPadding($0.1) }.joined()
                  + (bar.isEmpty || signed ? "" : "  " + bar))
        }
    }

    /// `forecast ID`: the account's timeline under the store's policy if nobody acts, and
    /// what would change it, with the commands.
    func timeline(_ id: AccountID) throws(RuleError) {
        let account = try store.account(id, visibleTo: actor)
        let policy = store.policy, today = store.today
        var steps: [(date: CalendarDate, what: String)] = [(account.created, "created"), (account.lastActivity, "last sign-in")]
        if account.lastActivity == account.created { steps.removeLast() }
        var changes: [String] = []
        switch account.state {
        case .deactivated(let on, let reason, let due):
            steps.append((on, "deactivated (\(reason.rawValue))"))
            steps.append((due, "deleted for good by the sweep with its \(plural(account.content, "content item")) (R10)"))
            let before = Self.deadline(due, today: today)
            changes.append(account.isMIS
                ? "\(before): the Service Desk reactivates it (reactivate \(id), the Service Desk only) (R12)"
                : "\(before): reactivate \(id) [until=DATE] (R12)")
            if account.role == .learner {
                changes.append("\(before): a maintained school's MIS takes the learner on: mis join \(id) school=NUMBER (R9)")
            }
        case .active:
            if case .nonMIS(let nonMIS) = account.lifecycle {
                if nonMIS.closeAtExpiry {
                    steps.append((today, "set to close at expiry: not on the expiring list (R8)"))
                } else if let enters = nonMIS.expires.addingDays(-policy.expiringDays) {
                    steps.append((max(enters, account.created), "on the expiring list from here, and in the banner's count at login (R6)"))
                }
                steps.append((nonMIS.expires, "expires (last active day)"))
            }
            if let leaving = account.leavingDate { steps.append((leaving, "leaves (MIS leaving date)")) }
            if let (on, reason) = account.scheduledDeactivation(policy) {
                let why = switch reason {
                case .inactive: "no sign-in for \(policy.inactivityDays) days (R13)"
                case .expired: "the day after it expires (R10)"
                case .left: "the leaving date (R10)"
                case .closed: "closed (R8)"
                }
                // What would come after the account is switched off does not come.
                steps.removeAll { $0.date > on }
                steps.append((on, "deactivated (\(reason.rawValue)): \(why)"))
                let due = policy.deletionDue(after: on)
                steps.append((due, "deleted for good by the sweep with its \(plural(account.content, "content item")) (R10)"))
                changes += activeChanges(account, deactivatedOn: on, reason: reason)
            } else {
                changes.append(account.isMIS
                    ? "nothing is due: it stays active while the school MIS holds the record; a leaving date (mis leave \(id) on=DATE) starts its end (R9)"
                    : "nothing is due: its expiry and last sign-in are at the end of the calendar")
            }
        }
        steps.sort { $0.date < $1.date }
        if renderer.isDocument {
            var table = Table(["date", "kind", "what"])
            for step in steps { table.add([step.date.description, "event", step.what]) }
            for change in changes { table.add(["", "change", change]) }
            return write(table)
        }
        print("forecast for \(id) (\(kindText(account)), school \(account.school)) as of \(today), if nobody acts:")
        var table = Table(["DATE", "WHAT"])
        for step in steps { table.add([step.date.description + (step.date < today ? "" : step.date == today ? " (today)" : ""), step.what]) }
        write(table)
        print("what would change it:")
        for change in changes { print("  " + change) }
    }

    /// "before D", or, when D has come and no sweep has made the change yet, "before the
    /// next sweep".
    private static func deadline(_ day: CalendarDate, today: CalendarDate) -> String {
        day > today ? "before \(day)" : "before the next sweep (due since \(day))"
    }

    /// What would change the end of an active account deactivated on `on` for `reason`,
    /// with the commands.
    private func activeChanges(_ account: Account, deactivatedOn on: CalendarDate, reason: Account.Reason) -> [String] {
        let id = account.id, policy = store.policy, today = store.today
        let before = Self.deadline(on, today: today)
        let after = on > today ? "after \(on)" : "once the sweep has deactivated it"
        guard case .nonMIS(let nonMIS) = account.lifecycle else {
            var changes = ["\(before): the school MIS withdraws the leaving date by taking the record on again (mis join \(id) school=\(account.school)) (R9)"]
            changes.append(account.role == .learner
                ? "\(after): a maintained school's MIS takes the learner on (mis join \(id) school=NUMBER) and it is reactivated (R9)"
                : "\(after): only the Service Desk reactivates staff (reactivate \(id)) (R12)")
            return changes
        }
        var changes: [String] = []
        changes.append("\(before): a sign-in (signin \(id)) moves the inactivity day to \(policy.inactivityDays + 1) days after it (R13)")
        if reason == .inactive {
            changes.append("a keep alone does not change this: the inactivity day comes before the expiry (R13)")
        } else {
            let cap = policy.endOfNextYear(today)
            for period in policy.keeps {
                let extended = period.months.flatMap { max(nonMIS.expires, today).addingMonths($0) }
                let limited = extended.map { extended in cap.map { Swift.min(extended, $0) } ?? extended }
                // A keep that would not move the expiry later is no way out.
                guard let expires = period.months == nil ? cap : limited, expires > nonMIS.expires else { continue }
                changes.append("\(before): keep \(id) \(period.rawValue) makes it expire on \(expires) (R7)")
            }
        }
        changes.append("close \(id) now deactivates it today and deletes it on \(policy.deletionDue(after: today)) (R8)")
        changes.append("\(after): reactivate \(id) [until=DATE] brings it back until its deletion (R12)")
        return changes
    }

    /// `what-if NAME=VALUE... [FILTER...] [until=DATE]`.
    func whatIf(_ settings: [Policy.Setting], _ filters: [AccountFilter], until: CalendarDate?) throws(RuleError) {
        let until = try forecastEnd(until)
        let comparison = store.whatIf(settings, visibleTo: actor, matching: filters, until: until)
        let changedText = settings.map { "\($0.name.rawValue)=\($0.value)" }.joined(separator: " ")
        if renderer.isDocument {
            var table = Table(["id", "school", "content", "now_deactivated", "now_reason", "now_deleted",
                               "what_if_deactivated", "what_if_reason", "what_if_deleted"])
            for change in comparison.changes {
                func cells(_ fate: PolicyComparison.Fate) -> [String] {
                    [fate.deactivated?.date.description ?? "", fate.deactivated?.reason.rawValue ?? "", fate.deleted?.description ?? ""]
                }
                table.add([change.id.value, change.school.description, String(change.content)] + cells(change.current) + cells(change.changed))
            }
            return write(table)
        }
        let unchanged = settings.filter { store.policy.value(of: $0.name) == $0.value }
        let span = comparison.until < comparison.from ? "for what is due today" : "from \(comparison.from) to \(comparison.until)"
        print("what if \(changedText), \(span) for \(describeActor())\(filters.isEmpty ? "" : ", filtered"); the store is not changed")
        if !unchanged.isEmpty {
            print("the policy already has \(unchanged.map { "\($0.name.rawValue)=\($0.value)" }.joined(separator: " "))")
        }
        let passive = comparison.settings.filter { [.expiring, .lastDay, .keeps].contains($0.name) }
        if !passive.isEmpty {
            print("\(passive.map(\.name.rawValue).joined(separator: ", ")) change\(passive.count == 1 ? "s" : "") what people see and may do (the expiring list, create, keep), not what the sweep does on its own")
        }
        guard !comparison.isEmpty else {
            return print("no difference: the sweep would make the same changes on the same days")
        }
        let columns = Forecast.Column.allCases
        var totals = Table(["", "NOW", "WHAT IF", "DIFFERENCE"])
        for (place, column) in columns.enumerated() {
            let (now, then) = (comparison.currentTotals[place], comparison.changedTotals[place])
            let label = column == .deleted ? "deleted" : "deactivated (\(column.rawValue))"
            totals.add([label, String(now), String(then), then - now > 0 ? "+\(then - now)" : String(then - now)])
        }
        write(totals)
        if comparison.deletedEarlier > 0 {
            print("deleted earlier: \(plural(comparison.deletedEarlier, "account")) with \(plural(comparison.contentDeletedEarlier, "content item"))")
        }
        if comparison.deletedLater > 0 {
            print("deleted later or not in this span: \(plural(comparison.deletedLater, "account")) with \(plural(comparison.contentDeletedLater, "content item"))")
        }
        print("week by week, the weeks that differ (+ more under what-if, - fewer):")
        chart(comparison.weeks.filter { $0.counts.contains { $0 != 0 } }, signed: true)
        print("accounts whose fate changes:")
        var table = Table(["ID", "SCHOOL", "CONTENT", "NOW", "WHAT IF"])
        for change in comparison.changes {
            table.add([change.id.value, change.school.description, String(change.content), change.current.description, change.changed.description])
        }
        write(table)
        print(plural(comparison.changes.count, "account"))
    }

    /// The policy's expiring window in words: `8 weeks`, `30 days`.
    var expiringWindowText: String {
        let days = store.policy.expiringDays
        return days % 7 == 0 ? plural(days / 7, "week") : plural(days, "day")
    }

    /// `policy`: each parameter with its value and meaning.
    func showPolicy() {
        let policy = store.policy
        if renderer.isDocument {
            var table = Table(["name", "value", "guidance", "rule", "meaning"])
            for name in Policy.Name.allCases {
                table.add([name.rawValue, policy.value(of: name), Policy.guidance.value(of: name), name.rule.rawValue, name.meaning])
            }
            return write(table)
        }
        var table = Table(["NAME", "VALUE", "GUIDANCE", "RULE", "MEANING"])
        for name in Policy.Name.allCases {
            let value = policy.value(of: name), guidance = Policy.guidance.value(of: name)
            let shown = name == .lastDay ? "\(value) (\(policy.lastDay.spelled))" : value
            let guidanceShown = name == .lastDay ? "\(guidance) (\(Policy.guidance.lastDay.spelled))" : guidance
            table.add([name.rawValue, shown, value == guidance ? "same" : guidanceShown, name.rule.rawValue, name.meaning])
        }
        write(table)
        print(policy == .guidance ? "the guidance's policy" : "changed from the guidance's policy; policy set NAME=VALUE changes it back")
    }

    /// `policy set NAME=VALUE...`.
    func setPolicy(_ settings: [Policy.Setting], _ context: Context) throws(RuleError) {
        let changed = try store.setPolicy(settings, context)
        guard !changed.isEmpty else { return print("the policy already has \(settings.map { "\($0.name.rawValue)=\($0.value)" }.joined(separator: " ")); nothing changed") }
        print("policy: \(changed.map { "\($0.name.rawValue)=\($0.value)" }.joined(separator: " "))")
        if changed.contains(where: { $0.name == .deletion }) {
            let due = store.deletionsDue(visibleTo: actor)
            if due > 0 {
                print("\(plural(due, "deactivated account")) \(due == 1 ? "is" : "are") now due for deletion: the next sweep deletes \(due == 1 ? "it" : "them") for good (R10)")
            }
        }
    }
}

extension String {
    /// The text with blanks after it up to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text with blanks before it up to `width` characters.
    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
