/// One command of the language, declared in one place: its help (usage, purpose, rule
/// and an example), how its arguments are read, and what Tab offers for them. The
/// declarations are in `Commands/`, one file for each group of `help`.
public struct CommandDeclaration: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case explore = "Explore"
        case manage = "Manage accounts"
        case simulate = "Simulate (the system itself)"
        case files = "Files"
        case shell = "Shell"
    }

    /// The command word (`keep`), or the first of a family (`mis` for `mis join`).
    public var name: String
    public var group: Group
    public var usage: String
    public var summary: String
    /// The rule the command follows, if any (`R7`).
    public var rule: String?
    public var example: String
    /// Other words for the command (`exit` for `quit`).
    public var aliases: [String] = []
    /// What the plain word after `plain` (those typed so far) can be, for completion.
    public var words: @Sendable (_ plain: [String]) -> [CompletionSource] = { _ in [] }
    /// The `key=` names (and `name~`) the command takes after `plain`, for completion.
    public var keys: @Sendable (_ plain: [String]) -> [String] = { _ in [] }
    /// Reads the arguments after the command word into a command.
    let parse: @Sendable (inout ArgumentReader) throws(ParseError) -> Command

    init(
        name: String, group: Group, usage: String, summary: String, rule: String?, example: String,
        aliases: [String] = [],
        words: @escaping @Sendable ([String]) -> [CompletionSource] = { _ in [] },
        keys: @escaping @Sendable ([String]) -> [String] = { _ in [] },
        parse: @escaping @Sendable (inout ArgumentReader) throws(ParseError) -> Command
    ) {
        self.name = name
        self.group = group
        self.usage = usage
        self.summary = summary
        self.rule = rule
        self.example = example
        self.aliases = aliases
        self.words = words
        self.keys = keys
        self.parse = parse
    }
}

/// What a word being completed can be; the shell, which has the store and the disk,
/// turns each into candidates.
public enum CompletionSource: Sendable, Equatable {
    case words([String])
    case commandWords
    case accountIDs
    /// Further ids of `keep`/`close`: none after `where`, or before a letter is typed
    /// (an empty word is offered the periods).
    case moreAccountIDs(afterWhere: Bool)
    /// The periods `keep` takes: the store's policy chooses among the four.
    case keepPeriods
    case schools(maintainedOnly: Bool)
    case laCodes
    case files
}

public enum CommandCatalog {
    /// Every command, in the order of `help`.
    public static let all: [CommandDeclaration] = explore + manage + simulate + files + shell

    /// The declaration of a command word or alias (`exit` is `quit`).
    public static func entry(for word: String) -> CommandDeclaration? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// Every command word the parser accepts.
    public static var commandWords: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// The closest of `candidates` to a mistyped `word`, if it is close enough to be a typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        // Equally near, one the word begins wins (`of` is `off` cut short, not `on` mistyped).
        let scored = candidates.map { ($0, editDistance(word, $0)) }.min { a, b in
            a.1 != b.1 ? a.1 < b.1 : a.0.hasPrefix(word) && !b.0.hasPrefix(word)
        }
        guard let (best, distance) = scored, distance <= max(1, min(word.count, best.count) / 3) else { return nil }
        return best
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var distance = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { distance[i][0] = i }
        for j in 0...b.count { distance[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                distance[i][j] = min(distance[i - 1][j] + 1, distance[i][j - 1] + 1, distance[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    distance[i][j] = min(distance[i][j], distance[i - 2][j - 2] + 1)
                }
            }
        }
        return distance[a.count][b.count]
    }
}
