import Foundation
import HwbTestSupport
import Testing

/// The reference inside the repository: docs/language.md names every option of the built
/// program, the man page is what scripts/man makes of that page now, the examples of the
/// reference pages print what they show, the completion scripts work, and nothing links
/// to a file outside the repository. (The commands are checked against the catalog in
/// HwbLanguageTests' `CommandReferenceTests`.)
@Suite struct ReferenceDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The option names (`-c`, `--store`) in the OPTIONS part of a `--help` text.
    static func options(inHelp help: String) -> Set<String> {
        guard let start = help.range(of: "\nOPTIONS:\n") else { return [] }
        var names: Set<String> = []
        for line in help[start.upperBound...].split(separator: "\n") where line.hasPrefix("  -") {
            let words = line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
            for word in words.prefix(while: { $0.hasPrefix("-") || $0.hasPrefix("<") }) where word.hasPrefix("-") {
                names.insert(word)
            }
        }
        return names
    }

    /// The option names in the `### ` headings of docs/language.md's "## Options".
    static func documentedOptions() throws -> Set<String> {
        var names: Set<String> = []
        var inOptions = false
        for line in try text("docs/language.md").split(separator: "\n") {
            if line.hasPrefix("## ") { inOptions = line == "## Options" }
            guard inOptions, line.hasPrefix("### ") else { continue }
            for part in line.dropFirst(4).split(separator: "`") {
                if let name = part.split(separator: " ").first, name.hasPrefix("-") { names.insert(String(name)) }
            }
        }
        return names
    }

    @Test(arguments: [["--help"], ["test", "--help"]])
    func everyOptionOfHelpIsInTheReference(_ arguments: [String]) throws {
        let result = try Executable.run(arguments)
        #expect(result.status == 0)
        let shown = Self.options(inHelp: result.stdout)
        #expect(shown.contains("--help"), "could not read the options of hwbsh \(arguments.joined(separator: " "))")
        let documented = try Self.documentedOptions()
        for option in shown.sorted() {
            #expect(documented.contains(option), "docs/language.md has no \"### `\(option)...`\" under ## Options")
        }
    }

    @Test func everyOptionOfTheReferenceIsAnOption() throws {
        let shown = Self.options(inHelp: try Executable.run(["--help"]).stdout)
            .union(Self.options(inHelp: try Executable.run(["test", "--help"]).stdout))
            .union(["--generate-completion-script"])
        for option in try Self.documentedOptions().sorted() {
            #expect(shown.contains(option), "docs/language.md documents \(option), which hwbsh --help does not have")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesTheOptions(_ shell: String) throws {
        let result = try Executable.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for option in ["store", "record", "date", "as", "keep-going", "pace", "yes"] {
            // bash and zsh write `--store`; fish writes `-l 'store'`.
            #expect(result.stdout.contains("--\(option)") || result.stdout.contains("'\(option)'"),
                    "the \(shell) completion script does not name --\(option)")
        }
    }

    /// docs/hwbsh.1 is committed; scripts/man --check fails when it is not what the
    /// generator makes of docs/language.md now.
    @Test func manPageIsMadeFromTheReference() throws {
        let result = try Self.python(["scripts/man", "--check"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Every `transcript` block of docs/rules.md and docs/language.md prints what it shows.
    @Test func examplesOfTheReferencePagesPrintWhatTheyShow() throws {
        let result = try Self.python(["scripts/doc-examples", "--hwbsh", Executable.path, "--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func everyRuleHasItsSectionAndATranscript() throws {
        let page = try Self.text("docs/rules.md")
        let sections = page.components(separatedBy: "\n## ").dropFirst()
        for number in 1...14 {
            let section = try #require(sections.first { $0.hasPrefix("R\(number) ") }, "docs/rules.md has no section \"## R\(number) ...\"")
            #expect(section.contains("```transcript"), "R\(number) has no worked example")
            #expect(section.contains("](../examples/"), "R\(number) points to no transcript in examples/")
        }
    }

    /// The README's documentation index names every file of docs/.
    @Test func readmeListsEveryFileOfDocs() throws {
        let readme = try Self.text("README.md")
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("docs").path)
        #expect(!files.isEmpty)
        for file in files.sorted() where !file.hasPrefix(".") {
            #expect(readme.contains("](docs/\(file))"), "README.md does not link docs/\(file)")
        }
    }

    /// Nothing in the repository links outside it: no relative Markdown link climbs above
    /// the root or names a missing file.
    @Test func nothingLinksOutsideTheRepository() throws {
        let link = try NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var problems: [String] = []
        for path in try Self.repositoryFiles() {
            let url = Self.root.appendingPathComponent(path)
            guard path.hasSuffix(".md") else { continue }
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            let range = NSRange(text.startIndex..., in: text)
            for match in link.matches(in: text, range: range) {
                let target = String(text[Range(match.range(at: 1), in: text)!])
                if target.hasPrefix("http://") || target.hasPrefix("https://") {
                    if target.contains("/spec/") { problems.append("\(path) links to a spec folder: \(target)") }
                    continue
                }
                if target.hasPrefix("#") || target.hasPrefix("mailto:") { continue }
                let file = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
                let resolved = url.deletingLastPathComponent().appendingPathComponent(file).standardizedFileURL.path
                if target.hasPrefix("/") || !(resolved + "/").hasPrefix(Self.root.standardizedFileURL.path + "/") {
                    problems.append("\(path) links outside the repository: \(target)")
                } else if !FileManager.default.fileExists(atPath: resolved) {
                    problems.append("\(path) links to a missing file: \(target)")
                }
            }
        }
        #expect(problems == [])
    }

    /// README.md, Package.swift and every file below docs/, examples/, Sources/, Tests/
    /// and scripts/, relative to the root.
    static func repositoryFiles() throws -> [String] {
        var files = ["README.md", "Package.swift"]
        for folder in ["docs", "examples", "Sources", "Tests", "scripts"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(folder + "/" + url.path.dropFirst(base.path.count + 1))
            }
        }
        #expect(files.count > 100, "the repository's files could not be listed")
        return files
    }

    /// Runs a Python script of the repository from its root.
    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
