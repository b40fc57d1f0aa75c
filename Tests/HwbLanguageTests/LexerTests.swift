import HwbLanguage
import Testing

@Suite struct LexerTests {
    @Test func quotedValuesKeepBlanksAndEscapes() throws {
        let statements = try Lexer.statements(in: #"create a name="Siân \"Sî\" Ŵyn" ; date # note"#)
        #expect(statements.count == 2)
        #expect(statements[0].words.map(\.value) == ["create", "a", #"Siân "Sî" Ŵyn"#])
        #expect(statements[0].words[2].key == "name")
        #expect(statements[1].words.map(\.text) == ["date"])
    }
}

@Suite struct LexerTabTests {
    /// A tab inside quotes is part of the value, as a blank is; outside, it separates words.
    @Test func aTabInsideQuotesIsKept() throws {
        let statement = try #require(try Lexer.statements(in: "create a\tname=\"Jo\tBloggs\"").first)
        #expect(statement.words.map(\.value) == ["create", "a", "Jo\tBloggs"])
    }
}
