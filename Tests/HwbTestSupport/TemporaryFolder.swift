import Foundation

/// A new empty folder for one test's files, with shorthands to write and read them.
///
///     let folder = try TemporaryFolder()
///     let path = try folder.write("schools.csv", "number,name,maintained\n")
public struct TemporaryFolder: Sendable {
    public let path: String

    public init() throws {
        path = try Executable.temporaryDirectory()
    }

    /// The absolute path of `name` in the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` as UTF-8 to `name`; returns its absolute path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name`; returns its absolute path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    /// The file's bytes.
    public func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// The file as UTF-8 text.
    public func read(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: file(name))
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
