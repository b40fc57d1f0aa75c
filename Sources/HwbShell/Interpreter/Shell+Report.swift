import HwbCore

/// `report`: counts in groups, then the expiring list week by week as a chart.
extension Shell {
    func report(_ filters: [AccountFilter], by grouping: Report.Grouping?) {
        let report = store.report(visibleTo: actor, matching: filters, by: grouping)
        let weeks = report.weekStarts
        var table = Table([(grouping?.rawValue ?? "scope").uppercased(), "ACCOUNTS", "ACTIVE", "DEACTIVATED", "MIS", "NON-MIS",
                           "EXPIRING", "OVERDUE"] + Account.Reason.allCases.map { $0.rawValue.uppercased() }
                          + (renderer.isDocument ? weeks.map { "WEEK OF \($0)" } : []))
        func add(_ key: String, _ counts: Report.Counts) {
            let cells = [counts.accounts, counts.active, counts.deactivated, counts.mis, counts.nonMIS, counts.expiring,
                         counts.overdue] + counts.byReason + (renderer.isDocument ? counts.expiringByWeek : [])
            table.add([key] + cells.map(String.init))
        }
        for group in report.groups { add(group.key, group.counts) }
        if grouping == nil || !renderer.isDocument { add("all", report.total) }
        if renderer.isDocument { return write(table) }
        print("report as of \(report.date) for \(describeActor())\(filters.isEmpty ? "" : ", filtered"): \(plural(report.total.accounts, "account"))")
        write(table)
        print("expiring in the next \(expiringWindowText) (R6), week by week\(report.total.overdue > 0 ? "; the first holds \(report.total.overdue) overdue" : ""):")
        let most = max(1, report.total.expiringByWeek.max() ?? 1)
        let barRoom = max(10, min(50, (renderer.width ?? 80) - 24))
        for (start, count) in zip(weeks, report.total.expiringByWeek) {
            let bar = String(repeating: "█", count: count == 0 ? 0 : max(1, count * barRoom / most))
            print("  \(start)  \(bar)\(bar.isEmpty ? "" : " ")\(count)")
        }
    }
}
