@testable import HwbStorage

/// What loading `bytes` as a snapshot says is wrong with them, or nil when they load.
func decodeError(_ bytes: [UInt8]) -> String? {
    do throws(FileError) {
        _ = try Snapshot.decode(bytes, path: "s.hwbs")
        return nil
    } catch {
        return error.description
    }
}
