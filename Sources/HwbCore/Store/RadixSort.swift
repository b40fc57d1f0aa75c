/// Sorts `items` by `digitCount` digits of `bitsPerDigit` bits each, least significant
/// first (`digit(item, 0)` is the least significant), keeping the order of equal items.
///
/// For the store's bulk work (a national store's ids, a sweep's tens of thousands of
/// rows): a pass per digit over the items, where a comparison sort would compare each
/// item twenty times. A pass in which every item has the same digit is skipped.
func radixSort<Item>(_ items: inout [Item], digitCount: Int, bitsPerDigit: Int, digit: (Item, Int) -> Int) {
    guard items.count > 1 else { return }
    var buffer = items
    var starts = [Int](repeating: 0, count: 1 << bitsPerDigit + 1)
    for place in 0..<digitCount {
        for index in starts.indices { starts[index] = 0 }
        for item in items { starts[digit(item, place) + 1] += 1 }
        guard !starts.contains(items.count) else { continue }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        items.withUnsafeBufferPointer { items in
            buffer.withUnsafeMutableBufferPointer { buffer in
                for item in items {
                    let value = digit(item, place)
                    buffer[starts[value]] = item
                    starts[value] += 1
                }
            }
        }
        swap(&items, &buffer)
    }
}

extension Array where Element == AccountTable.Row {
    /// Sorts row numbers in ascending order, 11 bits a pass: two passes for a national
    /// store's rows, where `sort()` would compare each row twenty times.
    mutating func sortRows() {
        guard let largest = self.max(), largest > 0 else { return }
        let bits = Int32.bitWidth - largest.leadingZeroBitCount
        radixSort(&self, digitCount: (bits + 10) / 11, bitsPerDigit: 11) { row, place in
            Int(row >> Int32(11 * place)) & 0x7FF
        }
    }
}

/// The first 16 bytes of ids as two big-endian numbers, with each id's place, sorted a
/// byte at a time from the first (most significant digit first) until a group holds a
/// few hundred ids, which are then compared: a sweep's 75,000 ids take two passes and
/// groups of about a hundred, where a comparison sort of them all would compare each
/// one seventeen times.
struct IDKeys {
    struct Key {
        var high: UInt64
        var low: UInt64
        var place: Int32

        /// Byte `index` (0 is the first) of the 16.
        func byte(_ index: Int) -> Int {
            let word = index < 8 ? high : low
            return Int(truncatingIfNeeded: word >> UInt64(56 - 8 * (index % 8))) & 0xFF
        }

        func precedes(_ other: Key) -> Bool {
            high != other.high ? high < other.high : low < other.low
        }
    }

    private(set) var keys: [Key]
    private var scratch: [Key]
    /// Groups this small are put in order by insertion, and up to `mediumGroup` by
    /// comparison; larger ones are split by their next byte.
    private static let smallGroup = 24
    private static let mediumGroup = 512

    init(_ keys: [Key]) {
        self.keys = keys
        scratch = keys
    }

    /// Sorts the keys; keys whose 16 bytes are the same are ordered by `tie(place, place)`.
    mutating func sort(tie: (Int32, Int32) -> Bool) {
        sort(0..<keys.count, from: 0, tie: tie)
    }

    private mutating func sort(_ range: Range<Int>, from byte: Int, tie: (Int32, Int32) -> Bool) {
        if range.count <= Self.smallGroup {
            insertionSort(range, tie: tie)
            return
        }
        if range.count <= Self.mediumGroup || byte == 16 {
            // Ids that share their first bytes (names do: "mererid.jones1", "mererid.jones2")
            // would take a pass for each shared byte: a group this small is compared.
            keys[range].sort { Self.precedes($0, $1, tie: tie) }
            return
        }
        var starts = [Int](repeating: 0, count: 257)
        for index in range { starts[keys[index].byte(byte) + 1] += 1 }
        // Every key shares this byte: on to the next, without moving any.
        guard !starts.contains(range.count) else {
            sort(range, from: byte + 1, tie: tie)
            return
        }
        starts[0] = range.lowerBound
        for digit in 1..<257 { starts[digit] += starts[digit - 1] }
        var next = starts
        for index in range {
            let digit = keys[index].byte(byte)
            scratch[next[digit]] = keys[index]
            next[digit] += 1
        }
        for index in range { keys[index] = scratch[index] }
        for digit in 0..<256 where starts[digit + 1] - starts[digit] > 1 {
            sort(starts[digit]..<starts[digit + 1], from: byte + 1, tie: tie)
        }
    }

    private mutating func insertionSort(_ range: Range<Int>, tie: (Int32, Int32) -> Bool) {
        for index in range.dropFirst() {
            let key = keys[index]
            var hole = index
            while hole > range.lowerBound, Self.precedes(key, keys[hole - 1], tie: tie) {
                keys[hole] = keys[hole - 1]
                hole -= 1
            }
            keys[hole] = key
        }
    }

    private static func precedes(_ a: Key, _ b: Key, tie: (Int32, Int32) -> Bool) -> Bool {
        if a.high != b.high || a.low != b.low { return a.precedes(b) }
        return tie(a.place, b.place)
    }
}
