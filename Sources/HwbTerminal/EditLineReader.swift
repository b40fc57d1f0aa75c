import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines on a terminal with libedit: emacs keys, history (up/down, Ctrl-R), Tab
/// completion, Ctrl-C to drop the line being typed, Ctrl-D to leave.
public final class EditLineReader: LineReader {
    /// On the heap: libedit keeps a pointer to it.
    private let editor: UnsafeMutablePointer<hwb_editor>
    private var history: History
    private let completer: (String) -> Completion?
    private var promptStorage: UnsafeMutablePointer<CChar>?
    /// Whether the terminal's text is UTF-8; if not, prompts are shown in ASCII.
    private let isUTF8: Bool

    /// Nil when libedit cannot start (no terminal); the caller then reads plainly.
    public init?(history: History, completer: @escaping (String) -> Completion?) {
        self.history = history
        self.completer = completer
        isUTF8 = hwb_use_utf8_locale() == 1
        editor = .allocate(capacity: 1)
        editor.initialize(to: hwb_editor())
        guard hwb_editor_open(editor, "hwbsh") == 0 else {
            hwb_editor_close(editor)
            editor.deallocate()
            return nil
        }
        editor.pointee.context = Unmanaged.passUnretained(self).toOpaque()
        editor.pointee.complete = { context, line in
            guard let context else { return nil }
            let reader = Unmanaged<EditLineReader>.fromOpaque(context).takeUnretainedValue()
            guard let completion = reader.completer(String(cString: line)) else { return nil }
            return strdup(completion.libeditText(width: terminalWidth() ?? 80))
        }
        reloadHistory()
    }

    deinit {
        hwb_editor_close(editor)
        editor.deallocate()
        free(promptStorage)
    }

    public func readLine(prompt: String) -> LineInput {
        free(promptStorage)
        promptStorage = strdup(isUTF8 ? prompt : Self.ascii(prompt))
        editor.pointee.prompt = promptStorage
        var interrupted: Int32 = 0
        guard let line = hwb_editor_gets(editor, &interrupted) else {
            // Leave the abandoned line (or the prompt, at Ctrl-D) on a line of its own.
            _ = write(1, "\n", 1)
            return interrupted != 0 ? .interrupted : .end
        }
        var text = String(cString: line)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return .line(text)
    }

    /// The prompt without its non-ASCII signs, for a terminal that is not UTF-8.
    static func ascii(_ prompt: String) -> String {
        String(prompt.map { character -> Character in
            switch character {
            case "·": return "|"
            case "›": return ">"
            case "…": return "."
            default: return character.isASCII ? character : "?"
            }
        })
    }

    public func remember(_ line: String) {
        history.add(line)
        history.save()
        reloadHistory()
    }

    /// libedit's own list mirrors `history`, which drops repeats anywhere, not only in a row.
    private func reloadHistory() {
        hwb_history_clear(editor)
        for entry in history.entries { hwb_history_add(editor, entry) }
    }
}

/// The width of the terminal on standard output, or nil when it is not a terminal.
public func terminalWidth() -> Int? {
    let width = Int(hwb_terminal_width(1))
    return width > 0 ? width : nil
}

/// The height of the terminal on standard output, or nil when it is not a terminal.
public func terminalHeight() -> Int? {
    let height = Int(hwb_terminal_height(1))
    return height > 0 ? height : nil
}
