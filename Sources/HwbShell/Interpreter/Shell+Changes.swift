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
        var groups = reasons.map { _ in IDList() }
        for deactivation in report.deactivated {
            let group = reasons.firstIndex(of: deactivation.reason)!
            groups[group].add(deactivation.id.value, inScope: actor.covers(deactivation.school))
        }
        for (reason, group) in zip(reasons, groups) where group.total > 0 {
            print("  \(reason.rawValue.padded(to: 9)) \(group)")
        }
        if !report.deleted.isEmpty {
            var deleted = IDList()
            for deletion in report.deleted {
                deleted.add("\(deletion.id) (\(deletion.content))", inScope: actor.covers(deletion.school))
            }
            print("  \("deleted".padded(to: 9)) \(deleted)")
        }
    }
}

/// The ids a sweep report shows in one line: the first 20 in the actor's scope, a count
/// of the rest, and how many are outside the scope.
private struct IDList: CustomStringConvertible {
    private static let shownAtMost = 20
    private var shown: [String] = []
    private(set) var total = 0
    private var inScope = 0

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
        if inScope > Self.shownAtMost { parts[0] += " and \(inScope - Self.shownAtMost) more" }
        if total > inScope { parts.append("\(total - inScope) outside your scope") }
        return parts.filter { !$0.isEmpty }.joined(separator: "; ")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
