import HwbCore

/// Shell: how output looks and where it goes, help, leaving.
extension CommandCatalog {
    static let shell: [CommandDeclaration] = [
        CommandDeclaration(
            name: "format", group: .shell, usage: "format [auto|table|expanded|csv|json]",
            summary: "How listings print: auto (a table when it fits the screen, else one field a line), table, expanded (one field a line), csv or json. Alone: the current format.",
            rule: nil, example: "format expanded",
            words: { plain in plain.isEmpty ? [.words(OutputFormat.allCases.map(\.rawValue))] : [] },
            parse: { r throws(ParseError) -> Command in
                guard let word = r.peekPlain else { return .format(nil) }
                _ = try r.positional("a format")
                return .format(try Values.keyword(word.text, column: word.column, as: OutputFormat.self, what: "a format"))
            }),
        CommandDeclaration(
            name: "output", group: .shell, usage: "output [FILE]",
            summary: "Sends what commands print to FILE (made anew, readable by you alone) until output alone sends it back to the screen; errors stay on the screen.",
            rule: nil, example: "output report.txt",
            words: { plain in plain.isEmpty ? [.files] : [] },
            parse: { r throws(ParseError) -> Command in
                guard r.peekPlain != nil else { return .output(path: nil) }
                return .output(path: try Values.path(r.positional("a file name")))
            }),
        CommandDeclaration(
            name: "once", group: .shell, usage: "once FILE",
            summary: "Sends what the next command prints to FILE, then back to the screen.",
            rule: nil, example: "once governors.csv",
            words: { plain in plain.isEmpty ? [.files] : [] },
            parse: { r throws(ParseError) -> Command in
                return .once(path: try Values.path(r.positional("a file name")))
            }),
        CommandDeclaration(
            name: "pager", group: .shell, usage: "pager on|off",
            summary: "Whether output taller than the screen goes through $PAGER (less -FRX when unset); on by default at a terminal.",
            rule: nil, example: "pager off",
            words: { plain in plain.isEmpty ? [.words(["on", "off"])] : [] },
            parse: { r throws(ParseError) -> Command in
                let word = try r.positional("on or off")
                guard word.text == "on" || word.text == "off" else {
                    let near = CommandCatalog.suggestion(for: word.text, among: ["on", "off"]).map { "; did you mean \($0)?" } ?? ""
                    throw ParseError("expected on or off after pager, got \"\(word.text)\"\(near)", column: word.column)
                }
                let on = word.text == "on"
                return .pager(on)
            }),
        CommandDeclaration(
            name: "timer", group: .shell, usage: "timer on|off",
            summary: "Whether the time each command took is printed after it.",
            rule: nil, example: "timer on",
            words: { plain in plain.isEmpty ? [.words(["on", "off"])] : [] },
            parse: { r throws(ParseError) -> Command in
                let word = try r.positional("on or off")
                guard word.text == "on" || word.text == "off" else {
                    let near = CommandCatalog.suggestion(for: word.text, among: ["on", "off"]).map { "; did you mean \($0)?" } ?? ""
                    throw ParseError("expected on or off after timer, got \"\(word.text)\"\(near)", column: word.column)
                }
                let on = word.text == "on"
                return .timer(on)
            }),
        CommandDeclaration(
            name: "echo", group: .shell, usage: "echo on|off",
            summary: "Whether scripts print each command before what it prints.",
            rule: nil, example: "echo on",
            words: { plain in plain.isEmpty ? [.words(["on", "off"])] : [] },
            parse: { r throws(ParseError) -> Command in
                let word = try r.positional("on or off")
                guard word.text == "on" || word.text == "off" else {
                    let near = CommandCatalog.suggestion(for: word.text, among: ["on", "off"]).map { "; did you mean \($0)?" } ?? ""
                    throw ParseError("expected on or off after echo, got \"\(word.text)\"\(near)", column: word.column)
                }
                let on = word.text == "on"
                return .echo(on)
            }),
        CommandDeclaration(
            name: "print", group: .shell, usage: "print TEXT...",
            summary: "Prints the text: narration in scripts and demos.",
            rule: nil, example: "print \"Now the summer sweep\"",
            parse: { r throws(ParseError) -> Command in
                .print(r.allWords().map(\.text).joined(separator: " "))
            }),
        CommandDeclaration(
            name: "settings", group: .shell, usage: "settings",
            summary: "Shows the format, pager, output, timer, echo, who you act as, today and the store.",
            rule: nil, example: "settings",
            parse: { r throws(ParseError) -> Command in
                return .settings
            }),
        CommandDeclaration(
            name: "help", group: .shell, usage: "help [COMMAND|TOPIC]",
            summary: "Lists the commands, or shows one command's usage and an example; topics: rules, R1-R14, filters, periods, actors, formats, files. Any other word is looked up in the commands and rules.",
            rule: nil, example: "help keep",
            words: { plain in plain.isEmpty ? [.commandWords] : [] },
            parse: { r throws(ParseError) -> Command in
                guard let topic = r.peekPlain else { return .help(topic: nil) }
                while r.peekPlain != nil { _ = try r.positional("a command name") }
                return .help(topic: topic.text)
            }),
        CommandDeclaration(
            name: "quit", group: .shell, usage: "quit | exit",
            summary: "Leaves hwbsh (also Ctrl-D).",
            rule: nil, example: "quit", aliases: ["exit"],
            parse: { r throws(ParseError) -> Command in
                return .quit
            }),
    ]
}
