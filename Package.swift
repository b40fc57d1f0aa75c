// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hwbsh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hwbsh", targets: ["hwbsh"]),
        // The libraries as products, so that the fuzz targets in Fuzz/ (a package of
        // their own) can depend on them; hwbsh itself does not need these.
        .library(name: "HwbCore", targets: ["HwbCore"]),
        .library(name: "HwbLanguage", targets: ["HwbLanguage"]),
        .library(name: "HwbStorage", targets: ["HwbStorage"]),
        .library(name: "HwbShell", targets: ["HwbShell"]),
        .library(name: "HwbTerminal", targets: ["HwbTerminal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The pure core: dates, rules, the store. No I/O, no wall clock.
        .target(name: "HwbCore"),
        // Lexer, parser and command AST.
        .target(name: "HwbLanguage", dependencies: ["HwbCore"]),
        // The files: snapshots, the --store journal and lock, the CSV and JSON interchange
        // formats. No terminal, no command language.
        .target(name: "HwbStorage", dependencies: ["HwbCore"]),
        // libedit (Debian's libedit-dev) and a small C shim for its variadic calls.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The terminal: libedit line editing, history, completion lists, text made safe to
        // show. Nothing of the language or the interpreter.
        .target(name: "HwbTerminal", dependencies: ["HwbStorage", "CLibEdit"]),
        // The interpreter, the renderer, script running, transcripts, the program.
        .target(name: "HwbShell", dependencies: ["HwbCore", "HwbLanguage", "HwbStorage", "HwbTerminal"]),
        .executableTarget(
            name: "hwbsh",
            dependencies: [
                "HwbShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures shared by the test targets.
        .target(name: "HwbTestSupport", dependencies: ["HwbCore", "HwbShell"], path: "Tests/HwbTestSupport"),
        .testTarget(name: "HwbCoreTests", dependencies: ["HwbCore", "HwbTestSupport"]),
        .testTarget(name: "HwbPropertyTests", dependencies: ["HwbCore", "HwbTestSupport"]),
        .testTarget(name: "HwbLanguageTests", dependencies: ["HwbLanguage"]),
        .testTarget(name: "HwbShellTests", dependencies: ["HwbShell", "HwbStorage", "HwbTerminal", "HwbTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["HwbTestSupport"]),
        // hwbsh on a pseudo-terminal (spawned by a small C helper), and on pipes.
        .target(name: "CTestPTY", path: "Tests/CTestPTY"),
        .testTarget(name: "InteractiveTests", dependencies: ["HwbTestSupport", "CTestPTY"]),
    ]
)
