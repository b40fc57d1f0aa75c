@testable import HwbCore
import HwbTestSupport
import Testing

/// The date indexes' set of rows agrees with `Set` on any run of inserts and removals.
@Suite struct RowSetTests {
    @Test(arguments: 0..<20)
    func agreesWithSet(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        var rows = RowSet()
        var expected = Set<Int32>()
        // Few distinct rows, so that inserts meet rows already in and removals find them.
        let range: ClosedRange<Int32> = 0...Int32(Int.random(in: 8...2_000, using: &random))
        for _ in 0..<5_000 {
            let row = Int32.random(in: range, using: &random)
            if Bool.random(using: &random) {
                #expect(rows.insert(row) == expected.insert(row).inserted)
            } else {
                #expect(rows.remove(row) == (expected.remove(row) != nil))
            }
            #expect(rows.count == expected.count)
        }
        #expect(Set(rows.rows) == expected)
        #expect(range.allSatisfy { rows.contains($0) == expected.contains($0) })
    }
}
