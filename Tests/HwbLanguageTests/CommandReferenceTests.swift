import Foundation
import HwbLanguage
import Testing

/// docs/language.md against the command catalog, the source of `help`: every command has a
/// section `### NAME` whose first block is a `usage` code block holding exactly the
/// catalog's usage line, and names the catalog's rule; and no section names a command
/// the catalog does not have. So the reference cannot drift from the commands.
@Suite struct CommandReferenceTests {
    /// One `### ` section of the page's "## Commands".
    struct Section {
        var name: String
        var lines: [String]

        /// The lines of the first fenced block, if it is a `usage` block.
        var usage: [String]? {
            let body = lines.drop { $0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard body.first == "```usage" else { return nil }
            return Array(body.dropFirst().prefix { $0 != "```" })
        }
    }

    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)) ?? ""
    }()

    /// The sections under "## Commands", in page order.
    static let sections: [Section] = {
        var sections: [Section] = []
        var inCommands = false
        for line in page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("## ") {
                inCommands = line == "## Commands"
            } else if inCommands, line.hasPrefix("### ") {
                sections.append(Section(name: String(line.dropFirst(4)), lines: []))
            } else if inCommands, !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            }
        }
        return sections
    }()

    @Test func thePageHasACommandsSection() {
        #expect(!Self.page.isEmpty, "docs/language.md could not be read")
        #expect(Self.page.contains("\n## Commands\n"))
    }

    @Test(arguments: CommandCatalog.all.map(\.name))
    func everyCommandHasItsSectionWithTheCatalogsUsage(_ name: String) throws {
        let entry = try #require(CommandCatalog.entry(for: name))
        let matching = Self.sections.filter { $0.name == name }
        try #require(matching.count == 1, "docs/language.md needs one section \"### \(name)\" under ## Commands, found \(matching.count)")
        let usage = try #require(matching[0].usage, "the section \"### \(name)\" must start with a ```usage block")
        #expect(usage == [entry.usage], "the usage of \(name) in docs/language.md differs from `help \(name)`")
        if let rule = entry.rule {
            #expect(matching[0].lines.joined(separator: "\n").contains(rule), "the section of \(name) does not name its rule \(rule)")
        }
    }

    @Test func everySectionIsACommandOfTheCatalog() {
        let names = Set(CommandCatalog.all.map(\.name))
        for section in Self.sections {
            #expect(names.contains(section.name), "docs/language.md has a section \"### \(section.name)\" that is not a command")
        }
    }

    /// In the order of `help`, so that a reader finds them grouped by task.
    @Test func theSectionsFollowTheOrderOfHelp() {
        #expect(Self.sections.map(\.name) == CommandCatalog.all.map(\.name))
    }
}
