/// SplitMix64: a small seeded generator, so that a failing property test can be replayed
/// from its seed on any machine (the standard library's random number generator cannot be
/// seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in `range`. Our own reduction rather than `Int.random(in:using:)`, whose
    /// algorithm the standard library does not promise to keep.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    public mutating func element<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// One of `choices`, each with its weight.
    public mutating func weighted<T>(_ choices: [(Int, T)]) -> T {
        var roll = int(in: 0...(choices.reduce(0) { $0 + $1.0 } - 1))
        for (weight, choice) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.count - 1].1
    }
}
