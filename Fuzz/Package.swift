// swift-tools-version:6.0
import PackageDescription

// Coverage-guided fuzz targets for hwbsh's readers of untrusted input, built with
// libFuzzer and the address sanitizer by scripts/fuzz, which passes
// `-sanitize=fuzzer,address` to every module. Each target is an executable whose
// `LLVMFuzzerTestOneInput` feeds one input to one entry point, and whose `main` hands it
// to libFuzzer (`Fuzzer.run`); it reaches internal entry points through
// `@testable import`, which debug builds allow.
// docs/robustness.md says what each target feeds and what was found.

/// hwbsh's libraries, which every target links.
let hwbsh: [Target.Dependency] = [
    .product(name: "HwbCore", package: "hwbsh"),
    .product(name: "HwbLanguage", package: "hwbsh"),
    .product(name: "HwbStorage", package: "hwbsh"),
    .product(name: "HwbShell", package: "hwbsh"),
]

let package = Package(
    name: "hwbsh-fuzz",
    dependencies: [
        .package(name: "hwbsh", path: ".."),
    ],
    targets: [
        // A small store, the guard that keeps fuzzed commands off the disk, and the
        // checksum repairs that let fuzzed files past the first check.
        .target(name: "FuzzSupport", dependencies: hwbsh + ["CFuzzerDriver"]),
        // The declaration of libFuzzer's driver, which the sanitizer's runtime provides.
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzCommandLine", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzAccountImport", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzSchoolImport", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzSnapshot", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzJournal", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzTranscript", dependencies: hwbsh + ["FuzzSupport"]),
        .executableTarget(name: "FuzzShell", dependencies: hwbsh + ["FuzzSupport"]),
    ]
)
