@testable import HwbShell
import Testing

/// The listing layouts: a table wraps its cells at spaces and never cuts a word; one
/// field a line; lines wrap keeping the blanks between words.
@Suite struct TableLayoutTests {
    private var table: Table {
        var table = Table(["ID", "NAME", "DATES"])
        table.add(["gwenllian.governor", "Gwenllïan ap Rhys-Williams Thomas", "since 2027-07-20, deletion 2028-07-20"])
        table.add(["jo", "Jo", ""])
        return table
    }

    @Test func aTableWrapsItsCellsAtSpacesToFit() {
        let lines = table.render(width: 60).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 60 }, "\(lines)")
        let words = Set(lines.flatMap { $0.split(separator: " ") })
        for word in ["gwenllian.governor", "Rhys-Williams", "2027-07-20,", "2028-07-20"] {
            #expect(words.contains(Substring(word)), "\(word) whole in \(lines)")
        }
        #expect(!lines.contains { $0.contains("…") })
    }

    @Test func aTableThatCannotFitRunsWiderWithWordsWhole() {
        #expect(!table.fits(width: 30))
        let lines = table.render(width: 30).split(separator: "\n")
        #expect(lines.contains { $0.contains("gwenllian.governor") })
        #expect(lines.contains { $0.contains("Rhys-Williams") })
    }

    @Test func expandedShowsOneFieldALine() {
        #expect(table.renderExpanded(width: 80) == """
            -[ 1 of 2 ]-----------------------------
            ID     gwenllian.governor
            NAME   Gwenllïan ap Rhys-Williams Thomas
            DATES  since 2027-07-20, deletion 2028-07-20
            -[ 2 of 2 ]-----------------------------
            ID     jo
            NAME   Jo
            DATES

            """)
    }

    @Test func documentsKeepEveryCellAndAnEmptyOneIsNull() {
        #expect(String(decoding: table.csv(), as: UTF8.self) == """
            id,name,dates
            gwenllian.governor,Gwenllïan ap Rhys-Williams Thomas,"since 2027-07-20, deletion 2028-07-20"
            jo,Jo,

            """)
        #expect(String(decoding: table.json(), as: UTF8.self).contains(#"{"id": "jo", "name": "Jo", "dates": null}"#))
    }

    @Test func wrappingKeepsTheBlanksBetweenWordsAndTheIndent() {
        #expect("  expired   a01, a02, a03".wrapped(to: 18) == ["  expired   a01,", "  a02, a03"])
        #expect("short".wrapped(to: 18) == ["short"])
        #expect("averyveryverylongword and".wrapped(to: 10) == ["averyveryverylongword", "and"])
    }
}
