import HwbCore

/// Explore: listings and lookups that change nothing.
extension CommandCatalog {
    static let explore: [CommandDeclaration] = [
        CommandDeclaration(
            name: "list", group: .explore, usage: "list [FILTER...] [limit=N]",
            summary: "Lists the accounts in your scope, sorted by id, and how many there are; limit=N shows the first N. Filters: kind= status= role= category= school= la= reason= expiring=PERIOD inactive=PERIOD deactivated=DATE name~TEXT; several all apply.",
            rule: "R11", example: "list status=active expiring=8w",
            keys: { _ in Parser.filterNames + ["limit"] },
            parse: { r throws(ParseError) -> Command in
                let (filters, limit) = try Parser.filtersAndLimit(&r)
                return .list(filters, limit: limit)
            }),
        CommandDeclaration(
            name: "count", group: .explore, usage: "count [FILTER...] [limit=N]",
            summary: "Counts the accounts in your scope that pass the filters (as for list); limit=N stops counting at N.",
            rule: "R11", example: "count kind=non-mis status=deactivated",
            keys: { _ in Parser.filterNames + ["limit"] },
            parse: { r throws(ParseError) -> Command in
                let (filters, limit) = try Parser.filtersAndLimit(&r)
                return .count(filters, limit: limit)
            }),
        CommandDeclaration(
            name: "show", group: .explore, usage: "show ID",
            summary: "Shows one account, what happens to it next and why, and its history with rule ids.",
            rule: "R11", example: "show jo.bloggs",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            parse: { r throws(ParseError) -> Command in
                return .show(try Parser.accountID(&r))
            }),
        CommandDeclaration(
            name: "expiring", group: .explore, usage: "expiring",
            summary: "The manage-expiring list: your active non-MIS accounts expiring in the next 8 weeks (56 days), not set to close, by expiry date; overdue ones are marked.",
            rule: "R6", example: "expiring",
            parse: { r throws(ParseError) -> Command in
                return .expiring
            }),
        CommandDeclaration(
            name: "pending", group: .explore, usage: "pending",
            summary: "Deactivated staff who joined another school and wait for the Service Desk to reactivate them.",
            rule: "R9", example: "pending",
            parse: { r throws(ParseError) -> Command in
                return .pending
            }),
        CommandDeclaration(
            name: "audit", group: .explore, usage: "audit [ID] [since=DATE] [until=DATE] [rule=RULE] [last=N]",
            summary: "The audit log: every change with its date, actor, rule and before/after; since= and until= keep those days, rule= one rule's entries (rule=R13), last=N the newest N.",
            rule: nil, example: "audit jo.bloggs",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            keys: { _ in ["since", "until", "rule", "last"] },
            parse: { r throws(ParseError) -> Command in
                let id = r.peekPlain == nil ? nil : try Parser.accountID(&r)
                let named = try r.named(["since", "until", "rule", "last"])
                let rule = try named["rule"].map { word throws(ParseError) in
                    try Values.keyword(word.value.uppercased(), column: word.valueColumn, as: Rule.self, what: "a rule R1 to R14")
                }
                let since = try named["since"].map { word throws(ParseError) in try Values.date(word.value, column: word.valueColumn) }
                let until = try named["until"].map { word throws(ParseError) in try Values.date(word.value, column: word.valueColumn) }
                var last: Int?
                if let word = named["last"] {
                    last = try Values.count(word.value, column: word.valueColumn)
                    guard last! > 0 else { throw ParseError("last= needs a number of 1 or more, got 0", column: word.valueColumn) }
                }
                if let since, let until, until < since, let word = named["until"] {
                    throw ParseError("until= (\(until)) is before since= (\(since))", column: word.valueColumn)
                }
                return .audit(id, since: since, until: until, rule: rule, last: last)
            }),
        CommandDeclaration(
            name: "schools", group: .explore, usage: "schools",
            summary: "The whole school directory; accounts are counted at the schools in your scope.",
            rule: "R3", example: "schools",
            parse: { r throws(ParseError) -> Command in
                return .listSchools
            }),
        CommandDeclaration(
            name: "whoami", group: .explore, usage: "whoami",
            summary: "Who the shell acts as, and its scope.",
            rule: "R11", example: "whoami",
            parse: { r throws(ParseError) -> Command in
                return .whoami
            }),
        CommandDeclaration(
            name: "report", group: .explore, usage: "report [FILTER...] [by=school|la|category|reason|status]",
            summary: "Counts the accounts in your scope that pass the filters: active and deactivated, MIS and non-MIS, expiring (R6), and deactivated by reason; by= one row a school, LA, category, reason or status. Then the expiring list week by week for the next 8 weeks.",
            rule: "R6", example: "report la=661 by=school",
            keys: { _ in Parser.filterNames + ["by"] },
            parse: { r throws(ParseError) -> Command in
                if let word = r.peekPlain {
                    throw ParseError("expected a filter such as status=active, or by=school, got \"\(word.text)\"", column: word.column)
                }
                let (filters, by) = try Parser.filters(&r, and: "by")
                let grouping = try by.map { word throws(ParseError) in
                    try Values.keyword(word.value, column: word.valueColumn, as: Report.Grouping.self, what: "a grouping")
                }
                return .report(filters, by: grouping)
            }),
        CommandDeclaration(
            name: "forecast", group: .explore, usage: "forecast [FILTER...] [until=DATE] | forecast ID",
            summary: "What the sweep will do to the accounts in your scope if nobody acts (no sign-ins, keeps or MIS events): every deactivation and deletion up to until= (12 months ahead by default; those already due because today's sweep has not run come first), week by week, then the accounts deleted for good with their content. forecast ID tells one account's timeline and what would change it.",
            rule: "R10", example: "forecast la=661 until=2027-10-01",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            keys: { plain in plain.isEmpty ? Parser.filterNames + ["until"] : [] },
            parse: { r throws(ParseError) -> Command in
                if r.peekPlain != nil {
                    let id = try Parser.accountID(&r)
                    if let word = r.namedWords().first {
                        throw ParseError("forecast ID takes nothing more, got \"\(word.text)\"", column: word.column)
                    }
                    return .timeline(id)
                }
                let (filters, until) = try Parser.filters(&r, and: "until")
                return .forecast(filters, until: try until.map { word throws(ParseError) in try Values.date(word.value, column: word.valueColumn) })
            }),
        CommandDeclaration(
            name: "what-if", group: .explore, usage: "what-if NAME=VALUE... [FILTER...] [until=DATE]",
            summary: "The forecast under a changed policy (expiring=, inactivity=, deletion=, last-day=, keeps=) beside the forecast under the store's: per week and reason how many more or fewer accounts are deactivated and deleted, how much content is deleted earlier, and which accounts change fate. Changes nothing.",
            rule: "R10", example: "what-if deletion=9m inactivity=60d until=2028-09-01",
            keys: { _ in Policy.Name.allCases.map(\.rawValue) + Parser.filterNames + ["until"] },
            parse: { r throws(ParseError) -> Command in
                if let word = r.peekPlain {
                    throw ParseError("expected a policy setting such as deletion=9m, got \"\(word.text)\"", column: word.column)
                }
                var settings: [Policy.Setting] = [], filters: [AccountFilter] = [], until: CalendarDate?
                for word in r.namedWords() {
                    if let name = word.key.flatMap(Policy.Name.init(rawValue:)), word.separator == "=" {
                        settings.append(try Parser.policySetting(name, word, given: settings))
                    } else if word.key == "until", word.separator == "=" {
                        guard until == nil else { throw ParseError("until= is given twice", column: word.column) }
                        until = try Values.date(word.value, column: word.valueColumn)
                    } else {
                        filters.append(try Parser.filter(word))
                    }
                }
                guard !settings.isEmpty else {
                    throw ParseError("what-if needs a policy setting such as deletion=9m (one of \(Policy.Name.allCases.map(\.rawValue).joined(separator: ", ")))", column: r.statement.endColumn)
                }
                return .whatIf(settings, filters, until: until)
            }),
    ]
}
