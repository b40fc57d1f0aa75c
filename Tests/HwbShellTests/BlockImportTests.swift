import HwbCore
@testable import HwbShell
@testable import HwbStorage
import HwbTestSupport
import Testing

/// `import accounts` reads a file block by block (`AccountCSVReader.blockSize`), each
/// block's records starting after the first line end in it. Blocks here are a few bytes
/// to a few rows, so that every way a block can end falls somewhere in a small file: in
/// a quoted cell, between a CR and its LF, in the byte order mark's row, on a blank line.
@Suite struct BlockImportTests {
    typealias Fast = FastImportTests

    /// A sound file of `count` rows (names with quotes, commas and line ends included).
    static func rows(_ count: Int, seed: UInt64) -> [[String]] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { Fast.row($0, &random, spoil: false) }
    }

    /// What the careful reader makes of `bytes`, row by row, against what the block reader
    /// makes of them with blocks of `blockSize` bytes.
    static func expectSameRows(_ bytes: [UInt8], blockSize: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let accounts = try #require(try Fast.carefully(bytes), sourceLocation: sourceLocation)
        let batch = try #require(AccountCSVReader.batch(bytes, blockSize: blockSize), "blocks of \(blockSize)",
                                 sourceLocation: sourceLocation)
        #expect(batch.count == accounts.count, "blocks of \(blockSize)", sourceLocation: sourceLocation)
        for (row, account) in accounts.enumerated() where row < batch.count {
            #expect(batch.fields(at: AccountTable.Row(row)) == account, "blocks of \(blockSize), row \(row + 1)",
                    sourceLocation: sourceLocation)
        }
    }

    static var allColumns: [Int] { Array(Fast.columns.indices) }

    @Test(arguments: [false, true])
    func everyBlockSizeReadsTheSameRows(crlf: Bool) throws {
        let bytes = Fast.file(Self.rows(12, seed: crlf ? 1 : 2), order: Self.allColumns, crlf: crlf)
        for blockSize in [1, 2, 3, 5, 8, 13, 31, 64, 97, 128, 200, 256, 500, bytes.count - 1, bytes.count, bytes.count + 1] {
            try Self.expectSameRows(bytes, blockSize: blockSize)
        }
    }

    /// Whatever the blocks, the reader takes the same files, and reads the same rows from
    /// them, as it does in one block: spoilt rows, quoted names and CRLF line ends included.
    @Test(arguments: 0..<100)
    func blocksNeverChangeWhatIsRead(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 1000)
        let rows = (0..<Int.random(in: 1...20, using: &random)).map {
            Fast.row($0, &random, spoil: Int.random(in: 0..<10, using: &random) == 0)
        }
        var order = Self.allColumns
        if seed % 3 == 0 { order.shuffle(using: &random) }
        let bytes = Fast.file(rows, order: order, crlf: seed % 2 == 0)
        let whole = AccountCSVReader.batch(bytes, blockSize: bytes.count)
        let blockSize = Int.random(in: 1...300, using: &random)
        let blocks = AccountCSVReader.batch(bytes, blockSize: blockSize)
        #expect((whole == nil) == (blocks == nil), "blocks of \(blockSize)")
        if let whole, let blocks {
            #expect(blocks.count == whole.count)
            #expect((0..<whole.count).allSatisfy { blocks[AccountTable.Row($0)] == whole[AccountTable.Row($0)] },
                    "blocks of \(blockSize)")
        }
    }

    /// A block that ends inside a quoted name spanning lines cannot know where its next
    /// record starts: the file is then read in one piece, and every row is still read.
    @Test func aBlockEndingInsideAQuotedCellIsReadAgainWhole() throws {
        var rows = Self.rows(20, seed: 3)
        for index in rows.indices { rows[index][Account.Field.name.ordinal] = "Name \(index)" }
        rows[9][Account.Field.name.ordinal] = String(repeating: "a \"quoted\" line\n", count: 40)
        let bytes = Fast.file(rows, order: Self.allColumns, crlf: false)
        for blockSize in [64, 100, 256, 1000] {
            try Self.expectSameRows(bytes, blockSize: blockSize)
        }
    }

    /// A block may end between the CR and the LF of a line end.
    @Test func aBlockEndingBetweenCRAndLFKeepsTheLineEnd() throws {
        let bytes = Fast.file(Self.rows(6, seed: 4), order: Self.allColumns, crlf: true)
        let crs = bytes.indices.filter { bytes[$0] == 13 }.dropFirst()
        for cr in crs.prefix(3) {
            // Blocks of `cr + 1 - base` bytes: the first ends right after the CR.
            let base = try #require(bytes.firstIndex(of: 10)) + 1
            if cr + 1 > base { try Self.expectSameRows(bytes, blockSize: cr + 1 - base) }
        }
    }

    @Test func aByteOrderMarkIsSkippedWhateverTheBlocks() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Fast.file(Self.rows(8, seed: 5), order: Self.allColumns, crlf: false)
        for blockSize in [7, 50, 300, bytes.count] {
            try Self.expectSameRows(bytes, blockSize: blockSize)
        }
    }

    @Test func blankLinesAndAFileWithNoLastLineEndAreReadWhateverTheBlocks() throws {
        var text = String(decoding: Fast.file(Self.rows(5, seed: 6), order: Self.allColumns, crlf: false), as: UTF8.self)
        text = text.replacingOccurrences(of: "\n", with: "\n\n")
        text.removeLast(2)
        let bytes = Array(text.utf8)
        for blockSize in [1, 9, 60, 200] {
            try Self.expectSameRows(bytes, blockSize: blockSize)
        }
    }

    /// A file that fits one block, or ends exactly at a block's end, is read as any other.
    @Test func aFileOfExactlyOneOrTwoBlocks() throws {
        let bytes = Fast.file(Self.rows(10, seed: 7), order: Self.allColumns, crlf: false)
        let base = try #require(bytes.firstIndex(of: 10)) + 1
        try Self.expectSameRows(bytes, blockSize: bytes.count - base)
        try Self.expectSameRows(bytes, blockSize: (bytes.count - base + 1) / 2)
    }

    /// A row the fast reader cannot take in the last block sends the whole file to the
    /// careful reader, which names it; nothing is imported.
    @Test func aBadRowInTheLastBlockRefusesTheWholeFile() throws {
        var rows = Self.rows(30, seed: 8)
        for index in rows.indices { rows[index][Account.Field.name.ordinal] = "Name \(index)" }
        rows[29][Account.Field.created.ordinal] = "2027-02-30"
        let bytes = Fast.file(rows, order: Self.allColumns, crlf: false)
        #expect(AccountCSVReader.batch(bytes, blockSize: 256) == nil)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("a.csv", bytes: bytes)
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        let lines = session.run("import accounts \(path)").errorLines
        #expect(lines.first?.hasSuffix("import refused, nothing imported: 1 bad row in \(path)") == true, "\(lines)")
        #expect(lines.dropFirst() == ["  \(path):31: created: expected a date YYYY-MM-DD, got \"2027-02-30\""], "\(lines)")
        #expect(session.run("count").output == "0\n")
    }

    /// A file on disk is read block by block with `pread`, as one in memory is.
    @Test func aFileIsReadFromDiskBlockByBlock() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var rows = Self.rows(40, seed: 9)
        rows[20][Account.Field.name.ordinal] = "Two\nLines"
        let bytes = Fast.file(rows, order: Self.allColumns, crlf: true)
        let path = try folder.write("a.csv", bytes: bytes)
        let accounts = try #require(try Fast.carefully(bytes))
        for blockSize in [50, 333, 4096] {
            let file = try FileAccess.BlockFile(path)
            defer { file.close() }
            let batch = try #require(AccountCSVReader.batch(file, blockSize: blockSize))
            #expect(batch.count == accounts.count)
            #expect((0..<accounts.count).allSatisfy { batch.fields(at: AccountTable.Row($0)) == accounts[$0] }, "blocks of \(blockSize)")
        }
    }

    @Test func aHeaderWithNoRowsReadsAsNoRows() throws {
        for text in ["id,name,kind,school,status,created,content", "id,name,kind,school,status,created,content\r\n",
                     "\u{FEFF}id,name,kind,school,status,created,content\n"] {
            let batch = try #require(AccountCSVReader.batch(Array(text.utf8), blockSize: 4))
            #expect(batch.count == 0)
        }
    }

    /// An empty file, or one that is not UTF-8, is still refused with the careful
    /// reader's one line, and changes nothing.
    @Test func anEmptyOrBinaryFileIsRefusedInOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let empty = try folder.write("e.csv", "")
        let binary = try folder.write("b.csv", bytes: Array("id,name,kind,school,status,created,content\n".utf8) + [0xFF, 0xFE, 10])
        let session = ShellSession(today: "2027-07-01")
        session.run(Scenarios.schools)
        let emptyLines = session.run("import accounts \(empty)").errorLines
        #expect(emptyLines.count == 1 && emptyLines[0].hasSuffix("error: \(empty) is empty; expected a header row"), "\(emptyLines)")
        let binaryLines = session.run("import accounts \(binary)").errorLines
        #expect(binaryLines.count == 1 && binaryLines[0].hasSuffix("error: \(binary):2: not valid UTF-8 text"), "\(binaryLines)")
        #expect(session.run("count").output == "0\n")
    }
}
