/// A set of account rows: open addressing on a power-of-two table with linear probing and
/// a multiplicative hash. Rows are small numbers, so they need no seeded hash (`Set` hashes
/// each with SipHash); the date indexes insert and remove hundreds of thousands at a time.
struct RowSet: Sendable {
    typealias Row = AccountTable.Row

    /// Rows, or -1 for an empty slot; at most half full.
    private var slots: [Row] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds `row`; false when it was already in.
    @discardableResult
    mutating func insert(_ row: Row) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = home(of: row)
        while slots[slot] >= 0 {
            if slots[slot] == row { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = row
        count += 1
        return true
    }

    /// Takes `row` out; false when it was not in.
    @discardableResult
    mutating func remove(_ row: Row) -> Bool {
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        var hole = home(of: row)
        while slots[hole] != row {
            if slots[hole] < 0 { return false }
            hole = (hole + 1) & mask
        }
        // Backward-shift deletion: later rows of the same run move up, so no tombstones.
        var next = (hole + 1) & mask
        while slots[next] >= 0 {
            let distanceToHome = (next - home(of: slots[next])) & mask
            if distanceToHome >= (next - hole) & mask {
                slots[hole] = slots[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        slots[hole] = -1
        count -= 1
        return true
    }

    func contains(_ row: Row) -> Bool {
        guard !slots.isEmpty else { return false }
        var slot = home(of: row)
        while slots[slot] >= 0 {
            if slots[slot] == row { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    /// Every row, in no order.
    var rows: [Row] { slots.filter { $0 >= 0 } }

    /// Fibonacci hashing: the top bits of the row times 2^64/φ.
    private func home(of row: Row) -> Int {
        let bits = slots.count.trailingZeroBitCount
        return Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: row)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// Makes room for `total` rows in all, so that the set does not grow before then.
    mutating func reserveCapacity(_ total: Int) {
        guard total * 2 > slots.count else { return }
        var capacity = Swift.max(8, slots.count)
        while total * 2 > capacity { capacity *= 2 }
        rehash(capacity)
    }

    private mutating func grow() {
        rehash(Swift.max(8, slots.count * 2))
    }

    private mutating func rehash(_ capacity: Int) {
        let old = slots
        slots = [Row](repeating: -1, count: capacity)
        count = 0
        for row in old where row >= 0 { insert(row) }
    }
}
