import HwbCore
import HwbLanguage
import HwbStorage
import HwbTerminal

/// The read-only commands: listings in the current format, `show`, `audit`, `help`.
extension Shell {
    /// The accounts that pass, by id; in a table, then how many there are (and, with
    /// `limit`, how many of them were shown).
    func list(_ filters: [AccountFilter], limit: Int? = nil) {
        let rows = store.rows(visibleTo: actor, matching: filters)
        let shown = rows.prefix(limit ?? rows.count).map { store.accounts[$0] }
        printAccounts(shown, empty: "no accounts match")
        guard !renderer.isDocument, !rows.isEmpty else { return }
        if shown.count < rows.count {
            print("the first \(shown.count) of \(plural(rows.count, "account")); list without limit= shows them all")
        } else {
            print(plural(rows.count, "account"))
        }
    }

    /// Accounts in the current format: a table, or the interchange CSV or JSON.
    func printAccounts(_ accounts: [Account], empty: String) {
        switch format {
        case .json:
            write(document: JSONText.document(date: store.today, accounts: accounts))
        case .csv:
            write(document: CSV.document(accounts, terminator: "\n"))
        case .auto, .table, .expanded:
            guard !accounts.isEmpty else { return print(empty) }
            var table = Table(["ID", "NAME", "KIND", "TYPE", "SCHOOL", "STATUS", "DATES"])
            for account in accounts {
                table.add([account.id.value, account.name, account.kind.rawValue,
                           account.role?.rawValue ?? account.category?.rawValue ?? "",
                           account.school.description, statusText(account), datesText(account)],
                          styles: [5: statusStyle(account)])
            }
            write(table)
        }
    }

    func statusText(_ account: Account) -> String {
        if let reason = account.reason { return "deactivated (\(reason.rawValue))" }
        if let expires = account.expires, expires < store.today { return "active (overdue)" }
        return account.status.rawValue
    }

    func statusStyle(_ account: Account) -> Table.Style {
        if !account.isActive { return .bad }
        if let expires = account.expires, expires < store.today { return .warning }
        return .good
    }

    func datesText(_ account: Account) -> String {
        if let on = account.deactivatedOn, let due = account.deletionDue {
            let pending = account.pendingSchool.map { ", pending \($0)" } ?? ""
            return "since \(on), deletion \(due)\(pending)"
        }
        if let expires = account.expires {
            let idle = store.inactivityDeactivation(of: account).map { "; inactive from \($0) (R13)" } ?? ""
            return "expires \(expires)\(account.closeAtExpiry == true ? " (closes)" : "")\(idle)"
        }
        if let leaving = account.leavingDate { return "leaves \(leaving)" }
        return ""
    }

    /// R6: the manage-expiring list.
    func expiring() {
        let accounts = store.expiringList(visibleTo: actor)
        guard !renderer.isDocument else { return printAccounts(accounts, empty: "") }
        guard !accounts.isEmpty else { return print("no accounts expire in the next \(expiringWindowText)") }
        var table = Table(["EXPIRES", "ID", "NAME", "CATEGORY", "SCHOOL", "WHEN"])
        var idleCount = 0
        for account in accounts {
            guard case .nonMIS(let nonMIS) = account.lifecycle else { continue }
            let days = nonMIS.expires.days(since: store.today)
            var when = days < 0 ? "overdue: expired \(-days) day\(days == -1 ? "" : "s") ago"
                : days == 0 ? "today" : "in \(days) day\(days == 1 ? "" : "s")"
            let idle = store.inactivityDeactivation(of: account) != nil
            if idle {
                when += "; inactive (R13)"
                idleCount += 1
            }
            table.add([nonMIS.expires.description, account.id.value, account.name,
                       nonMIS.category.rawValue, account.school.description, when],
                      styles: days < 0 || idle ? [5: .warning] : [:])
        }
        write(table)
        print(plural(accounts.count, "account"))
        if idleCount > 0 {
            print("\(idleCount == 1 ? "1 of these has" : "\(idleCount) of these have") had no sign-in for \(store.policy.inactivityDays) days: the next sweep deactivates \(idleCount == 1 ? "it" : "them") as inactive (R13), kept or not; a sign-in resets this")
        }
        print("keep ID \(store.policy.keeps.map(\.rawValue).joined(separator: "|")), or close ID now|at-expiry")
    }

    /// R9: staff waiting for the Service Desk.
    func pending() {
        let accounts = store.pendingList(visibleTo: actor)
        guard !renderer.isDocument else { return printAccounts(accounts, empty: "") }
        guard !accounts.isEmpty else { return print("no staff wait for the Service Desk") }
        var table = Table(["ID", "NAME", "FROM", "TO", "LEFT", "DELETION"])
        for account in accounts {
            guard case .mis(let mis) = account.lifecycle, let pendingSchool = mis.pendingSchool,
                  case .deactivated(let on, _, let due) = account.state
            else { continue }
            table.add([account.id.value, account.name, account.school.description, pendingSchool.description,
                       on.description, due.description])
        }
        write(table)
        print(plural(accounts.count, "account"))
    }

    /// The whole directory (R11: it is not limited by the actor); accounts are counted
    /// only at the schools in the actor's scope.
    func listSchools() {
        let schools = store.schools.values.sorted { $0.number < $1.number }
        guard !schools.isEmpty || renderer.isDocument else { return print("no schools in the directory") }
        var table = Table(["NUMBER", "NAME", "LA", "MAINTAINED", "ACCOUNTS"])
        for school in schools {
            let count = actor.covers(school.number) ? String(store.accountCount(at: school.number)) : "–"
            table.add([school.number.description, school.name, String(school.number.laCode),
                       school.maintained ? "yes" : "no", count])
        }
        write(table)
        if !renderer.isDocument { print(plural(schools.count, "school")) }
    }

    /// One account, what happens next and why, and its history.
    func show(_ id: AccountID) throws(RuleError) {
        let account = try store.account(id, visibleTo: actor)
        if renderer.isDocument { return printAccounts([account], empty: "") }
        print("\(account.id) · \(account.name)")
        var rows: [(String, String)] = []
        rows.append(("kind", kindText(account)))
        rows.append(("school", "\(account.school)\(store.schools[account.school].map { " \($0.name)" } ?? "")"))
        rows.append(("status", statusText(account)))
        rows.append(("created", account.created.description))
        rows.append(("last activity", account.lastActivity.description))
        rows.append(("content", "\(account.content) item\(account.content == 1 ? "" : "s")"))
        if let expires = account.expires {
            rows.append(("expires", expires.description + (account.closeAtExpiry == true ? " (closes at expiry)" : "")))
        }
        if let leaving = account.leavingDate { rows.append(("leaving date", leaving.description)) }
        if case .deactivated(let on, let reason, let due) = account.state {
            rows.append(("deactivated", "\(on) (\(reason.rawValue))"))
            rows.append(("deletion due", due.description))
        }
        if let pending = account.pendingSchool { rows.append(("pending school", "\(pending) (waiting for the Service Desk)")) }
        rows.append(("next", nextStep(account)))
        write(fields: rows.map { (label: $0.0, value: $0.1) })
        let history = store.history(of: id, visibleTo: actor)
        if !history.isEmpty {
            print("history")
            write(auditTable(history, showAccount: false))
        }
    }

    /// `MIS learner`, `non-MIS, governor`: the kind of account and its role or category.
    func kindText(_ account: Account) -> String {
        switch account.lifecycle {
        case .mis(let mis): "MIS \(mis.role.rawValue)"
        case .nonMIS(let nonMIS): "non-MIS, \(nonMIS.category.rawValue)"
        }
    }

    /// Why the account is as it is, and what the rules do to it next.
    func nextStep(_ account: Account) -> String {
        let today = store.today
        switch account.state {
        case .deactivated(_, _, let due):
            var text = "deleted for good by the sweep on or after \(due) with its \(plural(account.content, "content item")) (R10)"
            if account.role == .learner {
                text += "; reactivated if a maintained school's MIS takes the learner on (R9)"
            }
            return text
        case .active:
            guard let (day, reason) = account.scheduledDeactivation(store.policy) else {
                return account.isMIS
                    ? "stays active while the school MIS holds the record (R9)"
                    : "stays active: its expiry and last sign-in are at the end of the calendar"
            }
            let why = switch reason {
            case .left: "left, R10"
            case .inactive: "inactive: no sign-in for more than \(store.policy.inactivityDays) days, R13"
            default: "expired, R10"
            }
            var text = day <= today ? "overdue: the next sweep deactivates it (\(why))"
                : "deactivated by the sweep on or after \(day) (\(why))"
            if !account.isMIS, account.closeAtExpiry != true, let expires = account.expires, expires <= store.expiringWindowEnd {
                text += "; in the expiring list (R6)"
            }
            return text
        }
    }

    func audit(
        _ id: AccountID?, since: CalendarDate? = nil, until: CalendarDate? = nil, rule: Rule? = nil, last: Int? = nil
    ) throws(RuleError) {
        var entries: [AuditEntry]
        if let id {
            entries = store.history(of: id, visibleTo: actor)
            guard !entries.isEmpty else { throw .noAccount(id) }
        } else {
            entries = store.auditEntries(visibleTo: actor)
        }
        let all = entries.count
        if since != nil || until != nil || rule != nil {
            entries = entries.filter { entry in
                (since.map { entry.date >= $0 } ?? true) && (until.map { entry.date <= $0 } ?? true)
                    && (rule.map { entry.rule == $0 } ?? true)
            }
        }
        if let last, entries.count > last { entries = Array(entries.suffix(last)) }
        let counted = { (n: Int) in "\(n) entr\(n == 1 ? "y" : "ies")" }
        if renderer.isDocument { return write(auditTable(entries, showAccount: true)) }
        guard !entries.isEmpty else {
            let which = rule.map { "no \($0.rawValue) entries" } ?? "no entries"
            let days = since != nil || until != nil ? " in those days" : ""
            return print(all == 0 ? "the audit log is empty" : "\(which)\(days) (\(counted(all)) in all)")
        }
        write(auditTable(entries, showAccount: true))
        print(entries.count < all ? "\(counted(entries.count)) of \(all)" : counted(all))
    }

    func auditTable(_ entries: [AuditEntry], showAccount: Bool) -> Table {
        var table = Table(["DATE", "ACTOR", "RULE"] + (showAccount ? ["ACCOUNT"] : []) + ["WHAT", "CHANGES"])
        for entry in entries {
            var changes = ""
            // A new account's entry (its id goes from nothing to something) lists every
            // field: the action says enough.
            if !entry.changes.contains(where: { $0.field == .id }) {
                changes = entry.changes.map { "\($0.field.rawValue) \(display($0.before))→\(display($0.after))" }
                    .joined(separator: ", ")
            }
            let subject = entry.account?.value ?? entry.school?.description ?? ""
            table.add([entry.date.description, entry.actor, entry.rule.rawValue] + (showAccount ? [subject] : [])
                      + [entry.action.description, changes])
        }
        return table
    }

    private func display(_ value: Account.FieldValue) -> String {
        value == .null ? "–" : value.text
    }

    /// "no account ID" with what the actor may know instead of a dead end: when an
    /// account of that id in their scope was deleted (R10), and which ids in their scope
    /// come nearest (never one outside it, R11).
    func withAnswer(_ error: RuleError) -> RuleError {
        if let word = error.unknownCategory {
            guard let near = CommandCatalog.suggestion(for: word, among: Account.Category.allCases.map(\.rawValue)) else { return error }
            return RuleError(error.message.replacingOccurrences(of: "; expected one of", with: "; did you mean \(near)? Categories are"), rule: error.rule)
        }
        guard let id = error.missingAccount else { return error }
        var message = error.message
        if let deletion = store.history(of: id, visibleTo: actor).last, case .deleted(let content) = deletion.action {
            message += ": it was deleted on \(deletion.date) with \(plural(content, "content item")) (R10); audit \(id) shows it"
        } else if let near = nearestIDs(to: id), !near.isEmpty {
            message += "; did you mean \(near.map(\.value).joined(separator: ", "))?"
        }
        return RuleError(message, rule: error.rule)
    }

    /// Up to three ids in the actor's scope that `id` may have meant: those it begins
    /// (`megan` for `megan.supply`), else one a letter or two away with the same start
    /// before its dot (`a.c` for `a.b`). Read from the ids alone.
    private func nearestIDs(to id: AccountID) -> [AccountID]? {
        let longer = store.ids(visibleTo: actor, startingWith: id.value).filter { $0 != id }
        if !longer.isEmpty { return Array(longer.prefix(3)) }
        let stem = id.value.split(separator: ".").first.map { String($0) } ?? id.value
        let alike = store.ids(visibleTo: actor, startingWith: String(stem.prefix(1)))
        guard alike.count <= 20_000 else { return nil }
        let near = alike.filter { other in
            other != id && CommandCatalog.editDistance(other.value, id.value) <= min(2, max(1, id.value.count / 4))
        }
        return Array(near.prefix(3))
    }

    func help(_ topic: String?) throws(RuleError) {
        if renderer.isDocument { return try helpDocument(topic) }
        guard let topic else {
            for group in CommandDeclaration.Group.allCases {
                print("\(group.rawValue):")
                for entry in CommandCatalog.all where entry.group == group { print("  \(entry.usage)") }
            }
            print("Type help COMMAND for one command, with its rule and an example; help rules,")
            print("help R13, help filters, help periods, help actors, help formats or help files for the rest.")
            return
        }
        if CommandCatalog.entry(for: topic) == nil, let lines = HelpTopics.lines(for: topic) {
            lines.forEach { print($0) }
            if let note = policyNote(for: topic.lowercased() == "rules" ? nil : topic.uppercased()) { print(note) }
            return
        }
        guard let entry = CommandCatalog.entry(for: topic) else {
            // Nothing by that name: what starts with it; else a near word (a typo);
            // else what mentions it.
            let near = CommandCatalog.suggestion(for: topic, among: HelpTopics.words)
            let found = HelpTopics.search(topic, mentions: near == nil)
            if !found.isEmpty {
                print("no command or topic \(topic); these match:")
                return found.forEach { print($0) }
            }
            let hint = near.map { "; did you mean \($0)?" } ?? ""
            throw RuleError("no command or topic \(topic)\(hint); help lists the commands, help rules the rules", rule: nil)
        }
        print("usage: \(entry.usage)")
        print(entry.summary + (entry.rule.map { " (\($0))" } ?? ""))
        print("example: \(entry.example)")
        if let rule = entry.rule, let note = policyNote(for: rule) { print(note) }
    }

    /// Help states the guidance's numbers. When the store's policy has others for `rule`
    /// (for any rule when nil), a line says which: `this store's policy has deletion=9m
    /// (guidance: 12m); policy shows it`.
    private func policyNote(for rule: String?) -> String? {
        let policy = store.policy
        let changed = Policy.Name.allCases.filter { name in
            // R5 creates accounts up to the last day, which R1 sets.
            let rules = name == .lastDay ? ["R1", "R5"] : [name.rule.rawValue]
            return (rule.map(rules.contains) ?? true) && policy.value(of: name) != Policy.guidance.value(of: name)
        }
        guard !changed.isEmpty else { return nil }
        let values = changed.map { "\($0.rawValue)=\(policy.value(of: $0)) (guidance: \(Policy.guidance.value(of: $0)))" }
        return "this store's policy has \(values.joined(separator: ", ")); policy shows it"
    }

    /// `help` as CSV or JSON: the commands as rows (all, or the one asked for), or a
    /// topic's text.
    private func helpDocument(_ topic: String?) throws(RuleError) {
        var table = Table(["COMMAND", "GROUP", "USAGE", "SUMMARY", "RULE", "EXAMPLE"])
        func add(_ entry: CommandDeclaration) {
            table.add([entry.name, entry.group.rawValue, entry.usage, entry.summary, entry.rule ?? "", entry.example])
        }
        guard let topic else {
            for entry in CommandCatalog.all { add(entry) }
            return write(table)
        }
        if let entry = CommandCatalog.entry(for: topic) {
            add(entry)
            return write(table)
        }
        let lines = HelpTopics.lines(for: topic) ?? HelpTopics.search(topic, mentions: true)
        guard !lines.isEmpty else {
            throw RuleError("no command or topic \(topic); help lists the commands, help rules the rules", rule: nil)
        }
        var text = Table(["TOPIC", "TEXT"])
        text.add([topic, lines.joined(separator: "\n")])
        write(text)
    }
}
