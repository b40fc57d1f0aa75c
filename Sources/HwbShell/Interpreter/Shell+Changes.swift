import HwbCore
import HwbLanguage

/// What the shell prints after a command that changed accounts.
extension Shell {
    func created(_ account: Account) {
        print("created \(account.id) (non-MIS, \(account.category!.rawValue)) at \(account.school), expires \(account.expires!)")
        if account.category == .iteStudent {
            print("reminder: the ITE student must move their content out of Hwb before the placement ends on \(account.expires!)")
        }
    }

    func joined(_ outcome: JoinOutcome) {
        switch outcome {
        case .ignoredNotMaintained(let school):
            print("ignored: \(school.number) (\(school.name)) is not a maintained school in Wales; nothing changed")
        case .created(let account):
            print("joined \(account.id) (MIS \(account.role!.rawValue)) at \(account.school)")
        case .moved(let account, let from):
            print(from == account.school
                ? "\(account.id) stays at \(account.school); any leaving date is cleared"
                : "moved \(account.id) from \(from) to \(account.school)")
        case .reactivated(let account):
            print("reactivated \(account.id) (MIS learner) at \(account.school); content kept (\(account.content) items)")
        case .pending(let account):
            print("\(account.id) (MIS staff) stays deactivated: waiting for the Service Desk to reactivate it at \(account.pendingSchool!) (see pending)")
        }
    }

    func reactivated(_ account: Account) {
        if account.isMIS {
            print("reactivated \(account.id) (MIS \(account.role!.rawValue)) at \(account.school)")
        } else {
            print("reactivated \(account.id) (non-MIS, \(account.category!.rawValue)), expires \(account.expires!)")
        }
    }

    /// R10: the counts, then the ids of each group.
    func sweep(dryRun: Bool, _ context: Context) {
        let report = dryRun ? store.planSweep() : store.sweep(context)
        let verb = dryRun ? "would deactivate" : "deactivated"
        let deleteVerb = dryRun ? "would delete" : "deleted"
        let content = report.deletedContent
        var summary = "sweep \(dryRun ? "dry-run " : "")as of \(report.date): \(verb) \(report.deactivated.count), "
        summary += "\(deleteVerb) \(report.deleted.count)"
        if !report.deleted.isEmpty { summary += " with \(content) content item\(content == 1 ? "" : "s")" }
        if dryRun { summary += "; nothing changed" }
        print(summary)
        for reason in Account.Reason.allCases {
            let ids = report.ids(reason)
            if !ids.isEmpty { print("  \(reason.rawValue.padded(to: 9)) \(idList(ids.map(\.value)))") }
        }
        if !report.deleted.isEmpty {
            print("  \("deleted".padded(to: 9)) \(idList(report.deleted.map { "\($0.id) (\($0.content))" }))")
        }
    }

    /// Ids joined by commas, the first 20 and a count of the rest.
    private func idList(_ ids: [String]) -> String {
        let shown = ids.prefix(20).joined(separator: ", ")
        return ids.count > 20 ? "\(shown) and \(ids.count - 20) more" : shown
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
