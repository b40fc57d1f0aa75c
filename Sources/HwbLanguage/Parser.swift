import HwbCore

/// Turns the words of a statement into a typed `Command`: the command word finds its
/// declaration (`Commands/`), which reads the rest with the readers below.
///
///     let statement = try Lexer.statements(in: "keep jo.bloggs 6m")[0]
///     try Parser.parse(statement)   // .keep(.ids([jo.bloggs]), .sixMonths)
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
        guard head.key == nil, let declaration = CommandCatalog.entry(for: head.text) else {
            var message = "unknown command \"\(head.text)\""
            if let near = CommandCatalog.suggestion(for: head.text, among: CommandCatalog.commandWords) {
                message += "; did you mean \(near)?"
            }
            throw ParseError(message + " (type help for the list)", column: head.column)
        }
        var reader = ArgumentReader(statement, usage: declaration.usage)
        let command = try declaration.parse(&reader)
        try reader.end()
        return command
    }

    /// `ID... WORD...` or `where FILTER... WORD...`: the accounts a change applies to (read
    /// once the last words are known to be right, so that a period's hint comes first) and
    /// the plain words after them.
    static func selection(
        _ r: inout ArgumentReader, then what: String
    ) throws(ParseError) -> (() throws(ParseError) -> AccountSelection, [Word]) {
        if let first = r.peekPlain, first.text == "where" {
            _ = try r.positional("where")
            let filters = try r.namedWords().map { word throws(ParseError) in try filter(word) }
            guard !filters.isEmpty else {
                throw ParseError("where needs at least one filter, such as category=governor; filters: " + Self.filters.joined(separator: " "), column: first.column)
            }
            var words = [try r.positional(what)]
            while r.peekPlain != nil { words.append(try r.positional(what)) }
            // Only the last word is the command's own: a second one would be an id.
            if words.count > 1, words.count != 2 || Values.months(in: words[0].text, unit: words[1].text) == nil {
                throw ParseError("after where come filters, then \(what); ids and where do not mix", column: words[0].column)
            }
            return ({ () throws(ParseError) in .matching(filters) }, words)
        }
        let first = try r.positional("an account id")
        _ = try Values.accountID(first.text, column: first.column)
        var words = [try r.positional(what)]
        while r.peekPlain != nil { words.append(try r.positional(what)) }
        let ids = [first] + words.dropLast()
        return ({ () throws(ParseError) -> AccountSelection in
            var seen = Set<AccountID>()
            var result: [AccountID] = []
            for word in ids {
                let id = try Values.accountID(word.text, column: word.column)
                if seen.insert(id).inserted { result.append(id) }
            }
            return .ids(result)
        }, words)
    }

    /// The filters of `list` and `count`, and `limit=N`.
    static func filtersAndLimit(_ r: inout ArgumentReader) throws(ParseError) -> ([AccountFilter], Int?) {
        let (filters, word) = try filters(&r, and: "limit")
        guard let word else { return (filters, nil) }
        let limit = try Values.count(word.value, column: word.valueColumn)
        guard limit > 0 else { throw ParseError("limit= needs a number of 1 or more, got 0", column: word.valueColumn) }
        return (filters, limit)
    }

    /// Filters, and the one other named argument `key=` a command takes with them
    /// (`limit=`, `by=`), at most once.
    static func filters(_ r: inout ArgumentReader, and key: String) throws(ParseError) -> ([AccountFilter], Word?) {
        var extra: Word?
        var filters: [AccountFilter] = []
        for word in r.namedWords() {
            if word.key == key, word.separator == "=" {
                guard extra == nil else { throw ParseError("\(key)= is given twice", column: word.column) }
                extra = word
            } else {
                filters.append(try filter(word))
            }
        }
        if let word = r.peekPlain {
            throw ParseError("expected a filter such as status=active or name~jo, got \"\(word.text)\"", column: word.column)
        }
        return (filters, extra)
    }

    static func accountID(_ r: inout ArgumentReader) throws(ParseError) -> AccountID {
        let word = try r.positional("an account id")
        return try Values.accountID(word.text, column: word.column)
    }

    /// A policy setting `name=value`, refused when its value is not one the parameter
    /// takes or the name is given twice.
    static func policySetting(_ name: Policy.Name, _ word: Word, given: [Policy.Setting]) throws(ParseError) -> Policy.Setting {
        guard !given.contains(where: { $0.name == name }) else { throw ParseError("\(name.rawValue)= is given twice", column: word.column) }
        do {
            return try Policy.Setting(name: name, value: word.value)
        } catch {
            throw ParseError(error.message, column: word.valueColumn)
        }
    }

    /// The error for a word that is no policy parameter, with the nearest name.
    static func unknownPolicyName(_ word: Word) -> ParseError {
        let names = Policy.Name.allCases.map(\.rawValue)
        let key = word.key ?? word.text
        let hint = CommandCatalog.suggestion(for: key, among: names).map { "; did you mean \($0)=?" } ?? ""
        return ParseError("\"\(key)\" is not a policy parameter (\(names.joined(separator: ", ")))\(hint)", column: word.column)
    }

    static func optionalDate(_ key: String, _ r: inout ArgumentReader) throws(ParseError) -> CalendarDate? {
        guard let word = try r.named([key])[key] else { return nil }
        return try Values.date(word.value, column: word.valueColumn)
    }

    static func actor(_ r: inout ArgumentReader) throws(ParseError) -> Actor {
        let word = try r.positional("service-desk, la-admin LA or champion SCHOOL")
        var argument: Word?
        switch word.text {
        case "la-admin": argument = try r.positional("an LA code (660-681)")
        case "champion": argument = try r.positional("a school number")
        default: break
        }
        do throws(ActorTextError) {
            return try Actor(keyword: word.text, argument: argument?.text)
        } catch {
            guard error.part == .keyword else { throw ParseError(error.message, column: argument?.column ?? word.column) }
            var message = error.message
            if let near = CommandCatalog.suggestion(for: word.text, among: Actor.keywords) {
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
    public static let filters = ["kind=", "status=", "role=", "category=", "school=", "la=", "reason=", "expiring=", "inactive=", "deactivated=", "name~"]
    static let filterKeys = filters.map { String($0.dropLast()) }
    /// The filters as Tab completes them: `kind` (then `=`), `name~`.
    static let filterNames = filters.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }

    static func filters(_ r: inout ArgumentReader) throws(ParseError) -> [AccountFilter] {
        var filters: [AccountFilter] = []
        for word in r.namedWords() { filters.append(try filter(word)) }
        if let word = r.peekPlain {
            throw ParseError("expected a filter such as status=active or name~jo, got \"\(word.text)\"", column: word.column)
        }
        return filters
    }

    static func filter(_ word: Word) throws(ParseError) -> AccountFilter {
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
        case "deactivated": return .deactivatedOn(try Values.date(value, column: column))
        default:
            var message = "unknown filter \(key)="
            if let near = CommandCatalog.suggestion(for: key, among: filterKeys) { message += "; did you mean \(near)?" }
            throw ParseError(message + "; filters: " + filters.joined(separator: " "), column: word.column)
        }
    }
}

