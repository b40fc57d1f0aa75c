import HwbCore

/// Manage accounts: what a Digital Champion or LA admin does.
extension CommandCatalog {
    static let manage: [CommandDeclaration] = [
        CommandDeclaration(
            name: "create", group: .manage,
            usage: "create ID name=\"...\" category=CAT school=NUMBER [expires=DATE | for=1m|3m|6m|end-of-year]",
            summary: "Creates an active non-MIS account. Expiry: a date up to the end of this academic year, or a period; the end of the academic year by default. An ITE student needs an expiry.",
            rule: "R5", example: "create jo.bloggs name=\"Jo Bloggs\" category=supply-teacher school=6612001 for=3m",
            keys: { plain in plain.isEmpty ? [] : ["name", "category", "school", "expires", "for"] },
            parse: { r throws(ParseError) -> Command in
                let id = try Parser.accountID(&r)
                let named = try r.named(["name", "category", "school", "expires", "for"])
                let name = try r.require("name", in: named, as: "\"...\"")
                let category = try r.require("category", in: named, as: "CATEGORY")
                let schoolWord = try r.require("school", in: named, as: "NUMBER")
                let school = try Values.school(schoolWord.value, column: schoolWord.valueColumn)
                var expiry: ExpiryRequest?
                if let expires = named["expires"] {
                    if let period = named["for"] {
                        throw ParseError("give either expires= or for=, not both", column: period.column)
                    }
                    expiry = .date(try Values.date(expires.value, column: expires.valueColumn))
                } else if let period = named["for"] {
                    switch period.value {
                    case "1m": expiry = .months(1)
                    case "3m": expiry = .months(3)
                    case "6m": expiry = .months(6)
                    case "end-of-year": expiry = .endOfYear
                    default:
                        throw ParseError("expected for=1m, 3m, 6m or end-of-year, got \"\(period.value)\"", column: period.valueColumn)
                    }
                }
                return .create(NewAccount(id: id, name: name.value, category: category.value, school: school, expiry: expiry))
            }),
        CommandDeclaration(
            name: "keep", group: .manage, usage: "keep ID...|where FILTER... end-of-next-year|6m|3m|1m",
            summary: "Extends active non-MIS accounts from their expiry (or today, if later), never past the end of next academic year; clears close-at-expiry. Several ids, or where and filters: all are kept or none, one audit entry each.",
            rule: "R7", example: "keep where category=governor expiring=8w end-of-next-year",
            words: { plain in plain.isEmpty ? [.accountIDs, .words(["where"])] : [.moreAccountIDs(afterWhere: plain[0] == "where"), .keepPeriods] },
            keys: { plain in plain.first == "where" ? Parser.filterNames : [] },
            parse: { r throws(ParseError) -> Command in
                let (selection, words) = try Parser.selection(&r, then: "a period (end-of-next-year, 6m, 3m or 1m)")
                let word = words[words.count - 1]
                if let period = KeepPeriod(rawValue: word.text) { return .keep(try selection(), period) }
                // A length the portal does not offer (`12m`, `1 year`) is answered with the
                // period that keeps at least as long: a shorter one would do harm.
                let unit = words.count > 1 ? word : nil
                let number = unit == nil ? word : words[words.count - 2]
                if let months = Values.months(in: number.text, unit: unit?.text) ?? Values.months(in: word.text, unit: nil) {
                    let offered = KeepPeriod.allCases.compactMap(\.months).sorted()
                    let near = offered.first { $0 >= months }.map { "\($0)m" } ?? KeepPeriod.endOfNextYear.rawValue
                    let asked = Values.months(in: number.text, unit: unit?.text) != nil && unit != nil ? "\(number.text) \(word.text)" : word.text
                    throw ParseError(
                        "expected a keep period (end-of-next-year, 6m, 3m, 1m), got \"\(asked)\"; did you mean \(near)? (it keeps at least as long; end-of-next-year is the longest keep, R7)",
                        column: unit != nil && asked.contains(" ") ? number.column : word.column)
                }
                return .keep(try selection(), try Values.keyword(word.text, column: word.column, as: KeepPeriod.self, what: "a keep period"))
            }),
        CommandDeclaration(
            name: "close", group: .manage, usage: "close ID...|where FILTER... now|at-expiry",
            summary: "Closes non-MIS accounts now (deactivated, deleted 12 months later) or at their expiry (taken off the expiring list). Several ids, or where and filters: all are closed or none.",
            rule: "R8", example: "close jo.bloggs at-expiry",
            words: { plain in plain.isEmpty ? [.accountIDs, .words(["where"])] : [.moreAccountIDs(afterWhere: plain[0] == "where"), .words(CloseMode.allCases.map(\.rawValue))] },
            keys: { plain in plain.first == "where" ? Parser.filterNames : [] },
            parse: { r throws(ParseError) -> Command in
                let (selection, words) = try Parser.selection(&r, then: "now or at-expiry")
                let word = words[words.count - 1]
                return .close(try selection(), try Values.keyword(word.text, column: word.column, as: CloseMode.self, what: "when to close"))
            }),
        CommandDeclaration(
            name: "reactivate", group: .manage, usage: "reactivate ID [until=DATE]",
            summary: "Makes a deactivated account active again. Non-MIS: any actor, expiry until= or kept or the end of the year. MIS: the Service Desk only, at the pending school if any.",
            rule: "R12", example: "reactivate jo.bloggs until=2028-03-31",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            keys: { plain in plain.isEmpty ? [] : ["until"] },
            parse: { r throws(ParseError) -> Command in
                let id = try Parser.accountID(&r)
                return .reactivate(id, until: try Parser.optionalDate("until", &r))
            }),
        CommandDeclaration(
            name: "login", group: .manage, usage: "login service-desk | login la-admin LA | login champion SCHOOL",
            summary: "Acts as someone else; shows the expiring banner when there is something to manage.",
            rule: "R11", example: "login champion 6612001",
            words: { plain in
                switch plain.count {
                case 0: [.words(Actor.keywords)]
                case 1 where plain[0] == "la-admin": [.laCodes]
                case 1 where plain[0] == "champion": [.schools(maintainedOnly: true)]
                default: []
                }
            },
            parse: { r throws(ParseError) -> Command in
                return .login(try Parser.actor(&r))
            }),
        CommandDeclaration(
            name: "undo", group: .manage, usage: "undo",
            summary: "Takes back the last command that changed the store, up to 10 of them, newest first: the accounts, the clock, the directory and the audit log are as they were before it. Not login (who you act as stays). With --store, back to the last fold of the journal only.",
            rule: nil, example: "undo",
            parse: { _ throws(ParseError) -> Command in .undo }),
    ]
}
