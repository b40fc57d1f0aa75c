@testable import HwbCore
import HwbTestSupport
import Testing

/// The id map a batch builds in one sweep (`mapIDs`) finds every id, reports each repeat
/// with the first row that had its id, and keeps working as a map afterwards: rows
/// added, removed and looked up one at a time.
@Suite struct IDMapTests {
    private static func id(_ number: Int) -> String { "user.\(number)" }

    static func batch(_ ids: [String]) -> AccountTable {
        var rows = AccountTable.Rows()
        let values = AccountTable.RowValues(kind: .mis, school: SchoolNumber("6612001")!)
        for id in ids {
            var id = id
            id.withUTF8 { rows.append(id: UnsafeRawBufferPointer($0), name: UnsafeRawBufferPointer($0), values) }
        }
        var table = AccountTable()
        table.append(rows)
        return table
    }

    /// Sizes around powers of two, where the runs of the table most often wrap round its end.
    @Test(arguments: [1, 2, 7, 8, 9, 1_000, 4_095, 4_096, 4_097, 20_000])
    func everyIDIsFoundInItsRow(count: Int) {
        var table = Self.batch((0..<count).map(Self.id))
        #expect(table.mapIDs().isEmpty)
        for number in 0..<count {
            #expect(table.row(of: AccountID(Self.id(number))!) == Int32(number))
        }
        #expect(table.row(of: AccountID("nobody")!) == nil)
    }

    @Test(arguments: 0..<10)
    func repeatsNameTheirFirstRow(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let ids = (0..<3_000).map { _ in Self.id(Int.random(in: 0..<2_000, using: &random)) }
        var table = Self.batch(ids)
        let repeats = table.mapIDs()
        var firstRow: [String: Int32] = [:]
        var expected: [(row: Int32, first: Int32)] = []
        for (row, id) in ids.enumerated() {
            if let first = firstRow[id] { expected.append((Int32(row), first)) } else { firstRow[id] = Int32(row) }
        }
        #expect(repeats.map(\.row) == expected.map(\.row))
        #expect(repeats.map(\.first) == expected.map(\.first))
        for (id, row) in firstRow { #expect(table.row(of: AccountID(id)!) == row) }
    }

    @Test func theMapKeepsWorkingAfterRemovalsAndAdditions() {
        var table = Self.batch((0..<5_000).map(Self.id))
        _ = table.mapIDs()
        for number in stride(from: 0, to: 5_000, by: 3) { table.remove(Int32(number)) }
        for number in 0..<5_000 {
            let row = table.row(of: AccountID(Self.id(number))!)
            #expect(row == (number % 3 == 0 ? nil : Int32(number)))
        }
    }
}

/// Rows sorted by id come in the order of their ids, however long the prefix they share.
@Suite struct SortByIDTests {
    @Test(arguments: 0..<10)
    func rowsComeInTheOrderOfTheirIDs(seed: Int) {
        let prefixes = ["a", "aled.jones", "aled.jones-", "gwenllian.williams-", "gwenllian.williams-prit", "z"]
        Self.expectSorted(seed: seed, prefixes: prefixes, count: 2_000, numbersBelow: 5_000)
    }

    /// A sweep-sized set: groups of thousands that share their first bytes, some past
    /// the 16 bytes that are sorted a byte at a time.
    @Test(arguments: 0..<3)
    func largeGroupsSharingLongPrefixesComeInOrder(seed: Int) {
        let prefixes = ["m", "ma", "mererid.", "mererid.jones", "gwenllian.williams-", "gwenllian.williams-pritchard."]
        Self.expectSorted(seed: seed, prefixes: prefixes, count: 30_000, numbersBelow: 100_000)
    }

    /// Up to `count` ids, each a prefix and a number, in rows shuffled then sorted by id,
    /// come in the byte order of the ids.
    private static func expectSorted(seed: Int, prefixes: [String], count: Int, numbersBelow limit: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let ids = Set((0..<count).map { _ in
            prefixes.randomElement(using: &random)! + String(Int.random(in: 0..<limit, using: &random))
        }).shuffled(using: &random)
        let table = IDMapTests.batch(ids)
        var rows = (0..<Int32(ids.count)).shuffled(using: &random)
        table.sortByID(&rows)
        #expect(rows.map { ids[Int($0)] } == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
