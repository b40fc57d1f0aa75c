import HwbCore

/// Turns the words of a statement into a typed `Command`.
///
///     let statement = try Lexer.statements(in: "keep jo.bloggs 6m")[0]
///     try Parser.parse(statement)   // .keep(jo.bloggs, .sixMonths)
public enum Parser {
    /// Lexes and parses every statement of one line, each on its own, so that the caller
    /// can run the good ones and report the bad ones in order.
    public static func parse(line: String, file: String, lineNumber: Int) -> [Result<ParsedCommand, ParseError>] {
        Lexer.lex(line).map { lexed in
            Result { () throws(ParseError) -> ParsedCommand in
                let statement = try lexed.get()
                return ParsedCommand(
                    command: try parse(statement), text: statement.text,
                    location: SourceLocation(file: file, line: lineNumber, column: statement.column))
            }
        }
    }

    public static func parse(_ statement: Statement) throws(ParseError) -> Command {
        let head = statement.words[0]
        guard head.key == nil, let help = CommandCatalog.entry(for: head.text) else {
            var message = "unknown command \"\(head.text)\""
            if let near = CommandCatalog.suggestion(for: head.text, among: CommandCatalog.commandWords) {
                message += "; did you mean \(near)?"
            }
            throw ParseError(message + " (type help for the list)", column: head.column)
        }
        var reader = ArgumentReader(statement, usage: help.usage)
        let command = try parseArguments(of: head.text, &reader)
        try reader.end()
        return command
    }

    private static func parseArguments(of name: String, _ r: inout ArgumentReader) throws(ParseError) -> Command {
        switch name {
        case "help":
            guard let topic = r.peekPlain else { return .help(topic: nil) }
            while r.peekPlain != nil { _ = try r.positional("a command name") }
            return .help(topic: topic.text)
        case "date":
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
        case "school":
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
        case "schools":
            return .listSchools
        case "login":
            return .login(try actor(&r))
        case "undo":
            return .undo
        case "whoami":
            return .whoami
        case "create":
            let id = try accountID(&r)
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
        case "mis":
            let sub = try r.positional("join or leave")
            switch sub.text {
            case "join":
                let id = try accountID(&r)
                let named = try r.named(["school", "name", "role"])
                let schoolWord = try r.require("school", in: named, as: "NUMBER")
                let role = try named["role"].map { word throws(ParseError) in
                    try Values.keyword(word.value, column: word.valueColumn, as: Account.Role.self, what: "a role")
                }
                return .join(JoinEvent(
                    id: id, school: try Values.school(schoolWord.value, column: schoolWord.valueColumn),
                    name: named["name"]?.value, role: role))
            case "leave":
                let id = try accountID(&r)
                return .leave(id, on: try optionalDate("on", &r))
            default:
                throw ParseError("expected join or leave after mis, got \"\(sub.text)\"", column: sub.column)
            }
        case "signin":
            let id = try accountID(&r)
            return .signIn(id, on: try optionalDate("on", &r))
        case "content":
            let id = try accountID(&r)
            let word = try r.positional("a number of content items")
            return .setContent(id, try Values.count(word.text, column: word.column))
        case "keep":
            let id = try accountID(&r)
            let word = try r.positional("a period (end-of-next-year, 6m, 3m or 1m)")
            if let period = KeepPeriod(rawValue: word.text) { return .keep(id, period) }
            // A length the portal does not offer (`12m`, `1 year`) is answered with the
            // period that keeps at least as long: a shorter one would do harm.
            if let months = Values.months(in: word.text, unit: r.peekPlain?.text) {
                let offered = KeepPeriod.allCases.compactMap(\.months).sorted()
                let near = offered.first { $0 >= months }.map { "\($0)m" } ?? KeepPeriod.endOfNextYear.rawValue
                let asked = r.peekPlain.map { "\(word.text) \($0.text)" } ?? word.text
                throw ParseError(
                    "expected a keep period (end-of-next-year, 6m, 3m, 1m), got \"\(asked)\"; did you mean \(near)? (it keeps at least as long; end-of-next-year is the longest keep, R7)",
                    column: word.column)
            }
            return .keep(id, try Values.keyword(word.text, column: word.column, as: KeepPeriod.self, what: "a keep period"))
        case "close":
            let id = try accountID(&r)
            let word = try r.positional("now or at-expiry")
            return .close(id, try Values.keyword(word.text, column: word.column, as: CloseMode.self, what: "when to close"))
        case "reactivate":
            let id = try accountID(&r)
            return .reactivate(id, until: try optionalDate("until", &r))
        case "sweep":
            guard let word = r.peekPlain else { return .sweep(dryRun: false) }
            guard word.text == "dry-run" else {
                throw ParseError("expected dry-run or nothing after sweep, got \"\(word.text)\"", column: word.column)
            }
            _ = try r.positional("dry-run")
            return .sweep(dryRun: true)
        case "list":
            var limit: Int?
            var filterWords: [AccountFilter] = []
            for word in r.namedWords() {
                if word.key == "limit", word.separator == "=" {
                    guard limit == nil else { throw ParseError("limit= is given twice", column: word.column) }
                    let n = try Values.count(word.value, column: word.valueColumn)
                    guard n > 0 else { throw ParseError("limit= needs a number of 1 or more, got 0", column: word.valueColumn) }
                    limit = n
                } else {
                    filterWords.append(try filter(word))
                }
            }
            if let word = r.peekPlain {
                throw ParseError("expected a filter such as status=active or name~jo, got \"\(word.text)\"", column: word.column)
            }
            return .list(filterWords, limit: limit)
        case "count":
            return .count(try filters(&r))
        case "show":
            return .show(try accountID(&r))
        case "expiring":
            return .expiring
        case "pending":
            return .pending
        case "audit":
            let id = r.peekPlain == nil ? nil : try accountID(&r)
            let named = try r.named(["since", "until", "last"])
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
            return .audit(id, since: since, until: until, last: last)
        case "format":
            let word = try r.positional("table, csv or json")
            return .format(try Values.keyword(word.text, column: word.column, as: OutputFormat.self, what: "a format"))
        case "save":
            return .save(path: try Values.path(r.positional("a file name")))
        case "load":
            return .load(path: try Values.path(r.positional("a file name")))
        case "import":
            let what = try r.positional("accounts or schools")
            let path = try Values.path(r.positional("a file name"))
            switch what.text {
            case "accounts": return .importAccounts(path: path)
            case "schools": return .importSchools(path: path)
            default: throw ParseError("expected accounts or schools after import, got \"\(what.text)\"", column: what.column)
            }
        case "export":
            let word = try r.positional("json or csv")
            let format = try Values.keyword(word.text, column: word.column, as: ExportFormat.self, what: "an export format")
            let path = try Values.path(r.positional("a file name (- for standard output)"))
            return .export(format, path: path, filters: try filters(&r))
        case "run":
            return .run(path: try Values.path(r.positional("a file name")))
        case "quit", "exit":
            return .quit
        default:
            preconditionFailure("command \(name) is in the catalog but has no parser")
        }
    }

    private static func accountID(_ r: inout ArgumentReader) throws(ParseError) -> AccountID {
        let word = try r.positional("an account id")
        return try Values.accountID(word.text, column: word.column)
    }

    private static func optionalDate(_ key: String, _ r: inout ArgumentReader) throws(ParseError) -> CalendarDate? {
        guard let word = try r.named([key])[key] else { return nil }
        return try Values.date(word.value, column: word.valueColumn)
    }

    private static func actor(_ r: inout ArgumentReader) throws(ParseError) -> Actor {
        let word = try r.positional("service-desk, la-admin LA or champion SCHOOL")
        switch word.text {
        case "service-desk":
            return .serviceDesk
        case "la-admin":
            let code = try r.positional("an LA code (660-681)")
            return .laAdmin(try Values.laCode(code.text, column: code.column))
        case "champion":
            let school = try r.positional("a school number")
            return .champion(try Values.school(school.text, column: school.column))
        default:
            var message = "expected service-desk, la-admin LA or champion SCHOOL, got \"\(word.text)\""
            if let near = CommandCatalog.suggestion(for: word.text, among: ["service-desk", "la-admin", "champion"]) {
                message += "; did you mean \(near)?"
            }
            throw ParseError(message, column: word.column)
        }
    }

    /// Reads `--as` option text such as `champion 6612001`.
    public static func actor(from text: String) throws(ParseError) -> Actor {
        let statements = try Lexer.statements(in: "login " + text)
        guard statements.count == 1 else { throw ParseError("expected one actor", column: 1) }
        var reader = ArgumentReader(statements[0], usage: "service-desk | la-admin LA | champion SCHOOL")
        let actor = try actor(&reader)
        try reader.end()
        return actor
    }

    /// The filters of `list`, `count` and `export`, as typed (`name~` takes `~`).
    public static let filters = ["kind=", "status=", "role=", "category=", "school=", "la=", "reason=", "expiring=", "inactive=", "name~"]
    static let filterKeys = filters.map { String($0.dropLast()) }

    private static func filters(_ r: inout ArgumentReader) throws(ParseError) -> [AccountFilter] {
        var filters: [AccountFilter] = []
        for word in r.namedWords() { filters.append(try filter(word)) }
        if let word = r.peekPlain {
            throw ParseError("expected a filter such as status=active or name~jo, got \"\(word.text)\"", column: word.column)
        }
        return filters
    }

    private static func filter(_ word: Word) throws(ParseError) -> AccountFilter {
        guard let key = word.key, let separator = word.separator else {
            throw ParseError("expected a filter such as status=active or name~jo, got \"\(word.text)\"", column: word.column)
        }
        if key == "name" {
            guard separator == "~" else {
                throw ParseError("the name filter is name~TEXT (a case-insensitive part of the name)", column: word.column)
            }
            return .nameContains(word.value)
        }
        guard separator == "=" else {
            throw ParseError("only the name filter takes ~; write \(key)=VALUE", column: word.column)
        }
        let (value, column) = (word.value, word.valueColumn)
        switch key {
        case "kind": return .kind(try Values.keyword(value, column: column, as: Account.Kind.self, what: "a kind"))
        case "status": return .status(try Values.keyword(value, column: column, as: Account.Status.self, what: "a status"))
        case "role": return .role(try Values.keyword(value, column: column, as: Account.Role.self, what: "a role"))
        case "category": return .category(try Values.keyword(value, column: column, as: Account.Category.self, what: "a category"))
        case "school": return .school(try Values.school(value, column: column))
        case "la": return .la(try Values.laCode(value, column: column))
        case "reason": return .reason(try Values.keyword(value, column: column, as: Account.Reason.self, what: "a reason"))
        case "expiring": return .expiring(try Values.period(value, column: column))
        case "inactive": return .inactive(try Values.period(value, column: column))
        default:
            var message = "unknown filter \(key)="
            if let near = CommandCatalog.suggestion(for: key, among: filterKeys) { message += "; did you mean \(near)?" }
            throw ParseError(message + "; filters: " + filters.joined(separator: " "), column: word.column)
        }
    }
}

