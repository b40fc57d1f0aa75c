import HwbCore

/// Reads a statement's arguments: plain words in order (`keep ID PERIOD`) and named
/// `key=value` arguments, which may stand anywhere after the command word. Every failure
/// points at the word concerned.
struct ArgumentReader {
    let statement: Statement
    let usage: String
    private let plain: [Word]
    private let named: [Word]
    private var plainIndex = 0
    private var namedRead = false

    init(_ statement: Statement, usage: String) {
        self.statement = statement
        self.usage = usage
        let arguments = statement.words.dropFirst()
        plain = arguments.filter { $0.key == nil }
        named = arguments.filter { $0.key != nil }
    }

    /// Every word after the command word, in order, plain or not (`print`'s text): all
    /// of them are read.
    mutating func allWords() -> [Word] {
        plainIndex = plain.count
        namedRead = true
        return Array(statement.words.dropFirst())
    }

    var atEnd: Bool { plainIndex >= plain.count && (named.isEmpty || namedRead) }

    /// The next plain word, without consuming it.
    var peekPlain: Word? { plainIndex < plain.count ? plain[plainIndex] : nil }

    /// The next plain word; `what` names it in the error when it is missing.
    mutating func positional(_ what: String) throws(ParseError) -> Word {
        guard plainIndex < plain.count else {
            if let word = named.first, !namedRead {
                throw ParseError("expected \(what), got \"\(word.text)\"; usage: \(usage)", column: word.column)
            }
            throw ParseError("expected \(what); usage: \(usage)", column: statement.endColumn)
        }
        plainIndex += 1
        return plain[plainIndex - 1]
    }

    /// The named arguments, with the allowed keys, each at most once.
    mutating func named(_ allowed: [String]) throws(ParseError) -> [String: Word] {
        var result: [String: Word] = [:]
        for word in namedWords() {
            let key = word.key!
            guard word.separator == "=" else {
                throw ParseError("unexpected \"\(word.text)\"; named arguments are written key=value; usage: \(usage)", column: word.column)
            }
            guard allowed.contains(key) else {
                var message = "unknown argument \(key)="
                if let near = CommandCatalog.suggestion(for: key, among: allowed) { message += "; did you mean \(near)=?" }
                message += "; usage: \(usage)"
                throw ParseError(message, column: word.column)
            }
            guard result[key] == nil else {
                throw ParseError("\(key)= is given twice", column: word.column)
            }
            result[key] = word
        }
        return result
    }

    /// Every named word (`key=value` or `key~value`), marked as read.
    mutating func namedWords() -> [Word] {
        namedRead = true
        return named
    }

    /// Fails if words are left over.
    func end() throws(ParseError) {
        if plainIndex < plain.count {
            let word = plain[plainIndex]
            throw ParseError("unexpected \"\(word.text)\"; usage: \(usage)", column: word.column)
        }
        if let word = named.first, !namedRead {
            throw ParseError("unexpected \"\(word.text)\"; usage: \(usage)", column: word.column)
        }
    }

    /// Fails when a required named argument is missing.
    func require(_ key: String, in named: [String: Word], as what: String) throws(ParseError) -> Word {
        guard let word = named[key] else {
            throw ParseError("missing \(key)=\(what); usage: \(usage)", column: statement.endColumn)
        }
        return word
    }
}

/// Typed readings of words, each with an error that quotes what was given.
enum Values {
    static func date(_ text: String, column: Int) throws(ParseError) -> CalendarDate {
        guard let date = CalendarDate(text) else {
            let detail = text.utf8.count == 10 && text.split(separator: "-").count == 3
                ? " (no such day, or a year outside 1900-9999)" : ""
            throw ParseError("expected a date YYYY-MM-DD, got \"\(text)\"\(detail)", column: column)
        }
        return date
    }

    static func period(_ text: String, column: Int) throws(ParseError) -> Period {
        guard let period = Period(text) else {
            var message = "expected a period such as 7d, 8w, 6m or 1y, got \"\(text)\""
            if let near = periodSpelling(text) { message += "; did you mean \(near)?" }
            throw ParseError(message, column: column)
        }
        return period
    }

    static func accountID(_ text: String, column: Int) throws(ParseError) -> AccountID {
        guard let id = AccountID(text) else {
            throw ParseError(
                "expected an account id (1-64 of A-Z a-z 0-9 . _ @ -, starting with a letter or digit), got \"\(text)\"",
                column: column)
        }
        return id
    }

    static func school(_ text: String, column: Int) throws(ParseError) -> SchoolNumber {
        guard let number = SchoolNumber(text) else {
            throw ParseError("expected a 7-digit school number, got \"\(text)\"", column: column)
        }
        return number
    }

    static func laCode(_ text: String, column: Int) throws(ParseError) -> Int {
        guard text.utf8.count == 3, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let code = Int(text) else {
            throw ParseError("expected a 3-digit LA code (660-681), got \"\(text)\"", column: column)
        }
        return code
    }

    static func keyword<T: RawRepresentable & CaseIterable>(
        _ text: String, column: Int, as type: T.Type, what: String
    ) throws(ParseError) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let choices = T.allCases.map(\.rawValue)
            var message = "expected \(what) (\(choices.joined(separator: ", "))), got \"\(text)\""
            if let near = CommandCatalog.suggestion(for: text, among: choices) { message += "; did you mean \(near)?" }
            throw ParseError(message, column: column)
        }
        return value
    }

    /// The short form of a period written out (`3mo`, `8wk`, `2 years` as one word): the
    /// same length, never another.
    static func periodSpelling(_ text: String) -> String? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        let unit: String
        switch text.dropFirst(digits.count).lowercased() {
        case "day", "days": unit = "d"
        case "wk", "wks", "week", "weeks": unit = "w"
        case "mo", "mon", "mth", "month", "months": unit = "m"
        case "yr", "yrs", "year", "years": unit = "y"
        default: return nil
        }
        return digits + unit
    }

    /// The length in whole months (rounded up) that `text` names, as people write one:
    /// `12m`, `1y`, `9 months` (`unit` being the next word), `26w`, `90d`; nil for
    /// anything else.
    static func months(in text: String, unit: String?) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let number = Int(digits) else { return nil }
        var rest = String(text.dropFirst(digits.count)).lowercased()
        if rest.isEmpty, let unit { rest = unit.lowercased() }
        switch rest {
        case "d", "day", "days": return (number + 29) / 30
        case "w", "wk", "week", "weeks": return (number * 7 + 29) / 30
        case "m", "mo", "mon", "month", "months": return number
        case "y", "yr", "year", "years": return number * 12
        default: return nil
        }
    }

    static func count(_ text: String, column: Int) throws(ParseError) -> Int {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw ParseError("expected a whole number of 0 or more, got \"\(text)\"", column: column)
        }
        guard let n = Int(text) else {
            throw ParseError("\(text) is too large; the largest count is \(Int.max)", column: column)
        }
        return n
    }

    static func yesNo(_ text: String, column: Int) throws(ParseError) -> Bool {
        switch text {
        case "yes": return true
        case "no": return false
        default: throw ParseError("expected yes or no, got \"\(text)\"", column: column)
        }
    }

    static func path(_ word: Word) throws(ParseError) -> String {
        guard !word.text.isEmpty else { throw ParseError("expected a file name", column: word.column) }
        return word.text
    }
}
