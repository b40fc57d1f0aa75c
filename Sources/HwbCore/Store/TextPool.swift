/// Texts kept once each and named by a small number: the audit log's actors, commands,
/// actions, account ids and text values, which repeat from entry to entry.
///
/// The bytes of every text sit in one arena, found through an open-addressing hash table,
/// so a text costs its bytes and three integers, with no allocation of its own.
struct TextPool: Sendable {
    /// A text's number: its place in the pool, in the order the texts came.
    typealias Index = Int32

    private var bytes: [UInt8] = []
    /// Where each text starts in `bytes`; the last element is where the next one will.
    private var starts: [Int] = [0]
    /// Texts by the hash of their bytes, or -1 for an empty slot; at most half full.
    private var slots: [Index] = []

    var count: Int { starts.count - 1 }

    /// The number of `text`, which is added if it is new.
    mutating func intern(_ text: String) -> Index {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The number of the text made of `text`'s bytes, which is added if it is new.
    mutating func intern(_ text: UnsafeRawBufferPointer) -> Index {
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = AccountTable.hash(text) & mask
        while slots[slot] >= 0 {
            if equals(slots[slot], text) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        let index = Index(count)
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        slots[slot] = index
        return index
    }

    /// The number of the text made of these bytes, or nil when the pool does not hold it.
    func index(of text: UnsafeRawBufferPointer) -> Index? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = AccountTable.hash(text) & mask
        while slots[slot] >= 0 {
            if equals(slots[slot], text) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        return nil
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

    private func equals(_ index: Index, _ text: UnsafeRawBufferPointer) -> Bool {
        withBytes(of: index) { $0.elementsEqual(text) }
    }

    mutating func reserveCapacity(_ texts: Int) {
        starts.reserveGrowing(texts + 1)
        while texts * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Index](repeating: -1, count: Swift.max(16, slots.count * 2))
        let mask = slots.count - 1
        for index in 0..<Index(count) {
            var slot = withBytes(of: index) { AccountTable.hash($0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = index
        }
    }
}
