import FuzzSupport
@testable import HwbStorage

/// One input is a snapshot file, loaded from memory (`Snapshot.decode`, which reads from
/// a `MemorySource` as `load` reads from a file) twice: as it is, and with its checksums
/// made right, so that the fields behind them are reached. A snapshot that loads must
/// save and load again to the same store.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for input in [bytes, ChecksumRepair.snapshot(bytes)] {
        guard let contents = try? Snapshot.decode(input, path: "fuzz.hwbsnap") else { continue }
        let saved = Snapshot.encode(contents)
        do {
            let again = try Snapshot.decode(saved, path: "saved.hwbsnap")
            guard again.store.accounts == contents.store.accounts, again.store.schools == contents.store.schools,
                  again.store.audit.all == contents.store.audit.all, again.store.today == contents.store.today,
                  again.store.policy == contents.store.policy, again.actor == contents.actor else {
                fatalError("a snapshot that loaded does not load the same after saving it")
            }
        } catch {
            fatalError("a snapshot that loaded cannot be loaded after saving it: \(error)")
        }
    }
    return 0
}

@main
enum Main {
    static func main() { Fuzzer.run(fuzzSnapshot) }
}
