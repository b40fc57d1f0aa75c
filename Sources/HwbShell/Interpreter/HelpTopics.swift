import HwbLanguage

/// `help TOPIC`: what is not a command (filters, periods, actors, formats, files) and each
/// lifecycle rule, in a few lines; docs/rules.md and docs/language.md say it in full.
enum HelpTopics {
    struct Topic {
        var name: String
        var title: String
        var lines: [String]
    }

    static let all: [Topic] = [
        Topic(name: "filters", title: "Filters: list, count, export and keep/close where take any of these; all must pass", lines: [
            "kind=mis|non-mis  status=active|deactivated  role=learner|staff  category=CAT",
            "school=NUMBER  la=LA (three digits)  reason=expired|inactive|closed|left",
            "expiring=PERIOD   active non-MIS accounts expiring on or before today + PERIOD",
            "inactive=PERIOD   accounts whose last activity is before today - PERIOD",
            "deactivated=DATE  accounts deactivated on that day",
            "name~TEXT         names containing TEXT, in any case",
            "example: list la=661 status=active expiring=8w; keep where category=governor expiring=8w 6m",
        ]),
        Topic(name: "periods", title: "Periods and dates", lines: [
            "A date is YYYY-MM-DD (1900-9999). A period is a number and a unit: 7d, 8w, 6m, 1y.",
            "Months are calendar months, cut to the end of a shorter month: 2027-08-31 + 6m is 2028-02-29 (R2).",
            "keep takes end-of-next-year, 6m, 3m or 1m; create for= takes 1m, 3m, 6m or end-of-year.",
            "date advance, expiring= and inactive= take any period.",
        ]),
        Topic(name: "actors", title: "Actors: who hwbsh acts as (R11)", lines: [
            "service-desk         every school; reactivates staff (R12)",
            "la-admin LA          the schools of one local authority, e.g. login la-admin 661",
            "champion SCHOOL      one maintained school, e.g. login champion 6612001",
            "An account outside your scope is reported as if it did not exist.",
        ]),
        Topic(name: "formats", title: "Formats", lines: [
            "format auto|table|expanded|csv|json sets how every listing prints: list, show,",
            "expiring, pending, audit, schools, settings, the sweep's report and help.",
            "auto (the default) prints a table when it fits the screen, else one field a line;",
            "nothing is cut: long cells wrap at their spaces. csv and json print documents;",
            "for accounts, exactly what export csv|json writes.",
            "output FILE sends what commands print to a file until output alone; once FILE",
            "only the next command's. pager on|off: long output through $PAGER at a terminal.",
            "export json|csv FILE [FILTER...] writes a file; FILE - writes to standard output.",
        ]),
        Topic(name: "files", title: "Files", lines: [
            "save FILE / load FILE: a snapshot of the whole store (readable by you only).",
            "import schools FILE (number,name,maintained), import accounts FILE (the export columns).",
            "run FILE runs a script; hwbsh --store FILE keeps every change in FILE and FILE.journal.",
            "hwbsh --record FILE.t writes the session down as a transcript.",
            "output FILE / once FILE: what commands print, in a file (made anew, readable by you only).",
            "~/.hwbshrc: commands run when hwbsh starts at a terminal (not with --no-rc, never in scripts).",
        ]),
    ]

    /// Each rule in a sentence or two.
    static let rules: [(rule: String, title: String, text: String)] = [
        ("R1", "The academic year", "runs from 1 September to 31 August; non-MIS accounts end by its last day."),
        ("R2", "Months and periods", "a month is a calendar month, cut to the end of a shorter month (31 August + 6m = 29 February)."),
        ("R3", "Schools", "accounts belong to maintained schools in the directory; the first three digits of a school number are its LA."),
        ("R4", "Accounts", "an account is MIS (learner or staff, from the school's MIS) or non-MIS (made by a champion or LA admin); ids are unique."),
        ("R5", "Creating a non-MIS account", "a champion or LA admin creates it at a school in scope, with a category; it expires by 31 August."),
        ("R6", "The expiring list", "active non-MIS accounts expiring within 8 weeks (56 days), not set to close, soonest first; the banner counts them."),
        ("R7", "Keep", "extends an active non-MIS account: end of next academic year, 6, 3 or 1 months from the later of expiry and today."),
        ("R8", "Close", "ends a non-MIS account now, or marks it to close when it expires."),
        ("R9", "The MIS feed", "mis join creates or moves an account; mis leave sets a leaving date; staff who join another school wait for the Service Desk."),
        ("R10", "The sweep", "deactivates expired, inactive and leaving accounts on the day the rules give, and deletes each one 12 months after, with its content."),
        ("R11", "Actors and scope", "each actor sees and changes only the schools in their scope; the system's own events are not limited."),
        ("R12", "Reactivate", "makes a deactivated account in scope active again before it is deleted; MIS accounts only by the Service Desk."),
        ("R13", "Inactivity", "a non-MIS account with no sign-in for more than 90 days is deactivated by the next sweep as inactive, even if it was kept (keep warns; list kind=non-mis status=active inactive=90d shows them); a sign-in resets this."),
        ("R14", "What always holds", "ids are unique, schools are maintained, and a deactivated account has its dates and reason; every command keeps these."),
    ]

    /// The lines of `help TOPIC`, or nil when TOPIC is no topic or rule.
    static func lines(for topic: String) -> [String]? {
        let wanted = topic.lowercased()
        if let found = all.first(where: { $0.name == wanted }) {
            return [found.title + ":"] + found.lines.map { "  " + $0 }
        }
        if wanted == "rules" {
            return rules.map { "\($0.rule.padding(toLength: 4, withPad: " ", startingAt: 0)) \($0.title)" } + ["help R13 explains one."]
        }
        guard let rule = rules.first(where: { $0.rule.lowercased() == wanted }) else { return nil }
        let commands = CommandCatalog.all.filter { $0.rule == rule.rule }.map(\.name)
        var lines = ["\(rule.rule) \(rule.title): \(rule.text)"]
        if !commands.isEmpty { lines.append("commands: " + commands.joined(separator: ", ")) }
        lines.append("docs/rules.md has the whole rule, with an example.")
        return lines
    }

    /// Commands and topics whose name starts with `word`; failing those, and if
    /// `mentions`, those whose text mentions it.
    static func search(_ word: String, mentions: Bool) -> [String] {
        let wanted = word.lowercased()
        var found: [String] = []
        for entry in CommandCatalog.all where entry.name.hasPrefix(wanted) || entry.name.split(separator: " ").contains(where: { $0.hasPrefix(wanted) }) {
            found.append("  \(entry.usage)")
        }
        for topic in all where topic.name.hasPrefix(wanted) { found.append("  help \(topic.name): \(topic.title)") }
        guard found.isEmpty, mentions else { return found }
        for entry in CommandCatalog.all where (entry.usage + " " + entry.summary).lowercased().contains(wanted) {
            found.append("  \(entry.usage)")
        }
        for rule in rules where (rule.title + " " + rule.text).lowercased().contains(wanted) {
            found.append("  help \(rule.rule): \(rule.title)")
        }
        return found
    }

    /// Every word `help` knows, for "did you mean".
    static var words: [String] {
        CommandCatalog.commandWords + all.map(\.name) + ["rules"] + rules.map(\.rule)
    }
}
