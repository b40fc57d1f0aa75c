import HwbCore
import HwbTestSupport
import Testing

/// The stored text's UTF-8 check agrees with `String(validating:)`.
@Suite struct UTF8CheckTests {
    @Test(arguments: 0..<20)
    func agreesWithTheStandardLibrary(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let pieces: [[UInt8]] = [
            Array("Gwenllïan ".utf8), Array("ASCII only, long enough".utf8), Array("😀".utf8),
            [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80],
        ]
        for _ in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) { bytes += pieces.randomElement(using: &random)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBytes(AccountTable.isUTF8) == expected, "\(bytes)")
        }
    }
}
