import HwbCore

/// Simulate: the system itself (the clock, the sweep, the directory, the MIS feed, sign-ins).
extension CommandCatalog {
    static let simulate: [CommandDeclaration] = [
        CommandDeclaration(
            name: "date", group: .simulate, usage: "date | date set DATE | date advance PERIOD",
            summary: "Prints today, or moves the simulated clock forward (never back, except on an empty store). Moving the clock never sweeps.",
            rule: "R2", example: "date advance 6w",
            words: { plain in plain.isEmpty ? [.words(["set", "advance"])] : [] },
            parse: { r throws(ParseError) -> Command in
                guard let sub = r.peekPlain else { return .showDate }
                _ = try r.positional("set or advance")
                switch sub.text {
                case "set":
                    let word = try r.positional("a date YYYY-MM-DD")
                    return .setDate(try Values.date(word.text, column: word.column))
                case "advance":
                    let word = try r.positional("a period such as 7d, 8w, 6m or 1y")
                    return .advanceDate(try Values.period(word.text, column: word.column))
                default:
                    throw ParseError("expected set or advance after date, got \"\(sub.text)\"", column: sub.column)
                }
            }),
        CommandDeclaration(
            name: "sweep", group: .simulate, usage: "sweep [dry-run]",
            summary: "The nightly housekeeping: deactivates expired, idle and leaving accounts and deletes those whose deletion is due. dry-run reports without changing anything.",
            rule: "R10", example: "sweep dry-run",
            words: { plain in plain.isEmpty ? [.words(["dry-run"])] : [] },
            parse: { r throws(ParseError) -> Command in
                guard let word = r.peekPlain else { return .sweep(dryRun: false) }
                guard word.text == "dry-run" else {
                    throw ParseError("expected dry-run or nothing after sweep, got \"\(word.text)\"", column: word.column)
                }
                _ = try r.positional("dry-run")
                return .sweep(dryRun: true)
            }),
        CommandDeclaration(
            name: "policy", group: .simulate, usage: "policy | policy set NAME=VALUE...",
            summary: "Shows the numbers the rules are built on: the expiring window, the inactivity limit, the deletion delay, the last day of the year and the keep periods. policy set changes them for the simulation (the Service Desk only, audited).",
            rule: "R11", example: "policy set deletion=9m inactivity=60d",
            words: { plain in plain.isEmpty ? [.words(["set"])] : [] },
            keys: { plain in plain.first == "set" ? Policy.Name.allCases.map(\.rawValue) : [] },
            parse: { r throws(ParseError) -> Command in
                guard let sub = r.peekPlain else {
                    if let word = r.namedWords().first {
                        throw ParseError("expected set before \(word.text): policy set \(word.text)", column: word.column)
                    }
                    return .showPolicy
                }
                guard sub.text == "set" else {
                    throw ParseError("expected set or nothing after policy, got \"\(sub.text)\"", column: sub.column)
                }
                _ = try r.positional("set")
                if let word = r.peekPlain {
                    throw ParseError("expected NAME=VALUE such as deletion=9m, got \"\(word.text)\"", column: word.column)
                }
                var settings: [Policy.Setting] = []
                for word in r.namedWords() {
                    guard let name = word.key.flatMap(Policy.Name.init(rawValue:)), word.separator == "=" else {
                        throw Parser.unknownPolicyName(word)
                    }
                    settings.append(try Parser.policySetting(name, word, given: settings))
                }
                guard !settings.isEmpty else {
                    throw ParseError("policy set needs NAME=VALUE, such as deletion=9m (one of \(Policy.Name.allCases.map(\.rawValue).joined(separator: ", ")))", column: r.statement.endColumn)
                }
                return .setPolicy(settings)
            }),
        CommandDeclaration(
            name: "school", group: .simulate, usage: "school add NUMBER name=\"...\" [maintained=yes|no]",
            summary: "Adds a school to the directory: 7 digits, the first three a Welsh LA code (660-681).",
            rule: "R3", example: "school add 6612001 name=\"Ysgol y Môr\"",
            words: { plain in plain.isEmpty ? [.words(["add"])] : [] },
            keys: { plain in plain.count < 2 ? [] : ["name", "maintained"] },
            parse: { r throws(ParseError) -> Command in
                let sub = try r.positional("add")
                guard sub.text == "add" else {
                    throw ParseError("expected add after school, got \"\(sub.text)\" (the directory is listed by schools)", column: sub.column)
                }
                let numberWord = try r.positional("a 7-digit school number")
                let number = try Values.school(numberWord.text, column: numberWord.column)
                let named = try r.named(["name", "maintained"])
                let name = try r.require("name", in: named, as: "\"...\"")
                let maintained = try named["maintained"].map { word throws(ParseError) in
                    try Values.yesNo(word.value, column: word.valueColumn)
                } ?? true
                return .addSchool(School(number: number, name: name.value, maintained: maintained))
            }),
        CommandDeclaration(
            name: "mis", group: .simulate,
            usage: "mis join ID school=NUMBER [name=\"...\" role=learner|staff] | mis leave ID [on=DATE]",
            summary: "MIS feed events: a record created at a school (new account, move, learner reactivated, staff pending), or a leaving date entered.",
            rule: "R9", example: "mis join sian.ifans school=6612001 name=\"Siân Ifans\" role=learner",
            words: { plain in
                switch plain.count {
                case 0: [.words(["join", "leave"])]
                case 1: [.accountIDs]
                default: []
                }
            },
            keys: { plain in plain.count < 2 ? [] : plain[0] == "join" ? ["school", "name", "role"] : ["on"] },
            parse: { r throws(ParseError) -> Command in
                let sub = try r.positional("join or leave")
                switch sub.text {
                case "join":
                    let id = try Parser.accountID(&r)
                    let named = try r.named(["school", "name", "role"])
                    let schoolWord = try r.require("school", in: named, as: "NUMBER")
                    let role = try named["role"].map { word throws(ParseError) in
                        try Values.keyword(word.value, column: word.valueColumn, as: Account.Role.self, what: "a role")
                    }
                    return .join(JoinEvent(
                        id: id, school: try Values.school(schoolWord.value, column: schoolWord.valueColumn),
                        name: named["name"]?.value, role: role))
                case "leave":
                    let id = try Parser.accountID(&r)
                    return .leave(id, on: try Parser.optionalDate("on", &r))
                default:
                    throw ParseError("expected join or leave after mis, got \"\(sub.text)\"", column: sub.column)
                }
            }),
        CommandDeclaration(
            name: "signin", group: .simulate, usage: "signin ID [on=DATE]",
            summary: "Records a sign-in on an active account (not after today, not before it was created).",
            rule: "R13", example: "signin jo.bloggs on=2027-07-01",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            keys: { plain in plain.isEmpty ? [] : ["on"] },
            parse: { r throws(ParseError) -> Command in
                let id = try Parser.accountID(&r)
                return .signIn(id, on: try Parser.optionalDate("on", &r))
            }),
        CommandDeclaration(
            name: "content", group: .simulate, usage: "content ID N",
            summary: "Sets the number of stored content items of an account.",
            rule: "R13", example: "content jo.bloggs 42",
            words: { plain in plain.isEmpty ? [.accountIDs] : [] },
            parse: { r throws(ParseError) -> Command in
                let id = try Parser.accountID(&r)
                let word = try r.positional("a number of content items")
                return .setContent(id, try Values.count(word.text, column: word.column))
            }),
    ]
}
