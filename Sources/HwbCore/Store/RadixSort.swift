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
