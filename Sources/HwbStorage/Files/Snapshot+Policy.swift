import HwbCore

/// The policy block of a version 3 snapshot: the numbers the store's rules are built on,
/// so that a store saved after `policy set` loads under the policy it was saved with.
///
/// The block is a count, then each parameter as two strings, its name and its value as
/// `policy` shows them (`deletion`, `9m`), in the order of `Policy.Name.allCases`. Words,
/// not numbers, so that the block reads the same whatever parameters come later. A block
/// that is not what `encodePolicy` writes, every parameter exactly once with a value it
/// could hold, is refused, naming the parameter at fault.
extension Snapshot {
    /// The block for `policy`.
    static func encodePolicy(_ policy: Policy) -> [UInt8] {
        let settings = policy.settings
        var block = ByteWriter(capacity: 16 + settings.count * 24)
        block.count(settings.count)
        for setting in settings {
            block.string(setting.name.rawValue)
            block.string(setting.value)
        }
        return block.bytes
    }

    /// The policy `encodePolicy` wrote, or a malformed file that says which parameter is
    /// unknown, repeated, missing, out of range or not written as hwbsh writes it.
    static func decodePolicy(_ reader: inout ByteReader) throws -> Policy {
        var settings: [Policy.Setting] = []
        // Each setting read is one more known, unrepeated parameter, so a forged count
        // ends at the first setting too many.
        for _ in 0..<(try reader.count("policy count")) {
            let name = try reader.string("policy name")
            let value = try reader.string("policy value")
            settings.append(try policySetting(name, value, after: settings))
        }
        guard reader.isAtEnd else { throw ByteReader.Malformed(what: "its policy runs on") }
        if let missing = Policy.Name.allCases.first(where: { name in !settings.contains { $0.name == name } }) {
            throw ByteReader.Malformed(what: "its policy does not set \(missing.rawValue)")
        }
        guard settings.map(\.name) == Policy.Name.allCases else {
            throw ByteReader.Malformed(what: "its policy's parameters are not in the order hwbsh writes them")
        }
        return Policy.guidance.applying(settings)
    }

    /// The setting `name=value` of a policy block, after `earlier` ones, or a malformed
    /// file that says what is wrong with it.
    private static func policySetting(_ name: String, _ value: String, after earlier: [Policy.Setting]) throws -> Policy.Setting {
        guard let parameter = Policy.Name(rawValue: name) else {
            throw ByteReader.Malformed(what: "its policy sets \"\(name)\", which is not a policy parameter")
        }
        guard !earlier.contains(where: { $0.name == parameter }) else {
            throw ByteReader.Malformed(what: "its policy sets \(name) twice")
        }
        let setting: Policy.Setting
        do {
            setting = try Policy.Setting(name: parameter, value: value)
        } catch {
            throw ByteReader.Malformed(what: "its policy is wrong: \(error.message)")
        }
        guard setting.value == value else {
            throw ByteReader.Malformed(what: "its policy's \(name) is \"\(value)\", which hwbsh writes as \(setting.value)")
        }
        return setting
    }
}
