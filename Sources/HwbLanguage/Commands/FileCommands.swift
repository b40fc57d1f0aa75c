import HwbCore

/// Files: snapshots, imports, exports and scripts.
extension CommandCatalog {
    static let files: [CommandDeclaration] = [
        CommandDeclaration(
            name: "save", group: .files, usage: "save FILE",
            summary: "Writes the whole store (clock, directory, accounts, audit log, actor) to a snapshot file.",
            rule: nil, example: "save demo.hwbs",
            words: { plain in plain.isEmpty ? [.files] : [] },
            parse: { r throws(ParseError) -> Command in
                return .save(path: try Values.path(r.positional("a file name")))
            }),
        CommandDeclaration(
            name: "load", group: .files, usage: "load FILE",
            summary: "Replaces the store with a snapshot file, after checking it completely.",
            rule: "R14", example: "load demo.hwbs",
            words: { plain in plain.isEmpty ? [.files] : [] },
            parse: { r throws(ParseError) -> Command in
                return .load(path: try Values.path(r.positional("a file name")))
            }),
        CommandDeclaration(
            name: "import", group: .files, usage: "import accounts FILE | import schools FILE",
            summary: "Adds accounts (CSV with the export columns) or schools (number,name,maintained) from a CSV file; all or nothing, bad rows listed by line.",
            rule: "R14", example: "import schools schools.csv",
            words: { plain in
                switch plain.count {
                case 0: [.words(["accounts", "schools"])]
                case 1: [.files]
                default: []
                }
            },
            parse: { r throws(ParseError) -> Command in
                let what = try r.positional("accounts or schools")
                let path = try Values.path(r.positional("a file name"))
                switch what.text {
                case "accounts": return .importAccounts(path: path)
                case "schools": return .importSchools(path: path)
                default: throw ParseError("expected accounts or schools after import, got \"\(what.text)\"", column: what.column)
                }
            }),
        CommandDeclaration(
            name: "export", group: .files, usage: "export json|csv FILE [FILTER...]",
            summary: "Writes the accounts in your scope in the interchange formats; FILE - writes to standard output.",
            rule: nil, example: "export json accounts.json status=active",
            words: { plain in
                switch plain.count {
                case 0: [.words(ExportFormat.allCases.map(\.rawValue))]
                case 1: [.files]
                default: []
                }
            },
            keys: { plain in plain.count < 2 ? [] : Parser.filterNames },
            parse: { r throws(ParseError) -> Command in
                let word = try r.positional("json or csv")
                let format = try Values.keyword(word.text, column: word.column, as: ExportFormat.self, what: "an export format")
                let path = try Values.path(r.positional("a file name (- for standard output)"))
                return .export(format, path: path, filters: try Parser.filters(&r))
            }),
        CommandDeclaration(
            name: "run", group: .files, usage: "run FILE",
            summary: "Runs a script file.",
            rule: nil, example: "run examples/year-end.hwb",
            words: { plain in plain.isEmpty ? [.files] : [] },
            parse: { r throws(ParseError) -> Command in
                return .run(path: try Values.path(r.positional("a file name")))
            }),
    ]
}
