/// Texts kept once each and named by a small number: the audit log's actors, commands,
/// account ids and text values, which repeat from entry to entry.
///
/// The bytes of every text sit in one arena, found through an open-addressing hash table,
/// so a text costs its bytes and three integers, with no allocation of its own. Each slot
/// keeps the top half of its text's hash beside the text's number, so that a probe
/// reads the arena only for a text that is very likely the one sought.
struct TextPool: Sendable {
    /// A text's number: its place in the pool, in the order the texts came.
    typealias Index = Int32

    private var bytes: [UInt8] = []
    /// Where each text starts in `bytes`; the last element is where the next one will.
    private var starts: [Int] = [0]
    /// Texts by the hash of their bytes: the top half of the hash above the text's
    /// number, or `empty`; at most half full.
    private var slots: [UInt64] = []
    private static let empty = UInt64.max

    var count: Int { starts.count - 1 }

    /// The number of `text`, which is added if it is new.
    mutating func intern(_ text: String) -> Index {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The number of the text made of `text`'s bytes, which is added if it is new.
    mutating func intern(_ text: UnsafeRawBufferPointer) -> Index {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = AccountTable.hash(text)
        let (slot, found) = probe(text, hash: hash)
        if let found { return found }
        let index = Index(count)
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        slots[slot] = AccountTable.slot(hash: hash, holding: index)
        return index
    }

    /// The number of the text made of these bytes, or nil when the pool does not hold it.
    func index(of text: UnsafeRawBufferPointer) -> Index? {
        guard !slots.isEmpty else { return nil }
        return probe(text, hash: AccountTable.hash(text)).found
    }

    /// The slot that holds `text`, and its number; or the empty slot where it would go.
    private func probe(_ text: UnsafeRawBufferPointer, hash: Int) -> (slot: Int, found: Index?) {
        let mask = slots.count - 1, tag = AccountTable.tag(hash)
        var slot = hash & mask
        while slots[slot] != Self.empty {
            if slots[slot] >> 32 == tag {
                let index = Index(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF)
                if withBytes(of: index, { $0.count == text.count && $0.elementsEqual(text) }) { return (slot, index) }
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    func index(of text: String) -> Index? {
        var text = text
        return text.withUTF8 { index(of: UnsafeRawBufferPointer($0)) }
    }

    /// The text numbered `index`.
    subscript(index: Index) -> String {
        withBytes(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<T>(of index: Index, _ body: (UnsafeRawBufferPointer) -> T) -> T {
        let range = starts[Int(index)]..<starts[Int(index) + 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    mutating func reserveCapacity(_ texts: Int) {
        starts.reserveGrowing(texts + 1)
        while texts * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [UInt64](repeating: Self.empty, count: Swift.max(16, slots.count * 2))
        let mask = slots.count - 1
        for index in 0..<Index(count) {
            let hash = withBytes(of: index) { AccountTable.hash($0) }
            var slot = hash & mask
            while slots[slot] != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = AccountTable.slot(hash: hash, holding: index)
        }
    }
}
