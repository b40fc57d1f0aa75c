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
