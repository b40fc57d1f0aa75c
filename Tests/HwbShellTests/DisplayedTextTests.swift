@testable import HwbShell
import HwbTestSupport
import Testing

/// The one notation for control characters in what hwbsh prints: `\u{..}`, as tables
/// always showed them.
@Suite struct DisplayedTextTests {
    @Test func controlCharactersAreShownAsCodePoints() {
        #expect(Fixtures.terminalAttack.displayed == Fixtures.terminalAttackShown)
        #expect("a\u{9B}b\u{7F}c\u{0}".displayed == #"a\u{9b}b\u{7f}c\u{0}"#)
        #expect("line\nbreak\ttab\r".displayed == #"line\u{a}break\u{9}tab\u{d}"#)
    }

    @Test(arguments: ["", "Ysgol y Môr", "Siân \"Sî\" Ŵyn, 🏫 ·", #"back\slash \u{1b}"#, "Ü\u{301}", "\u{A0}\u{BF}"])
    func ordinaryTextIsShownAsItIs(text: String) {
        #expect(text.displayed == text)
        #expect(text.displayedKeepingLineEnds == text)
    }

    @Test func aDocumentKeepsItsLineEnds() {
        #expect("a,b\r\n\u{1B}c\n".displayedKeepingLineEnds == "a,b\r\n" + #"\u{1b}c"# + "\n")
        #expect("lone\rreturn\r".displayedKeepingLineEnds == #"lone\u{d}return\u{d}"#)
    }

    /// JSON escapes every control character its own way, C1 and DEL included, and reads
    /// back the same.
    @Test func jsonEscapesEveryControlCharacter() {
        var out: [UInt8] = []
        JSONText.appendQuoted("a\u{7F}b\u{9B}c\u{A0}d\u{1B}é", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\u007fb\u009bc"# + "\u{A0}" + #"d\u001bé""#)
    }
}
