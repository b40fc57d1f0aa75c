import HwbLanguage
import Testing

/// docs/language.md "Lines and words": blanks, quotes with `\"` and `\\`, `;`, `#`, `key=value`.
@Suite struct LexerWordTests {
    private func words(_ line: String) throws -> [Word] {
        let statements = try Lexer.statements(in: line)
        try #require(statements.count == 1)
        return statements[0].words
    }

    @Test func blanksAndTabsSeparateWords() throws {
        #expect(try words("keep \t jo.bloggs\t6m").map(\.text) == ["keep", "jo.bloggs", "6m"])
    }

    @Test func escapedQuoteAndBackslashInsideQuotes() throws {
        let word = try words(#"create a name="a \"b\" c\\d""#)[2]
        #expect(word.key == "name")
        #expect(word.value == #"a "b" c\d"#)
    }

    @Test func anyOtherBackslashStandsForItself() throws {
        #expect(try words(#"save "C:\data\n.hwbs""#)[1].text == #"C:\data\n.hwbs"#)
    }

    @Test func aTrailingEscapedBackslashClosesTheQuote() throws {
        // "a\\" is the text a\ followed by the closing quote.
        let word = try words(#"school add 6612001 name="a\\""#)[3]
        #expect(word.value == #"a\"#)
    }

    @Test func quotesMayJoinPartsOfOneWord() throws {
        let word = try words(#"create a name=Jo" "Bloggs"#)[2]
        #expect(word.key == "name")
        #expect(word.value == "Jo Bloggs")
    }

    @Test func emptyQuotedValue() throws {
        let word = try words(#"create a name="""#)[2]
        #expect(word.key == "name")
        #expect(word.value == "")
    }

    @Test func quotedTextWithEqualsIsAPlainWord() throws {
        let word = try words(#"save "a=b.hwbs""#)[1]
        #expect(word.key == nil)
        #expect(word.text == "a=b.hwbs")
    }

    @Test func valueMayContainEqualsAndTilde() throws {
        let word = try words("list name~a=b~c")[1]
        #expect(word.key == "name")
        #expect(word.separator == "~")
        #expect(word.value == "a=b~c")
    }

    @Test func namedArgumentHasKeyValueAndValueColumn() throws {
        let word = try words(#"create jo name="Jo Bloggs""#)[2]
        #expect(word.key == "name")
        #expect(word.separator == "=")
        #expect(word.value == "Jo Bloggs")
        #expect(word.column == 11)
        #expect(word.valueColumn == 16)
    }

    @Test func nameFilterUsesTilde() throws {
        let word = try words("list name~Blog")[1]
        #expect(word.key == "name")
        #expect(word.separator == "~")
        #expect(word.value == "Blog")
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "Siân" has a two-byte â; columns are in characters.
        let line = #"create a name="Siân Ŵyn" x"#
        let list = try words(line)
        #expect(list.map(\.column) == [1, 8, 10, 26])
    }

    @Test func semicolonSeparatesCommands() throws {
        let statements = try Lexer.statements(in: "date;date set 2027-07-01 ; whoami")
        #expect(statements.map { $0.words.map(\.text) } == [["date"], ["date", "set", "2027-07-01"], ["whoami"]])
        #expect(statements.map(\.column) == [1, 6, 28])
        #expect(statements.map(\.text) == ["date", "date set 2027-07-01", "whoami"])
    }

    @Test func emptyCommandsBetweenSemicolonsAreSkipped() throws {
        let statements = try Lexer.statements(in: " ;; date ;;")
        #expect(statements.map { $0.words.map(\.text) } == [["date"]])
    }

    @Test func semicolonAndHashInsideQuotesAreText() throws {
        let statements = try Lexer.statements(in: #"school add 6612001 name="A; #1""#)
        #expect(statements.count == 1)
        #expect(statements[0].words[3].value == "A; #1")
    }

    @Test func hashStartsACommentOutsideQuotes() throws {
        let statements = try Lexer.statements(in: "date # date; whoami")
        #expect(statements.map { $0.words.map(\.text) } == [["date"]])
        #expect(statements[0].text == "date")
    }

    @Test func hashRightAfterAWordStartsAComment() throws {
        let statements = try Lexer.statements(in: "whoami#note")
        #expect(statements.map { $0.words.map(\.text) } == [["whoami"]])
    }

    @Test(arguments: ["", "   ", "\t", "# only a comment", "  # indented comment", ";"])
    func blankAndCommentLinesHaveNoCommands(_ line: String) throws {
        #expect(try Lexer.statements(in: line).isEmpty)
    }

    @Test func statementTextIsTheCommandAsTyped() throws {
        let statements = try Lexer.statements(in: #"  create a name="x"   ; date  # c"#)
        #expect(statements.map(\.text) == [#"create a name="x""#, "date"])
        #expect(statements.map(\.column) == [3, 25])
    }

    @Test func endColumnIsJustPastTheLastWord() throws {
        let statement = try #require(try Lexer.statements(in: "keep jo   ").first)
        #expect(statement.endColumn == 8)
    }
}

/// Lines the lexer refuses: the error points at the offending character.
@Suite struct LexerErrorTests {
    private func lexError(_ line: String) -> ParseError? {
        do {
            _ = try Lexer.statements(in: line)
            return nil
        } catch {
            return error
        }
    }

    @Test func unterminatedQuotePointsAtTheQuote() throws {
        let error = try #require(lexError(#"create jo name="Jo Bloggs"#))
        #expect(error.column == 16)
        #expect(error.message.contains("no closing \""))
    }

    @Test func escapedQuoteDoesNotCloseTheValue() throws {
        let error = try #require(lexError(#"create jo name="Jo\""#))
        #expect(error.column == 16)
    }

    @Test func unterminatedQuoteAfterASemicolonRefusesTheLine() throws {
        let error = try #require(lexError(#"date; school add 6612001 name="A"#))
        #expect(error.column == 31)
    }

    @Test func controlCharacterBetweenWordsIsRefused() throws {
        let error = try #require(lexError("date \u{1} set"))
        #expect(error.column == 6)
        #expect(error.message.contains("U+0001"))
    }

    /// A control character glued to a word must be reported as such, not turn the word
    /// into an "unknown command" that looks like a known one.
    @Test(arguments: [("date\u{1}", 5, "U+0001"), ("whoami\u{7F}", 7, "U+007F"), ("keep jo\u{1B} 6m", 8, "U+001B"),
                      ("date\rdate", 5, "U+000D")])
    func controlCharacterInsideAWordIsRefused(_ line: String, _ column: Int, _ code: String) throws {
        let error = try #require(lexError(line), "the lexer accepted a control character inside a word")
        #expect(error.column == column)
        #expect(error.message.contains(code))
    }

    /// An invisible control character in a quoted value (a name) would end up in listings
    /// and files; it is refused like one between words.
    @Test func controlCharacterInsideQuotesIsRefused() throws {
        let error = try #require(lexError("school add 6612001 name=\"A\u{1B}[2J\""), "the lexer accepted ESC inside quotes")
        #expect(error.column == 27)
        #expect(error.message.contains("U+001B"))
    }
}
