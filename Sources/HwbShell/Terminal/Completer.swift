import Foundation
import HwbCore
import HwbLanguage
import HwbTerminal

/// Tab completion for the command language: command words and subcommands, `key=`
/// names, keyword values, account ids and school numbers from the store, and file names.
///
///     Completer(store: store, actor: .serviceDesk).complete("keep jo.bl")
///     // Completion(insertion: "oggs ", candidates: ["jo.bloggs"])
public struct Completer {
    public var store: Store
    public var actor: Actor
    /// Where relative file names are looked up.
    public var directory: String

    public init(store: Store, actor: Actor, directory: String = FileManager.default.currentDirectoryPath) {
        self.store = store
        self.actor = actor
        self.directory = directory
    }

    /// The completion of the last word of `line` (the text up to the cursor), or nil when
    /// nothing fits.
    public func complete(_ line: String) -> Completion? {
        let statementText = line.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? line
        let current = statementText.last == " " || statementText.last == "\t" || statementText.isEmpty
            ? "" : String(statementText.split(whereSeparator: { $0 == " " || $0 == "\t" }).last ?? "")
        guard !current.contains("\"") else { return nil }
        let before = String(statementText.dropLast(current.count))
        guard let statements = try? Lexer.statements(in: before) else { return nil }
        let words = statements.first?.words ?? []
        // Ids ignore case, so `show GW` finds gwen (ids are all lower case); other words,
        // file names among them, are matched as they are.
        let typed = current.lowercased() == current || !isIDPosition(words) ? current : current.lowercased()
        let candidates = self.candidates(after: words, current: current).filter { $0.hasPrefix(typed) }
        let unique = Array(NSOrderedSet(array: candidates)) as? [String] ?? candidates
        guard !unique.isEmpty else { return nil }
        var insertion = String(commonPrefix(unique).dropFirst(current.count))
        if unique.count == 1, let only = unique.first, !only.hasSuffix("="), !only.hasSuffix("~"), !only.hasSuffix("/") {
            insertion += " "
        }
        return Completion(insertion: insertion, candidates: unique.count > 1 ? unique : [])
    }

    private func candidates(after words: [Word], current: String) -> [String] {
        guard let command = words.first?.text else { return CommandCatalog.commandWords.sorted() }
        if let separator = current.firstIndex(where: { $0 == "=" || $0 == "~" }) {
            let key = String(current[..<separator])
            let prefix = String(current[...separator])
            return values(for: key, command: command).map { prefix + $0 }
        }
        guard let declaration = CommandCatalog.entry(for: command) else { return [] }
        let plain = words.dropFirst().filter { $0.key == nil }.map(\.text)
        let givenKeys = Set(words.compactMap(\.key))
        let keys = declaration.keys(plain).filter { !givenKeys.contains($0) || $0 == "name~" }
        let next = declaration.words(plain).flatMap { candidates(from: $0, current: current) }
        return next + keys.map { $0.hasSuffix("~") ? $0 : $0 + "=" }
    }

    /// Whether the word being typed is an account id.
    private func isIDPosition(_ words: [Word]) -> Bool {
        guard let command = words.first?.text, let declaration = CommandCatalog.entry(for: command) else { return false }
        let plain = words.dropFirst().filter { $0.key == nil }.map(\.text)
        return declaration.words(plain).contains { source in
            if case .accountIDs = source { return true }
            if case .moreAccountIDs(afterWhere: false) = source { return true }
            return false
        }
    }

    /// The candidates a declaration's source stands for.
    private func candidates(from source: CompletionSource, current: String) -> [String] {
        switch source {
        case .words(let words): return words
        case .commandWords: return CommandCatalog.commandWords.sorted()
        case .accountIDs: return ids(current)
        case .moreAccountIDs(let afterWhere): return afterWhere || current.isEmpty ? [] : ids(current)
        case .keepPeriods: return store.policy.keeps.map(\.rawValue)
        case .schools(let maintainedOnly): return schoolNumbers(maintainedOnly: maintainedOnly)
        case .laCodes: return LocalAuthority.codes.map(String.init)
        case .files: return files(current)
        }
    }

    /// Values for `key=`.
    private func values(for key: String, command: String) -> [String] {
        switch key {
        case "category": return Account.Category.allCases.map(\.rawValue)
        case "role": return Account.Role.allCases.map(\.rawValue)
        case "kind": return Account.Kind.allCases.map(\.rawValue)
        case "status": return Account.Status.allCases.map(\.rawValue)
        case "reason": return Account.Reason.allCases.map(\.rawValue)
        case "for": return ["1m", "3m", "6m", "end-of-year"]
        case "maintained": return ["yes", "no"]
        case "school": return schoolNumbers(maintainedOnly: command == "create")
        case "la": return LocalAuthority.codes.map(String.init)
        case "expires", "until", "on", "since", "deactivated": return [store.today.description]
        case "rule": return Rule.allCases.map(\.rawValue)
        case "by": return Report.Grouping.allCases.map(\.rawValue)
        case "expiring", "inactive": return ["8w", "90d", "1m", "3m", "6m", "1y"]
        default: return []
        }
    }

    /// Account ids in the actor's scope starting with `prefix`, sorted.
    private func ids(_ prefix: String) -> [String] {
        store.ids(visibleTo: actor, startingWith: prefix.lowercased()).map(\.value)
    }

    private func schoolNumbers(maintainedOnly: Bool) -> [String] {
        store.schools.values
            .filter { (!maintainedOnly || $0.maintained) && actor.covers($0.number) }
            .map(\.number.description).sorted()
    }

    /// File and folder names (folders with a trailing /) for a partial path. A name with
    /// a control character is left out: a command cannot hold it (the lexer refuses it),
    /// and listed as a candidate it would reach the terminal as it is.
    private func files(_ partial: String) -> [String] {
        let folderPart = partial.contains("/") ? String(partial[...partial.lastIndex(of: "/")!]) : ""
        let folder = folderPart.hasPrefix("/") ? folderPart : directory + "/" + folderPart
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return []
        }
        let shown = names.filter { name in
            name.displayed == name && (!name.hasPrefix(".") || partial.hasPrefix(folderPart + "."))
        }
        return shown.sorted().map { name in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
            return folderPart + name + (isFolder.boolValue ? "/" : "")
        }
    }

    private func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            while !word.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
