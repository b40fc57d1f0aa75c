import HwbCore
import HwbLanguage
import HwbStorage

/// What the shell prints after a command that changed accounts.
extension Shell {
    func created(_ account: Account) {
        guard case .nonMIS(let nonMIS) = account.lifecycle else { return }
        print("created \(account.id) (non-MIS, \(nonMIS.category.rawValue)) at \(account.school), expires \(nonMIS.expires)")
        if nonMIS.category == .iteStudent {
            print("reminder: the ITE student must move their content out of Hwb before the placement ends on \(nonMIS.expires)")
        }
    }

    func joined(_ outcome: JoinOutcome) {
        switch outcome {
        case .ignoredNotMaintained(let school):
            print("ignored: \(school.number) (\(school.name)) is not a maintained school in Wales; nothing changed")
        case .created(let account):
            print("joined \(account.id) (\(kindText(account))) at \(account.school)")
        case .moved(let account, let from):
            print(from == account.school
                ? "\(account.id) stays at \(account.school); any leaving date is cleared"
                : "moved \(account.id) from \(from) to \(account.school)")
        case .reactivated(let account):
            print("reactivated \(account.id) (MIS learner) at \(account.school); content kept (\(account.content) items)")
        case .pending(let account):
            guard case .mis(let mis) = account.lifecycle, let school = mis.pendingSchool else { return }
            print("\(account.id) (MIS staff) stays deactivated: waiting for the Service Desk to reactivate it at \(school) (see pending)")
        }
    }

    func reactivated(_ account: Account) {
        switch account.lifecycle {
        case .mis(let mis):
            print("reactivated \(account.id) (MIS \(mis.role.rawValue)) at \(account.school)")
        case .nonMIS(let nonMIS):
            print("reactivated \(account.id) (non-MIS, \(nonMIS.category.rawValue)), expires \(nonMIS.expires)")
        }
    }

    /// R10: the counts, then the ids of each group.
    func sweep(dryRun: Bool, _ context: Context) {
        var bar: Progress?
        let report = dryRun ? store.planSweep() : store.sweep(context, concurrency: .bothCores) { [self] done, total in
            if bar == nil { bar = progress("sweeping", total: total, unit: .accounts) }
            bar?.update(done: done)
        }
        bar?.finish()
        if renderer.isDocument { return write(sweepTable(report)) }
        let verb = dryRun ? "would deactivate" : "deactivated"
        let deleteVerb = dryRun ? "would delete" : "deleted"
        let content = report.deletedContent
        var summary = "sweep \(dryRun ? "dry-run " : "")as of \(report.date): \(verb) \(report.deactivated.count), "
        summary += "\(deleteVerb) \(report.deleted.count)"
        if !report.deleted.isEmpty { summary += " with \(content) content item\(content == 1 ? "" : "s")" }
        if dryRun { summary += "; nothing changed" }
        print(summary)
        // The sweep is the system's (R11), but the ids shown keep to the actor's scope.
        // One pass over the report: only the ids shown are turned into text.
        let reasons = Account.Reason.allCases
        var groups = reasons.map { reason in
            // The sweep's entries carry its date; an account's deactivation date is the
            // rule's (the day after expiry, say), so the audit log is where they all are.
            IDList(rest: dryRun ? "format csv, then sweep dry-run, lists them all"
                                : "audit since=\(report.date) until=\(report.date) rule=\(reason == .inactive ? "R13" : "R10") shows them all")
        }
        for deactivation in report.deactivated {
            let group = reasons.firstIndex(of: deactivation.reason)!
            groups[group].add(deactivation.id.value, inScope: actor.covers(deactivation.school))
        }
        for (reason, group) in zip(reasons, groups) where group.total > 0 {
            print("  \(reason.rawValue.padded(to: 9)) \(group)")
        }
        if !report.deleted.isEmpty {
            var deleted = IDList(rest: dryRun ? "format csv, then sweep dry-run, lists them all"
                                              : "audit since=\(report.date) until=\(report.date) rule=R10 shows them all")
            for deletion in report.deleted {
                deleted.add("\(deletion.id) (\(deletion.content))", inScope: actor.covers(deletion.school))
            }
            print("  \("deleted".padded(to: 9)) \(deleted)")
        }
    }

    /// The sweep's changes in the actor's scope, one a row, for `format csv|json`.
    private func sweepTable(_ report: SweepReport) -> Table {
        var table = Table(["ID", "CHANGE", "REASON", "SCHOOL", "CONTENT"])
        for deactivation in report.deactivated where actor.covers(deactivation.school) {
            table.add([deactivation.id.value, "deactivated", deactivation.reason.rawValue, deactivation.school.description, ""])
        }
        for deletion in report.deleted where actor.covers(deletion.school) {
            table.add([deletion.id.value, "deleted", "", deletion.school.description, String(deletion.content)])
        }
        return table
    }
}

/// The ids a sweep report shows in one line: the first 20 in the actor's scope, a count
/// of the rest, and how many are outside the scope.
private struct IDList: CustomStringConvertible {
    private static let shownAtMost = 20
    private var shown: [String] = []
    private(set) var total = 0
    private var inScope = 0
    /// Where the ids not shown can be seen.
    let rest: String

    init(rest: String) {
        self.rest = rest
    }

    /// Counts one id, with its text when it is one of the first 20 in the actor's scope
    /// (the text is made only then).
    mutating func add(_ id: @autoclosure () -> String, inScope: Bool) {
        total += 1
        guard inScope else { return }
        if self.inScope < Self.shownAtMost { shown.append(id()) }
        self.inScope += 1
    }

    var description: String {
        var parts = [shown.joined(separator: ", ")]
        if inScope > Self.shownAtMost { parts[0] += " and \(inScope - Self.shownAtMost) more (\(rest))" }
        if total > inScope { parts.append("\(total - inScope) outside your scope") }
        return parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// `keep` and `close` of one account, several, or those that pass filters: all or none.
extension Shell {
    /// The ids a selection names, in order: as typed, or those in scope that pass the
    /// filters (by id). No account passing is an error, not a change of nothing.
    func ids(of selection: AccountSelection) throws(RuleError) -> [AccountID] {
        switch selection {
        case .ids(let ids):
            return ids
        case .matching(let filters):
            let rows = store.rows(visibleTo: actor, matching: filters)
            guard !rows.isEmpty else { throw RuleError("no accounts in your scope pass those filters; nothing changed", rule: .r11) }
            return rows.map { store.accounts.id(at: $0) }
        }
    }

    /// Runs `change` on each account of the selection, on a copy of the store that
    /// replaces it only if every one succeeded. A failure names the account, its place
    /// among those asked for, and (with `where`) the filter that leaves it out.
    private func changeAll(
        _ selection: AccountSelection, _ change: (inout Store, AccountID) throws(RuleError) -> Account
    ) throws(RuleError) -> [Account] {
        let ids = try ids(of: selection)
        guard ids.count > 1 else { return [try change(&store, ids[0])] }
        var trial = store
        let changed = try Self.changeEach(ids, on: &trial, selection: selection, answer: withAnswer, change)
        store = trial
        return changed
    }

    /// Whether every account a `keep` or `close` selects would take the change, tried on
    /// a copy: asked before the question at a terminal, so that a refusal is said without
    /// asking first.
    func wouldChangeAll(_ command: Command) -> Bool {
        let context = Context(actor: actor, command: "")
        let selection: AccountSelection
        let change: (inout Store, AccountID) throws(RuleError) -> Account
        switch command {
        case .keep(let selected, let period):
            selection = selected
            change = { (store: inout Store, id) throws(RuleError) in try store.keep(id, period, context) }
        case .close(let selected, let mode):
            selection = selected
            change = { (store: inout Store, id) throws(RuleError) in try store.close(id, mode, context) }
        default:
            return true
        }
        guard let ids = try? ids(of: selection) else { return false }
        var trial = store
        return (try? Self.changeEach(ids, on: &trial, selection: selection, answer: { $0 }, change)) != nil
    }

    private static func changeEach(
        _ ids: [AccountID], on store: inout Store, selection: AccountSelection, answer: (RuleError) -> RuleError,
        _ change: (inout Store, AccountID) throws(RuleError) -> Account
    ) throws(RuleError) -> [Account] {
        var changed: [Account] = []
        changed.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() {
            do throws(RuleError) {
                changed.append(try change(&store, id))
            } catch {
                // The answer (a deletion, the nearest ids) first; then what the refusal means
                // for the others. The fields are not passed on: the answer is given.
                var message = "\(answer(error).message) (account \(index + 1) of \(ids.count)); nothing changed"
                if case .matching = selection, let account = store.accounts[id] {
                    if account.isMIS {
                        message += ": add kind=non-mis to leave MIS accounts out"
                    } else if !account.isActive {
                        message += ": add status=active to leave deactivated accounts out"
                    }
                }
                throw RuleError(message, rule: error.rule)
            }
        }
        return changed
    }

    func keep(_ selection: AccountSelection, _ period: KeepPeriod, _ context: Context) throws(RuleError) {
        let kept = try changeAll(selection) { (store: inout Store, id) throws(RuleError) in try store.keep(id, period, context) }
        let idle = kept.filter { store.inactivityDeactivation(of: $0) != nil }
        if kept.count == 1, let account = kept.first, let expires = account.expires {
            print("kept \(account.id) until \(expires)")
        } else {
            print("kept \(plural(kept.count, "account")): " + Self.untilText(kept))
            for account in kept.prefix(Self.changesListed) { print("  \(account.id) until \(account.expires.map(\.description) ?? "–")") }
            if kept.count > Self.changesListed { print("  and \(kept.count - Self.changesListed) more; audit since=\(store.today) shows each") }
        }
        // Kept, but switched off tonight all the same unless someone signs in: said
        // with the result (the keep succeeded), not as an error.
        if idle.count == 1, let account = idle.first {
            let who = kept.count == 1 ? "" : "\(account.id): "
            print("warning: \(who)no sign-in since \(account.lastActivity): the next sweep deactivates it as inactive (R13); a sign-in resets this")
        } else if idle.count > 1 {
            print("warning: \(idle.count) of them have had no sign-in for \(store.policy.inactivityDays) days (\(Self.sample(idle.map(\.id.value)))): the next sweep deactivates them as inactive (R13); a sign-in resets this")
        }
    }

    func close(_ selection: AccountSelection, _ mode: CloseMode, _ context: Context) throws(RuleError) {
        let closed = try changeAll(selection) { (store: inout Store, id) throws(RuleError) in try store.close(id, mode, context) }
        if closed.count == 1, let account = closed.first {
            switch (account.state, account.lifecycle) {
            case (.deactivated(_, _, let due), _):
                print("closed \(account.id); deleted for good on \(due) unless reactivated")
            case (.active, .nonMIS(let nonMIS)):
                print("\(account.id) will close at expiry on \(nonMIS.expires); it leaves the expiring list")
            case (.active, .mis):
                break
            }
            return
        }
        switch mode {
        case .now:
            let content = closed.map(\.content).contentTotal
            print("closed \(plural(closed.count, "account")) with \(plural(content, "content item")); deleted for good on \(store.policy.deletionDue(after: store.today)) unless reactivated")
        case .atExpiry:
            print("\(plural(closed.count, "account")) will close at expiry (\(Self.untilText(closed))); they leave the expiring list")
        }
        for account in closed.prefix(Self.changesListed) { print("  \(account.id)") }
        if closed.count > Self.changesListed { print("  and \(closed.count - Self.changesListed) more; audit since=\(store.today) shows each") }
    }

    /// How many accounts a change of several lists by id.
    private static let changesListed = 10

    /// `380 until 2028-08-31, 20 until 2028-01-31`: the expiry dates of several accounts.
    private static func untilText(_ accounts: [Account]) -> String {
        var counts: [CalendarDate: Int] = [:]
        for account in accounts { if let expires = account.expires { counts[expires, default: 0] += 1 } }
        let dates = counts.keys.sorted()
        if dates.count == 1, let only = dates.first { return "until \(only)" }
        let shown = dates.prefix(3).map { "\(counts[$0]!) until \($0)" }.joined(separator: ", ")
        return dates.count > 3 ? shown + " and \(dates.count - 3) other dates" : shown
    }
}
