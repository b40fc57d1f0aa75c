@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing
import HwbTerminal

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

    /// Text is read eight bytes at a time: a control character is found wherever it
    /// stands, and bytes like those of one (0xC2 in `·`, 0x1B inside no character) are
    /// not taken for one.
    @Test(arguments: ["\u{1B}", "\u{7}", "\u{7F}", "\u{85}", "\u{9F}", "\n", "·", "\u{A0}", "é"])
    func everyPlaceInALongTextIsLookedAt(inserted: String) {
        for offset in 0..<24 {
            let text = String(repeating: "a", count: offset) + inserted + String(repeating: "b", count: 17)
            var expected = ""
            for scalar in text.unicodeScalars {
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                expected += control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
            #expect(text.displayed == expected, "at \(offset)")
        }
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
