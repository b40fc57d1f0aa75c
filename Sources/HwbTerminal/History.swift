import Foundation
import HwbStorage

/// The command history kept across interactive sessions: one command a line in
/// `$HWBSH_HISTORY` or `~/.hwbsh_history`, without repeats (a command used again moves to
/// the end), at most `limit` commands, readable by its owner only.
public struct History {
    public private(set) var entries: [String] = []
    public let path: String?
    public let limit: Int

    public init(path: String?, limit: Int = 1000) {
        self.path = path
        self.limit = limit
        // Like every file hwbsh reads, only a regular file of a sensible size; a history
        // that cannot be read starts empty.
        if let path, let bytes = try? FileAccess.read(path) {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") { add(String(line)) }
        }
    }

    /// The history file named by the environment, or `~/.hwbsh_history`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["HWBSH_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.hwbsh_history"
    }

    /// Adds a command (not a blank one); an earlier copy of it is dropped.
    public mutating func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// Writes the file; a history that cannot be written is not worth stopping the shell for.
    public func save() {
        guard let path else { return }
        let text = entries.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        try? FileAccess.writeAtomically(text, to: path)
    }
}
